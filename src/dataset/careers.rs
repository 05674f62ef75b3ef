//! Work histories: the `careers` table where a person has rows in it, and otherwise the
//! person's 简历 text parsed line by line; then each post is tied to a unit of `units`
//! and to a canonical role, which is what tenure rules compare.
//!
//! A career row names its unit by `unit_id` or only by text (`某某县某某镇`); the text is
//! matched to the unit whose name it ends with (`某某镇`), using the parent's name to
//! choose between two units of the same name. Posts are read with the same role parser
//! as the slate, so `镇长` in a résumé and `镇长` on the slate are the same post.

use rayon::prelude::*;
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Arc;

use super::cadres::Cadres;
use super::reject::Rejections;
use super::source::RawTable;
use super::tables::{chunk_spans, required, row_slices, slice_rows, Col, FastMap, Memo, Units};
use crate::normalize::boolean;
use crate::normalize::date::{self, PackedDate, PartialDate};
use crate::normalize::role::Role;
use crate::normalize::unit_kind::UnitKind;
use crate::resume;

/// Where a career row came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CareerSource {
    Table,
    Resume,
}

impl CareerSource {
    pub fn label(self) -> &'static str {
        match self {
            CareerSource::Table => "careers",
            CareerSource::Resume => "resume",
        }
    }
}

/// Posts held, one row per post and spell.
///
/// A row takes 36 bytes: at 40,000 units there are 4.7 million of them, the largest
/// table held. Dates are packed in four bytes ([`PackedDate`]), a missing unit is a
/// sentinel, and unit names and posts are indexes into their distinct texts; read them
/// with [`Careers::start`], [`Careers::end`], [`Careers::unit`] and by indexing
/// `unit_name` and `post`.
#[derive(Debug, Default, Clone)]
pub struct Careers {
    pub person: Vec<u32>,
    start: Vec<PackedDate>,
    /// `None` = ongoing.
    end: Vec<Option<PackedDate>>,
    /// The unit as given or as matched by name; [`NO_UNIT`] when it matches no unit.
    unit: Vec<u32>,
    /// `unit_name[i]` is row `i`'s unit name as written.
    pub unit_name: RepeatedTexts,
    pub unit_kind: Vec<UnitKind>,
    /// `post[i]` is row `i`'s post as written.
    pub post: RepeatedTexts,
    pub role: Vec<Option<Role>>,
    pub leadership: Vec<bool>,
    pub source: Vec<CareerSource>,
    /// Row of the careers table, or of the person in cadres for a résumé line. Four
    /// bytes, as is the line below: 4.7 million rows at 40,000 units.
    pub row: Vec<u32>,
    /// Line of the résumé (1-based) for parsed rows.
    pub line: Vec<Option<NonZeroU32>>,
    /// Start or end dates of the careers table given as a year alone, read as January
    /// of it ([`YEAR_ONLY_CAREER_MONTH`](crate::normalize::date::YEAR_ONLY_CAREER_MONTH)).
    pub year_only_dates: usize,
}

/// The career rows of each person, each person's rows by start, then row, and every
/// row's spell in days ([`Careers::rows_by_person`]): what the facts and the seats'
/// readings read of the work histories, prepared once for both.
#[derive(Debug, Clone)]
pub struct PersonRows {
    /// `rows[first[p]..first[p + 1]]` are the rows of person `p`.
    first: Vec<usize>,
    rows: Vec<u32>,
    /// Start of each career row, in days since 1970-01-01.
    start_days: Vec<i32>,
    /// End of each career row in days, `i32::MAX` when ongoing.
    end_days: Vec<i32>,
}

impl PersonRows {
    /// The career rows of person `p`, by start.
    pub fn of(&self, p: u32) -> &[u32] {
        &self.rows[self.first[p as usize]..self.first[p as usize + 1]]
    }

    /// The start of career row `k`, in days since 1970-01-01.
    pub fn start_day(&self, k: usize) -> i32 {
        self.start_days[k]
    }

    /// The end of career row `k` in days, `i32::MAX` when ongoing.
    pub fn end_day(&self, k: usize) -> i32 {
        self.end_days[k]
    }
}

/// The unit of a career row that matches no unit. Units are counted in `u32` and the
/// input is capped at 4 GiB, so no unit has this index.
const NO_UNIT: u32 = u32::MAX;

