//! Reading the (small) frames of breaches that rules collect back into Rust values, so
//! each rule can write its findings' observed values and messages.

use polars::prelude::*;
use std::collections::HashMap;

use super::{Finding, RuleMeta, Scope, Severity};

/// A collected frame, column by column, as text and as numbers.
pub struct Rows {
    text: HashMap<String, Vec<Option<String>>>,
    num: HashMap<String, Vec<Option<f64>>>,
    pub height: usize,
}

impl Rows {
    pub fn new(df: &DataFrame) -> PolarsResult<Rows> {
        let mut text = HashMap::new();
        let mut num = HashMap::new();
        for c in df.columns() {
            let name = c.name().to_string();
            match c.dtype() {
                DataType::String => {
                    let ca = c.str()?;
                    text.insert(name, ca.iter().map(|v| v.map(str::to_string)).collect());
                }
                _ => {
                    let f = c.cast(&DataType::Float64)?;
                    num.insert(name, f.f64()?.iter().collect());
                }
            }
        }
        Ok(Rows {
            text,
            num,
            height: df.height(),
        })
    }

    /// Text of a cell ("" when null or absent).
    pub fn s(&self, name: &str, i: usize) -> &str {
        self.text
            .get(name)
            .and_then(|c| c.get(i))
            .and_then(|v| v.as_deref())
            .unwrap_or("")
    }

    /// Number of a cell (0 when null or absent).
    pub fn n(&self, name: &str, i: usize) -> f64 {
        self.num
            .get(name)
            .and_then(|c| c.get(i))
            .copied()
            .flatten()
            .unwrap_or(0.0)
    }

    /// Integer of a cell.
    pub fn i(&self, name: &str, i: usize) -> i64 {
        self.n(name, i).round() as i64
    }

    /// The severity column of a row.
    pub fn severity(&self, i: usize) -> Option<Severity> {
        Severity::parse(self.s("severity", i))
    }

    /// A finding of `rule` for row `i`, in the rule's primary scope (cycle, unit and
    /// person taken from the row where present; the person only for a person finding).
    pub fn finding(
        &self,
        i: usize,
        rule: &'static RuleMeta,
        observed: String,
        expected: String,
        message: String,
    ) -> Option<Finding> {
        self.finding_in(i, rule, rule.scope, observed, expected, message)
    }

    /// A finding in one of the further scopes `rule` declares (`RuleMeta::also`). The
    /// person is kept for a person finding only (data contract: `person_id` is empty for a
    /// team, aggregate or cycle finding); `tests/catalogue.rs` checks that every finding's
    /// scope is one its rule declares.
    pub fn finding_in(
        &self,
        i: usize,
        rule: &'static RuleMeta,
        scope: Scope,
        observed: String,
        expected: String,
        message: String,
    ) -> Option<Finding> {
        let person_id = match scope {
            Scope::Person => self.s("person_id", i).to_string(),
            _ => String::new(),
        };
        Some(Finding {
            cycle: self.s("cycle", i).to_string(),
            unit_id: self.s("unit_id", i).to_string(),
            rule: rule.code,
            person_id,
            severity: self.severity(i)?,
            scope,
            observed,
            expected,
            message,
        })
    }
}
