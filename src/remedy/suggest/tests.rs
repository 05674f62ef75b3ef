//! The solver against brute force on small random districts: whenever some slate
//! passes, the solver's slate passes (it never leaves, or adds, a broken rule) and has
//! exactly the fewest changes; when none does, the solver says so, and its relaxation
//! makes the rules hold.

use proptest::prelude::*;

use super::problem::*;
use super::solve::{self, Limits, Outcome};

/// Every assignment of a problem, the valid ones with their changes.
fn brute_force_min(p: &Problem) -> Option<usize> {
    let free: Vec<usize> = (0..p.units.len())
        .filter(|&u| p.units[u].fixed.is_none())
        .collect();
    let mut best: Option<usize> = None;
    for mask in 0..(1u32 << free.len()) {
        let mut keep: Vec<bool> = p.units.iter().map(|u| u.fixed.unwrap_or(true)).collect();
        for (b, &u) in free.iter().enumerate() {
            keep[u] = mask & (1 << b) != 0;
        }
        let open: Vec<usize> = (0..p.slots.len())
            .filter(|&s| p.slots[s].unit.is_none_or(|u| !keep[u]))
            .collect();
        let k = p.classes.len();
        let total = k.pow(open.len() as u32);
        for code in 0..total {
            let mut fill = vec![None; p.slots.len()];
            let mut c = code;
            for &s in &open {
                fill[s] = Some(c % k);
                c /= k;
            }
            let a = Assignment {
                keep: keep.clone(),
                fill,
            };
            if p.valid(&a) {
                let n = p.changes(&a);
                best = Some(best.map_or(n, |b: usize| b.min(n)));
            }
        }
    }
    best
}

fn problems() -> impl Strategy<Value = Problem> {
    (
        prop::collection::vec((0usize..2, 0u8..10, 1usize..3, 0u8..3), 1..6),
        prop::collection::vec(0usize..2, 0..2),
        prop::collection::vec(
            (
                1usize..3,
                prop::array::uniform4(any::<bool>()),
                any::<u64>(),
            ),
            1..4,
        ),
        prop::collection::vec((0usize..2, 0usize..4, 0u8..4), 1..4),
        any::<bool>(),
        prop::option::of(1usize..4),
    )
        .prop_map(|(units, adds, classes, counts, kin, max)| {
            let mut p = Problem::default();
            for (team, f, seats, w) in units {
                p.units.push(Unit {
                    team,
                    fixed: match f {
                        0 => Some(false),
                        1 => Some(true),
                        _ => None,
                    },
                    warnings: f64::from(w),
                    seats,
                });
            }
            for (u, unit) in p.units.iter().enumerate() {
                p.slots.push(Slot {
                    team: unit.team,
                    unit: Some(u),
                    rule: "",
                });
            }
            for team in adds {
                p.slots.push(Slot {
                    team,
                    unit: None,
                    rule: "POST-001",
                });
            }
            for (size, attrs, bits) in classes {
                let on = (0..p.slots.len())
                    .map(|s| {
                        let b = (bits >> (2 * s)) & 3;
                        (b != 0).then_some(f64::from((b == 3) as u8))
                    })
                    .collect();
                p.classes.push(Class {
                    size,
                    attrs,
                    on,
                    fit: (bits % 7) as f64 / 7.0,
                });
            }
            for (i, (team, attr, need)) in counts.into_iter().enumerate() {
                let keep = (0..p.units.len())
                    .filter(|&u| p.units[u].team == team && (u + attr) % 2 == 0)
                    .map(|u| (u, 1.0))
                    .collect();
                let fill = (0..p.slots.len())
                    .filter(|&s| p.slots[s].team == team)
                    .map(|s| (s, attr, 1.0))
                    .collect();
                p.counts.push(Count {
                    group: Group {
                        rule: "AGE-001",
                        place: format!("T{team}#{i}"),
                    },
                    need: f64::from(need),
                    constant: 0.0,
                    keep,
                    fill,
                });
            }
            if kin && p.classes[0].size == 1 && !p.units.is_empty() {
                p.kin_unit.push((0, 0));
            }
            p.max_changes = max;
            p.team_ids = vec!["T0".into(), "T1".into()];
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_solver_finds_the_brute_force_minimum(p in problems()) {
        let limits = Limits { seconds: 10.0 };
        match (brute_force_min(&p), solve::solve(&p, limits)) {
            (Some(min), Outcome::Solved(s)) => {
                prop_assert!(p.valid(&s.assignment), "invalid slate {:?}", s.assignment);
                prop_assert_eq!(p.changes(&s.assignment), min);
            }
            (None, Outcome::Infeasible(inf)) => {
                if let Some(best) = inf.best {
                    // The relaxed slate meets every count once relaxed.
                    let relax: Vec<f64> = p
                        .counts
                        .iter()
                        .map(|c| {
                            inf.relaxation
                                .iter()
                                .find(|(g, _)| *g == c.group)
                                .map_or(0.0, |(_, r)| *r)
                        })
                        .collect();
                    prop_assert!(p.broken(&best.assignment, &relax).is_empty());
                }
            }
            (Some(min), Outcome::Infeasible(_)) => prop_assert!(false, "solver missed a slate with {} changes", min),
            (None, Outcome::Solved(s)) => prop_assert!(false, "solver returned an invalid slate {:?}", s.assignment),
        }
    }
}

#[test]
fn an_impossible_count_is_the_conflict_and_its_relaxation() {
    // One team, two members neither young, one class of one old candidate: AGE-001
    // needs 2 young, none can be had.
    let mut p = Problem::default();
    for _ in 0..2 {
        p.units.push(Unit {
            team: 0,
            fixed: None,
            warnings: 0.0,
            seats: 1,
        });
    }
    p.slots = (0..2)
        .map(|u| Slot {
            team: 0,
            unit: Some(u),
            rule: "",
        })
        .collect();
    p.classes.push(Class {
        size: 1,
        attrs: [false, true, false, false],
        on: vec![Some(0.0), Some(0.0)],
        fit: 0.5,
    });
    p.counts.push(Count {
        group: Group {
            rule: "AGE-001",
            place: "S04".into(),
        },
        need: 2.0,
        constant: 0.0,
        keep: vec![],
        fill: vec![(0, YOUNG, 1.0), (1, YOUNG, 1.0)],
    });
    p.team_ids = vec!["S04".into()];
    let Outcome::Infeasible(inf) = solve::solve(&p, Limits::default()) else {
        panic!("must be infeasible");
    };
    assert_eq!(inf.conflict.len(), 1);
    assert_eq!(inf.conflict[0].rule, "AGE-001");
    assert_eq!(inf.relaxation.len(), 1);
    assert_eq!(inf.relaxation[0].1, 2.0);
    assert!(inf.best.is_some());
}
