//! Horizontal bars of a share per team against an optional threshold (1/5, 2/3, …); the
//! teams below it are drawn in the alert colour and the threshold as a line.

use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::bars::{bar_chart_size, Bars};
use super::canvas::*;
use super::inputs::*;
use super::pages::{PageInfo, Paint};

impl Paint for ShareBars {
    fn rows(&self) -> usize {
        self.teams.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        self.kind.title(lang)
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        bar_chart_size(rows)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let teams = &self.teams[page.rows.clone()];
        let labels: Vec<&str> = teams.iter().map(|t| t.name.as_str()).collect();
        // Two right-aligned value columns, "count/of" and the percentage, as wide as the
        // widest of all pages so that pages line up.
        let pct_w = c.text_width("100%", LABEL_SIZE)?;
        let mut frac_w = c.text_width("-", LABEL_SIZE)?;
        for t in &self.teams {
            frac_w = frac_w.max(c.text_width(&format!("{}/{}", t.count, t.of), LABEL_SIZE)?);
        }
        let b = Bars::new(c, &labels, frac_w + 14 + pct_w, teams.len())?;
        let frac_x = W as i32 - PAD - pct_w - 14;

        let mut legend = Vec::new();
        if let Some(t) = self.threshold {
            let share = format!("{}/{}", t.num, t.den);
            legend.push((lang.pick("达到要求", "Meets").to_string(), Swatch::Box(BAR)));
            legend.push((
                lang.pick("低于要求", "Below").to_string(),
                Swatch::Box(ALERT),
            ));
            legend.push((
                match lang {
                    Lang::Zh => format!("要求: 不低于{share}"),
                    Lang::En => format!("Required: at least {share}"),
                },
                Swatch::Line(THRESHOLD),
            ));
        }
        c.legend(PAD, LEGEND_Y, &legend)?;

        let ticks: Vec<(f64, String)> = (0..=5)
            .map(|k| (f64::from(k) * 0.2, format!("{}%", k * 20)))
            .collect();
        let half = b.frame(c, &labels, (&ticks, 1.0, lang.pick("占比", "Share")), lang)?;
        for (i, t) in teams.iter().enumerate() {
            let y = b.row_y(i);
            if t.of == 0 {
                b.value(c, i, "-", MUTED)?;
                continue;
            }
            let below = self.threshold.is_some_and(|r| !r.is_above(t.count, t.of));
            let color = if below { ALERT } else { BAR };
            // A zero share below the line still gets a sliver, so it reads as flagged.
            let xb = b.px(f64::from(t.count) / f64::from(t.of), 1.0);
            let xb = if below { xb.max(b.x0 + 4) } else { xb };
            if xb > b.x0 {
                c.rect((b.x0, y - half), (xb, y + half), color)?;
            }
            let ink = if below { THRESHOLD } else { INK };
            let pct = (f64::from(t.count) * 100.0 / f64::from(t.of)).round();
            let frac = format!("{}/{}", t.count, t.of);
            c.text(&frac, (frac_x, y), LABEL_SIZE, ink, HPos::Right)?;
            b.value(c, i, &format!("{pct}%"), ink)?;
        }
        b.base_line(c)?;
        if let Some(t) = self.threshold {
            let x = b.px(t.value(), 1.0);
            c.line(&[(x, b.top - 4), (x, b.bottom())], THRESHOLD, 2)?;
        }
        Ok(())
    }
}
