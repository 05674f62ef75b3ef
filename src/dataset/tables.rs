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
use std::ops::Range;
use std::sync::Arc;

use super::cadres::Cadres;
use super::reject::Rejections;
use super::source::RawTable;
use crate::normalize::boolean;
use crate::normalize::date::PartialDate;
use crate::normalize::role::{Body, Nomination, Role};
use crate::normalize::unit_kind::UnitKind;

/// A hash map with a fast, fixed hasher, for the id indexes and the caches of the
/// loader (millions of lookups; the keys are the dataset's own ids, not an attack
/// surface worth SipHash's cost, and nothing iterates these maps in an order that shows).
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

type TextArray = <StringType as PolarsDataType>::Array;

/// One chunk of one text column of a raw table, read cell by cell without a lookup by
/// name. Polars reads a file in chunks (one per batch or row group); the readers walk
/// the chunks rather than join them, which would copy every value once more.
#[derive(Clone, Copy)]
pub(super) struct Col<'a> {
    chunk: Option<&'a TextArray>,
    /// Row index (0-based, in the whole table) of the chunk's first value.
    offset: usize,
}

impl<'a> Col<'a> {
    /// The chunk `span` (from [`chunk_spans`]) of column `name`; an absent column reads
    /// as blank.
    pub(super) fn of(raw: &'a RawTable, name: &str, chunk: usize, span: &Range<usize>) -> Col<'a> {
        Col {
            chunk: raw
                .frame
                .column(name)
                .ok()
                .and_then(|c| c.str().ok())
                .and_then(|ca| ca.downcast_iter().nth(chunk))
                .filter(|a| a.len() == span.len()),
            offset: span.start,
        }
    }

    /// The trimmed text of row `i` (of the whole table, within the chunk); `None` when
    /// the column is absent or the cell blank.
    pub(super) fn get(self, i: usize) -> Option<&'a str> {
        let value = self.chunk?.get(i - self.offset)?;
        let bytes = value.as_bytes();
        // Most cells begin and end with a visible ASCII character and need no trimming.
        let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
        if plain(bytes.first()) && plain(bytes.last()) {
            return Some(value);
        }
        let value = value.trim();
        (!value.is_empty()).then_some(value)
    }
}

/// The row ranges of a raw table's chunks. Columns chunked alike (as polars reads them)
/// are left as they are; otherwise the frame is made one chunk.
pub(super) fn chunk_spans(raw: &mut RawTable) -> Vec<Range<usize>> {
    let lengths = |c: &Column| -> Vec<usize> {
        c.as_materialized_series()
            .chunks()
            .iter()
            .map(|a| a.len())
            .collect()
    };
    let columns = raw.frame.columns();
    let aligned = columns
        .first()
        .map(|first| {
            let want = lengths(first);
            columns
                .iter()
                .all(|c| c.dtype() == &DataType::String && lengths(c) == want)
        })
        .unwrap_or(true);
    if !aligned {
        raw.frame.rechunk_mut();
    }
    let mut spans = Vec::new();
    let mut start = 0;
    if let Some(first) = raw.frame.columns().first() {
        for len in lengths(first) {
            spans.push(start..start + len);
            start += len;
        }
    }
    spans
}

/// Rows per slice when a table's rows are read side by side on rayon: at least 8,192,
/// and enough slices to keep every thread busy.
pub(super) fn slice_rows(height: usize) -> usize {
    height
        .div_ceil(2 * rayon::current_num_threads().max(1))
        .max(8_192)
}

/// The chunks `spans` (from [`chunk_spans`]) cut into slices of at most `slice` rows,
/// as `(chunk, rows)` in row order.
pub(super) fn row_slices(spans: &[Range<usize>], slice: usize) -> Vec<(usize, Range<usize>)> {
    let mut work = Vec::new();
    for (k, span) in spans.iter().enumerate() {
        for from in span.clone().step_by(slice) {
            work.push((k, from..(from + slice).min(span.end)));
        }
    }
    work
}

/// What a normaliser made of each distinct text of a column. Columns such as gender,
/// post or a month repeat a few hundred texts over a million rows: each text is parsed
/// once and the result (or the error message) is reused.
pub(super) struct Memo<'a, T> {
    seen: FastMap<&'a str, Result<T, String>>,
}

