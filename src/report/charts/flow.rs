//! The matrix of people moving between units (交流): which units it shows (those with
//! moves, at most [`FLOW_MAX_UNITS`]), its layout and the painting. What it shows is
//! described at [`FlowMatrix`].

use anyhow::{bail, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::canvas::*;
use super::font::advance_width;
use super::inputs::*;
use super::pages::{PageInfo, Paint};

/// Units shown at most by a [`FlowMatrix`] (those with the most moves).
pub const FLOW_MAX_UNITS: usize = 40;
/// Smallest and largest cell of a flow matrix (the image widens below the smallest).
pub(super) const FLOW_MIN_CELL: i32 = 30;
pub(super) const FLOW_MAX_CELL: i32 = 56;
/// Column title and column numbers above the cells.
pub(super) const FLOW_HEADER_H: i32 = 64;
pub(super) const FLOW_MAX_LABEL_W: i32 = 220;
pub(super) const DIAGONAL: RGBColor = RGBColor(214, 214, 214);

/// Shade of a flow cell: `t` in 0..=1 from light to dark blue.
pub(super) fn flow_color(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    RGBColor(mix(206, 8), mix(224, 69), mix(242, 148))
}

/// Which units a flow matrix shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FlowView {
    /// Indices into `units`, in the caller's order.
    pub(super) shown: Vec<usize>,
    /// Units with at least one move in or out.
    pub(super) with_moves: usize,
    /// Moves (people) from or to a unit left out.
    pub(super) hidden_moves: u64,
    /// The largest count off the diagonal among the cells shown.
    pub(super) max: u32,
}

/// Layout of a flow matrix.
pub(super) struct FlowGeom {
    pub(super) label_w: i32,
    /// Left edge of the cells.
    pub(super) x0: i32,
    /// Top of the cells.
    pub(super) top: i32,
    pub(super) cell: i32,
    /// Width of the "moved out" column.
    pub(super) total_w: i32,
    pub(super) width: i32,
}

impl FlowMatrix {
    /// Refuses `counts` that are not a `units.len()` square.
    pub(super) fn check(&self) -> Result<()> {
        let n = self.units.len();
        if self.counts.len() != n || self.counts.iter().any(|r| r.len() != n) {
            bail!(
                "flow matrix: counts must be {n} rows of {n} (one per unit), got {} rows",
                self.counts.len()
            );
        }
        Ok(())
    }

    pub(super) fn count(&self, i: usize, j: usize) -> u32 {
        self.counts
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .unwrap_or(0)
    }

    /// Moves out of (`out = true`) or into unit `i`, to or from any unit.
    pub(super) fn moves(&self, i: usize, out: bool) -> u64 {
        (0..self.units.len())
            .filter(|&j| j != i)
            .map(|j| {
                u64::from(if out {
                    self.count(i, j)
                } else {
                    self.count(j, i)
                })
            })
            .sum()
    }

    pub(super) fn view(&self) -> FlowView {
        let n = self.units.len();
        let moves: Vec<u64> = (0..n)
            .map(|i| self.moves(i, true) + self.moves(i, false))
            .collect();
        let mut shown: Vec<usize> = (0..n).filter(|&i| moves[i] > 0).collect();
        let with_moves = shown.len();
        if shown.len() > FLOW_MAX_UNITS {
            shown.sort_by_key(|&i| (std::cmp::Reverse(moves[i]), i));
            shown.truncate(FLOW_MAX_UNITS);
            shown.sort_unstable();
        }
        let total: u64 = (0..n).map(|i| self.moves(i, true)).sum();
        let mut kept = 0u64;
        let mut max = 0;
        for &i in &shown {
            for &j in &shown {
                if i != j {
                    kept += u64::from(self.count(i, j));
                    max = max.max(self.count(i, j));
                }
            }
        }
        FlowView {
            shown,
            with_moves,
            hidden_moves: total - kept,
            max,
        }
    }

