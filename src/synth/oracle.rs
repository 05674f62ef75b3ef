//! The generator's own rule oracle: evaluates, on the in-memory model, every rule the
//! generator plants breaches of, with the semantics the checker is specified to apply.
//!
//! It exists so the expected-findings list is a statement about the data rather than
//! about the generator's intentions: tests assert that the oracle finds exactly the
//! planted breaches, and that stricter or looser readings of the rules' open points
//! (whether village time counts as township work, whether 街道-only rules are also run
//! on 乡镇 teams, …) find nothing more. It is deliberately written from the rule
//! definitions, not from the generator's code paths.

use super::model::*;
use super::vocab::{CORE_SPECIALTIES, SOURCE_STAFFING};
use crate::normalize::date::{age_at, months_after, months_between, trunc2, years_between};
use crate::normalize::unit_kind::UnitKind;
use chrono::NaiveDate;

/// Readings of the rules' open points.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading {
    /// Also run the 街道-only or 乡镇-only person and team rules (AGE-001, ROT-001…003,
    /// SPEC-001, GEN-002) on the other kind, run AGE-003/004/005 on every slate row of
    /// every unit (not only 乡镇 党委 and 纪委 rows), count village and 事业单位 spells as
    /// township work and as EXP-006 source groups, count non-leadership spells in tenure
    /// runs and match native places by the unit's short name.
    pub broad: bool,
}

