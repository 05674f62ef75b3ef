//! Structure tables of the briefing: per team, per district or county (`units.parent_id`)
//! and for all teams of a cycle, the figures the sources report (002:L27 and catalogue
//! section 4): members, age bands and mean age, women, minorities (and minority
//! secretaries), 党外, education levels, specialty coverage, township experience, and the
//! principal posts held by people aged 35 or under and by women.
//!
//! The figures are computed with polars over the same `members` and `seats` frames the
//! rules use (share figures count distinct persons, post figures count slate rows), and
//! written as CSV and XLSX with the same numbers in both.

use anyhow::Result;
use polars::prelude::*;
use std::path::Path;

use crate::output::{csv, xlsx};
use crate::rules::Context;

/// Age bands of 002:L27, as (column, upper bound inclusive).
pub const AGE_BANDS: [(&str, i32); 5] = [
    ("age_le30", 30),
    ("age_31_35", 35),
    ("age_36_45", 45),
    ("age_46_50", 50),
    ("age_gt50", i32::MAX),
];

/// Education levels in display order.
pub const EDUCATION: [&str; 5] = ["研究生", "大学", "大专", "中专", "高中及以下"];

/// Specialty areas counted (DIM-003), with the words that count for each.
pub const SPECIALTIES: [(&str, &[&str]); 5] = [
    ("spec_党务", &["党务", "党建"]),
    ("spec_经济", &["经济"]),
    ("spec_社会管理", &["社会"]),
    ("spec_法治", &["法治", "法律", "政法"]),
    ("spec_农林水牧", &["农林", "农业", "水牧", "畜牧"]),
];

/// The three structure tables, and the delegate structure when the dataset has election
/// tables ([`crate::delegates`]).
pub struct Structure {
    pub teams: DataFrame,
    pub areas: DataFrame,
    pub totals: DataFrame,
    pub delegates: Option<DataFrame>,
}

fn count(e: Expr, name: &str) -> Expr {
    e.cast(DataType::UInt32).sum().alias(name)
}

/// Per-person count expressions (aggregated over members).
fn member_figures() -> Vec<Expr> {
    let mut v = vec![len().cast(DataType::UInt32).alias("members")];
    let mut lower = i32::MIN;
    for (name, upper) in AGE_BANDS {
        v.push(count(
            col("age").gt(lit(lower)).and(col("age").lt_eq(lit(upper))),
            name,
        ));
        lower = upper;
    }
    v.push(col("age").sum().cast(DataType::Int64).alias("age_sum"));
    v.push(count(col("woman"), "women"));
    v.push(count(col("minority"), "minorities"));
    v.push(count(col("non_cpc").fill_null(lit(false)), "non_cpc"));
    for (i, e) in EDUCATION.iter().enumerate() {
        v.push(count(
            col("education").eq(lit(*e)).fill_null(lit(false)),
            &format!("edu_{i}"),
        ));
    }
    for (name, words) in SPECIALTIES {
        let any = words
            .iter()
            .map(|w| col("specialties").str().contains_literal(lit(*w)))
            .reduce(|a, b| a.or(b))
            .expect("words");
        v.push(count(any, name));
    }
    v.push(count(col("township_years").gt_eq(lit(2.0)), "township_2y"));
    v.push(count(col("township_leadership"), "township_leadership"));
    v
}

/// Per-post count expressions (aggregated over seats).
fn seat_figures() -> Vec<Expr> {
    vec![
        len().cast(DataType::UInt32).alias("posts"),
        count(col("principal"), "principal_posts"),
        count(
            col("principal").and(col("age").lt_eq(lit(35))),
            "principal_young",
        ),
        count(col("principal").and(col("woman")), "principal_women"),
        count(
            col("role").eq(lit("secretary")).and(col("minority")),
            "minority_secretaries",
        ),
    ]
}

/// Column order of every structure table after its keys.
pub fn figure_columns() -> Vec<String> {
    let mut v: Vec<String> = vec!["members".into(), "posts".into()];
    v.extend(AGE_BANDS.iter().map(|(n, _)| n.to_string()));
    v.push("mean_age".into());
    v.extend(["women", "minorities", "minority_secretaries", "non_cpc"].map(String::from));
    v.extend((0..EDUCATION.len()).map(|i| format!("edu_{i}")));
    v.extend(SPECIALTIES.iter().map(|(n, _)| n.to_string()));
    v.extend(
        [
            "township_2y",
            "township_leadership",
            "principal_posts",
            "principal_young",
            "principal_women",
        ]
        .map(String::from),
    );
    v
}

