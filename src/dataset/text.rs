//! The parts of reading input that are plain text work, free of polars: decoding CSV
//! bytes (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030) and turning workbook
//! cells into text as the user typed them.
//!
//! Kept apart so that the fuzz targets (`tests/fuzz`) exercise exactly this code without
//! building polars, and so that a hostile file meets these functions first.

use std::io::{Read, Seek};
use std::ops::Range;

/// One sheet of a workbook as text columns.
pub struct Sheet {
    pub name: String,
    pub names: Vec<String>,
    pub columns: Vec<Vec<Option<String>>>,
    /// Row number (as a spreadsheet shows it) of the first data row.
    pub first_row: usize,
}

/// Largest workbook content (all sheets, uncompressed) banzi reads: 1 GiB. A workbook is
/// a zip archive; one whose sheets would inflate beyond this (a zip bomb) is refused
/// before anything is decompressed.
pub const MAX_WORKBOOK_INFLATED: u128 = 1 << 30;

/// Largest inflation ratio of a workbook (uncompressed / compressed). Real spreadsheets
/// compress 5–20×; a bomb, thousands of times.
pub const MAX_WORKBOOK_RATIO: u128 = 500;

/// Most columns a table may have. Contract tables have a dozen; a header of a million
/// columns is not a table.
pub const MAX_COLUMNS: usize = 10_000;

/// Refuses a zip archive (a workbook) that inflates past the limits. The sizes an
/// archive declares can lie, so every entry is inflated (into nothing) and counted, and
/// inflating stops as soon as the count passes the limit: a bomb costs at most the
/// limit's worth of work, whatever it declares.
pub fn check_zip<R: Read + Seek>(mut reader: R, compressed_len: u64) -> Result<(), String> {
    let mut magic = [0u8; 4];
    let starts_as_zip = reader.read_exact(&mut magic).is_ok() && magic == *b"PK\x03\x04";
    reader
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| e.to_string())?;
    let mut archive = match zip::ZipArchive::new(reader) {
        Ok(a) => a,
        // A zip's opening without its directory at the end: a copy cut short.
        Err(_) if starts_as_zip => return Err(DAMAGED_ZIP.into()),
        // Not a zip: calamine will say what it is (or is not).
        Err(_) => return Ok(()),
    };
    let by_ratio = MAX_WORKBOOK_RATIO
        .saturating_mul(u128::from(compressed_len.max(1)))
        .max(16 << 20);
    let limit = by_ratio.min(MAX_WORKBOOK_INFLATED);
    let mut total: u128 = 0;
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            // An entry zip cannot open (an unknown method): calamine reports it if it
            // needs it.
            Err(_) => continue,
        };
        let room = u64::try_from(limit - total).unwrap_or(u64::MAX);
        let n = std::io::copy(&mut (&mut entry).take(room + 1), &mut std::io::sink()).map_err(
            |e| {
                let e = first_line(&e.to_string());
                if e.contains("larger than its declared") {
                    "an entry of the workbook inflates past the size it declares: a zip bomb, not read"
                        .to_string()
                } else {
                    format!("the workbook's zip archive is damaged: {e}")
                }
            },
        )?;
        total += u128::from(n);
        if total > limit {
            return Err(if limit == MAX_WORKBOOK_INFLATED {
                format!(
                    "the workbook inflates past {} MB (the limit): not read",
                    MAX_WORKBOOK_INFLATED >> 20
                )
            } else {
                format!(
                    "the workbook inflates more than {MAX_WORKBOOK_RATIO}-fold (past {} MB from {} KB): a zip bomb, not read",
                    limit >> 20,
                    compressed_len >> 10
                )
            });
        }
    }
    Ok(())
}

/// The number of fields in the first line of CSV text (a bound: separators inside quotes
/// are counted too).
pub fn header_width(text: &[u8]) -> usize {
    let end = text.iter().position(|&b| b == b'\n').unwrap_or(text.len());
    text[..end].iter().filter(|&&b| b == b',').count() + 1
}

