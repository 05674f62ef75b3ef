//! The age pyramid by gender: men to the left and women to the right of the band labels,
//! oldest band on top. Always one page.

use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::canvas::*;
use super::inputs::*;
use super::pages::{PageInfo, Paint};

impl Paint for AgePyramid {
    fn rows(&self) -> usize {
        0
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        match (lang, self.scope.is_empty()) {
            (Lang::Zh, true) => "班子成员年龄结构 (按性别)".to_string(),
            (Lang::Zh, false) => format!("{}班子成员年龄结构 (按性别)", self.scope),
            (Lang::En, true) => "Age pyramid of team members by gender".to_string(),
            (Lang::En, false) => format!("Age pyramid of team members by gender: {}", self.scope),
        }
    }
    fn size(&self, _rows: usize) -> (u32, u32) {
        (W, (HEAD + 5 * PYRAMID_ROW_H + AXIS_H + FOOT + 8) as u32)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let men: u32 = self.men.iter().sum();
        let women: u32 = self.women.iter().sum();
        let (men_label, women_label) = match lang {
            Lang::Zh => (format!("男 ({men}人)"), format!("女 ({women}人)")),
            Lang::En => (format!("Men ({men})"), format!("Women ({women})")),
        };
        c.legend(
            PAD,
            LEGEND_Y,
            &[
                (men_label, Swatch::Box(MEN)),
                (women_label, Swatch::Box(WOMEN)),
            ],
        )?;

        // Men grow left from the centre column, women right; band labels in the middle.
        let mid = W as i32 / 2;
        let col = 56; // half-width of the band-label column
        let top = HEAD;
        let bottom = top + 5 * PYRAMID_ROW_H;
        let reach = mid - col - PAD - 10;
        let max = self
            .men
            .iter()
            .chain(&self.women)
            .copied()
            .max()
            .unwrap_or(0);
        // Headroom for the count written at the end of the longest bar.
        let (step, end) = count_axis(((f64::from(max)) * 1.15).ceil() as u32);
        let endf = f64::from(end);
        let scale = |v: u32| ((f64::from(v) / endf) * f64::from(reach)).round() as i32;
        for k in 0..=end / step {
            let v = k * step;
            let d = scale(v);
            for x in [mid - col - d, mid + col + d] {
                c.line(&[(x, top), (x, bottom)], GRID, 1)?;
                c.line(&[(x, bottom), (x, bottom + 5)], MUTED, 1)?;
                c.text(
                    &v.to_string(),
                    (x, bottom + 20),
                    SMALL_SIZE,
                    MUTED,
                    HPos::Center,
                )?;
            }
        }
        c.line(
            &[(mid - col - reach, bottom), (mid - col, bottom)],
            MUTED,
            1,
        )?;
        c.line(
            &[(mid + col, bottom), (mid + col + reach, bottom)],
            MUTED,
            1,
        )?;
        c.text(
            lang.pick("人数", "Members"),
            (mid, bottom + 48),
            SMALL_SIZE,
            INK,
            HPos::Center,
        )?;
        let half = (PYRAMID_ROW_H as f64 * 0.36) as i32;
        // Oldest band on top.
        for (row, k) in (0..5).rev().enumerate() {
            let y = top + PYRAMID_ROW_H * row as i32 + PYRAMID_ROW_H / 2;
            let band = match lang {
                Lang::Zh => format!("{}岁", AGE_BANDS[k]),
                Lang::En => AGE_BANDS[k].to_string(),
            };
            c.text(&band, (mid, y), LABEL_SIZE, INK, HPos::Center)?;
            let (m, w) = (self.men[k], self.women[k]);
            let dm = scale(m);
            let dw = scale(w);
            if m > 0 {
                c.rect((mid - col - dm, y - half), (mid - col, y + half), MEN)?;
            }
            if w > 0 {
                c.rect((mid + col, y - half), (mid + col + dw, y + half), WOMEN)?;
            }
            c.text(
                &m.to_string(),
                (mid - col - dm - 8, y),
                LABEL_SIZE,
                INK,
                HPos::Right,
            )?;
            c.text(
                &w.to_string(),
                (mid + col + dw + 8, y),
                LABEL_SIZE,
                INK,
                HPos::Left,
            )?;
        }
        c.line(&[(mid - col, top), (mid - col, bottom)], MUTED, 1)?;
        c.line(&[(mid + col, top), (mid + col, bottom)], MUTED, 1)
    }
}

pub(super) const PYRAMID_ROW_H: i32 = 64;
