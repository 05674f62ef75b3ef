//! A roster sheet as a grid of cells, addressed as Excel addresses them, with merged
//! ranges filled from their top-left cell.
//!
//! A roster is laid out for the eye, not as a table: the title and the header groups are
//! merged across columns, 单位 is merged down a team's rows, and a person may take two
//! rows with their name merged over both. The reader takes the merged ranges the
//! workbook declares (calamine's `merge_cells_by_sheet_name`) and never guesses a merge
//! from blank cells: a blank is a blank unless the workbook says it is part of a merge.
//! A CSV has no merges; the reader of rows decides what its blanks mean.

use std::path::Path;

use crate::dataset::text::{self, cell_text};
use crate::dataset::LoadError;

/// One cell: the value as text, and the text it has when read as a date (an Excel date
/// serial or a number such as `1985.1`), which differs only for numeric cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: Option<String>,
    pub date: Option<String>,
    /// A number stored as a float beyond 2^53, whose last digits the workbook has
    /// already lost: a 身份证号 typed into a number cell (620102198003011231 is stored
    /// as 620102198003011200). Its text cannot be trusted as an identifier.
    pub imprecise: bool,
}

/// The largest integer a float holds exactly (2^53).
pub const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

impl Cell {
    fn plain(text: &str) -> Cell {
        let t = text.trim();
        let value = (!t.is_empty()).then(|| t.to_string());
        Cell {
            text: value.clone(),
            date: value,
            imprecise: false,
        }
    }

    /// The cell's text, read as a date when `date` is set.
    pub fn get(&self, date: bool) -> Option<&str> {
        if date {
            self.date.as_deref()
        } else {
            self.text.as_deref()
        }
    }
}

/// A merged range, 0-based and inclusive: rows `top..=bottom`, columns `left..=right`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

/// One sheet (or one CSV file).
#[derive(Debug, Clone)]
pub struct Grid {
    /// The sheet's name; for a CSV, the file stem.
    pub sheet: String,
    /// Where it came from, for messages: `名册.xlsx[城关镇]` or `名册.csv`.
    pub source: String,
    /// `cells[r][c]`: row `r` is Excel row `r + 1`.
    pub cells: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
    /// Whether blanks of the unit column may be filled down (a CSV cannot merge).
    pub from_csv: bool,
}

impl Grid {
    /// The cell at row `r`, column `c` (empty beyond the used range).
    pub fn cell(&self, r: usize, c: usize) -> Option<&Cell> {
        self.cells.get(r).and_then(|row| row.get(c))
    }

    pub fn text(&self, r: usize, c: usize) -> Option<&str> {
        self.cell(r, c).and_then(|cell| cell.text.as_deref())
    }

