//! Boundary tests for every rule: a small hand-made district whose teams pass every rule,
//! then one change at a time that just passes or just fails a threshold.
//!
//! The base: 柳河镇 (T01, a 镇 of 青山县) with 9 members on 10 posts, and 东门街道 (S01, a
//! 街道 of 城关区) with 8 members on 9 posts, both in cycle 2021 (reference date
//! 2021-09-30, previous cycle 2016 with the same people).

mod common;

use banzi::rules::{codes, Config, Lang, Severity};
use common::*;

#[test]
fn the_base_district_passes_every_rule() {
    // Except GEN-002: the base keeps the same two women in 东门街道 in 2016 and 2021,
    // which is not a rise (tested below).
    let findings = base().check(&[]);
    let rules: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule, f.cycle.as_str()))
        .collect();
    assert_eq!(rules, vec![("GEN-002", "2021")], "{findings:#?}");
}

#[test]
fn size_001_counts_posts_of_a_subdistrict_team() {
    // 9 posts pass; 8 posts pass; 6 fail.
    let mut w = base();
    w.drop_seat("2021", "S01", "宣传委员");
    assert!(w.found("SIZE-001").is_empty());
    w.drop_seat("2021", "S01", "人武部长")
        .drop_seat("2021", "S01", "组织委员");
    assert_eq!(w.found("SIZE-001"), team("2021", "S01"));
    // 10 posts fail (a 办事处副主任 is added).
    let mut w = base();
    w.seats.push(seat("S01", "政府", "办事处副主任", "P19"));
    let f = w.check(&["SIZE-001"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (
            f[0].observed.as_str(),
            f[0].expected.as_str(),
            f[0].severity
        ),
        ("领导班子职数10名", "7至9名", Severity::Warning)
    );
}

#[test]
fn size_002_needs_one_of_each_subdistrict_principal() {
    let mut w = base();
    w.drop_seat("2021", "S01", "人大工委主任");
    let f = w.check(&["SIZE-002"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
    assert!(f[0].message.contains("人大工委主任0名"), "{}", f[0].message);
    // Two secretaries is also wrong; townships are not checked.
    let mut w = base();
    w.seats.push(seat("S01", "党委", "党工委书记", "P19"));
    w.drop_seat("2021", "T01", "人大主席");
    assert_eq!(w.found("SIZE-002"), team("2021", "S01"));
}

#[test]
fn size_004_and_005_count_party_committee_rows() {
    // 7 party rows pass; 6 fail (S01), and a 镇 with 10 fails SIZE-005.
    let mut w = base();
    w.drop_seat("2021", "S01", "宣传委员");
    assert_eq!(w.found("SIZE-004"), team("2021", "S01"));
    let mut w = base();
    w.seats.push(seat("T01", "党委", "统战委员", "P08"));
    w.seats.push(seat("T01", "党委", "政法委员", "P09"));
    assert!(w.found("SIZE-005").is_empty(), "9 members pass");
    w.seats.push(seat("T01", "党委", "委员", "P01"));
    assert_eq!(w.found("SIZE-005"), team("2021", "T01"));
}

#[test]
fn size_006_counts_the_discipline_committee_only_when_listed() {
    let mut w = base();
    assert!(w.found("SIZE-006").is_empty(), "not listed: not checked");
    for p in ["P06", "P07", "P08"] {
        w.seats.push(seat("T01", "纪委", "委员", p));
    }
    // 纪委书记 + 3 members = 4 < 5.
    assert_eq!(w.found("SIZE-006"), team("2021", "T01"));
    w.seats.push(seat("T01", "纪委", "委员", "P09"));
    assert!(w.found("SIZE-006").is_empty(), "5 pass");
}

#[test]
fn post_rules_name_the_missing_post() {
    let mut w = base();
    w.drop_seat("2021", "T01", "专职副书记");
    assert_eq!(w.found("POST-001"), team("2021", "T01"));
    let mut w = base();
    w.drop_seat("2021", "S01", "组织委员");
    let f = w.check(&["POST-002"]);
    assert_eq!(f.len(), 1);
    assert!(f[0].observed.contains("组织委员") && !f[0].observed.contains("纪委书记"));
}

#[test]
fn post_003_part_time_discipline_secretary() {
    let mut w = base();
    w.seat_mut("2021", "S01", "纪工委书记").fulltime = "否";
    assert_eq!(w.found("POST-003"), team("2021", "S01"));
    w.seats.push(Seat {
        fulltime: "是",
        ..seat("S01", "纪委", "纪委副书记", "P19")
    });
    assert!(w.found("POST-003").is_empty());
}

#[test]
fn age_001_one_fifth_aged_35_or_under_inclusive() {
    // S01 has 8 members: 2 needed. P14 is 34, P16 32. Making P16 35 still passes; 36 fails.
    let mut w = base();
    w.age("P13", 53);
    w.age("P16", 35);
    assert!(w.found("AGE-001").is_empty());
    w.age("P16", 36);
    let f = w.check(&["AGE-001"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].unit_id.as_str(), f[0].severity),
        ("S01", Severity::Error)
    );
    assert_eq!(f[0].observed, "35岁以下1人/共8人");
    assert_eq!(f[0].expected, "不少于2人");
    let en = w
        .run_in(&["AGE-001"], &Config::default(), false, Lang::En)
        .findings()
        .unwrap();
    assert_eq!(
        (en[0].observed.as_str(), en[0].expected.as_str()),
        ("1/8 aged ≤35", "≥ 2")
    );
    // In a 镇 the same shortfall is advice (source 001 controls age city-wide).
    let mut w = base();
    w.age("P05", 36);
    let f = w.check(&["AGE-001"]);
    assert_eq!(
        (f[0].unit_id.as_str(), f[0].severity),
        ("T01", Severity::Advice)
    );
}

#[test]
fn age_002_and_gen_001_district_principal_shares() {
    // S01 has 3 principal posts (书记, 主任, 人大工委主任): 5% of 3 rounds up to 1.
    // P13 (人大工委主任) is 35 in 2021 (30 in 2016): it counts; at 36 it does not.
    let mut w = base();
    assert!(w.found("AGE-002").is_empty(), "35 counts");
    w.age("P13", 36);
    let f = w.check(&["AGE-002"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (
            f[0].cycle.as_str(),
            f[0].observed.as_str(),
            f[0].expected.as_str()
        ),
        ("2021", "35岁以下0人/共3个正职", "不少于1个（5%）")
    );
    w.age("P13", 35);
    // GEN-001: P12 (a woman) holds the head post: 1 of 3 passes; a man fails.
    assert!(w.found("GEN-001").is_empty());
    w.person("P12").gender = "男";
    let f = w.check(&["GEN-001"]);
    assert_eq!(f.len(), 2);
    assert!(f[0].unit_id.is_empty() && f[0].message.contains("城关区"));
    assert_eq!(f[0].severity, Severity::Warning);
}

#[test]
fn age_003_58_or_over_not_renominated() {
    let mut w = base();
    w.age("P06", 57);
    assert!(w.found("AGE-003").is_empty());
    w.age("P06", 58);
    assert_eq!(w.found("AGE-003"), person_in("2021", "T01", "P06"));
    // A new nominee of 58 is not a re-nomination.
    w.seat_mut("2021", "T01", "人武部长").nomination = "新提拔";
    assert!(w.found("AGE-003").is_empty());
}

#[test]
fn age_004_three_years_left_for_continued_members() {
    // Men exit at 60, counted in calendar years to the 60th birthday (month-precision
    // births are the 1st): born 1964-10, 3 years and 1 day left on 2021-09-30.
    let mut w = base();
    w.person("P06").birth = "1964-10".into();
    assert!(w.found("AGE-004").is_empty(), "{:?}", w.check(&["AGE-004"]));
    // Born 1964-09: 2 years, 11 months and 2 of September's 31 days left: 2.92.
    w.person("P06").birth = "1964-09".into();
    let f = w.check(&["AGE-004"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].person_id, "P06");
    assert_eq!(f[0].observed, "距退出年龄2.92年");
    // Women exit at 55 by default: P04 born 1969-10 has 3 years and a day; 1969-09, 2.92.
    let mut w = base();
    w.person("P04").birth = "1969-10".into();
    assert!(w.found("AGE-004").is_empty());
    w.person("P04").birth = "1969-09".into();
    assert_eq!(w.found("AGE-004"), person_in("2021", "T01", "P04"));
}

#[test]
fn age_005_full_term_for_new_promotions() {
    let mut w = base();
    w.seat_mut("2021", "T01", "宣传委员").nomination = "新提拔";
    w.person("P07").birth = "1966-10".into(); // 54.9: 5.08 years left
    assert!(w.found("AGE-005").is_empty());
    w.person("P07").birth = "1966-09".into(); // 55.0: 4.99 years left
    assert_eq!(w.found("AGE-005"), person_in("2021", "T01", "P07"));
}

#[test]
fn age_007_echelon() {
    let mut w = base();
    w.age("P03", 36).age("P05", 37);
    assert_eq!(w.found("AGE-007"), team("2021", "T01"));
}

#[test]
fn gen_002_women_must_rise_against_the_previous_term() {
    // Same women in 2016 and 2021: not a rise.
    let mut w = base();
    let f = w.check(&["GEN-002"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].cycle.as_str(), f[0].severity),
        ("2021", Severity::Error)
    );
    assert_eq!(f[0].observed, "女干部2人（上届2人）");
    // One more woman in 2021 passes.
    w.person("P19").gender = "女";
    w.seats
        .retain(|s| !(s.cycle == "2016" && s.person == "P19"));
    w.seats.push(Seat {
        cycle: "2016",
        ..seat("S01", "党委", "宣传委员", "P18")
    });
    assert!(w.found("GEN-002").is_empty());
}

#[test]
fn gen_003_and_gen_004_women_in_townships() {
    let mut w = base();
    w.person("P02").gender = "男";
    assert_eq!(w.found("GEN-003").len(), 2, "both cycles");
    w.person("P04").gender = "男";
    assert_eq!(
        w.found("GEN-004"),
        vec![
            ("2016".into(), "T01".into(), String::new()),
            ("2021".into(), "T01".into(), String::new())
        ]
    );
}

#[test]
fn eth_001_only_in_minority_areas() {
    let mut w = base();
    w.person("P01").ethnicity = "蒙古族";
    w.person("P02").ethnicity = "蒙古族";
    assert!(w.found("ETH-001").is_empty(), "not a minority area");
    w.minority_area = true;
    // 2 of 9 < ceil(9 × 0.25) = 3.
    assert_eq!(w.found("ETH-001").len(), 2);
    w.person("P03").ethnicity = "回族";
    assert!(w.found("ETH-001").is_empty());
}

#[test]
fn exp_001_two_thirds_with_two_years_of_township_work() {
    // T01 has 9 members: 6 needed. Move 3 people's careers to a county organ recently.
    let mut w = base();
    for id in ["P06", "P07", "P08"] {
        let c = w.careers.iter_mut().find(|c| c.person == id).unwrap();
        c.unit = "";
        c.unit_name = "青山县农业农村局";
    }
    assert!(w.found("EXP-001").is_empty(), "6 of 9 pass");
    w.careers
        .iter_mut()
        .find(|c| c.person == "P09")
        .unwrap()
        .start = "2019.10"; // 1.99 years
                            // 5 of 9 fail in 2021 (and in 2016, when P09 had not started).
    let f = w.found("EXP-001");
    assert!(
        f.contains(&("2021".into(), "T01".into(), String::new())),
        "{f:?}"
    );
    w.careers
        .iter_mut()
        .find(|c| c.person == "P09")
        .unwrap()
        .start = "2019.09"; // 2.08 years
    assert!(w.found("EXP-001").iter().all(|(c, _, _)| c == "2016"));
}

#[test]
fn exp_002_subdistrict_principals_need_subdistrict_work() {
    let mut w = base();
    let c = w.careers.iter_mut().find(|c| c.person == "P13").unwrap();
    c.unit = "T01";
    c.unit_name = "青山县柳河镇";
    assert_eq!(w.found("EXP-002").len(), 2);
    assert!(w
        .found("EXP-002")
        .iter()
        .all(|(_, u, p)| u == "S01" && p == "P13"));
}

#[test]
fn exp_006_one_member_from_the_three_groups() {
    let mut w = base();
    w.person("P08").staffing = "公务员";
    assert_eq!(w.found("EXP-006").len(), 2);
    w.person("P08").staffing = "大学生村官";
    assert!(w.found("EXP-006").is_empty());
}

#[test]
fn spec_rules() {
    let mut w = base();
    w.person("P04").specialties = "信访";
    let f = w.check(&["SPEC-001"]);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].observed, "缺法治");
    // SPEC-002: 5 of 9 with the same first specialty is more than half.
    let mut w = base();
    // P01 and P03 list 党务 first already.
    for id in ["P05", "P06"] {
        w.person(id).specialties = "党务";
    }
    assert!(w.found("SPEC-002").is_empty(), "4 of 9 党务 pass");
    w.person("P07").specialties = "党务";
    assert_eq!(w.found("SPEC-002").len(), 2);
}

