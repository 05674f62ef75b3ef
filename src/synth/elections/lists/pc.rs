//! The people's-congress side of a world's elections: township PC delegate lists (2016
//! and 2021, with results in 2021), the presidium, the election of the deputy heads, the
//! county lists; and the party congresses (township lists, 街道 seat counts).

use super::*;

/// Ground of each DELEL breach, as `candidates.flags` writes it.
fn ground(b: EBreach) -> (&'static str, &'static str) {
    match b {
        EBreach::Delel001 => ("DELEL-001", "服刑"),
        EBreach::Delel002 => ("DELEL-002", "身份造假"),
        EBreach::Delel003 => ("DELEL-003", "外国国籍"),
        _ => ("DELEL-004", "拉票贿选"),
    }
}

impl Maker<'_> {
    /// Specs for the `t.n - fixed.len()` delegates to add so that the list meets `t`.
    fn fill(&mut self, fixed: &[Spec], t: Targets) -> Vec<Spec> {
        let count = |f: fn(&Spec) -> bool| fixed.iter().filter(|s| f(s)).count();
        let m = t.n - fixed.len();
        let need = |target: usize, have: usize, what: &str| {
            assert!(
                target >= have && target - have <= m,
                "cannot compose a list: {what} {target}, fixed {have}, {m} free"
            );
            target - have
        };
        let inc = need(t.incumbents, count(|s| s.incumbent), "incumbents");
        let front = need(
            t.frontline,
            count(|s| is_frontline(s.category)),
            "frontline",
        );
        let lead = need(t.leading, count(|s| s.leading), "leading");
        let women = need(t.women, count(|s| s.female), "women");
        let np = need(t.non_party, count(|s| s.non_party), "non-party");
        assert!(front + lead <= m, "frontline and leading exceed the list");
        let mut specs: Vec<Spec> = (0..m)
            .map(|i| {
                let (category, leading) = if i < front {
                    (FRONTLINE[i % 3], false)
                } else if i < front + lead {
                    ("党政干部", true)
                } else if i % 4 == 0 {
                    ("企业负责人", false)
                } else {
                    ("其他", false)
                };
                Spec {
                    incumbent: false,
                    category,
                    leading,
                    female: false,
                    non_party: false,
                }
            })
            .collect();
        let rng = self.pool.rng();
        for (flag, k) in [(0, inc), (1, women), (2, np)] {
            let mut idx: Vec<usize> = (0..m).collect();
            rng.shuffle(&mut idx);
            for &i in idx.iter().take(k) {
                match flag {
                    0 => specs[i].incumbent = true,
                    1 => specs[i].female = true,
                    _ => specs[i].non_party = true,
                }
            }
        }
        specs
    }

    fn team_spec(&self, p: usize) -> Spec {
        Spec {
            incumbent: false,
            category: "党政干部",
            leading: true,
            female: self.female(Who::Team(p)),
            non_party: self.non_party(Who::Team(p)),
        }
    }

    fn delegate_row(e: usize, who: Who, s: &Spec, elected: Option<bool>) -> CandidateRow {
        CandidateRow {
            elected,
            incumbent: Some(s.incumbent),
            category: s.category,
            quota: s.category,
            leading: Some(s.leading),
            ..CandidateRow::plain(e, who)
        }
    }

    /// The PC delegate lists of township `u`: 2016 (40, a list before the vote) and
    /// 2021 (40 elected of 44, in 20 constituencies of two).
    pub(super) fn pc_lists(&mut self, u: usize, plan: &UnitPlan) -> PcOut {
        let has = |b| plan.breaches.contains(&b);
        let uid = self.w.units[u].id.clone();
        // 2016.
        let t16 = Targets {
            n: 40,
            incumbents: 13,
            frontline: 20,
            leading: 6,
            women: 11,
            non_party: 7,
        };
        let specs16 = self.fill(&[], t16);
        let e16 = self.plain_election(u, 0, "PC", "人大代表", 40);
        let mut list16 = Vec::new();
        for s in &specs16 {
            let who = Who::Pool(self.pool.add(s.female, s.non_party, None));
            self.out
                .candidates
                .push(Self::delegate_row(e16, who, s, None));
            list16.push((who, *s));
        }
        // 2021: the chair, the planted committee member, 13 incumbents (10 for DEL-001).
        let n = if has(EBreach::Size013) { 42 } else { 40 };
        let mut fixed: Vec<(Who, Spec)> = Vec::new();
        if let Some(chair) = self.slot_person(C21, u, Slot::PcHead) {
            fixed.push((Who::Team(chair), self.team_spec(chair)));
        }
        let post013 = if has(EBreach::Post013) {
            [Slot::Propaganda, Slot::Organization, Slot::ArmedForces]
                .into_iter()
                .find_map(|s| self.slot_person(C21, u, s))
        } else {
            None
        };
        if let Some(p) = post013 {
            fixed.push((Who::Team(p), self.team_spec(p)));
        }
        let k_inc = if has(EBreach::Del001) { 10 } else { 13 };
        let mut order: Vec<usize> = (0..list16.len())
            .filter(|&i| !list16[i].1.leading)
            .collect();
        self.pool.rng().shuffle(&mut order);
        order.sort_by_key(|&i| !is_frontline(list16[i].1.category));
        let (mut inc, mut front, mut women, mut np) = (0, 0, 0, 0);
        for i in order {
            let (who, s) = list16[i];
            let f = is_frontline(s.category);
            if inc == k_inc || (f && front == 8) || (!f && inc - front >= k_inc - 8) {
                continue;
            }
            if (s.female && women == 3) || (s.non_party && np == 3) {
                continue;
            }
            inc += 1;
            front += usize::from(f);
            women += usize::from(s.female);
            np += usize::from(s.non_party);
            fixed.push((
                who,
                Spec {
                    incumbent: true,
                    ..s
                },
            ));
        }
        assert_eq!(inc, k_inc, "incumbents of {uid}");
        let t21 = Targets {
            n,
            incumbents: k_inc,
            frontline: if has(EBreach::Del002) {
                20
            } else if n == 42 {
                23
            } else {
                22
            },
            leading: if has(EBreach::Del004) { 8 } else { 6 },
            women: if has(EBreach::Del005) { 9 } else { 12 },
            non_party: 8,
        };
        let fixed_specs: Vec<Spec> = fixed.iter().map(|f| f.1).collect();
        let added = self.fill(&fixed_specs, t21);
        let mut elected: Vec<(Who, Spec)> = fixed;
        for s in added {
            elected.push((Who::Pool(self.pool.add(s.female, s.non_party, None)), s));
        }
        self.pool.rng().shuffle(&mut elected);
        let mut e21 = ElectionRow {
            previous: self.out.elections[e16].id.clone(),
            ..ElectionRow::default()
        };
        e21.seats = n;
        let e = self.plain_election(u, C21, "PC", "人大代表", n);
        self.out.elections[e].previous = e21.previous;
        let first = self.out.candidates.len();
        for (i, (who, s)) in elected.iter().enumerate() {
            let mut row = Self::delegate_row(e, *who, s, Some(true));
            row.constituency = format!("第{}选区", i / 2 + 1);
            self.out.candidates.push(row);
        }
        let losers: Vec<Who> = (0..4)
            .map(|i| {
                let who = Who::Pool(self.pool.add(i == 1, false, None));
                let mut row = Self::delegate_row(
                    e,
                    who,
                    &Spec {
                        incumbent: false,
                        category: "农民",
                        leading: false,
                        female: i == 1,
                        non_party: false,
                    },
                    Some(false),
                );
                row.constituency = format!("第{}选区", i + 1);
                self.out.candidates.push(row);
                who
            })
            .collect();
        // Plain elected pool delegates: the presidium's members, the DEL-009 delegate.
        let plain: Vec<Who> = elected
            .iter()
            .filter(|(who, s)| {
                matches!(who, Who::Pool(_))
                    && !s.incumbent
                    && !s.leading
                    && !is_frontline(s.category)
            })
            .map(|x| x.0)
            .collect();
        let mut out = PcOut {
            presidium: plain.iter().take(2).copied().collect(),
            del009: None,
        };
        // The election committee and the proxies.
        let committee = [
            Slot::Organization,
            Slot::ArmedForces,
            Slot::Propaganda,
            Slot::DeputyHead,
        ]
        .into_iter()
        .filter_map(|s| self.slot_person(C21, u, s))
        .find(|p| Some(*p) != post013);
        if let Some(p) = committee {
            self.out.memberships.push(MembershipRow {
                who: Who::Team(p),
                cycle: C21,
                body: "选举委员会",
                level: "乡镇",
                role: "委员",
            });
        }
        for (v, proxy) in [(1, 90), (2, 90), (3, 90), (4, 91), (5, 91)] {
            self.out.proxies.push(ProxyRow {
                election: e,
                voter: format!("V{uid}{v:03}"),
                proxy: Proxy::Voter(format!("V{uid}{proxy:03}")),
                approved: true,
            });
        }
        // The breaches.
        let label = format!("2021 人大代表 ({n} seats)");
        if has(EBreach::Del001) {
            self.plant(
                "DEL-001",
                u,
                None,
                format!("{label}: 10 of {n} delegates re-elected (25.0%)"),
            );
        }
        if has(EBreach::Del002) {
            self.plant(
                "DEL-002",
                u,
                None,
                format!("{label}: 20 of {n} frontline delegates, as many as in 2016 (50.0%)"),
            );
        }
        if has(EBreach::Del004) {
            self.plant(
                "DEL-004",
                u,
                None,
                format!("{label}: 8 leading cadres (20.0%) against 6 of 40 in 2016"),
            );
        }
        if has(EBreach::Del005) {
            self.plant(
                "DEL-005",
                u,
                None,
                format!("{label}: 9 women, 10 needed (25%)"),
            );
        }
        if has(EBreach::Size013) {
            self.plant(
                "SIZE-013",
                u,
                None,
                format!("{label}: 42 seats against 40 in 2016"),
            );
        }
        if has(EBreach::Del003) {
            let i = (first..first + elected.len())
                .find(|&i| {
                    let r = &self.out.candidates[i];
                    r.category == "党政干部" && matches!(r.who, Who::Pool(_))
                })
                .expect("a pool cadre on the list");
            self.out.candidates[i].quota = "农民";
            let who = self.out.candidates[i].who;
            self.plant(
                "DEL-003",
                u,
                Some(who),
                format!("{label}: a 党政干部 delegate elected in a 农民 seat"),
            );
        }
        if has(EBreach::Del009) {
            out.del009 = plain.get(2).copied();
            let who = out.del009.expect("a third plain delegate");
            self.plant(
                "DEL-009",
                u,
                Some(who),
                "elected 人大代表 and on the 2021 党代会代表 list of the same township".into(),
            );
        }
        if let Some(p) = post013 {
            self.plant(
                "POST-013",
                u,
                Some(Who::Team(p)),
                "a 党委 member elected 人大代表 in 2021 and not on the presidium".into(),
            );
        }
        for b in [
            EBreach::Delel001,
            EBreach::Delel002,
            EBreach::Delel003,
            EBreach::Delel004,
        ] {
            if has(b) {
                let (rule, g) = ground(b);
                let i = first + elected.len();
                self.out.candidates[i].flags = g;
                self.plant(
                    rule,
                    u,
                    Some(losers[0]),
                    format!("a 2021 人大代表 candidate flagged {g}"),
                );
            }
        }
        if has(EBreach::Eadm001) {
            // The first delegates of 第2选区 and 第3选区 move to 第1选区 (4 elected there).
            for k in [2, 4] {
                self.out.candidates[first + k].constituency = "第1选区".into();
            }
            self.plant(
                "EADM-001",
                u,
                None,
                format!("{label}: 第1选区 elects 4 delegates"),
            );
        }
        if has(EBreach::Eadm002) {
            self.out.memberships.push(MembershipRow {
                who: losers[1],
                cycle: C21,
                body: "选举委员会",
                level: "乡镇",
                role: "委员",
            });
            self.plant(
                "EADM-002",
                u,
                Some(losers[1]),
                "a 2021 人大代表 candidate still on the election committee".into(),
            );
        }
        if has(EBreach::Eadm004) {
            self.out.proxies.push(ProxyRow {
                election: e,
                voter: format!("V{uid}006"),
                proxy: Proxy::Person(losers[2]),
                approved: true,
            });
            self.plant(
                "EADM-004",
                u,
                Some(losers[2]),
                "a 2021 人大代表 candidate holds a proxy vote".into(),
            );
        }
        out
    }

    /// The 2021 presidium of township `u`: its 人大主席 (full-time chair) and two members.
    pub(super) fn presidium(
        &mut self,
        u: usize,
        members: &[Who],
        plan: &UnitPlan,
    ) -> Option<usize> {
        let has = |b| plan.breaches.contains(&b);
        let chair = self.slot_person(C21, u, Slot::PcHead)?;
        let mut rows = vec![CandidateRow {
            role: "主席",
            fulltime: Some(!has(EBreach::Size009)),
            ..CandidateRow::plain(0, Who::Team(chair))
        }];
        let mut others: Vec<Who> = members.to_vec();
        while others.len() < 2 {
            others.push(self.new_person());
        }
        rows.extend(others.into_iter().map(|w| CandidateRow::plain(0, w)));
        if has(EBreach::Size010) {
            for _ in 0..2 {
                let who = self.new_person();
                rows.push(CandidateRow {
                    role: "副主席",
                    fulltime: Some(true),
                    ..CandidateRow::plain(0, who)
                });
            }
            self.plant(
                "SIZE-010",
                u,
                None,
                "two full-time vice-chairs on the 2021 presidium".into(),
            );
        }
        if has(EBreach::Post009) {
            let deputy = self
                .slot_person(C21, u, Slot::DeputyHead)
                .expect("a deputy head");
            rows.push(CandidateRow::plain(0, Who::Team(deputy)));
            self.plant(
                "POST-009",
                u,
                Some(Who::Team(deputy)),
                "a 副镇长/副乡长 on the 2021 presidium".into(),
            );
        }
        if has(EBreach::Size009) {
            self.plant(
                "SIZE-009",
                u,
                None,
                "the 2021 presidium chair is part-time (fulltime = false)".into(),
            );
        }
        if has(EBreach::Post008) {
            let county = &self.w.areas[self.w.units[u].area].name;
            let note = format!("the full-time presidium chair is on no {county} list");
            self.plant("POST-008", u, Some(Who::Team(chair)), note);
        }
        let e = self.plain_election(u, C21, "PR", "人大主席团", rows.len());
        for mut r in rows {
            r.election = e;
            self.out.candidates.push(r);
        }
        Some(chair)
    }

    /// The 2021 election of township `u`'s deputy heads by its PC: competitive, one
    /// candidate more than seats (none more for DEL-024).
    pub(super) fn leadership(&mut self, u: usize, del024: bool) {
        let deputies: Vec<usize> = self.w.teams[C21][u]
            .iter()
            .filter(|s| s.slot == Slot::DeputyHead)
            .filter_map(|s| s.person)
            .collect();
        if deputies.is_empty() {
            return;
        }
        let e = self.plain_election(u, C21, "PL", "人大选举领导人员", deputies.len());
        self.out.elections[e].competitive = true;
        for p in &deputies {
            self.out
                .candidates
                .push(CandidateRow::plain(e, Who::Team(*p)));
        }
        if del024 {
            let n = deputies.len();
            self.plant("DEL-024", u, None, format!("the competitive 2021 election of the deputy heads has {n} candidates for {n} seats"));
        } else {
            let who = self.new_person();
            self.out.candidates.push(CandidateRow::plain(e, who));
        }
    }

    /// The party-congress lists of township `u`: 60 candidates for 50 seats in 2016 and
    /// 2021 (55 for DEL-010), the party committee's members without the 人大主席.
    pub(super) fn party_congress(&mut self, u: usize, plan: &UnitPlan, del009: Option<Who>) {
        let del010 = plan.breaches.contains(&EBreach::Del010);
        let mut reused: Vec<Who> = Vec::new();
        let mut ids = [0usize; 2];
        for c in 0..2 {
            let team: Vec<Who> = self
                .team(c, u)
                .iter()
                .filter(|m| m.party() && m.slot != Slot::PcHead)
                .map(|m| Who::Team(m.p))
                .collect();
            let total = if c == C21 && del010 { 55 } else { 60 };
            let mut list = team;
            let mut k = 0;
            while list.len() < total {
                if k < reused.len() {
                    list.push(reused[k]);
                } else {
                    let who = self.new_person();
                    reused.push(who);
                    list.push(who);
                }
                k += 1;
            }
            if c == C21 {
                list.extend(del009);
            }
            let e = self.plain_election(u, c, "PCG", "党代会代表", 50);
            ids[c] = e;
            self.out.elections[e].party_members = Some(800);
            if c == C21 {
                self.out.elections[e].previous = self.out.elections[ids[0]].id.clone();
            }
            for who in list {
                self.out.candidates.push(CandidateRow::plain(e, who));
            }
        }
        if del010 {
            self.plant(
                "DEL-010",
                u,
                None,
                "2021 党代会代表: 55 candidates for 50 seats (10.0%)".into(),
            );
            self.plant(
                "DEL-011",
                u,
                None,
                "follows from DEL-010: 10.0% against 20.0% in 2016".into(),
            );
        }
    }

    /// The 2021 party congress of sub-district `u`: seats and party members, no list.
    pub(super) fn street_congress(&mut self, u: usize, plan: &UnitPlan) {
        if plan.breaches.contains(&EBreach::Eadm008) {
            return;
        }
        let small = plan.breaches.contains(&EBreach::Size011);
        let e = self.plain_election(u, C21, "PCG", "党代会代表", if small { 90 } else { 150 });
        self.out.elections[e].party_members = Some(800);
        if small {
            self.plant(
                "SIZE-011",
                u,
                None,
                "the 2021 party congress has 90 seats".into(),
            );
        }
    }

    /// The 2021 county PC list of area `a`: its townships' presidium chairs and 28 more.
    pub(super) fn county_list(&mut self, a: usize, chairs: &[usize], delel005: bool) {
        let n = chairs.len() + 28;
        let fixed: Vec<Spec> = chairs.iter().map(|&p| self.team_spec(p)).collect();
        let t = Targets {
            n,
            incumbents: (n as f64 / 3.0).round() as usize,
            frontline: n * 2 / 5,
            leading: chairs.len() + 2,
            women: (n as f64 * 0.25).ceil() as usize + 1,
            non_party: (n as f64 * 0.15).ceil() as usize + 1,
        };
        let women_fixed = fixed.iter().filter(|s| s.female).count();
        let t = Targets {
            women: t.women.max(women_fixed),
            ..t
        };
        let added = self.fill(&fixed, t);
        let area = &self.w.areas[a];
        let (id, unit_id) = (format!("{}-PC21", area.id), area.id.clone());
        let e = self.election(ElectionRow {
            id,
            cycle: C21,
            unit_id: unit_id.clone(),
            body: "人大代表",
            seats: n,
            level: "县",
            ..ElectionRow::default()
        });
        for (&p, s) in chairs.iter().zip(&fixed) {
            self.out
                .candidates
                .push(Self::delegate_row(e, Who::Team(p), s, None));
        }
        let first = self.out.candidates.len();
        for s in &added {
            let who = Who::Pool(self.pool.add(s.female, s.non_party, None));
            self.out
                .candidates
                .push(Self::delegate_row(e, who, s, None));
        }
        if delel005 {
            self.out.candidates[first].flags = "境外资助";
            let who = self.out.candidates[first].who;
            self.out.planted.push(Plant {
                rule: "DELEL-005",
                cycle: C21,
                unit_id,
                who: Some(who),
                note: "a 2021 county 人大代表 candidate flagged 境外资助".into(),
            });
        }
    }
}
