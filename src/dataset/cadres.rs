//! The cadres table: one record per person, read into the columns of [`Cadres`].
//!
//! Reading is the most work of any table per row (a dozen cells, five of them parsed),
//! and two million persons at national scale took a single thread 2.5 s. Each row is
//! read on its own, so slices of rows are read side by side on rayon; what depends on
//! earlier rows, a `person_id` already taken, is then decided in row order, slice after
//! slice. The persons, their order and every rejection (with its place among the
//! others) are those of a read row by row, whatever the number of threads.

use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

use super::id_index::IdIndex;
use super::reject::{Rejection, Rejections};
use super::source::RawTable;
use super::tables::{
    chunk_spans, required, row_slices, share, slice_rows, Col, FastMap, Memo, SharedText,
};
use super::texts::Texts;
use crate::normalize::date::{self, PartialDate};
use crate::normalize::education::Education;
use crate::normalize::ethnicity::Ethnicity;
use crate::normalize::gender::Gender;
use crate::normalize::party::Party;
use crate::normalize::{boolean, education, ethnicity, gender, party};

/// Cadre records, one per person.
#[derive(Debug, Default, Clone)]
pub struct Cadres {
    /// Held end to end ([`Texts`]), as are the names.
    pub person_id: Texts,
    pub name: Texts,
    pub gender: Vec<Gender>,
    pub birth: Vec<PartialDate>,
    pub ethnicity: Vec<Ethnicity>,
    pub party: Vec<Option<Party>>,
    pub education: Vec<Option<Education>>,
    /// Normalised `;`-separated specialties.
    ///
    /// This and the next two hold few distinct texts among millions of persons, so each
    /// distinct text is stored once per piece read and shared (at 40,000 units, two
    /// million persons: an owned string each cost about 250 MB).
    pub specialties: Vec<SharedText>,
    pub native_place: Vec<Option<SharedText>>,
    pub staffing: Vec<Option<SharedText>>,
    pub vetting_hold: Vec<bool>,
    pub resume: Vec<Option<Box<str>>>,
    /// Source row of each person.
    pub row: Vec<u32>,
    /// `person_id` → index.
    index: IdIndex,
    /// Birth dates given as a year alone, read as July of it
    /// ([`YEAR_ONLY_BIRTH_MONTH`](crate::normalize::date::YEAR_ONLY_BIRTH_MONTH)).
    pub year_only_births: usize,
}

impl Cadres {
    pub fn len(&self) -> usize {
        self.person_id.len()
    }

    /// The index of the person with `person_id` `id`.
    pub fn position(&self, id: &str) -> Option<u32> {
        self.index.get(&self.person_id, id)
    }

    /// The index of person `id`, or a rejection of the row naming `column` when no
    /// cadre has that id.
    pub(super) fn find(
        &self,
        id: &str,
        rej: &mut Rejections,
        table: &str,
        row: usize,
        column: &str,
    ) -> Option<u32> {
        let found = self.position(id);
        if found.is_none() {
            rej.reject(
                table,
                row,
                column,
                id,
                format!("person {id} is not in cadres"),
            );
        }
        found
    }

    /// Lets go of every column but the ids and the names (and the index on the ids): all
    /// the rules read of a person once the frames are built is the name for messages,
    /// and at 40,000 units the other columns of two million persons are about 250 MB.
    /// Only a run that checks does this ([`crate::pipeline::RunOptions::only_rule_tables`]).
    pub fn keep_ids_and_names(&mut self) {
        let ids = std::mem::take(&mut self.person_id);
        let names = std::mem::take(&mut self.name);
        let index = std::mem::take(&mut self.index);
        *self = Cadres {
            person_id: ids,
            name: names,
            index,
            year_only_births: self.year_only_births,
            ..Cadres::default()
        };
    }

