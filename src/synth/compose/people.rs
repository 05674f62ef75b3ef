//! People and their careers: a new person's attributes and the work history from the
//! first job up to the seat, shaped by the person's profile.

use super::*;

impl Builder {
    // ----- people and careers ------------------------------------------------------

    pub(super) fn create_person(&mut self, c: usize, u: usize, s: &Spec) -> usize {
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
    pub(super) fn town_places(&self, area: usize, target: Option<usize>) -> Vec<Place> {
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
    pub(super) fn pre_career(
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
}
