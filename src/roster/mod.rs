//! Reading the roster (换届人选名册) an organization department keeps for a transition:
//! one workbook (or CSV, or a folder of them), one row per person on the plan, laid out
//! for print (title, filing line, a two-row header, 单位 merged down each team, 合计
//! rows, footnotes), with no person ids and posts written as titles (data contract §5).
//!
//! Rather than a second set of table readers, the roster is turned into the contract's
//! own tables (`cadres`, `slate`, `units`, `cycles`, `careers` where there is no 简历)
//! and those go through the same readers as a dataset folder, so a roster and the tables
//! derived from it are checked alike. Each derived record remembers the sheet, the Excel
//! row and the roster's column headers it came from ([`Origin`]); rejections of the
//! derived tables are mapped back to them, so `rejected.csv` names the cell the user
//! typed.
//!
//! Layouts: one team or many per sheet (单位 merged down, a team heading row, or one
//! sheet per unit named after it), one sheet per township or one for the whole county.

pub mod current;
pub mod grid;
pub mod header;
pub mod meta;
pub mod notes;
pub mod rows;
pub mod seats;
pub mod write;

use polars::prelude::DataFrame;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::dataset::reject::Rejections;
use crate::dataset::schema::{self, TableSpec};
use crate::dataset::source::{text_frame, Format, RawTable};
use crate::dataset::{LoadError, LoadOptions};
use crate::normalize::role::Nomination;
use crate::rules::Lang;
use grid::Grid;
use header::{Field, Header};
use rows::Entry;

/// Where a derived record came from: the sheet, the Excel row, and the roster's header
/// for each contract column it filled.
#[derive(Debug, Clone)]
pub struct Origin {
    /// `名册.xlsx[城关镇]`.
    pub table: String,
    pub row: usize,
    pub columns: Vec<(&'static str, String)>,
}

/// A roster as contract tables, with the account of its rows.
pub struct Roster {
    /// The derived tables, for the loader.
    pub tables: Vec<(&'static TableSpec, RawTable)>,
    /// Origin of each record of each derived table.
    pub origins: HashMap<&'static str, Vec<Origin>>,
    /// Rows rejected before any table was derived (no name, no post, unknown post …).
    pub rejections: Rejections,
    pub notes: Vec<String>,
    /// Rows below the headers, persons read, and rows skipped, over all sheets.
    pub rows_read: usize,
    pub persons: usize,
    pub skipped: usize,
    /// The derived tables plus the seats' provenance, for `banzi normalize`.
    pub derived: Vec<(String, DataFrame)>,
}

/// One derived table being built: column names, values, origins.
struct Builder {
    spec: &'static TableSpec,
    names: Vec<&'static str>,
    columns: Vec<Vec<Option<String>>>,
    origins: Vec<Origin>,
}

impl Builder {
    fn new(spec: &'static TableSpec, names: &[&'static str]) -> Builder {
        Builder {
            spec,
            names: names.to_vec(),
            columns: vec![Vec::new(); names.len()],
            origins: Vec::new(),
        }
    }

    fn push(&mut self, values: &[Option<String>], origin: Origin) {
        for (column, v) in self.columns.iter_mut().zip(values) {
            column.push(v.clone());
        }
        self.origins.push(origin);
    }

