//! Loading a dataset: a folder of tables (CSV, Parquet, JSON, XLSX, one file per table)
//! or one workbook whose sheets are the tables, into typed, validated tables.
//!
//! The contract of this module is the contract of banzi's input (see the README): a file
//! that cannot be read as a table, or lacks a required column, stops the load with a
//! [`LoadError`] naming the file and the column (exit code 2); a row that cannot be read
//! is listed in [`Rejections`] and the load goes on. Every input row ends up in exactly
//! one of the typed tables or the rejections.

pub mod cadres;
pub mod careers;
pub mod election_vocab;
pub mod elections;
pub mod id_index;
mod listed;
pub mod reject;
pub mod schema;
pub mod source;
pub mod tables;
pub mod text;
pub mod texts;

use crate::rules::Lang;
use std::path::{Path, PathBuf};

pub use cadres::Cadres;
pub use careers::{CareerSource, Careers};
pub use reject::{Rejection, Rejections};
pub use tables::{Cycles, Relations, SharedText, Slate, Teams, Units};

use schema::TableSpec;
use source::{Format, RawTable};

/// Input that cannot be used at all. Each variant's message is one paragraph naming the
/// file (and the column), and maps to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read it: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: not a readable table: {reason}")]
    NotATable { file: String, reason: String },
    #[error("{file}: the {table} table has no column {column:?} (also accepted: {aliases}); its columns are: {found}")]
    MissingColumn {
        file: String,
        table: String,
        column: String,
        aliases: String,
        found: String,
    },
    #[error("{file}: columns {first:?} and {second:?} both mean {column:?}; keep one")]
    DuplicateColumn {
        file: String,
        column: String,
        first: String,
        second: String,
    },
    #[error("{dataset}: no {table} table (looked for {table}.csv, .parquet, .json, .xlsx or a sheet named {table}); it is required")]
    MissingTable { dataset: String, table: String },
    #[error("{dataset}: the {table} table is given twice ({first} and {second}); keep one")]
    AmbiguousTable {
        dataset: String,
        table: String,
        first: String,
        second: String,
    },
    #[error("{path}: no such file or folder")]
    NotFound { path: String },
    /// A roster (换届人选名册) that cannot be read as one.
    #[error("{file}: {reason}")]
    Roster { file: String, reason: String },
}

/// Options that change how input is read. They matter for a roster (换届人选名册),
/// which carries no cycles table: its cycle, reference date and district.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Reference date for ages and tenures (else a footnote such as 年龄计算截至…).
    pub as_of: Option<chrono::NaiveDate>,
    /// The cycle (else the year in the roster's title).
    pub cycle: Option<String>,
    /// The county or district the teams belong to (else the roster's title).
    pub district: Option<String>,
    /// The language of the notes on a roster and on year-only dates.
    pub lang: crate::rules::Lang,
    /// Optional tables not to read, because nothing the command does uses them (a
    /// `check` whose selected rules read no election table). Each one found is named
    /// in a note, so its rows are accounted for as skipped.
    pub skip_tables: Vec<&'static str>,
}

/// Rows read and used per table, for the terminal and the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCount {
    pub table: String,
    pub source: String,
    pub read: usize,
    pub loaded: usize,
    pub rejected: usize,
}

/// A loaded dataset: typed tables plus everything that was not used.
#[derive(Debug, Default, Clone)]
pub struct Dataset {
    pub path: PathBuf,
    pub cadres: Cadres,
    pub careers: Careers,
    pub units: Units,
    pub slate: Slate,
    pub cycles: Cycles,
    pub relations: Relations,
    /// The optional election tables (`elections`, `candidates`, `memberships`).
    pub elections: elections::ElectionTables,
    pub rejections: Rejections,
    pub counts: Vec<TableCount>,
    /// Things the user should know that are not errors (encodings, ignored columns,
    /// tables made up from the slate).
    pub notes: Vec<String>,
    /// Persons whose work history came from their résumé.
    pub resumes_parsed: usize,
    /// What form the input had: `tables` or `roster (换届人选名册)`.
    pub form: &'static str,
    /// For a roster: the contract tables derived from it (and `roster_seats`, each seat
    /// with its sheet, row and whether its 提名方式 was inferred), for `banzi normalize`.
    pub derived: Vec<(String, polars::prelude::DataFrame)>,
}

