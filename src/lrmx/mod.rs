//! `banzi import-lrmx`: turns cadre-form files (`.lrmx`, the XML of the national
//! 干部任免审批表 software, one person per file) into the data contract's `cadres` and
//! `relations` tables, so that departments can check a slate from the forms they
//! already hold instead of retyping them.
//!
//! [`parse_person`] reads one file's fields ([`parse`]); [`values`] normalises them into
//! a `cadres` row; [`import`] walks files and folders, gives each person an id, links
//! family members who are themselves imported, and writes UTF-8 CSV with a header:
//!
//! - `cadres.csv`: `person_id,name,gender,birth_date,ethnicity,party,education,
//!   specialties,native_place,resume`. The résumé (`JianLi`) is kept with LF line ends;
//!   `banzi check` builds each person's work history from it with
//!   [`crate::resume::parse_resume`], matching unit names against the `units` table the
//!   user adds, and lists unreadable résumé lines in `rejected.csv`. No `careers.csv` is
//!   written, because a frozen one would bypass both.
//! - `relations.csv`: `person_id,relative_id,relation` (always written, possibly with
//!   the header only, so that a re-import replaces an older file).
//! - `lrmx_import.csv` (not a contract table; `banzi check` notes and ignores it): one
//!   row per file with its status (`imported`, `incomplete`, `rejected`), the person's
//!   id and name, the current, proposed and to-be-removed posts (`XianRenZhiWu`,
//!   `NiRenZhiWu`, `NiMianZhiWu`, which carry no unit id and so cannot make a `slate`),
//!   and the reasons. No `slate.csv` is written: the user writes it, with unit ids.
//!
//! **person_id** is `L` followed by 12 upper-case hex digits of the 64-bit FNV-1a hash of
//! the normalised name, a unit separator (U+001F) and the normalised birth month
//! (`1972-03`, or the text as written when unreadable), so the same person gets the same
//! id in every import, whichever file or folder they come from. A form without a name
//! hashes its file name instead. Files are taken in path order; when an id is already
//! taken (two forms with the same name and birth month, or a hash collision), the later
//! file's person gets `-2`, `-3` … appended, and the summary says so.
//!
//! **Relations**: each family member (`JiaTingChengYuan/Item`) is looked up among the
//! other imported persons by name (spaces ignored). If exactly one of them also has the
//! same birth month (both dates readable), that is the relative. Otherwise, if exactly one
//! imported person has the name and no readable birth date contradicts it (either date is
//! missing or unreadable), that is the relative. Anything else (several candidates, or the
//! only candidate was born in another month) links nobody, and ambiguous cases are noted
//! in the summary. The row is `person_id` = the form's person, `relative_id` = the family
//! member, `relation` = `ChengWei` as written (妻子 means the relative is the person's
//! wife); the reverse row comes from the relative's own form, if imported.
//!
//! A file that cannot be read is listed with its reason and skipped; a person whose
//! required values are missing or unreadable is still written (the loader rejects the row
//! with its reason at check time) and listed as incomplete.

pub mod parse;
pub mod values;

#[cfg(test)]
mod tests;

pub use parse::{normalize_name, parse_person, FamilyMember, LrmxPerson, MAX_FILE_BYTES};
pub use values::{cadre_of, Cadre};

use crate::normalize::date::PartialDate;
use crate::output::csv;
use anyhow::Context as _;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// `.lrmx` files found (and files named directly), each read or rejected.
    pub files: usize,
    /// Persons written to `cadres.csv` (incomplete ones included).
    pub persons: usize,
    /// Rows written to `relations.csv`.
    pub relations: usize,
    /// Files (or named inputs) that could not be read, with the reason; nothing of them
    /// was written.
    pub rejected: Vec<(PathBuf, String)>,
    /// Persons written although a required value is missing or unreadable; `banzi check`
    /// rejects their row with the reason.
    pub incomplete: Vec<(PathBuf, String)>,
    /// Other things to know: duplicate persons, ambiguous relatives, encodings, values
    /// the loader will drop.
    pub notes: Vec<String>,
    /// The files written.
    pub written: Vec<PathBuf>,
}

