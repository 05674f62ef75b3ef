//! The readings a vetting officer would contest (issue 11, part 2), each a setting: a
//! fixture team per reading, checked with the setting at its default (the sources'
//! reading) and at its alternative, and `rules explain` stating the reading in force.

mod common;

use banzi::rules::{self, codes, Config, Severity};
use common::*;

fn settings(toml: &str) -> Config {
    Config::from_toml(&format!("[settings]\n{toml}\n"), "t.toml").unwrap()
}

/// (rule, unit, person) of the findings of `codes` in 2021.
fn found_2021(w: &World, select: &[&str], cfg: &Config) -> Vec<(String, String, String)> {
    w.check_with(select, cfg)
        .into_iter()
        .filter(|f| f.cycle == "2021")
        .map(|f| (f.rule.to_string(), f.unit_id, f.person_id))
        .collect()
}

fn hit(rule: &str, unit: &str, person: &str) -> (String, String, String) {
    (rule.into(), unit.into(), person.into())
}

/// 柳河镇's 宣传委员 P07, aged 58, exchanged in (交流) in 2021 from a post at 石桥镇.
fn exchanged_from(post: &'static str, unit_name: &'static str) -> World {
    let mut w = base();
    w.age("P07", 58);
    w.seat_mut("2021", "T01", "宣传委员").nomination = "交流";
    w.careers.push(Career {
        person: "P07",
        start: "2016.10",
        end: "2021.10",
        unit: "",
        unit_name,
        post,
    });
    w
}

const AGE: [&str; 3] = ["AGE-003", "AGE-004", "AGE-005"];

#[test]
fn an_exchange_at_the_same_rank_is_a_lateral_move() {
    // From 宣传委员 of another 镇 to 宣传委员 here: a continuing nomination for AGE-003
    // and 平级转任 for AGE-004 (58 leaves 2 years before 60).
    let w = exchanged_from("宣传委员", "青山县石桥镇");
    assert_eq!(
        found_2021(&w, &AGE, &Config::default()),
        vec![hit("AGE-003", "T01", "P07"), hit("AGE-004", "T01", "P07")]
    );
    let f = w.check(&["AGE-003"]);
    assert_eq!(f[0].observed, "58岁，交流");
    // The alternative: 交流 rows are outside the age rules (the earlier reading).
    let off = settings("exchanged_as_lateral = false");
    assert!(found_2021(&w, &AGE, &off).is_empty());
    // A previous post whose rank the title does not tell (a county bureau's 局长) is not
    // taken for a promotion.
    let w = exchanged_from("民政局局长", "青山县民政局");
    assert_eq!(
        found_2021(&w, &AGE, &Config::default()),
        vec![hit("AGE-003", "T01", "P07"), hit("AGE-004", "T01", "P07")]
    );
}

#[test]
fn an_exchange_to_a_higher_rank_is_a_promotion() {
    // From a staff post (科员, not a leadership post) to a team seat: 新提拔 for AGE-005
    // (2 years left, a term is 5), not AGE-003 or AGE-004.
    let w = exchanged_from("科员", "青山县石桥镇");
    assert_eq!(
        found_2021(&w, &AGE, &Config::default()),
        vec![hit("AGE-005", "T01", "P07")]
    );
    assert!(found_2021(&w, &AGE, &settings("exchanged_as_lateral = false")).is_empty());
    // From 副镇长 to 党委书记 (正职 above 副职): a promotion too.
    let mut w = base();
    w.age("P01", 58);
    w.seat_mut("2021", "T01", "党委书记").nomination = "交流";
    w.careers.push(Career {
        person: "P01",
        start: "2015.01",
        end: "2021.10",
        unit: "",
        unit_name: "青山县石桥镇",
        post: "副镇长",
    });
    assert_eq!(
        found_2021(&w, &AGE, &Config::default()),
        vec![hit("AGE-005", "T01", "P01")]
    );
}

