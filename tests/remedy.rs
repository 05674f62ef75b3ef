//! `banzi find` and `banzi suggest` on the sample: ranked rosters whose every row meets
//! the conditions, suggestions that pass `banzi check --apply` with no error, and a
//! planted infeasible district (no young candidate at all) that names the conflicting
//! rule and its relaxation.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn banzi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// Rows of a CSV as maps (no quoted commas in the columns read here).
fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    lines
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

fn seated_2021() -> BTreeSet<String> {
    rows(&root().join("data/sample/slate.csv"))
        .into_iter()
        .filter(|r| r["cycle"] == "2021")
        .map(|r| r["person_id"].clone())
        .collect()
}

#[test]
fn find_lists_only_candidates_meeting_every_condition() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let o = banzi(&[
        "find",
        "data/sample",
        "--out",
        out,
        "--lang",
        "en",
        "--age-max",
        "40",
        "--gender",
        "女",
        "--township-years-min",
        "2",
        "--education",
        "大学",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let found = rows(&dir.path().join("find.csv"));
    assert!(!found.is_empty());
    let seated = seated_2021();
    for (i, r) in found.iter().enumerate() {
        assert_eq!(r["rank"], (i + 1).to_string());
        assert!(r["age"].parse::<i32>().unwrap() <= 40, "{r:?}");
        assert_eq!(r["gender"], "female");
        assert!(r["township_years"].parse::<f64>().unwrap() >= 2.0);
        assert!(
            ["university", "postgraduate"].contains(&r["education"].as_str()),
            "{r:?}"
        );
        assert!(
            !seated.contains(&r["person_id"]),
            "{} holds a seat",
            r["person_id"]
        );
        assert!(r["excluded_by"].is_empty());
    }
    assert!(dir.path().join("find.xlsx").exists());
}

#[test]
fn find_for_a_post_ranks_those_who_fix_the_teams_breach_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    // T05 breaches EXP-001 (6/10); its 副乡长 P0191 has no two years of township work.
    let o = banzi(&[
        "find",
        "data/sample",
        "--out",
        out,
        "--lang",
        "en",
        "--for",
        "T05:副乡长",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let found = rows(&dir.path().join("find.csv"));
    assert!(found[0]["fixes"].contains("EXP-001"), "{:?}", found[0]);
    let first_non_fixer = found
        .iter()
        .position(|r| r["fixes"].is_empty())
        .unwrap_or(found.len());
    assert!(found[first_non_fixer..]
        .iter()
        .all(|r| r["fixes"].is_empty()));
    for r in &found[..first_non_fixer] {
        assert!(r["township_years"].parse::<f64>().unwrap() >= 2.0);
    }
}

#[test]
fn find_excludes_kin_on_the_team() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    // P0236 is a sibling of P0119, 组织委员 of T12.
    let o = banzi(&[
        "find",
        "data/sample",
        "--out",
        out,
        "--lang",
        "en",
        "--for",
        "T12:副镇长",
        "--all",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let found = rows(&dir.path().join("find.csv"));
    let kin = found
        .iter()
        .find(|r| r["person_id"] == "P0236")
        .expect("listed with --all");
    assert!(kin["excluded_by"].contains("ROT-006"));
    let o = banzi(&[
        "find",
        "data/sample",
        "--out",
        out,
        "--lang",
        "en",
        "--for",
        "T12:副镇长",
    ]);
    assert!(o.status.success());
    assert!(!rows(&dir.path().join("find.csv"))
        .iter()
        .any(|r| r["person_id"] == "P0236"));
}

#[test]
fn every_suggestion_applied_passes_check_with_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s");
    let o = banzi(&[
        "suggest",
        "data/sample",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("proposals for the officer's judgement"));
    assert!(stdout.contains("re-check: 0 errors left"), "{stdout}");
    // Every team with an error in the sample has a row.
    let before = dir.path().join("before");
    banzi(&["check", "data/sample", "--out", before.to_str().unwrap()]);
    let errors: BTreeSet<String> = rows(&before.join("exceptions.csv"))
        .into_iter()
        .filter(|r| r["severity"] == "error" && !r["unit_id"].is_empty())
        .map(|r| r["unit_id"].clone())
        .collect();
    let suggested: BTreeSet<String> = rows(&out.join("suggestions.csv"))
        .into_iter()
        .map(|r| r["unit_id"].clone())
        .collect();
    for unit in &errors {
        assert!(suggested.contains(unit), "no suggestion for {unit}");
    }
    assert!(out.join("suggestions.xlsx").exists());
    // Applied and re-checked by the rules: no error.
    let after = dir.path().join("after");
    let changes = out.join("changes.csv");
    let o = banzi(&[
        "check",
        "data/sample",
        "--out",
        after.to_str().unwrap(),
        "--apply",
        changes.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let diff = rows(&after.join("diff.csv"));
    assert!(!diff
        .iter()
        .any(|r| r["status"] == "new" && r["severity"] == "error"));
    assert_eq!(
        diff.iter()
            .filter(|r| r["status"] == "fixed" && r["severity"] == "error")
            .count(),
        rows(&before.join("exceptions.csv"))
            .iter()
            .filter(|r| r["severity"] == "error")
            .count()
    );
}

#[test]
fn a_district_without_young_candidates_names_the_rule_and_the_relaxation() {
    let dir = tempfile::tempdir().unwrap();
    // The pool: cadres without a seat, born before 1980 (none aged 35 or under).
    let seated = seated_2021();
    let old: Vec<String> = rows(&root().join("data/sample/cadres.csv"))
        .into_iter()
        .filter(|r| r.get("birth_date").is_some_and(|b| b.as_str() < "1980"))
        .map(|r| r["person_id"].clone())
        .filter(|p| !seated.contains(p))
        .collect();
    let pool = dir.path().join("pool.txt");
    std::fs::write(&pool, old.join("\n")).unwrap();
    let out = dir.path().join("s");
    let o = banzi(&[
        "suggest",
        "data/sample",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
        "--district",
        "C02",
        "--pool",
        pool.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("no slate from the pool clears them all"),
        "{stdout}"
    );
    assert!(
        stdout.contains("AGE-001: needs 2, at most 0 possible"),
        "{stdout}"
    );
    assert!(
        stdout.contains("rules that cannot hold together: 城关区北苑街道 AGE-001"),
        "{stdout}"
    );
    assert!(
        stdout.contains("smallest relaxation: 城关区北苑街道 AGE-001 from 2 to 0"),
        "{stdout}"
    );
    let s = rows(&out.join("suggestions.csv"));
    assert!(s.iter().any(|r| r["action"] == "infeasible"));
    // The best slate under the relaxation is written apart, not as a passing slate.
    assert!(out.join("changes_relaxed.csv").exists());
}
