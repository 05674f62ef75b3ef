//! The geometry of a horizontal bar chart page (label column, plot, value column, axis
//! underneath), shared by the age bands, the shares and the exception counts, so that
//! the three line up when they stand one under the other on the page.

use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::canvas::*;
use super::Lang;

/// Geometry of a horizontal bar chart page: label column, plot, value column.
pub(super) struct Bars {
    pub(super) label_w: i32,
    pub(super) x0: i32,
    pub(super) x1: i32,
    pub(super) top: i32,
    pub(super) rows: usize,
}

impl Bars {
    /// `value_w`: width of the value column at the right (values are right-aligned).
    pub(super) fn new<DB: DrawingBackend>(
        c: &Canvas<'_, DB>,
        labels: &[&str],
        value_w: i32,
        rows: usize,
    ) -> Result<Bars> {
        let mut label_w = 60;
        for l in labels {
            label_w = label_w.max(c.text_width(l, LABEL_SIZE)?);
        }
        let label_w = label_w.min(MAX_LABEL_W);
        let x0 = PAD + label_w + 12;
        let x1 = W as i32 - PAD - value_w - 20;
        Ok(Bars {
            label_w,
            x0,
            x1,
            top: HEAD,
            rows: rows.max(MIN_ROWS),
        })
    }

    /// Writes a value right-aligned at the right edge, on row `i`.
    pub(super) fn value<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        i: usize,
        s: &str,
        ink: RGBColor,
    ) -> Result<()> {
        c.text(
            s,
            (W as i32 - PAD, self.row_y(i)),
            LABEL_SIZE,
            ink,
            HPos::Right,
        )
    }

    pub(super) fn row_y(&self, i: usize) -> i32 {
        self.top + ROW_H * i as i32 + ROW_H / 2
    }

    pub(super) fn bottom(&self) -> i32 {
        self.top + ROW_H * self.rows as i32
    }

    pub(super) fn px(&self, v: f64, max: f64) -> i32 {
        self.x0 + ((self.x1 - self.x0) as f64 * (v / max).clamp(0.0, 1.0)).round() as i32
    }

    /// The frame of a page: zebra rows with their labels, the axis (`ticks` on a scale up
    /// to `max`, described by `desc`) and, on a page without rows, "no data". Returns the
    /// half-height of a bar.
    pub(super) fn frame<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        labels: &[&str],
        (ticks, max, desc): (&[(f64, String)], f64, &str),
        lang: Lang,
    ) -> Result<i32> {
        self.rows_and_labels(c, labels)?;
        self.axis(c, ticks, max, desc)?;
        if labels.is_empty() {
            self.no_data(c, lang)?;
        }
        Ok((ROW_H as f64 * 0.34) as i32)
    }

    /// Zebra stripes and row labels.
    fn rows_and_labels<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        labels: &[&str],
    ) -> Result<()> {
        for (i, l) in labels.iter().enumerate() {
            let y = self.row_y(i);
            if i % 2 == 1 {
                c.rect((PAD, y - ROW_H / 2), (W as i32 - PAD, y + ROW_H / 2), ZEBRA)?;
            }
            let l = c.fit(l, LABEL_SIZE, self.label_w)?;
            c.text(&l, (self.x0 - 12, y), LABEL_SIZE, INK, HPos::Right)?;
        }
        Ok(())
    }

    /// Vertical grid lines, the axis with tick labels and the axis description.
    fn axis<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        ticks: &[(f64, String)],
        max: f64,
        desc: &str,
    ) -> Result<()> {
        let bottom = self.bottom();
        for (v, label) in ticks {
            let x = self.px(*v, max);
            c.line(&[(x, self.top), (x, bottom)], GRID, 1)?;
            c.line(&[(x, bottom), (x, bottom + 5)], MUTED, 1)?;
            c.text(label, (x, bottom + 20), SMALL_SIZE, MUTED, HPos::Center)?;
        }
        c.line(&[(self.x0, bottom), (self.x1, bottom)], MUTED, 1)?;
        c.text(
            desc,
            ((self.x0 + self.x1) / 2, bottom + 48),
            SMALL_SIZE,
            INK,
            HPos::Center,
        )
    }

    /// The left axis line (drawn over the bars' start).
    pub(super) fn base_line<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Result<()> {
        c.line(&[(self.x0, self.top), (self.x0, self.bottom())], MUTED, 1)
    }

    fn no_data<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, lang: Lang) -> Result<()> {
        let y = (self.top + self.bottom()) / 2;
        c.text(
            lang.pick("无数据", "No data"),
            ((self.x0 + self.x1) / 2, y),
            LABEL_SIZE,
            MUTED,
            HPos::Center,
        )
    }
}

pub(super) fn bar_chart_size(rows: usize) -> (u32, u32) {
    let rows = rows.max(MIN_ROWS) as i32;
    (W, (HEAD + rows * ROW_H + AXIS_H + FOOT + 8) as u32)
}

pub(super) fn count_ticks(step: u32, end: u32) -> Vec<(f64, String)> {
    (0..=end / step)
        .map(|k| (f64::from(k * step), (k * step).to_string()))
        .collect()
}