    /// Room for `n` persons, so that loading a million rows does not grow and copy
    /// every column (and the index) twenty times over.
    pub(super) fn with_capacity(n: usize) -> Cadres {
        let mut cadres = Cadres {
            index: IdIndex::with_capacity(n),
            ..Cadres::default()
        };
        cadres.reserve(n);
        cadres
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

const T: &str = "cadres";

/// The rows of a slice that passed every check that does not depend on other rows,
/// column by column as in [`Cadres`]: once their ids are decided, each column is moved
/// into the table's on its own, the columns side by side.
struct Persons<'a> {
    name: Vec<&'a str>,
    gender: Vec<Gender>,
    birth: Vec<PartialDate>,
    year_only_birth: Vec<bool>,
    ethnicity: Vec<Ethnicity>,
    party: Vec<Option<Party>>,
    education: Vec<Option<Education>>,
    specialties: Vec<SharedText>,
    native_place: Vec<Option<SharedText>>,
    staffing: Vec<Option<SharedText>>,
    vetting_hold: Vec<bool>,
    resume: Vec<Option<&'a str>>,
    row: Vec<usize>,
}

impl Persons<'_> {
    fn with_capacity(n: usize) -> Self {
        Persons {
            name: Vec::with_capacity(n),
            gender: Vec::with_capacity(n),
            birth: Vec::with_capacity(n),
            year_only_birth: Vec::with_capacity(n),
            ethnicity: Vec::with_capacity(n),
            party: Vec::with_capacity(n),
            education: Vec::with_capacity(n),
            specialties: Vec::with_capacity(n),
            native_place: Vec::with_capacity(n),
            staffing: Vec::with_capacity(n),
            vetting_hold: Vec::with_capacity(n),
            resume: Vec::with_capacity(n),
            row: Vec::with_capacity(n),
        }
    }
}

/// A row with a `person_id`, in row order: whether that id was taken by an earlier
/// person can only be known once the rows before it are decided.
struct IdRow<'a> {
    id: &'a str,
    /// The id's [`IdIndex::hash`], computed with the slice.
    hash: u64,
    row: usize,
    /// The slice's rejections up to here are those of the rows before and this row's
    /// own first checks (required cells, gender, birth date, ethnicity).
    at: usize,
    /// The rejections that follow (values dropped, an unreadable `vetting_hold`): a row
    /// read after its first checks passed. They do not stand if the id is a duplicate,
    /// which is reported instead, as a read row by row would.
    later: Range<usize>,
    /// Whether the row is the slice's next person, unless its id is taken.
    person: bool,
}

/// What a slice of rows came to before the ids were checked against earlier rows.
struct Slice<'a> {
    persons: Persons<'a>,
    ids: Vec<IdRow<'a>>,
    rejections: Vec<Rejection>,
}

/// Reads cadre rows (the whole table or one piece of it) onto the end of `out`.
pub fn read_cadres(raw: RawTable, rej: &mut Rejections, out: &mut Cadres) {
    let slice = slice_rows(raw.height());
    read_in_slices(raw, slice, rej, out);
}

/// [`read_cadres`] in slices of `slice` rows within each chunk.
fn read_in_slices(mut raw: RawTable, slice: usize, rej: &mut Rejections, out: &mut Cadres) {
    let spans = chunk_spans(&mut raw);
    let raw = &raw;
    let slices: Vec<Slice> = row_slices(&spans, slice)
        .into_par_iter()
        .map(|(k, rows)| read_slice(raw, k, &spans[k], rows))
        .collect();
    out.reserve(raw.height());
    for s in slices {
        settle(s, rej, out);
    }
}