impl<'a, T: Clone> Memo<'a, T> {
    pub(super) fn new() -> Memo<'a, T> {
        Memo {
            seen: FastMap::default(),
        }
    }

    pub(super) fn get(
        &mut self,
        text: &'a str,
        parse: impl FnOnce(&'a str) -> Result<T, String>,
    ) -> Result<T, String> {
        self.seen.entry(text).or_insert_with(|| parse(text)).clone()
    }

    /// An optional cell read through the memo: its value, or `None` when it is blank or
    /// cannot be read (then the value is dropped with the reason, the row kept).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn optional(
        &mut self,
        rej: &mut Rejections,
        table: &str,
        row: usize,
        column: &str,
        text: Option<&'a str>,
        parse: impl FnOnce(&'a str) -> Result<T, String>,
    ) -> Option<T> {
        let text = text?;
        self.get(text, parse)
            .map_err(|e| rej.drop_value(table, row, column, text, e))
            .ok()
    }
}

/// A required cell: blank is a rejection of the row, with the reason "… is empty".
pub(super) fn required<'v>(
    rej: &mut Rejections,
    table: &str,
    row: usize,
    column: &str,
    value: Option<&'v str>,
) -> Option<&'v str> {
    if value.is_none() {
        rej.reject(table, row, column, "", format!("{column} is empty"));
    }
    value
}

/// The one stored copy of `text` among the cells read so far.
pub(super) fn share<'a>(seen: &mut FastMap<&'a str, SharedText>, text: &'a str) -> SharedText {
    seen.entry(text)
        .or_insert_with(|| Arc::new(text.to_string()))
        .clone()
}

/// A text that many rows hold, stored once and shared: a thin pointer, 8 bytes where an
/// `Arc<str>` is 16 (and `Option` of it 8 too). At 40,000 units the persons' specialties,
/// native places and staffing and the slate's posts save about 100 MB by it. (The work
/// histories hold theirs as 4-byte indexes: `careers::RepeatedTexts`.)
pub type SharedText = Arc<String>;

