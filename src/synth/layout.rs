//! Where the generated teams sit: the fixed sample place (青山县 with 12 townships and
//! 城关区 with 6 sub-districts, with its breaches assigned to named units) and the
//! synthetic counties and districts of scale mode (about 15 units each, a third of the
//! areas being districts of 街道), with breaches assigned at a small random rate.
//!
//! A layout is a [`World`] with areas and units but no people; the builder fills it.

use super::model::*;
use super::rng::Rng;
use super::vocab::PLACE_CHARS;
use crate::normalize::unit_kind::UnitKind;

/// Share of eligible teams that receive each team-level breach in scale mode.
pub const SCALE_BREACH_RATE: f64 = 0.02;
/// Share of districts that receive each area-level breach in scale mode.
pub const SCALE_AREA_BREACH_RATE: f64 = 0.04;

fn unit(
    id: &str,
    area_name: &str,
    short: &str,
    kind: UnitKind,
    area: usize,
    breaches: &[Breach],
) -> Unit {
    Unit {
        id: id.to_string(),
        short: short.to_string(),
        full: format!("{area_name}{short}"),
        kind,
        zhen: short.ends_with('镇'),
        minority_area: false,
        area,
        breaches: breaches.to_vec(),
    }
}

/// The sample: 青山县 (C01, 12 townships T01–T12, T07 a Hui minority area) and 城关区
/// (C02, 6 sub-districts S01–S06), with the breaches the README lists.
pub fn sample_layout() -> World {
    use Breach::*;
    let towns: [(&str, &[Breach]); 12] = [
        ("柳河镇", &[Rot006Native, Elig001]),
        ("石桥镇", &[Size005]),
        ("龙泉镇", &[Post001, Spec002]),
        ("白杨镇", &[Post002]),
        ("杏花乡", &[Exp001]),
        ("东岭乡", &[Exp006]),
        ("沙河回族乡", &[Eth001]),
        ("红旗镇", &[Age003]),
        ("青松乡", &[Age004, Gen004]),
        ("双井镇", &[Age005, Spec001]),
        // ROT-004 and SPEC-002 each need new people; apart, no team is near the ROT-005
        // limit (together they would make 7 of 10 new, exactly 70%).
        ("槐树乡", &[Rot004]),
        ("南坪镇", &[Rot006Kin]),
    ];
    let streets: [(&str, &[Breach]); 6] = [
        ("东门街道", &[Size001]),
        ("西关街道", &[Size002, Rot001]),
        ("南关街道", &[Post003, Rot002]),
        ("北苑街道", &[Age001]),
        ("新华街道", &[Exp002]),
        ("文昌街道", &[Rot003]),
    ];
    let mut units = Vec::new();
    for (i, (name, b)) in towns.iter().enumerate() {
        let mut u = unit(
            &format!("T{:02}", i + 1),
            "青山县",
            name,
            UnitKind::Township,
            0,
            b,
        );
        u.minority_area = name.contains("回族");
        units.push(u);
    }
    for (i, (name, b)) in streets.iter().enumerate() {
        units.push(unit(
            &format!("S{:02}", i + 1),
            "城关区",
            name,
            UnitKind::Subdistrict,
            1,
            b,
        ));
    }
    let neighbours: Vec<Place> = (0..12)
        .map(|i| Place {
            unit: Some(i),
            name: units[i].full.clone(),
            kind: UnitKind::Township,
        })
        .collect();
    let areas = vec![
        Area {
            id: "C01".into(),
            name: "青山县".into(),
            district: false,
            units: (0..12).collect(),
            neighbours: Vec::new(),
            breaches: Vec::new(),
        },
        Area {
            id: "C02".into(),
            name: "城关区".into(),
            district: true,
            units: (12..18).collect(),
            neighbours,
            breaches: vec![AreaBreach::Age002, AreaBreach::Gen002],
        },
    ];
    World {
        areas,
        units,
        person_digits: 4,
        ..World::default()
    }
}

/// One area of a scale run: whether it is a district, and how many units it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaPlan {
    pub district: bool,
    pub size: usize,
}

