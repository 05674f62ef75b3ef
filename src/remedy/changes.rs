//! `changes.csv`: seat changes to a slate (what-if), read, validated against the dataset,
//! applied to a copy of it, and written back (by `banzi suggest`) in the same form.
//!
//! One row is one seat: `cycle, unit_id, post, out, in`. Both `out` and `in` given: the
//! seat `post` that `out` holds on the team passes to `in`. An empty `out` adds a seat
//! for `in`; an empty `in` removes the seat of `out`. Optional columns `nomination`
//! (新提拔, 继续提名, …) and `fulltime` say how the person comes to the seat; without
//! them the nomination is inferred from the previous cycle (see [`infer_nomination`]),
//! so that the age rules that depend on it (AGE-003/004/005) judge the new holder as an
//! officer would.
//!
//! The file is written by people, so every problem is reported with its line, all at
//! once, before anything is changed: an unknown person or team, a person already seated
//! on another team of the cycle, a post the team lacks (or that `out` does not hold).

use anyhow::{bail, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::dataset::source::{self, Format};
use crate::dataset::Dataset;
use crate::normalize::role::{Nomination, Role};
use crate::output::csv::Writer;
use crate::rules::Lang;

/// One seat change.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub cycle: String,
    pub unit_id: String,
    /// The post as written (a title such as 镇长, or a role code such as `head`).
    pub post: String,
    /// Who leaves the seat (`None`: a seat is added).
    pub out: Option<String>,
    /// Who takes it (`None`: the seat is removed).
    pub into: Option<String>,
    pub nomination: Option<Nomination>,
    pub fulltime: Option<bool>,
    /// Line of the file (1 = header), for messages; 0 when made by banzi.
    pub line: usize,
}

/// The columns of `changes.csv`, in order.
pub const COLUMNS: [&str; 7] = [
    "cycle",
    "unit_id",
    "post",
    "out",
    "in",
    "nomination",
    "fulltime",
];

/// A cell as banzi's CSV writer wrote it, without the `'` that neutralised a formula.
fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// Reads `changes.csv` (UTF-8 or GBK, like any dataset CSV). A missing required column
/// is an error; values are checked by [`apply`].
pub fn read(path: &Path) -> Result<Vec<Change>> {
    let raw = source::read_file(path, Format::Csv)?;
    let names: Vec<String> = raw
        .frame
        .get_column_names()
        .iter()
        .map(|n| n.trim().to_ascii_lowercase())
        .collect();
    let missing: Vec<&str> = COLUMNS[..5]
        .iter()
        .copied()
        .filter(|c| !names.iter().any(|n| n == c))
        .collect();
    if !missing.is_empty() {
        bail!(
            "{}: no column {} (a changes file has the columns cycle, unit_id, post, out, in; optional nomination, fulltime); its columns are: {}",
            path.display(),
            missing.join(", "),
            names.join(", ")
        );
    }
    let column = |name: &str| -> Vec<Option<String>> {
        let Some(k) = names.iter().position(|n| n == name) else {
            return vec![None; raw.height()];
        };
        let col = &raw.frame.columns()[k];
        match col.str() {
            Ok(ca) => ca
                .iter()
                .map(|v| {
                    v.map(|s| unneutralise(s.trim()).to_string())
                        .filter(|s| !s.is_empty())
                })
                .collect(),
            Err(_) => vec![None; raw.height()],
        }
    };
    let cols: Vec<Vec<Option<String>>> = COLUMNS.iter().map(|c| column(c)).collect();
    let mut out = Vec::with_capacity(raw.height());
    let mut problems = Vec::new();
    #[allow(clippy::needless_range_loop)]
    for i in 0..raw.height() {
        let line = raw.row_number(i);
        let cell = |k: usize| cols[k][i].clone();
        let nomination = match cell(5) {
            None => None,
            Some(t) => match Nomination::parse(&t) {
                Ok(n) => Some(n),
                Err(e) => {
                    problems.push(format!("line {line}: nomination {t:?}: {e}"));
                    None
                }
            },
        };
        let fulltime = match cell(6) {
            None => None,
            Some(t) => match crate::normalize::boolean::parse(&t) {
                Ok(b) => Some(b),
                Err(e) => {
                    problems.push(format!("line {line}: fulltime {t:?}: {e}"));
                    None
                }
            },
        };
        out.push(Change {
            cycle: cell(0).unwrap_or_default(),
            unit_id: cell(1).unwrap_or_default(),
            post: cell(2).unwrap_or_default(),
            out: cell(3),
            into: cell(4),
            nomination,
            fulltime,
            line,
        });
    }
    if !problems.is_empty() {
        bail!("{}: {}", path.display(), problems.join("; "));
    }
    Ok(out)
}

