//! SIZE-011: a 街道 party congress has 100 to 200 delegates.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-011",
    name_zh: "街道党代会代表名额一般为100至200名",
    name_en: "Sub-district party congress of 100–200 delegates",
    scope: Scope::Team,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Warning),
    params: &[
        Param {
            name: "min",
            default: 100.0,
            min: 1.0,
            max: 10000.0,
            doc: "fewest delegate seats",
        },
        Param {
            name: "max",
            default: 200.0,
            min: 1.0,
            max: 10000.0,
            doc: "most delegate seats",
        },
    ],
    source: "004:L43",
    doc: r#"
## What it checks
Each 党代会代表 election of a 街道: `elections.seats` lies within [`min`, `max`], both
included.

## Why it matters
代表名额一般为100—200名，党员和党组织数量较多或较少的，可适当增加或减少 (004:L43): 一般
(generally), and the source allows adjustment, hence warning.

## Source
004:L43「代表名额一般为100--200名」

## Example
A 街道 congress of 90 seats: `SIZE-011 warning observed 90 delegate seats expected 100–200`
(中文: `代表名额90名`, `100–200名`).
"#,
};

pub struct Size011;

impl Rule for Size011 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let (min, max) = (
            s.get(crate::param!(META, "min")),
            s.get(crate::param!(META, "max")),
        );
        let seats = col("seats").cast(DataType::Float64);
        let rows = rows_of(
            ec.elections_of(ElectionBody::PartyCongress, s)
                .filter(seats.clone().lt(lit(min)).or(seats.gt(lit(max)))),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let n = rows.i("seats", i);
                let (min, max) = (min as i64, max as i64);
                let label = label_of(ctx, &rows, i, lang);
                let message = match lang {
                    Lang::Zh => format!("{label}代表名额{n}名，一般为{min}至{max}名。"),
                    Lang::En => format!("{label}: {n} delegate seats; {min} to {max} expected."),
                };
                let (observed, expected) = lang.pick(
                    (format!("代表名额{n}名"), format!("{min}–{max}名")),
                    (format!("{n} delegate seats"), format!("{min}–{max}")),
                );
                rows.finding_in(i, &META, Scope::Team, observed, expected, message)
            })
            .collect())
    }
}
