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
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::text::{self, decode_text, first_line};
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
    /// The row number of each record, where records are not one per line from
    /// `first_row` on (a CSV whose ragged rows were taken out).
    pub rows: Option<Vec<usize>>,
    /// CSV rows left out because their number of fields is not the header's:
    /// `(row, fields)`, and the header's width.
    pub ragged: Vec<(usize, usize)>,
    pub width: usize,
}

impl RawTable {
    /// A table read with one record per row from `first_row` on.
    pub fn new(source: String, frame: DataFrame, first_row: usize) -> RawTable {
        RawTable {
            source,
            frame,
            first_row,
            notes: Vec::new(),
            rows: None,
            ragged: Vec::new(),
            width: 0,
        }
    }

    /// The row number users see for record `index` (0-based).
    pub fn row_number(&self, index: usize) -> usize {
        match &self.rows {
            Some(rows) => rows.get(index).copied().unwrap_or(0),
            None => self.first_row + index,
        }
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

/// Largest input file banzi reads, in MiB (default 1024; `BANZI_MAX_INPUT_MB` changes it,
/// up to 4096). A national dataset's largest table (careers) is a few hundred MB as CSV.
/// The tables hold row numbers as `u32`, which a file of at most 4 GiB cannot outgrow.
pub fn max_input_bytes() -> u64 {
    std::env::var("BANZI_MAX_INPUT_MB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(1024)
        .min(MAX_INPUT_MB)
        .saturating_mul(1 << 20)
}

/// The most `BANZI_MAX_INPUT_MB` may raise the limit to.
const MAX_INPUT_MB: u64 = 4096;

/// An I/O failure on `path`, as an error naming the file.
fn io_error(path: &Path) -> impl Fn(std::io::Error) -> LoadError + '_ {
    |e| LoadError::Io {
        file: path.display().to_string(),
        source: e,
    }
}

/// Reads a whole file, refusing files over [`max_input_bytes`] before reading them.
fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    bounded_len(path)?;
    std::fs::read(path).map_err(io_error(path))
}

/// The length of a file, or its refusal when it is over [`max_input_bytes`].
fn bounded_len(path: &Path) -> Result<u64, LoadError> {
    let len = std::fs::metadata(path).map_err(io_error(path))?.len();
    let max = max_input_bytes();
    if len > max {
        return Err(not_a_table(
            path,
            format!(
                "{} MB is over the input limit of {} MB (set BANZI_MAX_INPUT_MB to raise it)",
                len >> 20,
                max >> 20
            ),
        ));
    }
    Ok(len)
}

/// A CSV file's bytes: mapped from the file when it is large, else read.
///
/// Mapping hands the parser the page cache itself. Reading copied every byte into fresh
/// memory, and on this kind of machine the kernel's zeroing of that memory cost more than
/// the copy: at 40,000 units (667 MB of CSV) the read was 9% of the profile of loading
/// the cadres. Like polars' own readers of a path, this assumes no one rewrites the input
/// file while banzi reads it.
pub(super) enum FileBytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Mapped(m) => m,
            FileBytes::Owned(v) => v,
        }
    }
}

