//! From a checked run to one [`Problem`] per district, and back from an assignment to
//! seat changes.
//!
//! What the model states, rule by rule, with the thresholds of the configuration in
//! force: a person an error rule excludes (ELIG-001, ROT-002 in a 街道, any person rule
//! configured as an error) must leave; a required post the team lacks (POST-001/002/003,
//! SIZE-002) gets a seat; a principal post held twice (SIZE-002) loses the extra seat;
//! AGE-001 and EXP-001 are counts against ceil(n × share); AGE-002, GEN-001 and GEN-002
//! are counts over the district (GEN-002 against the previous cycle). Newcomers are
//! judged on each seat they would take by the person rules ([`seat_rules`]): an error
//! makes them ineligible there, a warning costs. Only teams with an error, and the teams
//! of a failing district rule, are opened to change; the others are constants.

use crate::remedy::seat_rules::threshold;
use std::collections::{BTreeMap, BTreeSet};

use super::problem::{
    Class, Count, Group, Problem, Slot, Unit, ATTRS, TOWNSHIP, WOMAN, YOUNG, YOUNG_PRINCIPAL,
};
use crate::dataset::careers::PersonRows;
use crate::dataset::Dataset;
use crate::facts::{self, Fact};
use crate::normalize::gender::Gender;
use crate::normalize::role::{Body, Nomination, Role};
use crate::pipeline::Run;
use crate::remedy::changes::Change;
use crate::remedy::seat_rules::{self, InForce, Seat};
use crate::rules::config::Preset;
use crate::rules::{at_least, Finding, Scope, Severity};

/// The rules the model states; an error of any other team or district rule is reported
/// as not modelled.
pub const MODELLED: [&str; 9] = [
    "AGE-001", "AGE-002", "EXP-001", "GEN-001", "GEN-002", "POST-001", "POST-002", "POST-003",
    "SIZE-002",
];

/// What makes candidates interchangeable: attributes, eligibility and warnings per
/// slot, and the person when kin-linked (a class of one).
type ClassKey = (Vec<bool>, Vec<Option<u32>>, Option<u32>);

/// A seat to add.
#[derive(Debug, Clone)]
pub struct NewSeat {
    pub team: usize,
    pub role: Role,
    pub post: String,
    pub body: Body,
    pub fulltime: Option<bool>,
    pub rule: &'static str,
}

/// A team of the district.
#[derive(Debug, Clone)]
pub struct Team {
    pub unit: u32,
    pub unit_id: String,
    pub open: bool,
}

/// A seated person of an open team, with their seats (slate rows).
#[derive(Debug, Clone)]
pub struct Seated {
    pub person: u32,
    pub seats: Vec<usize>,
    /// The error rule that makes them leave.
    pub must_leave: Option<&'static str>,
}

/// A district's model, with what is needed to name people and seats afterwards.
pub struct District {
    pub key: String,
    pub name: String,
    pub cycle: u32,
    pub teams: Vec<Team>,
    pub seated: Vec<Seated>,
    pub new_seats: Vec<NewSeat>,
    /// Slate rows removed (a principal post held twice), with the rule.
    pub removed: Vec<(usize, &'static str)>,
    /// Persons of each class, best fit first.
    pub people: Vec<Vec<u32>>,
    pub problem: Problem,
    /// Error findings of the district that the model does not state.
    pub unmodelled: Vec<Finding>,
    /// Error findings of the district before.
    pub errors: Vec<Finding>,
}

/// What a person would be nominated as, per unit (as [`crate::remedy::changes::infer_nomination`]
/// says, computed once for all).
struct Nominator {
    prev_units: BTreeMap<u32, BTreeSet<u32>>,
    leads_now: BTreeSet<u32>,
}

impl Nominator {
    fn new(ds: &Dataset, cycle: u32) -> Nominator {
        let prev = ds.cycles.previous[cycle as usize]
            .as_ref()
            .and_then(|p| ds.cycles.index.get(p).copied());
        let mut prev_units: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
        if let Some(prev) = prev {
            let s = &ds.slate;
            for i in 0..s.len() {
                if s.cycle[i] == prev {
                    prev_units.entry(s.person[i]).or_default().insert(s.unit[i]);
                }
            }
        }
        let at = ds.cycles.as_of[cycle as usize];
        let c = &ds.careers;
        let leads_now = (0..c.len())
            .filter(|&i| {
                c.leadership[i]
                    && c.start(i).to_naive() <= at
                    && c.end(i).is_none_or(|e| e.to_naive() > at)
            })
            .map(|i| c.person[i])
            .collect();
        Nominator {
            prev_units,
            leads_now,
        }
    }

