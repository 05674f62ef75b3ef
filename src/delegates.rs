//! The delegate structure of the briefing (catalogue section 4, DEL-001…005): for each
//! election of delegates (人大代表, 党代会代表, 政协委员) with a list, its delegates by
//! occupation category (DELEL-007) and the women, minorities, non-party, frontline,
//! re-elected and leading-cadre delegates, beside the same figures of the election of
//! the last term (`elections.previous`). Delegates are counted as the rules count them:
//! the candidates elected, or the whole list before the vote.
//!
//! Written as `delegates.csv` (column codes) and as a sheet of `structure.xlsx`; the
//! report draws its charts from the same frame.

use polars::prelude::*;

use crate::dataset::elections::{Category, ElectionBody};
use crate::rules::Context;

/// The bodies whose members are delegates.
pub const BODIES: [ElectionBody; 3] = [
    ElectionBody::PcDelegates,
    ElectionBody::PartyCongress,
    ElectionBody::Cppcc,
];

/// The occupation categories, in display order, with their column codes.
pub const CATEGORIES: [(Category, &str); 7] = [
    (Category::Worker, "cat_worker"),
    (Category::Farmer, "cat_farmer"),
    (Category::Professional, "cat_professional"),
    (Category::Cadre, "cat_cadre"),
    (Category::EnterpriseHead, "cat_enterprise"),
    (Category::Military, "cat_military"),
    (Category::Other, "cat_other"),
];

/// The figures compared with the last term, as (column, previous column).
pub const COMPARED: [(&str, &str); 6] = [
    ("delegates", "prev_delegates"),
    ("women", "prev_women"),
    ("minorities", "prev_minorities"),
    ("non_party", "prev_non_party"),
    ("frontline", "prev_frontline"),
    ("incumbent", "prev_incumbent"),
];

fn count(e: Expr, name: &str) -> Expr {
    e.cast(DataType::UInt32).sum().alias(name)
}

/// One row per delegate election with delegates, sorted by cycle, unit and election;
/// `None` when the dataset has no election tables.
pub fn compute(ctx: &Context) -> PolarsResult<Option<DataFrame>> {
    let Some(ec) = ctx.elections.as_ref() else {
        return Ok(None);
    };
    let bodies = Series::new("b".into(), BODIES.map(|b| b.code()));
    let mut figures = vec![
        len().cast(DataType::UInt32).alias("delegates"),
        count(col("woman"), "women"),
        count(col("minority"), "minorities"),
        count(col("non_party"), "non_party"),
        count(col("frontline"), "frontline"),
        count(col("incumbent").fill_null(lit(false)), "incumbent"),
        count(col("leading"), "leading"),
    ];
    for (cat, code) in CATEGORIES {
        figures.push(count(
            col("category")
                .eq(lit(cat.label_zh()))
                .fill_null(lit(false)),
            code,
        ));
    }
    let per_election = ec
        .candidates()
        .filter(col("delegate").and(col("body").is_in(lit(bodies).implode(false), false)))
        .group_by_stable([col("election_id")])
        .agg(figures);
    let elections = ec.elections.clone().lazy().select([
        col("election_id"),
        col("cycle"),
        col("parent_id"),
        col("unit_id"),
        col("body"),
        // A categorical in the frame; the table gives its text.
        col("level").cast(DataType::String),
        col("seats"),
        col("previous"),
    ]);
    let rows = elections.join(
        per_election,
        [col("election_id")],
        [col("election_id")],
        JoinArgs::new(JoinType::Inner),
    );
    let prev = rows.clone().select(
        std::iter::once(col("election_id").alias("previous"))
            .chain(COMPARED.iter().map(|(c, p)| col(*c).alias(*p)))
            .collect::<Vec<_>>(),
    );
    // Unit names and the body's Chinese label, per election.
    let ids = ec.elections.column("election_id")?.str()?;
    let units = ec.elections.column("unit_id")?.str()?;
    let codes = crate::output::texts_of(ec.elections.column("body")?)?;
    let names: Vec<String> = units
        .iter()
        .map(|u| ctx.unit_name(u.unwrap_or("")).to_string())
        .collect();
    let labels: Vec<&str> = codes
        .iter()
        .map(|b| {
            crate::rules::election_context::body_of(b.unwrap_or("")).map_or("", |b| b.label_zh())
        })
        .collect();
    let unit_names = DataFrame::new(
        names.len(),
        vec![
            Column::new("election_id".into(), ids.clone().into_series()),
            Column::new("unit_name".into(), names),
            Column::new("body_label".into(), labels),
        ],
    )?
    .lazy();
    let mut columns = vec![
        col("cycle"),
        col("parent_id"),
        col("unit_id"),
        col("unit_name"),
        col("election_id"),
        col("body_label").alias("body"),
        col("level"),
        col("seats").cast(DataType::UInt32),
        col("delegates"),
    ];
    columns.extend(CATEGORIES.iter().map(|(_, c)| col(*c)));
    columns.extend(
        [
            "women",
            "minorities",
            "non_party",
            "frontline",
            "incumbent",
            "leading",
        ]
        .map(col),
    );
    columns.push(col("previous"));
    columns.extend(COMPARED.iter().map(|(_, p)| col(*p)));
    let df = rows
        .join(
            prev,
            [col("previous")],
            [col("previous")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            unit_names,
            [col("election_id")],
            [col("election_id")],
            JoinArgs::new(JoinType::Left),
        )
        .select(columns)
        .sort(
            ["cycle", "unit_id", "election_id"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()?;
    Ok(Some(df))
}

/// Header labels of the delegate sheet, Chinese or English.
pub fn header_label(column: &str, zh: bool) -> String {
    if let Some((cat, _)) = CATEGORIES.iter().find(|(_, c)| *c == column) {
        return if zh {
            cat.label_zh().to_string()
        } else {
            cat.label_en().to_string()
        };
    }
    let (z, e) = match column {
        "election_id" => ("选举编号", "Election ID"),
        "body" => ("选举类别", "Body"),
        "level" => ("层级", "Level"),
        "seats" => ("名额", "Seats"),
        "delegates" => ("代表", "Delegates"),
        "women" => ("妇女", "Women"),
        "minorities" => ("少数民族", "Minorities"),
        "non_party" => ("党外", "Non-CPC"),
        "frontline" => ("基层一线", "Frontline"),
        "incumbent" => ("连任", "Re-elected"),
        "leading" => ("领导干部", "Leading cadres"),
        "previous" => ("上届选举", "Previous election"),
        "prev_delegates" => ("上届代表", "Previous: delegates"),
        "prev_women" => ("上届妇女", "Previous: women"),
        "prev_minorities" => ("上届少数民族", "Previous: minorities"),
        "prev_non_party" => ("上届党外", "Previous: non-CPC"),
        "prev_frontline" => ("上届基层一线", "Previous: frontline"),
        "prev_incumbent" => ("上届连任", "Previous: re-elected"),
        other => return crate::structure::header_label(other, zh),
    };
    (if zh { z } else { e }).to_string()
}