/// What one pass over CSV bytes found: the records whose number of fields differs from
/// the header's (quotes respected; blank lines are not records), so that a ragged row
/// becomes a rejected row instead of a refused file; and where to cut the data records
/// into pieces of `every` records (for [`super::source`]'s reading in pieces).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RecordScan {
    /// `(line, fields)` of each record whose number of fields is not the header's.
    pub ragged: Vec<(usize, usize)>,
    /// Byte offset of the first data record (just past the header's line end).
    pub data_start: usize,
    /// Byte offsets where record `every`, `2 × every`, … begin.
    pub cuts: Vec<usize>,
    /// Data records (the header and blank lines not counted).
    pub records: usize,
    /// Whether a blank line sits between records (a reader may count it or not, so
    /// such a file is not cut into pieces).
    pub blank_lines: bool,
}

/// Scans CSV bytes record by record (quotes respected): see [`RecordScan`].
///
/// A national careers table is a few hundred megabytes, so this pass must cost little
/// beside the parse: a line that starts outside quotes and has no `"` (nearly every line
/// of a real table) is taken whole, its fields counted by its commas; only a line with a
/// quote is walked byte by byte. Both give what a walk of every byte gives (a test
/// compares them on arbitrary text).
pub fn scan_records(bytes: &[u8], every: usize) -> RecordScan {
    let mut scan = RecordScanner::new(every);
    scan.feed(bytes, 0..bytes.len());
    scan.finish(bytes.len())
}

/// [`scan_records`] fed a window of whole lines at a time ([`line_windows`]), so that a
/// caller can let go of each window's pages once it is scanned.
pub struct RecordScanner(Scan);

impl RecordScanner {
    pub fn new(every: usize) -> RecordScanner {
        RecordScanner(Scan::new(every))
    }

    /// Scans `bytes[window]`: the windows fed must follow each other from offset 0 on,
    /// each ending just past a line end or at the end of `bytes`.
    pub fn feed(&mut self, bytes: &[u8], window: Range<usize>) {
        let scan = &mut self.0;
        let mut pos = window.start;
        let stop = window.end;
        while pos < stop {
            let end = memchr::memchr(b'\n', &bytes[pos..stop]).map_or(stop, |k| pos + k + 1);
            let line = &bytes[pos..end];
            if !scan.quoted && memchr::memchr(b'"', line).is_none() {
                scan.fields += line.iter().filter(|&&b| b == b',').count();
                scan.content = scan.fields > 1
                    || line
                        .iter()
                        .any(|&b| !matches!(b, b'\n' | b'\r' | b' ' | b'\t'));
                if line.last() == Some(&b'\n') {
                    scan.line_end(end);
                }
            } else {
                for (k, &b) in line.iter().enumerate() {
                    scan.byte(b, pos + k);
                }
            }
            pos = end;
        }
    }

    /// What the scan found, `len` being the length of the bytes fed.
    pub fn finish(self, len: usize) -> RecordScan {
        self.0.finish(len)
    }
}

/// `bytes` cut into windows of at least `size` bytes, each ending just past a line end
/// (`\n`, which is never part of a longer UTF-8 character) or at the end.
pub fn line_windows(bytes: &[u8], size: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= bytes.len() {
            return None;
        }
        let at = (from + size.max(1)).min(bytes.len());
        let to = memchr::memchr(b'\n', &bytes[at - 1..]).map_or(bytes.len(), |k| at + k);
        let window = from..to;
        from = to;
        Some(window)
    })
}

/// The state of [`scan_records`] between bytes.
struct Scan {
    out: RecordScan,
    every: usize,
    /// Fields of the header, once it is read.
    header: Option<usize>,
    /// Fields so far of the record being read, the line it is on, and the line it
    /// started on.
    fields: usize,
    line: usize,
    start: usize,
    quoted: bool,
    /// Whether the record has anything but blanks (blank lines are not records).
    content: bool,
}

