//! Why a district cannot pass, in words an officer can act on: first counting
//! pre-checks (at most so many eligible young candidates for so many seats), then the
//! rules the deletion filter found cannot hold together, then the smallest relaxation.

use super::model::District;
use super::problem::{Group, TOWNSHIP, WOMAN, YOUNG, YOUNG_PRINCIPAL};
use super::solve::Infeasible;
use crate::dataset::Dataset;
use crate::rules::{fmt_num, Lang};

fn attr_label(attr: usize, lang: Lang) -> &'static str {
    match (attr, lang) {
        (YOUNG, Lang::Zh) => "35岁以下（AGE-001口径）",
        (YOUNG, Lang::En) => "young (AGE-001)",
        (TOWNSHIP, Lang::Zh) => "有乡镇工作经历（EXP-001口径）",
        (TOWNSHIP, Lang::En) => "with township years (EXP-001)",
        (WOMAN, Lang::Zh) => "女性",
        (WOMAN, Lang::En) => "women",
        (YOUNG_PRINCIPAL, Lang::Zh) => "年轻（AGE-002口径）",
        (_, _) => "young (AGE-002)",
    }
}

/// A place (team or district id) by name.
fn place_name(ds: &Dataset, place: &str) -> String {
    ds.units.name_of(place).unwrap_or(place).to_string()
}

/// Counting pre-checks: each rule alone, against the most the pool could give.
pub fn prechecks(ds: &Dataset, d: &District, lang: Lang) -> Vec<String> {
    let p = &d.problem;
    let mut out = Vec::new();
    for c in &p.counts {
        let mut most = c.constant;
        for &(u, k) in &c.keep {
            if p.units[u].fixed != Some(false) {
                most += k;
            }
        }
        // Slots a candidate with the attribute could fill, and how many such exist.
        let attr = c.fill.first().map(|f| f.1);
        let mut gains: Vec<f64> = Vec::new();
        let mut eligible = 0usize;
        if let Some(attr) = attr {
            let slots: Vec<(usize, f64)> = c.fill.iter().map(|&(s, _, w)| (s, w)).collect();
            eligible = p
                .classes
                .iter()
                .filter(|g| g.attrs[attr] && slots.iter().any(|&(s, _)| g.on[s].is_some()))
                .map(|g| g.size)
                .sum();
            for &(s, w) in &slots {
                let holder_has = p.slots[s]
                    .unit
                    .and_then(|u| c.keep.iter().find(|k| k.0 == u).map(|k| k.1))
                    .filter(|_| {
                        p.slots[s]
                            .unit
                            .is_some_and(|u| p.units[u].fixed != Some(false))
                    });
                let open = p.classes.iter().any(|g| g.attrs[attr] && g.on[s].is_some());
                if open && holder_has.is_none() {
                    gains.push(w);
                }
            }
            gains.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
            most += gains.iter().take(eligible).sum::<f64>();
        }
        if most + 1e-9 < c.need {
            let place = place_name(ds, &c.group.place);
            let label = attr.map_or("", |a| attr_label(a, lang));
            out.push(match lang {
                Lang::Zh => format!(
                    "{place} {}：需要{}，最多只能达到{}（候选人池中符合条件的{label}人选{eligible}人）",
                    c.group.rule,
                    fmt_num(c.need),
                    fmt_num(most)
                ),
                Lang::En => format!(
                    "{place} {}: needs {}, at most {} possible ({eligible} eligible candidates {label} in the pool)",
                    c.group.rule,
                    fmt_num(c.need),
                    fmt_num(most)
                ),
            });
        }
    }
    for (s, slot) in p.slots.iter().enumerate() {
        let must = slot.unit.is_none_or(|u| p.units[u].fixed == Some(false));
        if must && !p.classes.iter().any(|g| g.on[s].is_some()) {
            let team = &d.teams[slot.team];
            let place = place_name(ds, &team.unit_id);
            let what = match slot.unit {
                Some(u) => {
                    let who = &ds.cadres.name[d.seated[u].person as usize];
                    let rule = d.seated[u].must_leave.unwrap_or("");
                    match lang {
                        Lang::Zh => format!("接替{who}（{rule}）"),
                        Lang::En => format!("to replace {who} ({rule})"),
                    }
                }
                None => {
                    let n = &d.new_seats[s - d.seated.len()];
                    match lang {
                        Lang::Zh => format!("担任{}（{}）", n.post, n.rule),
                        Lang::En => format!("for {} ({})", n.post, n.rule),
                    }
                }
            };
            out.push(match lang {
                Lang::Zh => format!("{place}：候选人池中没有可{what}的合格人选"),
                Lang::En => format!("{place}: no eligible candidate in the pool {what}"),
            });
        }
    }
    out
}

fn group_text(ds: &Dataset, g: &Group) -> String {
    if g.rule == "max-changes" {
        return "--max-changes".into();
    }
    format!("{} {}", place_name(ds, &g.place), g.rule)
}

/// The conflict and the relaxation, as two sentences.
pub fn infeasible(ds: &Dataset, d: &District, inf: &Infeasible, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let conflict: Vec<String> = inf.conflict.iter().map(|g| group_text(ds, g)).collect();
    if !conflict.is_empty() {
        out.push(match lang {
            Lang::Zh => format!("不能同时满足的规则：{}", conflict.join("、")),
            Lang::En => format!("rules that cannot hold together: {}", conflict.join(", ")),
        });
    }
    let relax: Vec<String> = inf
        .relaxation
        .iter()
        .map(|(g, r)| {
            let need = d
                .problem
                .counts
                .iter()
                .find(|c| &c.group == g)
                .map(|c| c.need);
            match (need, lang) {
                (Some(n), Lang::Zh) => format!(
                    "{}由{}降为{}",
                    group_text(ds, g),
                    fmt_num(n),
                    fmt_num(n - r)
                ),
                (Some(n), Lang::En) => format!(
                    "{} from {} to {}",
                    group_text(ds, g),
                    fmt_num(n),
                    fmt_num(n - r)
                ),
                (None, Lang::Zh) => format!("{}暂缺", group_text(ds, g)),
                (None, Lang::En) => format!("{} left open", group_text(ds, g)),
            }
        })
        .collect();
    if !relax.is_empty() {
        out.push(match lang {
            Lang::Zh => format!("最小放宽：{}", relax.join("；")),
            Lang::En => format!("smallest relaxation: {}", relax.join("; ")),
        });
    }
    out
}
