//! Reads one table file (CSV, Parquet, JSON records, or one sheet of a workbook) into a
//! [`RawTable`]: every column as text, with the row numbers a user would look up.
//!
//! Everything is read as text on purpose: a date typed `1985.03` must reach the date
//! parser as written, a person id `007` must keep its zeros, and a value that fails to
//! parse becomes a rejected row with its original text rather than a reader error.
//! CSV text may be UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030, which is
//! what Excel's "save as CSV" writes on a Chinese Windows.

use polars::prelude::*;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use super::LoadError;

/// A table as read from its file: column names as written (trimmed), all values text.
pub struct RawTable {
    /// Where it came from: the file, or `book.xlsx[sheet]`.
    pub source: String,
    /// All columns as `String`, nulls for empty cells.
    pub frame: DataFrame,
    /// Row number (as a spreadsheet shows it, header = the row before) of record 0.
    pub first_row: usize,
    /// Notes for the terminal (e.g. the encoding that was detected).
    pub notes: Vec<String>,
}

impl RawTable {
    /// The row number users see for record `index` (0-based).
    pub fn row_number(&self, index: usize) -> usize {
        self.first_row + index
    }

    pub fn height(&self) -> usize {
        self.frame.height()
    }
}

/// The file formats a dataset folder may hold, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Parquet,
    Json,
    Xlsx,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" => Some(Format::Csv),
            "parquet" | "pq" => Some(Format::Parquet),
            "json" => Some(Format::Json),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

fn not_a_table(path: &Path, reason: impl Into<String>) -> LoadError {
    LoadError::NotATable {
        file: path.display().to_string(),
        reason: reason.into(),
    }
}

/// Reads a CSV, Parquet or JSON file (workbooks go through [`read_workbook`]).
pub fn read_file(path: &Path, format: Format) -> Result<RawTable, LoadError> {
    match format {
        Format::Csv => read_csv(path),
        Format::Parquet => read_parquet(path),
        Format::Json => read_json(path),
        Format::Xlsx => Err(not_a_table(path, "a workbook holds several tables")),
    }
}

/// Decodes CSV bytes to UTF-8: BOM-marked UTF-8 or UTF-16, plain UTF-8, else GB18030
/// (a superset of GBK and GB2312). Returns the text and the encoding's name.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_owned(), "UTF-8 with BOM")),
            Err(e) => Err(format!(
                "marked UTF-8 but invalid at byte {}",
                e.valid_up_to() + 3
            )),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors {
            return Err("marked UTF-16 but holds invalid sequences".into());
        }
        return Ok((text.into_owned(), "UTF-16"));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), "UTF-8"));
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err("neither UTF-8 nor GBK/GB18030 text".into());
    }
    Ok((text.into_owned(), "GBK/GB18030"))
}

fn read_csv(path: &Path) -> Result<RawTable, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
        file: path.display().to_string(),
        source: e,
    })?;
    if bytes.contains(&0) && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
        return Err(not_a_table(path, "binary data (NUL bytes), not CSV text"));
    }
    let (text, encoding) = decode_text(&bytes).map_err(|r| not_a_table(path, r))?;
    drop(bytes);
    let mut notes = Vec::new();
    if encoding != "UTF-8" {
        notes.push(format!("{}: read as {encoding}", path.display()));
    }
    let frame = csv_frame(text.into_bytes()).map_err(|e| not_a_table(path, e))?;
    Ok(RawTable {
        source: path.display().to_string(),
        frame,
        first_row: 2,
        notes,
    })
}

/// Parses UTF-8 CSV bytes with every column as text.
pub fn csv_frame(bytes: Vec<u8>) -> Result<DataFrame, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file: no header row".into());
    }
    let frame = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .with_raise_if_empty(true)
        .map_parse_options(|p| {
            p.with_missing_is_null(true)
                .with_truncate_ragged_lines(false)
        })
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
        .map_err(|e| first_line(&e.to_string()))?;
    all_text(frame).map_err(|e| first_line(&e.to_string()))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_string()
}