    fn frame(&self) -> Result<DataFrame, String> {
        let names: Vec<String> = self.names.iter().map(|s| s.to_string()).collect();
        text_frame(&names, self.columns.clone())
    }
}

/// The roster files of `path`, when it is a roster: a CSV or workbook whose sheets are
/// not contract tables but have a roster header (姓名 and 拟任职务 / 现任职务), or a
/// folder of such files.
pub fn detect(path: &Path) -> Result<Option<Vec<PathBuf>>, LoadError> {
    let is_roster = |file: &Path| -> Result<bool, LoadError> {
        Ok(match Format::of(file) {
            Some(Format::Csv) => header::find(&grid::read_csv(file)?).is_some(),
            Some(Format::Xlsx) => {
                let grids = grid::read_workbook(file)?;
                !grids.iter().any(|g| schema::table_for(&g.sheet).is_some())
                    && grids.iter().any(|g| header::find(g).is_some())
            }
            _ => false,
        })
    };
    if path.is_file() {
        return Ok(is_roster(path)?.then(|| vec![path.to_path_buf()]));
    }
    if path.is_dir() {
        let files = crate::dataset::source::list_folder(path)?;
        if files
            .iter()
            .any(|(stem, _, _)| schema::table_for(stem).is_some())
        {
            return Ok(None);
        }
        let mut rosters = Vec::new();
        for (_, file, _) in files {
            if is_roster(&file).unwrap_or(false) {
                rosters.push(file);
            }
        }
        return Ok((!rosters.is_empty()).then_some(rosters));
    }
    Ok(None)
}

/// A person's identity across the roster.
struct Person {
    id: String,
    name: String,
    birth: String,
    unit: String,
    row: usize,
    table: String,
}

impl Person {
    fn seen(&self) -> notes::Seen<'_> {
        notes::Seen {
            name: &self.name,
            birth: &self.birth,
            unit: &self.unit,
            table: &self.table,
            row: self.row,
        }
    }
}

