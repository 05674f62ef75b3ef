//! The drawing primitives, sizes, colours and axis steps the charts share, in pixel
//! coordinates on any plotters backend. Text goes through [`Canvas`] so that the PNG and
//! the SVG of a chart agree (see its note on rasterising).

use anyhow::{anyhow, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

use super::font::{advance_width, font, FONT_FAMILY};

pub(super) const W: u32 = 1000;
pub(super) const PAD: i32 = 28;
pub(super) const TITLE_SIZE: f64 = 32.0;
pub(super) const LABEL_SIZE: f64 = 22.0;
pub(super) const SMALL_SIZE: f64 = 18.0;
pub(super) const TITLE_Y: i32 = 34;
pub(super) const LEGEND_Y: i32 = 80;
/// Top of the plot (below title and legend).
pub(super) const HEAD: i32 = 112;
/// Height of the footnote band.
pub(super) const FOOT: i32 = 44;
/// Tick labels and axis description under a plot.
pub(super) const AXIS_H: i32 = 66;
pub(super) const ROW_H: i32 = 30;
/// Pages with fewer rows are drawn as if they had this many (keeps short charts in shape).
pub(super) const MIN_ROWS: usize = 4;
pub(super) const MAX_LABEL_W: i32 = 260;

pub(super) const INK: RGBColor = RGBColor(34, 34, 34);
pub(super) const MUTED: RGBColor = RGBColor(96, 96, 96);
pub(super) const GRID: RGBColor = RGBColor(226, 226, 226);
pub(super) const RULE_LINE: RGBColor = RGBColor(200, 200, 200);
pub(super) const ZEBRA: RGBColor = RGBColor(246, 246, 246);
pub(super) const BAR: RGBColor = RGBColor(74, 127, 181);
pub(super) const ALERT: RGBColor = RGBColor(228, 87, 46);
pub(super) const THRESHOLD: RGBColor = RGBColor(150, 20, 20);
pub(super) const NONE_CELL: RGBColor = RGBColor(223, 240, 216);
pub(super) const MEN: RGBColor = RGBColor(74, 127, 181);
pub(super) const WOMEN: RGBColor = RGBColor(214, 96, 137);
pub(super) const BAND_COLORS: [RGBColor; 5] = [
    RGBColor(33, 102, 172),
    RGBColor(103, 169, 207),
    RGBColor(180, 180, 180),
    RGBColor(244, 165, 130),
    RGBColor(202, 64, 52),
];

pub(super) fn de<E: std::fmt::Display>(e: E) -> anyhow::Error {
    anyhow!("drawing a chart: {e}")
}

pub(super) fn hex_color(hex: &str) -> RGBColor {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Dark or white text, whichever reads better on `bg`.
pub(super) fn text_on(bg: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = bg;
    let lum = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if lum < 150.0 {
        WHITE
    } else {
        INK
    }
}

/// The x-height of the embedded font (OS/2 sxHeight 543 of 1000 units per em).
pub(super) const X_HEIGHT_EM: f32 = 0.543;

/// A drawing area with the few primitives the charts use, in pixel coordinates.
///
/// Text: on the SVG backend it is a `<text>` element (plotters writes `font-size =
/// size / 1.24`, `dy = 0.5ex` to centre it vertically, `text-anchor` for the anchor). On a
/// bitmap it is rasterised here with ab_glyph rather than by plotters, whose ab_glyph
/// path drops each glyph's left side bearing (digits and spaces come out squeezed) and
/// centres text differently from the SVG. Here the same em size (the font's hhea line is
/// 1.24 em, see `assets/fonts/subset.sh`), the same advances, and the baseline half an
/// x-height below the anchor, so PNG and SVG agree.
pub(super) struct Canvas<'a, DB: DrawingBackend> {
    pub(super) area: &'a DrawingArea<DB, Shift>,
    pub(super) raster: bool,
}

impl<DB: DrawingBackend> Canvas<'_, DB> {
    pub(super) fn style(size: f64, color: RGBColor, h: HPos) -> TextStyle<'static> {
        FontDesc::new(FontFamily::Name(FONT_FAMILY), size, FontStyle::Normal)
            .color(&color)
            .pos(Pos::new(h, VPos::Center))
    }

    /// Draws `s` vertically centred on `y`, anchored at `x` by `h`.
    pub(super) fn text(
        &self,
        s: &str,
        (x, y): (i32, i32),
        size: f64,
        color: RGBColor,
        h: HPos,
    ) -> Result<()> {
        if s.is_empty() {
            return Ok(());
        }
        if self.raster {
            return self.raster_text(s, (x, y), size, color, h);
        }
        self.area
            .draw(&Text::new(
                s.to_string(),
                (x, y),
                Self::style(size, color, h),
            ))
            .map_err(de)
    }

    pub(super) fn raster_text(
        &self,
        s: &str,
        (x, y): (i32, i32),
        size: f64,
        color: RGBColor,
        h: HPos,
    ) -> Result<()> {
        use ab_glyph::{Font as _, ScaleFont as _};
        let font = font()?;
        let sf = font.as_scaled(ab_glyph::PxScale::from(size as f32));
        let em = sf.h_scale_factor() * font.units_per_em().unwrap_or(1000.0);
        let width = advance_width(s, size)?;
        let mut pen = match h {
            HPos::Left => x as f32,
            HPos::Center => x as f32 - width / 2.0,
            HPos::Right => x as f32 - width,
        };
        let baseline = y as f32 + 0.5 * X_HEIGHT_EM * em;
        let mut prev = None;
        for ch in s.chars() {
            let id = sf.glyph_id(ch);
            if let Some(p) = prev {
                pen += sf.kern(p, id);
            }
            let glyph = id.with_scale_and_position(sf.scale(), ab_glyph::point(pen, baseline));
            if let Some(outline) = font.outline_glyph(glyph) {
                let min = outline.px_bounds().min;
                let mut failed = None;
                outline.draw(|gx, gy, coverage| {
                    if coverage > 0.0 && failed.is_none() {
                        let at = (min.x as i32 + gx as i32, min.y as i32 + gy as i32);
                        let ink = color.mix(f64::from(coverage.min(1.0)));
                        if let Err(e) = self.area.draw_pixel(at, &ink) {
                            failed = Some(e);
                        }
                    }
                });
                if let Some(e) = failed {
                    return Err(de(e));
                }
            }
            pen += sf.h_advance(id);
            prev = Some(id);
        }
        Ok(())
    }

    pub(super) fn text_width(&self, s: &str, size: f64) -> Result<i32> {
        Ok(advance_width(s, size)?.ceil() as i32)
    }

    /// `s`, cut with "…" so that it is at most `max_w` pixels wide.
    pub(super) fn fit(&self, s: &str, size: f64, max_w: i32) -> Result<String> {
        if self.text_width(s, size)? <= max_w {
            return Ok(s.to_string());
        }
        let chars: Vec<char> = s.chars().collect();
        let (mut lo, mut hi) = (0, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let cand: String = chars[..mid].iter().collect::<String>() + "…";
            if self.text_width(&cand, size)? <= max_w {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Ok(chars[..lo].iter().collect::<String>() + "…")
    }

    pub(super) fn rect(
        &self,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        color: RGBColor,
    ) -> Result<()> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
            .map_err(de)
    }

    pub(super) fn outline(
        &self,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        color: RGBColor,
    ) -> Result<()> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.stroke_width(1)))
            .map_err(de)
    }

    pub(super) fn line(&self, pts: &[(i32, i32)], color: RGBColor, width: u32) -> Result<()> {
        self.area
            .draw(&PathElement::new(pts.to_vec(), color.stroke_width(width)))
            .map_err(de)
    }

    pub(super) fn dot(&self, center: (i32, i32), r: u32, color: RGBColor) -> Result<()> {
        self.area
            .draw(&Circle::new(center, r, color.filled()))
            .map_err(de)
    }

    /// A row of legend swatches starting at `x`; returns the x after the last item.
    pub(super) fn legend(&self, mut x: i32, y: i32, items: &[(String, Swatch)]) -> Result<i32> {
        for (label, swatch) in items {
            match *swatch {
                Swatch::Box(color) => {
                    self.rect((x, y - 8), (x + 16, y + 8), color)?;
                    if color == WHITE || color == NONE_CELL {
                        self.outline((x, y - 8), (x + 16, y + 8), RULE_LINE)?;
                    }
                }
                Swatch::Line(color) => self.line(&[(x, y), (x + 16, y)], color, 3)?,
                Swatch::Dot(color) => self.dot((x + 8, y), 4, color)?,
            }
            x += 22;
            self.text(label, (x, y), SMALL_SIZE, INK, HPos::Left)?;
            x += self.text_width(label, SMALL_SIZE)? + 26;
        }
        Ok(x)
    }
}

#[derive(Clone, Copy)]
pub(super) enum Swatch {
    Box(RGBColor),
    Line(RGBColor),
    Dot(RGBColor),
}

/// A "nice" tick step (1, 2 or 5 × 10^k) giving about `target` ticks up to `max`.
pub(super) fn nice_step(max: f64, target: usize) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * mag >= raw {
            return m * mag;
        }
    }
    10.0 * mag
}

/// Tick step and axis end for integer counts up to `max`.
pub(super) fn count_axis(max: u32) -> (u32, u32) {
    let step = (nice_step(f64::from(max.max(1)), 6) as u32).max(1);
    let end = max.max(1).div_ceil(step) * step;
    (step, end)
}