/// Splits `units` into areas of 10–20 units (the last may be up to 29), a third of them
/// districts.
pub fn scale_plan(units: usize, seed: u64) -> Vec<AreaPlan> {
    let mut rng = Rng::derive(seed, u64::MAX);
    let mut plans = Vec::new();
    let mut left = units;
    while left > 0 {
        let mut size = (rng.range(10, 20) as usize).min(left);
        if left - size < 10 {
            size = left;
        }
        plans.push(AreaPlan {
            district: rng.chance(1.0 / 3.0),
            size,
        });
        left -= size;
    }
    plans
}

/// A name stem of at least two characters, distinct for every `i`.
fn stem(mut i: usize) -> String {
    let base = PLACE_CHARS.len();
    let mut chars = Vec::new();
    loop {
        chars.push(PLACE_CHARS[i % base]);
        i /= base;
        if i == 0 && chars.len() >= 2 {
            break;
        }
    }
    chars.reverse();
    chars.concat()
}

/// The layout of scale area number `index` whose first unit is number `first_unit`.
pub fn scale_layout(index: usize, plan: AreaPlan, first_unit: usize, rng: &mut Rng) -> World {
    let suffix = if plan.district { "区" } else { "县" };
    let area_name = format!("{}{suffix}", stem(index));
    let minority_county = !plan.district && rng.chance(0.08);
    let mut used: Vec<String> = Vec::new();
    let mut units = Vec::with_capacity(plan.size);
    for k in 0..plan.size {
        let short = loop {
            let s = format!(
                "{}{}{}",
                rng.pick(&PLACE_CHARS),
                rng.pick(&PLACE_CHARS),
                if plan.district {
                    "街道"
                } else if rng.chance(0.6) {
                    "镇"
                } else {
                    "乡"
                }
            );
            if !used.contains(&s) {
                break s;
            }
        };
        used.push(short.clone());
        let kind = if plan.district {
            UnitKind::Subdistrict
        } else {
            UnitKind::Township
        };
        let mut u = unit(
            &format!("U{:06}", first_unit + k + 1),
            &area_name,
            &short,
            kind,
            0,
            &[],
        );
        u.minority_area =
            !plan.district && ((minority_county && rng.chance(0.5)) || rng.chance(0.02));
        for b in Breach::ALL {
            if b.fits(&u) && rng.chance(SCALE_BREACH_RATE) && u.breaches.is_empty() {
                u.breaches.push(b);
            }
        }
        units.push(u);
    }
    let neighbours = if plan.district {
        let county = format!("{}县", stem(index + 7919));
        (0..4)
            .map(|_| {
                let short = format!(
                    "{}{}{}",
                    rng.pick(&PLACE_CHARS),
                    rng.pick(&PLACE_CHARS),
                    if rng.chance(0.6) { "镇" } else { "乡" }
                );
                Place {
                    unit: None,
                    name: format!("{county}{short}"),
                    kind: UnitKind::Township,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut breaches = Vec::new();
    if plan.district {
        if rng.chance(SCALE_AREA_BREACH_RATE) {
            breaches.push(AreaBreach::Age002);
        }
        if rng.chance(SCALE_AREA_BREACH_RATE) {
            breaches.push(AreaBreach::Gen002);
        }
    }
    World {
        areas: vec![Area {
            id: format!("C{:05}", index + 1),
            name: area_name,
            district: plan.district,
            units: (0..plan.size).collect(),
            neighbours,
            breaches,
        }],
        units,
        person_digits: 7,
        ..World::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_eighteen_units() {
        let w = sample_layout();
        assert_eq!(w.units.len(), 18);
        assert_eq!(w.units[6].full, "青山县沙河回族乡");
        assert!(w.units[6].minority_area);
        assert!(w.units[1].zhen && !w.units[4].zhen);
        for u in &w.units {
            for b in &u.breaches {
                assert!(b.fits(u), "{b:?} does not fit {}", u.id);
            }
        }
    }

    #[test]
    fn plan_covers_all_units() {
        let plan = scale_plan(1000, 5);
        assert_eq!(plan.iter().map(|p| p.size).sum::<usize>(), 1000);
        assert!(plan.iter().all(|p| (10..30).contains(&p.size)));
        assert_eq!(
            scale_plan(7, 5),
            vec![AreaPlan {
                district: scale_plan(7, 5)[0].district,
                size: 7
            }]
        );
    }

    #[test]
    fn stems_are_distinct() {
        let stems: Vec<String> = (0..5000).map(stem).collect();
        let mut sorted = stems.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), stems.len());
        assert_eq!(stem(0).chars().count(), 2);
    }
}
