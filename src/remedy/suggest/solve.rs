//! The mixed-integer program of a [`Problem`], through `good_lp`: microlp (pure Rust) by
//! default, HiGHS with the `highs` cargo feature.
//!
//! Objectives are lexicographic by weight: one seat change outweighs every warning the
//! model could clear, and one warning outweighs the sum of all fits, so the model first
//! finds the fewest changes, then among those the slate that clears most warnings, then
//! the best fit.
//!
//! When no assignment exists, the problem is solved again *elastically*: every rule's
//! count gets a slack, every added seat may stay empty, and the total slack is
//! minimised. That gives the smallest relaxation that makes the rules hold together (as
//! sortition-algorithms relaxes quotas), and the best slate under it. A deletion filter
//! then finds a smallest set of rules that cannot hold together: drop one rule at a
//! time, and keep it dropped if the rest is still infeasible.

use good_lp::{
    constraint, variable, Expression, ProblemVariables, Solution, SolverModel, Variable,
    WithTimeLimit,
};

use super::problem::{Assignment, Group, Problem};

/// How long one model may run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub seconds: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { seconds: 20.0 }
    }
}

/// How a solve ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Solved {
    pub assignment: Assignment,
    /// False when the time limit stopped the search with this best slate so far.
    pub optimal: bool,
    /// The relative gap to the best bound when stopped early (microlp only).
    pub gap: Option<f64>,
}

/// Why no slate satisfies every rule, and what would.
#[derive(Debug, Clone, PartialEq)]
pub struct Infeasible {
    /// A smallest set of rules that cannot hold together (deletion filter).
    pub conflict: Vec<Group>,
    /// Per rule relaxed: its group and by how much its need must drop (for an added
    /// seat: 1, the seat stays empty).
    pub relaxation: Vec<(Group, f64)>,
    /// The best slate under the relaxation.
    pub best: Option<Solved>,
}

/// The outcome for one district.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Solved(Solved),
    Infeasible(Infeasible),
}

