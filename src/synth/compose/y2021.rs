//! The 2021 teams: who continues, moves within the unit, is exchanged or leaves, and the
//! team, person and district breaches planted in that cycle.

use super::*;

impl Builder {
    // ----- 2021 --------------------------------------------------------------------

    /// Seat-independent checks for moving person `p` into seat `si` of unit `u` in
    /// 2021 with nomination `nom`.
    pub(super) fn can_place(&self, p: usize, u: usize, si: usize, nom: Nomination) -> bool {
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
    pub(super) fn min_new(&self, u: usize) -> usize {
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

    pub(super) fn has_room(&self, u: usize) -> bool {
        self.members(1, u).len() + self.min_new(u) < self.member_seat_count(1, u)
    }

    pub(super) fn place(&mut self, p: usize, u: usize, si: usize, nom: Nomination) {
        self.w.teams[1][u][si].person = Some(p);
        self.w.teams[1][u][si].nomination = nom;
        self.w.persons[p].seat[1] = Some((u, si));
    }

    pub(super) fn seat_of(&self, c: usize, u: usize, slot: Slot) -> Option<usize> {
        self.w.teams[c][u].iter().position(|s| s.slot == slot)
    }

    pub(super) fn prev_person(&self, u: usize, slot: Slot) -> Option<usize> {
        self.seat_of(0, u, slot)
            .and_then(|si| self.w.teams[0][u][si].person)
    }

    pub(super) fn nomination_for(&self, p: usize, u: usize, si: usize) -> Nomination {
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

    pub(super) fn try_place(&mut self, p: usize, u: usize, si: usize) -> bool {
        let nom = self.nomination_for(p, u, si);
        if self.can_place(p, u, si, nom) {
            self.place(p, u, si, nom);
            true
        } else {
            false
        }
    }

    pub(super) fn plan_2021(&mut self, a: usize) {
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
    pub(super) fn gen002_room(&self, u: usize) -> bool {
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
    pub(super) fn stayers(&self, u: usize) -> usize {
        let before = self.members(0, u);
        self.members(1, u)
            .iter()
            .filter(|p| before.contains(p))
            .count()
    }

    /// Places unseated deputies of `u`'s 2016 team back in its 2021 team until at most
    /// 70% of the members will be new to it (ROT-005): the same seat first, then another
    /// vacant non-principal seat (principal seats are left to the principals' plan).
    pub(super) fn keep_stable(&mut self, u: usize) {
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

    pub(super) fn plant_continuing(&mut self, u: usize, p: usize, slot: Slot) {
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

    pub(super) fn plant_team_findings(&mut self, u: usize) {
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

    pub(super) fn plant_area_findings(&mut self, a: usize) {
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
}