impl AsRef<[u8]> for FileBytes {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl FileBytes {
    /// Lets go of the pages of `range` that this process holds, once they are read: a
    /// mapped file's pages count towards the process's memory for as long as they stay
    /// mapped in, and a careers table read whole into them held 360 MB more at 40,000
    /// units. Read again, they come back from the page cache (or the file) as they were.
    fn release(&self, range: Range<usize>) {
        if let FileBytes::Mapped(map) = self {
            let end = range.end.min(map.len());
            if range.start < end {
                // SAFETY: the map is read only (shared, never written through), so no
                // change is lost; a page let go of is read again from the page cache or
                // the file when touched, and banzi's input files are not rewritten while
                // it reads them (see `map_bounded`). Every slice of the range is done
                // with before this is called. A failure only leaves the pages in place.
                let _ = unsafe {
                    map.unchecked_advise_range(
                        memmap2::UncheckedAdvice::DontNeed,
                        range.start,
                        end - range.start,
                    )
                };
            }
        }
    }
}

/// How many bytes of a mapped CSV are checked and scanned before they are let go of.
const SCAN_WINDOW: usize = 16 << 20;

/// One pass over a CSV's bytes, a window at a time, each window let go of once read: the
/// refusal of binary data (NUL bytes), whether the text is UTF-8 throughout, and, when it
/// is, the scan of its records.
fn check_and_scan(
    path: &Path,
    bytes: &FileBytes,
    every: usize,
    window: usize,
) -> Result<Option<text::RecordScan>, LoadError> {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let mut scanner = (!utf16 && !bom).then(|| text::RecordScanner::new(every));
    for window in text::line_windows(bytes, window) {
        let chunk = &bytes[window.clone()];
        if !utf16 && memchr::memchr(0, chunk).is_some() {
            return Err(not_a_table(path, "binary data (NUL bytes), not CSV text"));
        }
        if let Some(scan) = &mut scanner {
            if simdutf8::basic::from_utf8(chunk).is_ok() {
                scan.feed(bytes, window.clone());
            } else {
                scanner = None;
            }
        }
        bytes.release(window);
    }
    Ok(scanner.map(|s| s.finish(bytes.len())))
}

/// Files below this are read: mapping pays only for large ones (and cannot map an
/// empty file).
const MAP_FROM_BYTES: u64 = 1 << 20;

/// A file's bytes, mapped when large ([`FileBytes`]), refusing files over
/// [`max_input_bytes`] as [`read_bounded`] does.
fn map_bounded(path: &Path) -> Result<FileBytes, LoadError> {
    let read = || {
        std::fs::read(path)
            .map(FileBytes::Owned)
            .map_err(io_error(path))
    };
    if bounded_len(path)? < MAP_FROM_BYTES {
        return read();
    }
    let file = std::fs::File::open(path).map_err(io_error(path))?;
    // SAFETY: the map is read only and lives in `FileBytes`, which owns it; banzi does
    // not write its input files, and (as the type's docs say) a file rewritten by
    // another program during the read is outside what banzi can guard against.
    match unsafe { memmap2::Mmap::map(&file) } {
        Ok(map) => Ok(FileBytes::Mapped(map)),
        // A file system that cannot map (some network or special ones): read it.
        Err(_) => read(),
    }
}

/// Runs a polars reader, turning a panic inside it into an error about the file.
fn guarded<T>(path: &Path, read: impl FnOnce() -> Result<T, String>) -> Result<T, LoadError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)) {
        Ok(r) => r.map_err(|e| not_a_table(path, e)),
        Err(_) => Err(not_a_table(
            path,
            "the reader failed on this file's content",
        )),
    }
}

fn read_csv(path: &Path) -> Result<RawTable, LoadError> {
    match read_csv_pieces(path, usize::MAX)? {
        Table::Whole(Some(raw)) => Ok(raw),
        _ => unreachable!("a table asked for in one piece is read whole"),
    }
}