/// Units (乡镇, 街道, counties …).
#[derive(Debug, Default, Clone)]
pub struct Units {
    pub unit_id: Vec<String>,
    pub name: Vec<String>,
    pub kind: Vec<UnitKind>,
    pub parent_id: Vec<Option<String>>,
    pub minority_area: Vec<bool>,
    pub index: FastMap<String, u32>,
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
    let spans = chunk_spans(&mut raw);
    let mut out = Units::default();
    // Source row of each unit kept, for the message about a duplicate.
    let mut rows: Vec<usize> = Vec::new();
    for (k, span) in spans.iter().enumerate() {
        let col = |name| Col::of(&raw, name, k, span);
        let (c_id, c_name, c_kind, c_parent, c_minority) = (
            col("unit_id"),
            col("name"),
            col("kind"),
            col("parent_id"),
            col("minority_area"),
        );
        for i in span.clone() {
            let row = raw.row_number(i);
            let Some(id) = c_id.get(i) else {
                rej.reject(T, row, "unit_id", "", "unit_id is empty");
                continue;
            };
            if let Some(&first) = out.index.get(id) {
                rej.reject(
                    T,
                    row,
                    "unit_id",
                    id,
                    format!("duplicate unit_id, first at row {}", rows[first as usize]),
                );
                continue;
            }
            let Some(name) = c_name.get(i) else {
                rej.reject(T, row, "name", "", "name is empty");
                continue;
            };
            let kind = match c_kind.get(i) {
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
            let minority = match c_minority.get(i) {
                None => false,
                Some(t) => boolean::parse(t).unwrap_or_else(|e| {
                    rej.drop_value(T, row, "minority_area", t, e);
                    false
                }),
            };
            out.push(id, name, kind, c_parent.get(i), minority);
            rows.push(row);
        }
    }
    out
}

/// Transition cycles with their reference dates.
#[derive(Debug, Default, Clone)]
pub struct Cycles {
    pub cycle: Vec<String>,
    pub as_of: Vec<NaiveDate>,
    pub previous: Vec<Option<String>>,
    pub index: FastMap<String, u32>,
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
    let spans = chunk_spans(&mut raw);
    let mut out = Cycles::default();
    for (k, span) in spans.iter().enumerate() {
        let (c_cycle, c_as_of, c_previous) = (
            Col::of(&raw, "cycle", k, span),
            Col::of(&raw, "as_of", k, span),
            Col::of(&raw, "previous", k, span),
        );
        for i in span.clone() {
            let row = raw.row_number(i);
            let Some(cycle) = c_cycle.get(i) else {
                rej.reject(T, row, "cycle", "", "cycle is empty");
                continue;
            };
            if out.index.contains_key(cycle) {
                rej.reject(T, row, "cycle", cycle, "duplicate cycle");
                continue;
            }
            let as_of = match c_as_of.get(i) {
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
            out.previous.push(c_previous.get(i).map(str::to_string));
        }
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
#[derive(Debug, Default, Clone)]
pub struct Slate {
    pub cycle: Vec<u32>,
    pub unit: Vec<u32>,
    pub body: Vec<Body>,
    /// The post as written.
    /// Shared: few distinct posts over a country's seats (a `String` each was about
    /// 40 MB at 40,000 units).
    pub post: Vec<SharedText>,
    pub role: Vec<Role>,
    pub person: Vec<u32>,
    pub nomination: Vec<Option<Nomination>>,
    pub fulltime: Vec<Option<bool>>,
    pub row: Vec<u32>,
}

impl Slate {
    pub fn len(&self) -> usize {
        self.person.len()
    }

    /// Room for `n` seats.
    pub(super) fn with_capacity(n: usize) -> Slate {
        Slate {
            cycle: Vec::with_capacity(n),
            unit: Vec::with_capacity(n),
            body: Vec::with_capacity(n),
            post: Vec::with_capacity(n),
            role: Vec::with_capacity(n),
            person: Vec::with_capacity(n),
            nomination: Vec::with_capacity(n),
            fulltime: Vec::with_capacity(n),
            row: Vec::with_capacity(n),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
    }
}

/// The units and cycles slate rows are read against: the tables as given, or, when
/// either table is absent, the tables made up from the slate as it is read (which is
/// why the slate is then read before anything else that reads them).
pub enum Teams<'a> {
    Given {
        units: &'a Units,
        cycles: &'a Cycles,
    },
    Made {
        units: &'a mut Units,
        cycles: &'a mut Cycles,
    },
}

impl Teams<'_> {
    /// The index of cycle `c`, made up when there is no cycles table; else a rejection
    /// of the row.
    fn cycle(&mut self, c: &str, rej: &mut Rejections, row: usize) -> Option<u32> {
        const T: &str = "slate";
        let cycles: &Cycles = match self {
            Teams::Given { cycles, .. } => cycles,
            Teams::Made { cycles, .. } => cycles,
        };
        if let Some(&ix) = cycles.index.get(c) {
            return Some(ix);
        }
        match self {
            Teams::Made { cycles, .. } if cycles.inferred => match Cycles::default_as_of(c) {
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
            _ => {
                rej.reject(T, row, "cycle", c, format!("cycle {c} is not in cycles"));
                None
            }
        }
    }

    /// The index of unit `u`, made up when there is no units table; else a rejection
    /// of the row.
    fn unit(&mut self, u: &str, rej: &mut Rejections, row: usize) -> Option<u32> {
        let units: &Units = match self {
            Teams::Given { units, .. } => units,
            Teams::Made { units, .. } => units,
        };
        if let Some(&ix) = units.index.get(u) {
            return Some(ix);
        }
        match self {
            Teams::Made { units, .. } if units.inferred => {
                units.push(u, u, UnitKind::Other, None, false);
                Some(units.len() as u32 - 1)
            }
            _ => {
                rej.reject(
                    "slate",
                    row,
                    "unit_id",
                    u,
                    format!("unit {u} is not in units"),
                );
                None
            }
        }
    }
}

/// Reads slate rows (the whole table or one piece of it) onto the end of `out`. Units
/// and cycles missing from their tables are made up here when those tables are absent
/// (and only then); otherwise the row is rejected.
pub fn read_slate(
    mut raw: RawTable,
    cadres: &Cadres,
    teams: &mut Teams<'_>,
    rej: &mut Rejections,
    out: &mut Slate,
) {
    const T: &str = "slate";
    let spans = chunk_spans(&mut raw);
    let (mut bodies, mut roles, mut nominations, mut fulltimes) =
        (Memo::new(), Memo::new(), Memo::new(), Memo::new());
    let mut posts: FastMap<&str, SharedText> = FastMap::default();
    for (k, span) in spans.iter().enumerate() {
        let col = |name| Col::of(&raw, name, k, span);
        let (c_cycle, c_unit, c_body, c_post, c_person, c_nomination, c_fulltime) = (
            col("cycle"),
            col("unit_id"),
            col("body"),
            col("post"),
            col("person_id"),
            col("nomination"),
            col("fulltime"),
        );
        for i in span.clone() {
            let row = raw.row_number(i);
            let before = rej.items.len();
            let cycle = required(rej, T, row, "cycle", c_cycle.get(i));
            let unit_id = c_unit.get(i);
            if unit_id.is_none() {
                rej.reject(T, row, "unit_id", "", "a team with no unit_id");
            }
            let body = required(rej, T, row, "body", c_body.get(i));
            let post = required(rej, T, row, "post", c_post.get(i));
            let person_id = required(rej, T, row, "person_id", c_person.get(i));
            let cycle_ix = cycle.and_then(|c| teams.cycle(c, rej, row));
            let unit_ix = unit_id.and_then(|u| teams.unit(u, rej, row));
            let body = body.and_then(|b| {
                bodies
                    .get(b, Body::parse)
                    .map_err(|e| rej.reject(T, row, "body", b, e))
                    .ok()
            });
            let role = post.and_then(|p| {
                roles
                    .get(p, Role::parse)
                    .map_err(|e| rej.reject(T, row, "post", p, e))
                    .ok()
            });
            let person = person_id.and_then(|p| cadres.find(p, rej, T, row, "person_id"));
            let nomination = c_nomination.get(i).and_then(|t| {
                nominations
                    .get(t, Nomination::parse)
                    .map_err(|e| rej.drop_value(T, row, "nomination", t, e))
                    .ok()
            });
            let fulltime = c_fulltime.get(i).and_then(|t| {
                fulltimes
                    .get(t, boolean::parse)
                    .map_err(|e| rej.drop_value(T, row, "fulltime", t, e))
                    .ok()
            });
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
            out.post.push(share(&mut posts, post));
            out.role.push(r);
            out.person.push(p);
            out.nomination.push(nomination);
            out.fulltime.push(fulltime);
            out.row.push(row as u32);
        }
    }
}

/// Kinship pairs between persons in `cadres`.
#[derive(Debug, Default, Clone)]
pub struct Relations {
    pub person: Vec<u32>,
    pub relative: Vec<u32>,
    pub relation: Vec<String>,
}

pub fn read_relations(mut raw: RawTable, cadres: &Cadres, rej: &mut Rejections) -> Relations {
    const T: &str = "relations";
    let spans = chunk_spans(&mut raw);
    let mut out = Relations::default();
    for (k, span) in spans.iter().enumerate() {
        let ids_of = [
            ("person_id", Col::of(&raw, "person_id", k, span)),
            ("relative_id", Col::of(&raw, "relative_id", k, span)),
        ];
        let c_relation = Col::of(&raw, "relation", k, span);
        for i in span.clone() {
            let row = raw.row_number(i);
            let mut ids = [None, None];
            for (slot, (column, c)) in ids.iter_mut().zip(ids_of) {
                *slot = required(rej, T, row, column, c.get(i))
                    .and_then(|p| cadres.find(p, rej, T, row, column));
            }
            let relation = required(rej, T, row, "relation", c_relation.get(i));
            let ([Some(a), Some(b)], Some(rel)) = (ids, relation) else {
                continue;
            };
            if a == b {
                rej.reject(
                    T,
                    row,
                    "relative_id",
                    &cadres.person_id[b as usize],
                    "a person cannot be their own relative",
                );
                continue;
            }
            out.person.push(a);
            out.relative.push(b);
            out.relation.push(rel.to_string());
        }
    }
    out
}
