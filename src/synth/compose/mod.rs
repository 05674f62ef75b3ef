//! The generation engine: composes the 2016 teams, carries people into the 2021 teams
//! (continuing, moved within the unit, exchanged between units, or leaving), fills the
//! remaining seats with new people, and writes every person's work history.
//!
//! Every team is composed to pass the structure rules the checker applies (ages, women,
//! township experience, source groups, specialties, minority share, tenure, rotation of
//! principals), except where a breach is planted; a planted breach is recorded as a
//! [`Finding`] with a note on what was done. Attributes of new people are chosen *for*
//! their team (the team's needs are computed first, then people are made to fit), which
//! keeps generation linear and lets the test oracle confirm the outcome.
//!
//! Safety margins keep the data away from rule boundaries: tenure runs that must stay
//! under 10 years stay under 9.5, nobody continuing is older than 55 (56+ only where
//! AGE-003/004/005 are planted), new promotions are at most 53, women (exit age 55) are
//! at most 51 when re-nominated, transferred or exchanged and at most 49 when newly
//! promoted, in both cycles and whatever their body, and township experience is either
//! at least 30 months of 乡镇/街道 spells or (for the few "county track" people) none at
//! all, so whether village or 事业单位 spells count cannot change an outcome. Each 2021
//! team keeps enough of its unit's 2016 members that at most 70% are new to it
//! (ROT-005).

use super::model::*;
use super::rng::Rng;
use super::vocab::*;
use crate::normalize::date::age_at;
use crate::normalize::unit_kind::UnitKind;
use std::collections::HashSet;

mod finish;
mod gender;
mod people;
mod team;
mod y2016;
mod y2021;

/// What the steps of [`Builder::fill_team`] know about the team being filled.
struct TeamCtx {
    c: usize,
    unit: Unit,
    sub: bool,
    /// AGE-002 is planted in the unit's district (2021): no young principal.
    area_age002: bool,
    seats: Vec<Seat>,
    /// Members (seats other than the plain 纪委 deputy).
    n: usize,
    /// Members needed with 2+ township years: ceil(2n/3).
    thr: usize,
    /// Members needed aged 35 or under: ceil(n/5).
    young_min: usize,
    /// People already seated (continuing from 2016).
    prefilled: Vec<usize>,
}

impl TeamCtx {
    /// Breach `b` is planted in this (2021) team.
    fn has(&self, b: Breach) -> bool {
        self.c == 1 && self.unit.has(b)
    }
    /// This is the 2016 team of a unit where `b` is planted in 2021.
    fn sets_up(&self, b: Breach) -> bool {
        self.c == 0 && self.unit.has(b)
    }
}

/// How a person's work history before the team was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Profile {
    /// 科员 in a township (or 街道 in a district) for 30+ months, then more town work.
    Township,
    /// County department first, then 30+ months in a town.
    Mixed,
    /// 大学生村官 for 2–3 years, then 30+ months in a town.
    Village,
    /// County departments only: no township, village or 事业单位 time.
    County,
    /// Village party branch secretary (村干部): village time only.
    VillageCadre,
    /// Township public institution (事业编制): institution time only.
    Institution,
    /// One year as 大学生村官, then county departments: under 2 years even if village
    /// time were counted.
    ShortVillageCounty,
    /// Townships of a neighbouring county: township time but no 街道 work.
    Neighbour,
}

impl Profile {
    fn strict_high(self) -> bool {
        matches!(
            self,
            Profile::Township | Profile::Mixed | Profile::Village | Profile::Neighbour
        )
    }
    fn source(self) -> bool {
        matches!(
            self,
            Profile::Village
                | Profile::VillageCadre
                | Profile::Institution
                | Profile::ShortVillageCounty
        )
    }
}

/// What a vacant seat's new occupant must look like.
#[derive(Debug, Clone)]
struct Spec {
    seat: usize,
    slot: Slot,
    age: i32,
    birth: Option<Ym>,
    young: bool,
    special: bool,
    profile: Profile,
    minority: bool,
    specialties: Vec<&'static str>,
    no_fazhi: bool,
    female: Option<bool>,
    party: &'static str,
    vetting: bool,
    native: Option<String>,
    /// First month in the unit's leadership.
    join: Ym,
    /// First month in this seat (after `join` when promoted within the unit).
    slot_from: Ym,
    must_continue: bool,
}

/// The stretch of a career before a team: from the first job to the first team post.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: Ym,
    until: Ym,
    /// Age when the stretch ends.
    age_at_until: i32,
    /// Heading for a principal post (so a leadership post comes last).
    leader: bool,
}

/// One piece of a pre-team career.
struct Piece {
    place: Place,
    posts: Vec<Post>,
    min: i32,
    /// Fixed length (no share of the spare months).
    fixed: bool,
}

/// Builds a [`World`] from its layout (areas, units, planted breaches).
pub struct Builder {
    pub w: World,
    rng: Rng,
    unique_names: bool,
    names_used: HashSet<String>,
    /// Seats that only a new person may fill in 2021: (unit, seat).
    reserved: HashSet<(usize, usize)>,
    extra: Extra,
}

/// How many cadres on no slate to add.
#[derive(Debug, Clone, Copy)]
pub enum Extra {
    /// Until the world holds this many people.
    FillTo(usize),
    /// This many per unit.
    PerUnit(usize),
}

