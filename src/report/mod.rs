//! The briefing report (`banzi report`): structure tables per team, per district and in
//! total, charts with Chinese labels (PNG and SVG), and one self-contained HTML page.

pub mod charts;
pub mod compare_charts;
mod comparison;
mod delegate_charts;
pub mod html;
pub mod page;

use anyhow::{bail, Context as _, Result};
use std::path::Path;

use crate::rules::{Context, Finding, Lang};
use crate::structure;

pub use comparison::{write_comparison, Compared};

/// What [`write_all`] wrote, for the terminal.
pub struct Written {
    pub teams: usize,
    pub areas: usize,
    pub chart_pages: usize,
}

/// Writes the whole report of one cycle (the last when `cycle` is `None`) into `out`:
/// structure tables, the comparison with the previous cycle when it is on the slate,
/// charts and the HTML page. `banzi report` and `banzi bench` both run this.
pub fn write_all(
    ctx: &Context,
    findings: &[Finding],
    cycle: Option<&str>,
    source: &str,
    lang: Lang,
    progress: bool,
    out: &Path,
) -> Result<Written> {
    let s = structure::compute(ctx)?;
    structure::write(&s, out, lang == Lang::Zh)?;
    let cycles = ctx.cycles_in_order();
    let cycle = match cycle {
        Some(x) if cycles.iter().any(|c| c == x) => x.to_string(),
        Some(x) => bail!(
            "cycle {x} is not on the slate (cycles: {})",
            cycles.join(", ")
        ),
        None => cycles.last().cloned().context("the slate has no cycle")?,
    };
    let as_of = ctx.as_of.get(&cycle).cloned().unwrap_or_default();
    // The comparison with 上届, when the cycle has one with a team on the slate.
    let prev = ctx
        .previous
        .get(&cycle)
        .filter(|p| cycles.contains(p))
        .cloned();
    let comparison = match &prev {
        Some(p) => Some(crate::compare::compare(
            ctx,
            &s,
            &[p.clone(), cycle.clone()],
        )?),
        None => None,
    };
    let briefing = page::Briefing {
        ctx,
        structure: &s,
        findings,
        cycle,
        as_of,
        source: source.to_string(),
        lang,
        previous: comparison.as_ref().zip(prev),
        progress,
    };
    let files = page::write(&briefing, out)?;
    Ok(Written {
        teams: s.teams.height(),
        areas: s.areas.height(),
        chart_pages: files.len(),
    })
}
