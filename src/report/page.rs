//! Assembles the briefing of one cycle from the structure tables and the findings: the
//! charts (age bands per team, an age pyramid by gender, shares against their
//! thresholds, a compliance heat map, exceptions by rule, the delegate structure when the
//! dataset has election tables) and the HTML page with summary figures, the charts, the
//! exception list and a card per team.
//!
//! Charts stay readable at any size: up to [`MAX_TEAMS_PER_CHART`] teams are drawn one
//! row per team (paginated by `charts`); beyond that the per-team charts are drawn per
//! district or county (`units.parent_id`) instead, and the page keeps cards only for teams
//! with findings.

use anyhow::Result;
use polars::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::charts::{
    AgeBandBars, AgePyramid, Caption, ChartFile, ComplianceHeatmap, CountBars, Ratio, RuleCount,
    ShareBars, ShareKind, TeamBands, TeamCompliance, TeamShare,
};
use super::html::{self, ChartEntry, ExceptionRow, Page, TeamCard};
use crate::rules::{Context, Finding, Lang, Severity};
use crate::structure::Structure;

/// Most teams drawn one per row; above this, per-team charts aggregate by district.
pub const MAX_TEAMS_PER_CHART: usize = 300;

/// What the briefing is about.
pub struct Briefing<'a> {
    pub ctx: &'a Context,
    pub structure: &'a Structure,
    pub findings: &'a [Finding],
    pub cycle: String,
    pub as_of: String,
    pub source: String,
    pub lang: Lang,
    /// The comparison with the previous cycle (上届), when there is one: drawn as the
    /// page's "compared with 上届" charts.
    pub previous: Option<(&'a crate::compare::Comparison, String)>,
    /// Show progress on the terminal (stderr) while charts are drawn.
    pub progress: bool,
}

/// A one-line progress indicator on stderr, redrawn in place; silent when not asked for.
/// Its labels are in the report's language, like everything else the reader sees.
struct Progress {
    on: bool,
    lang: Lang,
    total: usize,
    done: usize,
}

impl Progress {
    /// Counts one step done, labelled `zh` or `en`.
    fn step(&mut self, zh: &str, en: &str) {
        let what = self.lang.pick(zh, en);
        self.done += 1;
        if self.on {
            let width = 24;
            let filled = width * self.done / self.total.max(1);
            eprint!(
                "\r[{}{}] {}/{} {what:<40}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.done,
                self.total
            );
            if self.done == self.total {
                eprintln!();
            }
        }
    }
}

