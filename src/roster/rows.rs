//! The rows below a roster's header: which are persons and which are not (blank
//! separators, 合计/小计/总计 rows, footnotes, a repeated header, a team's heading row),
//! which team each person belongs to, and a person written over two rows.
//!
//! Nothing is dropped quietly: every row is a person's row, a skipped row with its
//! reason, or a rejected row. The unit comes from the 单位 column (merged down a team's
//! rows, or in a CSV written on the team's first row only), else from a team heading
//! row, else from the sheet's name.

use std::collections::BTreeMap;

use super::grid::Grid;
use super::header::{Field, Header};

/// One person as the roster writes them: the values of their row(s), by field.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The rows (0-based) the person takes.
    pub rows: Vec<usize>,
    pub unit: Option<String>,
    pub values: BTreeMap<FieldKey, String>,
}

/// [`Field`] as an ordered key.
pub type FieldKey = u8;

pub fn fk(f: Field) -> FieldKey {
    f as u8
}

impl Entry {
    pub fn get(&self, f: Field) -> Option<&str> {
        self.values.get(&fk(f)).map(String::as_str)
    }

    /// Excel's number of the person's first row.
    pub fn excel_row(&self) -> usize {
        self.rows[0] + 1
    }
}

/// A row that is not a person, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Excel's row number.
    pub row: usize,
    pub why: &'static str,
    pub text: String,
}

/// A row that looks like data but cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    pub row: usize,
    pub column: String,
    pub value: String,
    pub reason: String,
}

/// What the rows of one sheet hold.
#[derive(Debug, Default)]
pub struct SheetRows {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
    pub bad: Vec<Bad>,
    /// Values of person rows under no header (a CSV row longer than its header, a note
    /// typed beside the table): the row is kept, the value is listed as ignored.
    pub unheaded: Vec<Bad>,
    /// Footnote texts (注：…), for the reference date.
    pub footnotes: Vec<String>,
    /// Rows below the header.
    pub read: usize,
    /// Team heading rows (`一、城关镇（9人）`) that named the unit of the rows below.
    pub headings: usize,
}

const TOTAL_WORDS: [&str; 4] = ["合计", "小计", "总计", "共计"];

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether the text opens a footnote (注：, 说明：, 备注：, 填表说明).
fn is_footnote(text: &str) -> bool {
    let t = squeeze(text);
    [
        "注:",
        "注：",
        "说明:",
        "说明：",
        "备注:",
        "备注：",
        "填表说明",
        "注1",
        "注 ",
    ]
    .iter()
    .any(|p| t.starts_with(p.trim()))
        || t.starts_with('注') && t.chars().count() > 3
}

/// Classifies the rows of a sheet below its header.
pub fn read(grid: &Grid, header: &Header) -> SheetRows {
    let mut out = SheetRows::default();
    let name_col = header
        .column(Field::Name)
        .expect("a roster header has 姓名");
    let unit_col = header.column(Field::Unit);
    let width = grid.width();
    let mut heading_unit: Option<String> = None;
    let mut csv_unit: Option<String> = None;
    let mut r = header.data_start();
    while r < grid.cells.len() {
        out.read += 1;
        let excel = r + 1;
        let texts: Vec<&str> = (0..width).filter_map(|c| grid.text(r, c)).collect();
        let first = texts.first().copied().unwrap_or("");
        if texts.is_empty() {
            out.skipped.push(Skipped {
                row: excel,
                why: "blank row",
                text: String::new(),
            });
            r += 1;
            continue;
        }
        if texts.iter().any(|t| {
            let s = squeeze(t);
            TOTAL_WORDS.iter().any(|w| s.starts_with(w))
        }) {
            out.skipped.push(Skipped {
                row: excel,
                why: "total row (合计/小计)",
                text: texts.join(" "),
            });
            r += 1;
            continue;
        }
        let name = grid.text(r, name_col);
        // A footnote may stand in the 姓名 column when that is the first one; a lone
        // text longer than any name is then still a footnote.
        let lone = texts.iter().all(|t| *t == first) && first.chars().count() > 6;
        if is_footnote(first) && (name != Some(first) || name.is_none() || lone) {
            out.footnotes.push(texts.join(" "));
            out.skipped.push(Skipped {
                row: excel,
                why: "footnote",
                text: texts.join(" "),
            });
            r += 1;
            continue;
        }
        // One text over the whole row, merged across it or written as a heading
        // (`一、平川区王家镇（10人）`): a team's heading, though the merge fills 姓名 too.
        let one_text = texts.iter().all(|t| *t == first);
        let merged_across = grid
            .merge_at(r, name_col)
            .is_some_and(|m| m.right > m.left && m.top == m.bottom);
        if name.is_some() && one_text && (merged_across || looks_like_heading(first)) {
            heading_unit = Some(team_heading(first));
            out.headings += 1;
            out.skipped.push(Skipped {
                row: excel,
                why: "team heading",
                text: first.to_string(),
            });
            r += 1;
            continue;
        }
        if name.map(super::header::field_of) == Some(Some(Field::Name)) {
            out.skipped.push(Skipped {
                row: excel,
                why: "header repeated",
                text: texts.join(" "),
            });
            r += 1;
            continue;
        }
        let Some(name) = name else {
            // One text over the row (often merged across it): a team's heading.
            let distinct: Vec<&str> = {
                let mut d = texts.clone();
                d.dedup();
                d
            };
            if distinct.len() == 1 {
                heading_unit = Some(team_heading(distinct[0]));
                out.headings += 1;
                out.skipped.push(Skipped {
                    row: excel,
                    why: "team heading",
                    text: distinct[0].to_string(),
                });
            } else {
                out.bad.push(Bad {
                    row: excel,
                    column: header.name(name_col).to_string(),
                    value: String::new(),
                    reason: format!("姓名 is empty in a row that has {}", texts.join(" ")),
                });
            }
            r += 1;
            continue;
        };
        // A person over two (or more) rows: the name merged down.
        let last = grid
            .merge_at(r, name_col)
            .filter(|m| m.top == r)
            .map_or(r, |m| m.bottom);
        let mut entry = Entry {
            rows: (r..=last).collect(),
            unit: None,
            values: BTreeMap::new(),
        };
        for (c, _, field) in &header.columns {
            let Some(field) = *field else { continue };
            let mut parts: Vec<String> = Vec::new();
            for row in r..=last {
                if let Some(t) = grid
                    .cell(row, *c)
                    .and_then(|cell| cell.get(field.is_date()))
                {
                    if !parts.iter().any(|p| p == t) {
                        parts.push(t.to_string());
                    }
                }
            }
            if parts.is_empty() {
                continue;
            }
            let sep = match field {
                Field::Resume | Field::Note => "\n",
                _ => "、",
            };
            entry.values.insert(fk(field), parts.join(sep));
        }
        let _ = name;
        if let Some(c) = header.column(Field::IdNumber) {
            match id_cell(grid, r..=last, c) {
                Ok(Some(id)) => {
                    entry.values.insert(fk(Field::IdNumber), id);
                }
                Ok(None) => {}
                Err((value, reason)) => {
                    out.bad.push(Bad {
                        row: excel,
                        column: header.name(c).to_string(),
                        value,
                        reason,
                    });
                    out.read += last - r;
                    r = last + 1;
                    continue;
                }
            }
        }
        entry.unit = match unit_col.and_then(|c| grid.text(r, c)) {
            Some(u) => {
                csv_unit = Some(u.to_string());
                Some(u.to_string())
            }
            None if grid.from_csv && unit_col.is_some() => csv_unit.clone(),
            None => heading_unit.clone(),
        };
        for row in r..=last {
            for c in 0..width {
                let Some(t) = grid.text(row, c) else { continue };
                if header.columns.iter().any(|(col, _, _)| *col == c) {
                    continue;
                }
                out.unheaded.push(Bad {
                    row: row + 1,
                    column: column_letters(c),
                    value: t.to_string(),
                    reason: format!("column {} has no header", column_letters(c)),
                });
            }
        }
        out.entries.push(entry);
        out.read += last - r;
        r = last + 1;
    }
    out
}

