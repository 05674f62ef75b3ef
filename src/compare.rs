//! Comparing transition cycles (`banzi compare --cycles 2016,2021[,2026]`): what changed
//! between consecutive cycles, team by team, per district and in total.
//!
//! Three kinds of result, all polars frames written as CSV and one XLSX:
//! - *deltas* of every structure figure of the report (`report::structure`), with the
//!   direction the rules want marked (women must rise: GEN-002; more young and more
//!   township experience are wanted by AGE-001 and EXP-001);
//! - *continuity* per team: who stayed in the same post, stayed in another post, left, is
//!   new; re-nomination and turnover shares;
//! - *moves*: people who sat on one unit's team in the earlier cycle and on another's in
//!   the later one (交流), with from and to; and units present in one cycle only (mergers,
//!   renamed units), reported rather than skipped.

use anyhow::{bail, Result};
use polars::prelude::*;
use std::path::Path;

use crate::output::{csv, xlsx};
use crate::rules::Context;
use crate::structure::{self, Structure};

/// Figures whose rise the rules want (the sign of a good change).
pub fn wanted_direction(figure: &str) -> Option<&'static str> {
    match figure {
        "women" | "principal_women" => Some("rise (GEN-002)"),
        "age_le30" | "age_31_35" | "principal_young" => Some("rise (AGE-001/002)"),
        "township_2y" => Some("rise (EXP-001)"),
        "minorities" => Some("rise (ETH-001)"),
        _ => None,
    }
}

/// The results of one comparison of consecutive cycles.
pub struct Comparison {
    pub deltas_teams: DataFrame,
    pub deltas_areas: DataFrame,
    pub deltas_totals: DataFrame,
    pub continuity: DataFrame,
    pub moves: DataFrame,
    pub unmatched: DataFrame,
}

/// Checks that the cycles exist and are at least two.
pub fn validate_cycles(ctx: &Context, cycles: &[String]) -> Result<()> {
    if cycles.len() < 2 {
        bail!("--cycles needs at least two cycles, e.g. 2016,2021");
    }
    let present: Vec<String> = ctx
        .seats
        .column("cycle")?
        .str()?
        .unique()?
        .iter()
        .flatten()
        .map(str::to_string)
        .collect();
    for c in cycles {
        if !present.contains(c) {
            bail!("cycle {c} has no slate rows (cycles on the slate: {})", {
                let mut p = present.clone();
                p.sort();
                p.join(", ")
            });
        }
    }
    Ok(())
}

/// Joins a structure table of two cycles on `keys` and computes `figure_delta` columns.
fn deltas(table: &DataFrame, keys: &[&str], from: &str, to: &str) -> PolarsResult<DataFrame> {
    let figures = structure::figure_columns();
    let side = |cycle: &str, suffix: &str| {
        let mut cols: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
        cols.extend(
            figures
                .iter()
                .map(|f| col(f.as_str()).alias(format!("{f}{suffix}"))),
        );
        table
            .clone()
            .lazy()
            .filter(col("cycle").eq(lit(cycle)))
            .select(cols)
    };
    let keys_e: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
    let mut args = JoinArgs::new(JoinType::Inner);
    args.nulls_equal = true;
    let mut lf = side(from, "_from").join(side(to, "_to"), keys_e.clone(), keys_e, args);
    let mut out: Vec<Expr> = vec![lit(from).alias("from_cycle"), lit(to).alias("to_cycle")];
    out.extend(keys.iter().map(|k| col(*k)));
    for f in &figures {
        out.push(col(format!("{f}_from").as_str()));
        out.push(col(format!("{f}_to").as_str()));
        out.push(
            (col(format!("{f}_to").as_str()).cast(DataType::Float64)
                - col(format!("{f}_from").as_str()).cast(DataType::Float64))
            .alias(format!("{f}_delta")),
        );
    }
    lf = lf.select(out);
    let sort_keys: Vec<&str> = keys.to_vec();
    lf.sort(
        sort_keys,
        SortMultipleOptions::default().with_maintain_order(true),
    )
    .collect()
}

