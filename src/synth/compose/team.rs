//! Filling a team: new people made for the vacant seats so that the team passes every
//! rule it should (ages, township experience, minorities, specialties), and the breaches
//! planted in it.

use super::*;

impl Builder {
    // ----- filling a team ----------------------------------------------------------

    /// Creates new people for the vacant seats of team (`c`, `u`) so that the team
    /// passes every rule not planted as a breach.
    pub(super) fn fill_team(&mut self, c: usize, u: usize) {
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
    pub(super) fn plant_specials(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
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
    pub(super) fn assign_ages(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
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
    pub(super) fn assign_joins(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
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
    pub(super) fn assign_profiles(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
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
                    crate::synth::oracle::township_years(&self.w.persons[p], as_of(c), true) >= 2.0
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
    pub(super) fn assign_minorities(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
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
    pub(super) fn assign_specialties(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
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
    pub(super) fn assign_misc(&mut self, t: &TeamCtx, specs: &mut [Spec]) {
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

    pub(super) fn plant_person_findings(&mut self, u: usize, created: &[(usize, usize)]) {
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

    pub(super) fn plant(
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

    pub(super) fn first_specialty(
        &mut self,
        slot: Slot,
        sub: bool,
        no_fazhi: bool,
    ) -> &'static str {
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
    pub(super) fn repair_specialties(
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
}
