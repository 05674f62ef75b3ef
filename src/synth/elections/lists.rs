//! Building the lists of a world from its plan: the clean shape of each election, and
//! the one change per planted breach.

use super::super::model::{Body, Role, RowDef, Slot, World};
use super::super::rng::Rng;
use super::plan::{EBreach, Plans, UnitPlan};
use super::pool::Pool;
use super::*;
use crate::normalize::unit_kind::UnitKind;
use crate::rules::del::strokes::surname_key;

/// The 2021 cycle index.
const C21: usize = 1;

/// One team member with the rows of their seat.
struct Member {
    p: usize,
    slot: Slot,
    rows: Vec<RowDef>,
}

impl Member {
    fn party(&self) -> bool {
        self.rows.iter().any(|r| r.body == Body::Party)
    }
    /// The list role on a party-committee ballot: 书记, 副书记 or none.
    fn ballot_role(&self) -> &'static str {
        if self.rows.iter().any(|r| r.role == Role::Secretary) {
            "书记"
        } else if self.rows.iter().any(|r| {
            matches!(
                r.role,
                Role::DeputySecretary | Role::DeputySecretaryPartyBuilding
            )
        }) {
            "副书记"
        } else {
            ""
        }
    }
}

/// What a PC delegate is, for the share rules.
#[derive(Debug, Clone, Copy)]
struct Spec {
    incumbent: bool,
    category: &'static str,
    leading: bool,
    female: bool,
    non_party: bool,
}

/// The composition a PC list is built to.
#[derive(Debug, Clone, Copy)]
struct Targets {
    n: usize,
    incumbents: usize,
    frontline: usize,
    leading: usize,
    women: usize,
    non_party: usize,
}

const FRONTLINE: [&str; 3] = ["农民", "工人", "专业技术人员"];

fn is_frontline(category: &str) -> bool {
    FRONTLINE.contains(&category)
}

/// The stroke sort key of a name (unknown first characters last).
fn stroke_key(name: &str) -> (u8, u8) {
    surname_key(name).map_or((u8::MAX, u8::MAX), |k| (k.1, k.2.unwrap_or(0)))
}

fn yy(c: usize) -> &'static str {
    ["16", "21"][c]
}

pub struct Maker<'a> {
    w: &'a World,
    pool: Pool,
    out: ElectionSet,
}

