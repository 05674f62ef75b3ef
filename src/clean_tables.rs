//! The clean tables as the rest of banzi sees them, as polars frames: `cadres` with
//! normalised columns, `careers` with unit kind, role and leadership filled (whether read
//! from the careers table or parsed from résumés), and `facts` per cycle and person.
//!
//! `banzi normalize` writes these frames as CSV and Parquet for researchers and for
//! anyone who wants to see what the parsers made of their data; the checks build on the
//! same frames, so what is written is what is checked.

use anyhow::{Context, Result};
use polars::prelude::*;
use std::num::NonZeroU32;
use std::path::Path;

use crate::dataset::Dataset;
use crate::facts::Fact;
use crate::output::csv;

fn date_column(name: &str, days: Vec<Option<i32>>) -> PolarsResult<Column> {
    Column::new(name.into(), days).cast(&DataType::Date)
}

/// `cadres` as normalised.
pub fn cadres_frame(ds: &Dataset) -> PolarsResult<DataFrame> {
    let c = &ds.cadres;
    let n = c.len();
    DataFrame::new(
        n,
        vec![
            Column::new("person_id".into(), c.person_id.iter().collect::<Vec<_>>()),
            Column::new("name".into(), c.name.iter().collect::<Vec<_>>()),
            Column::new(
                "gender".into(),
                c.gender.iter().map(|g| g.code()).collect::<Vec<_>>(),
            ),
            date_column(
                "birth_date",
                c.birth.iter().map(|d| Some(d.days_since_epoch())).collect(),
            )?,
            Column::new(
                "birth_precision".into(),
                c.birth
                    .iter()
                    .map(|d| d.precision().label())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "ethnicity".into(),
                c.ethnicity.iter().map(|e| e.name()).collect::<Vec<_>>(),
            ),
            Column::new(
                "ethnicity_code".into(),
                c.ethnicity
                    .iter()
                    .map(|e| format!("{:02}", e.code))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "minority".into(),
                c.ethnicity
                    .iter()
                    .map(|e| e.is_minority())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "party".into(),
                c.party
                    .iter()
                    .map(|p| p.as_ref().map(|p| p.name()))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "party_group".into(),
                c.party
                    .iter()
                    .map(|p| {
                        p.as_ref()
                            .map(|p| crate::normalize::party::group_label(p.cpc()))
                    })
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "education".into(),
                c.education
                    .iter()
                    .map(|e| e.map(|e| e.label_zh()))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "specialties".into(),
                c.specialties.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            ),
            Column::new(
                "native_place".into(),
                c.native_place
                    .iter()
                    .map(|t| t.as_ref().map(|s| s.as_str()))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "staffing".into(),
                c.staffing
                    .iter()
                    .map(|t| t.as_ref().map(|s| s.as_str()))
                    .collect::<Vec<_>>(),
            ),
            Column::new("vetting_hold".into(), &c.vetting_hold),
        ],
    )
}

/// `careers` as read or parsed, with the matched unit and canonical role.
pub fn careers_frame(ds: &Dataset) -> PolarsResult<DataFrame> {
    let k = &ds.careers;
    let ids = &ds.cadres.person_id;
    DataFrame::new(
        k.len(),
        vec![
            Column::new(
                "person_id".into(),
                k.person
                    .iter()
                    .map(|&p| &ids[p as usize])
                    .collect::<Vec<_>>(),
            ),
            date_column(
                "start",
                k.starts().map(|d| Some(d.days_since_epoch())).collect(),
            )?,
            date_column(
                "end",
                k.ends().map(|d| d.map(|d| d.days_since_epoch())).collect(),
            )?,
            Column::new(
                "start_precision".into(),
                k.starts()
                    .map(|d| d.precision().label())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "end_precision".into(),
                k.ends()
                    .map(|d| d.map(|d| d.precision().label()))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "unit_id".into(),
                k.units()
                    .map(|u| u.map(|u| ds.units.unit_id[u as usize].as_str()))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "unit_name".into(),
                k.unit_name.iter().collect::<Vec<&str>>(),
            ),
            Column::new(
                "unit_kind".into(),
                k.unit_kind.iter().map(|u| u.label()).collect::<Vec<_>>(),
            ),
            Column::new("post".into(), k.post.iter().collect::<Vec<&str>>()),
            Column::new(
                "role".into(),
                k.role
                    .iter()
                    .map(|r| r.map(|r| r.code()))
                    .collect::<Vec<_>>(),
            ),
            Column::new("leadership".into(), &k.leadership),
            Column::new(
                "source".into(),
                k.source.iter().map(|s| s.label()).collect::<Vec<_>>(),
            ),
            Column::new("source_row".into(), &k.row),
            Column::new(
                "resume_line".into(),
                k.line
                    .iter()
                    .map(|l| l.map(NonZeroU32::get))
                    .collect::<Vec<_>>(),
            ),
        ],
    )
}