/// Reads the rows `rows` of chunk `k` (`span`), each on its own.
fn read_slice<'a>(
    raw: &'a RawTable,
    k: usize,
    span: &Range<usize>,
    rows: Range<usize>,
) -> Slice<'a> {
    let col = |name| Col::of(raw, name, k, span);
    let (c_id, c_name, c_gender, c_birth, c_eth) = (
        col("person_id"),
        col("name"),
        col("gender"),
        col("birth_date"),
        col("ethnicity"),
    );
    let (c_party, c_edu, c_spec, c_native, c_staffing, c_hold, c_resume) = (
        col("party"),
        col("education"),
        col("specialties"),
        col("native_place"),
        col("staffing"),
        col("vetting_hold"),
        col("resume"),
    );
    let (mut genders, mut births, mut ethnicities) = (Memo::new(), Memo::new(), Memo::new());
    let (mut parties, mut educations, mut holds, mut specialties) =
        (Memo::new(), Memo::new(), Memo::new(), Memo::new());
    let mut shared: FastMap<&str, SharedText> = FastMap::default();
    let empty: SharedText = Arc::new(String::new());
    let mut out = Slice {
        persons: Persons::with_capacity(rows.len()),
        ids: Vec::with_capacity(rows.len()),
        rejections: Vec::new(),
    };
    let mut rej = Rejections::default();
    let rej = &mut rej;
    for i in rows {
        let row = raw.row_number(i);
        let before = rej.items.len();
        let id = required(rej, T, row, "person_id", c_id.get(i));
        let name = required(rej, T, row, "name", c_name.get(i));
        let gender_text = required(rej, T, row, "gender", c_gender.get(i));
        let birth_text = required(rej, T, row, "birth_date", c_birth.get(i));
        let eth_text = required(rej, T, row, "ethnicity", c_eth.get(i));
        let g = gender_text.and_then(|t| {
            genders
                .get(t, gender::parse)
                .map_err(|e| rej.reject(T, row, "gender", t, e))
                .ok()
        });
        let b = birth_text.and_then(|t| {
            births
                .get(t, |t| {
                    date::parse_or_year(t, date::YEAR_ONLY_BIRTH_MONTH).map_err(|e| e.to_string())
                })
                .map_err(|e| rej.reject(T, row, "birth_date", t, e))
                .ok()
        });
        let e = eth_text.and_then(|t| {
            ethnicities
                .get(t, ethnicity::parse)
                .map_err(|e| rej.reject(T, row, "ethnicity", t, e))
                .ok()
        });
        let Some(id) = id else { continue };
        let at = rej.items.len();
        let mut id_row = IdRow {
            id,
            hash: IdIndex::hash(id),
            row,
            at,
            later: at..at,
            person: false,
        };
        let (Some(name), Some(g), Some((b, year_alone)), Some(e)) = (name, g, b, e) else {
            out.ids.push(id_row);
            continue;
        };
        if at > before {
            out.ids.push(id_row);
            continue;
        }
        let p = parties.optional(rej, T, row, "party", c_party.get(i), party::parse);
        let ed = educations.optional(rej, T, row, "education", c_edu.get(i), education::parse);
        let hold = match c_hold.get(i) {
            None => Some(false),
            Some(t) => holds
                .get(t, boolean::parse)
                .map_err(|e| rej.reject(T, row, "vetting_hold", t, e))
                .ok(),
        };
        id_row.later = at..rej.items.len();
        if let Some(hold) = hold {
            id_row.person = true;
            let persons = &mut out.persons;
            persons.name.push(name);
            persons.gender.push(g);
            persons.birth.push(b);
            persons.year_only_birth.push(year_alone);
            persons.ethnicity.push(e);
            persons.party.push(p);
            persons.education.push(ed);
            persons.specialties.push(
                c_spec
                    .get(i)
                    .map(|t| {
                        specialties
                            .get(t, |t| Ok(Arc::new(split_specialties(t).join(";"))))
                            .unwrap_or_else(|_| empty.clone())
                    })
                    .unwrap_or_else(|| empty.clone()),
            );
            persons
                .native_place
                .push(c_native.get(i).map(|t| share(&mut shared, t)));
            persons
                .staffing
                .push(c_staffing.get(i).map(|t| share(&mut shared, t)));
            persons.vetting_hold.push(hold);
            persons.resume.push(c_resume.get(i));
            persons.row.push(row);
        }
        out.ids.push(id_row);
    }
    out.rejections = std::mem::take(&mut rej.items);
    out
}

