//! The gender pass: women placed so that GEN-001/003/004 hold (or fail where planted)
//! without moving anyone across an age rule.

use super::*;

impl Builder {
    // ----- gender ------------------------------------------------------------------

    /// Decides the gender of every new person of cycle `c` in area `a`: enough women
    /// principals (GEN-001, GEN-003), at least one woman per team (GEN-004), and more
    /// women than in 2016 (GEN-002) unless a breach is planted.
    pub(super) fn gender_pass(&mut self, c: usize, a: usize) {
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
}