#[test]
fn rot_rules_count_unbroken_tenure_to_the_reference_date() {
    // An 办事处主任 in post since 2011.10 (9.99 years) passes; since 2011.09 (10.08) fails.
    let mut w = base();
    w.careers.push(Career {
        person: "P12",
        start: "2011.10",
        end: "",
        unit: "S01",
        unit_name: "城关区东门街道",
        post: "办事处主任",
    });
    assert!(w.found("ROT-002").iter().all(|(c, _, _)| c != "2021"));
    w.careers.last_mut().unwrap().start = "2011.09";
    assert_eq!(w.found("ROT-002"), person_in("2021", "S01", "P12"));
    // ROT-001: leadership in the unit for 10 years across posts.
    let mut w = base();
    w.careers.push(Career {
        person: "P19",
        start: "2011.09",
        end: "2015.09",
        unit: "S01",
        unit_name: "城关区东门街道",
        post: "办事处副主任",
    });
    w.careers.push(Career {
        person: "P19",
        start: "2015.09",
        end: "",
        unit: "S01",
        unit_name: "城关区东门街道",
        post: "宣传委员",
    });
    assert_eq!(w.found("ROT-001"), person_in("2021", "S01", "P19"));
    assert!(w.found("ROT-002").is_empty(), "6 years in the current post");
    // ROT-003: secretary of the same 街道 for 5 years (inclusive).
    let mut w = base();
    w.careers.push(Career {
        person: "P11",
        start: "2016.10",
        end: "",
        unit: "S01",
        unit_name: "城关区东门街道",
        post: "党工委书记",
    });
    assert!(w.found("ROT-003").is_empty(), "4.9 years");
    w.careers.last_mut().unwrap().start = "2016.09";
    assert_eq!(w.found("ROT-003"), person_in("2021", "S01", "P11"));
}