    pub(super) fn geom(&self, view: &FlowView) -> Result<FlowGeom> {
        let mut label_w = 60.0f32;
        for &i in &view.shown {
            label_w = label_w.max(advance_width(&self.units[i], LABEL_SIZE)?);
        }
        let label_w = (label_w.ceil() as i32).min(FLOW_MAX_LABEL_W);
        let num_w = advance_width(&view.shown.len().max(1).to_string(), SMALL_SIZE)?.ceil() as i32;
        let x0 = PAD + label_w + 10 + num_w + 12;
        let n = view.shown.len() as i32;
        let biggest = (0..self.units.len())
            .map(|i| self.moves(i, true).max(self.moves(i, false)))
            .max()
            .unwrap_or(0);
        let mut total_w = advance_width(&biggest.to_string(), LABEL_SIZE)?;
        for s in ["调出", "Out"] {
            total_w = total_w.max(advance_width(s, SMALL_SIZE)?);
        }
        let total_w = total_w.ceil() as i32 + 16;
        let cell = if n == 0 {
            FLOW_MAX_CELL
        } else {
            ((W as i32 - PAD - x0 - total_w - 8) / n).clamp(FLOW_MIN_CELL, FLOW_MAX_CELL)
        };
        let width = (W as i32).max(x0 + n * cell + 8 + total_w + PAD);
        Ok(FlowGeom {
            label_w,
            x0,
            top: HEAD + FLOW_HEADER_H,
            cell,
            total_w,
            width,
        })
    }
}

