//! Row accounting: every input row is either loaded or listed here with the column,
//! the value and the reason, and `rejected.csv` is written from this list.
//!
//! Two kinds of entry exist. A *rejected row* could not be used at all (a required value
//! is missing or unreadable, a duplicate id, an unknown person). A *dropped value* is an
//! optional value that could not be read: the row is kept without it, and the reason says
//! so, so that nothing disappears without a trace.

use std::path::Path;

use crate::output::csv;

/// One line of `rejected.csv`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rejection {
    pub table: String,
    /// Row number as a spreadsheet shows it (header = row 1); 0 when not row-bound.
    pub row: usize,
    pub column: String,
    pub value: String,
    pub reason: String,
    /// True when the row was kept without this value.
    pub kept: bool,
}

/// The rejections of one load, in input order.
#[derive(Debug, Default, Clone)]
pub struct Rejections {
    pub items: Vec<Rejection>,
}

impl Rejections {
    pub fn reject(
        &mut self,
        table: &str,
        row: usize,
        column: &str,
        value: &str,
        reason: impl Into<String>,
    ) {
        self.items.push(Rejection {
            table: table.to_string(),
            row,
            column: column.to_string(),
            value: value.to_string(),
            reason: reason.into(),
            kept: false,
        });
    }

    /// An optional value that could not be read; the row stays.
    pub fn drop_value(
        &mut self,
        table: &str,
        row: usize,
        column: &str,
        value: &str,
        reason: impl Into<String>,
    ) {
        self.items.push(Rejection {
            table: table.to_string(),
            row,
            column: column.to_string(),
            value: value.to_string(),
            reason: format!("value ignored, row kept: {}", reason.into()),
            kept: true,
        });
    }

    /// Distinct rejected rows of `table`.
    pub fn rejected_rows(&self, table: &str) -> usize {
        let mut rows: Vec<usize> = self
            .items
            .iter()
            .filter(|r| r.table == table && !r.kept)
            .map(|r| r.row)
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows.len()
    }

    /// Distinct rejected rows over all tables.
    pub fn rejected_rows_all(&self) -> usize {
        let mut rows: Vec<(&str, usize)> = self
            .items
            .iter()
            .filter(|r| !r.kept)
            .map(|r| (r.table.as_str(), r.row))
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows.len()
    }

    pub fn dropped_values(&self) -> usize {
        self.items.iter().filter(|r| r.kept).count()
    }

    /// Writes `rejected.csv` (`table,row,column,value,reason`), sorted by table order of
    /// the input, then row.
    pub fn write_csv(&self, path: &Path) -> anyhow::Result<()> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| (&a.table, a.row, &a.column).cmp(&(&b.table, b.row, &b.column)));
        let mut out = csv::Writer::create(path)?;
        out.row(["table", "row", "column", "value", "reason"])?;
        for r in &items {
            out.row([
                r.table.as_str(),
                &r.row.to_string(),
                &r.column,
                &r.value,
                &r.reason,
            ])?;
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_distinct_rows() {
        let mut r = Rejections::default();
        r.reject("cadres", 3, "gender", "X", "unknown");
        r.reject("cadres", 3, "birth_date", "?", "bad");
        r.drop_value("cadres", 4, "education", "?", "unknown");
        assert_eq!(r.rejected_rows("cadres"), 1);
        assert_eq!(r.dropped_values(), 1);
    }
}