/// `facts`: one row per cycle, unit and person on the slate.
pub fn facts_frame(ds: &Dataset, facts: &[Fact]) -> PolarsResult<DataFrame> {
    let f = facts;
    fn s<'a>(f: &'a [Fact], get: impl Fn(&'a Fact) -> &'a str) -> Vec<&'a str> {
        f.iter().map(get).collect()
    }
    DataFrame::new(
        f.len(),
        vec![
            Column::new(
                "cycle".into(),
                s(f, |x| ds.cycles.cycle[x.cycle as usize].as_str()),
            ),
            Column::new(
                "unit_id".into(),
                s(f, |x| ds.units.unit_id[x.unit as usize].as_str()),
            ),
            Column::new(
                "person_id".into(),
                s(f, |x| &ds.cadres.person_id[x.person as usize]),
            ),
            Column::new("age".into(), f.iter().map(|x| x.age).collect::<Vec<_>>()),
            Column::new(
                "township_years".into(),
                f.iter().map(|x| x.township_years).collect::<Vec<_>>(),
            ),
            Column::new(
                "township_leadership".into(),
                f.iter().map(|x| x.township_leadership).collect::<Vec<_>>(),
            ),
            Column::new(
                "subdistrict_experience".into(),
                f.iter()
                    .map(|x| x.subdistrict_experience)
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "subdistrict_leadership".into(),
                f.iter()
                    .map(|x| x.subdistrict_leadership)
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "years_in_post".into(),
                f.iter().map(|x| x.years_in_post).collect::<Vec<_>>(),
            ),
            Column::new(
                "years_in_team".into(),
                f.iter().map(|x| x.years_in_team).collect::<Vec<_>>(),
            ),
            Column::new(
                "years_as_secretary".into(),
                f.iter().map(|x| x.years_as_secretary).collect::<Vec<_>>(),
            ),
            Column::new(
                "prior_posts".into(),
                f.iter().map(|x| x.prior_posts).collect::<Vec<_>>(),
            ),
        ],
    )
}

/// Sorts a frame by the given key columns (stable, so ties keep input order).
pub fn sorted(df: DataFrame, by: &[&str]) -> PolarsResult<DataFrame> {
    df.sort(
        by.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        SortMultipleOptions::default().with_maintain_order(true),
    )
}

/// Row counts of what [`write_all`] wrote.
pub struct Written {
    pub cadres: usize,
    pub careers: usize,
    pub facts: usize,
}

/// Writes `cadres`, `careers` and `facts` (sorted by their keys) as CSV and Parquet into
/// `dir` (`banzi normalize`).
pub fn write_all(ds: &Dataset, facts: &[Fact], dir: &Path) -> Result<Written> {
    let cadres = sorted(cadres_frame(ds)?, &["person_id"])?;
    let careers = sorted(careers_frame(ds)?, &["person_id", "start"])?;
    let facts = sorted(facts_frame(ds, facts)?, &["cycle", "unit_id", "person_id"])?;
    write_both(&cadres, dir, "cadres")?;
    write_both(&careers, dir, "careers")?;
    write_both(&facts, dir, "facts")?;
    Ok(Written {
        cadres: cadres.height(),
        careers: careers.height(),
        facts: facts.height(),
    })
}

/// Writes `name.csv` (through the one CSV writer) and `name.parquet` into `dir`. Text
/// that a spreadsheet would run as a formula is neutralised in both, since a Parquet file
/// is often turned into a workbook too.
fn write_both(df: &DataFrame, dir: &Path, name: &str) -> Result<()> {
    let mut df = csv::neutralised(df)?;
    csv::write_frame(&df, &dir.join(format!("{name}.csv")))?;
    let pq = dir.join(format!("{name}.parquet"));
    let file = std::fs::File::create(&pq).with_context(|| format!("creating {}", pq.display()))?;
    ParquetWriter::new(file)
        .finish(&mut df)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("writing {}", pq.display()))?;
    Ok(())
}