/// Decides a slice's rows against the persons before them, in row order: a row whose
/// id an earlier person holds is a duplicate (and its later rejections do not stand);
/// any other person is added.
fn settle(slice: Slice<'_>, rej: &mut Rejections, out: &mut Cadres) {
    let Slice {
        persons,
        ids,
        rejections,
    } = slice;
    // Whether each of the slice's persons is kept (its id not taken before it), and the
    // rows of those kept, which the table's `row` has only once the slice is settled.
    let mut keep = Vec::with_capacity(persons.row.len());
    let mut kept_rows = Vec::new();
    let mut rejections = rejections.into_iter();
    let mut done = 0;
    for r in ids {
        rej.items.extend(rejections.by_ref().take(r.at - done));
        done = r.at;
        // A row that is a person takes its id in the index in the same probe that looks
        // for an earlier holder; the id is pushed right after.
        let at = out.person_id.len() as u32;
        let first = if r.person {
            out.index.get_or_insert(&out.person_id, r.id, r.hash, at)
        } else {
            out.index.get_hashed(&out.person_id, r.id, r.hash)
        };
        if let Some(first) = first {
            rej.reject(
                T,
                r.row,
                "person_id",
                r.id,
                format!("duplicate person_id, first at row {}", {
                    let first = first as usize;
                    match out.row.get(first) {
                        Some(&row) => row,
                        None => kept_rows[first - out.row.len()],
                    }
                }),
            );
            rejections.by_ref().take(r.later.len()).for_each(drop);
            done = r.later.end;
            if r.person {
                keep.push(false);
            }
            continue;
        }
        if r.person {
            out.person_id.push(r.id);
            keep.push(true);
            kept_rows.push(r.row as u32);
        }
    }
    rej.items.extend(rejections);
    out.append_kept(persons, &keep);
}