impl fmt::Display for ImportSummary {
    /// The summary as the terminal shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "lrmx import: {} file(s) read, {} person(s) written ({} incomplete), {} relation(s), {} file(s) rejected",
            self.files,
            self.persons,
            self.incomplete.len(),
            self.relations,
            self.rejected.len()
        )?;
        if !self.rejected.is_empty() {
            writeln!(f, "rejected (nothing written for them):")?;
            for (path, reason) in &self.rejected {
                writeln!(f, "  {}: {reason}", path.display())?;
            }
        }
        if !self.incomplete.is_empty() {
            writeln!(
                f,
                "incomplete (written; `banzi check` will reject the row with this reason):"
            )?;
            for (path, reason) in &self.incomplete {
                writeln!(f, "  {}: {reason}", path.display())?;
            }
        }
        if !self.notes.is_empty() {
            writeln!(f, "notes:")?;
            for note in &self.notes {
                writeln!(f, "  {note}")?;
            }
        }
        if !self.written.is_empty() {
            let names: Vec<String> = self
                .written
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            writeln!(f, "wrote {}", names.join(", "))?;
            writeln!(
                f,
                "add slate.csv (and units.csv, cycles.csv) to that folder before `banzi check`; lrmx_import.csv lists each person's id and proposed post"
            )?;
        }
        Ok(())
    }
}

/// One imported form.
struct Imported {
    path: PathBuf,
    person: LrmxPerson,
    cadre: Cadre,
    id: String,
    /// (year, month) of the readable birth date.
    birth: Option<(i32, u8)>,
}

/// Imports `.lrmx` files and folders (searched recursively for `*.lrmx`, any case) into
/// the dataset folder `out_dir`, which is created if needed.
///
/// Unreadable files are listed in the summary and skipped. Errors only when no file at
/// all could be read (nothing is written then) or when the output cannot be written.
pub fn import(inputs: &[PathBuf], out_dir: &Path) -> anyhow::Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let files = collect_files(inputs, &mut summary.rejected);
    summary.files = files.len();
    let mut imported: Vec<Imported> = Vec::new();
    for path in files {
        let person = match read_capped(&path).and_then(|bytes| parse_person(&bytes)) {
            Ok(p) => p,
            Err(reason) => {
                summary.rejected.push((path, reason));
                continue;
            }
        };
        let cadre = cadre_of(&person);
        let birth = PartialDate::parse(&person.birth)
            .ok()
            .map(|d| (d.year, d.month));
        imported.push(Imported {
            path,
            person,
            cadre,
            id: String::new(),
            birth,
        });
    }
    if imported.is_empty() {
        let mut message = if summary.files == 0 {
            "no .lrmx file found".to_string()
        } else {
            format!(
                "none of the {} .lrmx file(s) could be read; nothing written",
                summary.files
            )
        };
        for (path, reason) in summary.rejected.iter().take(20) {
            message.push_str(&format!("\n  {}: {reason}", path.display()));
        }
        if summary.rejected.len() > 20 {
            message.push_str(&format!("\n  … and {} more", summary.rejected.len() - 20));
        }
        anyhow::bail!(message);
    }
    assign_ids(&mut imported, &mut summary.notes);
    let mut by_encoding: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for im in &imported {
        let file = im.path.display();
        if im.person.encoding != "UTF-8" {
            by_encoding
                .entry(im.person.encoding)
                .or_default()
                .push(file.to_string());
        }
        for w in &im.person.warnings {
            summary.notes.push(format!("{file}: {w}"));
        }
        for d in &im.cadre.dropped {
            summary.notes.push(format!(
                "{file}: {d} (`banzi check` will ignore this value and keep the row)"
            ));
        }
        if !im.cadre.problems.is_empty() {
            summary
                .incomplete
                .push((im.path.clone(), im.cadre.problems.join("; ")));
        }
    }
    for (encoding, files) in by_encoding {
        let shown: Vec<&str> = files.iter().take(5).map(String::as_str).collect();
        let more = if files.len() > 5 {
            format!(" and {} more", files.len() - 5)
        } else {
            String::new()
        };
        summary.notes.push(format!(
            "{} file(s) read as {encoding}: {}{more}",
            files.len(),
            shown.join(", ")
        ));
    }
    let relations = match_relations(&imported, &mut summary.notes);
    summary.persons = imported.len();
    summary.relations = relations.len();

    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("{}: cannot create the output folder", out_dir.display()))?;
    let cadres_path = out_dir.join("cadres.csv");
    write_csv(&cadres_path, &cadres_rows(&imported))?;
    let relations_path = out_dir.join("relations.csv");
    let mut rows = vec![vec![
        "person_id".to_string(),
        "relative_id".to_string(),
        "relation".to_string(),
    ]];
    rows.extend(relations.into_iter().map(|(a, b, r)| vec![a, b, r]));
    write_csv(&relations_path, &rows)?;
    let report_path = out_dir.join("lrmx_import.csv");
    write_csv(&report_path, &report_rows(&imported, &summary.rejected))?;
    summary.written = vec![cadres_path, relations_path, report_path];
    Ok(summary)
}

