//! The 2016 teams: composed district by district, with the young principals a district
//! needs marked before the teams are filled.

use super::*;

impl Builder {
    // ----- 2016 ------------------------------------------------------------------

    pub(super) fn template(&mut self, u: usize, c: usize) -> Vec<Seat> {
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

    pub(super) fn compose_2016(&mut self, a: usize) {
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
    pub(super) fn designate_young(&mut self, c: usize, a: usize) {
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
}
