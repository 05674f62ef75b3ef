//! The catalogue as one Markdown document (`banzi rules --markdown`): an index table, then
//! every rule with its scope, severities, thresholds, source and documentation.
//!
//! The repository ships this output as `docs/rules.md`, and a test keeps the file equal to
//! the command's output, so a reader of the code finds the documentation the code cites
//! without running banzi, and it cannot drift from the rules.

use super::{fmt_num, Config, Preset, Rule, RuleMeta, Severity};

/// The catalogue of `rules` as Markdown, with the severities and thresholds of `cfg`.
pub fn markdown(rules: &[&dyn Rule], cfg: &Config) -> String {
    let mut out = String::from("# Rule catalogue\n\n");
    out.push_str(
        "The rules banzi checks, in code order, as `banzi rules --markdown` prints them \
         (this file is that output; a test keeps it current). Severities and thresholds are \
         those in force: the presets' defaults unless `--rules` names a file that changes \
         them. `banzi rules explain CODE` prints one rule.\n\n",
    );
    out.push_str(
        "| code | name | scope | 乡镇 (township) | 街道 (sub-district) | county | source |\n",
    );
    out.push_str("|---|---|---|---|---|---|---|\n");
    for r in rules {
        let m = r.meta();
        let s = cfg.settings(m);
        out.push_str(&format!(
            "| [{}](#{}) | {} ({}) | {} | {} | {} | {} | {} |\n",
            m.code,
            m.code.to_ascii_lowercase(),
            m.name_zh,
            m.name_en,
            m.scope_list(),
            severity(s.severity_for(Preset::Township)),
            severity(s.severity_for(Preset::Subdistrict)),
            if s.severity_for(Preset::County).is_some() {
                "yes"
            } else {
                "no"
            },
            m.source
        ));
    }
    for r in rules {
        out.push('\n');
        out.push_str(&section(r.meta(), cfg));
    }
    out
}

/// One rule: its facts as a list, its thresholds as a table, its documentation with the
/// headings one level down.
fn section(m: &RuleMeta, cfg: &Config) -> String {
    let s = cfg.settings(m);
    let mut out = format!("## {}\n\n**{}** ({})\n\n", m.code, m.name_zh, m.name_en);
    out.push_str(&format!("- scope: {}\n", m.scope_list()));
    out.push_str(&format!(
        "- severity: township (乡镇) {}, sub-district (街道) {}\n",
        severity(s.severity_for(Preset::Township)),
        severity(s.severity_for(Preset::Subdistrict))
    ));
    out.push_str(&format!("- source: {}\n", m.source));
    if !m.params.is_empty() {
        out.push_str(
            "\n| parameter | value | default | range | meaning |\n|---|---|---|---|---|\n",
        );
        for p in m.params {
            out.push_str(&format!(
                "| `{}` | {} | {} | {}–{} | {} |\n",
                p.name,
                fmt_num(s.get(p)),
                fmt_num(p.default),
                fmt_num(p.min),
                fmt_num(p.max),
                p.doc.replace('|', "\\|")
            ));
        }
    }
    out.push('\n');
    for line in m.doc.trim().lines() {
        if line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn severity(s: Option<Severity>) -> &'static str {
    s.map_or("off", Severity::code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::codes::RULES;

    #[test]
    fn every_rule_has_a_row_and_a_section_with_its_doc() {
        let md = markdown(RULES, &Config::default());
        for r in RULES {
            let m = r.meta();
            assert!(md.contains(&format!("| [{}](#", m.code)), "{} row", m.code);
            assert!(
                md.contains(&format!("\n## {}\n", m.code)),
                "{} section",
                m.code
            );
            assert!(md.contains("### What it checks"));
            for p in m.params {
                assert!(md.contains(&format!("| `{}` |", p.name)), "{}", p.name);
            }
        }
        assert!(
            !md.contains("\n## What it checks"),
            "doc headings go one level down"
        );
        assert!(
            md.contains("- scope: person, team\n"),
            "ROT-006 has two scopes"
        );
    }

    #[test]
    fn severities_and_thresholds_are_those_in_force() {
        let cfg = Config::from_toml(
            "[rules.AGE-001]\nmin_share = 0.25\nsubdistrict = \"warning\"\n",
            "t.toml",
        )
        .unwrap();
        let md = markdown(&[RULES[0]], &cfg);
        assert!(md.contains("| `min_share` | 0.25 | 0.2 |"), "{md}");
        assert!(md.contains("sub-district (街道) warning"));
    }
}
