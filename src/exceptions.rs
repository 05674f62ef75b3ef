//! The exception list in the forms users act on: `exceptions.csv` exactly as the data
//! contract (section 4) says, `exceptions.json`, `exceptions.xlsx` (one sheet per
//! severity, frozen header, widths that fit Chinese text) and `exceptions.md` (a summary
//! for a memo), plus the terminal summary.
//!
//! Findings arrive sorted (cycle, unit, rule, person); every writer keeps that order, so
//! the same input gives the same bytes.

use anyhow::{Context as _, Result};
use std::collections::BTreeMap;
use std::path::Path;

use crate::output::{csv, xlsx};
use crate::rules::{Finding, Lang, Severity};

/// The columns of `exceptions.csv`, in order.
pub const COLUMNS: [&str; 9] = [
    "rule",
    "severity",
    "scope",
    "cycle",
    "unit_id",
    "person_id",
    "observed",
    "expected",
    "message",
];

fn fields(f: &Finding) -> [&str; 9] {
    [
        f.rule,
        f.severity.code(),
        f.scope.code(),
        &f.cycle,
        &f.unit_id,
        &f.person_id,
        &f.observed,
        &f.expected,
        &f.message,
    ]
}

/// Writes `exceptions.csv`.
pub fn write_csv(findings: &[Finding], path: &Path) -> Result<()> {
    let mut out = csv::Writer::create(path)?;
    out.row(COLUMNS)?;
    for f in findings {
        out.row(fields(f))?;
    }
    out.finish()
}

/// Writes `exceptions.json`: an array of records with the CSV's columns.
pub fn write_json(findings: &[Finding], path: &Path) -> Result<()> {
    let records: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let map: serde_json::Map<String, serde_json::Value> = COLUMNS
                .iter()
                .zip(fields(f))
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
                .collect();
            serde_json::Value::Object(map)
        })
        .collect();
    let text = serde_json::to_string_pretty(&records)?;
    std::fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Writes `exceptions.xlsx`: one sheet per severity, named as everywhere else