/// Casts every column to `String` (Parquet and JSON may carry numbers, dates, booleans).
fn all_text(frame: DataFrame) -> PolarsResult<DataFrame> {
    let columns = frame
        .columns()
        .iter()
        .map(|c| {
            if c.dtype() == &DataType::String {
                Ok(c.clone())
            } else {
                c.cast(&DataType::String)
            }
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    DataFrame::new(frame.height(), columns)
}

fn read_parquet(path: &Path) -> Result<RawTable, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| LoadError::Io {
        file: path.display().to_string(),
        source: e,
    })?;
    let frame = ParquetReader::new(file)
        .finish()
        .and_then(all_text)
        .map_err(|e| not_a_table(path, first_line(&e.to_string())))?;
    Ok(RawTable {
        source: path.display().to_string(),
        frame,
        first_row: 2,
        notes: Vec::new(),
    })
}

/// JSON records: an array of objects (or one object per line). Keys become columns in
/// order of first appearance; scalars become text, `null` and missing keys empty.
fn read_json(path: &Path) -> Result<RawTable, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
        file: path.display().to_string(),
        source: e,
    })?;
    let (text, _) = decode_text(&bytes).map_err(|r| not_a_table(path, r))?;
    let records: Vec<serde_json::Value> = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Array(items)) => items,
        Ok(_) => return Err(not_a_table(path, "JSON is not an array of records")),
        Err(whole) => {
            // JSON lines: one record per non-empty line.
            let mut items = Vec::new();
            for (i, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let value = serde_json::from_str(line).map_err(|_| {
                    not_a_table(
                        path,
                        format!("not JSON ({whole}); line {} is not a record", i + 1),
                    )
                })?;
                items.push(value);
            }
            items
        }
    };
    let mut names: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (i, record) in records.iter().enumerate() {
        let serde_json::Value::Object(map) = record else {
            return Err(not_a_table(
                path,
                format!("record {} is not an object", i + 1),
            ));
        };
        for key in map.keys() {
            if !index.contains_key(key) {
                index.insert(key.clone(), names.len());
                names.push(key.clone());
            }
        }
    }
    let mut columns: Vec<Vec<Option<String>>> =
        vec![Vec::with_capacity(records.len()); names.len()];
    for record in &records {
        let serde_json::Value::Object(map) = record else {
            unreachable!("checked above")
        };
        for (name, column) in names.iter().zip(columns.iter_mut()) {
            column.push(match map.get(name) {
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(s)) => Some(s.clone()),
                Some(other) => Some(other.to_string()),
            });
        }
    }
    let frame = text_frame(&names, columns).map_err(|e| not_a_table(path, e))?;
    Ok(RawTable {
        source: path.display().to_string(),
        frame,
        first_row: 1,
        notes: Vec::new(),
    })
}

/// Builds an all-text frame from named columns of equal length.
pub fn text_frame(
    names: &[String],
    columns: Vec<Vec<Option<String>>>,
) -> Result<DataFrame, String> {
    let height = columns.first().map_or(0, Vec::len);
    let cols: Vec<Column> = names
        .iter()
        .zip(columns)
        .map(|(n, values)| Column::new(n.as_str().into(), values))
        .collect();
    DataFrame::new(height, cols).map_err(|e| first_line(&e.to_string()))
}

/// Reads every sheet of a workbook: `(sheet name, table)`. The first non-empty row of a
/// sheet is its header. `date_columns` names (after alias mapping) get numeric cells
/// written as dates: an Excel date serial as `YYYY-MM-DD`, a number such as `1985.1` (how
/// Excel stores a typed `1985.10`) as `1985.10`.
pub fn read_workbook(
    path: &Path,
    is_date_column: &dyn Fn(&str, &str) -> bool,
) -> Result<Vec<(String, RawTable)>, LoadError> {
    use calamine::{open_workbook_auto, Data, Reader};
    let mut book =
        open_workbook_auto(path).map_err(|e| not_a_table(path, first_line(&e.to_string())))?;
    let mut out = Vec::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).map_err(|e| {
            not_a_table(
                path,
                format!("sheet {sheet}: {}", first_line(&e.to_string())),
            )
        })?;
        let Some((row0, _)) = range.start() else {
            continue;
        };
        let mut rows = range.rows();
        let Some(header) = rows.next() else { continue };
        let names: Vec<String> = header
            .iter()
            .map(|c| cell_text(c, false).unwrap_or_default())
            .collect();
        let date_cols: Vec<bool> = names.iter().map(|n| is_date_column(&sheet, n)).collect();
        let mut columns: Vec<Vec<Option<String>>> = vec![Vec::new(); names.len()];
        for row in rows {
            for (j, column) in columns.iter_mut().enumerate() {
                let cell = row.get(j).unwrap_or(&Data::Empty);
                column.push(cell_text(cell, date_cols[j]));
            }
        }
        let source = format!("{}[{}]", path.display(), sheet);
        let (names, columns) = drop_blank_columns(names, columns);
        let frame = text_frame(&names, columns).map_err(|e| LoadError::NotATable {
            file: source.clone(),
            reason: e,
        })?;
        out.push((
            sheet.clone(),
            RawTable {
                source,
                frame,
                first_row: row0 as usize + 2,
                notes: Vec::new(),
            },
        ));
    }
    Ok(out)
}

