//! Turns raw text tables into the typed tables the rest of banzi works on, one row at a
//! time through the normalisers, sending every unreadable row to [`Rejections`].
//!
//! Tables are held column-wise (one `Vec` per column) so that the work-history facts can
//! run over plain arrays and the checks can build polars frames without another pass of
//! parsing. Persons and units are referred to by their index in `cadres` and `units`;
//! a row that names an unknown person or unit is rejected here, once, so that no later
//! stage has to ask.

use chrono::NaiveDate;
use polars::prelude::*;
use std::collections::HashMap;

use super::reject::Rejections;
use super::source::RawTable;
use crate::normalize::date::PartialDate;
use crate::normalize::education::Education;
use crate::normalize::ethnicity::Ethnicity;
use crate::normalize::gender::Gender;
use crate::normalize::party::Party;
use crate::normalize::role::{Body, Nomination, Role};
use crate::normalize::unit_kind::UnitKind;
use crate::normalize::{boolean, education, ethnicity, gender, party};

/// Text access to a raw table's columns by canonical name.
pub(super) struct Cells<'a> {
    columns: HashMap<&'static str, &'a StringChunked>,
}

impl<'a> Cells<'a> {
    pub(super) fn new(raw: &'a RawTable, names: &[&'static str]) -> Cells<'a> {
        let mut columns = HashMap::new();
        for name in names {
            if let Ok(column) = raw.frame.column(name) {
                if let Ok(ca) = column.str() {
                    columns.insert(*name, ca);
                }
            }
        }
        Cells { columns }
    }

    /// The trimmed text of a cell; `None` when the column is absent or the cell blank.
    pub(super) fn get(&self, name: &str, i: usize) -> Option<&'a str> {
        let value = self.columns.get(name)?.get(i)?.trim();
        (!value.is_empty()).then_some(value)
    }
}

fn rechunked(raw: &mut RawTable) {
    raw.frame.rechunk_mut();
}

/// Cadre records, one per person.
#[derive(Debug, Default)]
pub struct Cadres {
    pub person_id: Vec<String>,
    pub name: Vec<String>,
    pub gender: Vec<Gender>,
    pub birth: Vec<PartialDate>,
    pub ethnicity: Vec<Ethnicity>,
    pub party: Vec<Option<Party>>,
    pub education: Vec<Option<Education>>,
    /// Normalised `;`-separated specialties.
    pub specialties: Vec<String>,
    pub native_place: Vec<Option<String>>,
    pub staffing: Vec<Option<String>>,
    pub vetting_hold: Vec<bool>,
    pub resume: Vec<Option<String>>,
    /// Source row of each person.
    pub row: Vec<usize>,
    /// `person_id` → index.
    pub index: HashMap<String, u32>,
}

impl Cadres {
    pub fn len(&self) -> usize {
        self.person_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.person_id.is_empty()
    }
}

