//! `banzi find`: condition matching (条件匹配) over the cadres who hold no seat in a
//! cycle, as the departments' systems do it, with what those systems leave out: the
//! person rules judge each candidate on the post sought, and a candidate who would fix a
//! breach of that team ranks first, with the reason shown.
//!
//! Hard exclusions are those an officer could not argue away: a vetting hold (ELIG-001),
//! kin on the team (ROT-006), an age the age rules would flag for the post with the
//! nomination the candidate would have (AGE-003/004/005). Other person rules (tenure,
//! native place, sub-district experience) are shown as cautions and lower the rank.

use crate::remedy::seat_rules::threshold;
use anyhow::{bail, Result};
use std::collections::BTreeSet;
use std::path::Path;

use super::seat_rules::{self, InForce, Seat};
use super::table::{Cell, Table};
use crate::dataset::Dataset;
use crate::facts::{self, Fact};
use crate::normalize::education::Education;
use crate::normalize::gender::Gender;
use crate::normalize::role::{Body, Role};
use crate::pipeline::Run;
use crate::rules::{at_least, Finding, Lang, Scope};

/// What an officer asks of a candidate.
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    pub age_min: Option<i32>,
    pub age_max: Option<i32>,
    pub gender: Option<Gender>,
    pub township_years_min: Option<f64>,
    /// At least this level.
    pub education: Option<Education>,
    /// Every one of these among the specialties (as words contained).
    pub specialties: Vec<String>,
    /// Only persons who hold no vetting hold, etc. are listed; `include_excluded` lists
    /// the excluded too, marked, for an officer who wants to see why someone is missing.
    pub include_excluded: bool,
}

/// The post sought: `--for T05:镇长`.
#[derive(Debug, Clone)]
pub struct Target {
    pub unit: u32,
    pub role: Role,
    pub body: Body,
    pub post: String,
}

impl Target {
    /// Parses `UNIT:POST` against the dataset.
    pub fn parse(ds: &Dataset, text: &str) -> Result<Target> {
        let Some((unit, post)) = text.split_once([':', '：']) else {
            bail!("--for {text:?}: expected UNIT:POST, e.g. T05:镇长");
        };
        let Some(&u) = ds.units.index.get(unit.trim()) else {
            bail!("--for {text:?}: unit {} is not in units", unit.trim());
        };
        let role = Role::parse(post.trim()).map_err(|e| anyhow::anyhow!("--for {text:?}: {e}"))?;
        Ok(Target {
            unit: u,
            role,
            body: crate::roster::seats::body_of(post.trim(), role),
            post: post.trim().to_string(),
        })
    }
}

/// One candidate of the roster.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub person: u32,
    pub fact: Fact,
    /// Rule codes of the team's current breaches this candidate would fix.
    pub fixes: Vec<&'static str>,
    /// Why the candidate fits, and cautions, as sentences.
    pub reasons: Vec<String>,
    /// Rules that exclude the candidate (empty = eligible).
    pub excluded_by: Vec<&'static str>,
    pub score: f64,
}

/// The candidates for a cycle (and a post), ranked.
pub struct Found {
    pub cycle: u32,
    pub target: Option<Target>,
    /// The current holder of the post, replaced by the candidate (`None`: a seat is added).
    pub holder: Option<u32>,
    pub candidates: Vec<Candidate>,
    /// Persons of the pool before the conditions.
    pub pool_size: usize,
}

/// The pool: every cadre without a seat in `cycle`, or those of `ids` (a pool file).
pub fn pool(ds: &Dataset, cycle: u32, ids: Option<&[u32]>) -> Vec<u32> {
    let seated: BTreeSet<u32> = (0..ds.slate.len())
        .filter(|&i| ds.slate.cycle[i] == cycle)
        .map(|i| ds.slate.person[i])
        .collect();
    match ids {
        Some(ids) => {
            let mut v: Vec<u32> = ids
                .iter()
                .copied()
                .filter(|p| !seated.contains(p))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        }
        None => (0..ds.cadres.len() as u32)
            .filter(|p| !seated.contains(p))
            .collect(),
    }
}

