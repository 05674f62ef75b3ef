//! The generator's self-check: the rule oracle must find exactly the planted breaches,
//! in the sample for many seeds and in scale areas, under the default reading and under
//! the broad reading of the rules' open points; output must be deterministic; the sample
//! must have the distributions the README promises.

use super::model::*;
use super::*;
use std::collections::BTreeSet;

type Key = (
    &'static str,
    usize,
    Option<usize>,
    Option<usize>,
    Option<usize>,
);

fn keys(findings: &[Finding]) -> BTreeSet<Key> {
    findings.iter().map(|f| f.key()).collect()
}

/// Describes how the oracle's findings differ from the planted ones ("" when equal).
fn mismatch(w: &World, found: &[Finding]) -> String {
    let planted = keys(&w.planted);
    let got = keys(found);
    let mut out = String::new();
    for f in found.iter().filter(|f| !planted.contains(&f.key())) {
        let unit = f.unit.map(|u| w.units[u].id.clone()).unwrap_or_default();
        let person = f.person.map(|p| w.person_id(p)).unwrap_or_default();
        out += &format!(
            "unplanned {} {} {unit} {person}: {}\n",
            f.rule, CYCLE_YEARS[f.cycle], f.note
        );
    }
    for f in w.planted.iter().filter(|f| !got.contains(&f.key())) {
        let unit = f.unit.map(|u| w.units[u].id.clone()).unwrap_or_default();
        out += &format!("missed {} {unit}: {}\n", f.rule, f.note);
    }
    out
}

fn check_world(w: &World, label: &str) {
    let found = oracle::evaluate(w);
    let diff = mismatch(w, &found);
    assert!(diff.is_empty(), "{label}:\n{diff}");
    let broad = oracle::evaluate_with(w, oracle::Reading { broad: true });
    assert_eq!(
        keys(&broad),
        keys(&found),
        "{label}: the broad reading finds more:\n{}",
        mismatch(w, &broad)
    );
}

#[test]
fn sample_breaches_are_exactly_the_planted_ones() {
    let w = build_sample(DEFAULT_SEED);
    check_world(&w, "sample");
    let rules: BTreeSet<&str> = w.planted.iter().map(|f| f.rule).collect();
    let wanted = [
        "SIZE-001", "SIZE-002", "SIZE-004", "SIZE-005", "POST-001", "POST-002", "POST-003",
        "AGE-001", "AGE-002", "AGE-003", "AGE-004", "AGE-005", "AGE-007", "EXP-001", "EXP-002",
        "EXP-006", "GEN-002", "GEN-004", "ETH-001", "ROT-001", "ROT-002", "ROT-003", "ROT-004",
        "ROT-006", "ELIG-001", "SPEC-001", "SPEC-002",
    ];
    assert_eq!(rules, wanted.into_iter().collect::<BTreeSet<_>>());
    // Nothing planted in 2016.
    assert!(w.planted.iter().all(|f| f.cycle == 1));
}

#[test]
fn sample_holds_for_other_seeds() {
    for seed in 0..60 {
        let w = build_sample(seed);
        check_world(&w, &format!("sample seed {seed}"));
    }
}

#[test]
fn scale_areas_hold() {
    for seed in 0..4u64 {
        let mut first = 0;
        for (i, plan) in layout::scale_plan(600, seed).into_iter().enumerate() {
            let w = build_scale_area(seed, i, plan, first, 0);
            check_world(&w, &format!("scale seed {seed} area {i}"));
            first += plan.size;
        }
    }
}

#[test]
fn generation_is_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let opts = GenOptions {
        sample: true,
        careers: CareersMode::Both,
        ..GenOptions::default()
    };
    let sa = generate(&opts, a.path()).unwrap();
    let sb = generate(&opts, b.path()).unwrap();
    assert_eq!(sa, sb);
    for table in ["cadres", "careers", "units", "slate", "cycles", "relations"] {
        let x = std::fs::read(a.path().join(format!("{table}.csv"))).unwrap();
        let y = std::fs::read(b.path().join(format!("{table}.csv"))).unwrap();
        assert!(x == y, "{table}.csv differs between runs");
    }
    let scale = GenOptions {
        units: 120,
        seed: 9,
        ..GenOptions::default()
    };
    let s1 = generate(&scale, a.path()).unwrap();
    let s2 = generate(&scale, b.path()).unwrap();
    assert_eq!(s1, s2);
    assert_eq!(
        std::fs::read(a.path().join("careers.csv")).unwrap(),
        std::fs::read(b.path().join("careers.csv")).unwrap()
    );
}

