//! What every finding says, checked over the findings of every rule: the sample's, and
//! those of the hand-made district (`tests/common`) changed so that the four rules the
//! sample does not break (GEN-001, GEN-003, ROT-005, SIZE-006) break too.
//!
//! - `observed` and `expected` are in the run's language, as a memo quotes them
//!   (`6/10人具有2年以上乡镇工作经历`, `11.41年`): in Chinese no ASCII word of three or more
//!   letters other than a rule code; in English no Han character other than values taken
//!   from the input (names of units, persons and places, as the data has them).
//! - Each finding's scope is one its rule declares, and it names a person exactly when it
//!   is a person finding (data contract, section 4).
//!
//! A rule that no dataset here breaks fails the test: a new rule comes with a change
//! that makes it fire, so its texts are read too.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use banzi::pipeline::RunOptions;
use banzi::rules::{codes, Config, Finding, Lang, Scope};
use common::*;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample")
}

/// The sample's findings in `lang`, the cycle rules included.
fn sample_findings(lang: Lang) -> Vec<Finding> {
    let out = tempfile::tempdir().unwrap();
    let run = RunOptions {
        dataset: sample(),
        lang,
        out: out.path().to_path_buf(),
        ..RunOptions::default()
    }
    .prepare()
    .unwrap();
    let mut findings = run.findings().unwrap();
    findings.extend(run.findings_of(&run.rules_of_scope(Scope::Cycle)).unwrap());
    findings
}

/// The hand-made district, changed four ways, each with the rule it breaks and the
/// configuration to use.
fn worlds() -> Vec<(World, &'static str, Config)> {
    let mut out = Vec::new();
    // GEN-001: no woman among the 街道 principals.
    let mut w = base();
    w.person("P12").gender = "男";
    out.push((w, "GEN-001", Config::default()));
    // GEN-003: no woman among the 镇 principals.
    let mut w = base();
    w.person("P02").gender = "男";
    out.push((w, "GEN-003", Config::default()));
    // SIZE-006: a listed 纪委 of 4.
    let mut w = base();
    for p in ["P06", "P07", "P08"] {
        w.seats.push(seat("T01", "纪委", "委员", p));
    }
    out.push((w, "SIZE-006", Config::default()));
    // ROT-005: one newcomer of 9, with at most 10% allowed.
    let mut w = base();
    w.persons.push(Person {
        id: "P41",
        ..person("P00", "男", 33, "党务")
    });
    w.careers.push(Career {
        person: "P41",
        start: "2014.07",
        end: "",
        unit: "T01",
        unit_name: "青山县柳河镇",
        post: "科员",
    });
    for s in w
        .seats
        .iter_mut()
        .filter(|s| s.cycle == "2021" && s.person == "P01")
    {
        s.person = "P41";
    }
    let cfg = Config::from_toml("[rules.ROT-005]\nmax_share = 0.1\n", "t.toml").unwrap();
    out.push((w, "ROT-005", cfg));
    out
}

/// Every finding of the sample and of [`worlds`] in `lang`, and the Han runs of every
/// input table they were found in.
fn everything(lang: Lang) -> (Vec<Finding>, BTreeSet<String>) {
    let mut findings = sample_findings(lang);
    let mut han = han_runs(&sample());
    for (w, code, cfg) in worlds() {
        let found = w.run_in(&[code], &cfg, false, lang).findings().unwrap();
        assert!(
            found.iter().any(|f| f.rule == code),
            "{code} does not fire on its world"
        );
        findings.extend(found);
        let dir = tempfile::tempdir().unwrap();
        w.write(dir.path());
        han.extend(han_runs(dir.path()));
    }
    let fired: BTreeSet<&str> = findings.iter().map(|f| f.rule).collect();
    let silent: Vec<&str> = codes::RULES
        .iter()
        .map(|r| r.meta().code)
        .filter(|c| !fired.contains(c))
        .collect();
    assert!(silent.is_empty(), "no finding of {silent:?} is read here");
    (findings, han)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The runs of Han characters in the CSV tables of `dir`.
fn han_runs(dir: &Path) -> BTreeSet<String> {
    let mut runs = BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "csv") {
            let text = std::fs::read_to_string(&path).unwrap();
            for run in text.split(|c: char| !is_han(c)).filter(|r| !r.is_empty()) {
                runs.insert(run.to_string());
            }
        }
    }
    runs
}

/// The ASCII words of `text` (letters, digits, `-`, `_`) with three or more letters that
/// are not rule codes (`AGE-001`); ids (`P0211`, `T01`) have fewer letters.
fn english_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 3)
        .filter(|w| codes::meta(w).is_none())
        .collect()
}

#[test]
fn chinese_observed_and_expected_have_no_english_words() {
    let (findings, _) = everything(Lang::Zh);
    let bad: Vec<String> = findings
        .iter()
        .flat_map(|f| {
            [&f.observed, &f.expected]
                .into_iter()
                .filter(|t| !english_words(t).is_empty())
                .map(|t| format!("{} {t:?}", f.rule))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(bad.is_empty(), "English in Chinese output: {bad:#?}");
    // They are Chinese, not empty or bare numbers: every rule's observed text has Han.
    for f in &findings {
        assert!(
            f.observed.chars().any(is_han),
            "{} {:?}",
            f.rule,
            f.observed
        );
    }
}

#[test]
fn english_observed_and_expected_have_no_chinese_but_input_values() {
    let (findings, input) = everything(Lang::En);
    let bad: Vec<String> = findings
        .iter()
        .flat_map(|f| {
            [&f.observed, &f.expected]
                .into_iter()
                .filter(|t| {
                    t.split(|c: char| !is_han(c))
                        .any(|run| !run.is_empty() && !input.contains(run))
                })
                .map(|t| format!("{} {t:?}", f.rule))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(bad.is_empty(), "Chinese in English output: {bad:#?}");
    for f in &findings {
        assert!(!english_words(&f.observed).is_empty() || f.observed.parse::<f64>().is_ok());
    }
}

#[test]
fn findings_have_a_scope_their_rule_declares() {
    let (findings, _) = everything(Lang::Zh);
    for f in &findings {
        let meta = codes::meta(f.rule).unwrap();
        assert!(
            meta.scopes().any(|s| s == f.scope),
            "{} declares {:?} but emits a {:?} finding",
            f.rule,
            meta.scopes().collect::<Vec<_>>(),
            f.scope
        );
        assert_eq!(
            f.person_id.is_empty(),
            f.scope != Scope::Person,
            "{} {:?} finding with person {:?}",
            f.rule,
            f.scope,
            f.person_id
        );
    }
    // ROT-006 emits both of its scopes on the sample.
    let rot006: BTreeSet<Scope> = findings
        .iter()
        .filter(|f| f.rule == "ROT-006")
        .map(|f| f.scope)
        .collect();
    assert_eq!(rot006, [Scope::Person, Scope::Team].into());
}
