//! Exact anniversaries: every rule with a years threshold, checked the day before, the
//! day of and the day after the anniversary that crosses it, with dates given to the
//! month (the precision of cadre records), to the day, and on 29 February.
//!
//! 满N年 counts calendar years: a post taken in 2016.10 reaches 5 years on 2021-10-01,
//! a birthday on 29 February is reached on 1 March in other years, and a figure shown
//! with two decimals never crosses a threshold that the calendar has not crossed.

mod common;

use common::*;

/// The 2021 cycle checked at `as_of` (the 2016 cycle keeps 2016-09-30).
fn at(w: &mut World, as_of: &str) {
    w.cycles = format!("cycle,as_of,previous\n2016,2016-09-30,\n2021,{as_of},2016\n");
}

/// Whether `code` finds something in the 2021 cycle of `w` checked at each date of
/// `dates`, as a list of booleans in order.
fn fires(w: &World, code: &str, dates: [&str; 3]) -> [bool; 3] {
    dates.map(|d| {
        let mut w = w.clone();
        at(&mut w, d);
        w.found(code).iter().any(|(c, _, _)| c == "2021")
    })
}

/// A leadership spell of `person` in 东门街道 (S01).
fn subdistrict_spell(person: &'static str, start: &'static str, post: &'static str) -> Career {
    Career {
        person,
        start,
        end: "",
        unit: "S01",
        unit_name: "城关区东门街道",
        post,
    }
}

/// The three precisions: (start or birth as written, the three dates around the
/// anniversary).
type Cases = [(&'static str, [&'static str; 3]); 3];

const BEFORE_OF_AFTER_FIRE: [bool; 3] = [false, true, true];

