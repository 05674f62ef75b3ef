//! How much of a corpus of résumés the parser reads: lines, dated lines, dated lines
//! read into posts, entries per unit kind, and why the rest failed.
//!
//! The parser's promise is stated on real data (at least 98% of the dated lines of
//! a public corpus read into dated posts), so the count has to be reproducible from
//! the command line: `banzi resume-stats FILE.xlsx --column 履历` reads one column
//! of a spreadsheet with [`read_xlsx_column`] and prints [`measure`]'s
//! [`ResumeStats`]. The lead wires the subcommand; it amounts to
//!
//! ```ignore
//! let texts = banzi::resume::read_xlsx_column(&file, &column)?;
//! let stats = banzi::resume::measure(texts.into_iter());
//! println!("{stats}");
//! ```
//!
//! A *dated line* is a line that, after an optional header (`简历：`), starts with a
//! year (`19xx`/`20xx`). It is *read* when it became one or more entries, or a dated
//! `其间` sub-entry inside the post before it. Dated lines that are news sentences
//! (`2013年9月23日，中共中央决定…`) are counted apart as narrative: they are dated
//! but are not posts, and they count as not read.

use super::{parse_with_uses, LineUse};
use crate::normalize::unit_kind::UnitKind;
use anyhow::{bail, Context};
use calamine::{open_workbook_auto, Data, Reader};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Counts over a corpus of résumés.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResumeStats {
    /// Résumé texts read (empty cells included).
    pub resumes: usize,
    pub lines_total: usize,
    pub blank_lines: usize,
    pub header_lines: usize,
    /// Lines starting with a year.
    pub dated_lines: usize,
    /// Dated lines with a range (a dash or `至`, open or closed).
    pub dated_range_lines: usize,
    /// Dated lines with a start date only (`2009.06，任…`).
    pub dated_start_only_lines: usize,
    /// Dated lines read into at least one entry.
    pub dated_lines_as_posts: usize,
    /// Dated lines read as `其间` sub-entries of the post before them.
    pub dated_lines_as_sub_entries: usize,
    /// Range lines read into entries.
    pub range_lines_as_posts: usize,
    /// Dated lines that are news or narrative sentences.
    pub dated_narrative_lines: usize,
    /// Dated lines with dates but no post after them.
    pub dated_lines_without_post: usize,
    /// Lines starting with a year whose dates could not be read.
    pub bad_date_lines: usize,
    /// Undated lines appended to the post before them (wrapped lines).
    pub continuation_lines: usize,
    /// Undated `其间`/bracket lines attached to the post before them.
    pub undated_sub_entry_lines: usize,
    /// Undated lines that continue nothing (trailers, prose).
    pub undated_error_lines: usize,
    pub entries: usize,
    /// Entries whose line named a unit but no known post.
    pub entries_without_post: usize,
    pub leadership_entries: usize,
    pub open_entries: usize,
    pub year_only_entries: usize,
    pub entries_with_notes: usize,
    /// Entries per unit kind, in [`UnitKind::ALL`] order.
    pub entries_by_kind: Vec<(UnitKind, usize)>,
    /// Failed dated lines per reason.
    pub failures: BTreeMap<String, usize>,
    /// The first failed dated lines, for inspection.
    pub failure_examples: Vec<String>,
}

/// How many failed lines [`ResumeStats::failure_examples`] keeps.
const EXAMPLES: usize = 30;

impl ResumeStats {
    /// Dated lines read (as posts or sub-entries).
    pub fn dated_lines_read(&self) -> usize {
        self.dated_lines_as_posts + self.dated_lines_as_sub_entries
    }

    /// Share of dated lines read, 0..=1 (1 when there are none).
    pub fn dated_read_ratio(&self) -> f64 {
        ratio(self.dated_lines_read(), self.dated_lines)
    }

    /// Share of dated lines that are not narrative sentences read.
    pub fn non_narrative_read_ratio(&self) -> f64 {
        ratio(
            self.dated_lines_read(),
            self.dated_lines.saturating_sub(self.dated_narrative_lines),
        )
    }

    /// Share of range lines (`start-end`, `start-`) read into entries.
    pub fn range_read_ratio(&self) -> f64 {
        ratio(self.range_lines_as_posts, self.dated_range_lines)
    }