#[test]
fn sample_distributions() {
    let w = build_sample(DEFAULT_SEED);
    let n = w.persons.len();
    assert_eq!(n, SAMPLE_CADRES);
    let on_slate: Vec<&Person> = w
        .persons
        .iter()
        .filter(|p| p.seat.iter().any(|s| s.is_some()))
        .collect();
    let women = on_slate.iter().filter(|p| p.is_female()).count();
    let share = women as f64 / on_slate.len() as f64;
    assert!((0.15..=0.30).contains(&share), "women share {share}");
    let in_2016: Vec<&&Person> = on_slate.iter().filter(|p| p.seat[0].is_some()).collect();
    let stayed = in_2016.iter().filter(|p| p.seat[1].is_some()).count();
    let continuity = stayed as f64 / in_2016.len() as f64;
    assert!((0.5..=0.7).contains(&continuity), "continuity {continuity}");
    for c in 0..2 {
        for p in on_slate.iter().filter(|p| p.seat[c].is_some()) {
            let age = crate::normalize::date::age_at(p.birth.date(), as_of(c));
            assert!((28..=59).contains(&age), "age {age}");
        }
    }
    let han = on_slate.iter().filter(|p| p.ethnicity == "汉族").count();
    assert!(han * 10 > on_slate.len() * 8, "mostly 汉族");
    let university = on_slate.iter().filter(|p| p.education == "大学").count();
    assert!(university * 2 > on_slate.len(), "mostly 大学");
    assert!(on_slate
        .iter()
        .any(|p| p.party == "民盟" || p.party == "无党派人士"));
    assert!(on_slate
        .iter()
        .all(|p| (1..=3).contains(&p.specialties.len())));
    // A person's résumé starts with study; work spells run without gaps.
    use crate::normalize::unit_kind::UnitKind;
    for p in &w.persons {
        assert_eq!(p.spells[0].place.kind, UnitKind::School);
        let work: Vec<&Spell> = p
            .spells
            .iter()
            .filter(|s| s.place.kind != UnitKind::School)
            .collect();
        for pair in work.windows(2) {
            assert_eq!(
                pair[0].end,
                Some(pair[1].start),
                "gap or overlap in a career:\n{}",
                write::resume(p)
            );
        }
        for s in &p.spells {
            if s.posts.iter().any(|x| x.title == "大学生村官") {
                assert!(
                    s.start.year() >= 2000,
                    "大学生村官 before 2000:\n{}",
                    write::resume(p)
                );
            }
        }
    }
}

#[test]
fn resume_text_matches_the_cadre_form_style() {
    let w = build_sample(DEFAULT_SEED);
    let (u, _) = w.persons.iter().find_map(|p| p.seat[1]).unwrap();
    let p = w
        .persons
        .iter()
        .find(|p| p.seat[1].map(|s| s.0) == Some(u))
        .unwrap();
    let text = write::resume(p);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), p.spells.len());
    assert!(
        lines[0].contains("专业") && lines[0].ends_with("学习"),
        "{}",
        lines[0]
    );
    assert!(
        lines.last().unwrap().contains("-- "),
        "open last spell: {text}"
    );
    assert!(text.contains(&w.units[u].full));
}

