//! Charts of a cycle comparison (与上届对比): slope charts of key shares per district
//! between two cycles, new members per team, age bands of both cycles side by side per
//! district, and the flow of people between units (交流). Used by `banzi compare` and by
//! the "compared with 上届" section of the report page.

use anyhow::Result;
use polars::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

use super::charts::{
    AgeBandBars, Caption, ChartFile, Direction, FlowMatrix, Lang, ShareBars, ShareKind, SlopeChart,
    SlopeLine, TeamBands, TeamShare,
};
use super::page::pick;
use crate::compare::Comparison;
use crate::rules::Context;

/// The rows of a comparison table that compare cycle `from` with cycle `to`.
fn between(df: &DataFrame, from: &str, to: &str) -> PolarsResult<DataFrame> {
    df.clone()
        .lazy()
        .filter(
            col("from_cycle")
                .eq(lit(from))
                .and(col("to_cycle").eq(lit(to))),
        )
        .collect()
}

/// Where a unit is counted in a chart: the unit itself, or its district (parent) when
/// the chart is drawn per district.
fn place(ctx: &Context, unit_id: &str, by_district: bool) -> String {
    match by_district {
        true => ctx.parent_of(unit_id),
        false => None,
    }
    .unwrap_or_else(|| unit_id.to_string())
}

fn column_f64(df: &DataFrame, name: &str) -> PolarsResult<Vec<f64>> {
    Ok(df
        .column(name)?
        .cast(&DataType::Float64)?
        .f64()?
        .iter()
        .map(|v| v.unwrap_or(f64::NAN))
        .collect())
}

fn column_str(df: &DataFrame, name: &str) -> PolarsResult<Vec<String>> {
    Ok(df
        .column(name)?
        .str()?
        .iter()
        .map(|v| v.unwrap_or("").to_string())
        .collect())
}