/// A column of texts that repeat from row to row: each distinct text held once, and a
/// four-byte index to it per row (an `Arc` per row took eight).
#[derive(Debug, Default, Clone)]
pub struct RepeatedTexts {
    distinct: Vec<Arc<str>>,
    /// Each distinct text's place in `distinct`, to add a row by its text (emptied once
    /// the load has added every row).
    place: FastMap<Arc<str>, u32>,
    index: Vec<u32>,
}

impl RepeatedTexts {
    /// The index of `text` among the distinct texts, adding it if it is new.
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&i) = self.place.get(text) {
            return i;
        }
        let i = self.distinct.len() as u32;
        let text: Arc<str> = Arc::from(text);
        self.distinct.push(text.clone());
        self.place.insert(text, i);
        i
    }

    fn push(&mut self, text: &str) {
        let i = self.intern(text);
        self.index.push(i);
    }

    /// Each row's text, in row order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.index.iter().map(|&i| &*self.distinct[i as usize])
    }

    /// Moves the rows of `other` to the end of `self`, each text held once in all.
    fn append(&mut self, other: &mut RepeatedTexts) {
        let to: Vec<u32> = other.distinct.iter().map(|t| self.intern(t)).collect();
        self.index
            .extend(other.index.iter().map(|&i| to[i as usize]));
        *other = RepeatedTexts::default();
    }
}

impl std::ops::Index<usize> for RepeatedTexts {
    type Output = str;

    fn index(&self, row: usize) -> &str {
        &self.distinct[self.index[row] as usize]
    }
}

impl Careers {
    pub fn len(&self) -> usize {
        self.person.len()
    }

    /// When row `i`'s spell began.
    pub fn start(&self, i: usize) -> PartialDate {
        self.start[i].unpack()
    }

    /// When row `i`'s spell ended; `None` while it goes on.
    pub fn end(&self, i: usize) -> Option<PartialDate> {
        self.end[i].map(PackedDate::unpack)
    }

    /// The unit of row `i`, as given or as matched by name; `None` when none matches.
    pub fn unit(&self, i: usize) -> Option<u32> {
        Some(self.unit[i]).filter(|&u| u != NO_UNIT)
    }