/// The `.lrmx` files under the inputs, sorted by path, each once. Missing inputs and
/// unreadable folders go to `rejected`. Symbolic links to folders are not followed (no
/// loops); files named directly are taken whatever their extension.
fn collect_files(inputs: &[PathBuf], rejected: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                rejected.push((input.clone(), "no such file or folder".into()))
            }
            Err(e) => rejected.push((input.clone(), format!("cannot read it: {e}"))),
            Ok(m) if m.is_dir() => {
                let mut stack = vec![input.clone()];
                while let Some(dir) = stack.pop() {
                    let entries = match std::fs::read_dir(&dir) {
                        Ok(entries) => entries,
                        Err(e) => {
                            rejected.push((dir, format!("cannot list the folder: {e}")));
                            continue;
                        }
                    };
                    for entry in entries.flatten() {
                        let path = entry.path();
                        let Ok(kind) = entry.file_type() else {
                            continue;
                        };
                        if kind.is_dir() {
                            stack.push(path);
                        } else if is_lrmx(&path) && !kind.is_dir() {
                            files.push(path);
                        }
                    }
                }
            }
            Ok(_) => files.push(input.clone()),
        }
    }
    files.sort();
    files.dedup();
    files
}

fn is_lrmx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("lrmx"))
}

/// Reads a file of at most [`MAX_FILE_BYTES`].
fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open it: {e}"))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "{len} bytes: larger than the {} MiB a cadre form can have",
            MAX_FILE_BYTES >> 20
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "larger than the {} MiB a cadre form can have (it grew while read)",
            MAX_FILE_BYTES >> 20
        ));
    }
    Ok(bytes)
}

/// 64-bit FNV-1a: stable across Rust versions and platforms, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The id a person gets before collisions are resolved; see the module documentation.
pub fn base_id(name: &str, birth: &str, file_name: &str) -> String {
    let name = normalize_name(name);
    let key = if name.is_empty() {
        format!("file:{file_name}")
    } else {
        let birth = values::birth_label(birth).unwrap_or_else(|_| birth.trim().to_string());
        format!("{name}\u{1f}{birth}")
    };
    format!("L{:012X}", fnv1a(key.as_bytes()) & 0xFFFF_FFFF_FFFF)
}