/// A table of a dataset, found but perhaps not read yet. A folder's files are read
/// when the loader comes to their table, one at a time, so that the raw text of one
/// table at most is in memory beside the typed tables (the text of a national careers
/// table is several times the size of its typed form).
enum Found {
    /// Read already: a sheet of a workbook, or a table derived from a roster.
    Read(RawTable),
    /// A file of a folder, read by [`Found::read`].
    File(PathBuf, Format),
}

impl Found {
    /// Where the table comes from, as messages name it.
    fn source(&self) -> String {
        match self {
            Found::Read(raw) => raw.source.clone(),
            Found::File(path, _) => path.display().to_string(),
        }
    }

    /// The table's text, read now if it was not yet.
    fn read(self) -> Result<RawTable, LoadError> {
        match self {
            Found::Read(raw) => Ok(raw),
            Found::File(path, format) => source::read_file(&path, format),
        }
    }
}

/// Finds the tables of a dataset (folder or workbook), keyed by contract table.
fn collect_tables(
    path: &Path,
    notes: &mut Vec<String>,
) -> Result<Vec<(&'static TableSpec, Found)>, LoadError> {
    let dataset = path.display().to_string();
    let mut found: Vec<(&'static TableSpec, Found)> = Vec::new();
    let add =
        |spec: &'static TableSpec, raw: Found, found: &mut Vec<(&'static TableSpec, Found)>| {
            if let Some((_, first)) = found.iter().find(|(s, _)| s.name == spec.name) {
                return Err(LoadError::AmbiguousTable {
                    dataset: dataset.clone(),
                    table: spec.name.to_string(),
                    first: first.source(),
                    second: raw.source(),
                });
            }
            found.push((spec, raw));
            Ok(())
        };
    let is_date = |sheet: &str, header: &str| {
        schema::table_for(sheet).is_some_and(|spec| schema::is_date_header(spec, header))
    };
    if path.is_dir() {
        for (stem, file, format) in source::list_folder(path)? {
            if format == Format::Xlsx {
                let book = source::read_workbook(&file, &is_date)?;
                for (sheet, raw) in book {
                    match schema::table_for(&sheet) {
                        Some(spec) => add(spec, Found::Read(raw), &mut found)?,
                        None => notes.push(format!(
                            "{}: sheet {sheet:?} is not a table of the contract; ignored",
                            file.display()
                        )),
                    }
                }
                continue;
            }
            match schema::table_for(&stem) {
                Some(spec) => add(spec, Found::File(file, format), &mut found)?,
                None if schema::RECOGNISED_UNUSED.contains(&stem.as_str()) => {
                    let raw = source::read_file(&file, format)?;
                    notes.push(format!(
                        "{}: {} rows read; no rule uses the {stem} table yet",
                        file.display(),
                        raw.height()
                    ));
                }
                None => notes.push(format!(
                    "{}: not a table of the contract; ignored",
                    file.display()
                )),
            }
        }
    } else if path.is_file() {
        match Format::of(path) {
            Some(Format::Xlsx) => {
                for (sheet, raw) in source::read_workbook(path, &is_date)? {
                    match schema::table_for(&sheet) {
                        Some(spec) => add(spec, Found::Read(raw), &mut found)?,
                        None => notes.push(format!(
                            "{}: sheet {sheet:?} is not a table of the contract; ignored",
                            path.display()
                        )),
                    }
                }
            }
            _ => {
                return Err(LoadError::NotATable {
                    file: dataset,
                    reason: "a dataset is a folder of tables or one workbook (.xlsx)".into(),
                })
            }
        }
    } else {
        return Err(LoadError::NotFound { path: dataset });
    }
    Ok(found)
}