    /// Every row's start, in row order.
    pub fn starts(&self) -> impl Iterator<Item = PartialDate> + '_ {
        self.start.iter().map(|d| d.unpack())
    }

    /// Every row's end, in row order.
    pub fn ends(&self) -> impl Iterator<Item = Option<PartialDate>> + '_ {
        self.end.iter().map(|d| d.map(PackedDate::unpack))
    }

    /// Every row's unit, in row order.
    pub fn units(&self) -> impl Iterator<Item = Option<u32>> + '_ {
        (0..self.len()).map(|i| self.unit(i))
    }

    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
    }

    /// The rows of each of `persons` persons, grouped by a counting sort, each person's
    /// rows in order of start (then of row), with every row's spell in days. One pass
    /// and two arrays, where a list per person costs two million small allocations at
    /// 40,000 units. The facts and the seats' readings of the work histories share one.
    pub fn rows_by_person(&self, persons: usize) -> PersonRows {
        // The grouping and the spells in days are computed side by side (one after the
        // other they took 0.2 s at 40,000 units, on one core).
        let ((first, rows), (start_days, end_days)) = rayon::join(
            || self.group_by_person(persons),
            || {
                rayon::join(
                    || self.starts().map(|d| d.days_since_epoch()).collect(),
                    || {
                        self.ends()
                            .map(|d| d.map_or(i32::MAX, |d| d.days_since_epoch()))
                            .collect()
                    },
                )
            },
        );
        PersonRows {
            first,
            rows,
            start_days,
            end_days,
        }
    }

    /// The rows grouped by person (see [`Careers::rows_by_person`]): where each person's
    /// rows begin, and the rows.
    fn group_by_person(&self, persons: usize) -> (Vec<usize>, Vec<u32>) {
        let mut first = vec![0usize; persons + 1];
        for &p in &self.person {
            first[p as usize + 1] += 1;
        }
        for p in 0..persons {
            first[p + 1] += first[p];
        }
        let mut rows = vec![0u32; self.len()];
        let mut next = first.clone();
        for (i, &p) in self.person.iter().enumerate() {
            rows[next[p as usize]] = i as u32;
            next[p as usize] += 1;
        }
        drop(next);
        self.sort_runs(&mut rows, &first, 0, persons);
        (first, rows)
    }

    /// Sorts the rows of persons `lo..hi` (`rows`, which begins at `first[lo]` of the
    /// whole) each by start. Rows are in row order within a person, so a stable sort on
    /// the start orders them by start, then row. Halves of the persons are sorted side
    /// by side; each person's rows are sorted the same way whatever the split.
    fn sort_runs(&self, rows: &mut [u32], first: &[usize], lo: usize, hi: usize) {
        /// At most this many rows, one thread sorts them all.
        const ONE_THREAD: usize = 1 << 16;
        if rows.len() <= ONE_THREAD || hi - lo < 2 {
            let base = first[lo];
            for p in lo..hi {
                rows[first[p] - base..first[p + 1] - base].sort_by_key(|&i| self.start[i as usize]);
            }
            return;
        }
        let mid = lo + (hi - lo) / 2;
        let (left, right) = rows.split_at_mut(first[mid] - first[lo]);
        rayon::join(
            || self.sort_runs(left, first, lo, mid),
            || self.sort_runs(right, first, mid, hi),
        );
    }

    /// Moves the rows of `other` to the end of `self`.
    fn append(&mut self, other: &mut Careers) {
        self.person.append(&mut other.person);
        self.start.append(&mut other.start);
        self.end.append(&mut other.end);
        self.unit.append(&mut other.unit);
        self.unit_name.append(&mut other.unit_name);
        self.unit_kind.append(&mut other.unit_kind);
        self.post.append(&mut other.post);
        self.role.append(&mut other.role);
        self.leadership.append(&mut other.leadership);
        self.source.append(&mut other.source);
        self.row.append(&mut other.row);
        self.line.append(&mut other.line);
        self.year_only_dates += other.year_only_dates;
    }

    /// Room for `n` more rows in every column.
    pub(super) fn reserve(&mut self, n: usize) {
        self.person.reserve(n);
        self.start.reserve(n);
        self.end.reserve(n);
        self.unit.reserve(n);
        self.unit_name.index.reserve(n);
        self.unit_kind.reserve(n);
        self.post.index.reserve(n);
        self.role.reserve(n);
        self.leadership.reserve(n);
        self.source.reserve(n);
        self.row.reserve(n);
        self.line.reserve(n);
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        person: u32,
        start: PartialDate,
        end: Option<PartialDate>,
        unit: Option<u32>,
        unit_name: &str,
        unit_kind: UnitKind,
        post: Post,
        role: Option<Role>,
        leadership: bool,
        source: CareerSource,
        row: usize,
        line: Option<usize>,
    ) {
        self.person.push(person);
        self.start.push(start.into());
        self.end.push(end.map(PackedDate::from));
        self.unit.push(unit.unwrap_or(NO_UNIT));
        self.unit_name.push(unit_name);
        self.unit_kind.push(unit_kind);
        match post {
            Post::Text(text) => self.post.push(text),
            Post::Interned(i) => self.post.index.push(i),
        }
        self.role.push(role);
        self.leadership.push(leadership);
        self.source.push(source);
        self.row.push(row as u32);
        self.line
            .push(line.and_then(|l| NonZeroU32::new(l.try_into().unwrap_or(u32::MAX))));
    }
}

/// A career row's post: its text, or its index among the posts already held. The careers
/// table's reader knows the index of a post it has met (it keeps the post's role beside
/// it), so its rows skip a second look-up of the text; a résumé's rows give the text.
enum Post<'a> {
    Text(&'a str),
    Interned(u32),
}

/// The canonical role of a career post, if it is one of a team's posts (`Role::parse`
/// reads titles with a unit prefix such as `某某镇党委书记`, and county or city titles
/// such as `市委书记`, which are the posts of that county's or city's own team).
fn career_role(post: &str) -> Option<Role> {
    Role::parse(post).ok()
}

/// Finds units by the text of a career's unit name.
pub struct UnitMatcher<'a> {
    units: &'a Units,
    by_name: HashMap<&'a str, Vec<u32>>,
}

impl<'a> UnitMatcher<'a> {
    pub fn new(units: &'a Units) -> UnitMatcher<'a> {
        let mut by_name: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, name) in units.name.iter().enumerate() {
            by_name.entry(name.as_str()).or_default().push(i as u32);
        }
        UnitMatcher { units, by_name }
    }