    fn of(&self, person: u32, unit: u32) -> Nomination {
        match self.prev_units.get(&person) {
            Some(units) if units.contains(&unit) => Nomination::Continued,
            Some(_) => Nomination::Transfer,
            None if self.leads_now.contains(&person) => Nomination::Transfer,
            None => Nomination::New,
        }
    }
}

/// Options of the repair.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub pool: Option<Vec<u32>>,
    pub keep: BTreeSet<u32>,
    pub max_changes: Option<usize>,
    pub district: Option<String>,
    /// Candidates already placed in another district (districts are solved apart, a
    /// person takes one seat).
    pub exclude: BTreeSet<u32>,
}

/// What every district shares: the run, the rules, the candidates' facts.
pub struct Shared<'a> {
    pub run: &'a Run,
    pub rules: InForce<'a>,
    pub findings: Vec<Finding>,
    pub cycle: u32,
    nominator: Nominator,
    /// Candidates and their facts at no unit (age, township years).
    pub pool: Vec<(u32, Fact)>,
    /// Career units of each candidate (where tenure facts matter).
    career_units: BTreeMap<u32, BTreeSet<u32>>,
    /// The career rows by person, grouped once for every candidate's facts.
    career_rows: PersonRows,
}

impl<'a> Shared<'a> {
    pub fn new(run: &'a Run, cycle: u32, options: &Options) -> anyhow::Result<Shared<'a>> {
        let ds = &*run.ds;
        let selected = crate::remedy::find::selected(run);
        let rules = InForce::new(&run.plan.config, &selected);
        let findings = run.findings()?;
        let people = crate::remedy::find::pool(ds, cycle, options.pool.as_deref());
        let seats: Vec<_> = people
            .iter()
            .map(|&p| (cycle, u32::MAX, p, Role::Member))
            .collect();
        let career_rows = ds.careers.rows_by_person(ds.cadres.len());
        let pool: Vec<(u32, Fact)> =
            facts::compute_seats_by(ds, &run.plan.fact_options(), &career_rows, seats)
                .into_iter()
                .filter(|f| !ds.cadres.vetting_hold[f.person as usize])
                .map(|f| (f.person, f))
                .collect();
        let in_pool: BTreeSet<u32> = pool.iter().map(|p| p.0).collect();
        let mut career_units: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
        let c = &ds.careers;
        for i in 0..c.len() {
            if let Some(u) = c.unit(i) {
                if in_pool.contains(&c.person[i]) {
                    career_units.entry(c.person[i]).or_default().insert(u);
                }
            }
        }
        Ok(Shared {
            run,
            rules,
            findings,
            cycle,
            nominator: Nominator::new(ds, cycle),
            pool,
            career_units,
            career_rows,
        })
    }

    /// The districts of the cycle: teams grouped by `parent_id` (a team without one is a
    /// district of its own), in key order.
    pub fn districts(&self, only: Option<&str>) -> Vec<(String, Vec<u32>)> {
        let ds = &*self.run.ds;
        let s = &ds.slate;
        let mut by: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
        for i in 0..s.len() {
            if s.cycle[i] != self.cycle {
                continue;
            }
            let u = s.unit[i];
            let key = ds.units.parent_id[u as usize]
                .clone()
                .unwrap_or_else(|| ds.units.unit_id[u as usize].clone());
            by.entry(key).or_default().insert(u);
        }
        by.into_iter()
            .filter(|(k, _)| {
                only.is_none_or(|d| {
                    d == k || ds.units.name_of(k).is_some_and(|n| n == d || n.contains(d))
                })
            })
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect()
    }
}

/// The model of one district.
pub fn district(sh: &Shared, key: &str, units: &[u32], options: &Options) -> District {
    let run = sh.run;
    let ds = &*run.ds;
    let s = &ds.slate;
    let cycle = sh.cycle;
    let cycle_id = ds.cycles.cycle[cycle as usize].clone();
    let rules = &sh.rules;
    let is_error = |unit: u32, code: &str| rules.severity(ds, unit, code) == Some(Severity::Error);
    let unit_ids: BTreeSet<&str> = units
        .iter()
        .map(|&u| ds.units.unit_id[u as usize].as_str())
        .collect();
    let in_district = |f: &Finding| {
        f.cycle == cycle_id
            && (unit_ids.contains(f.unit_id.as_str())
                || (f.unit_id.is_empty()
                    && f.message.contains(ds.units.name_of(key).unwrap_or(key))))
    };
    let errors: Vec<Finding> = sh
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && in_district(f))
        // Errors of the election lists are not the slate's: reported apart.
        .filter(|f| !crate::rules::config::is_list_rule(f.rule))
        .cloned()
        .collect();
    let unmodelled: Vec<Finding> = errors
        .iter()
        .filter(|f| f.scope != Scope::Person && !MODELLED.contains(&f.rule))
        .cloned()
        .collect();
    let district_rule_fails = |code: &str| {
        errors
            .iter()
            .any(|f| f.rule == code && f.unit_id.is_empty())
    };
    let fact_of: BTreeMap<(u32, u32), &Fact> = run
        .facts
        .iter()
        .filter(|f| f.cycle == cycle)
        .map(|f| ((f.unit, f.person), f))
        .collect();
    // Teams, and which are open to change.
    let district_open: Vec<&str> = ["AGE-002", "GEN-001", "GEN-002"]
        .into_iter()
        .filter(|c| district_rule_fails(c))
        .collect();
    let mut teams: Vec<Team> = Vec::new();
    for &u in units {
        let uid = ds.units.unit_id[u as usize].clone();
        let team_error = errors.iter().any(|f| f.unit_id == uid);
        let district_open_here = district_open
            .iter()
            .any(|c| rules.severity(ds, u, c).is_some());
        teams.push(Team {
            unit: u,
            unit_id: uid,
            open: team_error || district_open_here,
        });
    }
    let seats_of = |u: u32| -> Vec<usize> {
        (0..s.len())
            .filter(|&i| s.cycle[i] == cycle && s.unit[i] == u)
            .collect()
    };
    let mut new_seats: Vec<NewSeat> = Vec::new();
    let mut removed: Vec<(usize, &'static str)> = Vec::new();
    let mut seated: Vec<Seated> = Vec::new();
    let mut problem = Problem::default();
    // Per team: (member units, member add slots) for the share counts.
    for (t, team) in teams.iter().enumerate() {
        if !team.open {
            continue;
        }
        let u = team.unit;
        let sub = rules.preset(ds, u) == Preset::Subdistrict;
        let seats = seats_of(u);
        let has = |r: Role| seats.iter().any(|&i| s.role[i] == r);
        let mut add = |role: Role, rule: &'static str, fulltime: Option<bool>| {
            let post = match (role, sub) {
                (Role::Secretary, true) => "党工委书记",
                (Role::DeputySecretaryPartyBuilding, true) => "党工委专职副书记",
                (Role::DeputySecretaryPartyBuilding, false) => "党委专职副书记",
                (Role::DisciplineSecretary, true) => "纪工委书记",
                (Role::DisciplineDeputySecretary, true) => "纪工委副书记",
                (r, s) => r.label_zh_in(s),
            }
            .to_string();
            let body = match role {
                Role::DisciplineSecretary | Role::OrganizationMember => Body::PartyCommittee,
                r => crate::roster::seats::body_of(&post, r),
            };
            new_seats.push(NewSeat {
                team: t,
                role,
                post,
                body,
                fulltime,
                rule,
            });
        };
        if is_error(u, "POST-001") && !has(Role::DeputySecretaryPartyBuilding) {
            add(Role::DeputySecretaryPartyBuilding, "POST-001", Some(true));
        }
        if is_error(u, "POST-002") {
            if !has(Role::DisciplineSecretary) {
                add(Role::DisciplineSecretary, "POST-002", None);
            }
            if !has(Role::OrganizationMember) {
                add(Role::OrganizationMember, "POST-002", None);
            }
        }
        if is_error(u, "SIZE-002") && sub {
            for r in [Role::Secretary, Role::Head, Role::PcHead] {
                let holders: Vec<usize> =
                    seats.iter().copied().filter(|&i| s.role[i] == r).collect();
                if holders.is_empty() {
                    add(r, "SIZE-002", None);
                }
                for &i in holders.iter().skip(1) {
                    removed.push((i, "SIZE-002"));
                }
            }
        }
        if is_error(u, "POST-003") {
            let part_time = seats
                .iter()
                .any(|&i| s.role[i] == Role::DisciplineSecretary && s.fulltime[i] == Some(false));
            let deputy = seats.iter().any(|&i| {
                s.role[i] == Role::DisciplineDeputySecretary && s.fulltime[i] != Some(false)
            });
            if part_time && !deputy {
                add(Role::DisciplineDeputySecretary, "POST-003", Some(true));
            }
        }
        // Seated persons (after removals).
        let gone: BTreeSet<usize> = removed.iter().map(|r| r.0).collect();
        let mut by_person: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for &i in &seats {
            if !gone.contains(&i) {
                by_person.entry(s.person[i]).or_default().push(i);
            }
        }
        for (p, seats) in by_person {
            let pid = &ds.cadres.person_id[p as usize];
            let mine = |f: &&Finding| f.unit_id == team.unit_id && f.person_id == pid;
            let must_leave = errors
                .iter()
                .filter(mine)
                .find(|f| f.scope == Scope::Person)
                .map(|f| f.rule);
            let warnings = sh
                .findings
                .iter()
                .filter(|f| f.cycle == cycle_id && f.severity == Severity::Warning)
                .filter(mine)
                .count() as f64;
            let fixed = if options.keep.contains(&p) {
                Some(true)
            } else if must_leave.is_some() {
                Some(false)
            } else {
                None
            };
            problem.units.push(Unit {
                team: t,
                fixed,
                warnings,
                seats: seats.len(),
            });
            seated.push(Seated {
                person: p,
                seats,
                must_leave,
            });
        }
    }
    problem.fixed_changes = removed.len();
    problem.max_changes = options.max_changes;
    problem.team_ids = teams.iter().map(|t| t.unit_id.clone()).collect();
    // Slots: each seated unit's seats, then the seats to add.
    for (k, unit) in problem.units.iter().enumerate() {
        problem.slots.push(Slot {
            team: unit.team,
            unit: Some(k),
            rule: "",
        });
    }
    for n in &new_seats {
        problem.slots.push(Slot {
            team: n.team,
            unit: None,
            rule: n.rule,
        });
    }
    // The seats of each slot, as (unit, role, body).
    let slot_seats: Vec<Vec<(u32, Role, Body)>> = problem
        .slots
        .iter()
        .enumerate()
        .map(|(sl, slot)| {
            let u = teams[slot.team].unit;
            match slot.unit {
                Some(k) => seated[k]
                    .seats
                    .iter()
                    .map(|&i| (u, s.role[i], s.body[i]))
                    .collect(),
                None => {
                    let n = &new_seats[sl - seated.len()];
                    vec![(u, n.role, n.body)]
                }
            }
        })
        .collect();
    let slot_member: Vec<bool> = slot_seats
        .iter()
        .map(|v| v.iter().any(|&(_, r, b)| r.is_team_member(b)))
        .collect();
    let slot_principal: Vec<f64> = slot_seats
        .iter()
        .map(|v| {
            v.iter()
                .filter(|&&(u, r, _)| r.is_principal(rules.preset(ds, u) == Preset::Subdistrict))
                .count() as f64
        })
        .collect();
    // Attributes.
    let young = threshold!(rules, age::age_001, "max_age");
    let years = threshold!(rules, exp::exp_001, "min_years");
    let young2 = threshold!(rules, age::age_002, "max_age");
    let attrs_of = |p: u32, f: &Fact| -> [bool; ATTRS] {
        let mut a = [false; ATTRS];
        a[YOUNG] = f64::from(f.age) <= young;
        a[TOWNSHIP] = f.township_years >= years;
        a[WOMAN] = ds.cadres.gender[p as usize] == Gender::Female;
        a[YOUNG_PRINCIPAL] = f64::from(f.age) <= young2;
        a
    };
    // Candidates: eligibility and warnings per slot; classes.
    let open_persons: BTreeMap<usize, Vec<u32>> = {
        let mut m: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        for (k, unit) in problem.units.iter().enumerate() {
            m.entry(unit.team).or_default().push(seated[k].person);
        }
        m
    };
    let pool_set: BTreeSet<u32> = sh.pool.iter().map(|p| p.0).collect();
    let mut classes: BTreeMap<ClassKey, Vec<(f64, u32)>> = BTreeMap::new();
    let mut kin_linked: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let open_units: Vec<u32> = teams.iter().filter(|t| t.open).map(|t| t.unit).collect();
    for (p, base) in &sh.pool {
        let p = *p;
        if options.exclude.contains(&p) {
            continue;
        }
        // Facts with tenure where the candidate has worked in an open unit.
        let mut at_unit: BTreeMap<u32, Fact> = BTreeMap::new();
        if let Some(cu) = sh.career_units.get(&p) {
            for &u in open_units.iter().filter(|u| cu.contains(u)) {
                let roles: BTreeSet<Role> = slot_seats
                    .iter()
                    .flatten()
                    .filter(|x| x.0 == u)
                    .map(|x| x.1)
                    .collect();
                let seats: Vec<_> = roles.into_iter().map(|r| (cycle, u, p, r)).collect();
                let options = run.plan.fact_options();
                if let Some(f) = facts::compute_seats_by(ds, &options, &sh.career_rows, seats).pop()
                {
                    at_unit.insert(u, f);
                }
            }
        }
        let mut on: Vec<Option<u32>> = Vec::with_capacity(problem.slots.len());
        for seats in &slot_seats {
            let mut warn = 0u32;
            let mut ok = true;
            for &(u, role, body) in seats {
                let f = at_unit.get(&u).unwrap_or(base);
                let seat = Seat {
                    cycle,
                    unit: u,
                    role,
                    body,
                    nomination: sh.nominator.of(p, u),
                };
                for (_, sev) in seat_rules::breaches(ds, rules, p, f, &seat) {
                    match sev {
                        Severity::Error => ok = false,
                        Severity::Warning => warn += 1,
                        Severity::Advice => {}
                    }
                }
            }
            on.push(ok.then_some(warn));
        }
        if on.iter().all(Option::is_none) {
            continue;
        }
        let kin: Vec<u32> = seat_rules::kin_of(ds, p)
            .into_iter()
            .filter(|k| pool_set.contains(k) || open_persons.values().flatten().any(|x| x == k))
            .collect();
        let fit = fit_of(ds, base);
        let attrs = attrs_of(p, base).to_vec();
        let own = (!kin.is_empty()).then_some(p);
        if !kin.is_empty() {
            kin_linked.insert(p, kin);
        }
        classes.entry((attrs, on, own)).or_default().push((fit, p));
    }
    let n_slots = problem.slots.len();
    let mut people: Vec<Vec<u32>> = Vec::new();
    let mut class_of: BTreeMap<u32, usize> = BTreeMap::new();
    for ((attrs, on, _), mut members) in classes {
        members.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.1.cmp(&b.1))
        });
        members.truncate(n_slots.max(1));
        let g = problem.classes.len();
        let mut a = [false; ATTRS];
        a.copy_from_slice(&attrs);
        let fit = members.iter().map(|m| m.0).sum::<f64>() / members.len() as f64;
        problem.classes.push(Class {
            size: members.len(),
            attrs: a,
            on: on.iter().map(|w| w.map(f64::from)).collect(),
            fit,
        });
        for m in &members {
            class_of.insert(m.1, g);
        }
        people.push(members.into_iter().map(|m| m.1).collect());
    }
    // Kin: a candidate of one with a seated person of the team, or with another candidate.
    for (p, kin) in &kin_linked {
        let Some(&g) = class_of.get(p) else { continue };
        for k in kin {
            for (u, sp) in seated.iter().enumerate() {
                if sp.person == *k {
                    problem.kin_unit.push((g, u));
                }
            }
            if let Some(&h) = class_of.get(k) {
                if g < h {
                    for (t, team) in teams.iter().enumerate() {
                        if team.open {
                            problem.kin_class.push((g, h, t));
                        }
                    }
                }
            }
        }
    }
    // Counts per open team: AGE-001 and EXP-001.
    for (t, team) in teams.iter().enumerate() {
        if !team.open {
            continue;
        }
        let u = team.unit;
        let member_units: Vec<usize> = (0..problem.units.len())
            .filter(|&k| problem.units[k].team == t && slot_member[k])
            .collect();
        let member_slots: Vec<usize> = (0..n_slots)
            .filter(|&sl| problem.slots[sl].team == t && slot_member[sl])
            .collect();
        let n = member_slots.len() as i64;
        for (code, attr) in [("AGE-001", YOUNG), ("EXP-001", TOWNSHIP)] {
            if !is_error(u, code) {
                continue;
            }
            let need = at_least(n, rules.min_share(code)) as f64;
            problem.counts.push(Count {
                group: Group {
                    rule: code,
                    place: team.unit_id.clone(),
                },
                need,
                constant: 0.0,
                keep: member_units
                    .iter()
                    .filter(|&&k| {
                        fact_of
                            .get(&(u, seated[k].person))
                            .is_some_and(|f| attrs_of(seated[k].person, f)[attr])
                    })
                    .map(|&k| (k, 1.0))
                    .collect(),
                fill: member_slots.iter().map(|&sl| (sl, attr, 1.0)).collect(),
            });
        }
    }
    // District counts: AGE-002 and GEN-001 over principal posts, GEN-002 over women.
    let applies = |code: &str| -> Vec<usize> {
        (0..teams.len())
            .filter(|&t| rules.severity(ds, teams[t].unit, code).is_some())
            .collect()
    };
    let district_error = |code: &str| units.iter().any(|&u| is_error(u, code));
    let place = key.to_string();
    for (code, attr) in [("AGE-002", YOUNG_PRINCIPAL), ("GEN-001", WOMAN)] {
        if !district_error(code) {
            continue;
        }
        let ts = applies(code);
        let (mut constant, mut n) = (0.0, 0.0);
        let mut keep = Vec::new();
        let mut fill = Vec::new();
        for &t in &ts {
            let team = &teams[t];
            let sub = rules.preset(ds, team.unit) == Preset::Subdistrict;
            if !team.open {
                for i in seats_of(team.unit) {
                    if s.role[i].is_principal(sub) {
                        n += 1.0;
                        let p = s.person[i];
                        if fact_of
                            .get(&(team.unit, p))
                            .is_some_and(|f| attrs_of(p, f)[attr])
                        {
                            constant += 1.0;
                        }
                    }
                }
                continue;
            }
            for sl in (0..n_slots).filter(|&sl| problem.slots[sl].team == t) {
                let w = slot_principal[sl];
                if w == 0.0 {
                    continue;
                }
                n += w;
                fill.push((sl, attr, w));
                if let Some(k) = problem.slots[sl].unit {
                    let p = seated[k].person;
                    if fact_of
                        .get(&(team.unit, p))
                        .is_some_and(|f| attrs_of(p, f)[attr])
                    {
                        keep.push((k, w));
                    }
                }
            }
        }
        problem.counts.push(Count {
            group: Group {
                rule: code,
                place: place.clone(),
            },
            need: at_least(n as i64, rules.min_share(code)) as f64,
            constant,
            keep,
            fill,
        });
    }
    if district_error("GEN-002") {
        if let Some(prev_women) = previous_women(sh, key, &applies("GEN-002"), &teams) {
            let mut constant = 0.0;
            let mut keep = Vec::new();
            let mut fill = Vec::new();
            for t in applies("GEN-002") {
                let team = &teams[t];
                if !team.open {
                    let women: BTreeSet<u32> = seats_of(team.unit)
                        .into_iter()
                        .filter(|&i| s.role[i].is_team_member(s.body[i]))
                        .map(|i| s.person[i])
                        .filter(|&p| ds.cadres.gender[p as usize] == Gender::Female)
                        .collect();
                    constant += women.len() as f64;
                    continue;
                }
                for sl in (0..n_slots).filter(|&sl| problem.slots[sl].team == t && slot_member[sl])
                {
                    fill.push((sl, WOMAN, 1.0));
                    if let Some(k) = problem.slots[sl].unit {
                        if ds.cadres.gender[seated[k].person as usize] == Gender::Female {
                            keep.push((k, 1.0));
                        }
                    }
                }
            }
            problem.counts.push(Count {
                group: Group {
                    rule: "GEN-002",
                    place,
                },
                need: prev_women + 1.0,
                constant,
                keep,
                fill,
            });
        }
    }
    District {
        key: key.to_string(),
        name: ds.units.name_of(key).unwrap_or(key).to_string(),
        cycle,
        teams,
        seated,
        new_seats,
        removed,
        people,
        problem,
        unmodelled,
        errors,
    }
}

