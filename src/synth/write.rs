//! Serialises a generated [`World`] into the contract's tables: `cadres`, `careers`
//! (when asked), `units`, `slate`, `cycles`, `relations` and the election tables
//! (`elections`, `candidates`, `memberships`, `proxies`), plus the expected-findings
//! list. The people of the election lists follow the world's people in `cadres`.
//!
//! Worlds are written one after another (scale mode makes one per county), so every
//! table is streamed; only the 2021 slate rows are held back in memory so that
//! `slate.csv` lists cycle 2016 before cycle 2021.

use super::csv::{push_record, CsvFile};
use super::elections::{ElectionSet, Proxy};
use super::model::*;
use super::{CareersMode, ExpectedFinding};
use crate::dataset::elections as el;
use crate::dataset::schema::{self, TableSpec};
use anyhow::Result;
use std::path::Path;

pub const EXPECTED_HEADER: [&str; 5] = ["rule", "cycle", "unit_id", "person_id", "note"];

fn flag(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// The résumé text of a person in the cadre-form style, one spell per line.
pub fn resume(p: &Person) -> String {
    let mut text = String::new();
    for (i, s) in p.spells.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&s.start.dotted());
        text.push_str("--");
        if let Some(e) = s.end {
            text.push_str(&e.dotted());
        }
        text.push(' ');
        text.push_str(&s.place.name);
        let titles: Vec<&str> = s.posts.iter().map(|x| x.title.as_str()).collect();
        text.push_str(&titles.join("、"));
    }
    text
}

/// The open tables of one output folder.
pub struct Tables {
    mode: CareersMode,
    cadres: CsvFile,
    careers: Option<CsvFile>,
    units: CsvFile,
    slate: CsvFile,
    slate_later: String,
    slate_later_rows: usize,
    relations: CsvFile,
    cycles: CsvFile,
    elections: CsvFile,
    candidates: CsvFile,
    memberships: CsvFile,
    proxies: CsvFile,
}

impl Tables {
    pub fn create(dir: &Path, mode: CareersMode) -> Result<Tables> {
        let with_resume = mode != CareersMode::Table;
        let cadres_header: Vec<&str> = schema::CADRES
            .column_names()
            .into_iter()
            .filter(|&c| with_resume || c != "resume")
            .collect();
        let table = |spec: &TableSpec| {
            CsvFile::create(
                &dir.join(format!("{}.csv", spec.name)),
                &spec.column_names(),
            )
        };
        let careers = if mode != CareersMode::Resume {
            Some(table(&schema::CAREERS)?)
        } else {
            None
        };
        Ok(Tables {
            mode,
            cadres: CsvFile::create(&dir.join("cadres.csv"), &cadres_header)?,
            careers,
            units: table(&schema::UNITS)?,
            slate: table(&schema::SLATE)?,
            slate_later: String::new(),
            slate_later_rows: 0,
            relations: table(&schema::RELATIONS)?,
            cycles: table(&schema::CYCLES)?,
            elections: table(&el::ELECTIONS)?,
            candidates: table(&el::CANDIDATES)?,
            memberships: table(&el::MEMBERSHIPS)?,
            proxies: table(&el::PROXIES)?,
        })
    }

    /// Appends the rows of one world to every table.
    pub fn write_world(&mut self, w: &World) -> Result<()> {
        for area in &w.areas {
            self.units.row(&[&area.id, &area.name, "县", "", "false"])?;
            for &u in &area.units {
                let unit = &w.units[u];
                self.units.row(&[
                    &unit.id,
                    &unit.full,
                    unit.kind.label(),
                    &area.id,
                    flag(unit.minority_area),
                ])?;
            }
        }
        let with_resume = self.mode != CareersMode::Table;
        for (i, p) in w.persons.iter().enumerate() {
            let id = w.person_id(i);
            let birth = p.birth.dashed();
            let specialties = p.specialties.join(";");
            let native = p.native.clone().unwrap_or_default();
            let gender = if p.is_female() { "女" } else { "男" };
            let mut fields: Vec<&str> = vec![
                &id,
                &p.name,
                gender,
                &birth,
                p.ethnicity,
                p.party,
                p.education,
                &specialties,
                &native,
                p.staffing,
                flag(p.vetting_hold),
            ];
            let text;
            if with_resume {
                text = resume(p);
                fields.push(&text);
            }
            self.cadres.row(&fields)?;
            if let Some(careers) = self.careers.as_mut() {
                for s in &p.spells {
                    let start = s.start.dashed();
                    let end = s.end.map(|e| e.dashed()).unwrap_or_default();
                    let unit_id = s.place.unit.map(|u| w.units[u].id.as_str()).unwrap_or("");
                    for x in &s.posts {
                        careers.row(&[
                            &id,
                            &start,
                            &end,
                            unit_id,
                            &s.place.name,
                            s.place.kind.label(),
                            &x.title,
                            flag(x.leadership),
                        ])?;
                    }
                }
            }
        }
        self.write_elections(w, with_resume)?;
        for (c, year) in CYCLE_YEARS.iter().enumerate() {
            let cycle = year.to_string();
            for (u, unit) in w.units.iter().enumerate() {
                for seat in &w.teams[c][u] {
                    let Some(p) = seat.person else { continue };
                    let pid = w.person_id(p);
                    for r in seat.rows(unit) {
                        let fields = [
                            cycle.as_str(),
                            &unit.id,
                            r.body.label(),
                            r.title,
                            &pid,
                            seat.nomination.label(),
                            flag(r.fulltime),
                        ];
                        if c == 0 {
                            self.slate.row(&fields)?;
                        } else {
                            push_record(&mut self.slate_later, &fields);
                            self.slate_later_rows += 1;
                        }
                    }
                }
            }
        }
        for r in &w.relations {
            self.relations
                .row(&[&w.person_id(r.person), &w.person_id(r.relative), r.relation])?;
        }
        Ok(())
    }