impl Scan {
    fn new(every: usize) -> Scan {
        Scan {
            out: RecordScan::default(),
            every,
            header: None,
            fields: 1,
            line: 1,
            start: 1,
            quoted: false,
            content: false,
        }
    }

    /// One byte at offset `i`.
    fn byte(&mut self, b: u8, i: usize) {
        match b {
            b'"' => {
                self.quoted = !self.quoted;
                self.content = true;
            }
            b'\n' if self.quoted => self.line += 1,
            b'\n' => self.line_end(i + 1),
            b',' if !self.quoted => {
                self.fields += 1;
                self.content = true;
            }
            b'\r' | b' ' | b'\t' => {}
            _ => self.content = true,
        }
    }

    /// A line end outside quotes, the next record beginning at offset `next`.
    fn line_end(&mut self, next: usize) {
        self.line += 1;
        self.end_record(next, false);
        self.fields = 1;
        self.content = false;
        self.start = self.line;
    }

    fn end_record(&mut self, next: usize, last: bool) {
        let out = &mut self.out;
        if !self.content {
            if self.header.is_some() && !last {
                out.blank_lines = true;
            }
            return;
        }
        match self.header {
            None => {
                self.header = Some(self.fields);
                out.data_start = next;
                return;
            }
            Some(w) if w != self.fields => out.ragged.push((self.start, self.fields)),
            Some(_) => {}
        }
        out.records += 1;
        if out.records.is_multiple_of(self.every) && !last {
            out.cuts.push(next);
        }
    }

    fn finish(mut self, len: usize) -> RecordScan {
        self.end_record(len, true);
        // A cut at the very end starts no piece.
        if self.out.cuts.last() == Some(&len) {
            self.out.cuts.pop();
        }
        self.out
    }
}

/// Splits CSV text into records of fields (RFC 4180: `"` quotes, `""` inside quotes, a
/// quoted field may hold commas and line breaks). Each record comes with the line (1-based)
/// it starts on, which is the row number a spreadsheet shows when no field spans lines.
/// A line that is empty or only blanks is a record with no fields.
pub fn csv_records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut touched = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
                touched = true;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                touched = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if touched || !field.trim().is_empty() {
                    fields.push(std::mem::take(&mut field));
                }
                out.push((start, std::mem::take(&mut fields)));
                field.clear();
                touched = false;
                line += 1;
                start = line;
            }
            _ => field.push(c),
        }
    }
    if touched || !field.trim().is_empty() {
        fields.push(field);
        out.push((start, fields));
    } else if !fields.is_empty() {
        out.push((start, fields));
    }
    out
}

/// The first line of an error message (library errors can run long).
pub fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_string()
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

const DAMAGED_ZIP: &str = "the workbook is incomplete or damaged (it starts as an .xlsx but its zip directory is missing: a copy or download cut short?); open it in Excel or WPS and save it again";

/// A workbook that calamine cannot open, in banzi's words: its own messages
/// (`Cannot detect file format`) say what failed inside the library, not what the user
/// should do.
pub fn workbook_open_error(e: &calamine::Error) -> String {
    let message = first_line(&e.to_string());
    if message.contains("Cannot detect file format") {
        "not a workbook banzi can open: the content is none of .xlsx, .xls or .ods (a file renamed to .xlsx?); save it from Excel or WPS as .xlsx, or as CSV".into()
    } else {
        format!(
            "the workbook cannot be opened ({message}); save it again from Excel or WPS as .xlsx"
        )
    }
}