/// Columns with neither a header nor any value (formatting left in a sheet) are dropped.
fn drop_blank_columns(
    names: Vec<String>,
    columns: Vec<Vec<Option<String>>>,
) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    names
        .into_iter()
        .zip(columns)
        .filter(|(n, c)| !n.trim().is_empty() || c.iter().any(Option::is_some))
        .enumerate()
        .map(|(i, (n, c))| {
            if n.trim().is_empty() {
                (format!("column_{}", i + 1), c)
            } else {
                (n, c)
            }
        })
        .unzip()
}

fn cell_text(cell: &calamine::Data, date_column: bool) -> Option<String> {
    use calamine::Data;
    let text = match cell {
        Data::Empty => return None,
        Data::String(s) => s.clone(),
        Data::Int(i) if date_column && (10_000..80_000).contains(i) => excel_serial_date(*i as f64),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if date_column && f.fract() != 0.0 && (1900.0..2101.0).contains(f) {
                format!("{f:.2}")
            } else if date_column && f.fract() == 0.0 && (10_000.0..80_000.0).contains(f) {
                excel_serial_date(*f)
            } else if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    };
    if text.trim().is_empty() {
        None
    } else {
        Some(text)
    }
}

/// An Excel serial day number (1900 system) as `YYYY-MM-DD`.
fn excel_serial_date(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
    match base.checked_add_days(chrono::Days::new(serial as u64)) {
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => serial.to_string(),
    }
}

/// The files of a dataset folder, by table stem, sorted.
pub fn list_folder(dir: &Path) -> Result<Vec<(String, PathBuf, Format)>, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Io {
        file: dir.display().to_string(),
        source: e,
    })?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let Some(format) = Format::of(&path) else {
            continue;
        };
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if stem.starts_with('.') || stem.starts_with("~$") {
            continue;
        }
        files.push((stem.to_string(), path, format));
    }
    files.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        assert_eq!(
            decode_text("姓名\n".as_bytes()).unwrap(),
            ("姓名\n".into(), "UTF-8")
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), "姓名".as_bytes()].concat();
        assert_eq!(decode_text(&bom).unwrap().1, "UTF-8 with BOM");
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,性别\n张三,男\n");
        assert_eq!(
            decode_text(&gbk).unwrap(),
            ("姓名,性别\n张三,男\n".into(), "GBK/GB18030")
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("姓名".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_text(&utf16).unwrap(), ("姓名".into(), "UTF-16"));
    }

    #[test]
    fn csv_keeps_text_as_written() {
        let df = csv_frame(b"person_id,birth_date\n007,1985.10\n008,\n".to_vec()).unwrap();
        let ids = df.column("person_id").unwrap().str().unwrap();
        assert_eq!(ids.get(0), Some("007"));
        let births = df.column("birth_date").unwrap().str().unwrap();
        assert_eq!(births.get(0), Some("1985.10"));
        assert_eq!(births.get(1), None);
    }

    #[test]
    fn excel_numbers_in_date_columns() {
        use calamine::Data;
        assert_eq!(
            cell_text(&Data::Float(1985.1), true).as_deref(),
            Some("1985.10")
        );
        assert_eq!(
            cell_text(&Data::Float(1985.1), false).as_deref(),
            Some("1985.1")
        );
        assert_eq!(
            cell_text(&Data::Float(198503.0), true).as_deref(),
            Some("198503")
        );
        assert_eq!(cell_text(&Data::Float(7.0), false).as_deref(), Some("7"));
        assert_eq!(excel_serial_date(31113.0), "1985-03-07");
    }
}
