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

    // ----- 2016 ------------------------------------------------------------------

    fn template(&mut self, u: usize, c: usize) -> Vec<Seat> {
        let unit = &self.w.units[u];
        let has = |b: Breach| c == 1 && unit.has(b);
        let sub = unit.kind == UnitKind::Subdistrict;
        let (size001, size002, size005, post001, post002, post003) = (
            has(Breach::Size001),
            has(Breach::Size002),
            has(Breach::Size005),
            has(Breach::Post001),
            has(Breach::Post002),
            has(Breach::Post003),
        );
        let mut seats = Vec::with_capacity(12);
        seats.push(Seat::new(Slot::Secretary));
        let mut head = Seat::new(Slot::Head);
        if size001 {
            head.deputy_row = false;
        }
        seats.push(head);
        seats.push(Seat::new(if post001 {
            Slot::DeputySecretary
        } else {
            Slot::PartyBuilding
        }));
        if !size002 {
            let mut pc = Seat::new(Slot::PcHead);
            // AGE-003/004/005 concern members of the 乡镇 party committee: where they are
            // planted on the 人大主席, the 人大主席 is also a 党委委员 (both cycles).
            pc.committee_row = !sub
                && (unit.has(Breach::Age003)
                    || unit.has(Breach::Age004)
                    || unit.has(Breach::Age005));
            seats.push(pc);
        }
        seats.push(Seat::new(Slot::Discipline));
        seats.push(Seat::new(if post002 {
            Slot::DeputySecretary
        } else {
            Slot::Organization
        }));
        if sub {
            if !size001 {
                seats.push(Seat::new(Slot::ArmedForces));
                seats.push(Seat::new(Slot::Propaganda));
                let r = self.rng.unit();
                if post003 {
                    seats[4 - usize::from(size002)].fulltime = false;
                } else if r < 0.15 {
                    let d = seats
                        .iter()
                        .position(|s| s.slot == Slot::Discipline)
                        .expect("discipline seat");
                    seats[d].fulltime = false;
                    seats.push(Seat::new(Slot::DisciplineDeputy));
                } else if r < 0.3 {
                    seats.push(Seat::new(Slot::DisciplineDeputy));
                }
            }
        } else {
            seats.push(Seat::new(Slot::Propaganda));
            seats.push(Seat::new(Slot::ArmedForces));
            let mut d1 = Seat::new(Slot::DeputyHead);
            let mut d2 = Seat::new(Slot::DeputyHead);
            if size005 {
                d1.committee_row = true;
                d2.committee_row = true;
                let pc = seats
                    .iter()
                    .position(|s| s.slot == Slot::PcHead)
                    .expect("pc seat");
                seats[pc].committee_row = true;
            } else if self.rng.chance(0.35) {
                d1.committee_row = true;
            }
            seats.push(d1);
            seats.push(d2);
            if self.rng.chance(0.2) {
                seats.push(Seat::new(Slot::DisciplineDeputy));
            }
        }
        seats
    }

    fn compose_2016(&mut self, a: usize) {
        let units = self.w.areas[a].units.clone();
        for &u in &units {
            self.w.teams[0][u] = self.template(u, 0);
        }
        self.designate_young(0, a);
        for &u in &units {
            self.fill_team(0, u);
        }
    }

    /// Marks vacant principal seats of a district to be filled by people aged 35 or
    /// under, enough for AGE-002 (unless that breach is planted in 2021).
    fn designate_young(&mut self, c: usize, a: usize) {
        let area = &self.w.areas[a];
        if !area.district || (c == 1 && area.breaches.contains(&AreaBreach::Age002)) {
            return;
        }
        let units = area.units.clone();
        let mut total = 0;
        let mut have = 0;
        let mut candidates = Vec::new();
        for &u in &units {
            let unit = &self.w.units[u];
            for (si, seat) in self.w.teams[c][u].iter().enumerate() {
                if !seat.slot.is_principal() {
                    continue;
                }
                total += 1;
                match seat.person {
                    Some(p) => {
                        if self.age(p, c) <= 35 {
                            have += 1;
                        }
                    }
                    None => {
                        let blocked = (c == 1 && unit.has(Breach::Age001))
                            || (c == 0 && planted_2016(unit, seat.slot))
                            || self.reserved.contains(&(u, si))
                            || seat.slot == Slot::Secretary;
                        if !blocked {
                            candidates.push((u, si));
                        }
                    }
                }
            }
        }
        let need = five_percent(total).saturating_sub(have);
        self.rng.shuffle(&mut candidates);
        for &(u, si) in candidates.iter().take(need) {
            self.w.teams[c][u][si].young_principal = true;
        }
    }

    // ----- filling a team ----------------------------------------------------------

    /// Creates new people for the vacant seats of team (`c`, `u`) so that the team
    /// passes every rule not planted as a breach.
    fn fill_team(&mut self, c: usize, u: usize) {
        let unit = self.w.units[u].clone();
        let area_age002 = c == 1
            && self.w.areas[unit.area]
                .breaches
                .contains(&AreaBreach::Age002);
        let seats = self.w.teams[c][u].clone();
        let member_seats: Vec<usize> = (0..seats.len())
            .filter(|&i| seats[i].slot != Slot::DisciplineDeputy)
            .collect();
        let n = member_seats.len();
        let prefilled: Vec<usize> = member_seats
            .iter()
            .filter_map(|&i| seats[i].person)
            .collect();
        let vacant: Vec<usize> = member_seats
            .iter()
            .copied()
            .filter(|&i| seats[i].person.is_none())
            .collect();
        let election_c = election(c);
        let t = TeamCtx {
            c,
            sub: unit.kind == UnitKind::Subdistrict,
            area_age002,
            n,
            thr: (2 * n).div_ceil(3),
            young_min: n.div_ceil(5),
            prefilled,
            seats,
            unit,
        };
        let mut specs: Vec<Spec> = vacant
            .iter()
            .map(|&si| Spec {
                seat: si,
                slot: t.seats[si].slot,
                age: 40,
                birth: None,
                young: false,
                special: false,
                profile: Profile::Township,
                minority: false,
                specialties: Vec::new(),
                no_fazhi: t.has(Breach::Spec001),
                female: None,
                party: "中共党员",
                vetting: false,
                native: None,
                join: election_c,
                slot_from: election_c,
                must_continue: false,
            })
            .collect();
        self.plant_specials(&t, &mut specs);
        self.assign_ages(&t, &mut specs);
        self.assign_joins(&t, &mut specs);
        self.assign_profiles(&t, &mut specs);
        self.assign_minorities(&t, &mut specs);
        self.assign_specialties(&t, &mut specs);
        self.assign_misc(&t, &mut specs);

        // Create the people.
        let mut created = Vec::with_capacity(specs.len());
        for s in &specs {
            let p = self.create_person(c, u, s);
            created.push((s.seat, p));
        }
        // The plain 纪委 deputy, if its seat is vacant.
        if let Some(si) = (0..t.seats.len())
            .find(|&i| t.seats[i].slot == Slot::DisciplineDeputy && t.seats[i].person.is_none())
        {
            let spec = Spec {
                seat: si,
                slot: Slot::DisciplineDeputy,
                age: self.rng.range(36, 48),
                birth: None,
                young: false,
                special: false,
                profile: Profile::Township,
                minority: false,
                specialties: vec!["法治", "党务"],
                no_fazhi: false,
                female: Some(false),
                party: "中共党员",
                vetting: false,
                native: None,
                join: election_c,
                slot_from: election_c,
                must_continue: false,
            };
            let p = self.create_person(c, u, &spec);
            created.push((si, p));
        }

        if c == 1 {
            self.plant_person_findings(u, &created);
        }
    }

    /// Sets up, in 2016, the people a 2021 breach needs (long tenures, planted ages), and
    /// in 2021 the 56-year-old new 人大主席 of AGE-005.
    fn plant_specials(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
        let c = t.c;
        let unit = &t.unit;
        let has = |b: Breach| t.has(b);
        let sets_up = |b: Breach| t.sets_up(b);
        for s in specs.iter_mut() {
            let special = match s.slot {
                Slot::Organization if sets_up(Breach::Rot001) => {
                    Some((Some(42), None, Ym::new(2010, 5), Ym::new(2014, 8)))
                }
                Slot::ArmedForces if sets_up(Breach::Rot002) => {
                    Some((Some(45), None, Ym::new(2011, 3), Ym::new(2011, 3)))
                }
                Slot::Secretary if sets_up(Breach::Rot003) => {
                    Some((Some(43), None, Ym::new(2015, 3), Ym::new(2015, 3)))
                }
                Slot::PcHead if sets_up(Breach::Age003) => {
                    let j = Ym::new(2013, 1).plus(self.rng.range(0, 30));
                    Some((None, Some(Ym::new(1962, 3)), j, j))
                }
                Slot::PcHead if sets_up(Breach::Age004) => {
                    let j = Ym::new(2013, 1).plus(self.rng.range(0, 30));
                    Some((None, Some(Ym::new(1964, 3)), j, j))
                }
                _ => None,
            };
            if let Some((age, birth, join, slot_from)) = special {
                s.special = true;
                s.must_continue = true;
                s.birth = birth;
                s.age = match birth {
                    Some(b) => age_at(b.date(), as_of(c)),
                    None => age.unwrap_or(45),
                };
                s.join = join;
                s.slot_from = slot_from;
                // Keep the planted person compatible with the unit's other breaches.
                if unit.has(Breach::Gen004) {
                    s.female = Some(false);
                }
                if s.slot == Slot::PcHead {
                    // The planted ages are a man's (exit age 60); a woman of 52 or more
                    // would already be a finding in 2016.
                    s.female = Some(false);
                }
                if unit.has(Breach::Spec001) {
                    s.no_fazhi = true;
                }
            }
            if c == 1 && s.slot == Slot::PcHead && has(Breach::Age005) {
                s.special = true;
                s.female = Some(false);
                s.birth = Some(Ym::new(1965, 3));
                s.age = age_at(Ym::new(1965, 3).date(), as_of(c));
            }
        }
    }

    /// Ages: enough members aged 35 or under (AGE-001, AGE-007, planned young principals),
    /// slot-typical ages for the others.
    fn assign_ages(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
        let c = t.c;
        let young_min = t.young_min;
        let area_age002 = t.area_age002;
        let seats = &t.seats;
        let prefilled = &t.prefilled;
        let has = |b: Breach| t.has(b);
        let young_pref = prefilled.iter().filter(|&&p| self.age(p, c) <= 35).count();
        let no_young = has(Breach::Age001);
        let designated: Vec<usize> = (0..specs.len())
            .filter(|&i| seats[specs[i].seat].young_principal && !specs[i].special)
            .collect();
        let mut young_idx: Vec<usize> = designated.clone();
        if !no_young {
            let need = young_min.saturating_sub(young_pref + designated.len());
            let mut tier1: Vec<usize> = (0..specs.len())
                .filter(|&i| !specs[i].special && !specs[i].slot.is_principal())
                .filter(|i| !young_idx.contains(i))
                .collect();
            let mut tier2: Vec<usize> = (0..specs.len())
                .filter(|&i| {
                    !specs[i].special
                        && matches!(specs[i].slot, Slot::Head | Slot::PcHead)
                        && !area_age002
                })
                .filter(|i| !young_idx.contains(i))
                .collect();
            self.rng.shuffle(&mut tier1);
            self.rng.shuffle(&mut tier2);
            let extra = usize::from(self.rng.chance(0.35));
            let mut taken = 0;
            for &i in tier1.iter() {
                if taken >= need + extra {
                    break;
                }
                young_idx.push(i);
                taken += 1;
            }
            for &i in tier2.iter() {
                if taken >= need {
                    break;
                }
                young_idx.push(i);
                taken += 1;
            }
        }
        for (i, spec) in specs.iter_mut().enumerate() {
            if spec.special {
                continue;
            }
            let young = young_idx.contains(&i);
            spec.young = young;
            spec.age = if young {
                if spec.slot.is_principal() {
                    self.rng.range(33, 35)
                } else if t.sets_up(Breach::Age001) {
                    // Over 35 by 2021, so they can stay on a team that has nobody aged
                    // 35 or under (ROT-005).
                    self.rng.range(31, 35)
                } else {
                    self.rng.weighted(&[1, 2, 3, 4, 4, 4, 4, 3]) as i32 + 28
                }
            } else {
                let (lo, hi) = age_range(spec.slot, c);
                self.rng.range(lo, hi)
            };
        }
    }

    /// When each 2016 newcomer joined the unit's leadership: about half before the 2016
    /// transition (some promoted within the unit at it).
    fn assign_joins(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
        let c = t.c;
        let election_c = election(t.c);
        if c == 0 {
            for s in specs.iter_mut().filter(|s| !s.special) {
                let early = self.rng.chance(0.5) || s.age > 53;
                if early {
                    let j = Ym::new(2012, 6).plus(self.rng.range(0, 46));
                    s.join = j;
                    s.slot_from = if s.age <= 53
                        && !matches!(s.slot, Slot::DeputyHead | Slot::DisciplineDeputy)
                        && self.rng.chance(0.35)
                    {
                        election_c
                    } else {
                        j
                    };
                }
            }
        }
    }

    /// Work-history profiles: at least two thirds with 2+ township years (EXP-001), one
    /// member from the source groups in a 乡镇 (EXP-006), 街道 work for 街道 principals
    /// (EXP-002), unless a breach asks otherwise.
    fn assign_profiles(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
        let c = t.c;
        let sub = t.sub;
        let n = t.n;
        let thr = t.thr;
        let prefilled = &t.prefilled;
        let has = |b: Breach| t.has(b);
        let sets_up = |b: Breach| t.sets_up(b);
        let low_pref = prefilled
            .iter()
            .filter(|&&p| self.township_years(p, c) < 2.0)
            .count();
        let mut budget = n as i64 - thr as i64 - low_pref as i64;
        let has_source_pref = prefilled.iter().any(|&p| self.w.persons[p].is_source());
        let no_source = has(Breach::Exp006);
        let mut order: Vec<usize> = (0..specs.len()).collect();
        self.rng.shuffle(&mut order);
        // Non-principal seats first when a particular profile is needed.
        order.sort_by_key(|&i| specs[i].slot.is_principal());
        let mut assigned = vec![false; specs.len()];
        for &i in &order {
            let s = &specs[i];
            if s.slot.is_principal() && sub {
                specs[i].profile = if s.slot == Slot::Head && has(Breach::Exp002) {
                    Profile::Neighbour
                } else {
                    let p = [Profile::Township, Profile::Mixed, Profile::Village]
                        [self.rng.weighted(&[70, 15, 15])];
                    if p == Profile::Village && !village_age_ok(s.age, c) {
                        Profile::Township
                    } else {
                        p
                    }
                };
                assigned[i] = true;
            } else if s.special {
                specs[i].profile = Profile::Township;
                assigned[i] = true;
            }
        }
        if has(Breach::Exp001) {
            let lenient_high_pref = prefilled
                .iter()
                .filter(|&&p| {
                    super::oracle::township_years(&self.w.persons[p], as_of(c), true) >= 2.0
                })
                .count();
            let need_low = (lenient_high_pref + specs.len()).saturating_sub(thr - 1);
            let mut made = 0;
            let mut source_done = has_source_pref || sub;
            for &i in &order {
                if made >= need_low {
                    break;
                }
                if assigned[i] {
                    continue;
                }
                specs[i].profile = if !source_done {
                    source_done = true;
                    if !village_age_ok(specs[i].age, c) {
                        specs[i].age = self.rng.range(36, CYCLE_YEARS[c] - 1980);
                    }
                    Profile::ShortVillageCounty
                } else {
                    Profile::County
                };
                assigned[i] = true;
                made += 1;
            }
            budget = i64::MIN / 2;
        }
        let source_assigned = (0..specs.len()).any(|i| assigned[i] && specs[i].profile.source());
        if !sub && !no_source && !has_source_pref && !source_assigned {
            let ok = |i: usize| {
                let head_kept_clean = sets_up(Breach::Exp006) && specs[i].slot == Slot::Head;
                !assigned[i] && !head_kept_clean
            };
            let adjustable = |i: usize| !specs[i].special && !specs[i].slot.is_principal();
            let pick = order
                .iter()
                .copied()
                .find(|&i| ok(i) && village_age_ok(specs[i].age, c))
                .or_else(|| order.iter().copied().find(|&i| ok(i) && adjustable(i)))
                .or_else(|| order.iter().copied().find(|&i| ok(i)));
            if let Some(i) = pick {
                let r = self.rng.unit();
                if !village_age_ok(specs[i].age, c) && budget < 1 && adjustable(i) {
                    // Make the source member young enough to have been a 大学生村官.
                    specs[i].age = self.rng.range(36, CYCLE_YEARS[c] - 1980);
                }
                let village_ok = village_age_ok(specs[i].age, c);
                specs[i].profile = if village_ok && (r < 0.6 || budget < 1) {
                    Profile::Village
                } else if r < 0.8 {
                    budget -= 1;
                    Profile::VillageCadre
                } else {
                    budget -= 1;
                    Profile::Institution
                };
                assigned[i] = true;
            }
        }
        for &i in &order {
            if assigned[i] {
                continue;
            }
            let weights: [u32; 6] = if sub {
                [60, 15, 8, 17, 0, 0]
            } else {
                [50, 15, 10, 12, 5, 8]
            };
            let opts = [
                Profile::Township,
                Profile::Mixed,
                Profile::Village,
                Profile::County,
                Profile::VillageCadre,
                Profile::Institution,
            ];
            let mut p = opts[self.rng.weighted(&weights)];
            if p == Profile::Village && !village_age_ok(specs[i].age, c) {
                p = Profile::Township;
            }
            // The 2016 team of a unit where EXP-006 is planted has only the one source
            // member it needs, so that enough others can stay in 2021 (ROT-005).
            if (no_source || sets_up(Breach::Exp006)) && p.source() {
                p = Profile::Township;
            }
            if !p.strict_high() {
                if budget >= 1 {
                    budget -= 1;
                } else {
                    p = Profile::Township;
                }
            }
            specs[i].profile = p;
        }
    }

    /// Minority members: at least a quarter in a minority area (ETH-001), a few elsewhere.
    fn assign_minorities(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
        let n = t.n;
        let unit = &t.unit;
        let prefilled = &t.prefilled;
        let has = |b: Breach| t.has(b);
        let sets_up = |b: Breach| t.sets_up(b);
        if unit.minority_area {
            let req = n.div_ceil(4);
            let pref = prefilled
                .iter()
                .filter(|&&p| self.w.persons[p].minority)
                .count();
            let want = if has(Breach::Eth001) {
                (req - 1).saturating_sub(pref)
            } else {
                req.saturating_sub(pref) + 1 + usize::from(self.rng.chance(0.4))
            };
            let mut idx: Vec<usize> = (0..specs.len())
                .filter(|&i| {
                    !(sets_up(Breach::Eth001) && (specs[i].slot == Slot::Head || specs[i].special))
                })
                .collect();
            self.rng.shuffle(&mut idx);
            for &i in idx.iter().take(want) {
                specs[i].minority = true;
            }
        } else {
            for s in specs.iter_mut() {
                s.minority = self.rng.chance(0.04);
            }
        }
    }

    /// Specialties: slot-typical first specialties, the four core areas covered
    /// (SPEC-001), no first specialty held by more than half (SPEC-002), unless a breach
    /// asks otherwise.
    fn assign_specialties(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
        let sub = t.sub;
        let n = t.n;
        let prefilled = &t.prefilled;
        let has = |b: Breach| t.has(b);
        let sets_up = |b: Breach| t.sets_up(b);
        if sets_up(Breach::Spec001) {
            for s in specs.iter_mut().filter(|s| s.slot == Slot::Head) {
                s.no_fazhi = true;
            }
        }
        for s in specs.iter_mut() {
            let first = self.first_specialty(s.slot, sub, s.no_fazhi);
            let mut list = vec![first];
            let extra = [0usize, 1, 2][self.rng.weighted(&[3, 5, 2])];
            for _ in 0..extra {
                let cand = self.rng.choose(&SPECIALTIES);
                let barred = s.no_fazhi && cand == "法治";
                if !list.contains(&cand) && !barred {
                    list.push(cand);
                }
            }
            s.specialties = list;
        }
        let pref_specs: Vec<Vec<&'static str>> = prefilled
            .iter()
            .map(|&p| self.w.persons[p].specialties.clone())
            .collect();
        if has(Breach::Spec002) {
            let mut counts: Vec<(usize, &'static str)> = SPECIALTIES
                .iter()
                .map(|&sp| (pref_specs.iter().filter(|l| l[0] == sp).count(), sp))
                .collect();
            counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            let (have, f) = if counts[0].0 > 0 {
                counts[0]
            } else {
                (0, "经济")
            };
            let need = (n / 2 + 1).saturating_sub(have);
            for s in specs.iter_mut().take(need) {
                s.specialties.retain(|&x| x != f);
                s.specialties.insert(0, f);
                s.specialties.truncate(3);
            }
        }
        self.repair_specialties(
            specs,
            &pref_specs,
            n,
            has(Breach::Spec001),
            has(Breach::Spec002),
        );
    }

    /// Party, vetting hold, planted native place, genders fixed in advance.
    fn assign_misc(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
        let unit = &t.unit;
        let seats = &t.seats;
        let has = |b: Breach| t.has(b);
        let sets_up = |b: Breach| t.sets_up(b);
        for s in specs.iter_mut() {
            if seats[s.seat].government_only() && self.rng.chance(0.3) {
                s.party = self.rng.choose(&["民盟", "无党派人士"]);
            }
            if has(Breach::Gen004) || (sets_up(Breach::Gen004) && s.slot == Slot::Head) {
                s.female = Some(false);
            }
            if has(Breach::Rot006Native) && s.slot == Slot::Head {
                s.native = Some(unit.full.clone());
            }
        }
        if has(Breach::Elig001) {
            let pick = (0..specs.len())
                .find(|&i| !specs[i].slot.is_principal())
                .or(if specs.is_empty() { None } else { Some(0) });
            if let Some(i) = pick {
                specs[i].vetting = true;
            }
        }
    }

    fn plant_person_findings(&mut self, u: usize, created: &[(usize, usize)]) {
        let unit = self.w.units[u].clone();
        for &(si, p) in created {
            let slot = self.w.teams[1][u][si].slot;
            let pid = self.w.person_id(p);
            let age = self.age(p, 1);
            if unit.has(Breach::Exp002) && slot == Slot::Head {
                self.plant("EXP-002", Some(u), Some(p), format!(
                    "办事处主任 {pid} came from township posts in a neighbouring county and has no 街道 work"
                ));
            }
            if unit.has(Breach::Age005) && slot == Slot::PcHead {
                let exit = self.w.persons[p].exit_age();
                self.plant(
                    "AGE-005",
                    Some(u),
                    Some(p),
                    format!(
                        "{pid} aged {age}, 新提拔 to 人大主席 and 党委委员 with under 5 years to the exit age {exit}"
                    ),
                );
            }
            if unit.has(Breach::Rot006Native) && slot == Slot::Head {
                self.plant(
                    "ROT-006",
                    Some(u),
                    Some(p),
                    format!(
                        "head {pid} has native place {} (the unit itself)",
                        unit.full
                    ),
                );
            }
            if self.w.persons[p].vetting_hold {
                self.plant(
                    "ELIG-001",
                    Some(u),
                    Some(p),
                    format!("{pid} nominated while vetting_hold is true"),
                );
            }
        }
        if unit.has(Breach::Rot006Kin) {
            let members = self.members(1, u);
            let newcomer = created
                .iter()
                .map(|&(_, p)| p)
                .find(|p| members.contains(p));
            if let Some(x) = newcomer {
                let others: Vec<usize> = members.iter().copied().filter(|&y| y != x).collect();
                let y = self.rng.choose(&others);
                self.w.relations.push(Relation {
                    person: x,
                    relative: y,
                    relation: "",
                });
                let (xid, yid) = (self.w.person_id(x), self.w.person_id(y));
                // A team finding: the pair, not one of them, is the finding.
                self.plant(
                    "ROT-006",
                    Some(u),
                    None,
                    format!("{xid} and {yid} are kin (relations.csv) and sit in the same team"),
                );
            }
        }
    }

    fn plant(
        &mut self,
        rule: &'static str,
        unit: Option<usize>,
        person: Option<usize>,
        note: String,
    ) {
        self.w.planted.push(Finding {
            rule,
            cycle: 1,
            unit,
            person,
            area: None,
            note,
        });
    }

    fn first_specialty(&mut self, slot: Slot, sub: bool, no_fazhi: bool) -> &'static str {
        let table: &[(&'static str, u32)] = match slot {
            Slot::Secretary => &[("党务", 5), ("经济", 3), ("社会管理", 2)],
            Slot::Head => &[("经济", 6), ("社会管理", 2), ("城建", 1), ("金融财政", 1)],
            Slot::PartyBuilding | Slot::Organization => &[("党务", 8), ("社会管理", 2)],
            Slot::DeputySecretary => &[("党务", 3), ("社会管理", 3), ("信访", 2)],
            Slot::PcHead => &[("法治", 4), ("社会管理", 4), ("党务", 2)],
            Slot::Discipline | Slot::DisciplineDeputy => &[("法治", 7), ("党务", 3)],
            Slot::Propaganda => &[("党务", 4), ("社会管理", 4), ("信访", 2)],
            Slot::ArmedForces => &[("社会管理", 5), ("信访", 3), ("法治", 2)],
            Slot::DeputyHead => {
                if sub {
                    &[("城建", 4), ("经济", 3), ("社会管理", 2), ("环保", 1)]
                } else {
                    &[
                        ("经济", 3),
                        ("农林水牧", 4),
                        ("城建", 1),
                        ("环保", 1),
                        ("金融财政", 1),
                    ]
                }
            }
        };
        let allowed: Vec<(&'static str, u32)> = table
            .iter()
            .copied()
            .filter(|(s, _)| !(no_fazhi && *s == "法治"))
            .collect();
        let weights: Vec<u32> = allowed.iter().map(|x| x.1).collect();
        allowed[self.rng.weighted(&weights)].0
    }

    /// Makes the team cover the core specialties (SPEC-001) and keeps any first-listed
    /// specialty at or below half the members (SPEC-002), changing only new people.
    fn repair_specialties(
        &mut self,
        specs: &mut [Spec],
        pref: &[Vec<&'static str>],
        n: usize,
        no_fazhi: bool,
        concentrate: bool,
    ) {
        for _round in 0..20 {
            let mut changed = false;
            // Coverage.
            for &area in CORE_SPECIALTIES.iter() {
                if no_fazhi && area == "法治" {
                    continue;
                }
                let covered = pref.iter().any(|l| l.contains(&area))
                    || specs.iter().any(|s| s.specialties.contains(&area));
                if covered || specs.is_empty() {
                    continue;
                }
                let mut idx: Vec<usize> = (0..specs.len())
                    .filter(|&i| !(area == "法治" && specs[i].no_fazhi))
                    .collect();
                if idx.is_empty() {
                    continue;
                }
                self.rng.shuffle(&mut idx);
                if let Some(&i) = idx.iter().find(|&&i| specs[i].specialties.len() < 3) {
                    specs[i].specialties.push(area);
                } else {
                    // Every list is full: replace a non-core, non-first item (it covers
                    // nothing SPEC-001 needs), or failing that the last item.
                    let j = idx.iter().copied().find(|&i| {
                        specs[i].specialties[1..]
                            .iter()
                            .any(|x| !CORE_SPECIALTIES.contains(x))
                    });
                    match j {
                        Some(i) => {
                            let k = specs[i]
                                .specialties
                                .iter()
                                .skip(1)
                                .position(|x| !CORE_SPECIALTIES.contains(x))
                                .expect("non-core item")
                                + 1;
                            specs[i].specialties[k] = area;
                        }
                        None => {
                            let i = idx[0];
                            let last = specs[i].specialties.len() - 1;
                            specs[i].specialties[last] = area;
                        }
                    }
                }
                changed = true;
            }
            // Concentration.
            if !concentrate {
                let mut counts: Vec<(usize, &'static str)> = SPECIALTIES
                    .iter()
                    .map(|&sp| {
                        (
                            pref.iter().filter(|l| l[0] == sp).count()
                                + specs.iter().filter(|s| s.specialties[0] == sp).count(),
                            sp,
                        )
                    })
                    .collect();
                counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
                if counts[0].0 * 2 > n {
                    let dominant = counts[0].1;
                    let least = counts
                        .iter()
                        .rev()
                        .map(|c| c.1)
                        .find(|&sp| !(no_fazhi && sp == "法治"))
                        .expect("some specialty");
                    if let Some(s) = specs.iter_mut().find(|s| s.specialties[0] == dominant) {
                        if let Some(k) = s.specialties.iter().position(|&x| x != dominant) {
                            s.specialties.swap(0, k);
                        } else {
                            s.specialties[0] = least;
                        }
                        changed = true;
                    }
                }
            }
            if !changed {
                return;
            }
        }
    }

    // ----- people and careers ------------------------------------------------------

    fn create_person(&mut self, c: usize, u: usize, s: &Spec) -> usize {
        let year = CYCLE_YEARS[c];
        let birth = s.birth.unwrap_or_else(|| {
            let bm = self.rng.range(1, 12) as u32;
            let by = year - s.age - i32::from(bm > 9);
            Ym::new(by, bm)
        });
        let age = age_at(birth.date(), as_of(c));
        let education = if s.profile == Profile::VillageCadre {
            if self.rng.chance(0.7) {
                "大专"
            } else {
                "大学"
            }
        } else {
            let r = self.rng.unit();
            if age >= 31 && r < 0.12 {
                "研究生"
            } else if r < 0.27 {
                "大专"
            } else {
                "大学"
            }
        };
        let grad_year = birth.year()
            + match education {
                "研究生" => 25,
                "大专" => 21,
                _ => 22,
            }
            + self.rng.range(0, 1);
        let mut spells = Vec::with_capacity(8);
        let first = s.specialties[0];
        let major = if self.rng.chance(0.6) {
            major_for(first)
        } else {
            major_for(self.rng.choose(&SPECIALTIES))
        };
        match education {
            "大专" => spells.push(study(
                Ym::new(grad_year - 3, 9),
                Ym::new(grad_year, 7),
                self.rng.choose(&COLLEGES),
                major,
                false,
            )),
            "研究生" => {
                let univ = self.rng.choose(&UNIVERSITIES);
                spells.push(study(
                    Ym::new(grad_year - 7, 9),
                    Ym::new(grad_year - 3, 7),
                    univ,
                    major,
                    false,
                ));
                spells.push(study(
                    Ym::new(grad_year - 3, 9),
                    Ym::new(grad_year, 7),
                    self.rng.choose(&UNIVERSITIES),
                    major,
                    true,
                ));
            }
            _ => spells.push(study(
                Ym::new(grad_year - 4, 9),
                Ym::new(grad_year, 7),
                self.rng.choose(&UNIVERSITIES),
                major,
                false,
            )),
        }
        let job_start = Ym::new(grad_year, 7 + self.rng.range(0, 1) as u32);
        let area = self.w.units[u].area;
        let mut join = s.join;
        let mut slot_from = s.slot_from;
        if c == 0 && join < election(0) && join.0 - job_start.0 < 36 && !s.special {
            join = election(0);
            slot_from = election(0);
        }
        let age_at_join = (join.0 - birth.0) / 12;
        let leader = s.slot.is_principal();
        let span = Span {
            start: job_start,
            until: join,
            age_at_until: age_at_join,
            leader,
        };
        let pre = self.pre_career(area, Some(u), s.profile, span);
        spells.extend(pre);
        // Spells in the unit's leadership.
        let unit = self.w.units[u].clone();
        let seat = self.w.teams[c][u][s.seat].clone();
        if slot_from > join {
            spells.push(Spell {
                start: join,
                end: Some(slot_from),
                place: self.place_of_unit(u),
                posts: Seat::new(Slot::DeputyHead).posts(&unit),
            });
        }
        spells.push(Spell {
            start: slot_from,
            end: None,
            place: self.place_of_unit(u),
            posts: seat.posts(&unit),
        });
        let nomination = if c == 1 {
            Nomination::New
        } else if slot_from < election(0) {
            Nomination::Continued
        } else if join < election(0) {
            if s.slot.rank() == 2 {
                Nomination::New
            } else {
                Nomination::Transfer
            }
        } else {
            Nomination::New
        };
        let staffing = match s.profile {
            Profile::Village | Profile::ShortVillageCounty => "大学生村官",
            Profile::VillageCadre => "村干部",
            Profile::Institution => "事业编制",
            _ => {
                if age <= 35 && self.rng.chance(0.4) {
                    "选调生"
                } else {
                    "公务员"
                }
            }
        };
        let ethnicity = if s.minority {
            if self.w.units[u].minority_area {
                let w: Vec<u32> = MINORITIES_HUI_AREA.iter().map(|x| x.1).collect();
                MINORITIES_HUI_AREA[self.rng.weighted(&w)].0
            } else {
                self.rng.choose(&MINORITIES_GENERAL)
            }
        } else {
            "汉族"
        };
        let person = Person {
            female: s.female,
            name: String::new(),
            birth,
            minority: s.minority,
            ethnicity,
            party: s.party,
            education,
            specialties: s.specialties.clone(),
            native: s.native.clone(),
            staffing,
            vetting_hold: s.vetting,
            spells,
            area,
            seat: [None, None],
            must_continue: s.must_continue,
        };
        let p = self.w.persons.len();
        self.w.persons.push(person);
        self.w.persons[p].seat[c] = Some((u, s.seat));
        let st = &mut self.w.teams[c][u][s.seat];
        st.person = Some(p);
        st.nomination = nomination;
        p
    }

    /// Town places a person of `area` may have worked in before joining `target`.
    fn town_places(&self, area: usize, target: Option<usize>) -> Vec<Place> {
        self.w.areas[area]
            .units
            .iter()
            .copied()
            .filter(|&v| Some(v) != target)
            .map(|v| self.place_of_unit(v))
            .collect()
    }

    /// The career from the first job (`start`) up to `until`, shaped by `profile`. No
    /// spell is in `target`.
    fn pre_career(
        &mut self,
        area: usize,
        target: Option<usize>,
        profile: Profile,
        span: Span,
    ) -> Vec<Spell> {
        let Span {
            start,
            until,
            age_at_until,
            leader,
        } = span;
        let total = until.0 - start.0;
        if total <= 0 {
            return Vec::new();
        }
        let towns = if profile == Profile::Neighbour && !self.w.areas[area].neighbours.is_empty() {
            self.w.areas[area].neighbours.clone()
        } else {
            self.town_places(area, target)
        };
        let (a, b) = if towns.is_empty() {
            let area_name = self.w.areas[area].name.clone();
            let fallback = Place {
                unit: None,
                name: format!("{area_name}城关镇"),
                kind: UnitKind::Township,
            };
            (fallback.clone(), fallback)
        } else {
            let i = self.rng.below(towns.len());
            let mut j = self.rng.below(towns.len());
            if towns.len() > 1 && j == i {
                j = (i + 1) % towns.len();
            }
            (towns[i].clone(), towns[j].clone())
        };
        let area_name = self.w.areas[area].name.clone();
        let d1 = self.rng.below(DEPTS.len());
        let d2 = (d1 + 1 + self.rng.below(DEPTS.len() - 1)) % DEPTS.len();
        let dept = |d: usize| Place {
            unit: None,
            name: format!("{area_name}{}", DEPTS[d].name),
            kind: UnitKind::County,
        };
        let village_of = |rng: &mut Rng, town: &Place| {
            let v = if town.kind == UnitKind::Subdistrict {
                rng.choose(&COMMUNITIES)
            } else {
                rng.choose(&VILLAGES)
            };
            Place {
                unit: None,
                name: format!("{}{}", town.name, v),
                kind: UnitKind::Village,
            }
        };
        let clerk = |town: &Place, min: i32| Piece {
            place: town.clone(),
            posts: vec![post("党政办科员", None, false)],
            min,
            fixed: false,
        };
        let office = |town: &Place| Piece {
            place: town.clone(),
            posts: vec![post("党政办主任", None, false)],
            min: 12,
            fixed: false,
        };
        let deputy = |town: &Place| {
            let title = if town.kind == UnitKind::Subdistrict {
                "办事处副主任"
            } else if town.name.ends_with('乡') {
                "副乡长"
            } else {
                "副镇长"
            };
            Piece {
                place: town.clone(),
                posts: vec![post(title, Some(Role::DeputyHead), true)],
                min: 24,
                fixed: false,
            }
        };
        let county_clerk = |d: usize, min: i32| Piece {
            place: dept(d),
            posts: vec![post(DEPTS[d].junior, None, false)],
            min,
            fixed: false,
        };
        let county_lead = |d: usize| Piece {
            place: dept(d),
            posts: vec![post(DEPTS[d].deputy, None, true)],
            min: 24,
            fixed: false,
        };
        let mut req: Vec<Piece> = Vec::new();
        let mut opt: Vec<Piece> = Vec::new();
        let mut last: Option<Piece> = None;
        let senior = age_at_until >= 32;
        // Only people on a slate held posts in generated units' leadership.
        let seated = target.is_some();
        match profile {
            Profile::Township | Profile::Neighbour => {
                req.push(clerk(&a, 30));
                opt.push(office(&a));
                if profile == Profile::Township {
                    opt.push(clerk(&b, 12));
                    opt.push(county_clerk(d1, 12));
                }
                if senior && seated {
                    last = Some(deputy(&b));
                }
            }
            Profile::Mixed => {
                req.push(county_clerk(d1, 12));
                req.push(clerk(&a, 30));
                opt.push(office(&a));
                if senior && seated {
                    last = Some(deputy(&b));
                }
            }
            Profile::Village => {
                let v = village_of(&mut self.rng, &a);
                let len = self.rng.range(24, 36);
                req.push(Piece {
                    place: v,
                    posts: vec![post("大学生村官", None, false)],
                    min: len,
                    fixed: true,
                });
                req.push(clerk(&a, 30));
                opt.push(office(&a));
                if senior && seated {
                    last = Some(deputy(&b));
                }
            }
            Profile::County => {
                req.push(county_clerk(d1, 12));
                opt.push(county_clerk(d2, 12));
                if senior {
                    last = Some(county_lead(d2));
                }
            }
            Profile::VillageCadre => {
                let v = village_of(&mut self.rng, &a);
                req.push(Piece {
                    place: v,
                    posts: vec![post("党支部书记", None, true)],
                    min: 36,
                    fixed: false,
                });
            }
            Profile::Institution => {
                let kind_name = if a.kind == UnitKind::Subdistrict {
                    "便民服务中心"
                } else {
                    "农业综合服务中心"
                };
                req.push(Piece {
                    place: Place {
                        unit: None,
                        name: format!("{}{}", a.name, kind_name),
                        kind: UnitKind::PublicInstitution,
                    },
                    posts: vec![post("技术员", None, false)],
                    min: 24,
                    fixed: false,
                });
            }
            Profile::ShortVillageCounty => {
                let v = village_of(&mut self.rng, &a);
                req.push(Piece {
                    place: v,
                    posts: vec![post("大学生村官", None, false)],
                    min: 12,
                    fixed: true,
                });
                req.push(county_clerk(d1, 12));
                if senior {
                    last = Some(county_lead(d2));
                }
            }
        }
        let mut pieces = req;
        let mut spare = total - pieces.iter().map(|p| p.min).sum::<i32>();
        if spare < 0 {
            // Too little time for the profile (should not happen for ages ≥ 28): one
            // spell in the first town place.
            return vec![Spell {
                start,
                end: Some(until),
                place: a,
                posts: vec![post("党政办科员", None, false)],
            }];
        }
        // A future principal has held a leadership post before.
        let lead_piece = if leader {
            last.take().filter(|p| spare >= p.min)
        } else {
            None
        };
        if let Some(p) = &lead_piece {
            spare -= p.min;
        }
        self.rng.shuffle(&mut opt);
        for piece in opt {
            if spare >= piece.min + 24 && self.rng.chance(0.6) {
                spare -= piece.min;
                pieces.push(piece);
            }
        }
        if let Some(piece) = last {
            if spare >= piece.min + 12 && self.rng.chance(0.7) {
                spare -= piece.min;
                pieces.push(piece);
            }
        }
        pieces.extend(lead_piece);
        let weights: Vec<i32> = pieces
            .iter()
            .map(|p| if p.fixed { 0 } else { self.rng.range(1, 4) })
            .collect();
        let wsum: i32 = weights.iter().sum();
        let mut lens: Vec<i32> = pieces.iter().map(|p| p.min).collect();
        if wsum > 0 {
            let mut given = 0;
            for (i, w) in weights.iter().enumerate() {
                let add = spare * w / wsum;
                lens[i] += add;
                given += add;
            }
            let first_flexible = weights.iter().position(|&w| w > 0).expect("flexible piece");
            lens[first_flexible] += spare - given;
        } else {
            let end = lens.len() - 1;
            lens[end] += spare;
        }
        let mut out = Vec::with_capacity(pieces.len());
        let mut at = start;
        for (piece, len) in pieces.into_iter().zip(lens) {
            let end = at.plus(len);
            out.push(Spell {
                start: at,
                end: Some(end),
                place: piece.place,
                posts: piece.posts,
            });
            at = end;
        }
        // A leadership post in a generated unit does not straddle the 2016 transition
        // (the 2016 slate would list its holder): it starts a few months after it.
        let cut = election(0);
        for k in 1..out.len() {
            let straddles = out[k].start <= cut && out[k].end.is_some_and(|e| e > cut);
            if straddles && out[k].place.unit.is_some() && out[k].posts.iter().any(|x| x.leadership)
            {
                let room = out[k].end.expect("closed").0 - cut.0;
                let start = cut.plus(self.rng.range(2, 12).min(room - 1).max(1));
                out[k - 1].end = Some(start);
                out[k].start = start;
            }
        }
        out
    }

    // ----- 2021 --------------------------------------------------------------------

    /// Seat-independent checks for moving person `p` into seat `si` of unit `u` in
    /// 2021 with nomination `nom`.
    fn can_place(&self, p: usize, u: usize, si: usize, nom: Nomination) -> bool {
        let person = &self.w.persons[p];
        if person.seat[1].is_some() {
            return false;
        }
        let seat = &self.w.teams[1][u][si];
        if seat.person.is_some() || self.reserved.contains(&(u, si)) {
            return false;
        }
        let unit = &self.w.units[u];
        let age = self.age(p, 1);
        if !person.must_continue && (age > 55 || (nom == Nomination::New && age > 53)) {
            return false;
        }
        if person.is_female() && age > female_age_cap(nom) {
            // A woman's exit age is 55 (AGE-004/005).
            return false;
        }
        if person.party != "中共党员" && !seat.government_only() {
            return false;
        }
        let prev_slot = person.seat[0].map(|(u0, s0)| self.w.teams[0][u0][s0].slot);
        if (prev_slot == Some(Slot::DisciplineDeputy)) != (seat.slot == Slot::DisciplineDeputy) {
            return false;
        }
        if seat.slot == Slot::DisciplineDeputy {
            // Plain 纪委 rows count for nothing; keep those people male (women counts).
            return true;
        }
        if unit.has(Breach::Gen004) && person.is_female() {
            return false;
        }
        if person.seat[0].map(|(u0, _)| u0) != Some(u) {
            // Someone new to the team takes a vacancy: enough must remain, after the new
            // people the unit needs, for the stayers ROT-005 asks for.
            let n = self.member_seat_count(1, u);
            let need_stay = n - (7 * n) / 10;
            let placed = self.members(1, u).len();
            let room = n.saturating_sub(placed + 1 + self.min_new(u));
            if self.stayers(u) + room < need_stay {
                return false;
            }
        }
        if unit.has(Breach::Exp006) && person.is_source() {
            return false;
        }
        if unit.has(Breach::Spec001) && person.specialties.contains(&"法治") {
            return false;
        }
        if unit.has(Breach::Age001) && age <= 35 {
            return false;
        }
        let area = &self.w.areas[unit.area];
        if area.breaches.contains(&AreaBreach::Age002) && seat.slot.is_principal() && age <= 35 {
            return false;
        }
        if unit.kind == UnitKind::Subdistrict
            && seat.slot.is_principal()
            && !self.has_street_work(p, 1)
        {
            return false;
        }
        let placed = self.members(1, u);
        let n = self.member_seat_count(1, u);
        if person.is_female()
            && self.w.areas[unit.area]
                .breaches
                .contains(&AreaBreach::Gen002)
            && !self.gen002_room(u)
        {
            // 2021 must be able to have no more women than 2016.
            return false;
        }
        if unit.has(Breach::Exp001) {
            // Leave enough vacancies for newcomers without township work (in a 街道 the
            // principals need 街道 work, so only non-principal seats can take them).
            let street = unit.kind == UnitKind::Subdistrict;
            let need_low = n - ((2 * n).div_ceil(3) - 1);
            let free = self.w.teams[1][u]
                .iter()
                .enumerate()
                .filter(|&(ti, s)| {
                    ti != si
                        && s.person.is_none()
                        && s.slot != Slot::DisciplineDeputy
                        && !(street && s.slot.is_principal())
                })
                .count();
            if free < need_low {
                return false;
            }
        }
        if !unit.has(Breach::Age001) {
            // Leave enough non-principal vacancies for the young quota (AGE-001).
            let young_now =
                placed.iter().filter(|&&q| self.age(q, 1) <= 35).count() + usize::from(age <= 35);
            let deficit = n.div_ceil(5).saturating_sub(young_now);
            let free = self.w.teams[1][u]
                .iter()
                .enumerate()
                .filter(|&(ti, s)| {
                    ti != si
                        && s.person.is_none()
                        && !s.slot.is_principal()
                        && s.slot != Slot::DisciplineDeputy
                        && !self.reserved.contains(&(u, ti))
                })
                .count();
            if deficit > free {
                return false;
            }
        }
        if unit.minority_area && unit.has(Breach::Eth001) && person.minority {
            let m = placed
                .iter()
                .filter(|&&q| self.w.persons[q].minority)
                .count();
            if m + 1 > n.div_ceil(4) - 1 {
                return false;
            }
        }
        if !unit.has(Breach::Spec002) {
            let first = person.specialties[0];
            let same = placed
                .iter()
                .filter(|&&q| self.w.persons[q].specialties[0] == first)
                .count();
            if (same + 1) * 2 > n {
                return false;
            }
        }
        true
    }

    /// How many members of `u`'s 2021 team must be new people.
    fn min_new(&self, u: usize) -> usize {
        let unit = &self.w.units[u];
        let n = self.member_seat_count(1, u);
        let mut m = if unit.has(Breach::Size001) { 2 } else { 3 };
        if unit.has(Breach::Exp001) {
            m = m.max(n - ((2 * n).div_ceil(3) - 1));
        }
        if unit.has(Breach::Spec002) {
            m = m.max(n / 2 + 1);
        }
        m
    }

    fn has_room(&self, u: usize) -> bool {
        self.members(1, u).len() + self.min_new(u) < self.member_seat_count(1, u)
    }

    fn place(&mut self, p: usize, u: usize, si: usize, nom: Nomination) {
        self.w.teams[1][u][si].person = Some(p);
        self.w.teams[1][u][si].nomination = nom;
        self.w.persons[p].seat[1] = Some((u, si));
    }

    fn seat_of(&self, c: usize, u: usize, slot: Slot) -> Option<usize> {
        self.w.teams[c][u].iter().position(|s| s.slot == slot)
    }

    fn prev_person(&self, u: usize, slot: Slot) -> Option<usize> {
        self.seat_of(0, u, slot)
            .and_then(|si| self.w.teams[0][u][si].person)
    }

    fn nomination_for(&self, p: usize, u: usize, si: usize) -> Nomination {
        let (u0, s0) = self.w.persons[p].seat[0].expect("2016 seat");
        let old = &self.w.teams[0][u0][s0];
        let new = &self.w.teams[1][u][si];
        if u0 == u && old.slot == new.slot {
            Nomination::Continued
        } else if new.slot.rank() > old.slot.rank() {
            Nomination::New
        } else if u0 == u {
            Nomination::Transfer
        } else {
            Nomination::Exchanged
        }
    }

    fn try_place(&mut self, p: usize, u: usize, si: usize) -> bool {
        let nom = self.nomination_for(p, u, si);
        if self.can_place(p, u, si, nom) {
            self.place(p, u, si, nom);
            true
        } else {
            false
        }
    }

    fn plan_2021(&mut self, a: usize) {
        let units = self.w.areas[a].units.clone();
        for &u in &units {
            self.w.teams[1][u] = self.template(u, 1);
            self.plant_team_findings(u);
        }
        self.plant_area_findings(a);
        // Seats reserved for new people.
        for &u in &units {
            let unit = self.w.units[u].clone();
            if unit.has(Breach::Exp002)
                || unit.has(Breach::Rot006Native)
                || unit.has(Breach::Rot004)
            {
                if let Some(si) = self.seat_of(1, u, Slot::Head) {
                    self.reserved.insert((u, si));
                }
            }
            if unit.has(Breach::Age005) {
                if let Some(si) = self.seat_of(1, u, Slot::PcHead) {
                    self.reserved.insert((u, si));
                }
            }
        }
        // Planted continuations.
        for &u in &units {
            for si in 0..self.w.teams[0][u].len() {
                let seat = self.w.teams[0][u][si].clone();
                let Some(p) = seat.person else { continue };
                if !self.w.persons[p].must_continue {
                    continue;
                }
                let Some(ti) = self.seat_of(1, u, seat.slot) else {
                    continue;
                };
                self.place(p, u, ti, Nomination::Continued);
                self.plant_continuing(u, p, seat.slot);
            }
        }
        // Principals.
        let mut sec_pool: Vec<usize> = units
            .iter()
            .filter_map(|&u| self.prev_person(u, Slot::Secretary))
            .filter(|&p| self.w.persons[p].seat[1].is_none())
            .collect();
        self.rng.shuffle(&mut sec_pool);
        for &u in &units {
            let unit = self.w.units[u].clone();
            let Some(sec_seat) = self.seat_of(1, u, Slot::Secretary) else {
                continue;
            };
            let head_seat = self.seat_of(1, u, Slot::Head);
            let head16 = self.prev_person(u, Slot::Head);
            if self.w.teams[1][u][sec_seat].person.is_some() {
                // Rot003: the secretary continues; the head may continue too.
                if let (Some(hs), Some(h)) = (head_seat, head16) {
                    if self.rng.chance(0.5) {
                        self.try_place(h, u, hs);
                    }
                }
                continue;
            }
            let forced_a = unit.has(Breach::Exp002) || unit.has(Breach::Rot006Native);
            let external = unit.has(Breach::Rot004);
            let want_b = !forced_a && (external || self.rng.chance(0.3));
            if want_b {
                // The head must come from the old team unless ROT-004 is planted.
                let head_ok = external
                    || match (head_seat, head16) {
                        (Some(hs), Some(h)) => self.can_place(h, u, hs, Nomination::Continued),
                        _ => false,
                    };
                if head_ok {
                    if !external {
                        let (hs, h) = (head_seat.expect("head seat"), head16.expect("head"));
                        self.place(h, u, hs, Nomination::Continued);
                    }
                    let pick = sec_pool.iter().position(|&q| {
                        let (u0, _) = self.w.persons[q].seat[0].expect("seat");
                        u0 != u && self.can_place(q, u, sec_seat, Nomination::Exchanged)
                    });
                    if let Some(i) = pick {
                        let q = sec_pool.remove(i);
                        self.place(q, u, sec_seat, Nomination::Exchanged);
                    }
                    continue;
                }
            }
            // Option A: the old head becomes secretary.
            let sec_internal = head16.is_some_and(|h| self.try_place(h, u, sec_seat));
            if !sec_internal {
                // Promote someone from the old team, so ROT-004 does not fire.
                let cands: Vec<usize> = self.w.teams[0][u]
                    .iter()
                    .filter(|s| !matches!(s.slot, Slot::Secretary | Slot::DisciplineDeputy))
                    .filter_map(|s| s.person)
                    .collect();
                for q in cands {
                    if self.try_place(q, u, sec_seat) {
                        break;
                    }
                }
            }
            if let Some(hs) = head_seat {
                if self.w.teams[1][u][hs].person.is_none()
                    && !self.reserved.contains(&(u, hs))
                    && self.rng.chance(0.35)
                {
                    let mut cands: Vec<usize> = self.w.teams[0][u]
                        .iter()
                        .filter(|s| !s.slot.is_principal() && s.slot != Slot::DisciplineDeputy)
                        .filter_map(|s| s.person)
                        .collect();
                    self.rng.shuffle(&mut cands);
                    for q in cands {
                        if self.try_place(q, u, hs) {
                            break;
                        }
                    }
                }
            }
        }
        for &u in &units {
            if let Some(ps) = self.seat_of(1, u, Slot::PcHead) {
                if self.w.teams[1][u][ps].person.is_none() {
                    if let Some(pc) = self.prev_person(u, Slot::PcHead) {
                        if self.rng.chance(0.5) {
                            self.try_place(pc, u, ps);
                        }
                    }
                }
            }
        }
        // Stability (ROT-005): at most 70% of a team new to it, so keep enough of the
        // unit's 2016 deputies before the others stay, move or leave.
        for &u in &units {
            self.keep_stable(u);
        }
        // Other members of the old teams.
        let mut exchange: Vec<usize> = Vec::new();
        for &u in &units {
            for si in 0..self.w.teams[0][u].len() {
                let seat = self.w.teams[0][u][si].clone();
                let Some(p) = seat.person else { continue };
                if self.w.persons[p].seat[1].is_some() {
                    continue;
                }
                if seat.slot.is_principal() {
                    exchange.push(p);
                    continue;
                }
                let r = self.rng.unit();
                if r < 0.6 {
                    let same: Vec<usize> = (0..self.w.teams[1][u].len())
                        .filter(|&ti| self.w.teams[1][u][ti].slot == seat.slot)
                        .collect();
                    let mut done = false;
                    for ti in same {
                        if (seat.slot == Slot::DisciplineDeputy || self.has_room(u))
                            && self.try_place(p, u, ti)
                        {
                            done = true;
                            break;
                        }
                    }
                    if !done {
                        exchange.push(p);
                    }
                } else if r < 0.7 {
                    let mut others: Vec<usize> = (0..self.w.teams[1][u].len())
                        .filter(|&ti| {
                            let s = &self.w.teams[1][u][ti];
                            !s.slot.is_principal() && s.slot != Slot::DisciplineDeputy
                        })
                        .collect();
                    self.rng.shuffle(&mut others);
                    let mut done = false;
                    for ti in others {
                        if self.has_room(u) && self.try_place(p, u, ti) {
                            done = true;
                            break;
                        }
                    }
                    if !done {
                        exchange.push(p);
                    }
                } else if r < 0.9 {
                    exchange.push(p);
                }
            }
        }
        self.rng.shuffle(&mut exchange);
        for p in exchange {
            let (u0, s0) = self.w.persons[p].seat[0].expect("seat");
            let slot = self.w.teams[0][u0][s0].slot;
            if slot == Slot::DisciplineDeputy {
                continue;
            }
            let mut targets: Vec<(usize, usize)> = Vec::new();
            for &v in &units {
                if v == u0 {
                    continue;
                }
                for (ti, s) in self.w.teams[1][v].iter().enumerate() {
                    if s.slot == slot && s.person.is_none() {
                        targets.push((v, ti));
                    }
                }
            }
            self.rng.shuffle(&mut targets);
            for (v, ti) in targets {
                if !self.has_room(v) {
                    continue;
                }
                if self.try_place(p, v, ti) {
                    break;
                }
            }
        }
    }

    /// Whether one more woman who was on a 2016 team can join `u`'s 2021 team in a
    /// district where GEN-002 is planted. The 2021 teams will hold at least the women
    /// already placed, one in each team that has none (GEN-004; none in a team where
    /// GEN-004 is planted) and the principal women GEN-001 may add; that must stay at or
    /// under the district's 2016 count.
    fn gen002_room(&self, u: usize) -> bool {
        let a = self.w.units[u].area;
        let units = &self.w.areas[a].units;
        let women = |c: usize, v: usize| {
            self.members(c, v)
                .iter()
                .filter(|&&q| self.w.persons[q].is_female())
                .count()
        };
        let before: usize = units.iter().map(|&v| women(0, v)).sum();
        let floor: usize = units
            .iter()
            .map(|&v| {
                let k = women(1, v) + usize::from(v == u);
                if self.w.units[v].has(Breach::Gen004) {
                    k
                } else {
                    k.max(1)
                }
            })
            .sum();
        let principals = units
            .iter()
            .flat_map(|&v| self.w.teams[1][v].iter())
            .filter(|s| s.slot.is_principal())
            .count();
        // The principal pass of GEN-001 adds at most five_percent(principals) + 1 women.
        floor + five_percent(principals) < before
    }

    /// Members of `u`'s 2021 team who were on its 2016 team.
    fn stayers(&self, u: usize) -> usize {
        let before = self.members(0, u);
        self.members(1, u)
            .iter()
            .filter(|p| before.contains(p))
            .count()
    }

    /// Places unseated deputies of `u`'s 2016 team back in its 2021 team until at most
    /// 70% of the members will be new to it (ROT-005): the same seat first, then another
    /// vacant non-principal seat (principal seats are left to the principals' plan).
    fn keep_stable(&mut self, u: usize) {
        let n = self.member_seat_count(1, u);
        let need = n - (7 * n) / 10;
        if self.stayers(u) >= need {
            return;
        }
        // Deputies only: a principal does not step down to a deputy seat.
        let mut cands: Vec<usize> = self.w.teams[0][u]
            .iter()
            .filter(|s| s.slot != Slot::DisciplineDeputy && !s.slot.is_principal())
            .filter_map(|s| s.person)
            .filter(|&p| self.w.persons[p].seat[1].is_none())
            .collect();
        self.rng.shuffle(&mut cands);
        for p in cands {
            if self.stayers(u) >= need || !self.has_room(u) {
                break;
            }
            let (_, s0) = self.w.persons[p].seat[0].expect("2016 seat");
            let slot = self.w.teams[0][u][s0].slot;
            let mut seats: Vec<usize> = (0..self.w.teams[1][u].len())
                .filter(|&ti| {
                    let s = &self.w.teams[1][u][ti];
                    s.person.is_none() && s.slot != Slot::DisciplineDeputy && !s.slot.is_principal()
                })
                .collect();
            // The same seat first.
            seats.sort_by_key(|&ti| self.w.teams[1][u][ti].slot != slot);
            for ti in seats {
                if self.try_place(p, u, ti) {
                    break;
                }
            }
        }
    }

    fn plant_continuing(&mut self, u: usize, p: usize, slot: Slot) {
        let unit = self.w.units[u].clone();
        let pid = self.w.person_id(p);
        let age = self.age(p, 1);
        let exit = self.w.persons[p].exit_age();
        match slot {
            Slot::PcHead if unit.has(Breach::Age003) => {
                self.plant(
                    "AGE-003",
                    Some(u),
                    Some(p),
                    format!("{pid} aged {age}, 继续提名 as 人大主席 and 党委委员"),
                );
                self.plant("AGE-004", Some(u), Some(p), format!(
                    "{pid} aged {age}, 继续提名 with under 3 years to the exit age {exit} (follows from AGE-003)"
                ));
            }
            Slot::PcHead if unit.has(Breach::Age004) => {
                self.plant(
                    "AGE-004",
                    Some(u),
                    Some(p),
                    format!(
                        "{pid} aged {age}, 继续提名 as 人大主席 and 党委委员 with under 3 years to the exit age {exit}"
                    ),
                );
            }
            Slot::Organization if unit.has(Breach::Rot001) => {
                self.plant("ROT-001", Some(u), Some(p), format!(
                    "{pid} in this 街道's team since 2010.05 (办事处副主任, then 组织委员 from 2014.08), 继续提名"
                ));
            }
            Slot::ArmedForces if unit.has(Breach::Rot002) => {
                self.plant(
                    "ROT-002",
                    Some(u),
                    Some(p),
                    format!("{pid} 人武部长 of this 街道 since 2011.03, 继续提名"),
                );
                self.plant(
                    "ROT-001",
                    Some(u),
                    Some(p),
                    format!("{pid} in this 街道's team since 2011.03 (follows from ROT-002)"),
                );
            }
            Slot::Secretary if unit.has(Breach::Rot003) => {
                self.plant(
                    "ROT-003",
                    Some(u),
                    Some(p),
                    format!("{pid} 党工委书记 of this 街道 since 2015.03, 继续提名"),
                );
            }
            _ => {}
        }
    }

    fn plant_team_findings(&mut self, u: usize) {
        let unit = self.w.units[u].clone();
        let team: Vec<(Breach, &'static str, &str)> = vec![
            (Breach::Size001, "SIZE-001", "6 rows (7–9 expected): the six required posts only, the 办事处主任 without a 党工委副书记 row"),
            (Breach::Size001, "SIZE-004", "only 4 党委 rows (follows from the 6-row team of SIZE-001)"),
            (Breach::Size002, "SIZE-002", "no 人大工委主任 (pc_head); 8 rows remain"),
            (Breach::Size005, "SIZE-005", "10 党委 rows: the 人大主席 and both 副镇长 are also 党委委员"),
            (Breach::Post001, "POST-001", "no 专职副书记 for party building (a plain 党委副书记 instead)"),
            (Breach::Post002, "POST-002", "no 组织委员 (a plain 党委副书记 instead)"),
            (Breach::Post003, "POST-003", "纪工委书记 is part-time and there is no full-time 纪工委副书记"),
            (Breach::Age001, "AGE-001", "nobody aged 35 or under"),
            (Breach::Age001, "AGE-007", "nobody aged 35 or under (follows from AGE-001)"),
            (Breach::Exp001, "EXP-001", "too many new members from county departments with under 2 years of township work"),
            (Breach::Exp006, "EXP-006", "no member from 事业编制, 村干部 or 大学生村官"),
            (Breach::Eth001, "ETH-001", "minority members under 25% in a minority area"),
            (Breach::Gen004, "GEN-004", "no woman in the team"),
            (Breach::Spec001, "SPEC-001", "nobody familiar with 法治"),
            (Breach::Spec002, "SPEC-002", "more than half the members list the same specialty first"),
            (Breach::Rot004, "ROT-004", "secretary and head both new to the team (secretary exchanged in, head new)"),
        ];
        for (b, rule, note) in team {
            if unit.has(b) {
                self.plant(rule, Some(u), None, note.to_string());
            }
        }
    }

    fn plant_area_findings(&mut self, a: usize) {
        let area = self.w.areas[a].clone();
        for b in &area.breaches {
            let (rule, note) = match b {
                AreaBreach::Age002 => (
                    "AGE-002",
                    format!("{}: no 街道 principal aged 35 or under in 2021", area.id),
                ),
                AreaBreach::Gen002 => (
                    "GEN-002",
                    format!(
                        "{}: women in 街道 teams in 2021 not more than in 2016",
                        area.id
                    ),
                ),
            };
            self.w.planted.push(Finding {
                rule,
                cycle: 1,
                unit: None,
                person: None,
                area: Some(a),
                note,
            });
        }
    }

    // ----- gender ------------------------------------------------------------------

    /// Decides the gender of every new person of cycle `c` in area `a`: enough women
    /// principals (GEN-001, GEN-003), at least one woman per team (GEN-004), and more
    /// women than in 2016 (GEN-002) unless a breach is planted.
    fn gender_pass(&mut self, c: usize, a: usize) {
        let area = self.w.areas[a].clone();
        let mut principal_rows: Vec<(usize, usize)> = Vec::new(); // (unit, person)
        for &u in &area.units {
            for seat in &self.w.teams[c][u] {
                if let Some(p) = seat.person {
                    if matches!(seat.slot, Slot::Secretary | Slot::Head)
                        || (area.district && seat.slot == Slot::PcHead)
                    {
                        principal_rows.push((u, p));
                    }
                }
            }
        }
        let k = if area.district {
            five_percent(principal_rows.len()) + usize::from(self.rng.chance(0.5))
        } else {
            1 + usize::from(self.rng.chance(0.5))
        };
        let blocked = |b: &Self, u: usize| c == 1 && b.w.units[u].has(Breach::Gen004);
        // The 2016 team of a unit where GEN-004 is planted gets one woman only, so that
        // enough of its men can stay on the 2021 team (ROT-005).
        let restrained = |b: &Self, u: usize| c == 0 && b.w.units[u].has(Breach::Gen004);
        let have = principal_rows
            .iter()
            .filter(|&&(_, p)| self.w.persons[p].is_female())
            .count();
        let mut free: Vec<(usize, usize)> = principal_rows
            .iter()
            .copied()
            .filter(|&(u, p)| {
                self.w.persons[p].female.is_none()
                    && !blocked(self, u)
                    && !restrained(self, u)
                    && self.may_be_woman(p, c)
            })
            .collect();
        self.rng.shuffle(&mut free);
        let missing = k.saturating_sub(have);
        for &(_, p) in free.iter().take(missing) {
            self.w.persons[p].female = Some(true);
        }
        // One woman per team.
        for &u in &area.units {
            if blocked(self, u) {
                continue;
            }
            let members = self.members(c, u);
            if members.iter().any(|&p| self.w.persons[p].is_female()) {
                continue;
            }
            let mut free: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&p| self.w.persons[p].female.is_none() && self.may_be_woman(p, c))
                .collect();
            free.sort_by_key(|&p| {
                let (u, s) = self.w.persons[p].seat[c].expect("seat");
                self.w.teams[c][u][s].slot.is_principal()
            });
            if let Some(&p) = free.first() {
                self.w.persons[p].female = Some(true);
            }
        }
        // Total.
        let women_now = |b: &Self| -> usize {
            area.units
                .iter()
                .map(|&u| {
                    b.members(c, u)
                        .iter()
                        .filter(|&&p| b.w.persons[p].is_female())
                        .count()
                })
                .sum()
        };
        let member_total: usize = area.units.iter().map(|&u| self.members(c, u).len()).sum();
        let now = women_now(self);
        let target = if c == 0 {
            let share = (member_total as f64 * (0.16 + 0.08 * self.rng.unit())).round() as usize;
            if area.breaches.contains(&AreaBreach::Gen002) {
                // Room for 2021 to have no more women (one per team is the floor).
                share.max(area.units.len() + 3)
            } else {
                share
            }
        } else {
            let before: usize = area
                .units
                .iter()
                .map(|&u| {
                    self.members(0, u)
                        .iter()
                        .filter(|&&p| self.w.persons[p].is_female())
                        .count()
                })
                .sum();
            if area.breaches.contains(&AreaBreach::Gen002) {
                before.saturating_sub(self.rng.below(2))
            } else {
                before + 1 + self.rng.below(3)
            }
        };
        let mut count = now;
        if count < target {
            let mut free: Vec<(usize, usize)> = Vec::new();
            for &u in &area.units {
                if blocked(self, u) || restrained(self, u) {
                    continue;
                }
                for p in self.members(c, u) {
                    if self.w.persons[p].female.is_none() && self.may_be_woman(p, c) {
                        free.push((u, p));
                    }
                }
            }
            self.rng.shuffle(&mut free);
            for (u, p) in free {
                if count >= target {
                    break;
                }
                let members = self.members(c, u);
                let women = members
                    .iter()
                    .filter(|&&q| self.w.persons[q].is_female())
                    .count();
                if women * 2 + 2 > members.len() {
                    continue;
                }
                self.w.persons[p].female = Some(true);
                count += 1;
            }
        }
        for &u in &area.units {
            for seat in self.w.teams[c][u].clone() {
                if let Some(p) = seat.person {
                    if self.w.persons[p].female.is_none() {
                        self.w.persons[p].female = Some(false);
                    }
                }
            }
        }
    }

    // ----- finishing ---------------------------------------------------------------

    fn finalize(&mut self) {
        let n_slate = self.w.persons.len();
        // Careers after 2016 for people on the 2016 slate.
        for p in 0..n_slate {
            let Some((u0, s0)) = self.w.persons[p].seat[0] else {
                continue;
            };
            let unit0 = self.w.units[u0].clone();
            let old = self.w.teams[0][u0][s0].clone();
            let posts0 = old.posts(&unit0);
            let at = election(1);
            match self.w.persons[p].seat[1] {
                Some((u1, s1)) => {
                    let unit1 = self.w.units[u1].clone();
                    let posts1 = self.w.teams[1][u1][s1].posts(&unit1);
                    if u0 == u1 && posts0 == posts1 {
                        continue;
                    }
                    close_open(&mut self.w.persons[p], at);
                    let place = self.place_of_unit(u1);
                    self.w.persons[p].spells.push(Spell {
                        start: at,
                        end: None,
                        place,
                        posts: posts1,
                    });
                }
                None => {
                    close_open(&mut self.w.persons[p], at);
                    let age = self.age(p, 1);
                    let area_name = self.w.areas[unit0.area].name.clone();
                    if age >= 56 {
                        if self.rng.chance(0.5) {
                            self.w.persons[p].spells.push(Spell {
                                start: at,
                                end: None,
                                place: Place {
                                    unit: None,
                                    name: format!("{area_name}人大常委会"),
                                    kind: UnitKind::County,
                                },
                                posts: vec![post("四级调研员", None, false)],
                            });
                        }
                    } else {
                        let d = &DEPTS[self.rng.below(DEPTS.len())];
                        let posts = if old.slot.rank() == 2 {
                            if d.name.ends_with('局') && self.rng.chance(0.5) {
                                vec![post("党组书记", None, true), post(d.head, None, true)]
                            } else {
                                vec![post(d.head, None, true)]
                            }
                        } else {
                            vec![post(d.deputy, None, true)]
                        };
                        self.w.persons[p].spells.push(Spell {
                            start: at,
                            end: None,
                            place: Place {
                                unit: None,
                                name: format!("{area_name}{}", d.name),
                                kind: UnitKind::County,
                            },
                            posts,
                        });
                    }
                }
            }
        }
        // Cadres on no slate.
        let extra = match self.extra {
            Extra::FillTo(total) => total.saturating_sub(self.w.persons.len()),
            Extra::PerUnit(k) => k * self.w.units.len(),
        };
        for i in 0..extra {
            let a = i % self.w.areas.len();
            self.create_unseated(a);
        }
        // Native places, names, relations.
        for p in 0..self.w.persons.len() {
            if self.w.persons[p].native.is_none() {
                let native = self.native_for(p);
                self.w.persons[p].native = Some(native);
            }
            let name = self.name_for(p);
            self.w.persons[p].name = name;
        }
        // Clean kinship pairs: a slate person and a cadre on no slate.
        if self.w.persons.len() > n_slate {
            let pairs = (n_slate / 40).max(2);
            for _ in 0..pairs {
                let x = self.rng.below(n_slate);
                let y = n_slate + self.rng.below(self.w.persons.len() - n_slate);
                self.w.relations.push(Relation {
                    person: x,
                    relative: y,
                    relation: "",
                });
            }
        }
        for i in 0..self.w.relations.len() {
            let (x, y) = (self.w.relations[i].person, self.w.relations[i].relative);
            let (px, py) = (&self.w.persons[x], &self.w.persons[y]);
            let gap = (px.birth.0 - py.birth.0) / 12;
            let relation = if px.is_female() != py.is_female() && gap.abs() <= 8 {
                "配偶"
            } else if gap.abs() <= 12 {
                "兄弟姐妹"
            } else if gap >= 20 {
                "父母"
            } else if gap <= -20 {
                "子女"
            } else {
                "姻亲"
            };
            self.w.relations[i].relation = relation;
        }
    }

    fn create_unseated(&mut self, a: usize) {
        let age = self.rng.range(24, 59);
        let bm = self.rng.range(1, 12) as u32;
        let birth = Ym::new(CYCLE_YEARS[1] - age - i32::from(bm > 9), bm);
        let female = self.rng.chance(0.3);
        let district = self.w.areas[a].district;
        let mut profile = [
            Profile::Township,
            Profile::Mixed,
            Profile::Village,
            Profile::County,
        ][self.rng.weighted(&[50, 15, 10, 25])];
        if profile == Profile::Village && !village_age_ok(age, 1) {
            profile = Profile::Township;
        }
        let first = self.rng.choose(&SPECIALTIES);
        let mut specialties = vec![first];
        if self.rng.chance(0.5) {
            let s = self.rng.choose(&SPECIALTIES);
            if s != first {
                specialties.push(s);
            }
        }
        let education = if self.rng.chance(0.2) {
            "大专"
        } else {
            "大学"
        };
        let grad = birth.year() + if education == "大专" { 21 } else { 22 };
        let mut spells = vec![study(
            Ym::new(grad - if education == "大专" { 3 } else { 4 }, 9),
            Ym::new(grad, 7),
            if education == "大专" {
                self.rng.choose(&COLLEGES)
            } else {
                self.rng.choose(&UNIVERSITIES)
            },
            major_for(first),
            false,
        )];
        let now = election(1).plus(self.rng.range(0, 20));
        let span = Span {
            start: Ym::new(grad, 7),
            until: now,
            age_at_until: age,
            leader: false,
        };
        let mut pre = self.pre_career(a, None, profile, span);
        if let Some(last) = pre.last_mut() {
            last.end = None;
        }
        spells.extend(pre);
        let minority = self.rng.chance(0.04);
        let person = Person {
            female: Some(female),
            name: String::new(),
            birth,
            minority,
            ethnicity: if minority {
                self.rng.choose(&MINORITIES_GENERAL)
            } else {
                "汉族"
            },
            party: if self.rng.chance(0.1) {
                self.rng
                    .choose(&["民盟", "无党派人士", "中共预备党员", "群众"])
            } else {
                "中共党员"
            },
            education,
            specialties,
            native: None,
            staffing: match profile {
                Profile::Village => "大学生村官",
                _ if age <= 30 && !district && self.rng.chance(0.3) => "选调生",
                _ => "公务员",
            },
            vetting_hold: self.rng.chance(0.03),
            spells,
            area: a,
            seat: [None, None],
            must_continue: false,
        };
        self.w.persons.push(person);
    }

    fn native_for(&mut self, p: usize) -> String {
        let person = &self.w.persons[p];
        let served: Vec<usize> = person.seat.iter().flatten().map(|&(u, _)| u).collect();
        let area = &self.w.areas[person.area];
        let mut options: Vec<String> = Vec::new();
        if area.district && !area.neighbours.is_empty() && self.rng.chance(0.6) {
            options = area.neighbours.iter().map(|pl| pl.name.clone()).collect();
        } else if self.rng.chance(0.7) {
            options = area
                .units
                .iter()
                .filter(|u| !served.contains(u))
                .map(|&u| self.w.units[u].full.clone())
                .collect();
        }
        if options.is_empty() {
            return self.rng.pick(&OTHER_COUNTIES).to_string();
        }
        self.rng.pick(&options).clone()
    }

    fn name_for(&mut self, p: usize) -> String {
        let (female, ethnicity) = (self.w.persons[p].is_female(), self.w.persons[p].ethnicity);
        for attempt in 0..40 {
            let name = match ethnicity {
                "蒙古族" => {
                    let base = if female {
                        self.rng.pick(&MONGOL_FEMALE)
                    } else {
                        self.rng.pick(&MONGOL_MALE)
                    };
                    base.to_string()
                }
                "藏族" => {
                    let a = if female {
                        self.rng.pick(&TIBETAN_FEMALE)
                    } else {
                        self.rng.pick(&TIBETAN_MALE)
                    };
                    let b = if female {
                        self.rng.pick(&TIBETAN_FEMALE)
                    } else {
                        self.rng.pick(&TIBETAN_MALE)
                    };
                    if a == b || self.rng.chance(0.5) {
                        a.to_string()
                    } else {
                        format!("{a}{b}")
                    }
                }
                _ => {
                    let surname = if matches!(ethnicity, "回族" | "东乡族" | "撒拉族")
                        && self.rng.chance(0.7)
                    {
                        self.rng.choose(&HUI_SURNAMES)
                    } else {
                        self.rng.choose(&SURNAMES)
                    };
                    let pool: &[&str] = if female { &GIVEN_FEMALE } else { &GIVEN_MALE };
                    let g1 = self.rng.choose(pool);
                    if self.rng.chance(0.7) {
                        let g2 = self.rng.choose(pool);
                        format!("{surname}{g1}{g2}")
                    } else {
                        format!("{surname}{g1}")
                    }
                }
            };
            if !self.unique_names || attempt == 39 || self.names_used.insert(name.clone()) {
                return name;
            }
        }
        unreachable!("the loop returns on its last attempt")
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