impl Cadres {
    /// Moves the kept persons' columns (all but the ids, pushed while settling) onto the
    /// end of the table's, each column on its own and the columns side by side: the
    /// first writes into two million rows' worth of fresh memory were half of the time
    /// the cadres were read on one core.
    fn append_kept(&mut self, persons: Persons<'_>, keep: &[bool]) {
        debug_assert_eq!(keep.len(), persons.row.len(), "a verdict per person");
        fn kept<'k, T: 'k>(column: Vec<T>, keep: &'k [bool]) -> impl Iterator<Item = T> + 'k {
            column
                .into_iter()
                .zip(keep)
                .filter(|(_, k)| **k)
                .map(|(v, _)| v)
        }
        let Persons {
            name,
            gender,
            birth,
            year_only_birth,
            ethnicity,
            party,
            education,
            specialties,
            native_place,
            staffing,
            vetting_hold,
            resume,
            row,
        } = persons;
        self.year_only_births += kept(year_only_birth, keep).filter(|&y| y).count();
        rayon::scope(|s| {
            s.spawn(|_| kept(name, keep).for_each(|n| self.name.push(n)));
            s.spawn(|_| self.gender.extend(kept(gender, keep)));
            s.spawn(|_| self.birth.extend(kept(birth, keep)));
            s.spawn(|_| self.ethnicity.extend(kept(ethnicity, keep)));
            s.spawn(|_| self.party.extend(kept(party, keep)));
            s.spawn(|_| self.education.extend(kept(education, keep)));
            s.spawn(|_| self.specialties.extend(kept(specialties, keep)));
            s.spawn(|_| self.native_place.extend(kept(native_place, keep)));
            s.spawn(|_| self.staffing.extend(kept(staffing, keep)));
            s.spawn(|_| self.vetting_hold.extend(kept(vetting_hold, keep)));
            s.spawn(|_| {
                self.resume
                    .extend(kept(resume, keep).map(|r| r.map(Box::from)))
            });
            s.spawn(|_| self.row.extend(kept(row, keep).map(|r| r as u32)));
        });
    }

    /// Room for `n` more persons.
    fn reserve(&mut self, n: usize) {
        // Ids and names of about 8 and 9 bytes (a guess; the buffers grow as needed).
        self.person_id.reserve(n, 8 * n);
        self.name.reserve(n, 9 * n);
        self.gender.reserve(n);
        self.birth.reserve(n);
        self.ethnicity.reserve(n);
        self.party.reserve(n);
        self.education.reserve(n);
        self.specialties.reserve(n);
        self.native_place.reserve(n);
        self.staffing.reserve(n);
        self.vetting_hold.reserve(n);
        self.resume.reserve(n);
        self.row.reserve(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows whose fate depends on the rows before them: duplicates of a person, of a
    /// row refused on its own, and of a row refused for its `vetting_hold`.
    const CADRES: &str = "\
person_id,name,gender,birth_date,ethnicity,party,education,vetting_hold
P1,甲,男,1980-01,汉族,,,false
P1,甲二,男,1980-01,汉族,某党,,false
P2,乙,X,1980-01,汉族,,,
P2,乙,女,1981-02,汉族,,,
P2,乙三,Y,1980-01,汉族,,,
P3,丙,男,1980-01,汉族,,,maybe
P3,丙,男,1980,汉族,某党,,
P3,丙三,男,1980-01,汉族,某党,??,perhaps
,丁,Z,1980-01,汉族,,,
P4,戊,女,1990-05,,,,
P4,戊,女,1990-05,回族,,,true
";

    fn read(slice: usize) -> (Cadres, Vec<(usize, String, String)>) {
        let frame = super::super::source::csv_frame(CADRES.as_bytes()).unwrap();
        let raw = RawTable::new("cadres.csv".into(), frame, 2);
        let (mut rej, mut out) = (Rejections::default(), Cadres::default());
        read_in_slices(raw, slice, &mut rej, &mut out);
        let items = rej
            .items
            .into_iter()
            .map(|r| (r.row, r.column, r.reason))
            .collect();
        (out, items)
    }

    #[test]
    fn a_duplicate_is_decided_against_the_persons_before_it_in_any_slicing() {
        let (cadres, items) = read(100);
        assert_eq!(cadres.person_id, ["P1", "P2", "P3", "P4"]);
        assert_eq!(cadres.row, [2, 5, 8, 12]);
        assert_eq!(cadres.year_only_births, 1);
        assert!(cadres.vetting_hold[3]);
        assert_eq!(cadres.position("P3"), Some(2));
        let at = |row: usize| -> Vec<(&str, &str)> {
            items
                .iter()
                .filter(|(r, _, _)| *r == row)
                .map(|(_, c, why)| (c.as_str(), why.as_str()))
                .collect()
        };
        // A duplicate of a person: only the duplicate, not the party it would drop.
        assert_eq!(
            at(3),
            [("person_id", "duplicate person_id, first at row 2")]
        );
        // Refused on its own before P2 was a person: not a duplicate.
        assert_eq!(at(4).len(), 1);
        assert_eq!(at(4)[0].0, "gender");
        // Refused on its own after: both.
        assert_eq!(at(6)[0].0, "gender");
        assert_eq!(
            at(6)[1],
            ("person_id", "duplicate person_id, first at row 5")
        );
        // A row refused for its vetting_hold takes no id: the next P3 is the person.
        assert_eq!(at(7).len(), 1);
        assert_eq!(at(7)[0].0, "vetting_hold");
        assert_eq!(at(8).len(), 1);
        assert_eq!(at(8)[0].0, "party");
        assert_eq!(
            at(9),
            [("person_id", "duplicate person_id, first at row 8")]
        );
        assert_eq!(at(10).len(), 2);
        assert_eq!(at(11), [("ethnicity", "ethnicity is empty")]);
        for slice in 1..=12 {
            let (other, other_items) = read(slice);
            assert_eq!(other.person_id, cadres.person_id, "slices of {slice}");
            assert_eq!(other.name, cadres.name, "slices of {slice}");
            assert_eq!(other.row, cadres.row, "slices of {slice}");
            assert_eq!(other.year_only_births, 1, "slices of {slice}");
            assert_eq!(other_items, items, "slices of {slice}");
        }
    }
}
