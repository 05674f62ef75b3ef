//! The delegate-structure charts of the briefing, drawn from the delegate table
//! ([`crate::delegates`]) of the shown cycle: per election the shares of frontline,
//! women, non-party, minority and re-elected delegates, the delegates of all elections by
//! occupation category, and the frontline share against the last term's (DEL-002 wants
//! it to rise). Nothing is drawn when the dataset has no election tables.

use anyhow::Result;
use polars::prelude::*;
use std::path::Path;

use super::charts::{
    Caption, ChartFile, CountBars, Direction, RuleCount, ShareBars, ShareKind, SlopeChart,
    SlopeLine, TeamShare,
};
use crate::dataset::elections::ElectionBody;
use crate::delegates::CATEGORIES;
use crate::rules::Lang;

/// One election's figures, as the charts need them.
struct Row {
    name: String,
    /// A 人大代表 election: the category figures (frontline, re-elected) are its rules'.
    pc: bool,
    figures: Vec<(String, f64)>,
}

impl Row {
    fn get(&self, k: &str) -> f64 {
        self.figures
            .iter()
            .find(|(n, _)| n == k)
            .map_or(0.0, |(_, v)| *v)
    }
}

fn rows(df: &DataFrame, cycle: &str, lang: Lang) -> PolarsResult<Vec<Row>> {
    let df = df
        .clone()
        .lazy()
        .filter(col("cycle").eq(lit(cycle)))
        .collect()?;
    let units = df.column("unit_name")?.str()?.clone();
    let bodies = df.column("body")?.str()?.clone();
    let mut out: Vec<Row> = (0..df.height())
        .map(|i| {
            let parsed = ElectionBody::parse(bodies.get(i).unwrap_or("")).ok();
            let body = parsed.map_or(String::new(), |b| {
                lang.pick(b.label_zh(), b.label_en()).to_string()
            });
            Row {
                name: format!("{} {body}", units.get(i).unwrap_or("")),
                pc: parsed == Some(ElectionBody::PcDelegates),
                figures: Vec::new(),
            }
        })
        .collect();
    for c in df.columns() {
        if crate::output::is_text(c.dtype()) {
            continue;
        }
        let v = c.cast(&DataType::Float64)?;
        for (i, x) in v.f64()?.iter().enumerate() {
            out[i]
                .figures
                .push((c.name().to_string(), x.unwrap_or(f64::NAN)));
        }
    }
    Ok(out)
}

/// Draws the delegate charts of `cycle` into `dir`; none without delegate rows.
pub fn draw(
    delegates: Option<&DataFrame>,
    cycle: &str,
    dir: &Path,
    caption: &Caption,
    lang: Lang,
) -> Result<Vec<ChartFile>> {
    let Some(df) = delegates else {
        return Ok(vec![]);
    };
    let rows = rows(df, cycle, lang)?;
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let mut files = Vec::new();
    // (figure, 中文 title, English title, file stem, 人大代表 elections only)
    let shares: [(&str, &str, &str, &str, bool); 5] = [
        (
            "frontline",
            "各选举基层一线代表占比",
            "Frontline share of delegates per election",
            "delegates-frontline",
            true,
        ),
        (
            "women",
            "各选举妇女代表占比",
            "Share of women delegates per election",
            "delegates-women",
            false,
        ),
        (
            "non_party",
            "各选举党外代表占比",
            "Share of non-CPC delegates per election",
            "delegates-nonparty",
            false,
        ),
        (
            "minorities",
            "各选举少数民族代表占比",
            "Share of ethnic-minority delegates per election",
            "delegates-minorities",
            false,
        ),
        (
            "incumbent",
            "各选举连任代表占比",
            "Share of re-elected delegates per election",
            "delegates-reelected",
            true,
        ),
    ];
    for (key, zh, en, stem, pc_only) in shares {
        let shown: Vec<&Row> = rows.iter().filter(|r| r.pc || !pc_only).collect();
        if shown.is_empty() {
            continue;
        }
        files.extend(
            ShareBars {
                caption: caption.clone(),
                kind: ShareKind::Other {
                    zh: zh.to_string(),
                    en: en.to_string(),
                },
                threshold: None,
                teams: shown
                    .iter()
                    .map(|r| TeamShare {
                        name: r.name.clone(),
                        count: r.get(key) as u32,
                        of: r.get("delegates") as u32,
                    })
                    .collect(),
            }
            .draw(dir, stem, lang)?,
        );
    }
    files.extend(
        CountBars {
            caption: Caption {
                title: Some(
                    lang.pick(
                        &format!("{cycle}年人大代表身份类别"),
                        &format!("PC delegates by occupation category, {cycle}"),
                    )
                    .to_string(),
                ),
                ..caption.clone()
            },
            rules: CATEGORIES
                .iter()
                .map(|(cat, code)| RuleCount {
                    label: lang.pick(cat.label_zh(), cat.label_en()).to_string(),
                    severity: None,
                    count: rows
                        .iter()
                        .filter(|r| r.pc)
                        .map(|r| r.get(code) as u32)
                        .sum(),
                })
                .collect(),
        }
        .draw(dir, "delegates-categories", lang)?,
    );
    let share = |r: &Row, k: &str, of: &str| r.get(k) / r.get(of);
    let compared: Vec<SlopeLine> = rows
        .iter()
        .filter(|r| r.pc && r.get("prev_delegates") > 0.0)
        .map(|r| SlopeLine {
            name: r.name.clone(),
            from: share(r, "prev_frontline", "prev_delegates"),
            to: share(r, "frontline", "delegates"),
        })
        .collect();
    if !compared.is_empty() {
        files.extend(
            SlopeChart {
                caption: Caption {
                    title: Some(
                        lang.pick(
                            "基层一线代表占比：本届与上届",
                            "Frontline share of delegates: this term and the last",
                        )
                        .to_string(),
                    ),
                    ..caption.clone()
                },
                from_label: lang.pick("上届", "Last term").to_string(),
                to_label: lang.pick("本届", "This term").to_string(),
                lines: compared,
                percent: true,
                wanted: Some(Direction::Rise),
            }
            .draw(dir, "delegates-frontline-change", lang)?,
        );
    }
    Ok(files)
}