/// Reads a pool file: one person id a line, or a CSV with a `person_id` column. Ids not
/// in cadres are an error naming the line.
pub fn read_pool(ds: &Dataset, path: &Path) -> Result<Vec<u32>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read it: {e}", path.display()))?;
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines().enumerate();
    let mut column = 0usize;
    let first = text.lines().next().unwrap_or("");
    let header: Vec<&str> = first.split(',').map(str::trim).collect();
    if let Some(k) = header
        .iter()
        .position(|h| *h == "person_id" || *h == "人员编号")
    {
        column = k;
        lines.next();
    }
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for (i, line) in lines {
        let Some(id) = line.split(',').nth(column).map(str::trim) else {
            continue;
        };
        if id.is_empty() {
            continue;
        }
        match ds.cadres.position(id) {
            Some(p) => ids.push(p),
            None => unknown.push(format!("line {}: person {id} is not in cadres", i + 1)),
        }
    }
    if !unknown.is_empty() {
        bail!("{}: {}", path.display(), unknown.join("; "));
    }
    Ok(ids)
}

/// The members of a team (distinct persons on member seats, as the share rules count
/// them) with their facts.
pub fn team_members(run: &Run, cycle: u32, unit: u32) -> Vec<&Fact> {
    let s = &run.ds.slate;
    let members: BTreeSet<u32> = (0..s.len())
        .filter(|&i| {
            s.cycle[i] == cycle && s.unit[i] == unit && s.role[i].is_team_member(s.body[i])
        })
        .map(|i| s.person[i])
        .collect();
    run.facts
        .iter()
        .filter(|f| f.cycle == cycle && f.unit == unit && members.contains(&f.person))
        .collect()
}

/// The rule codes selected in a run.
pub fn selected(run: &Run) -> Vec<&'static str> {
    run.plan.rules.iter().map(|r| r.meta().code).collect()
}

/// Searches the pool of `cycle` under `cond`, for `target` when given.
pub fn find(
    run: &Run,
    cycle: u32,
    target: Option<Target>,
    cond: &Conditions,
    pool_ids: Option<&[u32]>,
) -> Result<Found> {
    let ds = &*run.ds;
    let lang = run.lang();
    let rules = InForce::new(&run.plan.config, &selected(run));
    let people = pool(ds, cycle, pool_ids);
    let pool_size = people.len();
    // Facts as if seated on the target (or nowhere: unit u32::MAX has no careers).
    let (unit, role) = target
        .as_ref()
        .map_or((u32::MAX, Role::Member), |t| (t.unit, t.role));
    let facts = if unit == u32::MAX {
        // A unit that is no unit: age and township years, no tenure in it.
        let mut v = Vec::with_capacity(people.len());
        let seats: Vec<_> = people.iter().map(|&p| (cycle, 0, p, role)).collect();
        for mut f in facts::compute_seats(ds, &run.plan.fact_options(), seats) {
            f.years_in_post = 0.0;
            f.years_in_team = 0.0;
            f.years_as_secretary = 0.0;
            v.push(f);
        }
        v
    } else {
        let seats: Vec<_> = people.iter().map(|&p| (cycle, unit, p, role)).collect();
        facts::compute_seats(ds, &run.plan.fact_options(), seats)
    };
    let s = &ds.slate;
    let holder = target.as_ref().and_then(|t| {
        (0..s.len())
            .find(|&i| s.cycle[i] == cycle && s.unit[i] == t.unit && s.role[i] == t.role)
            .map(|i| s.person[i])
    });
    let team = target
        .as_ref()
        .map(|t| TeamView::new(run, cycle, t.unit, holder));
    let mut out = Vec::new();
    for f in facts {
        let p = f.person;
        if !meets(ds, p, &f, cond) {
            continue;
        }
        let mut c = Candidate {
            person: p,
            fact: f.clone(),
            fixes: Vec::new(),
            reasons: Vec::new(),
            excluded_by: Vec::new(),
            score: 0.0,
        };
        if ds.cadres.vetting_hold[p as usize] {
            c.excluded_by.push("ELIG-001");
        }
        if let (Some(t), Some(team)) = (&target, &team) {
            let seat = Seat {
                cycle,
                unit: t.unit,
                role: t.role,
                body: t.body,
                nomination: super::changes::infer_nomination(ds, cycle, t.unit, p),
            };
            for (code, _) in seat_rules::breaches(ds, &rules, p, &f, &seat) {
                match code {
                    "ELIG-001" => {}
                    "AGE-003" | "AGE-004" | "AGE-005" => c.excluded_by.push(code),
                    _ => {
                        c.score -= 5.0;
                        c.reasons.push(match lang {
                            Lang::Zh => format!("注意：{code}"),
                            Lang::En => format!("caution: {code}"),
                        });
                    }
                }
            }
            let kin = seat_rules::kin_of(ds, p);
            if team
                .members
                .iter()
                .any(|m| Some(m.person) != holder && kin.contains(&m.person))
            {
                c.excluded_by.push("ROT-006");
            }
            team.judge(run, &rules, &mut c, lang);
        }
        fit(ds, &mut c, lang);
        c.excluded_by.sort_unstable();
        c.excluded_by.dedup();
        if c.excluded_by.is_empty() || cond.include_excluded {
            out.push(c);
        }
    }
    out.sort_by(|a, b| {
        (a.excluded_by.is_empty(), a.fixes.len(), a.score)
            .partial_cmp(&(b.excluded_by.is_empty(), b.fixes.len(), b.score))
            .unwrap_or(std::cmp::Ordering::Equal)
            .reverse()
            .then(
                ds.cadres.person_id[a.person as usize].cmp(&ds.cadres.person_id[b.person as usize]),
            )
    });
    Ok(Found {
        cycle,
        target,
        holder,
        candidates: out,
        pool_size,
    })
}