/// Sums the figures of `df` by `keys` (for areas and totals), recomputing the mean age.
fn roll_up(teams: LazyFrame, keys: &[&str]) -> LazyFrame {
    let sums: Vec<Expr> = figure_columns()
        .into_iter()
        .filter(|c| c != "mean_age")
        .chain(std::iter::once("age_sum".to_string()))
        .map(|c| col(c.as_str()).sum().alias(c.as_str()))
        .collect();
    teams
        .group_by_stable(keys.iter().map(|k| col(*k)).collect::<Vec<_>>())
        .agg(sums)
        .with_column(mean_age())
}

fn mean_age() -> Expr {
    ((col("age_sum").cast(DataType::Float64) / col("members").cast(DataType::Float64) * lit(10.0))
        .round(0, RoundMode::HalfAwayFromZero)
        / lit(10.0))
    .alias("mean_age")
}

/// Computes the three tables, sorted by their keys.
pub fn compute(ctx: &Context) -> PolarsResult<Structure> {
    // The seats hold `kind` as a categorical; the tables give it as text.
    let team_keys = [
        col("cycle"),
        col("parent_id"),
        col("unit_id"),
        col("unit_name"),
        col("kind").cast(DataType::String),
    ];
    let members = ctx
        .members()
        .group_by_stable(team_keys.clone())
        .agg(member_figures());
    let seats = ctx
        .seats
        .clone()
        .lazy()
        .group_by_stable(team_keys.clone())
        .agg(seat_figures());
    let teams = members
        .join(seats, team_keys.clone(), team_keys, {
            let mut args = JoinArgs::new(JoinType::Left);
            // Teams without a parent (no units table) still join with their seats.
            args.nulls_equal = true;
            args
        })
        .with_column(mean_age());
    let sort = |lf: LazyFrame, keys: &[&str]| {
        lf.sort(
            keys.to_vec(),
            SortMultipleOptions::default().with_maintain_order(true),
        )
    };
    let teams = sort(teams, &["cycle", "parent_id", "unit_id"]).collect()?;
    let areas = sort(
        roll_up(teams.clone().lazy(), &["cycle", "parent_id"]),
        &["cycle", "parent_id"],
    )
    .collect()?;
    let totals = sort(roll_up(teams.clone().lazy(), &["cycle"]), &["cycle"]).collect()?;
    let order = |df: DataFrame, keys: &[&str]| -> PolarsResult<DataFrame> {
        let mut cols: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        cols.extend(figure_columns());
        df.select(cols)
    };
    Ok(Structure {
        teams: order(
            teams,
            &["cycle", "parent_id", "unit_id", "unit_name", "kind"],
        )?,
        areas: order(areas, &["cycle", "parent_id"])?,
        totals: order(totals, &["cycle"])?,
        delegates: crate::delegates::compute(ctx)?,
    })
}

/// English names of [`EDUCATION`], in its order.
const EDUCATION_EN: [&str; 5] = [
    "postgraduate",
    "university",
    "college",
    "technical school",
    "high school or below",
];

/// English names of the specialty areas of [`SPECIALTIES`], by their Chinese name.
fn specialty_en(zh: &str) -> &str {
    match zh {
        "党务" => "party affairs",
        "经济" => "economy",
        "社会管理" => "social management",
        "法治" => "rule of law",
        "农林水牧" => "agriculture",
        other => other,
    }
}

