//! The slope chart of two cycles: its vertical scale, the placement of the end labels
//! (pushed apart as little as possible, see `place_labels`) and the painting. What it
//! shows is described at [`SlopeChart`].

use std::ops::Range;

use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::canvas::*;
use super::font::advance_width;
use super::inputs::*;
use super::pages::{PageInfo, Paint};

/// Lines per page of a [`SlopeChart`] (each needs room for its labels at both ends).
pub const SLOPE_LINES_PER_PAGE: usize = 25;

/// Plot height per line of a slope chart, and the fewest lines the plot is sized for.
pub(super) const SLOPE_ROW_H: i32 = 28;
pub(super) const SLOPE_MIN_ROWS: usize = 12;
/// A slope chart's plot grows up to this height when the values are bunched, so that the
/// labels stay near their lines.
pub(super) const SLOPE_MAX_PLOT_H: i32 = 980;
/// Least distance between the centres of two end labels (the CJK glyphs of
/// [`LABEL_SIZE`] are about 17 px tall).
pub(super) const LABEL_GAP: i32 = 24;
/// Widest name at either end of a slope chart.
pub(super) const SLOPE_NAME_W: i32 = 190;
/// Between a value and its axis: room for the leader.
pub(super) const LEADER_W: i32 = 20;
/// Axis headers above the plot.
pub(super) const SLOPE_HEADER_H: i32 = 48;
/// Percentages: the scale spans at least this many points, so that small changes do not
/// look steep.
pub(super) const MIN_PERCENT_SPAN: f64 = 10.0;

/// Vertical positions (pixels) for labels wanted at `anchors`, returned in input order:
/// at least `gap` apart, within `lo..=hi`, stacked in the order of `(anchor, tie)` (then
/// input order), and moved as little as possible (least squares: pool adjacent violators
/// on `anchor − rank × gap`, clamped to the bounds). If the labels do not fit between
/// `lo` and `hi`, the gap shrinks so that they do.
pub(super) fn place_labels(anchors: &[(i32, i32)], gap: i32, lo: i32, hi: i32) -> Vec<i32> {
    let n = anchors.len();
    if n == 0 {
        return Vec::new();
    }
    let hi = hi.max(lo);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (anchors[i].0, anchors[i].1, i));
    let gap = if n > 1 {
        gap.min((hi - lo) / (n as i32 - 1)).max(0)
    } else {
        gap
    };
    // A non-decreasing fit q of these shifted targets gives positions q + rank × gap.
    let mut blocks: Vec<(f64, usize)> = Vec::new(); // (sum, length)
    for (rank, &i) in order.iter().enumerate() {
        blocks.push((f64::from(anchors[i].0 - rank as i32 * gap), 1));
        while blocks.len() >= 2 {
            let (s2, n2) = blocks[blocks.len() - 1];
            let (s1, n1) = blocks[blocks.len() - 2];
            if s1 / n1 as f64 <= s2 / n2 as f64 {
                break;
            }
            blocks.pop();
            *blocks.last_mut().expect("two blocks") = (s1 + s2, n1 + n2);
        }
    }
    let q_hi = hi - (n as i32 - 1) * gap;
    let mut out = vec![0; n];
    let mut rank = 0;
    for (sum, len) in blocks {
        let q = ((sum / len as f64).round() as i32).clamp(lo, q_hi.max(lo));
        for _ in 0..len {
            out[order[rank]] = q + rank as i32 * gap;
            rank += 1;
        }
    }
    out
}

/// The vertical scale of a slope chart, in display units (percentage points when the
/// values are shares).
pub(super) struct SlopeScale {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) step: f64,
    /// Factor from values to display units (100 for shares).
    pub(super) k: f64,
    pub(super) percent: bool,
    /// Decimals of the tick labels and of the values.
    pub(super) tick_decimals: usize,
    pub(super) decimals: usize,
}