/// Splits a specialties cell on `;` and the separators people use instead.
pub fn split_specialties(text: &str) -> Vec<String> {
    text.split([';', '；', ',', '，', '、', '/', '|'])
        .map(|s| s.trim().trim_start_matches("熟悉"))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn read_cadres(mut raw: RawTable, rej: &mut Rejections) -> Cadres {
    const T: &str = "cadres";
    rechunked(&mut raw);
    let cells = Cells::new(
        &raw,
        &[
            "person_id",
            "name",
            "gender",
            "birth_date",
            "ethnicity",
            "party",
            "education",
            "specialties",
            "native_place",
            "staffing",
            "vetting_hold",
            "resume",
        ],
    );
    let mut out = Cadres::default();
    let mut first_row: HashMap<String, usize> = HashMap::new();
    for i in 0..raw.height() {
        let row = raw.row_number(i);
        let before = rej.items.len();
        let mut required = |column: &str| -> Option<&str> {
            let v = cells.get(column, i);
            if v.is_none() {
                rej.reject(T, row, column, "", format!("{column} is empty"));
            }
            v
        };
        let id = required("person_id");
        let name = required("name");
        let gender_text = required("gender");
        let birth_text = required("birth_date");
        let eth_text = required("ethnicity");
        let g = gender_text.and_then(|t| {
            gender::parse(t)
                .map_err(|e| rej.reject(T, row, "gender", t, e))
                .ok()
        });
        let b = birth_text.and_then(|t| {
            PartialDate::parse(t)
                .map_err(|e| rej.reject(T, row, "birth_date", t, e.to_string()))
                .ok()
        });
        let e = eth_text.and_then(|t| {
            ethnicity::parse(t)
                .map_err(|e| rej.reject(T, row, "ethnicity", t, e))
                .ok()
        });
        if let Some(id) = id {
            if let Some(first) = first_row.get(id) {
                rej.reject(
                    T,
                    row,
                    "person_id",
                    id,
                    format!("duplicate person_id, first at row {first}"),
                );
            }
        }
        let (Some(id), Some(name), Some(g), Some(b), Some(e)) = (id, name, g, b, e) else {
            continue;
        };
        if rej.items.len() > before {
            continue;
        }
        let p = cells.get("party", i).and_then(|t| {
            party::parse(t)
                .map_err(|e| rej.drop_value(T, row, "party", t, e))
                .ok()
        });
        let ed = cells.get("education", i).and_then(|t| {
            education::parse(t)
                .map_err(|e| rej.drop_value(T, row, "education", t, e))
                .ok()
        });
        let hold = match cells.get("vetting_hold", i) {
            None => false,
            Some(t) => match boolean::parse(t) {
                Ok(v) => v,
                Err(e) => {
                    rej.reject(T, row, "vetting_hold", t, e);
                    continue;
                }
            },
        };
        first_row.insert(id.to_string(), row);
        out.index.insert(id.to_string(), out.person_id.len() as u32);
        out.person_id.push(id.to_string());
        out.name.push(name.to_string());
        out.gender.push(g);
        out.birth.push(b);
        out.ethnicity.push(e);
        out.party.push(p);
        out.education.push(ed);
        out.specialties.push(
            cells
                .get("specialties", i)
                .map(|t| split_specialties(t).join(";"))
                .unwrap_or_default(),
        );
        out.native_place
            .push(cells.get("native_place", i).map(str::to_string));
        out.staffing
            .push(cells.get("staffing", i).map(str::to_string));
        out.vetting_hold.push(hold);
        out.resume.push(cells.get("resume", i).map(str::to_string));
        out.row.push(row);
    }
    out
}

/// Units (乡镇, 街道, counties …).
#[derive(Debug, Default)]
pub struct Units {
    pub unit_id: Vec<String>,
    pub name: Vec<String>,
    pub kind: Vec<UnitKind>,
    pub parent_id: Vec<Option<String>>,
    pub minority_area: Vec<bool>,
    pub index: HashMap<String, u32>,
    /// Set when no units table was given and units were made up from the slate.
    pub inferred: bool,
}

impl Units {
    pub fn len(&self) -> usize {
        self.unit_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.unit_id.is_empty()
    }

    fn push(&mut self, id: &str, name: &str, kind: UnitKind, parent: Option<&str>, minority: bool) {
        self.index.insert(id.to_string(), self.unit_id.len() as u32);
        self.unit_id.push(id.to_string());
        self.name.push(name.to_string());
        self.kind.push(kind);
        self.parent_id.push(parent.map(str::to_string));
        self.minority_area.push(minority);
    }

    /// The name of a unit by id, for messages about areas (parents).
    pub fn name_of(&self, id: &str) -> Option<&str> {
        self.index.get(id).map(|&i| self.name[i as usize].as_str())
    }
}

pub fn read_units(mut raw: RawTable, rej: &mut Rejections) -> Units {
    const T: &str = "units";
    rechunked(&mut raw);
    let cells = Cells::new(
        &raw,
        &["unit_id", "name", "kind", "parent_id", "minority_area"],
    );
    let mut out = Units::default();
    let mut first_row: HashMap<String, usize> = HashMap::new();
    for i in 0..raw.height() {
        let row = raw.row_number(i);
        let Some(id) = cells.get("unit_id", i) else {
            rej.reject(T, row, "unit_id", "", "unit_id is empty");
            continue;
        };
        if let Some(first) = first_row.get(id) {
            rej.reject(
                T,
                row,
                "unit_id",
                id,
                format!("duplicate unit_id, first at row {first}"),
            );
            continue;
        }
        let Some(name) = cells.get("name", i) else {
            rej.reject(T, row, "name", "", "name is empty");
            continue;
        };
        let kind = match cells.get("kind", i) {
            None => {
                rej.reject(T, row, "kind", "", "kind is empty");
                continue;
            }
            Some(t) => match UnitKind::parse(t) {
                Some(k) => k,
                None => {
                    rej.reject(T, row, "kind", t, format!("unknown unit kind {t:?}"));
                    continue;
                }
            },
        };
        let minority = match cells.get("minority_area", i) {
            None => false,
            Some(t) => boolean::parse(t).unwrap_or_else(|e| {
                rej.drop_value(T, row, "minority_area", t, e);
                false
            }),
        };
        first_row.insert(id.to_string(), row);
        out.push(id, name, kind, cells.get("parent_id", i), minority);
    }
    out
}

/// Transition cycles with their reference dates.
#[derive(Debug, Default)]
pub struct Cycles {
    pub cycle: Vec<String>,
    pub as_of: Vec<NaiveDate>,
    pub previous: Vec<Option<String>>,
    pub index: HashMap<String, u32>,
    /// Set when no cycles table was given and cycles were made up from the slate.
    pub inferred: bool,
}

impl Cycles {
    pub fn len(&self) -> usize {
        self.cycle.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cycle.is_empty()
    }

    /// The year-end of a cycle label that starts with a year (`2021`, `2021年`).
    pub fn default_as_of(label: &str) -> Option<NaiveDate> {
        let year: i32 = label.get(..4)?.parse().ok()?;
        NaiveDate::from_ymd_opt(year, 12, 31)
    }
}

pub fn read_cycles(mut raw: RawTable, rej: &mut Rejections) -> Cycles {
    const T: &str = "cycles";
    rechunked(&mut raw);
    let cells = Cells::new(&raw, &["cycle", "as_of", "previous"]);
    let mut out = Cycles::default();
    for i in 0..raw.height() {
        let row = raw.row_number(i);
        let Some(cycle) = cells.get("cycle", i) else {
            rej.reject(T, row, "cycle", "", "cycle is empty");
            continue;
        };
        if out.index.contains_key(cycle) {
            rej.reject(T, row, "cycle", cycle, "duplicate cycle");
            continue;
        }
        let as_of = match cells.get("as_of", i) {
            Some(t) => match PartialDate::parse(t) {
                Ok(d) => d.to_naive(),
                Err(e) => {
                    rej.reject(T, row, "as_of", t, e.to_string());
                    continue;
                }
            },
            None => match Cycles::default_as_of(cycle) {
                Some(d) => d,
                None => {
                    rej.reject(
                        T,
                        row,
                        "as_of",
                        "",
                        "as_of is empty and the cycle is not a year",
                    );
                    continue;
                }
            },
        };
        out.index.insert(cycle.to_string(), out.cycle.len() as u32);
        out.cycle.push(cycle.to_string());
        out.as_of.push(as_of);
        out.previous
            .push(cells.get("previous", i).map(str::to_string));
    }
    // A `previous` that names no cycle cannot be compared with: say so, keep the cycle.
    for i in 0..out.len() {
        if let Some(p) = &out.previous[i] {
            if !out.index.contains_key(p) {
                rej.drop_value(
                    T,
                    0,
                    "previous",
                    p,
                    format!("cycle {} names an unknown previous cycle", out.cycle[i]),
                );
                out.previous[i] = None;
            }
        }
    }
    out
}

/// Seats of the leadership teams: one row per post.
#[derive(Debug, Default)]
pub struct Slate {
    pub cycle: Vec<u32>,
    pub unit: Vec<u32>,
    pub body: Vec<Body>,
    /// The post as written.
    pub post: Vec<String>,
    pub role: Vec<Role>,
    pub person: Vec<u32>,
    pub nomination: Vec<Option<Nomination>>,
    pub fulltime: Vec<Option<bool>>,
    pub row: Vec<usize>,
}

impl Slate {
    pub fn len(&self) -> usize {
        self.person.len()
    }

    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
    }
}

