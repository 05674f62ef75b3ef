//! A minimal CSV writer for the generated tables: UTF-8, `\n` line ends, a header row,
//! and RFC 4180 quoting of any field that holds `,`, `"`, CR or LF.
//!
//! The generator writes millions of rows in scale mode and must not depend on a CSV
//! crate, so this is the smallest writer that produces files every CSV reader accepts
//! (résumé fields carry embedded newlines and are quoted).

use anyhow::{Context, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Appends one field to `out`, quoting it when needed.
pub fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        for ch in field.chars() {
            if ch == '"' {
                out.push('"');
            }
            out.push(ch);
        }
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Appends one record (fields separated by `,`, ended by `\n`) to `out`.
pub fn push_record(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push('\n');
}

/// A CSV file being written; counts its data rows.
pub struct CsvFile {
    path: PathBuf,
    out: BufWriter<File>,
    line: String,
    rows: usize,
}

impl CsvFile {
    /// Creates (truncates) `path` and writes the header row.
    pub fn create(path: &Path, header: &[&str]) -> Result<CsvFile> {
        let file =
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut csv = CsvFile {
            path: path.to_path_buf(),
            out: BufWriter::with_capacity(1 << 20, file),
            line: String::with_capacity(256),
            rows: 0,
        };
        csv.write_line(header)?;
        Ok(csv)
    }

    fn write_line(&mut self, fields: &[&str]) -> Result<()> {
        self.line.clear();
        push_record(&mut self.line, fields);
        self.out
            .write_all(self.line.as_bytes())
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    /// Writes one data row.
    pub fn row(&mut self, fields: &[&str]) -> Result<()> {
        self.rows += 1;
        self.write_line(fields)
    }

    /// Appends bytes that already hold complete CSV records (`rows` of them).
    pub fn raw(&mut self, records: &[u8], rows: usize) -> Result<()> {
        self.rows += rows;
        self.out
            .write_all(records)
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    /// Flushes the file and returns the number of data rows written.
    pub fn finish(mut self) -> Result<usize> {
        self.out
            .flush()
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        Ok(self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        let mut s = String::new();
        push_record(&mut s, &["P0001", "a,b", "say \"hi\"", "line1\nline2", ""]);
        assert_eq!(s, "P0001,\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",\n");
    }

    #[test]
    fn file_counts_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut f = CsvFile::create(&path, &["a", "b"]).unwrap();
        f.row(&["1", "柳河镇"]).unwrap();
        f.raw(b"2,x\n3,y\n", 2).unwrap();
        assert_eq!(f.finish().unwrap(), 3);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "a,b\n1,柳河镇\n2,x\n3,y\n"
        );
    }
}
