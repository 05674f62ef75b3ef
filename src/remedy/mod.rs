//! From breach to remedy: what-if (`banzi check --apply changes.csv`), candidate search
//! (`banzi find`) and the fewest seat changes that make a slate pass (`banzi suggest`).
//!
//! All three stand on the one pipeline: a change is applied to a copy of the loaded
//! dataset and the copy is derived and checked like any dataset, so a what-if or a
//! suggestion is judged by the very rules `banzi check` runs, with the configuration in
//! force, never by a second implementation of them. The solver of `suggest` models the
//! error rules as counts to find a slate quickly; the rules then re-check the result.

pub mod changes;
pub mod diff;
pub mod find;
pub mod seat_rules;
pub mod suggest;
pub mod table;

use anyhow::Result;
use std::sync::Arc;

use crate::pipeline::{Loaded, Run};
use crate::rules::Finding;

pub use changes::Change;

/// A slate before and after a set of changes, each derived and checked.
pub struct WhatIf {
    pub before: Run,
    pub after: Run,
    pub findings_before: Vec<Finding>,
    pub findings_after: Vec<Finding>,
    pub applied: changes::Applied,
}

impl WhatIf {
    pub fn diff(&self) -> Vec<diff::Row> {
        diff::compare(&self.findings_before, &self.findings_after)
    }
}

/// Applies `changes` to a loaded dataset and checks both slates with the plan's rules.
/// `file` names the changes in messages.
pub fn what_if(loaded: Loaded, changes: &[Change], file: &str) -> Result<WhatIf> {
    let lang = loaded.plan.options.lang;
    let (changed, applied) = changes::apply(&loaded.ds, changes, file, lang)?;
    let after = Loaded {
        plan: loaded.plan.clone(),
        ds: Arc::new(changed),
    }
    .derive()?;
    let before = loaded.derive()?;
    let findings_before = before.findings()?;
    let findings_after = after.findings()?;
    Ok(WhatIf {
        before,
        after,
        findings_before,
        findings_after,
        applied,
    })
}

/// Applies `changes` to the run's dataset and checks the result with the run's plan.
pub fn apply_and_check(run: &Run, changes: &[Change]) -> Result<(Run, Vec<Finding>)> {
    let (changed, _) = changes::apply(&run.ds, changes, "suggestions", run.lang())?;
    let after = Loaded {
        plan: run.plan.clone(),
        ds: Arc::new(changed),
    }
    .derive()?;
    let findings = after.findings()?;
    Ok((after, findings))
}
