//! Cycle comparison on the hand-made district, with figures worked out by hand.
//!
//! From 2016 to 2021 in 柳河镇 (T01): P05 moves from 组织委员 to 宣传委员, P07 (宣传委员)
//! leaves, P08 (副镇长) moves to 东门街道 (S01) as 办事处副主任, P21 (a woman of 30) becomes
//! 组织委员 and P22 (a man of 28) 副镇长. Ages in 2016 (reference 2016-09-30, all born in
//! March) are those of 2021 minus five.

mod common;

use banzi::compare;
use banzi::structure;
use common::*;
use polars::prelude::*;

fn changed() -> World {
    let mut w = base();
    w.persons.push(person("P21", "女", 30, "党务"));
    w.persons.push(person("P22", "男", 28, "经济"));
    for p in ["P21", "P22"] {
        w.careers.push(Career {
            person: p,
            start: "2014.07",
            end: "",
            unit: "T01",
            unit_name: "青山县柳河镇",
            post: "科员",
        });
    }
    w.drop_seat("2021", "T01", "宣传委员");
    w.seat_mut("2021", "T01", "组织委员").person = "P21";
    w.seats.push(seat("T01", "党委", "宣传委员", "P05"));
    w.seat_mut("2021", "T01", "副镇长").person = "P22";
    w.seats.push(seat("S01", "政府", "办事处副主任", "P08"));
    w
}

fn row_of(df: &DataFrame, unit: &str, from: &str) -> DataFrame {
    df.clone()
        .lazy()
        .filter(
            col("unit_id")
                .eq(lit(unit))
                .and(col("from_cycle").eq(lit(from))),
        )
        .collect()
        .unwrap()
}

fn num(df: &DataFrame, column: &str) -> f64 {
    df.column(column)
        .unwrap()
        .cast(&DataType::Float64)
        .unwrap()
        .f64()
        .unwrap()
        .get(0)
        .unwrap()
}

#[test]
fn continuity_by_hand() {
    let ctx = changed().context();
    let s = structure::compute(&ctx).unwrap();
    let c = compare::compare(&ctx, &s, &["2016".into(), "2021".into()]).unwrap();
    let t01 = row_of(&c.continuity, "T01", "2016");
    assert_eq!(num(&t01, "members_from"), 9.0);
    assert_eq!(num(&t01, "members_to"), 9.0);
    assert_eq!(
        num(&t01, "stayed_same_post"),
        6.0,
        "P01 P02 P03 P04 P06 P09"
    );
    assert_eq!(num(&t01, "stayed_other_post"), 1.0, "P05");
    assert_eq!(num(&t01, "left"), 2.0, "P07 P08");
    assert_eq!(num(&t01, "new"), 2.0, "P21 P22");
    assert!((num(&t01, "renomination_share") - 7.0 / 9.0).abs() < 1e-9);
    assert!((num(&t01, "turnover_share") - 2.0 / 9.0).abs() < 1e-9);
    let s01 = row_of(&c.continuity, "S01", "2016");
    assert_eq!(
        (num(&s01, "members_from"), num(&s01, "members_to")),
        (8.0, 9.0)
    );
    assert_eq!(
        (
            num(&s01, "stayed_same_post"),
            num(&s01, "new"),
            num(&s01, "left")
        ),
        (8.0, 1.0, 0.0)
    );
    // The one move between units.
    assert_eq!(c.moves.height(), 1);
    let get = |c: &str| c.to_string();
    let m = &c.moves;
    assert_eq!(
        m.column("person_id").unwrap().str().unwrap().get(0),
        Some("P08")
    );
    assert_eq!(
        m.column("from_unit").unwrap().str().unwrap().get(0),
        Some("T01")
    );
    assert_eq!(
        m.column("to_unit").unwrap().str().unwrap().get(0),
        Some("S01")
    );
    assert_eq!(
        m.column("to_roles").unwrap().str().unwrap().get(0).map(get),
        Some("deputy_head".into())
    );
    assert_eq!(c.unmatched.height(), 0);
}