#[test]
fn rot_003_five_years_as_secretary() {
    let cases: Cases = [
        ("2016.10", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        ("2016-10-15", ["2021-10-14", "2021-10-15", "2021-10-16"]),
        ("2016-02-29", ["2021-02-28", "2021-03-01", "2021-03-02"]),
    ];
    for (start, dates) in cases {
        let mut w = base();
        w.careers
            .push(subdistrict_spell("P11", start, "党工委书记"));
        assert_eq!(fires(&w, "ROT-003", dates), BEFORE_OF_AFTER_FIRE, "{start}");
    }
}

#[test]
fn rot_002_ten_years_in_one_post() {
    let cases: Cases = [
        ("2011.10", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        ("2011-10-15", ["2021-10-14", "2021-10-15", "2021-10-16"]),
        ("2012-02-29", ["2022-02-28", "2022-03-01", "2022-03-02"]),
    ];
    for (start, dates) in cases {
        let mut w = base();
        w.careers
            .push(subdistrict_spell("P12", start, "办事处主任"));
        assert_eq!(fires(&w, "ROT-002", dates), BEFORE_OF_AFTER_FIRE, "{start}");
    }
}

#[test]
fn rot_001_ten_years_in_the_team_across_posts() {
    let cases: Cases = [
        ("2011.10", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        ("2011-10-15", ["2021-10-14", "2021-10-15", "2021-10-16"]),
        ("2012-02-29", ["2022-02-28", "2022-03-01", "2022-03-02"]),
    ];
    for (start, dates) in cases {
        let mut w = base();
        w.careers.push(Career {
            end: "2015.09",
            ..subdistrict_spell("P19", start, "办事处副主任")
        });
        w.careers
            .push(subdistrict_spell("P19", "2015.09", "宣传委员"));
        assert_eq!(fires(&w, "ROT-001", dates), BEFORE_OF_AFTER_FIRE, "{start}");
    }
}

#[test]
fn exp_001_two_years_of_township_work() {
    // T01 has 9 members and needs 6: three work in a county office, and P09's township
    // work starts at the date under test, so the team passes once P09 has 2 years.
    let cases: Cases = [
        ("2019.10", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        ("2019-10-15", ["2021-10-14", "2021-10-15", "2021-10-16"]),
        ("2020-02-29", ["2022-02-28", "2022-03-01", "2022-03-02"]),
    ];
    for (start, dates) in cases {
        let mut w = base();
        for id in ["P06", "P07", "P08"] {
            let c = w.careers.iter_mut().find(|c| c.person == id).unwrap();
            c.unit = "";
            c.unit_name = "青山县农业农村局";
        }
        w.careers
            .iter_mut()
            .find(|c| c.person == "P09")
            .unwrap()
            .start = start;
        assert_eq!(fires(&w, "EXP-001", dates), [true, false, false], "{start}");
    }
}

#[test]
fn exp_001_counts_overlapping_posts_once_to_the_month() {
    // P09 was 副镇长 2019.10--2021.04 and, overlapping, 党委委员 2020.04--: 2 years of
    // township work on 2021-10-01, not more, and 1.99 the day before.
    let mut w = base();
    for id in ["P06", "P07", "P08"] {
        let c = w.careers.iter_mut().find(|c| c.person == id).unwrap();
        c.unit = "";
        c.unit_name = "青山县农业农村局";
    }
    let c = w.careers.iter_mut().find(|c| c.person == "P09").unwrap();
    c.start = "2019.10";
    c.end = "2021.04";
    c.post = "副镇长";
    w.careers.push(Career {
        person: "P09",
        start: "2020.04",
        end: "",
        unit: "T01",
        unit_name: "青山县柳河镇",
        post: "党委委员",
    });
    assert_eq!(
        fires(&w, "EXP-001", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        [true, false, false]
    );
    let mut w = w.clone();
    at(&mut w, "2021-09-30");
    let f = w.check(&["EXP-001"]);
    let f: Vec<_> = f.iter().filter(|f| f.cycle == "2021").collect();
    assert_eq!(f.len(), 1);
    assert!(f[0].observed.starts_with("5/9"), "{}", f[0].observed);
}

#[test]
fn age_003_renominated_at_58() {
    let cases: Cases = [
        ("1963-10", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        ("1963-10-15", ["2021-10-14", "2021-10-15", "2021-10-16"]),
        ("1964-02-29", ["2022-02-28", "2022-03-01", "2022-03-02"]),
    ];
    for (birth, dates) in cases {
        let mut w = base();
        w.person("P06").birth = birth.into();
        assert_eq!(fires(&w, "AGE-003", dates), BEFORE_OF_AFTER_FIRE, "{birth}");
    }
}

#[test]
fn age_004_three_years_left() {
    // A man exits at 60: born 1964.10, he has exactly 3 years left on 2021-10-01 (no
    // finding) and 2.99 the day after.
    let cases: Cases = [
        ("1964-10", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        ("1964-10-15", ["2021-10-14", "2021-10-15", "2021-10-16"]),
        // A woman (exit 55) born on 29 February 1972 exits on 1 March 2027.
        ("1972-02-29", ["2024-02-29", "2024-03-01", "2024-03-02"]),
    ];
    for (birth, dates) in cases {
        let mut w = base();
        let who = if birth.starts_with("1972") {
            "P04"
        } else {
            "P06"
        };
        w.person(who).birth = birth.into();
        assert_eq!(fires(&w, "AGE-004", dates), [false, false, true], "{birth}");
    }
    let mut w = base();
    w.person("P06").birth = "1964-10".into();
    at(&mut w, "2021-10-02");
    let f = w.check(&["AGE-004"]);
    let f: Vec<_> = f.iter().filter(|f| f.cycle == "2021").collect();
    assert_eq!(f[0].observed, "距退出年龄2.99年");
}

#[test]
fn age_005_a_full_term_left_for_new_promotions() {
    let cases: Cases = [
        ("1966-10", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        ("1966-10-15", ["2021-10-14", "2021-10-15", "2021-10-16"]),
        ("1972-02-29", ["2022-02-28", "2022-03-01", "2022-03-02"]),
    ];
    for (birth, dates) in cases {
        let mut w = base();
        let (who, post) = if birth.starts_with("1972") {
            ("P04", "纪委书记")
        } else {
            ("P07", "宣传委员")
        };
        w.seat_mut("2021", "T01", post).nomination = "新提拔";
        w.person(who).birth = birth.into();
        assert_eq!(fires(&w, "AGE-005", dates), [false, false, true], "{birth}");
    }
}

#[test]
fn age_001_aged_35_or_under_until_the_36th_birthday() {
    // T01 has two members aged 35 or under (P03, P05) and needs 2 of 9: P05's 36th
    // birthday makes the team fail.
    let cases: Cases = [
        ("1985-10", ["2021-09-30", "2021-10-01", "2021-10-02"]),
        ("1985-10-15", ["2021-10-14", "2021-10-15", "2021-10-16"]),
        ("1984-02-29", ["2020-02-28", "2020-02-29", "2020-03-01"]),
    ];
    for (birth, dates) in cases {
        let mut w = base();
        w.person("P05").birth = birth.into();
        // Checked in 2020, P08 (36 in 2021) would be 34: keep him older.
        w.person("P08").birth = "1980-03".into();
        assert_eq!(fires(&w, "AGE-001", dates), BEFORE_OF_AFTER_FIRE, "{birth}");
    }
}