/// [`Lang::pick`] as an owned string, for titles and captions.
pub(super) fn pick(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

/// One row (team or area) of the structure table for the cycle.
struct Row {
    id: String,
    name: String,
    figures: BTreeMap<String, u32>,
}

fn rows_of(
    df: &DataFrame,
    cycle: &str,
    id_col: &str,
    name: &dyn Fn(&str) -> String,
) -> PolarsResult<Vec<Row>> {
    let df = df
        .clone()
        .lazy()
        .filter(col("cycle").eq(lit(cycle)))
        .collect()?;
    let ids = df.column(id_col)?.str()?.clone();
    let mut rows: Vec<Row> = (0..df.height())
        .map(|i| {
            let id = ids.get(i).unwrap_or("").to_string();
            Row {
                name: name(&id),
                id,
                figures: BTreeMap::new(),
            }
        })
        .collect();
    for c in df.columns() {
        if crate::output::is_text(c.dtype()) {
            continue;
        }
        let v = c.cast(&DataType::Float64)?;
        for (i, x) in v.f64()?.iter().enumerate() {
            rows[i]
                .figures
                .insert(c.name().to_string(), x.unwrap_or(0.0).round() as u32);
        }
    }
    Ok(rows)
}

/// Writes the charts and `report.html` into `dir`; returns the chart files.
pub fn write(b: &Briefing, dir: &Path) -> Result<Vec<ChartFile>> {
    let lang = b.lang;
    let chart_dir = dir.join("charts");
    std::fs::create_dir_all(&chart_dir)?;
    let caption = Caption {
        title: None,
        source: b.source.clone(),
        as_of: b.as_of.clone(),
    };
    let teams = rows_of(&b.structure.teams, &b.cycle, "unit_id", &|id| {
        b.ctx.unit_name(id).to_string()
    })?;
    let by_area = teams.len() > MAX_TEAMS_PER_CHART;
    let rows = if by_area {
        rows_of(&b.structure.areas, &b.cycle, "parent_id", &|id| {
            b.ctx.area_name(id).to_string()
        })?
    } else {
        teams
    };
    let fig = |r: &Row, k: &str| r.figures.get(k).copied().unwrap_or(0);
    let mut files: Vec<ChartFile> = Vec::new();
    let mut progress = Progress {
        on: b.progress,
        lang,
        total: 10 + usize::from(b.previous.is_some()) + 1,
        done: 0,
    };
    let unit_word = if by_area {
        pick(b.lang, "（按县区汇总）", " (by district)")
    } else {
        String::new()
    };
    let titled = |zh: &str, en: &str| Caption {
        title: Some(format!("{}{}", pick(b.lang, zh, en), unit_word)),
        ..caption.clone()
    };

    files.extend(
        AgeBandBars {
            caption: titled("各班子年龄结构", "Age bands per team"),
            teams: rows
                .iter()
                .map(|r| TeamBands {
                    name: r.name.clone(),
                    counts: [
                        "age_le30",
                        "age_31_35",
                        "age_36_45",
                        "age_46_50",
                        "age_gt50",
                    ]
                    .map(|k| fig(r, k)),
                })
                .collect(),
        }
        .draw(&chart_dir, "age-bands", lang)?,
    );
    progress.step("年龄结构", "age bands");

    let (men, women) = pyramid(b.ctx, &b.cycle)?;
    files.extend(
        AgePyramid {
            caption: caption.clone(),
            scope: pick(b.lang, "全部", "all teams"),
            men,
            women,
        }
        .draw(&chart_dir, "age-pyramid", lang)?,
    );
    progress.step("年龄金字塔", "age pyramid");

    let shares: [(ShareKind, &str, Option<Ratio>, &str); 5] = [
        (
            ShareKind::Young,
            "age_young",
            Some(Ratio::new(1, 5)),
            "share-young",
        ),
        (
            ShareKind::TownshipExperience,
            "township_2y",
            Some(Ratio::new(2, 3)),
            "share-township",
        ),
        (ShareKind::Women, "women", None, "share-women"),
        (
            ShareKind::Minorities,
            "minorities",
            None,
            "share-minorities",
        ),
        (ShareKind::NonParty, "non_cpc", None, "share-nonparty"),
    ];
    for (kind, key, threshold, stem) in shares {
        let label = (kind_title(&kind, Lang::Zh), kind_title(&kind, Lang::En));
        let teams = rows
            .iter()
            .map(|r| TeamShare {
                name: r.name.clone(),
                count: if key == "age_young" {
                    fig(r, "age_le30") + fig(r, "age_31_35")
                } else {
                    fig(r, key)
                },
                of: fig(r, "members"),
            })
            .collect();
        let caption = if by_area {
            Caption {
                title: Some(format!("{}{}", kind_title(&kind, b.lang), unit_word)),
                ..caption.clone()
            }
        } else {
            caption.clone()
        };
        files.extend(
            ShareBars {
                caption,
                kind,
                threshold,
                teams,
            }
            .draw(&chart_dir, stem, lang)?,
        );
        progress.step(&label.0, &label.1);
    }

    let families = ComplianceHeatmap::default_families();
    let cycle_findings: Vec<&Finding> = b.findings.iter().filter(|f| f.cycle == b.cycle).collect();
    let key_of = |f: &Finding| -> Option<String> {
        if f.unit_id.is_empty() {
            return None;
        }
        if by_area {
            b.ctx.parent_of(&f.unit_id)
        } else {
            Some(f.unit_id.clone())
        }
    };
    let heat_rows: Vec<TeamCompliance> = rows
        .iter()
        .map(|r| {
            let mine = cycle_findings
                .iter()
                .filter(|f| key_of(f).as_deref() == Some(r.id.as_str()))
                .map(|f| (f.rule, f.severity));
            TeamCompliance::from_findings(r.name.clone(), &families, mine)
        })
        .collect();
    files.extend(
        ComplianceHeatmap {
            caption: titled(
                "各班子合规情况（按规则类别，最严重级别）",
                "Compliance per team (worst severity per rule family)",
            ),
            families,
            teams: heat_rows,
        }
        .draw(&chart_dir, "compliance", lang)?,
    );
    progress.step("合规情况", "compliance");

    let mut per_rule: BTreeMap<&str, (Option<Severity>, u32)> = BTreeMap::new();
    for f in &cycle_findings {
        let e = per_rule.entry(f.rule).or_insert((None, 0));
        e.0 = Some(e.0.map_or(f.severity, |worst| worst.min(f.severity)));
        e.1 += 1;
    }
    files.extend(
        CountBars {
            caption: caption.clone(),
            rules: per_rule
                .into_iter()
                .map(|(label, (severity, count))| RuleCount {
                    label: label.to_string(),
                    severity,
                    count,
                })
                .collect(),
        }
        .draw(&chart_dir, "exceptions-by-rule", lang)?,
    );
    progress.step("各规则例外数量", "exceptions by rule");

    files.extend(super::delegate_charts::draw(
        b.structure.delegates.as_ref(),
        &b.cycle,
        &chart_dir,
        &caption,
        lang,
    )?);
    progress.step("代表结构", "delegate structure");

    if let Some((comparison, prev)) = &b.previous {
        files.extend(super::compare_charts::draw(
            b.ctx, comparison, prev, &b.cycle, &chart_dir, lang, &caption,
        )?);
        progress.step("与上届对比", "compared with the previous cycle");
    }
    write_page(b, &files, dir.join("report.html"))?;
    progress.step("页面", "page");
    Ok(files)
}

fn kind_title(kind: &ShareKind, lang: Lang) -> String {
    match kind {
        ShareKind::Young => pick(lang, "35岁以下成员占比", "Share aged 35 or under"),
        ShareKind::TownshipExperience => pick(
            lang,
            "2年以上乡镇工作经历成员占比",
            "Share with 2+ years of township work",
        ),
        ShareKind::Women => pick(lang, "女性成员占比", "Share of women"),
        ShareKind::Minorities => pick(lang, "少数民族成员占比", "Share of minority members"),
        ShareKind::NonParty => pick(lang, "党外成员占比", "Share of non-CPC members"),
        ShareKind::Other { zh, en } => pick(lang, zh, en),
    }
}

/// Members of the cycle by age band, men and women.
fn pyramid(ctx: &Context, cycle: &str) -> PolarsResult<([u32; 5], [u32; 5])> {
    let df = ctx
        .members()
        .filter(col("cycle").eq(lit(cycle)))
        .select([col("age"), col("woman")])
        .collect()?;
    let ages = df.column("age")?.i32()?.clone();
    let women = df.column("woman")?.bool()?.clone();
    let mut m = [0u32; 5];
    let mut w = [0u32; 5];
    for (a, f) in ages.iter().zip(women.iter()) {
        let a = a.unwrap_or(0);
        let band = match a {
            ..=30 => 0,
            31..=35 => 1,
            36..=45 => 2,
            46..=50 => 3,
            _ => 4,
        };
        if f.unwrap_or(false) {
            w[band] += 1;
        } else {
            m[band] += 1;
        }
    }
    Ok((m, w))
}

fn row_of(f: &Finding, ctx: &Context) -> ExceptionRow {
    ExceptionRow {
        rule: f.rule.to_string(),
        severity: f.severity.code().to_string(),
        scope: f.scope.code().to_string(),
        cycle: f.cycle.clone(),
        unit_id: f.unit_id.clone(),
        unit_name: if f.unit_id.is_empty() {
            String::new()
        } else {
            ctx.unit_name(&f.unit_id).to_string()
        },
        person_id: f.person_id.clone(),
        observed: f.observed.clone(),
        expected: f.expected.clone(),
        message: f.message.clone(),
    }
}

fn write_page(b: &Briefing, files: &[ChartFile], path: PathBuf) -> Result<()> {
    let l = b.lang;
    let teams = rows_of(&b.structure.teams, &b.cycle, "unit_id", &|id| {
        b.ctx.unit_name(id).to_string()
    })?;
    let totals = rows_of(&b.structure.totals, &b.cycle, "cycle", &|_| String::new())?;
    let cycle_findings: Vec<&Finding> = b.findings.iter().filter(|f| f.cycle == b.cycle).collect();
    let count =
        |s: crate::rules::Severity| cycle_findings.iter().filter(|f| f.severity == s).count();
    let mut summary = vec![(pick(l, "班子", "teams"), teams.len().to_string())];
    if let Some(t) = totals.first() {
        let members = t.figures.get("members").copied().unwrap_or(0).max(1);
        let pct = |k: &str| {
            format!(
                "{:.1}%",
                100.0 * f64::from(t.figures.get(k).copied().unwrap_or(0)) / f64::from(members)
            )
        };
        let young = t.figures.get("age_le30").copied().unwrap_or(0)
            + t.figures.get("age_31_35").copied().unwrap_or(0);
        summary.push((pick(l, "班子成员", "members"), members.to_string()));
        summary.push((pick(l, "女性", "women"), pct("women")));
        summary.push((
            pick(l, "35岁以下", "aged ≤35"),
            format!("{:.1}%", 100.0 * f64::from(young) / f64::from(members)),
        ));
        summary.push((
            pick(l, "2年以上乡镇经历", "2+ years township"),
            pct("township_2y"),
        ));
    }
    summary.push((
        pick(l, "错误", "errors"),
        count(crate::rules::Severity::Error).to_string(),
    ));
    summary.push((
        pick(l, "警告", "warnings"),
        count(crate::rules::Severity::Warning).to_string(),
    ));
    summary.push((
        pick(l, "建议", "advice"),
        count(crate::rules::Severity::Advice).to_string(),
    ));

    let many = teams.len() > MAX_TEAMS_PER_CHART;
    let cards: Vec<TeamCard> = teams
        .iter()
        .filter_map(|t| {
            let findings: Vec<ExceptionRow> = cycle_findings
                .iter()
                .filter(|f| f.unit_id == t.id)
                .map(|f| row_of(f, b.ctx))
                .collect();
            if many && findings.is_empty() {
                return None;
            }
            let g = |k: &str| t.figures.get(k).copied().unwrap_or(0).to_string();
            let young = t.figures.get("age_le30").copied().unwrap_or(0)
                + t.figures.get("age_31_35").copied().unwrap_or(0);
            Some(TeamCard {
                name: t.name.clone(),
                cycle: b.cycle.clone(),
                figures: vec![
                    (pick(l, "成员", "members"), g("members")),
                    (pick(l, "职数", "posts"), g("posts")),
                    (pick(l, "35岁以下", "aged ≤35"), young.to_string()),
                    (pick(l, "女性", "women"), g("women")),
                    (pick(l, "少数民族", "minorities"), g("minorities")),
                    (
                        pick(l, "2年以上乡镇经历", "2+ yrs township"),
                        g("township_2y"),
                    ),
                ],
                findings,
            })
        })
        .collect();
    let page = Page {
        lang: l,
        title: pick(
            l,
            &format!("{}年换届领导班子结构分析", b.cycle),
            &format!("Leadership teams of the {} transition", b.cycle),
        ),
        subtitle: pick(
            l,
            &format!("数据来源：{}　基准日：{}", b.source, b.as_of),
            &format!("Data: {} · reference date {}", b.source, b.as_of),
        ),
        summary,
        charts: files
            .iter()
            .map(ChartEntry::from_chart_file)
            .collect::<Result<Vec<_>>>()?,
        exceptions: cycle_findings.iter().map(|f| row_of(f, b.ctx)).collect(),
        teams: cards,
        footer: pick(
            l,
            &format!("由 banzi {} 生成", env!("CARGO_PKG_VERSION")),
            &format!("Made by banzi {}", env!("CARGO_PKG_VERSION")),
        ),
    };
    html::write_page(&page, &path)
}
