//! Work histories: the `careers` table where a person has rows in it, and otherwise the
//! person's 简历 text parsed line by line; then each post is tied to a unit of `units`
//! and to a canonical role, which is what tenure rules compare.
//!
//! A career row names its unit by `unit_id` or only by text (`某某县某某镇`); the text is
//! matched to the unit whose name it ends with (`某某镇`), using the parent's name to
//! choose between two units of the same name. Posts are read with the same role parser
//! as the slate, so `镇长` in a résumé and `镇长` on the slate are the same post.

use std::collections::HashMap;

use super::reject::Rejections;
use super::source::RawTable;
use super::tables::{Cadres, Units};
use crate::normalize::boolean;
use crate::normalize::date::PartialDate;
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
#[derive(Debug, Default)]
pub struct Careers {
    pub person: Vec<u32>,
    pub start: Vec<PartialDate>,
    /// `None` = ongoing.
    pub end: Vec<Option<PartialDate>>,
    /// The unit as given or as matched by name; `None` when it matches no unit.
    pub unit: Vec<Option<u32>>,
    pub unit_name: Vec<String>,
    pub unit_kind: Vec<UnitKind>,
    pub post: Vec<String>,
    pub role: Vec<Option<Role>>,
    pub leadership: Vec<bool>,
    pub source: Vec<CareerSource>,
    /// Row of the careers table, or of the person in cadres for a résumé line.
    pub row: Vec<usize>,
    /// Line of the résumé (1-based) for parsed rows.
    pub line: Vec<Option<u32>>,
}

impl Careers {
    pub fn len(&self) -> usize {
        self.person.len()
    }

    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
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
        post: &str,
        role: Option<Role>,
        leadership: bool,
        source: CareerSource,
        row: usize,
        line: Option<u32>,
    ) {
        self.person.push(person);
        self.start.push(start);
        self.end.push(end);
        self.unit.push(unit);
        self.unit_name.push(unit_name.to_string());
        self.unit_kind.push(unit_kind);
        self.post.push(post.to_string());
        self.role.push(role);
        self.leadership.push(leadership);
        self.source.push(source);
        self.row.push(row);
        self.line.push(line);
    }
}

/// The canonical role of a career post, if it is one of a team's posts (`Role::parse`
/// reads titles with a township or sub-district prefix such as `某某镇党委书记`, and
/// rejects others such as `县委书记`).
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

/// Reads the careers table.
pub fn read_careers(
    mut raw: RawTable,
    cadres: &Cadres,
    units: &Units,
    rej: &mut Rejections,
    out: &mut Careers,
) {
    const T: &str = "careers";
    raw.frame.rechunk_mut();
    let matcher = UnitMatcher::new(units);
    let names = [
        "person_id",
        "start",
        "end",
        "unit_id",
        "unit_name",
        "unit_kind",
        "post",
        "leadership",
    ];
    let cells = super::tables::Cells::new(&raw, &names);
    let get = |name: &str, i: usize| cells.get(name, i);
    // Unit names and posts repeat across rows: each distinct text is classified once.
    let mut match_cache: HashMap<&str, Option<u32>> = HashMap::new();
    let mut kind_cache: HashMap<&str, UnitKind> = HashMap::new();
    let mut leader_cache: HashMap<(&str, &str), bool> = HashMap::new();
    let mut role_cache: HashMap<&str, Option<Role>> = HashMap::new();
    for i in 0..raw.height() {
        let row = raw.row_number(i);
        let before = rej.items.len();
        let person = match get("person_id", i) {
            None => {
                rej.reject(T, row, "person_id", "", "person_id is empty");
                None
            }
            Some(p) => match cadres.index.get(p) {
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
            },
        };
        let start = match get("start", i) {
            None => {
                rej.reject(T, row, "start", "", "start is empty");
                None
            }
            Some(t) => PartialDate::parse(t)
                .map_err(|e| rej.reject(T, row, "start", t, e.to_string()))
                .ok(),
        };
        let end = match get("end", i) {
            None => Ok(None),
            Some(t) if ["至今", "今", "现在", "now", "present"].contains(&t) => Ok(None),
            Some(t) => PartialDate::parse(t)
                .map(Some)
                .map_err(|e| rej.reject(T, row, "end", t, e.to_string())),
        };
        let unit_name = get("unit_name", i);
        if unit_name.is_none() {
            rej.reject(T, row, "unit_name", "", "unit_name is empty");
        }
        let post = get("post", i);
        if post.is_none() {
            rej.reject(T, row, "post", "", "post is empty");
        }
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
        let unit = match get("unit_id", i) {
            Some(u) => match units.index.get(u) {
                Some(&ix) => Some(ix),
                None if units.is_empty() || units.inferred => None,
                None => {
                    rej.drop_value(
                        T,
                        row,
                        "unit_id",
                        u,
                        format!("unit {u} is not in units; matched by name instead"),
                    );
                    matcher.find(unit_name)
                }
            },
            None => *match_cache
                .entry(unit_name)
                .or_insert_with(|| matcher.find(unit_name)),
        };
        let kind = match get("unit_kind", i) {
            Some(k) => UnitKind::parse(k).unwrap_or_else(|| {
                rej.drop_value(
                    T,
                    row,
                    "unit_kind",
                    k,
                    format!("unknown unit kind {k:?}; derived from the unit name"),
                );
                resume::classify_unit(unit_name)
            }),
            None => match unit {
                Some(u) => units.kind[u as usize],
                None => *kind_cache
                    .entry(unit_name)
                    .or_insert_with(|| resume::classify_unit(unit_name)),
            },
        };
        let leadership = match get("leadership", i) {
            Some(t) => boolean::parse(t).unwrap_or_else(|e| {
                rej.drop_value(T, row, "leadership", t, e);
                resume::leadership_in_unit(unit_name, post)
            }),
            None => *leader_cache
                .entry((unit_name, post))
                .or_insert_with(|| resume::leadership_in_unit(unit_name, post)),
        };
        if rej.items[before..].iter().any(|r| !r.kept) {
            continue;
        }
        out.push(
            person,
            start,
            end,
            unit,
            unit_name,
            kind,
            post,
            *role_cache.entry(post).or_insert_with(|| career_role(post)),
            leadership,
            CareerSource::Table,
            row,
            None,
        );
    }
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
        let row = cadres.row[p];
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
                &e.post,
                career_role(&e.post),
                e.leadership,
                CareerSource::Resume,
                row,
                Some(e.line as u32),
            );
        }
    }
    parsed
}
