//! The shipped sample as a roster: `data/sample-roster.xlsx` is what the writer makes of
//! the sample, and checking it gives the sample's 2021 findings except those listed in
//! `data/README.md` as needing data a roster cannot carry.

use banzi::dataset::{self, Dataset, LoadOptions};
use banzi::facts::{self, FactOptions};
use banzi::rules::{self, Config, Lang};
use std::collections::BTreeSet;
use std::path::Path;

/// `(rule, cycle, unit name, person as name-birth, observed)` of each 2021 finding.
fn findings(ds: Dataset) -> BTreeSet<(String, String, String, String, String)> {
    let ds = std::sync::Arc::new(ds);
    let config = Config::default();
    let facts = facts::compute(&ds, &FactOptions::default());
    let ctx = rules::Context::build(&ds, &facts, &config).unwrap();
    let found = rules::run(&ctx, rules::codes::RULES, &config, Lang::Zh).unwrap();
    found
        .into_iter()
        .filter(|f| f.cycle == "2021")
        .map(|f| {
            let unit = ds.units.name_of(&f.unit_id).unwrap_or("").to_string();
            let person = ds
                .cadres
                .position(&f.person_id)
                .map(|p| {
                    let p = p as usize;
                    format!("{}|{}", &ds.cadres.name[p], ds.cadres.birth[p])
                })
                .unwrap_or_default();
            (f.rule.to_string(), f.cycle, unit, person, f.observed)
        })
        .collect()
}

/// The rules `data/README.md` lists as needing data a roster cannot carry.
fn not_carried() -> BTreeSet<String> {
    let readme = std::fs::read_to_string("data/README.md").unwrap();
    let section = readme
        .split("## The sample as a roster")
        .nth(1)
        .expect("the roster section of data/README.md");
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .filter(|code| {
            code.contains('-') && code.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_sample_roster_gives_the_sample_findings_but_those_listed() {
    // A roster lists the teams, not the election lists: the findings to compare with are
    // those of the sample's team tables (its election tables left out).
    let options = LoadOptions::default();
    let teams_only = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir("data/sample").unwrap() {
        let path = e.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        if !["elections", "candidates", "memberships", "proxies"].contains(&stem.as_str()) {
            std::fs::copy(&path, teams_only.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let tables = dataset::load(teams_only.path(), &options).unwrap();
    let roster_options = LoadOptions {
        as_of: chrono::NaiveDate::from_ymd_opt(2021, 9, 30),
        ..LoadOptions::default()
    };
    let roster = dataset::load(Path::new("data/sample-roster.xlsx"), &roster_options).unwrap();
    assert_eq!(roster.form, "roster (换届人选名册)");
    assert!(
        roster.rejections.items.is_empty(),
        "{:?}",
        roster.rejections.items
    );
    assert_eq!(roster.slate.len(), 192);
    let expected = findings(tables);
    let got = findings(roster);
    let listed = not_carried();
    assert_eq!(
        listed,
        ["ELIG-001", "GEN-002", "ROT-004", "ROT-006"]
            .map(String::from)
            .into_iter()
            .collect()
    );
    let missing: BTreeSet<_> = expected.difference(&got).cloned().collect();
    let extra: BTreeSet<_> = got.difference(&expected).cloned().collect();
    assert!(extra.is_empty(), "findings only from the roster: {extra:?}");
    let missing_rules: BTreeSet<String> = missing.iter().map(|f| f.0.clone()).collect();
    assert_eq!(missing_rules, listed, "missing: {missing:?}");
    assert!(got.len() >= 20, "{got:?}");
}

#[test]
fn the_shipped_roster_is_what_the_writer_makes_of_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample");
    std::fs::create_dir_all(&sample).unwrap();
    let opts = banzi::synth::GenOptions {
        units: 0,
        seed: banzi::synth::DEFAULT_SEED,
        sample: true,
        careers: banzi::synth::CareersMode::Both,
    };
    banzi::synth::generate(&opts, &sample).unwrap();
    let written = dir.path().join("sample-roster.xlsx");
    let teams = banzi::roster::write::latest_cycle_roster(&sample, &written).unwrap();
    assert_eq!(teams, 18);
    assert!(
        std::fs::read(&written).unwrap() == std::fs::read("data/sample-roster.xlsx").unwrap(),
        "data/sample-roster.xlsx is stale: regenerate it (see data/README.md)"
    );
}