/// Continuity and moves between `from` and `to`.
fn continuity(
    ctx: &Context,
    from: &str,
    to: &str,
) -> PolarsResult<(DataFrame, DataFrame, DataFrame)> {
    // One row per (cycle, unit, person) with the person's roles joined, for "same post".
    let people = |cycle: &str| {
        ctx.seats
            .clone()
            .lazy()
            .filter(col("cycle").eq(lit(cycle)).and(col("member")))
            .group_by_stable([col("unit_id"), col("unit_name"), col("person_id")])
            .agg([col("role")
                .sort(SortOptions::default())
                .str()
                .join("+", true)
                .alias("roles")])
    };
    let a = people(from).collect()?;
    let b = people(to).collect()?;
    let key = [col("unit_id"), col("person_id")];
    let full = a
        .clone()
        .lazy()
        .select([
            col("unit_id"),
            col("unit_name").alias("unit_name_a"),
            col("person_id"),
            col("roles").alias("roles_a"),
        ])
        .join(
            b.clone().lazy().select([
                col("unit_id"),
                col("unit_name").alias("unit_name_b"),
                col("person_id"),
                col("roles").alias("roles_b"),
            ]),
            key.clone(),
            key,
            JoinArgs::new(JoinType::Full).with_coalesce(JoinCoalesce::CoalesceColumns),
        )
        .with_column(
            col("unit_name_a")
                .fill_null(col("unit_name_b"))
                .alias("unit_name"),
        );
    let stayed_same = col("roles_a")
        .is_not_null()
        .and(col("roles_b").is_not_null())
        .and(col("roles_a").eq(col("roles_b")));
    let stayed_other = col("roles_a")
        .is_not_null()
        .and(col("roles_b").is_not_null())
        .and(col("roles_a").neq(col("roles_b")));
    let left = col("roles_a").is_not_null().and(col("roles_b").is_null());
    let new = col("roles_a").is_null().and(col("roles_b").is_not_null());
    let c = |e: Expr, n: &str| e.cast(DataType::UInt32).sum().alias(n);
    let cont = full
        .clone()
        .group_by_stable([col("unit_id")])
        .agg([
            col("unit_name").first().alias("unit_name"),
            c(col("roles_a").is_not_null(), "members_from"),
            c(col("roles_b").is_not_null(), "members_to"),
            c(stayed_same, "stayed_same_post"),
            c(stayed_other, "stayed_other_post"),
            c(left, "left"),
            c(new, "new"),
        ])
        .filter(
            col("members_from")
                .gt(lit(0))
                .and(col("members_to").gt(lit(0))),
        )
        .with_columns([
            ((col("stayed_same_post") + col("stayed_other_post")).cast(DataType::Float64)
                / col("members_from").cast(DataType::Float64))
            .alias("renomination_share"),
            (col("new").cast(DataType::Float64) / col("members_to").cast(DataType::Float64))
                .alias("turnover_share"),
        ])
        .with_columns([lit(from).alias("from_cycle"), lit(to).alias("to_cycle")])
        .sort(
            ["unit_id"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()?;
    let cont = cont.select([
        "from_cycle",
        "to_cycle",
        "unit_id",
        "unit_name",
        "members_from",
        "members_to",
        "stayed_same_post",
        "stayed_other_post",
        "left",
        "new",
        "renomination_share",
        "turnover_share",
    ])?;
    // Moves: in unit u1 at `from`, in another unit u2 at `to`.
    let moves = a
        .clone()
        .lazy()
        .select([
            col("person_id"),
            col("unit_id").alias("from_unit"),
            col("unit_name").alias("from_name"),
            col("roles").alias("from_roles"),
        ])
        .join(
            b.clone().lazy().select([
                col("person_id"),
                col("unit_id").alias("to_unit"),
                col("unit_name").alias("to_name"),
                col("roles").alias("to_roles"),
            ]),
            [col("person_id")],
            [col("person_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .filter(col("from_unit").neq(col("to_unit")))
        .with_columns([lit(from).alias("from_cycle"), lit(to).alias("to_cycle")])
        .select([
            col("from_cycle"),
            col("to_cycle"),
            col("person_id"),
            col("from_unit"),
            col("from_name"),
            col("from_roles"),
            col("to_unit"),
            col("to_name"),
            col("to_roles"),
        ])
        .sort(
            ["person_id", "from_unit", "to_unit"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()?;
    // Units with a team in one of the two cycles only.
    let units = |df: &DataFrame| {
        df.clone()
            .lazy()
            .select([col("unit_id"), col("unit_name")])
            .unique_stable(None, UniqueKeepStrategy::First)
    };
    let only = |x: &DataFrame, y: &DataFrame, label: &str| {
        units(x)
            .join(
                units(y),
                [col("unit_id")],
                [col("unit_id")],
                JoinArgs::new(JoinType::Anti),
            )
            .with_column(lit(label.to_string()).alias("present_in"))
    };
    let unmatched = concat([only(&a, &b, from), only(&b, &a, to)], UnionArgs::default())?
        .with_columns([lit(from).alias("from_cycle"), lit(to).alias("to_cycle")])
        .select([
            col("from_cycle"),
            col("to_cycle"),
            col("unit_id"),
            col("unit_name"),
            col("present_in"),
        ])
        .sort(
            ["unit_id"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()?;
    Ok((cont, moves, unmatched))
}

/// Compares each consecutive pair of `cycles`.
pub fn compare(ctx: &Context, s: &Structure, cycles: &[String]) -> Result<Comparison> {
    validate_cycles(ctx, cycles)?;
    let mut parts: Vec<[DataFrame; 6]> = Vec::new();
    for w in cycles.windows(2) {
        let (from, to) = (w[0].as_str(), w[1].as_str());
        let dt = deltas(
            &s.teams,
            &["parent_id", "unit_id", "unit_name", "kind"],
            from,
            to,
        )?;
        let da = deltas(&s.areas, &["parent_id"], from, to)?;
        let totals = s
            .totals
            .clone()
            .lazy()
            .with_column(lit("all").alias("total"))
            .collect()?;
        let dtot = deltas(&totals, &["total"], from, to)?;
        let (c, m, u) = continuity(ctx, from, to)?;
        parts.push([dt, da, dtot, c, m, u]);
    }
    let stack = |i: usize| -> PolarsResult<DataFrame> {
        let mut it = parts.iter().map(|p| p[i].clone());
        let mut first = it.next().expect("at least one pair");
        for df in it {
            first.vstack_mut(&df)?;
        }
        Ok(first)
    };
    Ok(Comparison {
        deltas_teams: stack(0)?,
        deltas_areas: stack(1)?,
        deltas_totals: stack(2)?,
        continuity: stack(3)?,
        moves: stack(4)?,
        unmatched: stack(5)?,
    })
}

/// Header labels of the comparison tables for people (the XLSX), Chinese or English: a
/// figure of two cycles (`women_from`, `women_to`, `women_delta`) is labelled as in the
/// structure tables with the side added. The CSV files keep the column codes.
pub fn header_label(column: &str, zh: bool) -> String {
    let (zh_label, en_label) = match column {
        "from_cycle" => ("前一届", "From cycle"),
        "to_cycle" => ("后一届", "To cycle"),
        "total" => ("合计", "Total"),
        "stayed_same_post" => ("留任原职", "Stayed in the same post"),
        "stayed_other_post" => ("留任他职", "Stayed in another post"),
        "left" => ("离任", "Left"),
        "new" => ("新进", "New"),
        "renomination_share" => ("留任比例", "Share staying"),
        "turnover_share" => ("新进比例", "Share new"),
        "person_id" => ("人员编号", "Person ID"),
        "from_unit" => ("原单位编号", "From unit ID"),
        "from_name" => ("原单位", "From unit"),
        "from_roles" => ("原职务", "Posts before"),
        "to_unit" => ("现单位编号", "To unit ID"),
        "to_name" => ("现单位", "To unit"),
        "to_roles" => ("现职务", "Posts after"),
        "present_in" => ("所在届次", "Present in"),
        _ => {
            let sides = [
                ("_from", "（前一届）", " (from)"),
                ("_to", "（后一届）", " (to)"),
                ("_delta", "（变化）", " (change)"),
            ];
            for (suffix, zh_side, en_side) in sides {
                if let Some(base) = column.strip_suffix(suffix) {
                    let side = if zh { zh_side } else { en_side };
                    return format!("{}{side}", structure::header_label(base, zh));
                }
            }
            return structure::header_label(column, zh);
        }
    };
    if zh { zh_label } else { en_label }.to_string()
}

/// Writes the comparison as CSV files (column codes) and one `compare.xlsx` (headers and
/// sheet names labelled for people, in Chinese when `zh`).
pub fn write(c: &Comparison, dir: &Path, zh: bool) -> Result<()> {
    let tables = [
        (
            "compare_deltas_teams",
            ("班子变化", "Team changes"),
            &c.deltas_teams,
        ),
        (
            "compare_deltas_areas",
            ("县区变化", "District changes"),
            &c.deltas_areas,
        ),
        (
            "compare_deltas_totals",
            ("合计变化", "Total changes"),
            &c.deltas_totals,
        ),
        (
            "compare_continuity",
            ("留任与新进", "Staying and new"),
            &c.continuity,
        ),
        ("compare_moves", ("人员交流", "Moves"), &c.moves),
        (
            "compare_unmatched_units",
            ("未匹配单位", "Unmatched units"),
            &c.unmatched,
        ),
    ];
    let mut book = xlsx::workbook()?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (name, (zh_sheet, en_sheet), df) in tables {
        csv::write_frame(df, &dir.join(format!("{name}.csv")))?;
        let sheet = book.add_worksheet();
        sheet.set_name(if zh { zh_sheet } else { en_sheet })?;
        xlsx::fill_sheet(sheet, df, &bold, &|column| header_label(column, zh))?;
    }
    xlsx::save(&mut book, &dir.join("compare.xlsx"))
}
