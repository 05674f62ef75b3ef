//! Horizontal bars of the exceptions per rule, coloured by the rule's severity.

use anyhow::Result;
use plotters::prelude::*;

use super::bars::{bar_chart_size, count_ticks, Bars};
use super::canvas::*;
use super::inputs::*;
use super::pages::{PageInfo, Paint};

impl Paint for CountBars {
    fn rows(&self) -> usize {
        self.rules.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        lang.pick("各规则例外数量", "Exceptions per rule")
            .to_string()
    }
    fn row_noun(&self, lang: Lang) -> &'static str {
        lang.pick("条规则", "rules")
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        bar_chart_size(rows)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let rules = &self.rules[page.rows.clone()];
        let labels: Vec<&str> = rules.iter().map(|r| r.label.as_str()).collect();
        let max = self.rules.iter().map(|r| r.count).max().unwrap_or(0);
        let b = Bars::new(
            c,
            &labels,
            c.text_width(&max.to_string(), LABEL_SIZE)?,
            rules.len(),
        )?;
        let (step, end) = count_axis(max);
        let endf = f64::from(end);

        let mut legend: Vec<(String, Swatch)> = Severity::ALL
            .iter()
            .filter(|s| self.rules.iter().any(|r| r.severity == Some(**s)))
            .map(|s| (s.label(lang).to_string(), Swatch::Box(s.color())))
            .collect();
        if self.rules.iter().any(|r| r.severity.is_none()) {
            legend.push((
                lang.pick("其他", "Other").to_string(),
                Swatch::Box(RULE_LINE),
            ));
        }
        c.legend(PAD, LEGEND_Y, &legend)?;

        let ticks = count_ticks(step, end);
        let desc = lang.pick("例外数", "Exceptions");
        let half = b.frame(c, &labels, (&ticks, endf, desc), lang)?;
        for (i, r) in rules.iter().enumerate() {
            let y = b.row_y(i);
            let color = r.severity.map_or(RULE_LINE, Severity::color);
            let xb = b.px(f64::from(r.count), endf);
            if xb > b.x0 {
                c.rect((b.x0, y - half), (xb, y + half), color)?;
            }
            b.value(c, i, &r.count.to_string(), INK)?;
        }
        b.base_line(c)
    }
}