/// Records per piece when a large CSV table is read in pieces (`BANZI_CSV_BATCH_ROWS`
/// changes it, for tests).
pub fn batch_rows() -> usize {
    std::env::var("BANZI_CSV_BATCH_ROWS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1 << 19)
}

/// A table read whole, or a large CSV read a piece at a time.
pub enum Table {
    /// Read whole (taken by the first [`Table::next_piece`]).
    Whole(Option<RawTable>),
    Pieces(CsvPieces),
    Parquet(ParquetPieces),
}

impl Table {
    /// The next piece (the whole table, the first time, for a table read whole).
    pub fn next_piece(&mut self) -> Option<Result<RawTable, LoadError>> {
        match self {
            Table::Whole(raw) => raw.take().map(Ok),
            Table::Pieces(p) => p.next_piece(),
            Table::Parquet(p) => p.next_piece(),
        }
    }

    /// Records in all (for reserving room once).
    pub fn records(&self) -> usize {
        match self {
            Table::Whole(raw) => raw.as_ref().map_or(0, RawTable::height),
            Table::Pieces(p) => p.records,
            Table::Parquet(p) => p.records,
        }
    }
}

/// A UTF-8 CSV file cut at record boundaries into pieces of [`batch_rows`] records,
/// each parsed by polars only when asked for: the text of one piece at a time is in
/// memory as a frame, beside the file's bytes, instead of the whole table's. Row numbers
/// are those of the whole file.
pub struct CsvPieces {
    path: PathBuf,
    bytes: FileBytes,
    schema: SchemaRef,
    /// Byte range and index of the first record of each piece not read yet, in order.
    pieces: std::collections::VecDeque<(Range<usize>, usize)>,
    records: usize,
}

impl CsvPieces {
    fn next_piece(&mut self) -> Option<Result<RawTable, LoadError>> {
        let (range, first) = self.pieces.pop_front()?;
        let path = self.path.clone();
        let expected = self.pieces.front().map_or(self.records, |(_, next)| *next) - first;
        let piece = &self.bytes[range.clone()];
        let schema = self.schema.clone();
        let frame = guarded(&path, || {
            text_csv_options()
                .with_has_header(false)
                .with_schema(Some(schema))
                .into_reader_with_file_handle(Cursor::new(piece))
                .finish()
                .map_err(|e| first_line(&e.to_string()))
        });
        self.bytes.release(range);
        Some(frame.and_then(|frame| {
            if frame.height() != expected {
                return Err(not_a_table(
                    &path,
                    format!(
                        "records {}-{}: {} read where the file has {expected}",
                        first + 1,
                        first + expected,
                        frame.height()
                    ),
                ));
            }
            if self.pieces.is_empty() {
                self.bytes = FileBytes::Owned(Vec::new());
            }
            Ok(RawTable::new(path.display().to_string(), frame, 2 + first))
        }))
    }
}

/// Reads a CSV or other file as a [`Table`]: a UTF-8 CSV of more than `every` records
/// with no ragged rows, no blank lines between records and distinct header names is
/// cut into pieces; anything else is read whole.
pub fn read_pieces(path: &Path, format: Format) -> Result<Table, LoadError> {
    match format {
        Format::Csv => read_csv_pieces(path, batch_rows()),
        Format::Parquet => read_parquet_pieces(path, batch_rows()),
        _ => read_file(path, format).map(|raw| Table::Whole(Some(raw))),
    }
}

fn read_csv_pieces(path: &Path, every: usize) -> Result<Table, LoadError> {
    let bytes = map_bounded(path)?;
    // Plain UTF-8 is used as read (no copy); other encodings are decoded once.
    let (text, encoding, scan) = match check_and_scan(path, &bytes, every, SCAN_WINDOW)? {
        Some(scan) => (bytes, "UTF-8", scan),
        None => {
            let (text, encoding) = decode_text(&bytes).map_err(|r| not_a_table(path, r))?;
            drop(bytes);
            let scan = text::scan_records(text.as_bytes(), every);
            (FileBytes::Owned(text.into_bytes()), encoding, scan)
        }
    };
    let mut notes = Vec::new();
    if encoding != "UTF-8" {
        notes.push(format!("{}: read as {encoding}", path.display()));
    }
    let width = text::header_width(&text);
    if width > text::MAX_COLUMNS {
        return Err(not_a_table(
            path,
            format!(
                "the header has {width} columns (limit {}): not a table",
                text::MAX_COLUMNS
            ),
        ));
    }
    if !scan.ragged.is_empty() {
        return ragged_csv(path, &text, notes).map(|raw| Table::Whole(Some(raw)));
    }
    if !scan.cuts.is_empty() && !scan.blank_lines && notes.is_empty() {
        if let Some(names) = distinct_header(&text[..scan.data_start]) {
            let schema: Schema = names
                .iter()
                .map(|n| Field::new(n.as_str().into(), DataType::String))
                .collect();
            let mut starts = vec![scan.data_start];
            starts.extend(&scan.cuts);
            let mut pieces = std::collections::VecDeque::new();
            for (k, &from) in starts.iter().enumerate() {
                let to = starts.get(k + 1).copied().unwrap_or(text.len());
                pieces.push_back((from..to, k * every));
            }
            return Ok(Table::Pieces(CsvPieces {
                path: path.to_path_buf(),
                bytes: text,
                schema: Arc::new(schema),
                pieces,
                records: scan.records,
            }));
        }
    }
    let frame = guarded(path, || csv_frame(text))?;
    let mut raw = RawTable::new(path.display().to_string(), frame, 2);
    raw.notes = notes;
    Ok(Table::Whole(Some(raw)))
}

/// The names of a CSV header line when they are distinct and not blank (as polars
/// would name the columns); `None` otherwise.
fn distinct_header(line: &[u8]) -> Option<Vec<String>> {
    let text = std::str::from_utf8(line).ok()?;
    let (_, names) = text::csv_records(text).into_iter().next()?;
    let mut seen = std::collections::HashSet::new();
    names
        .iter()
        .all(|n| !n.trim().is_empty() && seen.insert(n.as_str()))
        .then_some(names)
}

/// A CSV with rows whose number of fields is not the header's: the other rows are read
/// (every field text, as [`csv_frame`] would), the ragged ones are listed for
/// rejection with their row numbers.
fn ragged_csv(path: &Path, bytes: &[u8], notes: Vec<String>) -> Result<RawTable, LoadError> {
    let content = std::str::from_utf8(bytes).map_err(|_| not_a_table(path, "not UTF-8 text"))?;
    let mut records = text::csv_records(content).into_iter();
    let Some((_, names)) = records.by_ref().find(|(_, f)| !f.is_empty()) else {
        return Err(not_a_table(path, "empty file: no header row"));
    };
    let names: Vec<String> = names
        .iter()
        .map(|n| n.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    let width = names.len();
    let mut columns: Vec<Vec<Option<String>>> = vec![Vec::new(); width];
    let mut rows = Vec::new();
    let mut ragged = Vec::new();
    for (line, fields) in records {
        if fields.is_empty() {
            continue;
        }
        if fields.len() != width {
            ragged.push((line, fields.len()));
            continue;
        }
        for (column, value) in columns.iter_mut().zip(fields) {
            column.push((!value.is_empty()).then_some(value));
        }
        rows.push(line);
    }
    let frame = text_frame(&names, columns).map_err(|e| not_a_table(path, e))?;
    let mut raw = RawTable::new(path.display().to_string(), frame, 2);
    raw.notes = notes;
    raw.rows = Some(rows);
    raw.ragged = ragged;
    raw.width = width;
    Ok(raw)
}

/// How banzi has polars parse CSV cells, whole or in pieces: an empty cell is null, and
/// a row of the wrong width is an error (the ragged rows were taken out before).
fn text_csv_options() -> CsvReadOptions {
    CsvReadOptions::default().map_parse_options(|p| {
        p.with_missing_is_null(true)
            .with_truncate_ragged_lines(false)
    })
}

/// Parses UTF-8 CSV bytes with every column as text.
pub fn csv_frame(bytes: impl AsRef<[u8]> + Send + Sync) -> Result<DataFrame, String> {
    if bytes.as_ref().iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file: no header row".into());
    }
    let frame = text_csv_options()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .with_raise_if_empty(true)
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
        .map_err(|e| first_line(&e.to_string()))?;
    all_text(frame).map_err(|e| first_line(&e.to_string()))
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
    bounded_len(path)?;
    let file = std::fs::File::open(path).map_err(io_error(path))?;
    let frame = guarded(path, || {
        ParquetReader::new(file)
            .finish()
            .and_then(all_text)
            .map_err(|e| first_line(&e.to_string()))
    })?;
    Ok(RawTable::new(path.display().to_string(), frame, 2))
}

/// A Parquet file of more than [`batch_rows`] rows read that many rows at a time, as
/// [`CsvPieces`] reads a CSV: polars decodes only the row groups of each piece, so the
/// text of one piece is in memory at a time instead of the whole table's.
pub struct ParquetPieces {
    path: PathBuf,
    metadata: Arc<polars::io::parquet::read::FileMetadata>,
    /// Index of the next piece's first row.
    next: usize,
    every: usize,
    records: usize,
}

impl ParquetPieces {
    fn next_piece(&mut self) -> Option<Result<RawTable, LoadError>> {
        if self.next >= self.records {
            return None;
        }
        let (first, len) = (self.next, self.every.min(self.records - self.next));
        self.next += len;
        let path = self.path.clone();
        let frame = std::fs::File::open(&path)
            .map_err(io_error(&path))
            .and_then(|file| {
                guarded(&path, || {
                    let mut reader = ParquetReader::new(file);
                    reader.set_metadata(self.metadata.clone());
                    reader
                        .with_slice(Some((first, len)))
                        .finish()
                        .and_then(all_text)
                        .map_err(|e| first_line(&e.to_string()))
                })
            });
        Some(frame.and_then(|frame| {
            if frame.height() != len {
                return Err(not_a_table(
                    &path,
                    format!(
                        "rows {}-{}: {} read where the file has {len}",
                        first + 1,
                        first + len,
                        frame.height()
                    ),
                ));
            }
            Ok(RawTable::new(path.display().to_string(), frame, 2 + first))
        }))
    }
}

/// A Parquet file as a [`Table`]: in pieces when it has more than `every` rows.
fn read_parquet_pieces(path: &Path, every: usize) -> Result<Table, LoadError> {
    bounded_len(path)?;
    let file = std::fs::File::open(path).map_err(io_error(path))?;
    let (records, metadata) = guarded(path, || {
        let mut reader = ParquetReader::new(file);
        let records = reader.num_rows().map_err(|e| first_line(&e.to_string()))?;
        let metadata = reader
            .get_metadata()
            .map_err(|e| first_line(&e.to_string()))?
            .clone();
        Ok((records, metadata))
    })?;
    if records <= every {
        return read_parquet(path).map(|raw| Table::Whole(Some(raw)));
    }
    Ok(Table::Parquet(ParquetPieces {
        path: path.to_path_buf(),
        metadata,
        next: 0,
        every,
        records,
    }))
}

/// JSON records: an array of objects (or one object per line). Keys become columns in
/// order of first appearance; scalars become text, `null` and missing keys empty.
fn read_json(path: &Path) -> Result<RawTable, LoadError> {
    let bytes = read_bounded(path)?;
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
    Ok(RawTable::new(path.display().to_string(), frame, 1))
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
/// sheet is its header; `is_date_column(sheet, header)` says which columns hold dates
/// (see [`text::read_workbook`]).
pub fn read_workbook(
    path: &Path,
    is_date_column: &dyn Fn(&str, &str) -> bool,
) -> Result<Vec<(String, RawTable)>, LoadError> {
    let bytes = read_bounded(path)?;
    let sheets = text::read_workbook(std::io::Cursor::new(bytes.as_slice()), is_date_column)
        .map_err(|e| not_a_table(path, e))?;
    let mut out = Vec::new();
    for sheet in sheets {
        let source = format!("{}[{}]", path.display(), sheet.name);
        let frame = text_frame(&sheet.names, sheet.columns).map_err(|e| LoadError::NotATable {
            file: source.clone(),
            reason: e,
        })?;
        out.push((sheet.name, RawTable::new(source, frame, sheet.first_row)));
    }
    Ok(out)
}

/// The files of a dataset folder, by table stem, sorted.
pub fn list_folder(dir: &Path) -> Result<Vec<(String, PathBuf, Format)>, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(io_error(dir))?;
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

    /// A `careers.csv` in `dir` large enough to be mapped, rows `P…,post(n)`: its path,
    /// text and number of records.
    fn large_csv(dir: &Path, post: impl Fn(usize) -> String) -> (PathBuf, String, usize) {
        let path = dir.join("careers.csv");
        let mut text = String::from("person_id,post\n");
        let mut n = 0;
        while (text.len() as u64) < 2 * MAP_FROM_BYTES {
            n += 1;
            text.push_str(&format!("P{n:07},{}\n", post(n)));
        }
        std::fs::write(&path, &text).unwrap();
        (path, text, n)
    }

    #[test]
    fn a_large_csv_is_mapped_and_reads_as_the_same_table() {
        let dir = tempfile::tempdir().unwrap();
        let (path, text, n) = large_csv(dir.path(), |n| format!("镇长 {n}"));
        let bytes = map_bounded(&path).unwrap();
        assert!(matches!(bytes, FileBytes::Mapped(_)));
        assert_eq!(&*bytes, text.as_bytes());
        let raw = read_file(&path, Format::Csv).unwrap();
        assert_eq!(raw.frame, csv_frame(text.into_bytes()).unwrap());
        assert_eq!(raw.frame.height(), n);
        // Below the threshold the file is read, with the same bytes.
        let small = dir.path().join("small.csv");
        std::fs::write(&small, "a\n1\n").unwrap();
        let bytes = map_bounded(&small).unwrap();
        assert!(matches!(bytes, FileBytes::Owned(_)));
        assert_eq!(&*bytes, b"a\n1\n");
    }

    #[test]
    fn a_mapped_csv_let_go_of_by_windows_and_pieces_reads_as_the_whole() {
        let dir = tempfile::tempdir().unwrap();
        // Every seventh post quoted, with a comma and a line break inside.
        let (path, text, _) = large_csv(dir.path(), |n| {
            if n % 7 == 0 {
                "\"镇长,\n兼书记\""
            } else {
                "镇长"
            }
            .to_string()
        });
        let bytes = map_bounded(&path).unwrap();
        assert!(matches!(bytes, FileBytes::Mapped(_)));
        // Scanned a small window at a time, each let go of: the scan of the whole, and
        // the bytes read again are the file's.
        let scan = check_and_scan(&path, &bytes, 1000, 4096).unwrap().unwrap();
        assert_eq!(scan, text::scan_records(text.as_bytes(), 1000));
        assert!(scan.cuts.len() > 10);
        assert_eq!(&*bytes, text.as_bytes());
        // Read in pieces, each let go of once parsed: the whole table, row for row.
        let Table::Pieces(mut pieces) = read_csv_pieces(&path, 1000).unwrap() else {
            panic!("a large UTF-8 CSV is read in pieces");
        };
        let mut frame: Option<DataFrame> = None;
        while let Some(piece) = pieces.next_piece() {
            let piece = piece.unwrap().frame;
            match &mut frame {
                Some(f) => {
                    f.vstack_mut(&piece).unwrap();
                }
                None => frame = Some(piece),
            }
        }
        assert_eq!(frame.unwrap(), csv_frame(text.into_bytes()).unwrap());
    }

    #[test]
    fn a_windowed_scan_still_refuses_a_late_nul_and_hands_other_encodings_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut text = "a,b\n".repeat(300_000).into_bytes();
        text.extend(b"x,\0\n");
        std::fs::write(&path, &text).unwrap();
        let bytes = map_bounded(&path).unwrap();
        assert!(matches!(bytes, FileBytes::Mapped(_)));
        let err = check_and_scan(&path, &bytes, 100, 4096).unwrap_err();
        assert!(err.to_string().contains("NUL"), "{err}");
        // GBK after the first window: not UTF-8 throughout, so no scan (decoded whole).
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,性别\n张三,男\n");
        let mut text = "a,b\n".repeat(300_000).into_bytes();
        text.extend(gbk.iter());
        std::fs::write(&path, &text).unwrap();
        let bytes = map_bounded(&path).unwrap();
        assert!(check_and_scan(&path, &bytes, 100, 4096).unwrap().is_none());
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
}