    pub fn width(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The merged range that covers (`r`, `c`), if any.
    pub fn merge_at(&self, r: usize, c: usize) -> Option<Merge> {
        self.merges
            .iter()
            .copied()
            .find(|m| (m.top..=m.bottom).contains(&r) && (m.left..=m.right).contains(&c))
    }

    /// Whether row `r` has no value at all.
    pub fn blank_row(&self, r: usize) -> bool {
        self.cells
            .get(r)
            .is_none_or(|row| row.iter().all(|c| c.text.is_none()))
    }

    /// Copies each merged range's top-left value into the rest of the range.
    fn fill_merges(&mut self) {
        for m in self.merges.clone() {
            let Some(value) = self.cell(m.top, m.left).cloned() else {
                continue;
            };
            for r in m.top..=m.bottom {
                for c in m.left..=m.right {
                    if let Some(cell) = self.cells.get_mut(r).and_then(|row| row.get_mut(c)) {
                        *cell = value.clone();
                    }
                }
            }
        }
    }
}

fn not_a_table(file: &str, reason: impl Into<String>) -> LoadError {
    LoadError::NotATable {
        file: file.to_string(),
        reason: reason.into(),
    }
}

/// Reads every sheet of a workbook as grids, with their merged ranges filled.
pub fn read_workbook(path: &Path) -> Result<Vec<Grid>, LoadError> {
    use calamine::{open_workbook_auto_from_rs, Reader, Sheets};
    let file = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| file.clone());
    let bytes = read_bounded(path)?;
    text::check_zip(std::io::Cursor::new(bytes.as_slice()), bytes.len() as u64)
        .map_err(|e| not_a_table(&file, e))?;
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes.as_slice()))
        .map_err(|e| not_a_table(&file, text::workbook_open_error(&e)))?;
    let mut grids = Vec::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).map_err(|e| {
            not_a_table(
                &file,
                format!("sheet {sheet}: {}", text::first_line(&e.to_string())),
            )
        })?;
        let merges: Vec<Merge> = match &mut book {
            Sheets::Xlsx(x) => x
                .merge_cells_by_sheet_name(&sheet)
                .map_err(|e| {
                    not_a_table(
                        &file,
                        format!("sheet {sheet}: {}", text::first_line(&e.to_string())),
                    )
                })?
                .into_iter()
                .map(|d| Merge {
                    top: d.start.0 as usize,
                    left: d.start.1 as usize,
                    bottom: d.end.0 as usize,
                    right: d.end.1 as usize,
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut cells: Vec<Vec<Cell>> = Vec::new();
        if let (Some((r0, c0)), Some((r1, c1))) = (range.start(), range.end()) {
            let (r0, c0, r1, c1) = (r0 as usize, c0 as usize, r1 as usize, c1 as usize);
            if c1 + 1 > text::MAX_COLUMNS {
                return Err(not_a_table(
                    &file,
                    format!(
                        "sheet {sheet} has {} columns (limit {}): not a roster",
                        c1 + 1,
                        text::MAX_COLUMNS
                    ),
                ));
            }
            cells = vec![vec![Cell::default(); c1 + 1]; r1 + 1];
            for (i, row) in range.rows().enumerate() {
                for (j, data) in row.iter().enumerate() {
                    cells[r0 + i][c0 + j] = Cell {
                        text: cell_text(data, false).map(|t| t.trim().to_string()),
                        date: cell_text(data, true).map(|t| t.trim().to_string()),
                        imprecise: matches!(data, calamine::Data::Float(f) if f.abs() > EXACT_INTEGER_LIMIT),
                    };
                }
            }
        }
        let mut grid = Grid {
            source: format!("{name}[{sheet}]"),
            sheet: sheet.clone(),
            cells,
            merges,
            from_csv: false,
        };
        grid.fill_merges();
        grids.push(grid);
    }
    Ok(grids)
}

/// Reads a CSV file (any encoding the loader reads) as one grid.
pub fn read_csv(path: &Path) -> Result<Grid, LoadError> {
    let file = path.display().to_string();
    let bytes = read_bounded(path)?;
    let (content, _) = text::decode_text(&bytes).map_err(|r| not_a_table(&file, r))?;
    let mut cells: Vec<Vec<Cell>> = Vec::new();
    for (line, fields) in text::csv_records(&content) {
        if fields.len() > text::MAX_COLUMNS {
            return Err(not_a_table(
                &file,
                format!("line {line} has {} fields: not a roster", fields.len()),
            ));
        }
        // A record spanning lines moves later records down; keep the line numbers.
        while cells.len() + 1 < line {
            cells.push(Vec::new());
        }
        cells.push(fields.iter().map(|f| Cell::plain(f)).collect());
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| file.clone());
    Ok(Grid {
        sheet: stem,
        source: name,
        cells,
        merges: Vec::new(),
        from_csv: true,
    })
}

/// Reads a file under the loader's size limit.
fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    let file = path.display().to_string();
    let io = |e| LoadError::Io {
        file: file.clone(),
        source: e,
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    let max = crate::dataset::source::max_input_bytes();
    if len > max {
        return Err(not_a_table(
            &file,
            format!(
                "{} MB is over the input limit of {} MB (set BANZI_MAX_INPUT_MB to raise it)",
                len >> 20,
                max >> 20
            ),
        ));
    }
    std::fs::read(path).map_err(io)
}
