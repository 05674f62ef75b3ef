//! `report` and `compare` run the same pipeline as `check`: with the same `--rules`,
//! `--select` and `--ignore` they report the same findings (the page lists the shown
//! cycle's findings, `exceptions_cycle.csv` the cycle rules of the compared cycles).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn banzi(args: &[&str]) {
    let o = Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Rule → count of the rows of `exceptions.csv` (or `exceptions_cycle.csv`) of one cycle
/// whose rule passes `keep`.
fn rules_in_csv(path: &Path, cycle: &str, keep: &dyn Fn(&str) -> bool) -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut counts = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.splitn(5, ',').collect();
        if f[3] == cycle && keep(f[0]) {
            *counts.entry(f[0].to_string()).or_insert(0) += 1;
        }
    }
    counts
}

/// Rule → count of the exception rows of `report.html`.
fn rules_on_page(path: &Path) -> BTreeMap<String, usize> {
    let html = std::fs::read_to_string(path).unwrap();
    let mut counts = BTreeMap::new();
    for part in html.split("data-rule=\"").skip(1) {
        let rule = part.split('"').next().unwrap();
        *counts.entry(rule.to_string()).or_insert(0) += 1;
    }
    counts
}

#[test]
fn report_and_compare_take_the_rule_options_of_check() {
    let tmp = tempfile::tempdir().unwrap();
    let toml = tmp.path().join("rules.toml");
    std::fs::write(&toml, "[rules.SIZE-001]\nenabled = false\n").unwrap();
    let toml = toml.to_str().unwrap().to_string();
    let option_sets: Vec<Vec<&str>> = vec![
        vec![],
        vec!["--ignore", "AGE,GEN-001"],
        vec!["--select", "ROT,GEN-002"],
        vec!["--rules", &toml, "--select", "SIZE,ROT-004"],
    ];
    // The rules of cycle scope (GEN-002, ROT-004/005, and the election rules that compare
    // a list with the previous term's) go to `exceptions_cycle.csv`.
    let cycle_rules: Vec<&str> = banzi::rules::codes::RULES
        .iter()
        .map(|r| r.meta())
        .filter(|m| m.scope == banzi::rules::Scope::Cycle)
        .map(|m| m.code)
        .collect();
    assert!(cycle_rules.contains(&"GEN-002") && cycle_rules.contains(&"DEL-013"));
    let mut seen = Vec::new();
    for (i, opts) in option_sets.iter().enumerate() {
        let dir = |name: &str| tmp.path().join(format!("{name}{i}"));
        let out = |name: &str| dir(name).to_str().unwrap().to_string();
        let with = |cmd: &[&str], name: &str| {
            let mut args: Vec<String> = cmd.iter().map(|s| s.to_string()).collect();
            args.extend(opts.iter().map(|s| s.to_string()));
            args.extend(["--out".to_string(), out(name)]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            banzi(&args);
        };
        with(&["check", "data/sample"], "check");
        with(&["report", "data/sample"], "report");
        with(
            &["compare", "data/sample", "--cycles", "2016,2021"],
            "compare",
        );
        let checked = rules_in_csv(&dir("check").join("exceptions.csv"), "2021", &|_| true);
        assert_eq!(
            rules_on_page(&dir("report").join("report.html")),
            checked,
            "report with {opts:?}"
        );
        let cycle_only = |r: &str| cycle_rules.contains(&r);
        assert_eq!(
            rules_in_csv(
                &dir("compare").join("exceptions_cycle.csv"),
                "2021",
                &|_| true
            ),
            rules_in_csv(&dir("check").join("exceptions.csv"), "2021", &cycle_only),
            "compare with {opts:?}"
        );
        seen.push(checked);
    }
    // The options did change what was found (else the test proves nothing).
    assert!(seen[0].contains_key("AGE-001") && !seen[1].contains_key("AGE-001"));
    assert!(seen[2]
        .keys()
        .all(|r| r.starts_with("ROT") || r == "GEN-002"));
    assert!(seen[0].contains_key("SIZE-001") && !seen[3].contains_key("SIZE-001"));
    assert!(seen[0].contains_key("GEN-002") && !seen[3].contains_key("GEN-002"));
}

/// A run that only checks lets go of the tables once the frames are built (the persons
/// but their ids and names, the slate, the careers, the facts): its findings, person
/// names in the messages included, and the report written from it are those of a run
/// that keeps everything.
#[test]
fn a_check_that_lets_go_of_the_tables_finds_and_reports_the_same() {
    use banzi::pipeline::RunOptions;
    use banzi::rules::Lang;
    let tmp = tempfile::tempdir().unwrap();
    let run = |only_rule_tables: bool, out: &Path| {
        let run = RunOptions {
            dataset: root().join("data/sample"),
            out: out.to_path_buf(),
            only_rule_tables,
            ..RunOptions::default()
        }
        .plan()
        .unwrap()
        .load()
        .unwrap()
        .derive()
        .unwrap();
        let findings = run.findings().unwrap();
        banzi::report::write_all(&run.ctx, &findings, None, "sample", Lang::Zh, false, out)
            .unwrap();
        (
            run.facts.is_empty(),
            run.ds.cadres.gender.is_empty(),
            findings,
        )
    };
    let (kept, lean) = (tmp.path().join("kept"), tmp.path().join("lean"));
    let (no_facts, no_genders, lean_findings) = run(true, &lean);
    assert!(
        no_facts && no_genders,
        "the check-only run let go of the tables"
    );
    let (facts_empty, genders_empty, kept_findings) = run(false, &kept);
    assert!(!facts_empty && !genders_empty);
    assert!(!kept_findings.is_empty());
    assert_eq!(lean_findings, kept_findings);
    // Messages name persons: the names survive the letting go.
    assert!(lean_findings.iter().any(|f| !f.person_id.is_empty()));
    // Every file the report wrote (page, charts, structure tables) is the same.
    let mut compared = 0;
    for entry in std::fs::read_dir(&kept).unwrap() {
        let name = entry.unwrap().file_name();
        let (a, b) = (lean.join(&name), kept.join(&name));
        if b.is_file() {
            assert_eq!(
                std::fs::read(a).unwrap(),
                std::fs::read(b).unwrap(),
                "{name:?}"
            );
            compared += 1;
        }
    }
    assert!(compared >= 3, "{compared} files compared");
}