/// Loads and validates a dataset: contract tables, or a roster (换届人选名册) turned
/// into them (see [`crate::roster`]).
pub fn load(path: &Path, options: &LoadOptions) -> Result<Dataset, LoadError> {
    let mut ds = Dataset {
        path: path.to_path_buf(),
        form: "tables",
        ..Default::default()
    };
    let mut notes = Vec::new();
    let tables = match collect_tables(path, &mut notes) {
        Ok(found) if !found.is_empty() => Ok(found),
        other => match crate::roster::detect(path)? {
            Some(files) => return load_roster(ds, &files, options),
            None => other,
        },
    };
    ds.notes = notes;
    let found = tables?;
    load_tables(ds, found, options)
}

/// Loads a roster: the tables derived from it go through [`load_tables`], and their
/// rejections are moved back onto the roster's sheets, rows and columns.
fn load_roster(
    mut ds: Dataset,
    files: &[PathBuf],
    options: &LoadOptions,
) -> Result<Dataset, LoadError> {
    let roster = crate::roster::read(files, options)?;
    ds.form = "roster (换届人选名册)";
    ds.notes = roster.notes;
    ds.derived = roster.derived;
    let tables = roster
        .tables
        .into_iter()
        .map(|(spec, raw)| (spec, Found::Read(raw)))
        .collect();
    let mut ds = load_tables(ds, tables, options)?;
    crate::roster::remap(&mut ds.rejections, &roster.origins);
    let rejected = roster.rejections.rejected_rows_all();
    ds.rejections.items.extend(roster.rejections.items);
    ds.counts.insert(
        0,
        TableCount {
            table: "roster".into(),
            source: files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            read: roster.rows_read,
            loaded: roster.persons,
            rejected,
        },
    );
    ds.notes.push(crate::roster::notes::read_as_roster(
        options.lang,
        roster.rows_read,
        roster.persons,
        roster.skipped,
        rejected,
    ));
    Ok(ds)
}