/// Writes changes as `changes.csv` (through the one CSV writer), readable by [`read`].
pub fn write(changes: &[Change], path: &Path) -> Result<()> {
    let mut w = Writer::create(path)?;
    w.row(COLUMNS)?;
    for c in changes {
        w.row([
            c.cycle.as_str(),
            c.unit_id.as_str(),
            c.post.as_str(),
            c.out.as_deref().unwrap_or(""),
            c.into.as_deref().unwrap_or(""),
            c.nomination.map_or("", |n| n.label_zh()),
            match c.fulltime {
                Some(true) => "true",
                Some(false) => "false",
                None => "",
            },
        ])?;
    }
    w.finish()
}

/// The nomination a person coming to a seat of `unit` in `cycle` would have: 继续提名
/// when they sat on the same unit's team in the previous cycle, 平级转任 when they sat
/// on another team then (or hold a leadership post now), else 新提拔.
pub fn infer_nomination(ds: &Dataset, cycle: u32, unit: u32, person: u32) -> Nomination {
    let previous = ds.cycles.previous[cycle as usize]
        .as_ref()
        .and_then(|p| ds.cycles.index.get(p).copied());
    if let Some(prev) = previous {
        let s = &ds.slate;
        let mut elsewhere = false;
        for i in 0..s.len() {
            if s.cycle[i] == prev && s.person[i] == person {
                if s.unit[i] == unit {
                    return Nomination::Continued;
                }
                elsewhere = true;
            }
        }
        if elsewhere {
            return Nomination::Transfer;
        }
    }
    let at = ds.cycles.as_of[cycle as usize];
    let c = &ds.careers;
    let leads_now = (0..c.len()).any(|i| {
        c.person[i] == person
            && c.leadership[i]
            && c.start(i).to_naive() <= at
            && c.end(i).is_none_or(|e| e.to_naive() > at)
    });
    if leads_now {
        Nomination::Transfer
    } else {
        Nomination::New
    }
}

/// What applying a set of changes did, per line, for the terminal.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub replaced: usize,
    pub added: usize,
    pub removed: usize,
}

