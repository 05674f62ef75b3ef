//! `banzi suggest`: per district, the fewest seat changes after which no error-severity
//! rule fails, as a proposal for the officer's judgement.
//!
//! Each district is an independent [`problem::Problem`] ([`model`] builds it from the
//! checked run), solved as a mixed-integer program ([`solve`]) in parallel with the
//! others. A district with no passing slate is explained ([`explain`]): counting
//! pre-checks, the rules that cannot hold together, the smallest relaxation and the best
//! slate under it. Never a silent partial answer: every district with an error ends as
//! a suggestion, an explained infeasibility, or a list of the errors the model does not
//! state.
//!
//! The suggestions are then applied to a copy of the dataset and re-checked by the rules
//! themselves; the result of that re-check, not the model's belief, is what is reported.

pub mod explain;
pub mod model;
pub mod output;
pub mod problem;
pub mod solve;

use anyhow::Result;
use rayon::prelude::*;
use std::time::Instant;

use crate::pipeline::Run;
use crate::remedy::changes::Change;
use crate::rules::{Finding, Severity};

pub use model::Options;
pub use solve::{Limits, Outcome};

/// The repair of one district.
pub struct DistrictResult {
    pub district: model::District,
    pub outcome: Outcome,
    /// The changes of the solution (or of the best slate under the relaxation).
    pub changes: Vec<Change>,
    /// Counting pre-checks and the conflict, when infeasible.
    pub explanation: Vec<String>,
    pub seconds: f64,
}

impl DistrictResult {
    /// Whether the changes make every modelled error rule hold.
    pub fn passes(&self) -> bool {
        matches!(self.outcome, Outcome::Solved(_))
    }

    pub fn status(&self) -> &'static str {
        match &self.outcome {
            Outcome::Solved(s) if s.optimal => "optimal",
            Outcome::Solved(_) => "time_limit",
            Outcome::Infeasible(i) if i.best.is_some() => "relaxed",
            Outcome::Infeasible(_) => "infeasible",
        }
    }
}

/// Every district of a cycle.
pub struct Suggestions {
    pub cycle: u32,
    pub results: Vec<DistrictResult>,
    /// The findings of the run, before.
    pub before: Vec<Finding>,
    /// The slate with every passing district's changes, re-checked.
    pub after: Option<(Run, Vec<Finding>)>,
}

impl Suggestions {
    /// The changes of the districts that pass (for `changes.csv`).
    pub fn passing_changes(&self) -> Vec<Change> {
        self.results
            .iter()
            .filter(|r| r.passes())
            .flat_map(|r| r.changes.iter().cloned())
            .collect()
    }

    /// The changes of the best slates under a relaxation.
    pub fn relaxed_changes(&self) -> Vec<Change> {
        self.results
            .iter()
            .filter(|r| !r.passes())
            .flat_map(|r| r.changes.iter().cloned())
            .collect()
    }

    /// Errors after the changes, in districts that were to pass.
    pub fn errors_left(&self) -> Vec<&Finding> {
        self.left(false)
    }

    /// Errors of the election lists left in the districts solved: no seat change fixes
    /// them (see [`crate::rules::config::is_list_rule`]); they are fixed on the lists.
    pub fn list_errors_left(&self) -> Vec<&Finding> {
        self.left(true)
    }

    fn left(&self, lists: bool) -> Vec<&Finding> {
        let Some((_, after)) = &self.after else {
            return Vec::new();
        };
        after
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .filter(|f| crate::rules::config::is_list_rule(f.rule) == lists)
            .filter(|f| {
                self.results.iter().any(|r| {
                    r.passes()
                        && (r.district.teams.iter().any(|t| t.unit_id == f.unit_id)
                            || (f.unit_id.is_empty() && f.message.contains(&r.district.name)))
                })
            })
            .collect()
    }
}

/// Solves every district of `cycle` (in parallel) and re-checks the result.
pub fn suggest(run: &Run, cycle: u32, options: &Options, limits: Limits) -> Result<Suggestions> {
    let shared = model::Shared::new(run, cycle, options)?;
    let ds = &*run.ds;
    let lang = run.lang();
    let districts = shared.districts(options.district.as_deref());
    let solve_one = |key: &String, units: &Vec<u32>, options: &Options| -> DistrictResult {
        let started = Instant::now();
        let d = model::district(&shared, key, units, options);
        let outcome = if d.problem.slots.is_empty() && d.problem.fixed_changes == 0 {
            Outcome::Solved(solve::Solved {
                assignment: problem::Assignment::default(),
                optimal: true,
                gap: None,
            })
        } else {
            solve::solve(&d.problem, limits)
        };
        let (changes, explanation) = match &outcome {
            Outcome::Solved(s) => (fill_changes(ds, &d, &s.assignment), Vec::new()),
            Outcome::Infeasible(inf) => {
                let mut e = explain::prechecks(ds, &d, lang);
                e.extend(explain::infeasible(ds, &d, inf, lang));
                let changes = inf
                    .best
                    .as_ref()
                    .map(|b| fill_changes(ds, &d, &b.assignment))
                    .unwrap_or_default();
                (changes, e)
            }
        };
        DistrictResult {
            district: d,
            outcome,
            changes,
            explanation,
            seconds: started.elapsed().as_secs_f64(),
        }
    };
    // Districts are solved apart, in parallel, from one pool: a candidate two of them
    // chose goes to the first, and the later district is solved again without the
    // persons already placed (in district order, so the result does not depend on the
    // thread count).
    let mut results: Vec<DistrictResult> = districts
        .par_iter()
        .map(|(key, units)| solve_one(key, units, options))
        .collect();
    let incoming = |r: &DistrictResult| -> Vec<u32> {
        r.changes
            .iter()
            .filter_map(|c| c.into.as_ref())
            .filter_map(|id| ds.cadres.position(id))
            .collect()
    };
    let mut used: std::collections::BTreeSet<u32> = options.exclude.clone();
    for (k, (key, units)) in districts.iter().enumerate() {
        if incoming(&results[k]).iter().any(|p| used.contains(p)) {
            let mut o = options.clone();
            o.exclude = used.clone();
            let seconds = results[k].seconds;
            results[k] = solve_one(key, units, &o);
            results[k].seconds += seconds;
        }
        used.extend(incoming(&results[k]));
    }
    let before = shared.findings.clone();
    let mut s = Suggestions {
        cycle,
        results,
        before,
        after: None,
    };
    let changes = s.passing_changes();
    if !changes.is_empty() {
        s.after = Some(super::apply_and_check(run, &changes)?);
    }
    Ok(s)
}

/// The changes of an assignment (an empty assignment for a district with nothing to do).
fn fill_changes(
    ds: &crate::dataset::Dataset,
    d: &model::District,
    a: &problem::Assignment,
) -> Vec<Change> {
    if a.keep.is_empty() && a.fill.is_empty() {
        return Vec::new();
    }
    d.changes(ds, a)
}

#[cfg(test)]
mod tests;