/// Reads the slate. Units and cycles missing from their tables are made up here when
/// those tables are absent (and only then); otherwise the row is rejected.
pub fn read_slate(
    mut raw: RawTable,
    cadres: &Cadres,
    units: &mut Units,
    cycles: &mut Cycles,
    rej: &mut Rejections,
) -> Slate {
    const T: &str = "slate";
    rechunked(&mut raw);
    let cells = Cells::new(
        &raw,
        &[
            "cycle",
            "unit_id",
            "body",
            "post",
            "person_id",
            "nomination",
            "fulltime",
        ],
    );
    let mut out = Slate::default();
    for i in 0..raw.height() {
        let row = raw.row_number(i);
        let before = rej.items.len();
        let mut required = |column: &str| -> Option<&str> {
            let v = cells.get(column, i);
            if v.is_none() {
                let reason = if column == "unit_id" {
                    "a team with no unit_id".to_string()
                } else {
                    format!("{column} is empty")
                };
                rej.reject(T, row, column, "", reason);
            }
            v
        };
        let cycle = required("cycle");
        let unit_id = required("unit_id");
        let body = required("body");
        let post = required("post");
        let person_id = required("person_id");
        let cycle_ix = cycle.and_then(|c| match cycles.index.get(c) {
            Some(&ix) => Some(ix),
            None if cycles.inferred => match Cycles::default_as_of(c) {
                Some(as_of) => {
                    cycles
                        .index
                        .insert(c.to_string(), cycles.cycle.len() as u32);
                    cycles.cycle.push(c.to_string());
                    cycles.as_of.push(as_of);
                    cycles.previous.push(None);
                    Some(cycles.cycle.len() as u32 - 1)
                }
                None => {
                    rej.reject(
                        T,
                        row,
                        "cycle",
                        c,
                        "cycle is not a year and there is no cycles table to give its as_of",
                    );
                    None
                }
            },
            None => {
                rej.reject(T, row, "cycle", c, format!("cycle {c} is not in cycles"));
                None
            }
        });
        let unit_ix = unit_id.and_then(|u| match units.index.get(u) {
            Some(&ix) => Some(ix),
            None if units.inferred => {
                units.push(u, u, UnitKind::Other, None, false);
                Some(units.len() as u32 - 1)
            }
            None => {
                rej.reject(T, row, "unit_id", u, format!("unit {u} is not in units"));
                None
            }
        });
        let body = body.and_then(|b| {
            Body::parse(b)
                .map_err(|e| rej.reject(T, row, "body", b, e))
                .ok()
        });
        let role = post.and_then(|p| {
            Role::parse(p)
                .map_err(|e| rej.reject(T, row, "post", p, e))
                .ok()
        });
        let person = person_id.and_then(|p| match cadres.index.get(p) {
            Some(&ix) => Some(ix),
            None => {
                rej.reject(
                    T,
                    row,
                    "person_id",
                    p,
                    format!("person {p} is not in cadres"),
                );
                None
            }
        });
        let nomination = match cells.get("nomination", i) {
            None => None,
            Some(t) => match Nomination::parse(t) {
                Ok(n) => Some(n),
                Err(e) => {
                    rej.drop_value(T, row, "nomination", t, e);
                    None
                }
            },
        };
        let fulltime = match cells.get("fulltime", i) {
            None => None,
            Some(t) => match boolean::parse(t) {
                Ok(b) => Some(b),
                Err(e) => {
                    rej.drop_value(T, row, "fulltime", t, e);
                    None
                }
            },
        };
        let (Some(c), Some(u), Some(b), Some(r), Some(p), Some(post)) =
            (cycle_ix, unit_ix, body, role, person, post)
        else {
            continue;
        };
        if rej.items[before..].iter().any(|r| !r.kept) {
            continue;
        }
        out.cycle.push(c);
        out.unit.push(u);
        out.body.push(b);
        out.post.push(post.to_string());
        out.role.push(r);
        out.person.push(p);
        out.nomination.push(nomination);
        out.fulltime.push(fulltime);
        out.row.push(row);
    }
    out
}

