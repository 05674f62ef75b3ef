//! The generator's election tables against the checker: on generated districts (scale
//! mode, two seeds) `banzi check` reports exactly the expected list, team and election
//! breaches alike. For the election rules the expected list is the planted one (the
//! generator has no second reading of them), so this is where the two meet.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

type Key = (String, String, String, String);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn banzi(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// (rule, cycle, unit_id, person_id) of a findings CSV with those columns somewhere.
fn keys(path: &Path) -> BTreeSet<Key> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let ix = [at("rule"), at("cycle"), at("unit_id"), at("person_id")];
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                f[ix[0]].to_string(),
                f[ix[1]].to_string(),
                f[ix[2]].to_string(),
                f[ix[3]].to_string(),
            )
        })
        .collect()
}

fn is_election_rule(rule: &str) -> bool {
    ["DEL-", "DELEL-", "EADM-"]
        .iter()
        .any(|p| rule.starts_with(p))
        || [
            "SIZE-009", "SIZE-010", "SIZE-011", "SIZE-013", "POST-008", "POST-009", "POST-013",
        ]
        .contains(&rule)
}

#[test]
fn generated_elections_give_exactly_the_expected_findings() {
    for seed in ["7", "12"] {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("d");
        let expected = tmp.path().join("expected.csv");
        let g = banzi(&[
            "gen",
            "--units",
            "400",
            "--seed",
            seed,
            "--out",
            data.to_str().unwrap(),
            "--expected",
            expected.to_str().unwrap(),
        ]);
        assert!(g.status.success(), "{}", String::from_utf8_lossy(&g.stderr));
        let out = tmp.path().join("out");
        let o = banzi(&[
            "check",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let found = keys(&out.join("exceptions.csv"));
        let want = keys(&expected);
        let missing: Vec<_> = want.difference(&found).collect();
        let extra: Vec<_> = found.difference(&want).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "seed {seed}: missing {missing:#?}\nextra {extra:#?}"
        );
        let planted = want.iter().filter(|k| is_election_rule(&k.0)).count();
        assert!(
            planted >= 10,
            "seed {seed}: only {planted} election breaches"
        );
        // Clean input: nothing rejected.
        let rejected = std::fs::read_to_string(out.join("rejected.csv")).unwrap();
        assert_eq!(rejected.lines().count(), 1, "{rejected}");
    }
}

#[test]
fn the_sample_plants_every_election_rule_of_the_catalogue_it_implements() {
    let want = keys(&root().join("data/sample-expected.csv"));
    let planted: BTreeSet<&str> = want
        .iter()
        .map(|k| k.0.as_str())
        .filter(|r| is_election_rule(r))
        .collect();
    for r in banzi::rules::codes::RULES {
        let code = r.meta().code;
        if is_election_rule(code) {
            assert!(
                planted.contains(code),
                "{code} has no planted breach in the sample"
            );
        }
    }
}

#[test]
fn the_report_shows_the_delegate_structure() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r");
    let o = banzi(&["report", "data/sample", "--out", out.to_str().unwrap()]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The table: T03's 2021 PC delegates have 20 frontline of 40, as in 2016 (DEL-002).
    let text = std::fs::read_to_string(out.join("delegates.csv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let t03: Vec<&str> = lines
        .find(|l| l.contains(",T03-PC21,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(
        [
            t03[at("delegates")],
            t03[at("frontline")],
            t03[at("prev_frontline")],
            t03[at("previous")]
        ],
        ["40", "20", "20", "T03-PC16"]
    );
    // The charts, in PNG and SVG, on the page.
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    for stem in [
        "delegates-frontline",
        "delegates-women",
        "delegates-nonparty",
        "delegates-minorities",
        "delegates-reelected",
        "delegates-categories",
        "delegates-frontline-change",
    ] {
        for ext in ["png", "svg"] {
            let p = out.join("charts").join(format!("{stem}.{ext}"));
            assert!(p.is_file(), "{}", p.display());
        }
    }
    assert!(page.contains("基层一线代表占比：本届与上届"));
    // The workbook has the delegate sheet.
    use calamine::Reader;
    let book: calamine::Xlsx<_> = calamine::open_workbook(out.join("structure.xlsx")).unwrap();
    assert!(book.sheet_names().contains(&"代表结构".to_string()));
}