/// Leaves out the optional tables in `skip`, with a note naming each file not read.
fn skip_tables(
    found: &mut Vec<(&'static TableSpec, Found)>,
    skip: &[&str],
    notes: &mut Vec<String>,
    lang: Lang,
) {
    found.retain(|(spec, table)| {
        let keep = spec.required || !skip.contains(&spec.name);
        if !keep {
            let source = table.source();
            notes.push(match lang {
                Lang::Zh => format!("{source}：未读取，所选规则不使用{}表", spec.name),
                Lang::En => format!(
                    "{source}: not read, no selected rule uses the {} table",
                    spec.name
                ),
            });
        }
        keep
    });
}

/// Takes table `name` out of the tables found.
fn take_found(
    found: &mut Vec<(&'static TableSpec, Found)>,
    name: &str,
) -> Option<(&'static TableSpec, Found)> {
    let i = found.iter().position(|(s, _)| s.name == name)?;
    Some(found.remove(i))
}

/// What reading some tables leaves besides the tables: rejections and notes. Tables read
/// side by side each have their own, appended to the dataset's afterwards in the order of
/// a serial load, so `rejected.csv` and the notes do not depend on which finished first.
#[derive(Debug, Default)]
pub struct Aside {
    pub rejections: Rejections,
    pub notes: Vec<String>,
}

impl Aside {
    /// Moves what was set aside to the end of the dataset's rejections and notes.
    fn merge_into(mut self, ds: &mut Dataset) {
        ds.rejections.items.append(&mut self.rejections.items);
        ds.notes.append(&mut self.notes);
    }
}

/// Checks a table's (or piece's) columns: ragged CSV rows become rejections, the headers
/// are mapped to the contract's names, and (`first`: once per table) what was ignored
/// is noted.
fn prepare(
    spec: &TableSpec,
    raw: &mut RawTable,
    aside: &mut Aside,
    first: bool,
) -> Result<(), LoadError> {
    aside.notes.append(&mut raw.notes);
    for &(row, fields) in &raw.ragged {
        aside.rejections.reject(
            spec.name,
            row,
            "",
            "",
            format!("{fields} fields, the header has {}", raw.width),
        );
    }
    let ignored = schema::map_headers(raw, spec)?;
    if first && !ignored.is_empty() {
        aside.notes.push(format!(
            "{}: columns not in the contract, ignored: {}",
            raw.source,
            ignored.join(", ")
        ));
    }
    Ok(())
}

/// Reads a found table whole and checks its columns.
fn take_table(
    found: &mut Vec<(&'static TableSpec, Found)>,
    name: &str,
    aside: &mut Aside,
) -> Result<Option<RawTable>, LoadError> {
    let Some((spec, pending)) = take_found(found, name) else {
        return Ok(None);
    };
    let mut raw = pending.read()?;
    prepare(spec, &mut raw, aside, true)?;
    Ok(Some(raw))
}

/// A large table read a piece at a time (see [`source::Table`]), each piece checked as
/// [`take_table`] checks a whole table; counts what was read.
struct Pieces {
    spec: &'static TableSpec,
    table: source::Table,
    first: bool,
    source: String,
    read: usize,
}

impl Pieces {
    fn take(
        found: &mut Vec<(&'static TableSpec, Found)>,
        name: &str,
    ) -> Result<Option<Pieces>, LoadError> {
        take_found(found, name).map(Pieces::open).transpose()
    }

    /// Opens a table found, to be read in pieces: a CSV file is mapped and scanned
    /// (NUL bytes, UTF-8, where its records end), which for a large table is the time of
    /// reading it through once.
    fn open((spec, pending): (&'static TableSpec, Found)) -> Result<Pieces, LoadError> {
        let source = pending.source();
        let table = match pending {
            Found::Read(raw) => source::Table::Whole(Some(raw)),
            Found::File(path, format) => source::read_pieces(&path, format)?,
        };
        Ok(Pieces {
            spec,
            table,
            first: true,
            source,
            read: 0,
        })
    }

    fn next(&mut self, aside: &mut Aside) -> Result<Option<RawTable>, LoadError> {
        let Some(raw) = self.table.next_piece() else {
            return Ok(None);
        };
        check_piece(self.spec, &mut self.first, &mut self.read, raw?, aside).map(Some)
    }

    /// Each piece in turn to `read`, like [`Pieces::next`] until the end, but each piece
    /// after the first is parsed on another thread while `read` works on the one before:
    /// for a table read on its own (the cadres), whose reading of rows leaves a core idle
    /// in the parts that run in row order. One piece more is in memory at a time.
    fn each_ahead(
        &mut self,
        aside: &mut Aside,
        mut read: impl FnMut(RawTable, &mut Aside),
    ) -> Result<(), LoadError> {
        let Pieces {
            spec,
            table,
            first,
            read: count,
            ..
        } = self;
        let (sender, pieces) = std::sync::mpsc::sync_channel(1);
        std::thread::scope(|scope| {
            scope.spawn(move || {
                while let Some(piece) = table.next_piece() {
                    if sender.send(piece).is_err() {
                        break;
                    }
                }
            });
            // On an error the receiver is dropped, which stops the parsing thread.
            for piece in pieces {
                let raw = check_piece(spec, first, count, piece?, aside)?;
                read(raw, aside);
            }
            Ok(())
        })
    }

    /// `(table, source, rows read)` for the row counts.
    fn tally(self) -> Tally {
        (self.spec.name.to_string(), self.source, self.read)
    }
}

/// A piece of table `spec` as read, checked as [`take_table`] checks a whole table
/// (`first`: the table's first piece), and counted into `read`.
fn check_piece(
    spec: &TableSpec,
    first: &mut bool,
    read: &mut usize,
    mut raw: RawTable,
    aside: &mut Aside,
) -> Result<RawTable, LoadError> {
    prepare(spec, &mut raw, aside, *first)?;
    *first = false;
    *read += raw.height() + raw.ragged.len();
    Ok(raw)
}

/// Checks that the required tables are there, then reads the tables found: cadres,
/// units, cycles and the slate one by one (each dropped once its typed table is built),
/// then the careers beside the election tables, which read only what is before them.
fn load_tables(
    mut ds: Dataset,
    mut found: Vec<(&'static TableSpec, Found)>,
    options: &LoadOptions,
) -> Result<Dataset, LoadError> {
    let lang = options.lang;
    let path = ds.path.clone();
    for spec in schema::TABLES {
        if spec.required && !found.iter().any(|(s, _)| s.name == spec.name) {
            return Err(LoadError::MissingTable {
                dataset: path.display().to_string(),
                table: spec.name.to_string(),
            });
        }
    }
    let mut tally: Vec<Tally> = Vec::new();
    let count = |name: &str, raw: &RawTable| {
        (
            name.to_string(),
            raw.source.clone(),
            raw.height() + raw.ragged.len(),
        )
    };
    skip_tables(&mut found, &options.skip_tables, &mut ds.notes, lang);

    let mut aside = Aside::default();
    let mut cadres = Pieces::take(&mut found, "cadres")?.expect("required table checked above");
    ds.cadres = Cadres::with_capacity(cadres.table.records());
    cadres.each_ahead(&mut aside, |raw, aside| {
        cadres::read_cadres(raw, &mut aside.rejections, &mut ds.cadres)
    })?;
    tally.push(cadres.tally());
    crate::bench::trace("load: cadres");
    if ds.cadres.year_only_births > 0 {
        let n = ds.cadres.year_only_births;
        aside.notes.push(match lang {
            Lang::Zh => format!("{n}个出生日期只有年份（如1956）：按当年7月计（月份不详），年龄可能相差半年"),
            Lang::En => format!("{n} birth dates give the year alone (1956): read as July of that year (month unknown), so ages may be six months off"),
        });
    }

    match take_table(&mut found, "units", &mut aside)? {
        Some(raw) => {
            tally.push(count("units", &raw));
            ds.units = tables::read_units(raw, &mut aside.rejections);
        }
        None => {
            ds.units.inferred = true;
            aside.notes.push("no units table: units are taken from the slate, without kind or parent; aggregate rules are skipped".into());
        }
    }
    match take_table(&mut found, "cycles", &mut aside)? {
        Some(raw) => {
            tally.push(count("cycles", &raw));
            ds.cycles = tables::read_cycles(raw, &mut aside.rejections);
        }
        None => ds.cycles.inferred = true,
    }
    aside.merge_into(&mut ds);

    // The slate, the careers and the election tables read only the tables above, so they
    // are read side by side (the slate's and the careers' rows on every core, the
    // election tables on one). Without a units or cycles table the slate makes them up
    // as it is read, so it is read first.
    let slate = take_found(&mut found, "slate").expect("required table checked above");
    let given = !ds.units.inferred && !ds.cycles.inferred;
    let mut slate_read = None;
    let mut slate = Some(slate);
    if !given {
        let teams = Teams::Made {
            units: &mut ds.units,
            cycles: &mut ds.cycles,
        };
        slate_read = slate.take().map(|s| read_slate_table(s, &ds.cadres, teams));
    }
    // The careers file is opened (mapped and scanned through) beside the slate; one
    // that cannot be opened is reported after the slate's errors, as when the two were
    // read one after the other.
    let careers = take_found(&mut found, "careers");
    let mut election_tables: Vec<(&'static TableSpec, Found)> = Vec::new();
    for name in [
        elections::ELECTIONS.name,
        elections::CANDIDATES.name,
        elections::MEMBERSHIPS.name,
        elections::PROXIES.name,
    ] {
        election_tables.extend(take_found(&mut found, name));
    }
    let teams = Teams::Given {
        units: &ds.units,
        cycles: &ds.cycles,
    };
    let (slate_given, (careers_read, elections_read)) = rayon::join(
        || slate.map(|s| read_slate_table(s, &ds.cadres, teams)),
        || {
            rayon::join(
                || read_careers_table(careers, &ds, lang),
                || {
                    let mut aside = Aside::default();
                    let against = elections::Against {
                        cadres: &ds.cadres,
                        units: &ds.units,
                        cycles: &ds.cycles,
                    };
                    let read = elections::load(&mut election_tables, against, &mut aside);
                    crate::bench::trace("load: elections (side by side)");
                    read.map(|read| (read, aside))
                },
            )
        },
    );
    let (slate, mut aside, slate_tally) = slate_read
        .or(slate_given)
        .expect("the slate is read in one of the two places")?;
    ds.slate = slate;
    tally.push(slate_tally);
    if ds.cycles.inferred {
        infer_previous(&mut ds.cycles);
        aside.notes.push(format!(
            "no cycles table: cycles {} taken from the slate, each compared with the one before, reference date the year end",
            ds.cycles.cycle.join(", ")
        ));
    }
    aside.merge_into(&mut ds);
    let (careers, careers_aside, careers_tally) = careers_read?;
    ds.careers = careers;
    careers_aside.merge_into(&mut ds);
    tally.extend(careers_tally);
    crate::bench::trace("load: slate, careers and elections");

    let mut aside = Aside::default();
    ds.resumes_parsed = careers::careers_from_resumes(
        &ds.cadres,
        &ds.units,
        &mut aside.rejections,
        &mut ds.careers,
    );
    if let Some(raw) = take_table(&mut found, "relations", &mut aside)? {
        tally.push(count("relations", &raw));
        ds.relations = tables::read_relations(raw, &ds.cadres, &mut aside.rejections);
    }
    aside.merge_into(&mut ds);
    for (table, source, read) in tally {
        let loaded = match table.as_str() {
            "cadres" => ds.cadres.len(),
            "units" => ds.units.len(),
            "cycles" => ds.cycles.len(),
            "slate" => ds.slate.len(),
            "careers" => ds
                .careers
                .source
                .iter()
                .filter(|s| **s == CareerSource::Table)
                .count(),
            "relations" => ds.relations.person.len(),
            _ => 0,
        };
        ds.counts.push(TableCount {
            rejected: ds.rejections.rejected_rows(&table),
            table,
            source,
            read,
            loaded,
        });
    }
    crate::bench::trace("load: relations");
    let ((tables, counts), aside) = elections_read?;
    ds.elections = tables;
    ds.counts.extend(counts);
    aside.merge_into(&mut ds);
    crate::bench::trace("load: elections");
    Ok(ds)
}

/// `(table, source, rows read)` of a table read, for the row counts.
type Tally = (String, String, usize);

/// Opens the slate found and reads it against the cadres and the units and cycles: the
/// seats, what was set aside, and the row count for the tally.
fn read_slate_table(
    found: (&'static TableSpec, Found),
    cadres: &Cadres,
    mut teams: Teams<'_>,
) -> Result<(Slate, Aside, Tally), LoadError> {
    let mut slate = Pieces::open(found)?;
    let mut aside = Aside::default();
    let mut out = Slate::with_capacity(slate.table.records());
    while let Some(raw) = slate.next(&mut aside)? {
        tables::read_slate(raw, cadres, &mut teams, &mut aside.rejections, &mut out);
    }
    crate::bench::trace("load: slate (side by side)");
    Ok((out, aside, slate.tally()))
}

/// Opens the careers table found, when there is one, and reads it against the tables
/// before it: the careers, what was set aside, and the row count for the tally.
fn read_careers_table(
    found: Option<(&'static TableSpec, Found)>,
    ds: &Dataset,
    lang: Lang,
) -> Result<(Careers, Aside, Option<Tally>), LoadError> {
    let mut aside = Aside::default();
    let mut out = Careers::default();
    let Some(mut careers) = found.map(Pieces::open).transpose()? else {
        return Ok((out, aside, None));
    };
    out.reserve(careers.table.records());
    while let Some(raw) = careers.next(&mut aside)? {
        careers::read_careers(raw, &ds.cadres, &ds.units, &mut aside.rejections, &mut out);
    }
    if out.year_only_dates > 0 {
        let n = out.year_only_dates;
        aside.notes.push(match lang {
            Lang::Zh => format!("工作经历中{n}个起止日期只有年份（如2002）：按当年1月计（月份不详）"),
            Lang::En => format!("{n} start or end dates of careers give the year alone (2002): read as January of that year (month unknown)"),
        });
    }
    crate::bench::trace("load: careers (side by side)");
    Ok((out, aside, Some(careers.tally())))
}

/// Without a cycles table, each cycle is compared with the one before it in order.
fn infer_previous(cycles: &mut Cycles) {
    let mut order: Vec<usize> = (0..cycles.len()).collect();
    order.sort_by(|&a, &b| {
        cycles.as_of[a]
            .cmp(&cycles.as_of[b])
            .then(cycles.cycle[a].cmp(&cycles.cycle[b]))
    });
    for w in order.windows(2) {
        cycles.previous[w[1]] = Some(cycles.cycle[w[0]].clone());
    }
}