#[test]
fn tables_and_expected_list_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let opts = GenOptions {
        sample: true,
        careers: CareersMode::Resume,
        ..GenOptions::default()
    };
    let summary = generate(&opts, dir.path()).unwrap();
    let names: Vec<&str> = summary
        .rows_per_table
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "cadres",
            "units",
            "slate",
            "cycles",
            "relations",
            "elections",
            "candidates",
            "memberships",
            "proxies"
        ]
    );
    assert!(!dir.path().join("careers.csv").exists());
    let cycles = std::fs::read_to_string(dir.path().join("cycles.csv")).unwrap();
    assert_eq!(
        cycles,
        "cycle,as_of,previous\n2016,2016-09-30,\n2021,2021-09-30,2016\n"
    );
    let cadres = std::fs::read_to_string(dir.path().join("cadres.csv")).unwrap();
    assert!(cadres.starts_with("person_id,name,gender,birth_date,ethnicity,party,education,specialties,native_place,staffing,vetting_hold,resume\n"));
    let units = std::fs::read_to_string(dir.path().join("units.csv")).unwrap();
    assert!(units.contains("\nT01,青山县柳河镇,乡镇,C01,false\n"));
    assert!(units.contains("\nC02,城关区,县,,false\n"));
    let path = dir.path().join("expected.csv");
    write_expected(&summary.expected, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("rule,cycle,unit_id,person_id,note\n"));
    assert!(text.contains("\nGEN-002,2021,,,\"C02: "));
    assert_eq!(text.lines().count(), summary.expected.len() + 1);
}

#[test]
fn sample_elections_plant_every_election_rule_once() {
    let w = build_sample(DEFAULT_SEED);
    let mut rules: Vec<&str> = w.elections.planted.iter().map(|p| p.rule).collect();
    rules.sort_unstable();
    let before = rules.len();
    rules.dedup();
    assert_eq!(rules.len(), before, "one plant per rule: {rules:?}");
    for code in [
        "DEL-001",
        "DEL-002",
        "DEL-003",
        "DEL-004",
        "DEL-005",
        "DEL-009",
        "DEL-010",
        "DEL-011",
        "DEL-012",
        "DEL-013",
        "DEL-014",
        "DEL-024",
        "DELEL-001",
        "DELEL-002",
        "DELEL-003",
        "DELEL-004",
        "DELEL-005",
        "EADM-001",
        "EADM-002",
        "EADM-004",
        "EADM-008",
        "POST-008",
        "POST-009",
        "POST-013",
        "SIZE-009",
        "SIZE-010",
        "SIZE-011",
        "SIZE-013",
    ] {
        assert!(rules.contains(&code), "{code} is not planted in the sample");
    }
    // Every list person is a cadre: pool people follow the world's in the numbering.
    let ids: std::collections::HashSet<String> = (0..w.persons.len() + w.elections.pool.len())
        .map(|p| w.person_id(p))
        .collect();
    for c in &w.elections.candidates {
        assert!(ids.contains(&elections::ElectionSet::person_id(&w, c.who)));
    }
}

