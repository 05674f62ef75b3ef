//! Finding a roster's header row below its title, filing line and blank rows, joining a
//! two-row header (学历学位 over 全日制教育 / 在职教育), and naming each column.
//!
//! The header is the first row, among the first [`SEARCH_ROWS`], that has 姓名 and
//! 拟任职务 or 现任职务. It takes a second row when a header cell is merged down onto
//! it, or when a group (a cell merged across columns) stands over sub-headings; in a CSV,
//! when the row below has no name but fills cells under the header.

use super::grid::Grid;

/// How far down the header is looked for.
pub const SEARCH_ROWS: usize = 40;

/// The columns banzi reads from a roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Seq,
    Unit,
    Name,
    Gender,
    Ethnicity,
    Birth,
    NativePlace,
    PartyDate,
    WorkDate,
    Party,
    Education,
    EducationFullTime,
    EducationInService,
    Specialties,
    Staffing,
    CurrentPost,
    CurrentSince,
    SameRankSince,
    ProposedPost,
    Nomination,
    IdNumber,
    Resume,
    Note,
    Fulltime,
}

impl Field {
    /// Whether the column holds dates (so numeric cells are read as dates).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            Field::Birth
                | Field::PartyDate
                | Field::WorkDate
                | Field::CurrentSince
                | Field::SameRankSince
        )
    }
}

/// Headers as departments write them (after joining a two-row header with `/`).
const HEADERS: &[(&str, Field)] = &[
    ("序号", Field::Seq),
    ("编号", Field::Seq),
    ("单位", Field::Unit),
    ("乡镇", Field::Unit),
    ("乡镇(街道)", Field::Unit),
    ("乡镇街道", Field::Unit),
    ("单位名称", Field::Unit),
    ("所在单位", Field::Unit),
    ("姓名", Field::Name),
    ("性别", Field::Gender),
    ("民族", Field::Ethnicity),
    ("出生年月", Field::Birth),
    ("出生日期", Field::Birth),
    ("出生年月(岁)", Field::Birth),
    ("籍贯", Field::NativePlace),
    ("入党时间", Field::PartyDate),
    ("参加工作时间", Field::WorkDate),
    ("政治面貌", Field::Party),
    ("学历", Field::Education),
    ("学历学位", Field::Education),
    ("文化程度", Field::Education),
    ("学历学位/全日制教育", Field::EducationFullTime),
    ("全日制教育", Field::EducationFullTime),
    ("学历学位/在职教育", Field::EducationInService),
    ("在职教育", Field::EducationInService),
    ("熟悉领域", Field::Specialties),
    ("专业特长", Field::Specialties),
    ("身份", Field::Staffing),
    ("编制", Field::Staffing),
    ("人员来源", Field::Staffing),
    ("现任职务", Field::CurrentPost),
    ("现任职务(职级)", Field::CurrentPost),
    ("任现职时间", Field::CurrentSince),
    ("任现职务时间", Field::CurrentSince),
    ("任同级职务时间", Field::SameRankSince),
    ("拟任职务", Field::ProposedPost),
    ("拟任职位", Field::ProposedPost),
    ("拟提名职务", Field::ProposedPost),
    ("提名方式", Field::Nomination),
    ("提名类型", Field::Nomination),
    ("身份证号", Field::IdNumber),
    ("身份证号码", Field::IdNumber),
    ("公民身份号码", Field::IdNumber),
    ("简历", Field::Resume),
    ("个人简历", Field::Resume),
    ("工作简历", Field::Resume),
    ("备注", Field::Note),
    ("专职", Field::Fulltime),
    ("是否专职", Field::Fulltime),
];

/// A header cell's text as a key: no spaces or line breaks, full-width brackets narrowed.
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '／' => '/',
            other => other,
        })
        .collect()
}

/// The field a joined header names.
pub fn field_of(header: &str) -> Option<Field> {
    let k = key(header);
    HEADERS.iter().find(|(h, _)| *h == k).map(|&(_, f)| f)
}

/// The header of a sheet: its rows and what each column is.
#[derive(Debug, Clone)]
pub struct Header {
    /// The header's first row (0-based).
    pub row: usize,
    /// Rows the header takes (1 or 2).
    pub rows: usize,
    /// `(column, joined header text, field)` for every non-blank header column.
    pub columns: Vec<(usize, String, Option<Field>)>,
}

impl Header {
    /// The column of `field`, if the roster has it.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, _, f)| *f == Some(field))
            .map(|(c, _, _)| *c)
    }

    /// The header text of column `c`.
    pub fn name(&self, c: usize) -> &str {
        self.columns
            .iter()
            .find(|(col, _, _)| *col == c)
            .map_or("", |(_, h, _)| h.as_str())
    }

    /// The first data row (0-based).
    pub fn data_start(&self) -> usize {
        self.row + self.rows
    }
}

/// Whether row `r` reads as a roster header: 姓名 and 拟任职务 or 现任职务.
fn is_header_row(grid: &Grid, r: usize) -> bool {
    let fields: Vec<Field> = (0..grid.width())
        .filter_map(|c| grid.text(r, c))
        .filter_map(field_of)
        .collect();
    fields.contains(&Field::Name)
        && (fields.contains(&Field::ProposedPost) || fields.contains(&Field::CurrentPost))
}

/// Finds the header of a sheet, or `None` when the sheet is not a roster.
pub fn find(grid: &Grid) -> Option<Header> {
    let r = (0..grid.cells.len().min(SEARCH_ROWS)).find(|&r| is_header_row(grid, r))?;
    let width = grid.width();
    let below = r + 1;
    // A header cell merged down, or a group merged across with sub-headings below.
    let merged_two = grid.merges.iter().any(|m| {
        m.top == r && ((m.bottom > r) || (m.right > m.left && grid.text(below, m.left).is_some()))
    });
    let name_col = (0..width).find(|&c| grid.text(r, c).and_then(field_of) == Some(Field::Name));
    let csv_two = grid.from_csv
        && name_col.is_some_and(|c| grid.text(below, c).is_none())
        && (0..width).any(|c| grid.text(below, c).is_some())
        && (0..width).all(|c| {
            grid.text(below, c).is_none()
                || grid.text(r, c).is_none()
                || grid.text(below, c) == grid.text(r, c)
        });
    let rows = if merged_two || csv_two { 2 } else { 1 };
    let mut columns = Vec::new();
    let mut group: Option<String> = None;
    for c in 0..width {
        let top = grid.text(r, c).map(str::to_string);
        let sub = if rows == 2 {
            grid.text(below, c).map(str::to_string)
        } else {
            None
        };
        // In a CSV a group heading stands over its first sub-column only.
        let top = match (&top, &sub) {
            (Some(t), _) => {
                group = Some(t.clone());
                Some(t.clone())
            }
            (None, Some(_)) if grid.from_csv => group.clone(),
            _ => None,
        };
        let joined = match (top, sub) {
            (Some(t), Some(s)) if t != s => format!("{t}/{s}"),
            (Some(t), _) => t,
            (None, Some(s)) => s,
            (None, None) => continue,
        };
        let field = field_of(&joined).or_else(|| {
            // A group banzi does not know over a known sub-heading: the sub-heading.
            joined.rsplit('/').next().and_then(field_of)
        });
        columns.push((c, joined, field));
    }
    Some(Header {
        row: r,
        rows,
        columns,
    })
}