impl SlopeScale {
    pub(super) fn new(lines: &[SlopeLine], percent: bool) -> SlopeScale {
        let k = if percent { 100.0 } else { 1.0 };
        let vals: Vec<f64> = lines
            .iter()
            .flat_map(|l| [l.from, l.to])
            .filter(|v| v.is_finite())
            .map(|v| v * k)
            .collect();
        let (mut min, mut max) = vals
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        if vals.is_empty() {
            (min, max) = (0.0, k);
        }
        if percent && max - min < MIN_PERCENT_SPAN {
            // Centred on the values, on whole points (so no extra tick is added).
            let mid = (min + max) / 2.0;
            let lo = (mid - MIN_PERCENT_SPAN / 2.0)
                .round()
                .clamp(0.0, 100.0 - MIN_PERCENT_SPAN);
            (min, max) = (lo.min(min), (lo + MIN_PERCENT_SPAN).max(max));
        }
        let span = max - min;
        let step = if span > 0.0 {
            nice_step(span, 5)
        } else {
            nice_step(max.abs().max(1.0), 5)
        };
        let mut lo = (min / step).floor() * step;
        let mut hi = (max / step).ceil() * step;
        if hi - lo < step / 2.0 {
            lo -= step;
            hi += step;
        }
        if percent && min >= 0.0 {
            lo = lo.max(0.0);
        }
        let tick_decimals = if step >= 1.0 {
            0
        } else {
            ((-step.log10()).ceil() as usize).min(4)
        };
        let integral = vals.iter().all(|v| (v - v.round()).abs() < 1e-9);
        let decimals = if integral {
            0
        } else {
            (tick_decimals + 1).min(3)
        };
        SlopeScale {
            lo,
            hi,
            step,
            k,
            percent,
            tick_decimals,
            decimals,
        }
    }

    /// `v` (a value, not yet in display units) at `decimals`; "-" if missing.
    pub(super) fn format(&self, v: f64, decimals: usize) -> String {
        if !v.is_finite() {
            return "-".to_string();
        }
        let mut d = v * self.k;
        if format!("{d:.decimals$}")
            .trim_start_matches(['-', '0', '.'])
            .is_empty()
        {
            d = 0.0; // no "-0.0"
        }
        format!("{d:.decimals$}{}", if self.percent { "%" } else { "" })
    }

    pub(super) fn value(&self, v: f64) -> String {
        self.format(v, self.decimals)
    }

    /// The ticks, in display units.
    pub(super) fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n).map(|i| self.lo + self.step * i as f64).collect()
    }

    /// The pixel row of value `v` (not in display units) on a plot from `top` to `bottom`.
    pub(super) fn y(&self, v: f64, top: i32, bottom: i32) -> i32 {
        let t = ((v * self.k - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        bottom - (f64::from(bottom - top) * t).round() as i32
    }
}

/// A label at one end of a slope line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct EndLabel {
    /// Index into [`SlopeChart::lines`].
    pub(super) line: usize,
    /// Where the line ends.
    pub(super) anchor: i32,
    /// The label's centre (nudged).
    pub(super) y: i32,
}

/// Horizontal layout of a slope chart (the same on every page).
pub(super) struct SlopeGeom {
    /// The two axes.
    pub(super) xa: i32,
    pub(super) xb: i32,
    pub(super) name_w: i32,
    pub(super) value_w: i32,
}

impl SlopeChart {
    pub(super) fn against(&self, l: &SlopeLine) -> bool {
        self.wanted.is_some_and(|d| d.is_against(l.from, l.to))
    }

    /// Top and bottom of the plot of a page of `rows` lines: [`SLOPE_ROW_H`] per line, or
    /// more (up to [`SLOPE_MAX_PLOT_H`]) if the values at either end are bunched into so
    /// small a part of the scale that their labels, stacked, would be far from them (the
    /// same height on every page of a chart).
    pub(super) fn plot(&self, rows: usize, scale: &SlopeScale) -> (i32, i32) {
        let top = HEAD + SLOPE_HEADER_H;
        let mut h = SLOPE_ROW_H * rows.max(SLOPE_MIN_ROWS) as i32;
        let spread = |vals: Vec<f64>| {
            let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (vals.len() >= 2).then(|| (hi - lo) * scale.k / (scale.hi - scale.lo))
        };
        let side = |f: fn(&SlopeLine) -> f64| {
            spread(self.lines.iter().map(f).filter(|v| v.is_finite()).collect())
        };
        let bunched = [side(|l| l.from), side(|l| l.to)]
            .into_iter()
            .flatten()
            .fold(f64::INFINITY, f64::min);
        if rows >= 2 && bunched.is_finite() {
            // Values bunched much tighter than that fan out anyway: growing only adds
            // empty space.
            let need = f64::from(LABEL_GAP) * (rows - 1) as f64 / bunched.max(1e-3);
            if need <= 1.5 * f64::from(SLOPE_MAX_PLOT_H) {
                h = h.max((need.ceil() as i32).min(SLOPE_MAX_PLOT_H));
            }
        }
        (top, top + h)
    }