/// Whether a person meets the conditions.
fn meets(ds: &Dataset, p: u32, f: &Fact, cond: &Conditions) -> bool {
    let c = &ds.cadres;
    let p = p as usize;
    cond.age_min.is_none_or(|a| f.age >= a)
        && cond.age_max.is_none_or(|a| f.age <= a)
        && cond.gender.is_none_or(|g| c.gender[p] == g)
        && cond
            .township_years_min
            .is_none_or(|y| f.township_years >= y)
        && cond
            .education
            .is_none_or(|e| c.education[p].is_some_and(|have| have.at_least(e)))
        && cond
            .specialties
            .iter()
            .all(|s| c.specialties[p].contains(s.as_str()))
}

/// Fit for any post: township leadership, township years, education.
fn fit(ds: &Dataset, c: &mut Candidate, lang: Lang) {
    let f = &c.fact;
    if f.township_leadership {
        c.score += 3.0;
        c.reasons.push(
            lang.pick("有乡镇领导经历", "township leadership experience")
                .into(),
        );
    }
    c.score += f.township_years.min(10.0) / 2.0;
    if let Some(e) = ds.cadres.education[c.person as usize] {
        c.score += f64::from(e.rank()) / 2.0;
    }
}

/// A team's current breaches, as the candidate for a post of it might change them.
struct TeamView<'a> {
    members: Vec<&'a Fact>,
    findings: Vec<Finding>,
    /// Whether the holder leaves the team when replaced (holds no other member seat).
    holder_leaves: Option<&'a Fact>,
    woman_count: usize,
}