    fn fail(&mut self, reason: &str, line: &str) {
        *self.failures.entry(reason.to_string()).or_insert(0) += 1;
        if self.failure_examples.len() < EXAMPLES {
            self.failure_examples.push(line.to_string());
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Parses every résumé and counts how the lines were read.
pub fn measure(resumes: impl Iterator<Item = String>) -> ResumeStats {
    let mut stats = ResumeStats::default();
    let mut by_kind: BTreeMap<UnitKind, usize> = BTreeMap::new();
    for text in resumes {
        stats.resumes += 1;
        let (parsed, uses) = parse_with_uses(&text);
        let lines = super::split_lines(&text);
        stats.lines_total += uses.len();
        for (i, u) in uses.iter().enumerate() {
            let line = lines.get(i).copied().unwrap_or("");
            match *u {
                LineUse::Blank => stats.blank_lines += 1,
                LineUse::Header => stats.header_lines += 1,
                LineUse::Post { range, .. } => {
                    stats.dated_lines += 1;
                    stats.dated_lines_as_posts += 1;
                    if range {
                        stats.dated_range_lines += 1;
                        stats.range_lines_as_posts += 1;
                    } else {
                        stats.dated_start_only_lines += 1;
                    }
                }
                LineUse::EmptyPost { range } => {
                    stats.dated_lines += 1;
                    stats.dated_lines_without_post += 1;
                    if range {
                        stats.dated_range_lines += 1;
                    } else {
                        stats.dated_start_only_lines += 1;
                    }
                    stats.fail(
                        if range {
                            "dates without a post"
                        } else {
                            "start date followed by no known post"
                        },
                        line,
                    );
                }
                LineUse::SubEntry { dated: true } => {
                    stats.dated_lines += 1;
                    stats.dated_lines_as_sub_entries += 1;
                }
                LineUse::SubEntry { dated: false } => stats.undated_sub_entry_lines += 1,
                LineUse::Continuation => stats.continuation_lines += 1,
                LineUse::Narrative => {
                    stats.dated_lines += 1;
                    stats.dated_narrative_lines += 1;
                    stats.fail("dated narrative sentence", line);
                }
                LineUse::BadDate => {
                    stats.dated_lines += 1;
                    stats.bad_date_lines += 1;
                    stats.fail("unreadable dates", line);
                }
                LineUse::Undated => stats.undated_error_lines += 1,
            }
        }
        for e in &parsed.entries {
            stats.entries += 1;
            *by_kind.entry(e.unit_kind).or_insert(0) += 1;
            if e.post.is_empty() {
                stats.entries_without_post += 1;
            }
            if e.leadership {
                stats.leadership_entries += 1;
            }
            if e.end.is_none() {
                stats.open_entries += 1;
            }
            if e.year_only {
                stats.year_only_entries += 1;
            }
            if !e.notes.is_empty() {
                stats.entries_with_notes += 1;
            }
        }
    }
    stats.entries_by_kind = UnitKind::ALL
        .iter()
        .map(|k| (*k, by_kind.get(k).copied().unwrap_or(0)))
        .collect();
    stats
}

fn percent(r: f64) -> String {
    format!("{:.2}%", r * 100.0)
}

impl fmt::Display for ResumeStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "résumés                     {}", self.resumes)?;
        writeln!(f, "lines                       {}", self.lines_total)?;
        writeln!(f, "  blank                     {}", self.blank_lines)?;
        writeln!(f, "  headers                   {}", self.header_lines)?;
        writeln!(f, "  continuation (wrapped)    {}", self.continuation_lines)?;
        writeln!(
            f,
            "  其间 lines (undated)       {}",
            self.undated_sub_entry_lines
        )?;
        writeln!(
            f,
            "  undated, not read         {}",
            self.undated_error_lines
        )?;
        writeln!(f, "dated lines                 {}", self.dated_lines)?;
        writeln!(f, "  with a range              {}", self.dated_range_lines)?;
        writeln!(
            f,
            "  start date only           {}",
            self.dated_start_only_lines
        )?;
        writeln!(
            f,
            "  read as posts             {}",
            self.dated_lines_as_posts
        )?;
        writeln!(
            f,
            "  read as 其间 sub-entries   {}",
            self.dated_lines_as_sub_entries
        )?;
        writeln!(
            f,
            "  narrative (not posts)     {}",
            self.dated_narrative_lines
        )?;
        writeln!(
            f,
            "  dates without a post      {}",
            self.dated_lines_without_post
        )?;
        writeln!(f, "  unreadable dates          {}", self.bad_date_lines)?;
        writeln!(
            f,
            "dated lines read            {} / {} = {}",
            self.dated_lines_read(),
            self.dated_lines,
            percent(self.dated_read_ratio())
        )?;
        writeln!(
            f,
            "  excluding narrative       {} / {} = {}",
            self.dated_lines_read(),
            self.dated_lines.saturating_sub(self.dated_narrative_lines),
            percent(self.non_narrative_read_ratio())
        )?;
        writeln!(
            f,
            "  range lines read          {} / {} = {}",
            self.range_lines_as_posts,
            self.dated_range_lines,
            percent(self.range_read_ratio())
        )?;
        writeln!(f, "entries                     {}", self.entries)?;
        writeln!(
            f,
            "  without a known post      {}",
            self.entries_without_post
        )?;
        writeln!(f, "  leadership posts          {}", self.leadership_entries)?;
        writeln!(f, "  ongoing (no end)          {}", self.open_entries)?;
        writeln!(f, "  year-only dates           {}", self.year_only_entries)?;
        writeln!(
            f,
            "  with notes (其间, …)       {}",
            self.entries_with_notes
        )?;
        writeln!(f, "entries per unit kind")?;
        for (kind, n) in &self.entries_by_kind {
            writeln!(f, "  {:<10} {n}", kind.label())?;
        }
        if !self.failures.is_empty() {
            writeln!(f, "failed dated lines per reason")?;
            for (reason, n) in &self.failures {
                writeln!(f, "  {reason}: {n}")?;
            }
            writeln!(f, "first failed dated lines")?;
            for line in &self.failure_examples {
                let short: String = line.chars().take(80).collect();
                writeln!(f, "  {short}")?;
            }
        }
        Ok(())
    }
}