    /// The labels at the left and the right ends of lines `rows`, nudged apart.
    pub(super) fn end_labels(
        &self,
        rows: Range<usize>,
        scale: &SlopeScale,
        top: i32,
        bottom: i32,
    ) -> [Vec<EndLabel>; 2] {
        let y = |v: f64| v.is_finite().then(|| scale.y(v, top, bottom));
        let side = |left: bool| {
            let ends: Vec<(usize, i32, i32)> = rows
                .clone()
                .filter_map(|i| {
                    let l = &self.lines[i];
                    let (here, there) = if left { (l.from, l.to) } else { (l.to, l.from) };
                    let a = y(here)?;
                    Some((i, a, y(there).unwrap_or(a)))
                })
                .collect();
            let anchors: Vec<(i32, i32)> = ends.iter().map(|&(_, a, t)| (a, t)).collect();
            let ys = place_labels(&anchors, LABEL_GAP, top, bottom);
            ends.iter()
                .zip(ys)
                .map(|(&(line, anchor, _), y)| EndLabel { line, anchor, y })
                .collect::<Vec<_>>()
        };
        [side(true), side(false)]
    }

    pub(super) fn geom(&self, scale: &SlopeScale) -> Result<SlopeGeom> {
        let mut name_w = 40.0f32;
        let mut value_w = advance_width("-", LABEL_SIZE)?;
        for l in &self.lines {
            name_w = name_w.max(advance_width(&l.name, LABEL_SIZE)?);
            for v in [l.from, l.to] {
                value_w = value_w.max(advance_width(&scale.value(v), LABEL_SIZE)?);
            }
        }
        let name_w = (name_w.ceil() as i32).min(SLOPE_NAME_W);
        let value_w = value_w.ceil() as i32;
        let xa = PAD + name_w + 10 + value_w + LEADER_W;
        Ok(SlopeGeom {
            xa,
            xb: W as i32 - xa,
            name_w,
            value_w,
        })
    }
}

