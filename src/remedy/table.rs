//! The tables `find` and `suggest` write: one set of rows, written as CSV with the
//! column codes (for scripts and for `--apply`) and as XLSX with the headers labelled
//! in the run's language (for people), both through the one output layer.

use anyhow::Result;
use std::path::Path;

use crate::output::{csv::Writer, xlsx};
use crate::rules::Lang;

/// A cell: text (always written as text) or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Num(f64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Num(x) => crate::rules::fmt_num(*x),
        }
    }
}

/// Rows under columns `(code, 中文, English)`.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<(&'static str, &'static str, &'static str)>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(columns: &[(&'static str, &'static str, &'static str)]) -> Table {
        Table {
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// The text of column `code` in row `i`.
    pub fn get(&self, i: usize, code: &str) -> Option<String> {
        let k = self.columns.iter().position(|c| c.0 == code)?;
        Some(self.rows.get(i)?.get(k)?.text())
    }

    pub fn write_csv(&self, path: &Path) -> Result<()> {
        let mut w = Writer::create(path)?;
        w.row(self.columns.iter().map(|c| c.0))?;
        for r in &self.rows {
            w.row(r.iter().map(Cell::text))?;
        }
        w.finish()
    }

    /// One sheet named `sheet` (zh, en) with labelled headers.
    pub fn write_xlsx(&self, path: &Path, sheet: (&str, &str), lang: Lang) -> Result<()> {
        let mut book = xlsx::workbook()?;
        let bold = rust_xlsxwriter::Format::new().set_bold().set_text_wrap();
        let ws = book.add_worksheet();
        ws.set_name(lang.pick(sheet.0, sheet.1))?;
        for (j, c) in self.columns.iter().enumerate() {
            let label = lang.pick(c.1, c.2);
            let widest = self
                .rows
                .iter()
                .map(|r| xlsx::display_width(&r[j].text()))
                .chain([xlsx::display_width(label)])
                .max()
                .unwrap_or(8);
            ws.set_column_width(j as u16, (widest as f64 + 2.0).clamp(6.0, 60.0))?;
            ws.write_string_with_format(0, j as u16, label, &bold)?;
        }
        for (i, r) in self.rows.iter().enumerate() {
            for (j, cell) in r.iter().enumerate() {
                match cell {
                    Cell::Text(t) => ws.write_string(i as u32 + 1, j as u16, t)?,
                    Cell::Num(x) => ws.write_number(i as u32 + 1, j as u16, *x)?,
                };
            }
        }
        ws.set_freeze_panes(1, 0)?;
        xlsx::save(&mut book, path)
    }
}
