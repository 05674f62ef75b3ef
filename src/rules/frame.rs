//! Reading the (small) frames of breaches that rules collect back into Rust values, so
//! each rule can write its findings' observed values and messages.

use polars::prelude::*;
use std::cell::OnceCell;

use super::{Finding, RuleMeta, Scope, Severity};

/// A collected frame, read column by column as text or as numbers. A column is converted
/// the first time a rule reads it, so a frame that carries every column of the seats
/// costs only the few columns its rule's messages use.
pub struct Rows {
    columns: Vec<(PlSmallStr, OnceCell<Cells>)>,
    df: DataFrame,
    pub height: usize,
}

/// One column of a [`Rows`], as read.
enum Cells {
    Text(StringChunked),
    Num(Vec<Option<f64>>),
}

impl Rows {
    pub fn new(df: &DataFrame) -> PolarsResult<Rows> {
        Ok(Rows {
            columns: df
                .columns()
                .iter()
                .map(|c| (c.name().clone(), OnceCell::new()))
                .collect(),
            df: df.clone(),
            height: df.height(),
        })
    }

    /// A column's cells (None when the frame has no such column or it cannot be read).
    fn cells(&self, name: &str) -> Option<&Cells> {
        let (_, cell) = self.columns.iter().find(|(n, _)| n.as_str() == name)?;
        if cell.get().is_none() {
            let c = self.df.column(name).ok()?;
            let read = match c.dtype() {
                // A categorical (a frame's column of few distinct texts) reads as its texts.
                dtype if crate::output::is_text(dtype) => {
                    Cells::Text(crate::output::texts_of(c).ok()?.rechunk().into_owned())
                }
                _ => Cells::Num(
                    c.cast(&DataType::Float64)
                        .ok()?
                        .f64()
                        .ok()?
                        .iter()
                        .collect(),
                ),
            };
            let _ = cell.set(read);
        }
        cell.get()
    }

    /// Text of a cell ("" when null or absent, or not a text column).
    pub fn s(&self, name: &str, i: usize) -> &str {
        match self.cells(name) {
            Some(Cells::Text(ca)) => ca.get(i).unwrap_or(""),
            _ => "",
        }
    }

    /// Number of a cell (0 when null or absent, or a text column).
    pub fn n(&self, name: &str, i: usize) -> f64 {
        match self.cells(name) {
            Some(Cells::Num(v)) => v.get(i).copied().flatten().unwrap_or(0.0),
            _ => 0.0,
        }
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