#[test]
fn rot_004_secretary_and_head_both_new() {
    let mut w = base();
    w.persons.push(person("P31", "男", 44, "党务"));
    w.persons.push(person("P32", "男", 43, "经济"));
    w.careers.push(Career {
        person: "P31",
        start: "2014.07",
        end: "",
        unit: "T01",
        unit_name: "青山县柳河镇",
        post: "科员",
    });
    w.careers.push(Career {
        person: "P32",
        start: "2014.07",
        end: "",
        unit: "T01",
        unit_name: "青山县柳河镇",
        post: "科员",
    });
    w.seat_mut("2021", "T01", "党委书记").person = "P31";
    assert!(w.found("ROT-004").is_empty(), "only the secretary is new");
    w.seat_mut("2021", "T01", "镇长").person = "P32";
    assert_eq!(w.found("ROT-004"), team("2021", "T01"));
}

#[test]
fn rot_005_turnover_share() {
    // T01 has 9 members. Replacing 6 of them in 2021 (6/9 = 67%) passes; 7 (78%) fails.
    let mut w = base();
    let newcomers = ["P41", "P42", "P43", "P44", "P45", "P46", "P47"];
    let replaced = ["P03", "P05", "P06", "P07", "P08", "P09", "P01"];
    for (k, (&new, old)) in newcomers.iter().zip(replaced).enumerate() {
        w.persons.push(Person {
            id: new,
            ..person("P00", "男", 33 + k as i32, "党务")
        });
        w.careers.push(Career {
            person: new,
            start: "2014.07",
            end: "",
            unit: "T01",
            unit_name: "青山县柳河镇",
            post: "科员",
        });
        if k < 6 {
            for s in w
                .seats
                .iter_mut()
                .filter(|s| s.cycle == "2021" && s.person == old)
            {
                s.person = new;
            }
        }
    }
    assert!(w.found("ROT-005").is_empty(), "6 of 9 new");
    for s in w
        .seats
        .iter_mut()
        .filter(|s| s.cycle == "2021" && s.person == "P01")
    {
        s.person = "P47";
    }
    let f = w.check(&["ROT-005"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].unit_id.as_str(), f[0].observed.as_str(), f[0].severity),
        ("T01", "新进7人/共9人", Severity::Advice)
    );
}