impl<'a> Maker<'a> {
    pub fn new(w: &'a World, rng: Rng, unique_names: bool) -> Maker<'a> {
        Maker {
            w,
            pool: Pool::new(w, rng, unique_names),
            out: ElectionSet::default(),
        }
    }

    pub fn run(mut self, plans: &Plans) -> ElectionSet {
        let w = self.w;
        let mut chairs: Vec<Vec<usize>> = vec![Vec::new(); w.areas.len()];
        for (u, unit) in w.units.iter().enumerate() {
            let plan = &plans.units[u];
            self.committee(u, plan);
            self.discipline(u);
            let pc = if plan.pc {
                self.pc_lists(u, plan)
            } else {
                PcOut::default()
            };
            if unit.kind == UnitKind::Township {
                if let Some(chair) = self.presidium(u, &pc.presidium, plan) {
                    if !plan.breaches.contains(&EBreach::Post008) {
                        chairs[unit.area].push(chair);
                    }
                }
                self.leadership(u, plan.breaches.contains(&EBreach::Del024));
            }
            if plan.pcg {
                self.party_congress(u, plan, pc.del009);
            }
            if unit.kind == UnitKind::Subdistrict {
                self.street_congress(u, plan);
            }
        }
        for (a, area) in w.areas.iter().enumerate() {
            if !area.district {
                self.county_list(a, &chairs[a], plans.county_delel005[a]);
            }
        }
        self.out.pool = self.pool.people;
        self.out
    }

    // ----- helpers ---------------------------------------------------------------

    fn team(&self, c: usize, u: usize) -> Vec<Member> {
        let unit = &self.w.units[u];
        let mut out: Vec<Member> = Vec::new();
        for seat in &self.w.teams[c][u] {
            let Some(p) = seat.person else { continue };
            let rows = seat.rows(unit);
            match out.iter_mut().find(|m| m.p == p) {
                Some(m) => m.rows.extend(rows),
                None => out.push(Member {
                    p,
                    slot: seat.slot,
                    rows,
                }),
            }
        }
        out
    }

    fn slot_person(&self, c: usize, u: usize, slot: Slot) -> Option<usize> {
        self.w.teams[c][u]
            .iter()
            .find(|s| s.slot == slot)
            .and_then(|s| s.person)
    }

    fn female(&self, who: Who) -> bool {
        match who {
            Who::Team(p) => self.w.persons[p].is_female(),
            Who::Pool(j) => self.pool.people[j].female,
        }
    }

    fn non_party(&self, who: Who) -> bool {
        match who {
            Who::Team(p) => !matches!(self.w.persons[p].party, "中共党员" | "中共预备党员"),
            Who::Pool(j) => self.pool.people[j].non_party(),
        }
    }

    fn name(&self, who: Who) -> &str {
        match who {
            Who::Team(p) => &self.w.persons[p].name,
            Who::Pool(j) => &self.pool.people[j].name,
        }
    }

    fn new_person(&mut self) -> Who {
        let female = self.pool.rng().chance(0.3);
        let np = self.pool.rng().chance(0.1);
        Who::Pool(self.pool.add(female, np, None))
    }

    fn election(&mut self, row: ElectionRow) -> usize {
        self.out.elections.push(row);
        self.out.elections.len() - 1
    }

    fn plain_election(
        &mut self,
        u: usize,
        c: usize,
        code: &str,
        body: &'static str,
        seats: usize,
    ) -> usize {
        let unit_id = self.w.units[u].id.clone();
        self.election(ElectionRow {
            id: format!("{unit_id}-{code}{}", yy(c)),
            cycle: c,
            unit_id,
            body,
            seats,
            ..ElectionRow::default()
        })
    }

    fn plant(&mut self, rule: &'static str, u: usize, who: Option<Who>, note: String) {
        let unit_id = self.w.units[u].id.clone();
        self.out.planted.push(Plant {
            rule,
            cycle: C21,
            unit_id,
            who,
            note,
        });
    }

    /// Ballot rows: the leaders first as given, then the others in stroke order.
    fn ballot(&mut self, e: usize, leaders: &[(Who, &'static str)], others: &[Who]) -> Vec<Who> {
        let mut rest: Vec<Who> = others.to_vec();
        rest.sort_by(|a, b| {
            (stroke_key(self.name(*a)), self.name(*a))
                .cmp(&(stroke_key(self.name(*b)), self.name(*b)))
        });
        for (i, (who, role)) in leaders.iter().enumerate() {
            self.out.candidates.push(CandidateRow {
                order: Some(i + 1),
                role,
                ..CandidateRow::plain(e, *who)
            });
        }
        for (i, who) in rest.iter().enumerate() {
            self.out.candidates.push(CandidateRow {
                order: Some(leaders.len() + i + 1),
                ..CandidateRow::plain(e, *who)
            });
        }
        rest
    }

    // ----- party committee and discipline committee ballots -----------------------

    fn committee(&mut self, u: usize, plan: &UnitPlan) {
        let has = |b| plan.breaches.contains(&b);
        let teams = [self.team(0, u), self.team(C21, u)];
        let members: Vec<Vec<&Member>> = teams
            .iter()
            .map(|t| t.iter().filter(|m| m.party()).collect())
            .collect();
        let (s0, s1) = (members[0].len(), members[1].len());
        if s0 == 0 || s1 == 0 {
            return;
        }
        let fifth = |s: usize| (s as f64 * 0.2 - 1e-9).ceil().max(1.0) as usize;
        let mut e0 = fifth(s0);
        let e1 = if has(EBreach::Del012) {
            0
        } else if has(EBreach::Del013) {
            let e1 = fifth(s1);
            while e0 * s1 <= e1 * s0 {
                e0 += 1;
            }
            e1
        } else {
            fifth(s1).max((e0 * s1).div_ceil(s0))
        };
        let mut extras: Vec<Who> = Vec::new();
        let mut ids = [0usize; 2];
        for c in 0..2 {
            let want = if c == 0 { e0 } else { e1 };
            while extras.len() < want {
                let who = self.new_person();
                extras.push(who);
            }
            let seats = members[c].len();
            let e = self.plain_election(u, c, "PCM", "党委委员", seats);
            ids[c] = e;
            if c == C21 {
                self.out.elections[e].previous = self.out.elections[ids[0]].id.clone();
                if has(EBreach::Eadm008) {
                    self.out.elections[e].party_members = Some(620);
                    self.out.elections[e].assembly = "党员大会";
                }
            }
            let mut leaders: Vec<(Who, &'static str)> = members[c]
                .iter()
                .filter(|m| m.ballot_role() == "书记")
                .map(|m| (Who::Team(m.p), "书记"))
                .collect();
            leaders.extend(
                members[c]
                    .iter()
                    .filter(|m| m.ballot_role() == "副书记")
                    .map(|m| (Who::Team(m.p), "副书记")),
            );
            let mut others: Vec<Who> = members[c]
                .iter()
                .filter(|m| m.ballot_role().is_empty())
                .map(|m| Who::Team(m.p))
                .collect();
            others.extend(extras.iter().take(want));
            if c == C21 && has(EBreach::Del014) {
                // Two more candidates of 2 and 11 strokes, so that two counts differ.
                for s in ["丁", "黄"] {
                    let female = self.pool.rng().chance(0.3);
                    others.push(Who::Pool(self.pool.add(female, false, Some(s))));
                }
                let first = self.out.candidates.len() + leaders.len();
                let rest = self.ballot(e, &leaders, &others);
                let i = (0..rest.len() - 1)
                    .find(|&i| {
                        stroke_key(self.name(rest[i])).0 < stroke_key(self.name(rest[i + 1])).0
                    })
                    .expect("two stroke counts differ");
                let (a, b) = (first + i, first + i + 1);
                let (oa, ob) = (self.out.candidates[a].order, self.out.candidates[b].order);
                self.out.candidates[a].order = ob;
                self.out.candidates[b].order = oa;
                let note = format!(
                    "2021 党委委员 ballot: {} ({} strokes) listed before {} ({} strokes)",
                    self.name(rest[i + 1]),
                    stroke_key(self.name(rest[i + 1])).0,
                    self.name(rest[i]),
                    stroke_key(self.name(rest[i])).0
                );
                self.plant("DEL-014", u, None, note);
            } else {
                self.ballot(e, &leaders, &others);
            }
        }
        if has(EBreach::Del012) {
            self.plant(
                "DEL-012",
                u,
                None,
                format!("2021 党委委员: {s1} candidates for {s1} seats (no margin)"),
            );
            if self.w.units[u].kind == UnitKind::Township {
                self.plant(
                    "DEL-013",
                    u,
                    None,
                    "follows from DEL-012: a margin of 0 after 2016's".into(),
                );
            }
        }
        if has(EBreach::Del013) {
            self.plant(
                "DEL-013",
                u,
                None,
                format!(
                    "2021 党委委员: {} for {s1} seats, below 2016's {} for {s0}",
                    s1 + e1,
                    s0 + e0
                ),
            );
        }
        if has(EBreach::Eadm008) {
            self.plant(
                "EADM-008",
                u,
                None,
                "620 party members elect the 2021 committee at a 党员大会 (no party congress)"
                    .into(),
            );
        }
    }

    fn discipline(&mut self, u: usize) {
        let Some(secretary) = self.slot_person(C21, u, Slot::Discipline) else {
            return;
        };
        let deputies: Vec<Who> = self.w.teams[C21][u]
            .iter()
            .filter(|s| s.slot == Slot::DisciplineDeputy)
            .filter_map(|s| s.person)
            .map(Who::Team)
            .collect();
        let mut leaders = vec![(Who::Team(secretary), "纪委书记")];
        leaders.extend(deputies.iter().map(|d| (*d, "副书记")));
        let others: Vec<Who> = (leaders.len()..6).map(|_| self.new_person()).collect();
        let seats = leaders.len() + others.len() - 1;
        let e = self.plain_election(u, C21, "DCM", "纪委委员", seats);
        self.ballot(e, &leaders, &others);
    }
}

/// What the PC lists give the presidium and the party congress.
#[derive(Default)]
struct PcOut {
    /// Two elected delegates for the presidium.
    presidium: Vec<Who>,
    /// The delegate also put on the party-congress list (DEL-009).
    del009: Option<Who>,
}

mod pc;