/// Women members of the district's teams (where GEN-002 applies) in the previous cycle.
fn previous_women(sh: &Shared, _key: &str, applies: &[usize], teams: &[Team]) -> Option<f64> {
    let ds = &*sh.run.ds;
    let prev = ds.cycles.previous[sh.cycle as usize]
        .as_ref()
        .and_then(|p| ds.cycles.index.get(p).copied())?;
    let s = &ds.slate;
    let units: BTreeSet<u32> = applies.iter().map(|&t| teams[t].unit).collect();
    let women: BTreeSet<u32> = (0..s.len())
        .filter(|&i| s.cycle[i] == prev && units.contains(&s.unit[i]))
        .filter(|&i| s.role[i].is_team_member(s.body[i]))
        .map(|i| s.person[i])
        .filter(|&p| ds.cadres.gender[p as usize] == Gender::Female)
        .collect();
    let any = (0..s.len()).any(|i| s.cycle[i] == prev && units.contains(&s.unit[i]));
    any.then_some(women.len() as f64)
}

/// Fit for a post, 0..1: township leadership, township years, education.
pub fn fit_of(ds: &Dataset, f: &Fact) -> f64 {
    let mut x = 0.0;
    if f.township_leadership {
        x += 0.4;
    }
    x += (f.township_years.min(10.0) / 10.0) * 0.4;
    if let Some(e) = ds.cadres.education[f.person as usize] {
        x += f64::from(e.rank()) / 5.0 * 0.2;
    }
    x
}