#[test]
fn deltas_by_hand() {
    let ctx = changed().context();
    let s = structure::compute(&ctx).unwrap();
    let c = compare::compare(&ctx, &s, &["2016".into(), "2021".into()]).unwrap();
    let t01 = row_of(&c.deltas_teams, "T01", "2016");
    // 2016 bands: ≤30 P03 P05; 31-35 P02 P04 P08; 36-45 P01 P06 P07; 46-50 P09.
    // 2021 bands: ≤30 P21 P22; 31-35 P03 P05; 36-45 P01 P02 P04; 46-50 P06; >50 P09.
    for (fig, from, to) in [
        ("age_le30", 2.0, 2.0),
        ("age_31_35", 3.0, 2.0),
        ("age_36_45", 3.0, 3.0),
        ("age_46_50", 1.0, 1.0),
        ("age_gt50", 0.0, 1.0),
        ("women", 2.0, 3.0),
        ("members", 9.0, 9.0),
        // (40+35+28+33+26+45+37+31+47)/9 = 35.8; (45+40+33+38+31+50+52+30+28)/9 = 38.6
        ("mean_age", 35.8, 38.6),
    ] {
        assert!(
            (num(&t01, &format!("{fig}_from")) - from).abs() < 1e-9,
            "{fig} 2016"
        );
        assert!(
            (num(&t01, &format!("{fig}_to")) - to).abs() < 1e-9,
            "{fig} 2021"
        );
        assert!(
            (num(&t01, &format!("{fig}_delta")) - (to - from)).abs() < 1e-9,
            "{fig} delta"
        );
    }
    // S01 gains P08 (36 in 2021). Its 36-45 band: 2016 P11 41, P12 36, P18 39, P19 43;
    // 2021 P12 41, P15 39, P18 44, P08 36 (P11 is 46, P19 48): 4 and 4.
    let s01 = row_of(&c.deltas_teams, "S01", "2016");
    assert_eq!(num(&s01, "members_delta"), 1.0);
    assert_eq!(
        (num(&s01, "age_36_45_from"), num(&s01, "age_36_45_to")),
        (4.0, 4.0)
    );
    assert_eq!(
        (num(&s01, "age_46_50_from"), num(&s01, "age_46_50_to")),
        (0.0, 2.0)
    );
    // The district and total rows add up the teams.
    let totals = &c.deltas_totals;
    assert_eq!(num(totals, "members_delta"), 1.0);
    assert_eq!(num(totals, "women_delta"), 1.0);
    assert_eq!(compare::wanted_direction("women"), Some("rise (GEN-002)"));
}

#[test]
fn three_cycles_compare_each_consecutive_pair() {
    let mut w = changed();
    w.cycles.push_str("2026,2026-09-30,2021\n");
    let later: Vec<Seat> = w
        .seats
        .iter()
        .filter(|s| s.cycle == "2021")
        .map(|s| Seat {
            cycle: "2026",
            ..s.clone()
        })
        .collect();
    w.seats.extend(later);
    // 柳河镇 is merged away in 2026: its team is gone.
    w.seats.retain(|s| !(s.cycle == "2026" && s.unit == "T01"));
    let ctx = w.context();
    let s = structure::compute(&ctx).unwrap();
    let c = compare::compare(&ctx, &s, &["2016".into(), "2021".into(), "2026".into()]).unwrap();
    let pairs: Vec<(Option<&str>, Option<&str>)> = c
        .deltas_totals
        .column("from_cycle")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .zip(
            c.deltas_totals
                .column("to_cycle")
                .unwrap()
                .str()
                .unwrap()
                .iter(),
        )
        .collect();
    assert_eq!(
        pairs,
        vec![(Some("2016"), Some("2021")), (Some("2021"), Some("2026"))]
    );
    // 2021 → 2026: nobody changed in S01; T01 exists in 2021 only and is reported as such.
    let s01 = row_of(&c.continuity, "S01", "2021");
    assert_eq!(
        (
            num(&s01, "stayed_same_post"),
            num(&s01, "new"),
            num(&s01, "left")
        ),
        (9.0, 0.0, 0.0)
    );
    let un = &c.unmatched;
    assert_eq!(un.height(), 1);
    assert_eq!(
        un.column("unit_id").unwrap().str().unwrap().get(0),
        Some("T01")
    );
    assert_eq!(
        un.column("present_in").unwrap().str().unwrap().get(0),
        Some("2021")
    );
    // Unknown cycles are an error, not an empty result.
    assert!(compare::compare(&ctx, &s, &["2016".into(), "2031".into()]).is_err());
}

