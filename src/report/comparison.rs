//! The comparison of cycles as `banzi compare` writes it: the tables (computed by
//! [`crate::compare`]), the cycle rules of the run's selection in the exception list's
//! format (`exceptions_cycle.csv`), and the comparison charts of each pair of cycles.

use anyhow::Result;

use super::{charts, compare_charts};
use crate::pipeline::Run;
use crate::rules::{Finding, Scope};

/// What [`write_comparison`] wrote, for the terminal.
pub struct Compared {
    pub teams: usize,
    pub moves: usize,
    pub unmatched: usize,
    /// The cycle findings of the compared cycles (after the first).
    pub findings: Vec<Finding>,
    pub chart_pages: usize,
}

/// Compares `cycles` (in order) and writes the tables, `exceptions_cycle.csv` and the
/// charts into the run's output folder.
pub fn write_comparison(run: &Run, cycles: &[String]) -> Result<Compared> {
    let ctx = &run.ctx;
    let out = run.out();
    let s = crate::structure::compute(ctx)?;
    let c = crate::compare::compare(ctx, &s, cycles)?;
    crate::compare::write(&c, out, run.lang() == crate::rules::Lang::Zh)?;
    let findings: Vec<Finding> = run
        .findings_of(&run.rules_of_scope(Scope::Cycle))?
        .into_iter()
        .filter(|f| cycles.iter().skip(1).any(|c| *c == f.cycle))
        .collect();
    crate::exceptions::write_csv(&findings, &out.join("exceptions_cycle.csv"))?;
    let chart_dir = out.join("charts");
    std::fs::create_dir_all(&chart_dir)?;
    let caption = charts::Caption {
        title: None,
        source: run.plan.options.dataset.display().to_string(),
        as_of: cycles
            .iter()
            .filter_map(|c| ctx.as_of.get(c).cloned())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut chart_pages = 0;
    for pair in cycles.windows(2) {
        chart_pages += compare_charts::draw(
            ctx,
            &c,
            &pair[0],
            &pair[1],
            &chart_dir,
            run.lang(),
            &caption,
        )?
        .len();
    }
    Ok(Compared {
        teams: c.continuity.height(),
        moves: c.moves.height(),
        unmatched: c.unmatched.height(),
        findings,
        chart_pages,
    })
}