/// Township work (乡镇, 公社, 街道; with `lenient` also 村 and 事业单位) up to `as_of`, in
/// years (truncated to 2 decimals), counting overlapping spells once.
pub fn township_years(p: &Person, as_of: NaiveDate, lenient: bool) -> f64 {
    let mut spans: Vec<(NaiveDate, NaiveDate)> = p
        .spells
        .iter()
        .filter(|s| {
            matches!(
                s.place.kind,
                UnitKind::Township | UnitKind::Commune | UnitKind::Subdistrict
            ) || (lenient
                && matches!(
                    s.place.kind,
                    UnitKind::Village | UnitKind::PublicInstitution
                ))
        })
        .filter_map(|s| {
            let start = s.start.date();
            let end = s.end.map(|e| e.date()).unwrap_or(as_of).min(as_of);
            (start < end).then_some((start, end))
        })
        .collect();
    spans.sort();
    // Calendar months of each merged run, so overlapping spells count a month once.
    let mut months = 0.0;
    let mut current: Option<(NaiveDate, NaiveDate)> = None;
    for (s, e) in spans {
        match current {
            Some((cs, ce)) if s <= ce => current = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                months += months_between(cs, ce);
                current = Some((s, e));
            }
            None => current = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = current {
        months += months_between(cs, ce);
    }
    trunc2(months / 12.0)
}

/// Years (truncated to 2 decimals) of the continuous run of spells in unit `u` whose
/// posts satisfy `keep`, that is under way at `as_of` (0 when none is).
pub fn run_years(p: &Person, u: usize, as_of: NaiveDate, keep: impl Fn(&Post) -> bool) -> f64 {
    let mut spans: Vec<(Ym, Option<Ym>)> = p
        .spells
        .iter()
        .filter(|s| s.place.unit == Some(u) && s.posts.iter().any(&keep))
        .map(|s| (s.start, s.end))
        .collect();
    spans.sort();
    let mut runs: Vec<(Ym, Option<Ym>)> = Vec::new();
    for (s, e) in spans {
        match runs.last_mut() {
            Some((_, last_end)) if last_end.is_none_or(|le| s <= le) => {
                *last_end = match (*last_end, e) {
                    (None, _) | (_, None) => None,
                    (Some(a), Some(b)) => Some(a.max(b)),
                };
            }
            _ => runs.push((s, e)),
        }
    }
    runs.iter()
        .find(|(s, e)| s.date() <= as_of && e.is_none_or(|e| e.date() > as_of))
        .map(|(s, _)| trunc2(years_between(s.date(), as_of)))
        .unwrap_or(0.0)
}

fn has_street_work(p: &Person, as_of: NaiveDate) -> bool {
    p.spells
        .iter()
        .any(|s| s.place.kind == UnitKind::Subdistrict && s.start.date() <= as_of)
}

/// EXP-006's source groups: the staffing, or a village leadership post or a 大学生村官
/// post started by `as_of`; with `lenient` (the broad reading) any village or 事业单位
/// spell.
fn is_source(p: &Person, as_of: NaiveDate, lenient: bool) -> bool {
    SOURCE_STAFFING.contains(&p.staffing)
        || p.spells.iter().any(|s| {
            s.start.date() <= as_of
                && (s.posts.iter().any(|x| {
                    x.title.contains("大学生村官")
                        || (s.place.kind == UnitKind::Village
                            && x.leadership
                            && !x.title.contains("第一书记")
                            && !x.title.contains("驻村"))
                }) || (lenient
                    && matches!(
                        s.place.kind,
                        UnitKind::Village | UnitKind::PublicInstitution
                    )))
        })
}

fn rank(role: Role) -> u8 {
    if role.is_principal() {
        2
    } else {
        1
    }
}

/// Whether `p`'s 交流 seat in unit `u` (rank `seat_rank`) is a promotion: it ranks above
/// the posts of the person's latest spell outside `u` started by `as_of` (study aside),
/// when those posts' rank is known (township and sub-district team posts; a spell with
/// no leadership post ranks 0).
fn exchange_promotion(p: &Person, u: usize, seat_rank: u8, as_of: NaiveDate) -> bool {
    let before = p.spells.iter().filter(|s| {
        s.start.date() <= as_of && s.place.unit != Some(u) && s.place.kind != UnitKind::School
    });
    let Some(latest) = before.clone().map(|s| s.start).max() else {
        return false;
    };
    let mut best = Some(0u8);
    for s in before.filter(|s| s.start == latest) {
        let team = matches!(
            s.place.kind,
            UnitKind::Township | UnitKind::Commune | UnitKind::Subdistrict
        );
        for x in s.posts.iter().filter(|x| x.leadership) {
            best = match (x.role, team) {
                (Some(r), true) => best.map(|b| b.max(rank(r))),
                _ => None,
            };
        }
    }
    best.is_some_and(|b| b < seat_rank)
}

/// Years left before the exit age (60 for men, 55 for women): calendar years from
/// `as_of` to the birthday of the exit age, truncated to 2 decimals as the checker does.
pub fn years_to_exit(p: &Person, as_of: NaiveDate) -> f64 {
    let exit = months_after(p.birth.date(), p.exit_age() * 12);
    trunc2(years_between(as_of, exit))
}

fn band(age: i32) -> u8 {
    match age {
        ..=30 => 0,
        31..=35 => 1,
        36..=45 => 2,
        46..=50 => 3,
        _ => 4,
    }
}

/// A slate row as the checker sees it.
#[derive(Debug, Clone, Copy)]
struct RowView {
    body: Body,
    role: Role,
    fulltime: bool,
    person: usize,
    nomination: Nomination,
}

fn team_rows(w: &World, c: usize, u: usize) -> Vec<RowView> {
    let unit = &w.units[u];
    let mut rows = Vec::new();
    for seat in &w.teams[c][u] {
        let Some(person) = seat.person else { continue };
        for r in seat.rows(unit) {
            rows.push(RowView {
                body: r.body,
                role: r.role,
                fulltime: r.fulltime,
                person,
                nomination: seat.nomination,
            });
        }
    }
    rows
}

fn distinct(items: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for x in items {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

fn is_plain_discipline(r: &RowView) -> bool {
    r.body == Body::Discipline && r.role != Role::DisciplineSecretary
}

/// Persons counted by share rules: any row except plain 纪委 rows.
fn members(rows: &[RowView]) -> Vec<usize> {
    distinct(
        rows.iter()
            .filter(|r| !is_plain_discipline(r))
            .map(|r| r.person),
    )
}

/// All findings of the rules the generator plants, under the default reading.
pub fn evaluate(w: &World) -> Vec<Finding> {
    evaluate_with(w, Reading::default())
}

/// All findings under `reading`.
pub fn evaluate_with(w: &World, reading: Reading) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in 0..2 {
        for u in 0..w.units.len() {
            team_findings(w, c, u, reading, &mut out);
        }
        for a in 0..w.areas.len() {
            area_findings(w, c, a, reading, &mut out);
        }
    }
    out.sort();
    out
}

fn team_findings(w: &World, c: usize, u: usize, reading: Reading, out: &mut Vec<Finding>) {
    let rows = team_rows(w, c, u);
    if rows.is_empty() {
        return;
    }
    let unit = &w.units[u];
    let street = unit.kind == UnitKind::Subdistrict;
    let at = as_of(c);
    let mut push = |rule: &'static str, person: Option<usize>, note: String| {
        out.push(Finding {
            rule,
            cycle: c,
            unit: Some(u),
            person,
            area: None,
            note,
        })
    };
    let count = |f: &dyn Fn(&RowView) -> bool| rows.iter().filter(|r| f(r)).count();
    let has_role = |role: Role| rows.iter().any(|r| r.role == role);
    let m = members(&rows);
    let n = m.len();
    let person = |p: usize| &w.persons[p];
    let age = |p: usize| age_at(person(p).birth.date(), at);

    // Size and posts.
    if street {
        let k = count(&|r| !is_plain_discipline(r));
        if !(7..=9).contains(&k) {
            push("SIZE-001", None, format!("{k} rows"));
        }
        let (s, h, pc) = (
            count(&|r| r.role == Role::Secretary),
            count(&|r| r.role == Role::Head),
            count(&|r| r.role == Role::PcHead),
        );
        if (s, h, pc) != (1, 1, 1) {
            push(
                "SIZE-002",
                None,
                format!("secretary {s}, head {h}, pc_head {pc}"),
            );
        }
    }
    // SIZE-006: only where the slate lists the 纪委's plain members (body 纪委, post 委员).
    if !street
        && rows
            .iter()
            .any(|r| r.body == Body::Discipline && r.role == Role::Member)
    {
        let k = count(&|r| r.body == Body::Discipline || r.role == Role::DisciplineSecretary);
        if !(5..=7).contains(&k) {
            push("SIZE-006", None, format!("{k} 纪委 members"));
        }
    }
    let party = count(&|r| r.body == Body::Party);
    if !(7..=9).contains(&party) {
        let rule = if street { "SIZE-004" } else { "SIZE-005" };
        push(rule, None, format!("{party} 党委 rows"));
    }
    if !has_role(Role::DeputySecretaryPartyBuilding) {
        push(
            "POST-001",
            None,
            "no deputy_secretary_party_building".into(),
        );
    }
    let missing: Vec<&str> = [Role::DisciplineSecretary, Role::OrganizationMember]
        .into_iter()
        .filter(|&r| !has_role(r))
        .map(|r| match r {
            Role::DisciplineSecretary => "no discipline_secretary",
            _ => "no organization_member",
        })
        .collect();
    if !missing.is_empty() {
        push("POST-002", None, missing.join(", "));
    }
    if street
        && rows
            .iter()
            .any(|r| r.role == Role::DisciplineSecretary && !r.fulltime)
        && !rows.iter().any(|r| {
            r.role == Role::DisciplineDeputySecretary && r.body == Body::Discipline && r.fulltime
        })
    {
        push(
            "POST-003",
            None,
            "part-time discipline secretary, no full-time deputy".into(),
        );
    }

    // Ages.
    let young = m.iter().filter(|&&p| age(p) <= 35).count();
    if (street || reading.broad) && young < n.div_ceil(5) {
        push("AGE-001", None, format!("{young}/{n} aged ≤35"));
    }
    let bands = distinct(m.iter().map(|&p| band(age(p)) as usize));
    if young == 0 || bands.len() == 1 {
        push(
            "AGE-007",
            None,
            format!("{young} aged ≤35, {} bands", bands.len()),
        );
    }
    for p in distinct(rows.iter().map(|r| r.person)) {
        let nom = rows.iter().find(|r| r.person == p).expect("row").nomination;
        let a = age(p);
        let left = years_to_exit(person(p), at);
        // AGE-003/004/005: members of a 乡镇 party committee or 纪委 (a row with body 党委
        // or 纪委 in a 乡镇 team).
        let committee = reading.broad
            || (!street
                && rows
                    .iter()
                    .any(|r| r.person == p && matches!(r.body, Body::Party | Body::Discipline)));
        // A 交流 seat reads as a continuing nomination and as 平级转任, or as 新提拔 when
        // it is a promotion.
        let seat_rank = rows
            .iter()
            .filter(|r| r.person == p)
            .map(|r| rank(r.role))
            .max()
            .unwrap_or(1);
        let exchanged = nom == Nomination::Exchanged;
        let promoted = exchanged && exchange_promotion(person(p), u, seat_rank, at);
        let lateral_exchange = exchanged && !promoted;
        if committee && a >= 58 && (nom == Nomination::Continued || lateral_exchange) {
            push("AGE-003", Some(p), format!("aged {a}, 继续提名"));
        }
        let transfer =
            matches!(nom, Nomination::Continued | Nomination::Transfer) || lateral_exchange;
        if committee && transfer && left < 3.0 {
            push(
                "AGE-004",
                Some(p),
                format!("{left:.2} years to the exit age {}", person(p).exit_age()),
            );
        }
        if committee && (nom == Nomination::New || promoted) && left < 5.0 {
            push(
                "AGE-005",
                Some(p),
                format!("{left:.2} years to the exit age {}", person(p).exit_age()),
            );
        }
        if person(p).vetting_hold {
            push("ELIG-001", Some(p), "vetting_hold".into());
        }
    }

    // Experience.
    let high = m
        .iter()
        .filter(|&&p| township_years(person(p), at, reading.broad) >= 2.0)
        .count();
    if high < (2 * n).div_ceil(3) {
        push(
            "EXP-001",
            None,
            format!("{high}/{n} with ≥2 township years"),
        );
    }
    if street {
        let principals = distinct(
            rows.iter()
                .filter(|r| r.role.is_principal())
                .map(|r| r.person),
        );
        for p in principals {
            if !has_street_work(person(p), at) {
                push("EXP-002", Some(p), "no 街道 work".into());
            }
        }
    } else if !m.iter().any(|&p| is_source(person(p), at, reading.broad)) {
        push("EXP-006", None, "no member from the source groups".into());
    }

    // Gender, ethnicity, specialties.
    if !m.iter().any(|&p| person(p).is_female()) {
        push("GEN-004", None, "no woman".into());
    }
    if unit.minority_area {
        let k = m.iter().filter(|&&p| person(p).minority).count();
        if k * 4 < n {
            push("ETH-001", None, format!("{k}/{n} minority"));
        }
    }
    if !street || reading.broad {
        let missing: Vec<&str> = CORE_SPECIALTIES
            .iter()
            .copied()
            .filter(|a| !m.iter().any(|&p| person(p).specialties.contains(a)))
            .collect();
        if !missing.is_empty() {
            push("SPEC-001", None, format!("missing {}", missing.join("、")));
        }
    }
    let firsts: Vec<&str> = m.iter().map(|&p| person(p).specialties[0]).collect();
    let mut seen: Vec<&str> = Vec::new();
    for &f in &firsts {
        if seen.contains(&f) {
            continue;
        }
        seen.push(f);
        let k = firsts.iter().filter(|&&x| x == f).count();
        if k * 2 > n {
            push("SPEC-002", None, format!("{k}/{n} list {f} first"));
        }
    }

    // Tenure and rotation.
    if street || reading.broad {
        for &p in &m {
            let team = run_years(person(p), u, at, |x| x.role.is_some() || reading.broad);
            if team >= 10.0 {
                push("ROT-001", Some(p), format!("{team:.1} years in the team"));
            }
            let roles = distinct(
                rows.iter()
                    .filter(|r| r.person == p)
                    .map(|r| r.role as usize),
            );
            let same_post = roles
                .iter()
                .map(|&role| {
                    run_years(person(p), u, at, |x| {
                        x.role.map(|r| r as usize) == Some(role)
                    })
                })
                .fold(0.0, f64::max);
            if same_post >= 10.0 {
                push(
                    "ROT-002",
                    Some(p),
                    format!("{same_post:.1} years in the post"),
                );
            }
            if rows
                .iter()
                .any(|r| r.person == p && r.role == Role::Secretary)
            {
                let sec = run_years(person(p), u, at, |x| x.role == Some(Role::Secretary));
                if sec >= 5.0 {
                    push("ROT-003", Some(p), format!("{sec:.1} years as secretary"));
                }
            }
        }
    }
    if c > 0 {
        // ROT-005: more than 70% of the members not on the unit's previous team.
        let before = members(&team_rows(w, c - 1, u));
        if !before.is_empty() {
            let new = m.iter().filter(|p| !before.contains(p)).count();
            if new * 10 > n * 7 {
                push("ROT-005", None, format!("{new}/{n} new"));
            }
        }
        let prev: Vec<usize> = team_rows(w, c - 1, u).iter().map(|r| r.person).collect();
        let secs = distinct(
            rows.iter()
                .filter(|r| r.role == Role::Secretary)
                .map(|r| r.person),
        );
        let heads = distinct(
            rows.iter()
                .filter(|r| r.role == Role::Head)
                .map(|r| r.person),
        );
        if !prev.is_empty()
            && !secs.is_empty()
            && !heads.is_empty()
            && secs.iter().chain(heads.iter()).all(|p| !prev.contains(p))
        {
            push("ROT-004", None, "secretary and head both new".into());
        }
    }
    // ROT-006 (kinship): one team finding per related pair, naming both; everyone on
    // the slate counts, plain 纪委 members too.
    let everyone = distinct(rows.iter().map(|r| r.person));
    for r in &w.relations {
        if everyone.contains(&r.person) && everyone.contains(&r.relative) {
            push(
                "ROT-006",
                None,
                format!(
                    "{} 与 {}: {}",
                    w.person_id(r.person),
                    w.person_id(r.relative),
                    r.relation
                ),
            );
        }
    }
    let principals = distinct(
        rows.iter()
            .filter(|r| matches!(r.role, Role::Secretary | Role::Head))
            .map(|r| r.person),
    );
    for p in principals {
        let native = person(p).native.as_deref().unwrap_or("");
        if native == unit.full || (reading.broad && native.contains(unit.short.as_str())) {
            push("ROT-006", Some(p), format!("native place {native}"));
        }
    }
}

fn area_findings(w: &World, c: usize, a: usize, reading: Reading, out: &mut Vec<Finding>) {
    let area = &w.areas[a];
    let at = as_of(c);
    let mut push = |rule: &'static str, cycle: usize, note: String| {
        out.push(Finding {
            rule,
            cycle,
            unit: None,
            person: None,
            area: Some(a),
            note: format!("{}: {note}", area.id),
        })
    };
    let streets: Vec<usize> = area
        .units
        .iter()
        .copied()
        .filter(|&u| w.units[u].kind == UnitKind::Subdistrict)
        .collect();
    let towns: Vec<usize> = area
        .units
        .iter()
        .copied()
        .filter(|&u| w.units[u].kind == UnitKind::Township)
        .collect();
    let principal_rows = |units: &[usize], roles: &[Role]| -> Vec<usize> {
        units
            .iter()
            .flat_map(|&u| team_rows(w, c, u))
            .filter(|r| roles.contains(&r.role))
            .map(|r| r.person)
            .collect()
    };
    let rows = principal_rows(&streets, &[Role::Secretary, Role::Head, Role::PcHead]);
    if !rows.is_empty() {
        let women = rows.iter().filter(|&&p| w.persons[p].is_female()).count();
        if women * 20 < rows.len() {
            push(
                "GEN-001",
                c,
                format!("{women}/{} principal posts held by women", rows.len()),
            );
        }
        let young = rows
            .iter()
            .filter(|&&p| age_at(w.persons[p].birth.date(), at) <= 35)
            .count();
        if young * 20 < rows.len() {
            push(
                "AGE-002",
                c,
                format!(
                    "{young}/{} principal posts held by people aged ≤35",
                    rows.len()
                ),
            );
        }
    }
    let rows = principal_rows(&towns, &[Role::Secretary, Role::Head]);
    if !rows.is_empty() && !rows.iter().any(|&p| w.persons[p].is_female()) {
        push(
            "GEN-003",
            c,
            "no woman among township secretaries and heads".into(),
        );
    }
    if c > 0 {
        let women = |cycle: usize, units: &[usize]| -> usize {
            units
                .iter()
                .map(|&u| {
                    members(&team_rows(w, cycle, u))
                        .iter()
                        .filter(|&&p| w.persons[p].is_female())
                        .count()
                })
                .sum()
        };
        let mut groups = vec![streets.clone()];
        if reading.broad {
            groups.push(towns.clone());
        }
        for g in groups.iter().filter(|g| !g.is_empty()) {
            let (before, now) = (women(c - 1, g), women(c, g));
            if now <= before {
                push(
                    "GEN-002",
                    c,
                    format!(
                        "{now} women in {}, {before} in {}",
                        CYCLE_YEARS[c],
                        CYCLE_YEARS[c - 1]
                    ),
                );
            }
        }
    }
}