#[test]
fn the_age_rules_cover_the_bodies_of_the_setting() {
    // 柳河镇's 人大主席 P09 is listed under 人大 only; aged 59 and 继续提名.
    let mut w = base();
    w.age("P09", 59);
    assert!(found_2021(&w, &AGE, &Config::default()).is_empty());
    let run = w.run_with(&AGE, &Config::default(), true);
    let notes = run.notes();
    assert_eq!(notes.len(), 2, "one per team and cycle: {notes:?}");
    assert!(
        notes[1].starts_with("2021 柳河镇") && notes[1].contains("P09姓名"),
        "{notes:?}"
    );
    assert!(notes[1].contains("age_rule_bodies"));
    // With 人大 covered: AGE-003 and AGE-004 see P09, and there is nothing to note.
    let wide = settings("age_rule_bodies = [\"党委\", \"纪委\", \"人大\"]");
    assert_eq!(
        found_2021(&w, &AGE, &wide),
        vec![hit("AGE-003", "T01", "P09"), hit("AGE-004", "T01", "P09")]
    );
    assert!(w.run_with(&AGE, &wide, true).notes().is_empty());
    // A 人大主席 who is also a 党委委员 is covered; and no age rule selected, no note.
    assert!(w
        .run_with(&["SIZE"], &Config::default(), true)
        .notes()
        .is_empty());
    w.seats.push(seat("T01", "党委", "党委委员", "P09"));
    let notes = w.run_with(&AGE, &Config::default(), true).notes();
    assert_eq!(notes.len(), 1, "2016 only: {notes:?}");
    assert!(notes[0].starts_with("2016"));
    assert_eq!(
        found_2021(&w, &AGE, &Config::default()),
        vec![hit("AGE-003", "T01", "P09"), hit("AGE-004", "T01", "P09")]
    );
}

#[test]
fn kinship_with_a_plain_discipline_member_is_a_finding() {
    // The 党委书记 P01 is married to P10, a plain member of the same 纪委.
    let mut w = base();
    w.persons.push(person("P10", "女", 44, "党务"));
    w.seats.push(seat("T01", "纪委", "委员", "P10"));
    w.relations.push(("P01", "P10", "配偶"));
    let f = w.check(&["ROT-006"]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].cycle.as_str(), f[0].unit_id.as_str()),
        ("2021", "T01")
    );
    assert!(f[0].observed.contains("P01") && f[0].observed.contains("P10"));
    assert_eq!(f[0].severity, Severity::Warning);
    let off = settings("kinship_includes_discipline_members = false");
    assert!(w.check_with(&["ROT-006"], &off).is_empty());
}

#[test]
fn a_blank_fulltime_cannot_be_verified() {
    // 东门街道's 纪工委书记 with 专职 left blank and no deputy: advice, not a pass.
    let mut w = base();
    w.seat_mut("2021", "S01", "纪工委书记").fulltime = "";
    let f = w.check(&["POST-003"]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].unit_id.as_str(), f[0].observed.as_str(), f[0].severity),
        ("S01", "未填写是否专职，无法核实", Severity::Advice)
    );
    let off = settings("blank_fulltime_unknown = false");
    assert!(w.check_with(&["POST-003"], &off).is_empty());
    // A deputy marked full-time settles it either way.
    w.seats.push(Seat {
        fulltime: "是",
        ..seat("S01", "纪委", "纪委副书记", "P19")
    });
    assert!(w.check(&["POST-003"]).is_empty());
    // A part-time secretary whose deputy's 专职 is blank: advice by default, a pass with
    // blank taken as full-time; with no deputy at all, an error either way.
    let mut w = base();
    w.seat_mut("2021", "S01", "纪工委书记").fulltime = "否";
    w.seats.push(seat("S01", "纪委", "纪委副书记", "P19"));
    let f = w.check(&["POST-003"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Advice);
    assert!(w.check_with(&["POST-003"], &off).is_empty());
    w.drop_seat("2021", "S01", "纪委副书记");
    for cfg in [Config::default(), off] {
        let f = w.check_with(&["POST-003"], &cfg);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
    }
    // A severity override moves the breach, not the advice.
    let warn = Config::from_toml("[rules.POST-003]\nseverity = \"warning\"\n", "t.toml").unwrap();
    assert_eq!(
        w.check_with(&["POST-003"], &warn)[0].severity,
        Severity::Warning
    );
    w.seat_mut("2021", "S01", "纪工委书记").fulltime = "";
    assert_eq!(
        w.check_with(&["POST-003"], &warn)[0].severity,
        Severity::Advice
    );
}

/// 柳河镇 with nobody on a source-group staffing (P08 was 事业编制), and P08 with `post`
/// at 杨树村 in 2008–2014.
fn with_village_spell(post: &'static str) -> World {
    let mut w = base();
    w.person("P08").staffing = "公务员";
    w.careers.push(Career {
        person: "P08",
        start: "2008.01",
        end: "2014.07",
        unit: "",
        unit_name: "青山县柳河镇杨树村",
        post,
    });
    w
}