/// The shipped sample, 2016 → 2021, checked by hand from `data/sample/slate.csv` and
/// `cadres.csv` for two teams:
/// - 柳河镇 (T01): P0003 P0005 P0006 P0007 P0008 P0010 keep their posts; P0002 moves from
///   党委副书记+镇长 to 党委书记; P0001, P0004, P0009 leave; P0173, P0174, P0175 are new.
///   Ages at 2016-09-30 fall in the bands 1/1/6/1/1 (mean 41.0), at 2021-09-30 in
///   0/2/3/4/1 (mean 43.5); two women in both cycles.
/// - 南关街道 (S03): P0147 P0148 keep their posts; P0142, P0143, P0146 change post;
///   P0141, P0144, P0145 leave; P0219, P0220, P0221 are new. Bands 0/2/4/0/2 (mean 42.1)
///   and 0/2/4/2/0 (mean 41.8); two women in both cycles.
#[test]
fn the_sample_by_hand() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let out = tempfile::tempdir().unwrap();
    let ctx = banzi::pipeline::RunOptions {
        dataset: dir,
        out: out.path().to_path_buf(),
        ..Default::default()
    }
    .prepare()
    .unwrap()
    .ctx;
    let s = structure::compute(&ctx).unwrap();
    let c = compare::compare(&ctx, &s, &["2016".into(), "2021".into()]).unwrap();
    for (unit, same, other, left, new) in [("T01", 6.0, 1.0, 3.0, 3.0), ("S03", 2.0, 3.0, 3.0, 3.0)]
    {
        let r = row_of(&c.continuity, unit, "2016");
        assert_eq!(
            (
                num(&r, "stayed_same_post"),
                num(&r, "stayed_other_post"),
                num(&r, "left"),
                num(&r, "new")
            ),
            (same, other, left, new),
            "{unit}"
        );
    }
    for (unit, from, to, mean_from, mean_to) in [
        (
            "T01",
            [1.0, 1.0, 6.0, 1.0, 1.0],
            [0.0, 2.0, 3.0, 4.0, 1.0],
            41.0,
            43.5,
        ),
        (
            "S03",
            [0.0, 2.0, 4.0, 0.0, 2.0],
            [0.0, 2.0, 4.0, 2.0, 0.0],
            42.1,
            41.8,
        ),
    ] {
        let r = row_of(&c.deltas_teams, unit, "2016");
        for (i, band) in [
            "age_le30",
            "age_31_35",
            "age_36_45",
            "age_46_50",
            "age_gt50",
        ]
        .iter()
        .enumerate()
        {
            assert_eq!(
                num(&r, &format!("{band}_from")),
                from[i],
                "{unit} {band} 2016"
            );
            assert_eq!(num(&r, &format!("{band}_to")), to[i], "{unit} {band} 2021");
            assert_eq!(
                num(&r, &format!("{band}_delta")),
                to[i] - from[i],
                "{unit} {band} delta"
            );
        }
        assert!((num(&r, "mean_age_from") - mean_from).abs() < 1e-9);
        assert!((num(&r, "mean_age_to") - mean_to).abs() < 1e-9);
        assert_eq!(
            (
                num(&r, "women_from"),
                num(&r, "women_to"),
                num(&r, "women_delta")
            ),
            (2.0, 2.0, 0.0)
        );
    }
}