impl Paint for SlopeChart {
    fn rows(&self) -> usize {
        self.lines.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        let (a, b) = (&self.from_label, &self.to_label);
        match (lang, a.is_empty() && b.is_empty()) {
            (Lang::Zh, true) => "两届对比".to_string(),
            (Lang::Zh, false) => format!("{a}与{b}对比"),
            (Lang::En, true) => "Two cycles compared".to_string(),
            (Lang::En, false) => format!("{a} compared with {b}"),
        }
    }
    fn per_page(&self) -> usize {
        SLOPE_LINES_PER_PAGE
    }
    fn rows_note(&self, page: &PageInfo) -> Option<String> {
        let (a, b, n) = (page.rows.start + 1, page.rows.end, self.lines.len());
        Some(match (page.lang, page.pages > 1) {
            _ if n == 0 => String::new(),
            (Lang::Zh, true) => format!("第{a}-{b}项, 共{n}项"),
            (Lang::Zh, false) => format!("共{n}项"),
            (Lang::En, true) => format!("lines {a}-{b} of {n}"),
            (Lang::En, false) => format!("{n} lines"),
        })
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        let (_, bottom) = self.plot(rows, &SlopeScale::new(&self.lines, self.percent));
        (W, (bottom + 30 + FOOT + 8) as u32)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let scale = SlopeScale::new(&self.lines, self.percent);
        let g = self.geom(&scale)?;
        let (top, bottom) = self.plot(page.rows.len(), &scale);

        let mut legend = Vec::new();
        if let Some(d) = self.wanted {
            let (ok, bad) = d.legend(lang);
            legend.push((ok.to_string(), Swatch::Line(BAR)));
            legend.push((bad.to_string(), Swatch::Line(ALERT)));
        }
        if self.lines[page.rows.clone()]
            .iter()
            .any(|l| l.from.is_finite() != l.to.is_finite())
        {
            legend.push((
                lang.pick("仅一届有数据", "In one cycle only").to_string(),
                Swatch::Dot(BAR),
            ));
        }
        c.legend(PAD, LEGEND_Y, &legend)?;

        // Axis headers, grid (its values in the middle, under the lines), axes.
        let head_y = HEAD + 16;
        for (x, label) in [(g.xa, &self.from_label), (g.xb, &self.to_label)] {
            let label = c.fit(label, LABEL_SIZE, 2 * (g.name_w + g.value_w))?;
            c.text(&label, (x, head_y), LABEL_SIZE, INK, HPos::Center)?;
        }
        let mid = (g.xa + g.xb) / 2;
        for t in scale.ticks() {
            let y = scale.y(t / scale.k, top, bottom);
            c.line(&[(g.xa, y), (g.xb, y)], GRID, 1)?;
            let s = scale.format(t / scale.k, scale.tick_decimals);
            let tw = c.text_width(&s, SMALL_SIZE)?;
            c.rect((mid - tw / 2 - 5, y - 9), (mid + tw / 2 + 5, y + 9), WHITE)?;
            c.text(&s, (mid, y), SMALL_SIZE, MUTED, HPos::Center)?;
        }
        for x in [g.xa, g.xb] {
            c.line(&[(x, top - 12), (x, bottom + 12)], MUTED, 1)?;
        }
        if self.lines[page.rows.clone()]
            .iter()
            .all(|l| !l.from.is_finite() && !l.to.is_finite())
        {
            c.text(
                lang.pick("无数据", "No data"),
                (mid, (top + bottom) / 2 - 24),
                LABEL_SIZE,
                MUTED,
                HPos::Center,
            )?;
        }

        // Lines (those going the wrong way last, on top), then the labels.
        let color = |l: &SlopeLine| if self.against(l) { ALERT } else { BAR };
        for flagged in [false, true] {
            for l in &self.lines[page.rows.clone()] {
                if self.against(l) != flagged {
                    continue;
                }
                let ends = [(g.xa, l.from), (g.xb, l.to)];
                if l.from.is_finite() && l.to.is_finite() {
                    let pts: Vec<(i32, i32)> = ends
                        .iter()
                        .map(|&(x, v)| (x, scale.y(v, top, bottom)))
                        .collect();
                    c.line(&pts, color(l), 2)?;
                }
                for (x, v) in ends {
                    if v.is_finite() {
                        c.dot((x, scale.y(v, top, bottom)), 4, color(l))?;
                    }
                }
            }
        }
        let [left, right] = self.end_labels(page.rows.clone(), &scale, top, bottom);
        for (labels, at_left) in [(left, true), (right, false)] {
            for lab in labels {
                let l = &self.lines[lab.line];
                let ink = if self.against(l) { THRESHOLD } else { INK };
                let name = c.fit(&l.name, LABEL_SIZE, g.name_w)?;
                let value = scale.value(if at_left { l.from } else { l.to });
                let (axis, inner, value_x, name_x, name_pos) = if at_left {
                    let vx = g.xa - LEADER_W;
                    (
                        g.xa - 5,
                        g.xa - LEADER_W + 4,
                        vx,
                        vx - g.value_w - 10,
                        HPos::Right,
                    )
                } else {
                    let vx = g.xb + LEADER_W + g.value_w;
                    (g.xb + 5, g.xb + LEADER_W - 4, vx, vx + 10, HPos::Left)
                };
                c.line(&[(axis, lab.anchor), (inner, lab.y)], color(l), 1)?;
                c.text(&value, (value_x, lab.y), LABEL_SIZE, ink, HPos::Right)?;
                c.text(&name, (name_x, lab.y), LABEL_SIZE, ink, name_pos)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::font::font;
    use super::super::pages::{page_infos, render_rgb, render_svg};
    use super::super::tests::{assert_drawn, caption};
    use super::*;

    fn close_slope(n: usize) -> SlopeChart {
        SlopeChart {
            caption: caption(Some("各县区班子女性成员占比")),
            from_label: "2016".into(),
            to_label: "2021".into(),
            lines: (0..n)
                .map(|i| SlopeLine {
                    name: format!("柳河县{i}"),
                    from: 0.30 + 0.001 * i as f64,
                    to: 0.31 - 0.0015 * i as f64,
                })
                .collect(),
            percent: true,
            wanted: Some(Direction::Rise),
        }
    }

    fn spread_slope(n: usize) -> SlopeChart {
        SlopeChart {
            lines: (0..n)
                .map(|i| SlopeLine {
                    name: format!("东门区{i}"),
                    from: f64::from((i * 7 % 30) as u32 + 5) / 100.0,
                    to: f64::from((i * 11 % 35) as u32 + 3) / 100.0,
                })
                .collect(),
            ..close_slope(0)
        }
    }

    #[test]
    fn labels_are_nudged_apart_in_order_and_as_little_as_needed() {
        // Far apart: unmoved.
        assert_eq!(
            place_labels(&[(100, 0), (300, 0), (200, 0)], 24, 0, 500),
            vec![100, 300, 200]
        );
        // Two at the same place: split evenly around it, ties by the second key.
        assert_eq!(
            place_labels(&[(200, 9), (200, 1)], 24, 0, 500),
            vec![212, 188]
        );
        // 20 labels wanted within 10 px: a stack `gap` apart, in order, centred on them.
        let anchors: Vec<(i32, i32)> = (0..20).map(|i| (300 + i / 2, 0)).collect();
        let ys = place_labels(&anchors, 24, 0, 800);
        assert!(ys.windows(2).all(|w| w[1] - w[0] == 24), "{ys:?}");
        let mean = ys.iter().sum::<i32>() as f64 / 20.0;
        assert!((mean - 304.5).abs() <= 1.0, "{mean}");
        // Pushed against a bound: kept inside, still apart.
        let ys = place_labels(&anchors, 24, 290, 900);
        assert_eq!(ys[0], 290);
        assert!(ys.windows(2).all(|w| w[1] - w[0] >= 24));
        // Too many for the room: the gap shrinks to fit.
        let ys = place_labels(&anchors, 24, 0, 190);
        assert_eq!((ys[0], ys[19]), (0, 190));
        assert!(ys.windows(2).all(|w| w[1] - w[0] == 10));
        assert!(place_labels(&[], 24, 0, 10).is_empty());
    }

    #[test]
    fn slope_labels_do_not_overlap_for_20_close_lines() {
        use ab_glyph::{Font as _, ScaleFont as _};
        let chart = close_slope(20);
        let scale = SlopeScale::new(&chart.lines, true);
        let (top, bottom) = chart.plot(20, &scale);
        let [left, right] = chart.end_labels(0..20, &scale, top, bottom);
        // The tallest glyph of the labels is shorter than the gap between label centres.
        let font = font().unwrap();
        let sf = font.as_scaled(ab_glyph::PxScale::from(LABEL_SIZE as f32));
        let mut tallest = 0.0f32;
        for l in &chart.lines {
            for ch in format!("{}{}", l.name, scale.value(l.from)).chars() {
                let g = sf.scaled_glyph(ch);
                if let Some(o) = font.outline_glyph(g) {
                    tallest = tallest.max(o.px_bounds().height());
                }
            }
        }
        assert!(tallest + 4.0 < LABEL_GAP as f32, "glyphs {tallest} px tall");
        for (side, labels) in [("left", &left), ("right", &right)] {
            assert_eq!(labels.len(), 20);
            let mut ys: Vec<i32> = labels.iter().map(|l| l.y).collect();
            ys.sort_unstable();
            assert!(
                ys.windows(2).all(|w| w[1] - w[0] >= LABEL_GAP),
                "{side}: {ys:?}"
            );
            assert!(ys.iter().all(|y| (top..=bottom).contains(y)));
            // Higher value, higher label (smaller y): the stack keeps the lines' order.
            let value = |l: &EndLabel| {
                let line = &chart.lines[l.line];
                if side == "left" {
                    line.from
                } else {
                    line.to
                }
            };
            for a in labels.iter() {
                for b in labels.iter() {
                    if value(a) > value(b) {
                        assert!(a.y < b.y, "{side}: label order");
                    }
                }
            }
        }

        // In the image: a white row between every two neighbouring labels of the left
        // column (names and values), so no two labels touch.
        let (w, _, buf) = render_rgb(&chart, 0, Lang::Zh).unwrap();
        let g = chart.geom(&scale).unwrap();
        let mut ys: Vec<i32> = left.iter().map(|l| l.y).collect();
        ys.sort_unstable();
        let row = (w * 3) as usize;
        let inked = |y: i32| {
            let y = y as usize;
            buf[y * row + PAD as usize * 3..y * row + (g.xa - LEADER_W) as usize * 3]
                .chunks(3)
                .filter(|p| p != &[255, 255, 255])
                .count()
        };
        for pair in ys.windows(2) {
            assert!(inked(pair[0]) > 0, "label at {} not drawn", pair[0]);
            assert_eq!(inked((pair[0] + pair[1]) / 2), 0, "labels {pair:?} touch");
        }
    }

    #[test]
    fn slope_values_scale_and_direction() {
        assert!(Direction::Rise.is_against(0.3, 0.2));
        assert!(!Direction::Rise.is_against(0.2, 0.2));
        assert!(!Direction::Rise.is_against(f64::NAN, 0.2));
        assert!(Direction::Fall.is_against(44.0, 45.5));
        let lines = |v: &[(f64, f64)]| -> Vec<SlopeLine> {
            v.iter()
                .map(|&(from, to)| SlopeLine {
                    name: "x".into(),
                    from,
                    to,
                })
                .collect()
        };
        let s = SlopeScale::new(&lines(&[(0.25, 0.5), (0.1, 0.0)]), true);
        assert_eq!(
            (s.value(0.25), s.value(0.0), s.value(f64::NAN)),
            ("25%".into(), "0%".into(), "-".into())
        );
        assert_eq!((s.lo, s.hi), (0.0, 50.0));
        let s = SlopeScale::new(&lines(&[(2.0 / 9.0, 0.25)]), true);
        assert_eq!(s.value(2.0 / 9.0), "22.2%");
        // Shares close together still get a 10-point scale.
        assert!(s.hi - s.lo >= MIN_PERCENT_SPAN && s.lo <= 22.2 && s.hi >= 25.0);
        let s = SlopeScale::new(&lines(&[(44.6, 43.2), (41.0, -0.001)]), false);
        assert_eq!(
            (s.value(44.6), s.value(-0.001)),
            ("44.6".into(), "0.0".into())
        );
        assert!(s.lo <= -0.001 && s.hi >= 44.6);
        let s = SlopeScale::new(&lines(&[(f64::NAN, f64::NAN)]), false);
        assert!(s.hi > s.lo);
    }

    #[test]
    fn slope_charts_render_in_both_languages() {
        let alert = |buf: &[u8]| buf.chunks(3).filter(|p| p == &[228, 87, 46]).count();
        let mut five = spread_slope(5);
        five.lines[1].to = f64::NAN; // a unit of the earlier cycle only
        for lang in [Lang::Zh, Lang::En] {
            for (name, chart) in [
                ("slope 5", &five),
                ("slope 20", &spread_slope(20)),
                ("slope close", &close_slope(20)),
                ("slope empty", &SlopeChart::default()),
            ] {
                let image = render_rgb(chart, 0, lang).unwrap();
                assert_drawn(name, &image);
                // Lines going against the wanted rise are drawn in the warning colour.
                if name != "slope empty" {
                    assert!(alert(&image.2) > 200, "{name}: no warning lines");
                }
            }
        }
        // Nothing is flagged without a wanted direction.
        let neutral = SlopeChart {
            wanted: None,
            ..spread_slope(20)
        };
        assert_eq!(alert(&render_rgb(&neutral, 0, Lang::Zh).unwrap().2), 0);
        // The SVG carries the labels.
        let svg = render_svg(&five, 0, Lang::Zh).unwrap();
        for s in [
            "东门区0",
            "2016",
            "2021",
            "上升或持平",
            "仅一届有数据",
            "共5项",
        ] {
            assert!(svg.contains(s), "{s} missing from the slope SVG");
        }
    }

    #[test]
    fn slope_charts_paginate_beyond_25_lines() {
        let dir = tempfile::tempdir().unwrap();
        let files = spread_slope(60)
            .draw(dir.path(), "slope", Lang::Zh)
            .unwrap();
        assert_eq!(files.len(), 3);
        assert!(files.iter().all(|f| f.png.exists() && f.svg.exists()));
        assert_eq!(files[1].png, dir.path().join("slope-02.png"));
        assert_eq!(files[1].title, "各县区班子女性成员占比 (2/3)");
        let info = &page_infos(&spread_slope(60), Lang::Zh)[1];
        assert_eq!(info.rows, 20..40);
        assert_eq!(
            spread_slope(60).rows_note(info).unwrap(),
            "第21-40项, 共60项"
        );
        let one = close_slope(25).draw(dir.path(), "one", Lang::En).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].png, dir.path().join("one.png"));
    }
}