/// Applies `changes` to a copy of `ds`, or fails naming every bad line (nothing is
/// changed then). `file` names the source in messages.
pub fn apply(
    ds: &Dataset,
    changes: &[Change],
    file: &str,
    lang: Lang,
) -> Result<(Dataset, Applied)> {
    let mut problems: Vec<(usize, String)> = Vec::new();
    let line_of = |c: &Change| match lang {
        Lang::Zh => format!("第{}行", c.line),
        Lang::En => format!("line {}", c.line),
    };
    let s = &ds.slate;
    // Who leaves and who comes, per cycle, to judge "already seated elsewhere".
    let mut leaving: BTreeSet<(u32, u32, u32)> = BTreeSet::new();
    struct Resolved {
        cycle: u32,
        unit: u32,
        role: Role,
        out: Option<u32>,
        into: Option<u32>,
    }
    let mut resolved: Vec<Option<Resolved>> = Vec::with_capacity(changes.len());
    for c in changes {
        let at = line_of(c);
        let mut bad = |m: String| problems.push((c.line, format!("{at}: {m}")));
        let cycle = ds.cycles.index.get(&c.cycle).copied();
        if cycle.is_none() {
            bad(match lang {
                Lang::Zh => format!("届次 {:?} 不在数据中", c.cycle),
                Lang::En => format!("cycle {:?} is not in the dataset", c.cycle),
            });
        }
        let unit = ds.units.index.get(&c.unit_id).copied();
        if unit.is_none() {
            bad(match lang {
                Lang::Zh => format!("单位 {:?} 不在 units 中", c.unit_id),
                Lang::En => format!("unit {:?} is not in units", c.unit_id),
            });
        }
        let role = match Role::parse(&c.post) {
            Ok(r) => Some(r),
            Err(e) => {
                bad(match lang {
                    Lang::Zh => format!("职务 {:?} 无法识别：{e}", c.post),
                    Lang::En => format!("post {:?} is not a known post: {e}", c.post),
                });
                None
            }
        };
        let person = |id: &Option<String>, bad: &mut dyn FnMut(String)| -> Option<Option<u32>> {
            match id {
                None => Some(None),
                Some(id) => match ds.cadres.position(id) {
                    Some(p) => Some(Some(p)),
                    None => {
                        bad(match lang {
                            Lang::Zh => format!("人员 {id} 不在 cadres 中"),
                            Lang::En => format!("person {id} is not in cadres"),
                        });
                        None
                    }
                },
            }
        };
        let out = person(&c.out, &mut bad);
        let into = person(&c.into, &mut bad);
        if c.out.is_none() && c.into.is_none() {
            bad(lang
                .pick("out 与 in 均为空", "both out and in are empty")
                .to_string());
        }
        let (Some(cycle), Some(unit), Some(role), Some(out), Some(into)) =
            (cycle, unit, role, out, into)
        else {
            resolved.push(None);
            continue;
        };
        let team_exists = (0..s.len()).any(|i| s.cycle[i] == cycle && s.unit[i] == unit);
        if !team_exists {
            bad(match lang {
                Lang::Zh => format!("{} {} 没有班子", c.cycle, c.unit_id),
                Lang::En => format!("there is no team {} {}", c.cycle, c.unit_id),
            });
            resolved.push(None);
            continue;
        }
        if let Some(o) = out {
            let holds = (0..s.len()).any(|i| {
                s.cycle[i] == cycle && s.unit[i] == unit && s.person[i] == o && s.role[i] == role
            });
            if !holds {
                let has_post = (0..s.len())
                    .any(|i| s.cycle[i] == cycle && s.unit[i] == unit && s.role[i] == role);
                let id = c.out.as_deref().unwrap_or("");
                bad(match (lang, has_post) {
                    (Lang::Zh, false) => format!("班子 {} 没有职务 {}", c.unit_id, c.post),
                    (Lang::En, false) => {
                        format!("team {} has no post {}", c.unit_id, c.post)
                    }
                    (Lang::Zh, true) => {
                        format!("{id} 在班子 {} 中不担任 {}", c.unit_id, c.post)
                    }
                    (Lang::En, true) => {
                        format!("{id} does not hold {} on team {}", c.post, c.unit_id)
                    }
                });
                resolved.push(None);
                continue;
            }
            leaving.insert((cycle, unit, o));
        }
        resolved.push(Some(Resolved {
            cycle,
            unit,
            role,
            out,
            into,
        }));
    }
    // A person coming in must not sit on another team of the cycle (unless leaving it),
    // nor come in twice.
    let mut coming: BTreeMap<(u32, u32), (u32, usize)> = BTreeMap::new();
    for (c, r) in changes.iter().zip(&resolved) {
        let Some(r) = r else { continue };
        let Some(p) = r.into else { continue };
        let id = c.into.as_deref().unwrap_or("");
        let seated_elsewhere = (0..s.len()).find(|&i| {
            s.cycle[i] == r.cycle
                && s.person[i] == p
                && s.unit[i] != r.unit
                && !leaving.contains(&(r.cycle, s.unit[i], p))
        });
        if let Some(i) = seated_elsewhere {
            let other = &ds.units.unit_id[s.unit[i] as usize];
            problems.push((
                c.line,
                match lang {
                    Lang::Zh => format!("{}: {id} 已在 {other} 班子任职", line_of(c)),
                    Lang::En => {
                        format!("{}: {id} already holds a seat on team {other}", line_of(c))
                    }
                },
            ));
        }
        if let Some(&(unit, first)) = coming.get(&(r.cycle, p)) {
            if unit != r.unit {
                problems.push((
                    c.line,
                    match lang {
                        Lang::Zh => format!("{}: {id} 已在第{first}行进入另一班子", line_of(c)),
                        Lang::En => format!(
                            "{}: {id} already comes into another team on line {first}",
                            line_of(c)
                        ),
                    },
                ));
            }
        } else {
            coming.insert((r.cycle, p), (r.unit, c.line));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.0);
        let problems: Vec<String> = problems.into_iter().map(|p| p.1).collect();
        bail!(
            "{file}: {}\n  {}",
            match lang {
                Lang::Zh => format!("{}处问题，未作任何改动：", problems.len()),
                Lang::En => format!("{} problem(s); nothing was changed:", problems.len()),
            },
            problems.join("\n  ")
        );
    }
    let mut out = ds.clone();
    let mut applied = Applied::default();
    let mut remove: Vec<bool> = vec![false; s.len()];
    for (c, r) in changes.iter().zip(&resolved) {
        let r = r.as_ref().expect("validated");
        let nomination = |p: u32| {
            c.nomination
                .unwrap_or_else(|| infer_nomination(ds, r.cycle, r.unit, p))
        };
        match (r.out, r.into) {
            (Some(o), into) => {
                let seat = (0..s.len())
                    .find(|&i| {
                        !remove[i]
                            && s.cycle[i] == r.cycle
                            && s.unit[i] == r.unit
                            && out.slate.person[i] == o
                            && s.role[i] == r.role
                    })
                    .ok_or_else(|| {
                        anyhow::anyhow!(
                            "{file}: {}: {} leaves the seat {} twice",
                            line_of(c),
                            c.out.as_deref().unwrap_or(""),
                            c.post
                        )
                    })?;
                match into {
                    Some(p) => {
                        out.slate.person[seat] = p;
                        out.slate.nomination[seat] = Some(nomination(p));
                        if c.fulltime.is_some() {
                            out.slate.fulltime[seat] = c.fulltime;
                        }
                        applied.replaced += 1;
                    }
                    None => {
                        remove[seat] = true;
                        applied.removed += 1;
                    }
                }
            }
            (None, Some(p)) => {
                let sl = &mut out.slate;
                sl.cycle.push(r.cycle);
                sl.unit.push(r.unit);
                sl.body.push(crate::roster::seats::body_of(&c.post, r.role));
                sl.post.push(std::sync::Arc::new(c.post.clone()));
                sl.role.push(r.role);
                sl.person.push(p);
                sl.nomination.push(Some(nomination(p)));
                sl.fulltime.push(c.fulltime);
                sl.row.push(0);
                applied.added += 1;
            }
            (None, None) => unreachable!("validated"),
        }
    }
    if remove.iter().any(|&r| r) {
        let keep: Vec<bool> = (0..out.slate.len())
            .map(|i| i >= remove.len() || !remove[i])
            .collect();
        let sl = &mut out.slate;
        macro_rules! retain {
            ($($f:ident),*) => {$(
                let mut k = keep.iter();
                sl.$f.retain(|_| *k.next().expect("same length"));
            )*};
        }
        retain!(cycle, unit, body, post, role, person, nomination, fulltime, row);
    }
    Ok((out, applied))
}