/// A longer run over many seeds: `cargo test --release stress -- --ignored`.
#[test]
#[ignore]
fn stress() {
    let mut failures = Vec::new();
    for seed in 0..400 {
        let w = build_sample(seed);
        let found = oracle::evaluate(&w);
        let diff = mismatch(&w, &found);
        let broad = oracle::evaluate_with(&w, oracle::Reading { broad: true });
        if !diff.is_empty() || keys(&broad) != keys(&found) {
            failures.push(format!("sample {seed}: {diff}{}", mismatch(&w, &broad)));
        }
    }
    for seed in 0..40u64 {
        let mut first = 0;
        for (i, plan) in layout::scale_plan(1500, seed).into_iter().enumerate() {
            let w = build_scale_area(seed, i, plan, first, 0);
            first += plan.size;
            let found = oracle::evaluate(&w);
            let diff = mismatch(&w, &found);
            let broad = oracle::evaluate_with(&w, oracle::Reading { broad: true });
            if !diff.is_empty() || keys(&broad) != keys(&found) {
                failures.push(format!("scale {seed}/{i}: {diff}{}", mismatch(&w, &broad)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn careers_agree_with_the_slates() {
    let mut worlds: Vec<World> = [DEFAULT_SEED, 7].into_iter().map(build_sample).collect();
    let mut first = 0;
    for (i, plan) in layout::scale_plan(200, 3).into_iter().enumerate() {
        worlds.push(build_scale_area(3, i, plan, first, 0));
        first += plan.size;
    }
    for w in worlds {
        for (i, p) in w.persons.iter().enumerate() {
            for (c, year) in CYCLE_YEARS.iter().enumerate() {
                let e = election(c);
                let holds: Vec<usize> = p
                    .spells
                    .iter()
                    .filter(|s| s.posts.iter().any(|x| x.leadership))
                    .filter(|s| s.start <= e && s.end.is_none_or(|x| x > e))
                    .filter_map(|s| s.place.unit)
                    .collect();
                let seated: Vec<usize> = p.seat[c].iter().map(|&(u, _)| u).collect();
                assert_eq!(
                    holds,
                    seated,
                    "{} in {}:\n{}",
                    w.person_id(i),
                    year,
                    write::resume(p)
                );
            }
        }
    }
}

/// Values that decide rules stay clear of the thresholds (the README promises these
/// margins), except for planted people.
#[test]
fn clean_values_keep_margins() {
    let mut worlds: Vec<World> = (0..20).map(build_sample).collect();
    let mut first = 0;
    for (i, plan) in layout::scale_plan(400, 11).into_iter().enumerate() {
        worlds.push(build_scale_area(11, i, plan, first, 0));
        first += plan.size;
    }
    for w in &worlds {
        let planted: BTreeSet<usize> = w.planted.iter().filter_map(|f| f.person).collect();
        for c in 0..2 {
            let at = as_of(c);
            for (u, team) in w.teams[c].iter().enumerate() {
                for seat in team {
                    let Some(p) = seat.person else { continue };
                    if planted.contains(&p) {
                        continue;
                    }
                    let person = &w.persons[p];
                    let id = w.person_id(p);
                    let run = oracle::run_years(person, u, at, |_| true);
                    assert!(run < 9.5, "{id}: {run:.2} years in unit {}", w.units[u].id);
                    let sec = oracle::run_years(person, u, at, |x| x.role == Some(Role::Secretary));
                    assert!(sec < 4.5, "{id}: {sec:.2} years as secretary");
                    let age = crate::normalize::date::age_at(person.birth.date(), at);
                    let cap = if person.is_female() {
                        female_age_cap(seat.nomination)
                    } else if seat.nomination == Nomination::New {
                        53
                    } else {
                        55
                    };
                    assert!(
                        age <= cap,
                        "{id}: aged {age}, {}, female {}",
                        seat.nomination.label(),
                        person.is_female()
                    );
                    let left = oracle::years_to_exit(person, at);
                    let need = if seat.nomination == Nomination::New {
                        5.0
                    } else {
                        3.0
                    };
                    // Calendar arithmetic is exact at anniversaries (exactly 3 years
                    // left is no breach), so the margin may be nil but not negative.
                    assert!(left >= need, "{id}: {left:.2} years to the exit age");
                }
            }
        }
    }
}

/// The planted AGE-003/004/005 people sit on the 乡镇 party committee (a 党委 row), the
/// kinship pair is a team finding, and ROT-005 finds nothing in the sample.
#[test]
fn planted_readings_follow_the_checker() {
    for seed in [DEFAULT_SEED, 3, 17] {
        let w = build_sample(seed);
        for f in w
            .planted
            .iter()
            .filter(|f| matches!(f.rule, "AGE-003" | "AGE-004" | "AGE-005"))
        {
            let (u, p) = (f.unit.unwrap(), f.person.unwrap());
            assert_eq!(
                w.units[u].kind,
                crate::normalize::unit_kind::UnitKind::Township
            );
            let seat = w.teams[1][u]
                .iter()
                .find(|s| s.person == Some(p))
                .expect("seated");
            assert!(
                seat.rows(&w.units[u])
                    .iter()
                    .any(|r| matches!(r.body, Body::Party | Body::Discipline)),
                "{} has no 党委 row",
                w.person_id(p)
            );
            assert!(!w.persons[p].is_female());
        }
        let kin: Vec<&Finding> = w
            .planted
            .iter()
            .filter(|f| f.rule == "ROT-006" && f.note.contains("kin"))
            .collect();
        assert_eq!(kin.len(), 1);
        assert_eq!(kin[0].person, None);
        assert!(oracle::evaluate(&w).iter().all(|f| f.rule != "ROT-005"));
        // Women are seated within the caps of a 55 exit age.
        for c in 0..2 {
            for team in &w.teams[c] {
                for s in team {
                    let p = &w.persons[s.person.unwrap()];
                    if p.is_female() {
                        let age = crate::normalize::date::age_at(p.birth.date(), as_of(c));
                        assert!(age <= female_age_cap(s.nomination));
                    }
                }
            }
        }
    }
}