/// Draws the comparison of `from` → `to` into `dir`, file stems prefixed with `prefix`.
pub fn draw(
    ctx: &Context,
    c: &Comparison,
    from: &str,
    to: &str,
    dir: &Path,
    lang: Lang,
    caption: &Caption,
) -> Result<Vec<ChartFile>> {
    let mut files = Vec::new();
    let stem = |s: &str| format!("compare-{from}-{to}-{s}");
    let areas = between(&c.deltas_areas, from, to)?;
    let names: Vec<String> = column_str(&areas, "parent_id")?
        .iter()
        .map(|id| ctx.area_name(id).to_string())
        .collect();
    let members_from = column_f64(&areas, "members_from")?;
    let members_to = column_f64(&areas, "members_to")?;
    let share = |num: &[f64], den: &[f64], i: usize| {
        if den[i] > 0.0 {
            num[i] / den[i]
        } else {
            f64::NAN
        }
    };
    let slopes: [(&str, &str, &str, &[&str]); 3] = [
        ("women", "女性成员占比", "Share of women", &["women"]),
        (
            "young",
            "35岁以下成员占比",
            "Share aged 35 or under",
            &["age_le30", "age_31_35"],
        ),
        (
            "township",
            "2年以上乡镇工作经历成员占比",
            "Share with 2+ years of township work",
            &["township_2y"],
        ),
    ];
    for (key, zh, en, cols) in slopes {
        let sum = |suffix: &str| -> PolarsResult<Vec<f64>> {
            let mut acc = vec![0.0; areas.height()];
            for c in cols {
                for (a, v) in acc
                    .iter_mut()
                    .zip(column_f64(&areas, &format!("{c}_{suffix}"))?)
                {
                    *a += v;
                }
            }
            Ok(acc)
        };
        let (a, b) = (sum("from")?, sum("to")?);
        let lines = (0..areas.height())
            .map(|i| SlopeLine {
                name: names[i].clone(),
                from: share(&a, &members_from, i),
                to: share(&b, &members_to, i),
            })
            .collect();
        files.extend(
            SlopeChart {
                caption: Caption {
                    title: Some(format!(
                        "{}{}",
                        pick(lang, zh, en),
                        pick(
                            lang,
                            &format!("（{from}与{to}，按县区）"),
                            &format!(" ({from} vs {to}, by district)")
                        )
                    )),
                    ..caption.clone()
                },
                from_label: from.to_string(),
                to_label: to.to_string(),
                lines,
                percent: true,
                wanted: Some(Direction::Rise),
            }
            .draw(dir, &stem(&format!("slope-{key}")), lang)?,
        );
    }

    let cont = between(&c.continuity, from, to)?;
    let unit_ids = column_str(&cont, "unit_id")?;
    let new = column_f64(&cont, "new")?;
    let members = column_f64(&cont, "members_to")?;
    // One bar per team, or per district beyond MAX_TEAMS_PER_CHART teams.
    let by_district = cont.height() > super::page::MAX_TEAMS_PER_CHART;
    let mut bars: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for i in 0..cont.height() {
        let key = place(ctx, &unit_ids[i], by_district);
        let bar = bars.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (0, 0)
        });
        bar.0 += new[i] as u32;
        bar.1 += members[i] as u32;
    }
    files.extend(
        ShareBars {
            caption: caption.clone(),
            kind: ShareKind::Other {
                zh: format!(
                    "{}新进成员占比（{to}相对{from}）",
                    if by_district {
                        "各县区班子"
                    } else {
                        "各班子"
                    }
                ),
                en: format!(
                    "Share of members new to the team ({to} against {from}{})",
                    if by_district { ", by district" } else { "" }
                ),
            },
            threshold: None,
            teams: order
                .iter()
                .map(|key| TeamShare {
                    name: ctx.unit_name(key).to_string(),
                    count: bars[key].0,
                    of: bars[key].1,
                })
                .collect(),
        }
        .draw(dir, &stem("turnover"), lang)?,
    );

    let bands = [
        "age_le30",
        "age_31_35",
        "age_36_45",
        "age_46_50",
        "age_gt50",
    ];
    let mut columns: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for b in bands {
        for suffix in ["from", "to"] {
            let key = format!("{b}_{suffix}");
            columns.insert(key.clone(), column_f64(&areas, &key)?);
        }
    }
    let mut rows = Vec::new();
    for (i, name) in names.iter().enumerate() {
        for (suffix, label) in [("from", from), ("to", to)] {
            let counts = bands.map(|b| columns[&format!("{b}_{suffix}")][i] as u32);
            rows.push(TeamBands {
                name: format!("{name} {label}"),
                counts,
            });
        }
    }
    files.extend(
        AgeBandBars {
            caption: Caption {
                title: Some(pick(
                    lang,
                    &format!("年龄结构：{from}与{to}（按县区）"),
                    &format!("Age bands: {from} and {to} (by district)"),
                )),
                ..caption.clone()
            },
            teams: rows,
        }
        .draw(dir, &stem("age-bands"), lang)?,
    );

    let moves = between(&c.moves, from, to)?;
    let from_units = column_str(&moves, "from_unit")?;
    let to_units = column_str(&moves, "to_unit")?;
    // Beyond MAX_TEAMS_PER_CHART units a unit-by-unit matrix is unreadable (and its
    // square would not fit in memory at national scale): moves are counted between
    // districts (the units' parents) instead.
    let units: std::collections::BTreeSet<&str> = from_units
        .iter()
        .chain(&to_units)
        .map(String::as_str)
        .collect();
    let by_district = units.len() > super::page::MAX_TEAMS_PER_CHART;
    let from_places: Vec<String> = from_units
        .iter()
        .map(|u| place(ctx, u, by_district))
        .collect();
    let to_places: Vec<String> = to_units
        .iter()
        .map(|u| place(ctx, u, by_district))
        .collect();
    let ids: Vec<&str> = from_places
        .iter()
        .chain(&to_places)
        .map(String::as_str)
        .collect::<std::collections::BTreeSet<&str>>()
        .into_iter()
        .collect();
    let pos: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut counts = vec![vec![0u32; ids.len()]; ids.len()];
    for (a, b) in from_places.iter().zip(&to_places) {
        counts[pos[a.as_str()]][pos[b.as_str()]] += 1;
    }
    let title = by_district.then(|| {
        pick(
            lang,
            &format!("各县区之间的人员交流 ({from}→{to})"),
            &format!("People moving between districts ({from} → {to})"),
        )
    });
    files.extend(
        FlowMatrix {
            caption: Caption {
                title: title.or(caption.title.clone()),
                ..caption.clone()
            },
            from_label: from.to_string(),
            to_label: to.to_string(),
            units: ids.iter().map(|id| ctx.unit_name(id).to_string()).collect(),
            counts,
        }
        .draw(dir, &stem("flow"), lang)?,
    );
    Ok(files)
}