/// Reads the roster files into contract tables.
pub fn read(files: &[PathBuf], options: &LoadOptions) -> Result<Roster, LoadError> {
    let lang = options.lang;
    let mut grids: Vec<Grid> = Vec::new();
    for file in files {
        match Format::of(file) {
            Some(Format::Csv) => grids.push(grid::read_csv(file)?),
            _ => grids.extend(grid::read_workbook(file)?),
        }
    }
    let file_label = files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = Roster {
        tables: Vec::new(),
        origins: HashMap::new(),
        rejections: Rejections::default(),
        notes: Vec::new(),
        rows_read: 0,
        persons: 0,
        skipped: 0,
        derived: Vec::new(),
    };
    let mut cadres = Builder::new(&schema::CADRES, &schema::CADRES.column_names());
    let mut slate = Builder::new(&schema::SLATE, &schema::SLATE.column_names());
    let mut careers = Builder::new(
        &schema::CAREERS,
        &["person_id", "start", "end", "unit_name", "post"],
    );
    let mut seat_notes = Builder::new(
        &schema::SLATE,
        &[
            "source",
            "row",
            "cycle",
            "unit_id",
            "body",
            "post",
            "person_id",
            "nomination",
            "nomination_inferred",
        ],
    );
    // Units in order of appearance: name → (kind, parent).
    let mut units: Vec<(String, Option<String>)> = Vec::new();
    let mut districts: Vec<String> = Vec::new();
    let mut cycles: BTreeMap<String, (chrono::NaiveDate, String)> = BTreeMap::new();
    let mut people: HashMap<String, Vec<Person>> = HashMap::new();
    let mut inferred = 0usize;
    let mut no_since = 0usize;
    for g in &grids {
        let Some(h) = header::find(g) else {
            if !g.blank_row(0) || g.cells.len() > 1 {
                out.notes.push(notes::no_header(lang, &g.source));
            }
            continue;
        };
        if h.column(Field::ProposedPost).is_none() {
            return Err(LoadError::Roster {
                file: g.source.clone(),
                reason: format!(
                    "the roster has no 拟任职务 column (its columns are: {})",
                    h.columns
                        .iter()
                        .map(|(_, n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        let ignored: Vec<&str> = h
            .columns
            .iter()
            .filter(|(_, _, f)| f.is_none())
            .map(|(_, n, _)| n.as_str())
            .collect();
        if !ignored.is_empty() {
            out.notes
                .push(notes::ignored_columns(lang, &g.source, &ignored));
        }
        let sheet_rows = rows::read(g, &h);
        let title = meta::Title::read(g, &h);
        let footnote_dates: Vec<Result<chrono::NaiveDate, String>> = sheet_rows
            .footnotes
            .iter()
            .filter_map(|f| meta::as_of_in(f))
            .collect();
        let footnote_as_of = footnote_dates.iter().find_map(|d| d.as_ref().ok().copied());
        let bad_footnote = footnote_dates.iter().find_map(|d| d.as_ref().err());
        let cycle = match options.cycle.clone().or_else(|| title.year.clone()) {
            Some(c) => c,
            None => {
                return Err(LoadError::Roster {
                    file: g.source.clone(),
                    reason: "no cycle: the title names no year; give --cycle (e.g. --cycle 2021)"
                        .into(),
                })
            }
        };
        let as_of = match options.as_of.or(footnote_as_of) {
            Some(d) => d,
            None => {
                return Err(LoadError::Roster {
                    file: g.source.clone(),
                    reason: match bad_footnote {
                        Some(bad) => format!("the footnote's reference date {bad} is not a date: correct it (注：年龄计算截至2021年6月30日) or give --as-of YYYY-MM-DD"),
                        None => "no reference date for ages and tenures: give --as-of YYYY-MM-DD, or a footnote such as 注：年龄计算截至2021年6月30日".into(),
                    },
                })
            }
        };
        match cycles.get(&cycle) {
            Some((d, from)) if *d != as_of => out.notes.push(notes::as_of_differs(
                lang,
                &g.source,
                &as_of.to_string(),
                &d.to_string(),
                from,
            )),
            Some(_) => {}
            None => {
                cycles.insert(cycle.clone(), (as_of, g.source.clone()));
            }
        }
        let district = options.district.clone().or_else(|| title.district.clone());
        if let Some(d) = &district {
            if !districts.contains(d) {
                districts.push(d.clone());
            }
        }
        out.rows_read += sheet_rows.read;
        out.skipped += sheet_rows.skipped.len();
        let mut why: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &sheet_rows.skipped {
            *why.entry(s.why).or_default() += 1;
        }
        let why: Vec<(&str, usize)> = why.into_iter().collect();
        out.notes.push(notes::sheet_account(
            lang,
            &notes::SheetAccount {
                source: &g.source,
                header_row: h.row + 1,
                two_rows: h.rows == 2,
                read: sheet_rows.read,
                persons: sheet_rows.entries.len(),
                skipped: sheet_rows.skipped.len(),
                why: &why,
                rejected: sheet_rows.bad.len(),
            },
        ));
        let unnamed = sheet_rows
            .entries
            .iter()
            .filter(|e| e.unit.is_none())
            .count();
        if h.column(Field::Unit).is_none() && unnamed > 0 {
            out.notes.push(notes::sheet_team(
                lang,
                &g.source,
                unnamed,
                sheet_rows.headings,
                g.sheet.trim(),
            ));
        }
        for b in &sheet_rows.unheaded {
            out.rejections
                .drop_value(&g.source, b.row, &b.column, &b.value, b.reason.clone());
        }
        for b in &sheet_rows.bad {
            out.rejections
                .reject(&g.source, b.row, &b.column, &b.value, b.reason.clone());
        }
        for e in &sheet_rows.entries {
            let row = e.excel_row();
            let col_name = |f: Field| {
                h.column(f)
                    .map(|c| h.name(c).to_string())
                    .unwrap_or_default()
            };
            let unit = match &e.unit {
                Some(u) => u.clone(),
                None if h.column(Field::Unit).is_none() => g.sheet.trim().to_string(),
                None => {
                    out.rejections.reject(
                        &g.source,
                        row,
                        &col_name(Field::Unit),
                        "",
                        "单位 is empty (and not merged from a cell above)",
                    );
                    continue;
                }
            };
            let proposed = e.get(Field::ProposedPost).unwrap_or("");
            let seats = match seats::seats(proposed) {
                Ok(s) => s,
                Err(reason) => {
                    out.rejections.reject(
                        &g.source,
                        row,
                        &col_name(Field::ProposedPost),
                        proposed,
                        reason,
                    );
                    continue;
                }
            };
            let nominations: Vec<Option<(Nomination, bool)>> = match e.get(Field::Nomination) {
                Some(t) => match seats::nominations(t, seats.len()) {
                    Ok(n) => n.into_iter().map(|n| Some((n, false))).collect(),
                    Err(reason) => {
                        out.rejections.drop_value(
                            &g.source,
                            row,
                            &col_name(Field::Nomination),
                            t,
                            reason,
                        );
                        vec![None; seats.len()]
                    }
                },
                None => seats
                    .iter()
                    .map(|s| {
                        inferred += 1;
                        Some((
                            seats::infer_nomination(
                                e.get(Field::CurrentPost),
                                &unit,
                                district.as_deref(),
                                s,
                            ),
                            true,
                        ))
                    })
                    .collect(),
            };
            let (id, new_person) =
                match identify(e, &unit, &g.source, &mut people, &mut out.notes, lang) {
                    Ok(found) => found,
                    Err(reason) => {
                        out.rejections.reject(
                            &g.source,
                            row,
                            &col_name(Field::IdNumber),
                            e.get(Field::IdNumber).unwrap_or(""),
                            reason,
                        );
                        continue;
                    }
                };
            if !units.iter().any(|(u, _)| *u == unit) {
                units.push((unit.clone(), district.clone()));
            }
            if new_person {
                out.persons += 1;
                push_cadre(&mut cadres, e, &id, &h, &g.source);
                if e.get(Field::Resume).is_none() {
                    match e.get(Field::CurrentSince) {
                        Some(since) => {
                            for spell in current::spells(
                                e.get(Field::CurrentPost).unwrap_or(""),
                                since,
                                e.get(Field::SameRankSince),
                                &unit,
                                district.as_deref(),
                            ) {
                                let (start, end) = if spell.same_rank {
                                    (Field::SameRankSince, Field::CurrentSince)
                                } else {
                                    (Field::CurrentSince, Field::CurrentSince)
                                };
                                careers.push(
                                    &[
                                        Some(id.clone()),
                                        Some(spell.start),
                                        spell.end,
                                        Some(spell.unit_name),
                                        Some(spell.post),
                                    ],
                                    Origin {
                                        table: g.source.clone(),
                                        row,
                                        columns: vec![
                                            ("person_id", col_name(Field::Name)),
                                            ("start", col_name(start)),
                                            ("end", col_name(end)),
                                            ("unit_name", col_name(Field::CurrentPost)),
                                            ("post", col_name(Field::CurrentPost)),
                                        ],
                                    },
                                );
                            }
                        }
                        None if e.get(Field::CurrentPost).is_some() => no_since += 1,
                        None => {}
                    }
                }
            }
            // 专职: one value for every seat, or one per seat (是、否).
            let fulltimes: Vec<Option<String>> = match e.get(Field::Fulltime) {
                Some(t) => {
                    let parts = seats::split(t);
                    if parts.len() == seats.len() {
                        parts.into_iter().map(Some).collect()
                    } else {
                        vec![Some(t.to_string()); seats.len()]
                    }
                }
                None => vec![None; seats.len()],
            };
            for ((seat, nomination), fulltime) in seats.iter().zip(&nominations).zip(fulltimes) {
                let values = [
                    Some(cycle.clone()),
                    Some(unit.clone()),
                    Some(seat.body.label_zh().to_string()),
                    Some(seat.post.clone()),
                    Some(id.clone()),
                    nomination.map(|(n, _)| n.label_zh().to_string()),
                    fulltime,
                ];
                slate.push(
                    &values,
                    Origin {
                        table: g.source.clone(),
                        row,
                        columns: vec![
                            ("post", col_name(Field::ProposedPost)),
                            ("body", col_name(Field::ProposedPost)),
                            ("person_id", col_name(Field::Name)),
                            ("nomination", col_name(Field::Nomination)),
                            ("fulltime", col_name(Field::Fulltime)),
                            ("unit_id", col_name(Field::Unit)),
                        ],
                    },
                );
                seat_notes.push(
                    &[
                        Some(g.source.clone()),
                        Some(row.to_string()),
                        values[0].clone(),
                        values[1].clone(),
                        values[2].clone(),
                        values[3].clone(),
                        values[4].clone(),
                        values[5].clone(),
                        nomination.map(|(_, inf)| inf.to_string()),
                    ],
                    Origin {
                        table: g.source.clone(),
                        row,
                        columns: Vec::new(),
                    },
                );
            }
        }
    }
    if inferred > 0 {
        out.notes.push(notes::inferred(lang, inferred));
    }
    if no_since > 0 {
        out.notes.push(notes::no_since(lang, no_since));
    }
    if cycles.is_empty() {
        return Err(LoadError::Roster {
            file: file_label,
            reason: "no sheet has a roster header (姓名 and 拟任职务)".into(),
        });
    }
    if districts.is_empty() {
        out.notes.push(notes::no_district(lang));
    }
    let mut unit_table = Builder::new(
        &schema::UNITS,
        &["unit_id", "name", "kind", "parent_id", "minority_area"],
    );
    for d in &districts {
        unit_table.push(
            &[
                Some(d.clone()),
                Some(d.clone()),
                Some(meta::unit_kind(d).label().to_string()),
                None,
                Some(meta::minority_area(d).to_string()),
            ],
            Origin {
                table: file_label.clone(),
                row: 0,
                columns: Vec::new(),
            },
        );
    }
    // A county's own team (区领导班子 of 平川区) is the district's unit: one row.
    for (name, parent) in units.iter().filter(|(u, _)| !districts.contains(u)) {
        unit_table.push(
            &[
                Some(name.clone()),
                Some(name.clone()),
                Some(meta::unit_kind(name).label().to_string()),
                parent.clone(),
                Some(meta::minority_area(name).to_string()),
            ],
            Origin {
                table: file_label.clone(),
                row: 0,
                columns: vec![("unit_id", "单位".into()), ("kind", "单位".into())],
            },
        );
    }
    let mut cycle_table = Builder::new(&schema::CYCLES, &["cycle", "as_of"]);
    for (cycle, (as_of, from)) in &cycles {
        cycle_table.push(
            &[Some(cycle.clone()), Some(as_of.to_string())],
            Origin {
                table: from.clone(),
                row: 0,
                columns: Vec::new(),
            },
        );
    }
    let mut builders = vec![cadres, unit_table, cycle_table, slate];
    if !careers.origins.is_empty() {
        builders.push(careers);
    }
    for b in builders {
        let frame = b.frame().map_err(|e| LoadError::Roster {
            file: file_label.clone(),
            reason: e,
        })?;
        out.derived.push((b.spec.name.to_string(), frame.clone()));
        out.tables.push((
            b.spec,
            RawTable::new(format!("{} (roster)", b.spec.name), frame, 2),
        ));
        out.origins.insert(b.spec.name, b.origins);
    }
    let seats_frame = seat_notes.frame().map_err(|e| LoadError::Roster {
        file: file_label.clone(),
        reason: e,
    })?;
    out.derived.push(("roster_seats".into(), seats_frame));
    Ok(out)
}

/// The person id of an entry (身份证号, else name and birth date) and whether the person
/// is new. Two entries with one name and birth date in different teams are kept apart
/// (and said so): without an id number they may be two people. One 身份证号 on two
/// different persons (another name or birth date) is a clash: the later row is refused
/// (`Err`, the reason) and listed, never merged into the first.
fn identify(
    e: &Entry,
    unit: &str,
    table: &str,
    people: &mut HashMap<String, Vec<Person>>,
    out_notes: &mut Vec<String>,
    lang: Lang,
) -> Result<(String, bool), String> {
    let name = e.get(Field::Name).unwrap_or("");
    let birth = e.get(Field::Birth).unwrap_or("");
    let this = notes::Seen {
        name,
        birth,
        unit,
        table,
        row: e.excel_row(),
    };
    let person = |id: &str| Person {
        id: id.to_string(),
        name: name.to_string(),
        birth: birth.to_string(),
        unit: unit.to_string(),
        row: e.excel_row(),
        table: table.to_string(),
    };
    if let Some(id) = e.get(Field::IdNumber) {
        let key = format!("id:{id}");
        let seen = people.entry(key).or_default();
        if let Some(p) = seen.first() {
            if p.name == name && same_birth(&p.birth, birth) {
                return Ok((p.id.clone(), false));
            }
            out_notes.push(notes::id_clash(lang, id, &p.seen(), &this));
            return Err(format!(
                "身份证号 {id} is already {} ({}) at {} row {}: two persons cannot share one number",
                p.name, p.birth, p.table, p.row
            ));
        }
        seen.push(person(id));
        return Ok((id.to_string(), true));
    }
    let key = format!("{name}|{birth}");
    let base = if birth.is_empty() {
        name.to_string()
    } else {
        format!("{name}-{birth}")
    };
    let seen = people.entry(key).or_default();
    if let Some(p) = seen.iter().find(|p| p.unit == unit) {
        return Ok((p.id.clone(), false));
    }
    let id = if seen.is_empty() {
        base
    } else {
        let first = &seen[0];
        out_notes.push(notes::name_clash(lang, &first.seen(), &this));
        format!("{base}-{}", seen.len() + 1)
    };
    seen.push(person(&id));
    Ok((id, true))
}

/// Whether two birth cells give one date (`1980.03` and `1980-03` do); texts that are not
/// dates are compared as written.
fn same_birth(a: &str, b: &str) -> bool {
    use crate::normalize::date::PartialDate;
    match (PartialDate::parse(a), PartialDate::parse(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

/// The cadre record of an entry.
fn push_cadre(b: &mut Builder, e: &Entry, id: &str, h: &Header, source: &str) {
    let get = |f: Field| e.get(f).map(str::to_string);
    let education = meta::education(
        e.get(Field::Education),
        e.get(Field::EducationFullTime),
        e.get(Field::EducationInService),
    );
    let values: Vec<Option<String>> = b
        .names
        .iter()
        .map(|&name| match name {
            "person_id" => Some(id.to_string()),
            "name" => get(Field::Name),
            "gender" => get(Field::Gender),
            "birth_date" => get(Field::Birth),
            "ethnicity" => get(Field::Ethnicity),
            "party" => get(Field::Party)
                .or_else(|| e.get(Field::PartyDate).map(|_| "中共党员".to_string())),
            "education" => education.clone(),
            "specialties" => get(Field::Specialties),
            "native_place" => get(Field::NativePlace),
            "staffing" => get(Field::Staffing),
            "resume" => get(Field::Resume),
            _ => None,
        })
        .collect();
    let header_of = |f: Field| {
        h.column(f)
            .map(|c| h.name(c).to_string())
            .unwrap_or_default()
    };
    let edu_header = [
        Field::Education,
        Field::EducationFullTime,
        Field::EducationInService,
    ]
    .into_iter()
    .find_map(|f| h.column(f).map(|c| h.name(c).to_string()))
    .unwrap_or_default();
    b.push(
        &values,
        Origin {
            table: source.to_string(),
            row: e.excel_row(),
            columns: vec![
                ("person_id", header_of(Field::Name)),
                ("name", header_of(Field::Name)),
                ("gender", header_of(Field::Gender)),
                ("birth_date", header_of(Field::Birth)),
                ("ethnicity", header_of(Field::Ethnicity)),
                ("party", header_of(Field::Party)),
                ("education", edu_header),
                ("specialties", header_of(Field::Specialties)),
                ("native_place", header_of(Field::NativePlace)),
                ("staffing", header_of(Field::Staffing)),
                ("resume", header_of(Field::Resume)),
            ],
        },
    );
}

/// Moves rejections of the derived tables onto the roster's sheets, rows and columns.
pub fn remap(rejections: &mut Rejections, origins: &HashMap<&'static str, Vec<Origin>>) {
    for r in rejections.items.iter_mut() {
        let Some(list) = origins.get(r.table.as_str()) else {
            continue;
        };
        let Some(origin) = r.row.checked_sub(2).and_then(|i| list.get(i)) else {
            continue;
        };
        let column = origin
            .columns
            .iter()
            .find(|(c, _)| *c == r.column)
            .map(|(_, h)| h.clone())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| r.column.clone());
        if r.row > 0 && origin.row > 0 {
            r.row = origin.row;
        }
        r.table = origin.table.clone();
        r.column = column;
    }
}

/// Writes a derived table as CSV through the one CSV writer (quoted and neutralised).
pub fn write_derived(frame: &DataFrame, path: &Path) -> anyhow::Result<()> {
    crate::output::csv::write_frame(frame, path)
}