#[test]
fn rot_006_kinship_and_native_place() {
    let mut w = base();
    w.relations.push(("P03", "P07", "配偶"));
    let f = w.check(&["ROT-006"]);
    assert_eq!(f.len(), 2, "one per cycle");
    assert!(f[0].observed.contains("P03") && f[0].observed.contains("P07"));
    // Relatives in different teams are fine.
    let mut w = base();
    w.relations.push(("P03", "P13", "兄弟姐妹"));
    assert!(w.found("ROT-006").is_empty());
    w.person("P01").native = "青山县柳河镇";
    assert_eq!(w.found("ROT-006").len(), 2);
    assert!(w.found("ROT-006").iter().all(|(_, _, p)| p == "P01"));
}

#[test]
fn elig_001_vetting_hold_blocks_nomination() {
    let mut w = base();
    w.person("P08").hold = true;
    let f = w.check(&["ELIG-001"]);
    assert_eq!(f.len(), 2);
    assert!(f
        .iter()
        .all(|x| x.severity == Severity::Error && x.person_id == "P08"));
}

#[test]
fn toml_overrides_change_threshold_and_severity() {
    let w = base();
    // Default: nothing. With max_age 33 and a 1/4 share, S01 (P14 34, P16 32) fails;
    // the severity override turns the error into a warning.
    assert!(w.check(&["AGE-001"]).is_empty());
    let cfg = Config::from_toml(
        "[rules.AGE-001]\nmax_age = 33\nmin_share = 0.25\nsubdistrict = \"warning\"\n",
        "t.toml",
    )
    .unwrap();
    let f = w.check_with(&["AGE-001"], &cfg);
    assert!(
        f.iter().any(|x| x.unit_id == "S01"
            && x.severity == Severity::Warning
            && x.observed == "33岁以下1人/共8人"),
        "{f:#?}"
    );
    // Turning a rule off.
    let mut w = base();
    w.person("P08").hold = true;
    let off = Config::from_toml("[rules.ELIG-001]\nenabled = false\n", "t.toml").unwrap();
    assert!(w.check_with(&["ELIG-001"], &off).is_empty());
}

#[test]
fn every_rule_has_a_boundary_test_here() {
    let source = include_str!("rules.rs");
    for r in codes::RULES {
        let code = r.meta().code;
        let quoted = format!("\"{code}\"");
        let tested = source.matches(&quoted).count() >= 1
            || source.contains(&code.to_lowercase().replace('-', "_"));
        assert!(tested, "{code} has no test in tests/rules.rs");
    }
}
