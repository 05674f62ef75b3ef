//! Readings of the work history that belong to a seat rather than measure a duration:
//! whether a 交流 (exchanged-in) seat is a promotion (the age rules read it as 新提拔 then,
//! as a lateral move otherwise), and whether a person comes from a village leadership
//! post or a 大学生村官 spell (EXP-006's source groups).
//!
//! They are computed once per run, one value per slate row, and become columns of the
//! rules' seat frame, so that rules stay expressions over whole tables. Durations (ages,
//! tenures, township years) are [`crate::facts`]; these are yes/no readings, kept apart
//! so that either can change without the other.

use crate::dataset::careers::PersonRows;
use crate::dataset::tables::FastMap;
use crate::dataset::Dataset;
use crate::normalize::role::{Nomination, Role};
use crate::normalize::unit_kind::UnitKind;

/// How the age rules read a 交流 seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exchange {
    /// At the rank of the person's previous post, or the previous rank is unknown: a
    /// lateral move (平级).
    Lateral,
    /// Above the rank of the person's previous post: a promotion.
    Promotion,
}

impl Exchange {
    pub fn code(self) -> &'static str {
        match self {
            Exchange::Lateral => "lateral",
            Exchange::Promotion => "promotion",
        }
    }
}

/// The per-slate-row readings of a dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeatHistory {
    /// For 交流 rows, how the exchange reads; `None` for every other row.
    pub exchange: Vec<Option<Exchange>>,
    /// Whether the row's person held a village leadership post (村党支部书记, 村委会主任,
    /// …, not a 驻村第一书记 sent from outside) or was a 大学生村官, in a spell started on or
    /// before the cycle's reference date.
    pub village_background: Vec<bool>,
}

/// The rank of a team role: 2 for the principal posts (正科), 1 for the others (副科). The
/// same scale the roster reader uses to infer 新提拔 and 交流.
pub fn rank(role: Role) -> u8 {
    match role {
        Role::Secretary | Role::Head | Role::PcHead | Role::CppccChair => 2,
        _ => 1,
    }
}

/// Whether a village post is one of the village's own leaders, rather than a cadre sent
/// to it (驻村第一书记, 驻村工作队).
fn village_leader(post: &str) -> bool {
    !(post.contains("第一书记") || post.contains("驻村") || post.contains("工作队"))
}

/// Computes the readings of every slate row, from the career rows grouped by person.
pub fn compute(ds: &Dataset, by_person: &PersonRows) -> SeatHistory {
    let careers = &ds.careers;
    let s = &ds.slate;
    // The rank of each (cycle, unit, person)'s seats: the highest of their rows.
    let mut seat_rank: FastMap<(u32, u32, u32), u8> = FastMap::default();
    for i in 0..s.len() {
        let r = seat_rank
            .entry((s.cycle[i], s.unit[i], s.person[i]))
            .or_default();
        *r = (*r).max(rank(s.role[i]));
    }
    let mut out = SeatHistory::default();
    for i in 0..s.len() {
        let (c, u, p) = (s.cycle[i], s.unit[i], s.person[i]);
        let at = crate::normalize::date::days_since_epoch(ds.cycles.as_of[c as usize]);
        let started = |k: &usize| by_person.start_day(*k) <= at;
        let rows = by_person.of(p).iter().map(|&k| k as usize);
        out.village_background
            .push(rows.clone().filter(started).any(|k| {
                let post = &careers.post[k];
                post.contains("大学生村官")
                    || (careers.unit_kind[k] == UnitKind::Village
                        && careers.leadership[k]
                        && village_leader(post))
            }));
        out.exchange
            .push((s.nomination[i] == Some(Nomination::Exchanged)).then(|| {
                // The previous post: the latest-started rows outside this unit (study spells
                // aside) that started by the reference date.
                let before: Vec<usize> = rows
                    .filter(started)
                    .filter(|&k| {
                        careers.unit(k) != Some(u) && careers.unit_kind[k] != UnitKind::School
                    })
                    .collect();
                let day = |k: usize| by_person.start_day(k);
                let Some(latest) = before.iter().map(|&k| day(k)).max() else {
                    return Exchange::Lateral;
                };
                match previous_rank(ds, before.into_iter().filter(|&k| day(k) == latest)) {
                    Some(r) if r < seat_rank[&(c, u, p)] => Exchange::Promotion,
                    _ => Exchange::Lateral,
                }
            }));
    }
    out
}

/// The rank of a previous post from its career rows (several when posts were held
/// together): 0 when none is a leadership post; the highest rank of the team roles when
/// they are township or sub-district team posts; `None` (unknown) when a leadership post
/// is of another kind (a county bureau's 局长 has a rank the title does not tell).
fn previous_rank(ds: &Dataset, rows: impl Iterator<Item = usize>) -> Option<u8> {
    let careers = &ds.careers;
    let mut best = Some(0u8);
    for k in rows {
        if !careers.leadership[k] {
            continue;
        }
        let team_post = matches!(
            careers.unit_kind[k],
            UnitKind::Township | UnitKind::Commune | UnitKind::Subdistrict
        );
        match careers.role[k] {
            Some(role) if team_post => best = best.map(|b| b.max(rank(role))),
            _ => return None,
        }
    }
    best
}