    /// The pool people (in `cadres`) and the election tables of `w`.
    fn write_elections(&mut self, w: &World, with_resume: bool) -> Result<()> {
        let es = &w.elections;
        for (j, p) in es.pool.iter().enumerate() {
            let id = w.person_id(w.persons.len() + j);
            let birth = p.birth.dashed();
            let gender = if p.female { "女" } else { "男" };
            let mut fields = vec![
                id.as_str(),
                &p.name,
                gender,
                &birth,
                "汉族",
                p.party,
                p.education,
                "",
                "",
                "",
                "false",
            ];
            if with_resume {
                fields.push("");
            }
            self.cadres.row(&fields)?;
        }
        let opt = |b: Option<bool>| b.map(flag).unwrap_or("");
        for e in &es.elections {
            let year = CYCLE_YEARS[e.cycle].to_string();
            let seats = e.seats.to_string();
            let date = format!("{year}-10");
            let members = e.party_members.map(|m| m.to_string()).unwrap_or_default();
            let competitive = if e.competitive { "true" } else { "" };
            self.elections.row(&[
                &e.id,
                &year,
                &e.unit_id,
                e.body,
                &seats,
                e.level,
                &date,
                &e.previous,
                &members,
                e.assembly,
                competitive,
            ])?;
        }
        for c in &es.candidates {
            let id = ElectionSet::person_id(w, c.who);
            let order = c.order.map(|o| o.to_string()).unwrap_or_default();
            self.candidates.row(&[
                &es.elections[c.election].id,
                &id,
                &order,
                c.role,
                opt(c.fulltime),
                "",
                opt(c.elected),
                opt(c.incumbent),
                c.category,
                c.quota,
                "",
                opt(c.leading),
                c.flags,
                &c.constituency,
            ])?;
        }
        for m in &es.memberships {
            let id = ElectionSet::person_id(w, m.who);
            let year = CYCLE_YEARS[m.cycle].to_string();
            self.memberships
                .row(&[&id, &year, m.body, m.level, m.role])?;
        }
        for p in &es.proxies {
            let proxy = match &p.proxy {
                Proxy::Voter(v) => v.clone(),
                Proxy::Person(who) => ElectionSet::person_id(w, *who),
            };
            self.proxies.row(&[
                &es.elections[p.election].id,
                &p.voter,
                &proxy,
                flag(p.approved),
            ])?;
        }
        Ok(())
    }

    /// Writes what was held back and closes every table; returns rows per table.
    pub fn finish(mut self) -> Result<Vec<(String, usize)>> {
        self.slate
            .raw(self.slate_later.as_bytes(), self.slate_later_rows)?;
        for (c, year) in CYCLE_YEARS.iter().enumerate() {
            let year = year.to_string();
            let at = as_of(c).format("%Y-%m-%d").to_string();
            let prev = if c == 0 {
                String::new()
            } else {
                CYCLE_YEARS[c - 1].to_string()
            };
            self.cycles.row(&[&year, &at, &prev])?;
        }
        let mut rows = vec![("cadres".to_string(), self.cadres.finish()?)];
        if let Some(careers) = self.careers {
            rows.push(("careers".to_string(), careers.finish()?));
        }
        rows.push(("units".to_string(), self.units.finish()?));
        rows.push(("slate".to_string(), self.slate.finish()?));
        rows.push(("cycles".to_string(), self.cycles.finish()?));
        rows.push(("relations".to_string(), self.relations.finish()?));
        rows.push(("elections".to_string(), self.elections.finish()?));
        rows.push(("candidates".to_string(), self.candidates.finish()?));
        rows.push(("memberships".to_string(), self.memberships.finish()?));
        rows.push(("proxies".to_string(), self.proxies.finish()?));
        Ok(rows)
    }
}

/// Turns findings of `w` into expected findings with ids.
pub fn expected(w: &World, findings: &[Finding]) -> Vec<ExpectedFinding> {
    findings
        .iter()
        .map(|f| ExpectedFinding {
            rule: f.rule.to_string(),
            cycle: CYCLE_YEARS[f.cycle].to_string(),
            unit_id: f.unit.map(|u| w.units[u].id.clone()).unwrap_or_default(),
            person_id: f.person.map(|p| w.person_id(p)).unwrap_or_default(),
            note: f.note.clone(),
        })
        .collect()
}