impl<'a> TeamView<'a> {
    fn new(run: &'a Run, cycle: u32, unit: u32, holder: Option<u32>) -> TeamView<'a> {
        let members = team_members(run, cycle, unit);
        let ds = &run.ds;
        let s = &ds.slate;
        let holder_leaves = holder.and_then(|h| {
            let seats = (0..s.len())
                .filter(|&i| s.cycle[i] == cycle && s.unit[i] == unit && s.person[i] == h)
                .count();
            if seats == 1 {
                members.iter().copied().find(|m| m.person == h)
            } else {
                None
            }
        });
        let unit_id = &ds.units.unit_id[unit as usize];
        let cycle_id = &ds.cycles.cycle[cycle as usize];
        let findings = run
            .findings()
            .unwrap_or_default()
            .into_iter()
            .filter(|f| &f.unit_id == unit_id && &f.cycle == cycle_id)
            .collect();
        let woman_count = members
            .iter()
            .filter(|m| ds.cadres.gender[m.person as usize] == Gender::Female)
            .count();
        TeamView {
            members,
            findings,
            holder_leaves,
            woman_count,
        }
    }

    fn has(&self, code: &str) -> bool {
        self.findings
            .iter()
            .any(|f| f.rule == code && f.scope == Scope::Team)
    }

    /// Fixes and reasons of a candidate taking the post.
    fn judge(&self, run: &Run, rules: &InForce, c: &mut Candidate, lang: Lang) {
        let ds = &run.ds;
        let f = c.fact.clone();
        let n_now = self.members.len() as i64;
        let (n, out) = match self.holder_leaves {
            Some(h) => (n_now, Some(h)),
            None => (n_now + 1, None),
        };
        let share_rule = |code: &'static str,
                          has: &dyn Fn(&Fact) -> bool,
                          c: &mut Candidate,
                          zh: &str,
                          en: &str| {
            if !self.has(code) || !has(&c.fact) {
                return;
            }
            let k = self.members.iter().filter(|m| has(m)).count() as i64
                - i64::from(out.is_some_and(has))
                + 1;
            let need = at_least(n, rules.min_share(code));
            if k >= need {
                c.fixes.push(code);
                c.reasons.push(match lang {
                    Lang::Zh => format!("{zh}，可消除{code}"),
                    Lang::En => format!("{en}: fixes {code}"),
                });
            } else {
                c.reasons.push(match lang {
                    Lang::Zh => format!("{zh}，有助于{code}（增至{k}人，需{need}人）"),
                    Lang::En => format!("{en}: helps {code} (then {k}, {need} needed)"),
                });
                c.score += 2.0;
            }
        };
        let young = threshold!(rules, age::age_001, "max_age");
        let years = threshold!(rules, exp::exp_001, "min_years");
        share_rule(
            "AGE-001",
            &|m: &Fact| f64::from(m.age) <= young,
            c,
            &format!("{}岁", f.age),
            &format!("aged {}", f.age),
        );
        share_rule(
            "EXP-001",
            &|m: &Fact| m.township_years >= years,
            c,
            &format!("乡镇工作{}年", crate::rules::fmt_num(f.township_years)),
            &format!(
                "{} years of township work",
                crate::rules::fmt_num(f.township_years)
            ),
        );
        let woman = ds.cadres.gender[c.person as usize] == Gender::Female;
        let holder_woman =
            out.is_some_and(|h| ds.cadres.gender[h.person as usize] == Gender::Female);
        if self.has("GEN-004") && woman && (self.woman_count == 0 || !holder_woman) {
            c.fixes.push("GEN-004");
            c.reasons.push(
                lang.pick("女干部，可消除GEN-004", "a woman: fixes GEN-004")
                    .into(),
            );
        }
        // A missing required post is fixed by whoever fills it.
        for code in ["POST-001", "POST-002", "SIZE-002"] {
            if self.has(code) && out.is_none() {
                c.fixes.push(code);
            }
        }
        // Replacing a holder with person findings clears them.
        if let Some(h) = out {
            let hid = &ds.cadres.person_id[h.person as usize];
            for fd in self.findings.iter().filter(|fd| fd.person_id == hid) {
                c.reasons.push(match lang {
                    Lang::Zh => format!("替换现任者可消除{}", fd.rule),
                    Lang::En => format!("replacing the holder clears {}", fd.rule),
                });
                c.score += 1.0;
            }
        }
        c.fixes.sort_unstable();
        c.fixes.dedup();
    }
}

/// The roster as a table: CSV with column codes, XLSX with labels in the run's language.
pub fn table(ds: &Dataset, found: &Found, lang: Lang) -> Table {
    let mut t = Table::new(&[
        ("rank", "序号", "rank"),
        ("person_id", "人员编号", "person id"),
        ("name", "姓名", "name"),
        ("gender", "性别", "gender"),
        ("age", "年龄", "age"),
        ("township_years", "乡镇工作年限", "township years"),
        ("years_in_post", "任现职年限", "years in post"),
        ("education", "学历", "education"),
        ("specialties", "熟悉领域", "specialties"),
        ("fixes", "可消除", "fixes"),
        ("excluded_by", "排除原因", "excluded by"),
        ("reasons", "说明", "reasons"),
    ]);
    let c = &ds.cadres;
    for (i, cand) in found.candidates.iter().enumerate() {
        let p = cand.person as usize;
        t.push(vec![
            Cell::Num((i + 1) as f64),
            Cell::Text(c.person_id[p].to_string()),
            Cell::Text(c.name[p].to_string()),
            Cell::Text(match lang {
                Lang::Zh => c.gender[p].label_zh().into(),
                Lang::En => c.gender[p].label_en().into(),
            }),
            Cell::Num(f64::from(cand.fact.age)),
            Cell::Num(cand.fact.township_years),
            Cell::Num(cand.fact.years_in_post),
            Cell::Text(c.education[p].map_or(String::new(), |e| match lang {
                Lang::Zh => e.label_zh().into(),
                Lang::En => e.label_en().into(),
            })),
            Cell::Text(c.specialties[p].to_string()),
            Cell::Text(cand.fixes.join(";")),
            Cell::Text(cand.excluded_by.join(";")),
            Cell::Text(cand.reasons.join(lang.pick("；", "; "))),
        ]);
    }
    t
}