impl Paint for FlowMatrix {
    fn rows(&self) -> usize {
        self.view().shown.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        let (a, b) = (&self.from_label, &self.to_label);
        match (lang, a.is_empty() && b.is_empty()) {
            (Lang::Zh, true) => "各单位之间的人员交流".to_string(),
            (Lang::Zh, false) => format!("各单位之间的人员交流 ({a}→{b})"),
            (Lang::En, true) => "People moving between units".to_string(),
            (Lang::En, false) => format!("People moving between units ({a} → {b})"),
        }
    }
    fn per_page(&self) -> usize {
        FLOW_MAX_UNITS
    }
    fn rows_note(&self, page: &PageInfo) -> Option<String> {
        let v = self.view();
        let (shown, all, hidden) = (v.shown.len(), v.with_moves, v.hidden_moves);
        Some(match page.lang {
            _ if all == 0 => String::new(),
            Lang::Zh if shown < all => {
                format!("交流最多的{shown}个单位 (共{all}个), 另有{hidden}人次交流未显示")
            }
            Lang::Zh => format!("共{all}个有交流的单位"),
            Lang::En if shown < all => {
                format!("{shown} of {all} units (most moves); {hidden} moves not shown")
            }
            Lang::En => format!("{all} units with moves"),
        })
    }
    fn size(&self, _rows: usize) -> (u32, u32) {
        let view = self.view();
        let Ok(g) = self.geom(&view) else {
            return (W, 400);
        };
        let body = if view.shown.is_empty() {
            ROW_H * MIN_ROWS as i32
        } else {
            g.cell * (view.shown.len() as i32 + 1)
        };
        (g.width as u32, (g.top + body + 24 + FOOT + 8) as u32)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let view = self.view();
        let g = self.geom(&view)?;
        let n = view.shown.len() as i32;
        let cells_end = g.x0 + n * g.cell;
        let legend = [
            (
                lang.pick(
                    "调往其他单位 (颜色越深人数越多)",
                    "Moved (darker = more people)",
                )
                .to_string(),
                Swatch::Box(flow_color(0.55)),
            ),
            (
                lang.pick("留在原单位 (对角线)", "Stayed in the same unit (diagonal)")
                    .to_string(),
                Swatch::Box(DIAGONAL),
            ),
        ];
        c.legend(PAD, LEGEND_Y, &legend)?;
        if view.shown.is_empty() {
            c.text(
                lang.pick("各单位之间无人员交流", "No moves between units"),
                (g.width / 2, g.top + ROW_H * MIN_ROWS as i32 / 2),
                LABEL_SIZE,
                MUTED,
                HPos::Center,
            )?;
            return Ok(());
        }

        // Headers: what the columns and rows are, the column numbers, the totals column.
        let (col_title, row_title) = match lang {
            Lang::Zh => (
                format!("列: {}所在单位", self.to_label),
                format!("行: {}所在单位", self.from_label),
            ),
            Lang::En => (
                format!("Columns: unit in {}", self.to_label),
                format!("Rows: unit in {}", self.from_label),
            ),
        };
        let head_y = HEAD + 14;
        let num_y = HEAD + FLOW_HEADER_H - 16;
        let col_title = c.fit(&col_title, SMALL_SIZE, g.width - g.x0 - PAD)?;
        c.text(&col_title, (g.x0, head_y), SMALL_SIZE, INK, HPos::Left)?;
        let row_title = c.fit(&row_title, SMALL_SIZE, g.x0 - PAD - 8)?;
        c.text(&row_title, (PAD, num_y), SMALL_SIZE, INK, HPos::Left)?;
        let tot_x = cells_end + 8 + g.total_w / 2;
        c.text(
            lang.pick("调出", "Out"),
            (tot_x, num_y),
            SMALL_SIZE,
            INK,
            HPos::Center,
        )?;
        let size = if g.cell >= 44 { LABEL_SIZE } else { SMALL_SIZE };
        for k in 0..n {
            let x = g.x0 + k * g.cell + g.cell / 2;
            let s = (k + 1).to_string();
            c.text(&s, (x, num_y), SMALL_SIZE, MUTED, HPos::Center)?;
        }

        let max = f64::from(view.max.max(1));
        for (r, &i) in view.shown.iter().enumerate() {
            let y0 = g.top + g.cell * r as i32;
            let y = y0 + g.cell / 2;
            let name = c.fit(&self.units[i], LABEL_SIZE, g.label_w)?;
            c.text(&name, (PAD + g.label_w, y), LABEL_SIZE, INK, HPos::Right)?;
            c.text(
                &(r + 1).to_string(),
                (g.x0 - 10, y),
                SMALL_SIZE,
                MUTED,
                HPos::Right,
            )?;
            for (k, &j) in view.shown.iter().enumerate() {
                let xa = g.x0 + g.cell * k as i32;
                let (a, b) = ((xa + 1, y0 + 1), (xa + g.cell - 1, y0 + g.cell - 1));
                let n_ij = self.count(i, j);
                let fill = if i == j {
                    DIAGONAL
                } else if n_ij > 0 {
                    flow_color((f64::from(n_ij) / max).sqrt())
                } else {
                    ZEBRA
                };
                c.rect(a, b, fill)?;
                if i == j {
                    c.outline(a, b, MUTED)?;
                }
                if n_ij > 0 {
                    let s = c.fit(&n_ij.to_string(), size, g.cell - 4)?;
                    c.text(&s, (xa + g.cell / 2, y), size, text_on(fill), HPos::Center)?;
                }
            }
            let out = self.moves(i, true);
            c.text(&out.to_string(), (tot_x, y), size, INK, HPos::Center)?;
        }
        // The "moved in" row.
        let y0 = g.top + g.cell * n;
        let y = y0 + g.cell / 2;
        c.line(&[(PAD, y0 + 1), (cells_end, y0 + 1)], MUTED, 1)?;
        c.text(
            lang.pick("调入", "In"),
            (g.x0 - 10, y),
            SMALL_SIZE,
            INK,
            HPos::Right,
        )?;
        for (k, &j) in view.shown.iter().enumerate() {
            let x = g.x0 + g.cell * k as i32 + g.cell / 2;
            let s = self.moves(j, false).to_string();
            c.text(&s, (x, y), size, INK, HPos::Center)?;
        }
        c.line(&[(cells_end + 4, g.top), (cells_end + 4, y0)], MUTED, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::super::pages::{page_infos, render_rgb, render_svg};
    use super::super::tests::{assert_drawn, caption};
    use super::*;

    /// `n` units; unit `i` sends `i % 3` people to unit `i + 1` and keeps 5; unit 4 has
    /// no moves at all.
    fn flow(n: usize) -> FlowMatrix {
        let mut counts = vec![vec![0; n]; n];
        for (i, row) in counts.iter_mut().enumerate() {
            row[i] = 5;
            if i + 1 < n && i != 3 && i != 4 {
                row[i + 1] = (i % 3) as u32 + 1;
            }
        }
        FlowMatrix {
            caption: caption(None),
            from_label: "2016".into(),
            to_label: "2021".into(),
            units: (0..n).map(|i| format!("柳河镇{i}")).collect(),
            counts,
        }
    }

    #[test]
    fn flow_matrices_render_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            assert_drawn("flow 15", &render_rgb(&flow(15), 0, lang).unwrap());
            let empty = render_rgb(&FlowMatrix::default(), 0, lang).unwrap();
            assert_drawn("flow empty", &empty);
        }
        let svg = render_svg(&flow(15), 0, Lang::En).unwrap();
        for s in [
            "柳河镇0",
            "Columns: unit in 2021",
            "Out",
            "In",
            "14 units with moves",
        ] {
            assert!(svg.contains(s), "{s} missing from the flow SVG");
        }
    }