/// Reads every sheet of a workbook as text. The first non-empty row of a sheet is its
/// header. Columns for which `is_date_column(sheet, header)` holds get numeric cells
/// written as dates: an Excel date serial as `YYYY-MM-DD`, a number such as `1985.1` (how
/// Excel stores a typed `1985.10`) as `1985.10`.
pub fn read_workbook<R: Read + Seek + Clone>(
    reader: R,
    is_date_column: &dyn Fn(&str, &str) -> bool,
) -> Result<Vec<Sheet>, String> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let mut probe = reader.clone();
    let len = probe
        .seek(std::io::SeekFrom::End(0))
        .map_err(|e| e.to_string())?;
    probe
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| e.to_string())?;
    check_zip(probe, len)?;
    let mut book = open_workbook_auto_from_rs(reader).map_err(|e| workbook_open_error(&e))?;
    let mut out = Vec::new();
    for sheet in book.sheet_names() {
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| format!("sheet {sheet}: {}", first_line(&e.to_string())))?;
        let Some((row0, _)) = range.start() else {
            continue;
        };
        let mut rows = range.rows();
        let Some(header) = rows.next() else { continue };
        if header.len() > MAX_COLUMNS {
            return Err(format!(
                "sheet {sheet} has {} columns (limit {MAX_COLUMNS}): not a table",
                header.len()
            ));
        }
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
        let (names, columns) = drop_blank_columns(names, columns);
        out.push(Sheet {
            name: sheet.clone(),
            names,
            columns,
            first_row: row0 as usize + 2,
        });
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

/// The text of a workbook cell as the user typed it; numeric cells of a date column
/// (`date_column`) are written as dates.
pub fn cell_text(cell: &calamine::Data, date_column: bool) -> Option<String> {
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
            } else if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0 {
                // An exact integer (up to 2^53) without a trailing `.0`.
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

#[cfg(test)]
mod tests {

    /// The scan of every byte, as [`scan_records`] was first written: the reference its
    /// line-at-a-time reading must agree with.
    fn scan_every_byte(bytes: &[u8], every: usize) -> RecordScan {
        let mut scan = Scan::new(every);
        for (i, &b) in bytes.iter().enumerate() {
            scan.byte(b, i);
        }
        scan.finish(bytes.len())
    }

    proptest::proptest! {
        #[test]
        fn the_line_scan_agrees_with_the_byte_scan(
            text in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b',', b'"', b'\n', b'\r', b' ', b'\t', 0xE4]),
                0..200,
            ),
            every in 1usize..5,
        ) {
            proptest::prop_assert_eq!(scan_records(&text, every), scan_every_byte(&text, every));
        }

        #[test]
        fn a_scan_by_windows_agrees_with_the_whole_scan(
            text in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b',', b'"', b'\n', b'\r', b' ', 0xE4]),
                0..200,
            ),
            every in 1usize..5,
            size in 1usize..40,
        ) {
            let mut scan = RecordScanner::new(every);
            let mut next = 0;
            for window in line_windows(&text, size) {
                proptest::prop_assert_eq!(window.start, next);
                proptest::prop_assert!(window.len() >= size.min(text.len() - next));
                proptest::prop_assert!(window.end == text.len() || text[window.end - 1] == b'\n');
                next = window.end;
                scan.feed(&text, window);
            }
            proptest::prop_assert_eq!(next, text.len());
            proptest::prop_assert_eq!(scan.finish(text.len()), scan_records(&text, every));
        }
    }
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

    #[test]
    fn csv_records_keep_quotes_and_lines() {
        let recs = csv_records("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\r\nlast,");
        assert_eq!(recs[0], (1, vec!["a".to_string(), "b".to_string()]));
        assert_eq!(recs[1].1, vec!["x,1".to_string(), "say \"hi\"".to_string()]);
        assert_eq!(recs[2], (3, vec![]));
        assert_eq!(
            recs[3],
            (4, vec!["two\nlines".to_string(), "z".to_string()])
        );
        assert_eq!(recs[4], (6, vec!["last".to_string(), String::new()]));
        assert_eq!(recs.len(), 5);
    }
}