#[test]
fn exp_006_counts_a_village_leadership_or_college_graduate_spell() {
    for post in ["党支部书记", "大学生村官"] {
        let w = with_village_spell(post);
        assert!(w.check(&["EXP-006"]).is_empty(), "{post} counts");
        let off = settings("source_groups_from_history = false");
        assert_eq!(
            found_2021(&w, &["EXP-006"], &off),
            vec![hit("EXP-006", "T01", "")],
            "{post}: staffing only"
        );
    }
    // A first secretary sent to the village is not one of its cadres.
    let w = with_village_spell("驻村第一书记");
    assert_eq!(
        found_2021(&w, &["EXP-006"], &Config::default()),
        vec![hit("EXP-006", "T01", "")]
    );
}

#[test]
fn the_discipline_deputy_is_neither_a_team_post_nor_outside_the_committee() {
    // A 纪工委副书记 added to 东门街道 (8 posts) leaves SIZE-001's count at 8; added to
    // 柳河镇 with three plain members, it makes the 纪委 5 (SIZE-006 passes).
    let mut w = base();
    w.drop_seat("2021", "S01", "宣传委员");
    w.drop_seat("2021", "S01", "人武部长");
    assert!(w.found("SIZE-001").is_empty(), "7 posts");
    w.drop_seat("2021", "S01", "组织委员");
    w.seats.push(Seat {
        fulltime: "是",
        ..seat("S01", "纪委", "纪工委副书记", "P19")
    });
    assert_eq!(w.found("SIZE-001"), team("2021", "S01"), "still 6 posts");
    let mut w = base();
    for p in ["P06", "P07", "P08"] {
        w.seats.push(seat("T01", "纪委", "委员", p));
    }
    assert_eq!(w.found("SIZE-006"), team("2021", "T01"), "4 members");
    w.seats.push(seat("T01", "纪委", "纪委副书记", "P09"));
    assert!(w.found("SIZE-006").is_empty(), "5 with the deputy");
}

#[test]
fn explain_states_each_reading_in_one_sentence() {
    let alternative = settings(
        "age_rule_bodies = [\"党委\", \"纪委\", \"人大\"]\nexchanged_as_lateral = false\nkinship_includes_discipline_members = false\nblank_fulltime_unknown = false\nsource_groups_from_history = false",
    );
    for code in [
        "AGE-003", "AGE-004", "AGE-005", "ROT-006", "POST-003", "EXP-006", "SIZE-001", "SIZE-006",
    ] {
        let rule = *codes::RULES.iter().find(|r| r.meta().code == code).unwrap();
        let line = |cfg: &Config| -> String {
            let text = rules::explain(rule, cfg);
            let line = text
                .lines()
                .find_map(|l| l.strip_prefix("reading in force: "))
                .unwrap_or_else(|| panic!("{code}: no reading in\n{text}"))
                .to_string();
            assert!(line.ends_with('.'), "{code}: {line}");
            assert!(
                !line.trim_end_matches('.').contains(". "),
                "{code}: one sentence: {line}"
            );
            line
        };
        let (default, alt) = (line(&Config::default()), line(&alternative));
        if code.starts_with("SIZE") {
            assert_eq!(default, alt);
            assert!(default.contains("纪委"), "{code}: {default}");
        } else {
            assert_ne!(default, alt, "{code}: the reading follows the setting");
        }
    }
    let rule = *codes::RULES
        .iter()
        .find(|r| r.meta().code == "AGE-003")
        .unwrap();
    let text = rules::explain(rule, &alternative);
    assert!(text.contains("党委、纪委、人大") && text.contains("exchanged_as_lateral = false"));
}

#[test]
fn the_sample_exchanges_are_all_lateral() {
    // The sample's 19 交流 rows are moves at the rank of the person's previous post, so
    // the new reading adds no finding on it (data/README.md).
    let w = banzi::pipeline::RunOptions {
        dataset: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample"),
        out: tempfile::tempdir().unwrap().path().to_path_buf(),
        ..Default::default()
    }
    .prepare()
    .unwrap();
    let ex = w
        .ctx
        .seats
        .column("exchange")
        .unwrap()
        // Held as a categorical: read as its texts.
        .cast(&polars::prelude::DataType::String)
        .unwrap();
    let ex = ex.str().unwrap();
    let lateral = ex.iter().filter(|e| *e == Some("lateral")).count();
    let promotion = ex.iter().filter(|e| *e == Some("promotion")).count();
    assert_eq!((lateral, promotion), (19, 0));
}
