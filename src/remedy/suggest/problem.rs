//! The repair of one district as an abstract assignment problem, independent of the
//! dataset, so that the solver, the infeasibility analysis and a brute-force check in
//! the tests all read the same few numbers.
//!
//! - A *unit* is a seated person of a team (all their seats on it): kept, or replaced
//!   by someone who takes all those seats (党委副书记 and 镇长 go together).
//! - A *slot* is a place a newcomer may take: the seats of a unit, or a seat to add (a
//!   required post the team lacks).
//! - A *class* is a set of interchangeable candidates: the same facts for every
//!   constraint and the same eligibility on every slot, so the model picks a class for a
//!   slot and the people are named afterwards, best fit first. Kin-linked candidates are
//!   classes of one.
//! - A *count* is a rule as a linear inequality (AGE-001, EXP-001, GEN-002, …):
//!   kept units and filled slots with an attribute, at least `need`.

/// Attributes a count can ask for.
pub const ATTRS: usize = 4;
/// Aged ≤ AGE-001's `max_age`.
pub const YOUNG: usize = 0;
/// ≥ EXP-001's `min_years` of township work.
pub const TOWNSHIP: usize = 1;
pub const WOMAN: usize = 2;
/// Aged ≤ AGE-002's `max_age`.
pub const YOUNG_PRINCIPAL: usize = 3;

/// A seated person of a team.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub team: usize,
    /// `Some(false)`: must leave (an error rule excludes them); `Some(true)`: kept
    /// (`--keep`); `None`: the model decides.
    pub fixed: Option<bool>,
    /// Warnings cleared when they leave.
    pub warnings: f64,
    /// Seats they hold: the changes their replacement counts.
    pub seats: usize,
}

/// A place for a newcomer.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub team: usize,
    /// The unit whose seats it is, or `None` for a seat to add (always filled, unless
    /// its rule is relaxed).
    pub unit: Option<usize>,
    /// The rule that asks for an added seat (POST-001, …), for explanations.
    pub rule: &'static str,
}

/// Interchangeable candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub size: usize,
    pub attrs: [bool; ATTRS],
    /// Per slot: `None` when ineligible, else the warnings a member of the class brings.
    pub on: Vec<Option<f64>>,
    /// Fit of the class (0..1), the last objective.
    pub fit: f64,
}

/// Which rule a count states, and where.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Group {
    pub rule: &'static str,
    /// The team (unit id) or district it is about.
    pub place: String,
}

/// `Σ keep_u·a_u + Σ fill_{s,attr}·b_s + constant ≥ need`.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub group: Group,
    pub need: f64,
    pub constant: f64,
    /// (unit, coefficient when kept).
    pub keep: Vec<(usize, f64)>,
    /// (slot, attribute, coefficient when filled by someone with it).
    pub fill: Vec<(usize, usize, f64)>,
}

/// One district's problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problem {
    pub units: Vec<Unit>,
    pub slots: Vec<Slot>,
    pub classes: Vec<Class>,
    pub counts: Vec<Count>,
    /// Pairs that must not sit on one team: (class of one, unit) or (class, class), per
    /// team.
    pub kin_unit: Vec<(usize, usize)>,
    pub kin_class: Vec<(usize, usize, usize)>,
    /// Changes that happen whatever the model decides (seats removed).
    pub fixed_changes: usize,
    pub max_changes: Option<usize>,
    /// The teams' unit ids, to name the place of an added seat's rule.
    pub team_ids: Vec<String>,
}

/// An assignment: which units stay, and which class fills each slot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Assignment {
    pub keep: Vec<bool>,
    pub fill: Vec<Option<usize>>,
}

impl Problem {
    /// The number of seat changes of an assignment (a replaced unit, an added seat, a
    /// removed seat: one each).
    pub fn changes(&self, a: &Assignment) -> usize {
        self.fixed_changes
            + self
                .units
                .iter()
                .zip(&a.keep)
                .filter(|(_, k)| !**k)
                .map(|(u, _)| u.seats)
                .sum::<usize>()
            + self
                .slots
                .iter()
                .zip(&a.fill)
                .filter(|(s, f)| s.unit.is_none() && f.is_some())
                .count()
    }

    /// The counts an assignment breaks (with `relax[i]` subtracted from count i's need).
    pub fn broken(&self, a: &Assignment, relax: &[f64]) -> Vec<usize> {
        (0..self.counts.len())
            .filter(|&i| {
                let c = &self.counts[i];
                let mut v = c.constant;
                for &(u, k) in &c.keep {
                    if a.keep[u] {
                        v += k;
                    }
                }
                for &(s, attr, b) in &c.fill {
                    if let Some(g) = a.fill[s] {
                        if self.classes[g].attrs[attr] {
                            v += b;
                        }
                    }
                }
                v + 1e-9 < c.need - relax.get(i).copied().unwrap_or(0.0)
            })
            .collect()
    }

    /// Whether an assignment is a slate the model allows: every unit kept or its slot
    /// filled, added seats filled, classes within size and eligible, kin apart, counts
    /// met, and no more changes than allowed.
    pub fn valid(&self, a: &Assignment) -> bool {
        if a.keep.len() != self.units.len() || a.fill.len() != self.slots.len() {
            return false;
        }
        for (u, unit) in self.units.iter().enumerate() {
            if unit.fixed.is_some_and(|f| f != a.keep[u]) {
                return false;
            }
        }
        let mut used = vec![0usize; self.classes.len()];
        for (s, slot) in self.slots.iter().enumerate() {
            let must = match slot.unit {
                Some(u) => !a.keep[u],
                None => true,
            };
            match a.fill[s] {
                Some(g) => {
                    if !must || self.classes[g].on[s].is_none() {
                        return false;
                    }
                    used[g] += 1;
                }
                None if must => return false,
                None => {}
            }
        }
        if used.iter().zip(&self.classes).any(|(n, c)| *n > c.size) {
            return false;
        }
        let in_team = |g: usize, team: usize| {
            self.slots
                .iter()
                .zip(&a.fill)
                .any(|(s, f)| s.team == team && *f == Some(g))
        };
        for &(g, u) in &self.kin_unit {
            if a.keep[u] && in_team(g, self.units[u].team) {
                return false;
            }
        }
        for &(g, h, team) in &self.kin_class {
            if in_team(g, team) && in_team(h, team) {
                return false;
            }
        }
        if self.max_changes.is_some_and(|m| self.changes(a) > m) {
            return false;
        }
        self.broken(a, &[]).is_empty()
    }
}