/// Gives each imported person a unique id, in path order.
fn assign_ids(imported: &mut [Imported], notes: &mut Vec<String>) {
    let mut taken: HashMap<String, usize> = HashMap::new();
    for i in 0..imported.len() {
        let file_name = imported[i]
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let base = base_id(
            &imported[i].person.name,
            &imported[i].person.birth,
            &file_name,
        );
        let id = match taken.get(&base) {
            None => base.clone(),
            Some(&first) => {
                let mut n = 2;
                let mut id = format!("{base}-{n}");
                while taken.contains_key(&id) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                let (a, b) = (&imported[first], &imported[i]);
                notes.push(format!(
                    "{} and {}: both {} born {}; imported as two persons ({} and {}): remove one file if they are the same person",
                    a.path.display(),
                    b.path.display(),
                    or_dash(&b.cadre.name),
                    or_dash(&b.cadre.birth_date),
                    a.id,
                    id
                ));
                id
            }
        };
        taken.entry(base).or_insert(i);
        taken.entry(id.clone()).or_insert(i);
        imported[i].id = id;
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

/// The `relations` rows, by the rule in the module documentation.
fn match_relations(
    imported: &[Imported],
    notes: &mut Vec<String>,
) -> Vec<(String, String, String)> {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, im) in imported.iter().enumerate() {
        if !im.cadre.name.is_empty() {
            by_name.entry(im.cadre.name.as_str()).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for (i, im) in imported.iter().enumerate() {
        for member in &im.person.family {
            let name = normalize_name(&member.name);
            let Some(all) = by_name.get(name.as_str()) else {
                continue;
            };
            let candidates: Vec<usize> = all.iter().copied().filter(|&j| j != i).collect();
            if candidates.is_empty() {
                continue;
            }
            let born = PartialDate::parse(&member.birth)
                .ok()
                .map(|d| (d.year, d.month));
            let exact: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&j| born.is_some() && imported[j].birth == born)
                .collect();
            let compatible: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&j| born.is_none() || imported[j].birth.is_none())
                .collect();
            let relation = if member.relation.is_empty() {
                "亲属".to_string()
            } else {
                member.relation.clone()
            };
            let chosen = match (exact.as_slice(), compatible.as_slice()) {
                ([j], _) => Some(*j),
                ([], [j]) if candidates.len() == 1 => Some(*j),
                ([], []) => None,
                (many, _) => {
                    let ids: Vec<&str> = if many.is_empty() {
                        candidates
                            .iter()
                            .map(|&j| imported[j].id.as_str())
                            .collect()
                    } else {
                        many.iter().map(|&j| imported[j].id.as_str()).collect()
                    };
                    notes.push(format!(
                        "{}: family member {name} ({relation}) could be any of {}; no relation written",
                        im.path.display(),
                        ids.join(", ")
                    ));
                    None
                }
            };
            if let Some(j) = chosen {
                if seen.insert((i, j)) {
                    out.push((im.id.clone(), imported[j].id.clone(), relation));
                }
            }
        }
    }
    out
}

fn cadres_rows(imported: &[Imported]) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "person_id",
        "name",
        "gender",
        "birth_date",
        "ethnicity",
        "party",
        "education",
        "specialties",
        "native_place",
        "resume",
    ]
    .map(str::to_string)
    .to_vec()];
    for im in imported {
        let c = &im.cadre;
        rows.push(vec![
            im.id.clone(),
            c.name.clone(),
            c.gender.clone(),
            c.birth_date.clone(),
            c.ethnicity.clone(),
            c.party.clone(),
            c.education.clone(),
            c.specialties.clone(),
            c.native_place.clone(),
            c.resume.clone(),
        ]);
    }
    rows
}

fn report_rows(imported: &[Imported], rejected: &[(PathBuf, String)]) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "file",
        "status",
        "person_id",
        "name",
        "current_post",
        "proposed_post",
        "proposed_removal",
        "reason",
        "notes",
    ]
    .map(str::to_string)
    .to_vec()];
    for im in imported {
        let status = if im.cadre.problems.is_empty() {
            "imported"
        } else {
            "incomplete"
        };
        let mut notes: Vec<String> = im.person.warnings.clone();
        notes.extend(im.cadre.dropped.iter().cloned());
        rows.push(vec![
            im.path.display().to_string(),
            status.to_string(),
            im.id.clone(),
            im.cadre.name.clone(),
            im.person.current_post.clone(),
            im.person.proposed_post.clone(),
            im.person.proposed_removal.clone(),
            im.cadre.problems.join("; "),
            notes.join("; "),
        ]);
    }
    for (path, reason) in rejected {
        rows.push(vec![
            path.display().to_string(),
            "rejected".to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            reason.clone(),
            String::new(),
        ]);
    }
    rows
}

/// Writes rows as UTF-8 CSV (LF line ends); the one CSV writer renames a temporary file
/// into place, so a failed write never leaves half a table.
fn write_csv(path: &Path, rows: &[Vec<String>]) -> anyhow::Result<()> {
    let mut out = csv::Writer::create(path)?;
    for row in rows {
        out.row(row)?;
    }
    out.finish()
}
