//! Stacked horizontal bars: the members of each team by age band, one row per team.

use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::bars::{bar_chart_size, count_ticks, Bars};
use super::canvas::*;
use super::inputs::*;
use super::pages::{PageInfo, Paint};

impl Paint for AgeBandBars {
    fn rows(&self) -> usize {
        self.teams.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        lang.pick("各班子成员年龄结构", "Age bands of each team")
            .to_string()
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        bar_chart_size(rows)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let teams = &self.teams[page.rows.clone()];
        let labels: Vec<&str> = teams.iter().map(|t| t.name.as_str()).collect();
        let totals: Vec<u32> = teams.iter().map(|t| t.counts.iter().sum()).collect();
        let values: Vec<String> = totals
            .iter()
            .map(|n| match lang {
                Lang::Zh => format!("{n}人"),
                Lang::En => n.to_string(),
            })
            .collect();
        // The axis and the value column are shared by all pages, so that pages compare.
        let max = self
            .teams
            .iter()
            .map(|t| t.counts.iter().sum())
            .max()
            .unwrap_or(0);
        let value_w = c.text_width(&format!("{max}{}", lang.pick("人", "")), LABEL_SIZE)?;
        let b = Bars::new(c, &labels, value_w, teams.len())?;
        let (step, end) = count_axis(max);
        let endf = f64::from(end);

        let legend: Vec<(String, Swatch)> = AGE_BANDS
            .iter()
            .zip(BAND_COLORS)
            .map(|(band, color)| {
                let label = match lang {
                    Lang::Zh => format!("{band}岁"),
                    Lang::En => band.to_string(),
                };
                (label, Swatch::Box(color))
            })
            .collect();
        c.legend(PAD, LEGEND_Y, &legend)?;

        let ticks = count_ticks(step, end);
        let half = b.frame(
            c,
            &labels,
            (&ticks, endf, lang.pick("人数", "Members")),
            lang,
        )?;
        for (i, t) in teams.iter().enumerate() {
            let y = b.row_y(i);
            let mut acc = 0u32;
            for (k, &n) in t.counts.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let xa = b.px(f64::from(acc), endf);
                acc += n;
                let xb = b.px(f64::from(acc), endf);
                c.rect((xa, y - half), (xb, y + half), BAND_COLORS[k])?;
                let s = n.to_string();
                if xb - xa >= c.text_width(&s, SMALL_SIZE)? + 6 {
                    c.text(
                        &s,
                        ((xa + xb) / 2, y),
                        SMALL_SIZE,
                        text_on(BAND_COLORS[k]),
                        HPos::Center,
                    )?;
                }
            }
            b.value(c, i, &values[i], INK)?;
        }
        b.base_line(c)
    }
}