/// What a model enforces.
#[derive(Clone)]
enum Mode<'a> {
    /// Every rule, the lexicographic objective.
    Normal,
    /// Rules with slacks; minimise the total slack.
    Elastic,
    /// Only the groups marked active; any objective (a feasibility test).
    Subset(&'a [bool]),
    /// Every rule with needs lowered by `relax` (per group index), the normal objective.
    Relaxed(&'a [f64]),
}

/// The groups of a problem, in a fixed order: counts, then added seats, then the
/// change limit.
pub fn groups(p: &Problem) -> Vec<Group> {
    let mut g: Vec<Group> = p.counts.iter().map(|c| c.group.clone()).collect();
    for s in &p.slots {
        if s.unit.is_none() {
            g.push(Group {
                rule: s.rule,
                place: p
                    .team_ids
                    .get(s.team)
                    .cloned()
                    .unwrap_or_else(|| format!("team {}", s.team)),
            });
        }
    }
    if p.max_changes.is_some() {
        g.push(Group {
            rule: "max-changes",
            place: String::new(),
        });
    }
    g
}

struct Built {
    keep: Vec<Option<Variable>>,
    fill: Vec<Vec<(usize, Variable)>>,
    slack: Vec<Variable>,
}

/// Solves with the result of [`model`], `None` when infeasible (or nothing found in
/// time).
fn run(p: &Problem, mode: Mode, limits: Limits) -> Option<(Solved, Vec<f64>)> {
    let n_groups = groups(p).len();
    let mut vars = ProblemVariables::new();
    let elastic = matches!(mode, Mode::Elastic);
    let active = |g: usize| match mode {
        Mode::Subset(a) => a[g],
        _ => true,
    };
    let relax = |g: usize| match mode {
        Mode::Relaxed(r) => r[g],
        _ => 0.0,
    };
    let keep: Vec<Option<Variable>> = p
        .units
        .iter()
        .map(|u| match u.fixed {
            Some(_) => None,
            None => Some(vars.add(variable().binary())),
        })
        .collect();
    let fill: Vec<Vec<(usize, Variable)>> = (0..p.slots.len())
        .map(|s| {
            (0..p.classes.len())
                .filter(|&g| p.classes[g].on[s].is_some())
                .map(|g| (g, vars.add(variable().binary())))
                .collect()
        })
        .collect();
    let slack: Vec<Variable> = (0..n_groups)
        .map(|_| {
            if elastic {
                vars.add(variable().min(0.0))
            } else {
                vars.add(variable().min(0.0).max(0.0))
            }
        })
        .collect();
    let b = Built { keep, fill, slack };
    let keep_expr = |u: usize| -> Expression {
        match (b.keep[u], p.units[u].fixed) {
            (Some(v), _) => v.into(),
            (None, Some(true)) => Expression::from(1.0),
            (None, _) => Expression::from(0.0),
        }
    };
    let filled = |s: usize| -> Expression { b.fill[s].iter().map(|(_, v)| *v).sum() };
    let n_counts = p.counts.len();
    // Changes: units leaving and added seats filled, plus the fixed ones.
    let mut changes = Expression::from(p.fixed_changes as f64);
    for u in 0..p.units.len() {
        changes += (1.0 - keep_expr(u)) * p.units[u].seats as f64;
    }
    for (s, slot) in p.slots.iter().enumerate() {
        if slot.unit.is_none() {
            changes += filled(s);
        }
    }
    let objective: Expression = match mode {
        Mode::Elastic => b.slack.iter().map(|v| Expression::from(*v)).sum(),
        Mode::Subset(_) => Expression::from(0.0),
        Mode::Normal | Mode::Relaxed(_) => {
            let mut most_warnings: f64 = p.units.iter().map(|u| u.warnings).sum();
            for s in 0..p.slots.len() {
                most_warnings += p.classes.iter().filter_map(|c| c.on[s]).fold(0.0, f64::max);
            }
            let w_change = most_warnings + 2.0;
            let w_fit = 1.0 / (p.slots.len() as f64 + 2.0);
            let mut o = changes.clone() * w_change;
            for u in 0..p.units.len() {
                o -= (1.0 - keep_expr(u)) * p.units[u].warnings;
            }
            for (s, f) in b.fill.iter().enumerate() {
                for &(g, v) in f {
                    let c = &p.classes[g];
                    o += v * (c.on[s].unwrap_or(0.0) - w_fit * c.fit);
                }
            }
            o
        }
    };
    let mut model = vars.minimise(objective).using(solver);
    model = model.with_time_limit(limits.seconds);
    // Each unit kept or replaced; an added seat filled (unless elastic or inactive).
    let mut add_group = n_counts;
    for (s, slot) in p.slots.iter().enumerate() {
        match slot.unit {
            Some(u) => {
                let lhs = keep_expr(u) + filled(s);
                model = model.with(constraint!(lhs == 1.0));
            }
            None => {
                let g = add_group;
                add_group += 1;
                if active(g) {
                    let lhs = filled(s) + b.slack[g];
                    model = model.with(constraint!(lhs == 1.0 - relax(g)));
                } else {
                    model = model.with(constraint!(filled(s) <= 1.0));
                }
            }
        }
    }
    // Class sizes.
    for (g, c) in p.classes.iter().enumerate() {
        let used: Expression = b
            .fill
            .iter()
            .flat_map(|f| f.iter().filter(|(h, _)| *h == g).map(|(_, v)| *v))
            .sum();
        model = model.with(constraint!(used <= c.size as f64));
    }
    // Kin apart.
    let in_team = |g: usize, team: usize| -> Expression {
        let mut e = Expression::from(0.0);
        for (s, slot) in p.slots.iter().enumerate() {
            if slot.team == team {
                for &(h, v) in &b.fill[s] {
                    if h == g {
                        e += v;
                    }
                }
            }
        }
        e
    };
    for &(g, u) in &p.kin_unit {
        let lhs = in_team(g, p.units[u].team) + keep_expr(u);
        model = model.with(constraint!(lhs <= 1.0));
    }
    for &(g, h, team) in &p.kin_class {
        let lhs = in_team(g, team) + in_team(h, team);
        model = model.with(constraint!(lhs <= 1.0));
    }
    // The rules' counts.
    for (i, c) in p.counts.iter().enumerate() {
        if !active(i) {
            continue;
        }
        let mut lhs = Expression::from(c.constant);
        for &(u, k) in &c.keep {
            lhs += keep_expr(u) * k;
        }
        for &(s, attr, coef) in &c.fill {
            for &(g, v) in &b.fill[s] {
                if p.classes[g].attrs[attr] {
                    lhs += v * coef;
                }
            }
        }
        lhs += b.slack[i];
        model = model.with(constraint!(lhs >= c.need - relax(i)));
    }
    if let Some(m) = p.max_changes {
        let g = n_groups - 1;
        if active(g) {
            let lhs = changes - b.slack[g];
            model = model.with(constraint!(lhs <= m as f64 + relax(g)));
        }
    }
    let solution = model.solve().ok()?;
    let optimal = matches!(solution.status(), good_lp::SolutionStatus::Optimal);
    let keep: Vec<bool> = (0..p.units.len())
        .map(|u| match (b.keep[u], p.units[u].fixed) {
            (Some(v), _) => solution.value(v) > 0.5,
            (None, f) => f == Some(true),
        })
        .collect();
    let fill: Vec<Option<usize>> = b
        .fill
        .iter()
        .map(|f| {
            f.iter()
                .find(|(_, v)| solution.value(*v) > 0.5)
                .map(|(g, _)| *g)
        })
        .collect();
    let slacks: Vec<f64> = b.slack.iter().map(|v| solution.value(*v)).collect();
    let gap = if optimal { None } else { gap_of(solution) };
    Some((
        Solved {
            assignment: Assignment { keep, fill },
            optimal,
            gap,
        },
        slacks,
    ))
}

#[cfg(not(feature = "highs"))]
use good_lp::microlp as solver;

#[cfg(feature = "highs")]
use good_lp::highs as solver;

#[cfg(not(feature = "highs"))]
fn gap_of(solution: good_lp::solvers::microlp::MicroLpSolution) -> Option<f64> {
    solution.into_inner().gap()
}

#[cfg(feature = "highs")]
fn gap_of<S>(_solution: S) -> Option<f64> {
    None
}

/// Solves a district: the slate with the fewest changes, or why there is none.
pub fn solve(p: &Problem, limits: Limits) -> Outcome {
    if let Some((s, _)) = run(p, Mode::Normal, limits) {
        return Outcome::Solved(s);
    }
    let all = groups(p);
    let relaxation: Vec<f64> = match run(p, Mode::Elastic, limits) {
        Some((_, slacks)) => slacks.iter().map(|x| x.max(0.0).ceil()).collect(),
        None => vec![0.0; all.len()],
    };
    let best = if relaxation.iter().any(|&x| x > 0.0) {
        run(p, Mode::Relaxed(&relaxation), limits).map(|(s, _)| s)
    } else {
        None
    };
    Outcome::Infeasible(Infeasible {
        conflict: deletion_filter(p, limits)
            .into_iter()
            .map(|i| all[i].clone())
            .collect(),
        relaxation: all
            .iter()
            .zip(&relaxation)
            .filter(|(_, r)| **r > 0.0)
            .map(|(g, r)| (g.clone(), *r))
            .collect(),
        best,
    })
}

/// A smallest set of groups (indexes) that cannot hold together: each group is dropped
/// in turn and stays dropped when the rest is still infeasible.
pub fn deletion_filter(p: &Problem, limits: Limits) -> Vec<usize> {
    let n = groups(p).len();
    let mut active = vec![true; n];
    if run(p, Mode::Subset(&active), limits).is_some() {
        // Feasible with every group: the conflict lies in the structure alone
        // (class sizes, kin), which no rule relaxation changes.
        return Vec::new();
    }
    for g in 0..n {
        active[g] = false;
        if run(p, Mode::Subset(&active), limits).is_some() {
            active[g] = true;
        }
    }
    (0..n).filter(|&g| active[g]).collect()
}