/// Kinship pairs between persons in `cadres`.
#[derive(Debug, Default)]
pub struct Relations {
    pub person: Vec<u32>,
    pub relative: Vec<u32>,
    pub relation: Vec<String>,
}

pub fn read_relations(mut raw: RawTable, cadres: &Cadres, rej: &mut Rejections) -> Relations {
    const T: &str = "relations";
    rechunked(&mut raw);
    let cells = Cells::new(&raw, &["person_id", "relative_id", "relation"]);
    let mut out = Relations::default();
    for i in 0..raw.height() {
        let row = raw.row_number(i);
        let mut ids = [None, None];
        for (slot, column) in ids.iter_mut().zip(["person_id", "relative_id"]) {
            match cells.get(column, i) {
                None => rej.reject(T, row, column, "", format!("{column} is empty")),
                Some(p) => match cadres.index.get(p) {
                    Some(&ix) => *slot = Some(ix),
                    None => rej.reject(T, row, column, p, format!("person {p} is not in cadres")),
                },
            }
        }
        let relation = cells.get("relation", i);
        if relation.is_none() {
            rej.reject(T, row, "relation", "", "relation is empty");
        }
        let ([Some(a), Some(b)], Some(rel)) = (ids, relation) else {
            continue;
        };
        if a == b {
            rej.reject(
                T,
                row,
                "relative_id",
                cadres.person_id[b as usize].as_str(),
                "a person cannot be their own relative",
            );
            continue;
        }
        out.person.push(a);
        out.relative.push(b);
        out.relation.push(rel.to_string());
    }
    out
}