/// Reads the cells of one column, found by its header in the first row of the first
/// sheet that has it, from an `.xlsx`/`.xls`/`.ods` file. Empty cells are skipped;
/// numbers and dates are given as text.
pub fn read_xlsx_column(path: impl AsRef<Path>, column: &str) -> anyhow::Result<Vec<String>> {
    let path = path.as_ref();
    let mut workbook = open_workbook_auto(path)
        .with_context(|| format!("cannot open spreadsheet {}", path.display()))?;
    let mut seen_headers: Vec<String> = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .with_context(|| format!("cannot read sheet {name:?} of {}", path.display()))?;
        let mut rows = range.rows();
        let Some(header) = rows.next() else {
            continue;
        };
        let wanted = column.trim();
        let index = header
            .iter()
            .position(|cell| cell_text(cell).trim() == wanted);
        let Some(index) = index else {
            seen_headers.extend(header.iter().map(cell_text).filter(|h| !h.is_empty()));
            continue;
        };
        let cells = rows
            .filter_map(|row| row.get(index))
            .map(cell_text)
            .filter(|text| !text.trim().is_empty())
            .collect();
        return Ok(cells);
    }
    bail!(
        "no column {column:?} in {}; columns: {}",
        path.display(),
        seen_headers.join(", ")
    )
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_dated_lines_and_kinds() {
        let resumes = vec![
            "简历：\n1998.07--2003.12  某某县某某乡党委副书记\n2003.12—2008.05 某某县某某镇党委副书记、镇长\n2008.05-　　某某县某某街道党工委书记（其间：2009.09--2011.07 在省委党校研究生班学习）".to_string(),
            "1980.09-1984.07 某某大学学习\n第十届某某县人大代表".to_string(),
            "2013年9月23日，中共中央决定：某某同志任某某市委书记。".to_string(),
        ];
        let stats = measure(resumes.into_iter());
        assert_eq!(stats.resumes, 3);
        assert_eq!(stats.lines_total, 7);
        assert_eq!(stats.header_lines, 1);
        assert_eq!(stats.dated_lines, 5);
        assert_eq!(stats.dated_lines_as_posts, 4);
        assert_eq!(stats.dated_narrative_lines, 1);
        assert_eq!(stats.undated_error_lines, 1);
        assert_eq!(stats.entries, 5);
        let kind = |k: UnitKind| {
            stats
                .entries_by_kind
                .iter()
                .find(|(x, _)| *x == k)
                .map(|(_, n)| *n)
        };
        assert_eq!(kind(UnitKind::Township), Some(3));
        assert_eq!(kind(UnitKind::Subdistrict), Some(1));
        assert_eq!(kind(UnitKind::School), Some(1));
        assert_eq!(stats.entries_with_notes, 1);
        assert!((stats.dated_read_ratio() - 0.8).abs() < 1e-9);
        assert!(stats
            .to_string()
            .contains("dated lines read            4 / 5"));
    }

    #[test]
    fn missing_file_is_an_error() {
        assert!(read_xlsx_column("/nonexistent/file.xlsx", "履历").is_err());
    }
}