    /// The unit a text such as `青山县柳河镇` or `城关区东门街道办事处` names: the longest
    /// unit name it ends with (ignoring a trailing organ such as 办事处 or 党委), and
    /// among several units of that name the one whose parent is named in the text.
    pub fn find(&self, text: &str) -> Option<u32> {
        let mut name = text.trim();
        for organ in [
            "办事处",
            "党工委",
            "党委",
            "人民政府",
            "政府",
            "人大主席团",
            "人大工委",
            "人大",
        ] {
            if let Some(rest) = name.strip_suffix(organ) {
                if rest.chars().count() >= 2 {
                    name = rest;
                    break;
                }
            }
        }
        // A county's or city's own party committee: 洛阳市委 is 洛阳市.
        if let Some(rest) = name.strip_suffix('委') {
            if rest.ends_with(['县', '区', '市', '旗', '州']) && rest.chars().count() >= 2 {
                name = rest;
            }
        }
        for (i, _) in name.char_indices() {
            let tail = &name[i..];
            if tail.chars().count() < 2 {
                break;
            }
            if let Some(candidates) = self.by_name.get(tail) {
                if candidates.len() == 1 {
                    return Some(candidates[0]);
                }
                let prefix = &name[..i];
                let chosen: Vec<u32> = candidates
                    .iter()
                    .copied()
                    .filter(|&c| {
                        self.units.parent_id[c as usize]
                            .as_deref()
                            .and_then(|p| self.units.name_of(p))
                            .is_some_and(|pn| prefix.contains(pn))
                    })
                    .collect();
                return (chosen.len() == 1).then(|| chosen[0]);
            }
        }
        None
    }
}

/// The columns of the careers table.
struct CareerCols<'a> {
    person: Col<'a>,
    start: Col<'a>,
    end: Col<'a>,
    unit: Col<'a>,
    unit_name: Col<'a>,
    kind: Col<'a>,
    post: Col<'a>,
    leadership: Col<'a>,
    raw: &'a RawTable,
}

/// Reads the careers table. Rows are independent of each other, so the table is read in
/// as many slices as there are threads, and the slices are put back together in order:
/// the result is the same whatever the number of threads.
pub fn read_careers(
    mut raw: RawTable,
    cadres: &Cadres,
    units: &Units,
    rej: &mut Rejections,
    out: &mut Careers,
) {
    let spans = chunk_spans(&mut raw);
    let matcher = UnitMatcher::new(units);
    let raw = &raw;
    let parts: Vec<(Careers, Rejections)> = row_slices(&spans, slice_rows(raw.height()))
        .into_par_iter()
        .map(|(k, rows)| {
            let span = &spans[k];
            let col = |name| Col::of(raw, name, k, span);
            let cols = CareerCols {
                person: col("person_id"),
                start: col("start"),
                end: col("end"),
                unit: col("unit_id"),
                unit_name: col("unit_name"),
                kind: col("unit_kind"),
                post: col("post"),
                leadership: col("leadership"),
                raw,
            };
            read_career_rows(&cols, rows, cadres, units, &matcher)
        })
        .collect();
    let n = raw.height();
    out.reserve(n);
    for (mut careers, mut rejections) in parts {
        out.append(&mut careers);
        rej.items.append(&mut rejections.items);
    }
}

