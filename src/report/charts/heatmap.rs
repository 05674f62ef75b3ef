//! The compliance heat map: teams × rule families, each cell coloured by the worst
//! severity found, with the family codes (and short names) as column headers.

use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::canvas::*;
use super::inputs::*;
use super::pages::{PageInfo, Paint};

/// The heat map's column headers: code and, in Chinese, a short name.
pub(super) fn family_name(code: &str, lang: Lang) -> Option<&'static str> {
    let (zh, en) = match code.to_ascii_uppercase().as_str() {
        "SIZE" => ("职数", "size"),
        "POST" => ("职位", "posts"),
        "AGE" => ("年龄", "age"),
        "GEN" => ("性别", "gender"),
        "ETH" => ("民族", "ethnicity"),
        "EXP" => ("经历", "experience"),
        "SPEC" => ("专业", "specialty"),
        "ROT" => ("交流任职", "rotation"),
        "ELIG" => ("任职资格", "eligibility"),
        "DEL" => ("代表结构", "delegates"),
        "DELEL" => ("代表资格", "delegate eligibility"),
        "EADM" => ("选举工作", "election administration"),
        _ => return None,
    };
    Some(lang.pick(zh, en))
}

pub(super) const HEAT_HEADER_H: i32 = 62;

impl Paint for ComplianceHeatmap {
    fn rows(&self) -> usize {
        self.teams.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        lang.pick(
            "各班子合规情况 (按规则类别的最严重级别)",
            "Compliance by team and rule family (worst severity)",
        )
        .to_string()
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        let rows = rows.max(MIN_ROWS) as i32;
        (
            W,
            (HEAD + HEAT_HEADER_H + rows * ROW_H + 16 + FOOT + 8) as u32,
        )
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let teams = &self.teams[page.rows.clone()];
        let mut legend: Vec<(String, Swatch)> = Severity::ALL
            .iter()
            .map(|s| (s.label(lang).to_string(), Swatch::Box(s.color())))
            .collect();
        legend.push((
            lang.pick("无例外", "None").to_string(),
            Swatch::Box(NONE_CELL),
        ));
        c.legend(PAD, LEGEND_Y, &legend)?;

        let mut label_w = 60;
        for t in teams {
            label_w = label_w.max(c.text_width(&t.name, LABEL_SIZE)?);
        }
        let label_w = label_w.min(MAX_LABEL_W);
        let x0 = PAD + label_w + 12;
        let nf = self.families.len().max(1) as i32;
        let cell_w = (W as i32 - PAD - x0) / nf;
        let head_top = HEAD;
        let top = HEAD + HEAT_HEADER_H;
        let code_size = if cell_w < 70 { SMALL_SIZE } else { LABEL_SIZE };
        for (j, fam) in self.families.iter().enumerate() {
            let cx = x0 + cell_w * j as i32 + cell_w / 2;
            let code = c.fit(fam, code_size, cell_w - 4)?;
            c.text(&code, (cx, head_top + 18), code_size, INK, HPos::Center)?;
            if let Some(name) = family_name(fam, lang) {
                let name = c.fit(name, SMALL_SIZE, cell_w - 4)?;
                c.text(&name, (cx, head_top + 44), SMALL_SIZE, MUTED, HPos::Center)?;
            }
        }
        if teams.is_empty() {
            let y = top + ROW_H * MIN_ROWS as i32 / 2;
            c.text(
                lang.pick("无数据", "No data"),
                ((x0 + W as i32 - PAD) / 2, y),
                LABEL_SIZE,
                MUTED,
                HPos::Center,
            )?;
        }
        for (i, t) in teams.iter().enumerate() {
            let y0 = top + ROW_H * i as i32;
            let y = y0 + ROW_H / 2;
            let name = c.fit(&t.name, LABEL_SIZE, label_w)?;
            c.text(&name, (x0 - 12, y), LABEL_SIZE, INK, HPos::Right)?;
            for j in 0..self.families.len() {
                let sev = t.worst.get(j).copied().flatten();
                let fill = sev.map_or(NONE_CELL, Severity::color);
                let xa = x0 + cell_w * j as i32;
                c.rect((xa + 1, y0 + 1), (xa + cell_w - 1, y0 + ROW_H - 1), fill)?;
                if let Some(s) = sev {
                    c.text(
                        s.label(lang),
                        (xa + cell_w / 2, y),
                        SMALL_SIZE,
                        text_on(fill),
                        HPos::Center,
                    )?;
                }
            }
        }
        Ok(())
    }
}