impl District {
    /// The seat changes of an assignment: each replaced person's seats to a member of
    /// the chosen class (best fit first), each added seat, each removed seat.
    pub fn changes(&self, ds: &Dataset, a: &super::problem::Assignment) -> Vec<Change> {
        let s = &ds.slate;
        let cycle = ds.cycles.cycle[self.cycle as usize].clone();
        let mut next = vec![0usize; self.people.len()];
        let mut take = |g: usize| -> String {
            let p = self.people[g][next[g]];
            next[g] += 1;
            ds.cadres.person_id[p as usize].to_string()
        };
        let mut out = Vec::new();
        for &(i, _) in &self.removed {
            out.push(Change {
                cycle: cycle.clone(),
                unit_id: ds.units.unit_id[s.unit[i] as usize].clone(),
                post: s.post[i].to_string(),
                out: Some(ds.cadres.person_id[s.person[i] as usize].to_string()),
                into: None,
                nomination: None,
                fulltime: None,
                line: 0,
            });
        }
        for (sl, slot) in self.problem.slots.iter().enumerate() {
            let Some(g) = a.fill[sl] else { continue };
            let who = take(g);
            let unit_id = self.teams[slot.team].unit_id.clone();
            match slot.unit {
                Some(k) => {
                    for &i in &self.seated[k].seats {
                        out.push(Change {
                            cycle: cycle.clone(),
                            unit_id: unit_id.clone(),
                            post: s.post[i].to_string(),
                            out: Some(ds.cadres.person_id[s.person[i] as usize].to_string()),
                            into: Some(who.clone()),
                            nomination: None,
                            fulltime: None,
                            line: 0,
                        });
                    }
                }
                None => {
                    let n = &self.new_seats[sl - self.seated.len()];
                    out.push(Change {
                        cycle: cycle.clone(),
                        unit_id,
                        post: n.post.clone(),
                        out: None,
                        into: Some(who),
                        nomination: None,
                        fulltime: n.fulltime,
                        line: 0,
                    });
                }
            }
        }
        out
    }
}