/// ([`Severity::label`]: 错误/警告/建议 or Error/Warning/Advice), frozen header, column
/// widths fitted to the text (capped).
pub fn write_xlsx(findings: &[Finding], path: &Path, lang: Lang) -> Result<()> {
    use rust_xlsxwriter::Format;
    use xlsx::display_width;
    let mut book = xlsx::workbook()?;
    let header = Format::new().set_bold();
    for sev in Severity::ALL {
        let sheet = book.add_worksheet();
        sheet.set_name(sev.label(lang))?;
        let mut widths: Vec<usize> = COLUMNS.iter().map(|c| display_width(c)).collect();
        for (j, c) in COLUMNS.iter().enumerate() {
            sheet.write_string_with_format(0, j as u16, *c, &header)?;
        }
        let mut row = 1u32;
        for f in findings.iter().filter(|f| f.severity == sev) {
            for (j, v) in fields(f).iter().enumerate() {
                // Cells are written as text: a value starting with `=` is never a formula.
                sheet.write_string(row, j as u16, *v)?;
                widths[j] = widths[j].max(display_width(v));
            }
            row += 1;
        }
        for (j, w) in widths.iter().enumerate() {
            sheet.set_column_width(j as u16, (*w as f64 + 2.0).min(80.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        if row > 1 {
            sheet.autofilter(0, 0, row - 1, (COLUMNS.len() - 1) as u16)?;
        }
    }
    xlsx::save(&mut book, path)
}

/// Counts of findings by severity and by rule.
pub struct Summary {
    pub by_severity: BTreeMap<Severity, usize>,
    /// Counts per rule and severity: a rule whose findings differ in severity (an error
    /// in one team, advice in another) has one line per severity.
    pub by_rule: BTreeMap<(&'static str, Severity), usize>,
    /// (cycle, unit_id) with counts (errors, warnings, advice), worst first.
    pub worst_teams: Vec<((String, String), [usize; 3])>,
}

pub fn summarise(findings: &[Finding]) -> Summary {
    let mut by_severity = BTreeMap::new();
    let mut by_rule: BTreeMap<(&'static str, Severity), usize> = BTreeMap::new();
    let mut teams: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    for f in findings {
        *by_severity.entry(f.severity).or_insert(0) += 1;
        *by_rule.entry((f.rule, f.severity)).or_insert(0) += 1;
        if !f.unit_id.is_empty() {
            teams
                .entry((f.cycle.clone(), f.unit_id.clone()))
                .or_insert([0; 3])[f.severity as usize] += 1;
        }
    }
    let mut worst_teams: Vec<_> = teams.into_iter().collect();
    worst_teams.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Summary {
        by_severity,
        by_rule,
        worst_teams,
    }
}

/// Writes `exceptions.md`: counts, then the findings grouped by severity as tables.
pub fn write_markdown(
    findings: &[Finding],
    path: &Path,
    lang: Lang,
    unit_name: &dyn Fn(&str) -> String,
) -> Result<()> {
    let s = summarise(findings);
    let mut out = String::new();
    let zh = lang == Lang::Zh;
    out.push_str(if zh {
        "# 换届班子结构检查结果\n\n"
    } else {
        "# Slate check: exceptions\n\n"
    });
    let count = |sev| s.by_severity.get(&sev).copied().unwrap_or(0);
    out.push_str(&if zh {
        format!(
            "共 {} 条：{}。\n\n",
            findings.len(),
            Severity::ALL
                .map(|sev| format!("{} {} 条", sev.label(lang), count(sev)))
                .join("，")
        )
    } else {
        format!(
            "{} findings: {} errors, {} warnings, {} advice.\n\n",
            findings.len(),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Advice)
        )
    });
    out.push_str(if zh {
        "## 按规则\n\n| 规则 | 级别 | 条数 |\n|---|---|---|\n"
    } else {
        "## By rule\n\n| rule | severity | count |\n|---|---|---|\n"
    });
    for ((rule, sev), n) in &s.by_rule {
        out.push_str(&format!("| {rule} | {} | {n} |\n", sev.label(lang)));
    }
    for sev in Severity::ALL {
        let rows: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", sev.label(lang)));
        out.push_str(if zh {
            "| 届次 | 单位 | 规则 | 人员 | 实际 | 要求 | 说明 |\n|---|---|---|---|---|---|---|\n"
        } else {
            "| cycle | unit | rule | person | observed | expected | message |\n|---|---|---|---|---|---|---|\n"
        });
        for f in rows {
            let unit = if f.unit_id.is_empty() {
                String::new()
            } else {
                format!("{} {}", f.unit_id, unit_name(&f.unit_id))
            };
            let cell = |t: &str| t.replace('|', "\\|");
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                cell(&f.cycle),
                cell(&unit),
                f.rule,
                cell(&f.person_id),
                cell(&f.observed),
                cell(&f.expected),
                cell(&f.message)
            ));
        }
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Writes all four forms into `dir`.
pub fn write_all(
    findings: &[Finding],
    dir: &Path,
    lang: Lang,
    unit_name: &dyn Fn(&str) -> String,
) -> Result<()> {
    // The workbook (compressed, the slowest: 0.2 s of 0.3 s at 40,000 units) is written
    // beside the CSV and the JSON. A failure is reported in the order csv, json, xlsx,
    // md, as before, and stops the Markdown; a workbook may be written beside a CSV that
    // failed.
    let (xlsx, csv_json) = std::thread::scope(|scope| {
        let xlsx = scope.spawn(|| write_xlsx(findings, &dir.join("exceptions.xlsx"), lang));
        let csv_json = write_csv(findings, &dir.join("exceptions.csv"))
            .and_then(|()| write_json(findings, &dir.join("exceptions.json")));
        (xlsx.join(), csv_json)
    });
    let xlsx = xlsx.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    csv_json?;
    xlsx?;
    write_markdown(findings, &dir.join("exceptions.md"), lang, unit_name)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Scope;

    fn finding_of(rule: &'static str, unit: &str, severity: Severity) -> Finding {
        Finding {
            cycle: "2021".into(),
            unit_id: unit.into(),
            rule,
            person_id: String::new(),
            severity,
            scope: Scope::Team,
            observed: String::new(),
            expected: String::new(),
            message: String::new(),
        }
    }

    #[test]
    fn a_rule_is_counted_per_severity() {
        // One error (a 乡镇 team) and two advice (街道 teams) of one rule.
        let findings = [
            finding_of("AGE-001", "T01", Severity::Error),
            finding_of("AGE-001", "S01", Severity::Advice),
            finding_of("AGE-001", "S02", Severity::Advice),
            finding_of("EXP-001", "T01", Severity::Error),
        ];
        let s = summarise(&findings);
        let by_rule: Vec<_> = s.by_rule.iter().map(|(&(r, v), &n)| (r, v, n)).collect();
        assert_eq!(
            by_rule,
            vec![
                ("AGE-001", Severity::Error, 1),
                ("AGE-001", Severity::Advice, 2),
                ("EXP-001", Severity::Error, 1),
            ]
        );
        assert_eq!(s.by_severity[&Severity::Error], 2);
        assert_eq!(s.worst_teams[0].0 .1, "T01");
    }

    use calamine::Reader;

    fn finding(severity: Severity) -> Finding {
        Finding {
            cycle: "2021".into(),
            unit_id: "T01".into(),
            rule: "AGE-007",
            person_id: String::new(),
            severity,
            scope: Scope::Team,
            observed: "无35岁以下成员（最年轻39岁）".into(),
            expected: "老中青梯次配备".into(),
            message: "…".into(),
        }
    }

    /// The severity has one name per language in every output: the sheets of
    /// `exceptions.xlsx` and the counts, table and headings of `exceptions.md`.
    #[test]
    fn severities_are_named_as_everywhere_else() {
        let dir = tempfile::tempdir().unwrap();
        let findings: Vec<Finding> = Severity::ALL.into_iter().map(finding).collect();
        for lang in [Lang::Zh, Lang::En] {
            write_all(&findings, dir.path(), lang, &|_| "柳河镇".into()).unwrap();
            let book: calamine::Xlsx<_> =
                calamine::open_workbook(dir.path().join("exceptions.xlsx")).unwrap();
            let labels: Vec<&str> = Severity::ALL.iter().map(|s| s.label(lang)).collect();
            assert_eq!(book.sheet_names(), labels);
            let md = std::fs::read_to_string(dir.path().join("exceptions.md")).unwrap();
            for l in &labels {
                assert!(md.contains(&format!("\n## {l}\n")), "{md}");
            }
            if lang == Lang::Zh {
                assert!(md.contains("错误 1 条，警告 1 条，建议 1 条"), "{md}");
                assert!(!md.contains("提示") && !md.contains("advice"), "{md}");
            }
        }
        assert_eq!(
            Severity::ALL.map(|s| s.label(Lang::Zh)),
            ["错误", "警告", "建议"]
        );
    }
}