/// Header labels of the structure tables for people (the XLSX), Chinese or English; the
/// CSV files keep the column codes, which scripts read.
pub fn header_label(column: &str, zh: bool) -> String {
    let edu = |i: usize, names: [&'static str; 5]| names.get(i).copied().unwrap_or("");
    let label = match (column, zh) {
        ("cycle", true) => "届次",
        ("parent_id", true) => "县区",
        ("unit_id", true) => "单位编号",
        ("unit_name", true) => "单位",
        ("kind", true) => "类型",
        ("members", true) => "班子成员",
        ("posts", true) => "职数",
        ("age_le30", true) => "30岁以下",
        ("age_31_35", true) => "31-35岁",
        ("age_36_45", true) => "36-45岁",
        ("age_46_50", true) => "46-50岁",
        ("age_gt50", true) => "50岁以上",
        ("mean_age", true) => "平均年龄",
        ("women", true) => "女干部",
        ("minorities", true) => "少数民族",
        ("minority_secretaries", true) => "少数民族书记",
        ("non_cpc", true) => "党外",
        ("township_2y", true) => "2年以上乡镇经历",
        ("township_leadership", true) => "乡镇领导经历",
        ("principal_posts", true) => "正职",
        ("principal_young", true) => "35岁以下正职",
        ("principal_women", true) => "女性正职",
        ("cycle", false) => "Cycle",
        ("parent_id", false) => "District",
        ("unit_id", false) => "Unit ID",
        ("unit_name", false) => "Unit",
        ("kind", false) => "Kind",
        ("members", false) => "Members",
        ("posts", false) => "Posts",
        ("age_le30", false) => "Aged 30 or under",
        ("age_31_35", false) => "Aged 31-35",
        ("age_36_45", false) => "Aged 36-45",
        ("age_46_50", false) => "Aged 46-50",
        ("age_gt50", false) => "Aged over 50",
        ("mean_age", false) => "Mean age",
        ("women", false) => "Women",
        ("minorities", false) => "Minorities",
        ("minority_secretaries", false) => "Minority secretaries",
        ("non_cpc", false) => "Non-CPC",
        ("township_2y", false) => "2+ years of township work",
        ("township_leadership", false) => "Township leadership",
        ("principal_posts", false) => "Principal posts",
        ("principal_young", false) => "Principals aged 35 or under",
        ("principal_women", false) => "Women principals",
        (c, true) if c.starts_with("edu_") => {
            return format!("学历:{}", edu(c[4..].parse().unwrap_or(99), EDUCATION))
        }
        (c, false) if c.starts_with("edu_") => {
            return format!(
                "Education: {}",
                edu(c[4..].parse().unwrap_or(99), EDUCATION_EN)
            )
        }
        (c, true) if c.starts_with("spec_") => return format!("熟悉{}", &c[5..]),
        (c, false) if c.starts_with("spec_") => {
            return format!("Specialty: {}", specialty_en(&c[5..]))
        }
        (c, _) => c,
    };
    label.to_string()
}

/// Writes `structure_{teams,areas,totals}.csv` and one `structure.xlsx` with three sheets,
/// and, when the dataset has election tables, `delegates.csv` and a fourth sheet.
pub fn write(s: &Structure, dir: &Path, zh: bool) -> Result<()> {
    let mut tables = vec![
        ("teams", &s.teams),
        ("areas", &s.areas),
        ("totals", &s.totals),
    ];
    for (name, df) in &tables {
        csv::write_frame(df, &dir.join(format!("structure_{name}.csv")))?;
    }
    if let Some(d) = &s.delegates {
        csv::write_frame(d, &dir.join("delegates.csv"))?;
        tables.push(("delegates", d));
    }
    write_xlsx(&tables, &dir.join("structure.xlsx"), zh)
}

fn write_xlsx(tables: &[(&str, &DataFrame)], path: &Path, zh: bool) -> Result<()> {
    let mut book = xlsx::workbook()?;
    let bold = rust_xlsxwriter::Format::new().set_bold().set_text_wrap();
    for (name, df) in tables {
        let sheet = book.add_worksheet();
        let sheet_name = match (*name, zh) {
            ("teams", true) => "班子",
            ("areas", true) => "县区",
            ("totals", true) => "合计",
            ("delegates", true) => "代表结构",
            (n, _) => n,
        };
        let label = |c: &str| {
            if *name == "delegates" {
                crate::delegates::header_label(c, zh)
            } else {
                header_label(c, zh)
            }
        };
        sheet.set_name(sheet_name)?;
        for (j, c) in df.columns().iter().enumerate() {
            let label = label(c.name());
            sheet.set_column_width(
                j as u16,
                (label.chars().count() as f64 * 1.8 + 2.0).clamp(8.0, 24.0),
            )?;
        }
        xlsx::fill_sheet(sheet, df, &bold, &label)?;
    }
    xlsx::save(&mut book, path)
}