/// The 身份证号 of a person's rows as exact text (`x` written `X`), or the value and why
/// it cannot be trusted: a number cell beyond 2^53 (or a text in scientific notation, as
/// a CSV saved from such a cell has it) has lost its last digits, and reading it would
/// merge two people whose numbers differ only there.
fn id_cell(
    grid: &Grid,
    rows: std::ops::RangeInclusive<usize>,
    c: usize,
) -> Result<Option<String>, (String, String)> {
    let mut id: Option<String> = None;
    for r in rows {
        let Some(cell) = grid.cell(r, c) else {
            continue;
        };
        let Some(text) = cell.text.as_deref() else {
            continue;
        };
        let exponent = text.contains(['e', 'E']) && text.chars().any(|c| c.is_ascii_digit());
        if cell.imprecise || exponent {
            return Err((
                text.to_string(),
                format!(
                    "身份证号 {text} was stored as a number and has lost its last digits; format the column as text (文本) and type the numbers again"
                ),
            ));
        }
        let t: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == 'x' { 'X' } else { c })
            .collect();
        if id.is_none() {
            id = Some(t);
        }
    }
    Ok(id)
}

/// Whether a lone text reads as a team heading rather than a name: numbered (`一、`,
/// `2.`), counted (`（10人）`), or naming a unit (…镇, …乡, …街道, …县, …区, …市).
fn looks_like_heading(text: &str) -> bool {
    let t = squeeze(text);
    let numbered = t
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        && t.chars().take(4).any(|c| "、.．".contains(c));
    let counted = t.ends_with("人）") || t.ends_with("人)");
    let unit = team_heading(&t);
    let names_unit = unit.chars().count() >= 3
        && ["镇", "乡", "街道", "县", "区", "市", "旗", "苏木"]
            .iter()
            .any(|w| unit.ends_with(w));
    numbered || counted || names_unit
}

/// A column as a spreadsheet names it: 0 → `A`, 26 → `AA`.
fn column_letters(c: usize) -> String {
    let mut n = c + 1;
    let mut out = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The unit a team heading names: `一、城关镇（9人）` → `城关镇`.
fn team_heading(text: &str) -> String {
    let t = squeeze(text);
    let t = t.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十、.．".contains(c)
    });
    let t = t.split(['(', '（']).next().unwrap_or(t);
    t.trim_end_matches(['：', ':']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_footnotes() {
        assert_eq!(team_heading("一、城关镇（9人）"), "城关镇");
        assert_eq!(team_heading("2. 河口镇"), "河口镇");
        assert!(is_footnote("注：年龄计算截至2021年6月30日"));
        assert!(is_footnote("说明: 本表"));
        assert!(!is_footnote("张三"));
        assert!(looks_like_heading("一、平川区王家镇（10人）"));
        assert!(looks_like_heading("共和乡"));
        assert!(!looks_like_heading("张建国"));
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(11), "L");
        assert_eq!(column_letters(26), "AA");
    }
}