/// Reads the rows `rows` of the careers table.
fn read_career_rows<'a>(
    cols: &CareerCols<'a>,
    rows: std::ops::Range<usize>,
    cadres: &Cadres,
    units: &Units,
    matcher: &UnitMatcher<'_>,
) -> (Careers, Rejections) {
    const T: &str = "careers";
    let mut out = Careers::default();
    out.reserve(rows.len());
    let mut rej = Rejections::default();
    let rej = &mut rej;
    // Posts repeat across rows: each distinct post is read and held once.
    let mut posts: FastMap<&str, (u32, Option<Role>)> = FastMap::default();
    let mut unit_ids: Memo<Option<u32>> = Memo::new();
    let mut matches: Memo<Option<u32>> = Memo::new();
    let mut kinds: Memo<Option<UnitKind>> = Memo::new();
    let mut classified: Memo<UnitKind> = Memo::new();
    let mut flags: Memo<bool> = Memo::new();
    let mut leaders: FastMap<(&str, &str), bool> = FastMap::default();
    let CareerCols {
        person: c_person,
        start: c_start,
        end: c_end,
        unit: c_unit,
        unit_name: c_unit_name,
        kind: c_kind,
        post: c_post,
        leadership: c_leadership,
        raw,
    } = *cols;
    let mut last_person: Option<(&str, u32)> = None;
    for i in rows {
        let row = raw.row_number(i);
        let before = rej.items.len();
        let person =
            required(rej, T, row, "person_id", c_person.get(i)).and_then(|p| match last_person {
                Some((id, ix)) if id == p => Some(ix),
                _ => {
                    let found = cadres.find(p, rej, T, row, "person_id");
                    last_person = found.map(|ix| (p, ix));
                    found
                }
            });
        let mut year_only = 0;
        let mut read_date = |t: &str| {
            date::parse_or_year(t, date::YEAR_ONLY_CAREER_MONTH).map(|(date, alone)| {
                year_only += usize::from(alone);
                date
            })
        };
        let start = required(rej, T, row, "start", c_start.get(i)).and_then(|t| {
            read_date(t)
                .map_err(|e| rej.reject(T, row, "start", t, e.to_string()))
                .ok()
        });
        let end = match c_end.get(i) {
            None => Ok(None),
            Some(t) if ["至今", "今", "现在", "now", "present"].contains(&t) => Ok(None),
            Some(t) => read_date(t)
                .map(Some)
                .map_err(|e| rej.reject(T, row, "end", t, e.to_string())),
        };
        let unit_name = required(rej, T, row, "unit_name", c_unit_name.get(i));
        let post = required(rej, T, row, "post", c_post.get(i));
        let (Some(person), Some(start), Ok(end), Some(unit_name), Some(post)) =
            (person, start, end, unit_name, post)
        else {
            continue;
        };
        if let Some(e) = end {
            if e < start {
                rej.reject(
                    T,
                    row,
                    "end",
                    &e.to_string(),
                    format!("end {e} is before start {start}"),
                );
                continue;
            }
        }
        let unit = match c_unit.get(i) {
            Some(u) => match unit_ids.get(u, |u| Ok(units.index.get(u).copied())) {
                Ok(Some(ix)) => Some(ix),
                _ if units.is_empty() || units.inferred => None,
                _ => {
                    rej.drop_value(
                        T,
                        row,
                        "unit_id",
                        u,
                        format!("unit {u} is not in units; matched by name instead"),
                    );
                    matches
                        .get(unit_name, |n| Ok(matcher.find(n)))
                        .unwrap_or_default()
                }
            },
            None => matches
                .get(unit_name, |n| Ok(matcher.find(n)))
                .unwrap_or_default(),
        };
        let mut classify = |name| {
            classified
                .get(name, |n| Ok(resume::classify_unit(n)))
                .unwrap_or(UnitKind::Other)
        };
        let kind = match c_kind.get(i) {
            Some(k) => match kinds.get(k, |k| Ok(UnitKind::parse(k))) {
                Ok(Some(kind)) => kind,
                _ => {
                    rej.drop_value(
                        T,
                        row,
                        "unit_kind",
                        k,
                        format!("unknown unit kind {k:?}; derived from the unit name"),
                    );
                    classify(unit_name)
                }
            },
            None => match unit {
                Some(u) => units.kind[u as usize],
                None => classify(unit_name),
            },
        };
        let mut leadership_of = || {
            *leaders
                .entry((unit_name, post))
                .or_insert_with(|| resume::leadership_in_unit(unit_name, post))
        };
        let leadership = match c_leadership.get(i) {
            Some(t) => flags.get(t, boolean::parse).unwrap_or_else(|e| {
                rej.drop_value(T, row, "leadership", t, e);
                leadership_of()
            }),
            None => leadership_of(),
        };
        if rej.items[before..].iter().any(|r| !r.kept) {
            continue;
        }
        out.year_only_dates += year_only;
        let (post, role) = *posts
            .entry(post)
            .or_insert_with(|| (out.post.intern(post), career_role(post)));
        out.push(
            person,
            start,
            end,
            unit,
            unit_name,
            kind,
            Post::Interned(post),
            role,
            leadership,
            CareerSource::Table,
            row,
            None,
        );
    }
    (out, std::mem::take(rej))
}