    #[test]
    fn flow_matrix_keeps_units_with_moves_and_caps_at_40() {
        // Unit 4 neither sends nor receives anyone: no row, no column.
        let v = flow(15).view();
        assert_eq!(v.shown.len(), 14);
        assert!(!v.shown.contains(&4));
        assert_eq!((v.with_moves, v.hidden_moves, v.max), (14, 0, 3));

        // 50 units with moves: the 40 with most moves are kept, in the caller's order.
        let mut m = flow(50);
        m.counts[10][30] = 9; // unit 10 and 30 get many moves
        let v = m.view();
        assert_eq!(v.shown.len(), FLOW_MAX_UNITS);
        assert!(v.shown.windows(2).all(|w| w[0] < w[1]));
        assert!(v.shown.contains(&10) && v.shown.contains(&30));
        assert_eq!(v.with_moves, 49); // all but unit 4
        let all: u64 = (0..50).map(|i| m.moves(i, true)).sum();
        let kept: u64 = v
            .shown
            .iter()
            .flat_map(|&i| v.shown.iter().map(move |&j| (i, j)))
            .filter(|(i, j)| i != j)
            .map(|(i, j)| u64::from(m.counts[i][j]))
            .sum();
        assert_eq!(v.hidden_moves, all - kept);
        assert!(v.hidden_moves > 0);
        let info = &page_infos(&m, Lang::Zh)[0];
        assert_eq!(page_infos(&m, Lang::Zh).len(), 1);
        let note = m.rows_note(info).unwrap();
        assert_eq!(
            note,
            format!(
                "交流最多的40个单位 (共49个), 另有{}人次交流未显示",
                v.hidden_moves
            )
        );
        // Small cells widen the image rather than shrink the numbers.
        let (w, _) = m.size(40);
        assert!(w > W);
        let (_, _, buf) = render_rgb(&m, 0, Lang::En).unwrap();
        assert!(buf.chunks(3).filter(|p| p != &[255, 255, 255]).count() > 20_000);

        // Counts that are not a square are refused.
        let dir = tempfile::tempdir().unwrap();
        let mut bad = flow(3);
        bad.counts[1].pop();
        assert!(bad.draw(dir.path(), "flow", Lang::Zh).is_err());
        let files = flow(15).draw(dir.path(), "flow", Lang::Zh).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].png, dir.path().join("flow.png"));
    }
}