fn post(title: &str, role: Option<Role>, leadership: bool) -> Post {
    Post {
        title: title.to_string(),
        role,
        leadership,
    }
}

/// Whether the 2016 seat `slot` of `unit` holds a person planted for a 2021 breach.
fn planted_2016(unit: &Unit, slot: Slot) -> bool {
    match slot {
        Slot::Organization => unit.has(Breach::Rot001),
        Slot::ArmedForces => unit.has(Breach::Rot002),
        Slot::Secretary => unit.has(Breach::Rot003),
        Slot::PcHead => unit.has(Breach::Age003) || unit.has(Breach::Age004),
        _ => false,
    }
}

/// Whether someone aged `age` in cycle `c` graduated late enough (2000 or later) to
/// have been a 大学生村官.
fn village_age_ok(age: i32, c: usize) -> bool {
    age <= CYCLE_YEARS[c] - 1980
}

/// Smallest count `m` with `m / total ≥ 5%`.
pub fn five_percent(total: usize) -> usize {
    total.div_ceil(20)
}

impl Builder {
    /// `unique_names` keeps names distinct (sample); `extra` says how many cadres on no
    /// slate to add.
    pub fn new(w: World, seed: u64, unique_names: bool, extra: Extra) -> Builder {
        Builder {
            w,
            rng: Rng::new(seed),
            unique_names,
            names_used: HashSet::new(),
            reserved: HashSet::new(),
            extra,
        }
    }

    /// Runs every step and returns the finished world.
    pub fn run(mut self) -> World {
        let n_units = self.w.units.len();
        self.w.teams = [vec![Vec::new(); n_units], vec![Vec::new(); n_units]];
        let areas = self.w.areas.len();
        for a in 0..areas {
            self.compose_2016(a);
        }
        for a in 0..areas {
            self.gender_pass(0, a);
        }
        for a in 0..areas {
            self.plan_2021(a);
        }
        for a in 0..areas {
            self.designate_young(1, a);
            for u in self.w.areas[a].units.clone() {
                self.fill_team(1, u);
            }
        }
        for a in 0..areas {
            self.gender_pass(1, a);
        }
        self.finalize();
        self.w
    }

    // ----- helpers ---------------------------------------------------------------

    fn age(&self, p: usize, c: usize) -> i32 {
        age_at(self.w.persons[p].birth.date(), as_of(c))
    }

    /// Whether person `p`, seated in cycle `c`, may be a woman without an AGE-004/005
    /// finding (exit age 55): aged at most 51 when re-nominated, transferred or exchanged,
    /// 49 when newly promoted.
    fn may_be_woman(&self, p: usize, c: usize) -> bool {
        let Some((u, si)) = self.w.persons[p].seat[c] else {
            return true;
        };
        self.age(p, c) <= female_age_cap(self.w.teams[c][u][si].nomination)
    }

    fn members(&self, c: usize, u: usize) -> Vec<usize> {
        self.w.teams[c][u]
            .iter()
            .filter(|s| s.slot != Slot::DisciplineDeputy)
            .filter_map(|s| s.person)
            .collect()
    }

    fn member_seat_count(&self, c: usize, u: usize) -> usize {
        self.w.teams[c][u]
            .iter()
            .filter(|s| s.slot != Slot::DisciplineDeputy)
            .count()
    }

    /// Township years (乡镇/街道 spells) at the reference date of cycle `c`.
    fn township_years(&self, p: usize, c: usize) -> f64 {
        super::oracle::township_years(&self.w.persons[p], as_of(c), false)
    }

    fn has_street_work(&self, p: usize, c: usize) -> bool {
        let limit = as_of(c);
        self.w.persons[p]
            .spells
            .iter()
            .any(|s| s.place.kind == UnitKind::Subdistrict && s.start.date() <= limit)
    }

    fn place_of_unit(&self, u: usize) -> Place {
        let unit = &self.w.units[u];
        Place {
            unit: Some(u),
            name: unit.full.clone(),
            kind: unit.kind,
        }
    }
}

fn close_open(person: &mut Person, at: Ym) {
    if let Some(last) = person.spells.iter_mut().rev().find(|s| s.end.is_none()) {
        last.end = Some(at);
    }
}

fn study(start: Ym, end: Ym, school: &str, major: &str, graduate: bool) -> Spell {
    let title = if graduate {
        format!("{major}专业研究生学习")
    } else {
        format!("{major}专业学习")
    };
    Spell {
        start,
        end: Some(end),
        place: Place {
            unit: None,
            name: school.to_string(),
            kind: UnitKind::School,
        },
        posts: vec![Post {
            title,
            role: None,
            leadership: false,
        }],
    }
}

/// Age range (at the reference date) of a new person who is not among the young.
fn age_range(slot: Slot, c: usize) -> (i32, i32) {
    let old_ok = c == 0;
    match slot {
        Slot::Secretary => (40, 52),
        Slot::Head => (36, 48),
        Slot::PcHead => (45, if old_ok { 55 } else { 53 }),
        Slot::PartyBuilding => (36, 46),
        Slot::DeputySecretary => (38, 48),
        Slot::Discipline => (38, if old_ok { 55 } else { 50 }),
        Slot::Organization => (36, 45),
        Slot::Propaganda => (36, 44),
        Slot::ArmedForces => (38, if old_ok { 54 } else { 50 }),
        Slot::DeputyHead => (36, 48),
        Slot::DisciplineDeputy => (36, 48),
    }
}