/// Parses the résumés of persons who have no row in the careers table. Lines that cannot
/// be read are listed (the person is kept).
pub fn careers_from_resumes(
    cadres: &Cadres,
    units: &Units,
    rej: &mut Rejections,
    out: &mut Careers,
) -> usize {
    let mut has_rows = vec![false; cadres.len()];
    for &p in &out.person {
        has_rows[p as usize] = true;
    }
    let matcher = UnitMatcher::new(units);
    let mut parsed = 0;
    for (p, text) in cadres.resume.iter().enumerate() {
        let Some(text) = text else { continue };
        if has_rows[p] {
            continue;
        }
        parsed += 1;
        let row = cadres.row[p] as usize;
        let result = resume::parse_resume(text);
        for err in &result.errors {
            rej.drop_value(
                "cadres",
                row,
                "resume",
                &err.text,
                format!("résumé line {}: {}", err.line, err.reason),
            );
        }
        for e in &result.entries {
            let unit = matcher.find(&e.unit_name);
            let kind = match unit {
                Some(u) if e.unit_kind != UnitKind::School => units.kind[u as usize],
                _ => e.unit_kind,
            };
            out.push(
                p as u32,
                e.start,
                e.end,
                unit,
                &e.unit_name,
                kind,
                Post::Text(&e.post),
                career_role(&e.post),
                e.leadership,
                CareerSource::Resume,
                row,
                Some(e.line),
            );
        }
    }
    // Rows are added no more: the texts' look-up goes (a row added later would still
    // read right, its text held a second time).
    out.unit_name.place = FastMap::default();
    out.post.place = FastMap::default();
    parsed
}

#[cfg(test)]
mod tests {
    use super::{CareerSource, Careers, Post, RepeatedTexts};
    use crate::normalize::date::PartialDate;
    use crate::normalize::unit_kind::UnitKind;

    #[test]
    fn rows_by_person_groups_and_orders_as_a_plain_sort_does_on_any_split() {
        // Enough rows that the persons' rows are sorted in halves (on several threads
        // where the pool has them). Starts repeat within a person, so the order of rows
        // among equal starts counts; seven persons have thousands of rows, which a sort
        // that is not stable would reorder.
        let persons = 30_000u32;
        let mut careers = Careers::default();
        let mut x = 12345u64;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as u32
        };
        for row in 0..200_000 {
            let start = PartialDate {
                year: 1980 + (next() % 8) as i32,
                month: 1 + (next() % 2) as u8,
                day: None,
            };
            let end = (next() % 3 > 0).then_some(PartialDate {
                year: 1990 + (next() % 30) as i32,
                month: 7,
                day: Some(1),
            });
            let person = if row % 4 == 0 {
                row as u32 % 7
            } else {
                next() % persons
            };
            careers.push(
                person,
                start,
                end,
                None,
                "柳河镇",
                UnitKind::Township,
                Post::Text("党委委员"),
                None,
                false,
                CareerSource::Table,
                row,
                None,
            );
        }
        let by = careers.rows_by_person(persons as usize);
        let mut plain: Vec<u32> = (0..careers.len() as u32).collect();
        plain.sort_by_key(|&i| (careers.person[i as usize], careers.start[i as usize]));
        let grouped: Vec<u32> = (0..persons).flat_map(|p| by.of(p).to_vec()).collect();
        assert_eq!(grouped, plain);
        assert!(by.of(3).len() > 5_000, "a person with many rows");
        for k in 0..careers.len() {
            assert_eq!(by.start_day(k), careers.start(k).days_since_epoch());
            assert_eq!(
                by.end_day(k),
                careers.end(k).map_or(i32::MAX, |d| d.days_since_epoch())
            );
        }
        // No rows: every person has none.
        let none = Careers::default().rows_by_person(3);
        assert!((0..3).all(|p| none.of(p).is_empty()));
        assert!(Careers::default().rows_by_person(0).rows.is_empty());
    }

    fn of(texts: &[&str]) -> RepeatedTexts {
        let mut column = RepeatedTexts::default();
        for t in texts {
            column.push(t);
        }
        column
    }

    #[test]
    fn repeated_texts_read_back_in_row_order_each_held_once() {
        let mut out = of(&["柳河镇", "党委书记", "柳河镇"]);
        assert_eq!(out.distinct.len(), 2);
        // Slices read on other threads, appended in order: their indexes are remapped.
        let mut a = of(&["东门街道", "柳河镇"]);
        let mut b = of(&["党委书记", "西山乡", "东门街道"]);
        out.append(&mut a);
        out.append(&mut b);
        let rows = [
            "柳河镇",
            "党委书记",
            "柳河镇",
            "东门街道",
            "柳河镇",
            "党委书记",
            "西山乡",
            "东门街道",
        ];
        assert_eq!(out.iter().collect::<Vec<_>>(), rows);
        assert_eq!((0..rows.len()).map(|i| &out[i]).collect::<Vec<_>>(), rows);
        assert_eq!(out.distinct.len(), 4);
        assert!(a.iter().next().is_none() && b.distinct.is_empty());
        // With the look-up let go of, a row added still reads as its text.
        out.place = Default::default();
        out.push("柳河镇");
        assert_eq!(&out[8], "柳河镇");
    }
}
