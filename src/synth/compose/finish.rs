//! Finishing the world: open careers closed, cadres on no slate added, native places
//! and names given.

use super::*;

impl Builder {
    // ----- finishing ---------------------------------------------------------------

    pub(super) fn finalize(&mut self) {
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

    pub(super) fn create_unseated(&mut self, a: usize) {
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

    pub(super) fn native_for(&mut self, p: usize) -> String {
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

    pub(super) fn name_for(&mut self, p: usize) -> String {
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
