//! The one CSV writer. Every cell passes through [`super::neutralise`] and is quoted when
//! it holds a separator, a quote or a line break, so a file banzi writes opens in Excel
//! as the text it holds, never as a formula.

use anyhow::{Context as _, Result};
use polars::prelude::*;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::neutralise;

/// A CSV field: neutralised, and quoted when needed.
pub fn field(value: &str) -> String {
    let neutral = neutralise(value);
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral.into_owned()
    }
}

/// A CSV file being written row by row, into a temporary file that [`Writer::finish`]
/// renames into place, so a failed run never leaves half a table under the real name.
pub struct Writer {
    out: BufWriter<File>,
    path: PathBuf,
    tmp: PathBuf,
}

impl Writer {
    /// Starts `path` (replaced when finished).
    pub fn create(path: &Path) -> Result<Writer> {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        let file = File::create(&tmp).with_context(|| format!("creating {}", path.display()))?;
        Ok(Writer {
            out: BufWriter::new(file),
            path: path.to_path_buf(),
            tmp,
        })
    }

    /// Writes one row; every cell is neutralised and quoted as needed.
    pub fn row<I, S>(&mut self, cells: I) -> Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let line: Vec<String> = cells.into_iter().map(|c| field(c.as_ref())).collect();
        writeln!(self.out, "{}", line.join(","))
            .with_context(|| format!("writing {}", self.path.display()))
    }

    /// Flushes the file and moves it into place; an error names it.
    pub fn finish(mut self) -> Result<()> {
        self.out
            .flush()
            .with_context(|| format!("writing {}", self.path.display()))?;
        std::fs::rename(&self.tmp, &self.path)
            .with_context(|| format!("writing {}", self.path.display()))
    }
}

/// Writes a frame as CSV with its header: text columns neutralised, numbers and dates as
/// polars formats them.
pub fn write_frame(df: &DataFrame, path: &Path) -> Result<()> {
    let mut df = neutralised(df)?;
    let mut file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    CsvWriter::new(&mut file)
        .include_header(true)
        .finish(&mut df)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("writing {}", path.display()))
}

/// A copy of `df` whose text columns are neutralised (the header is the program's own).
pub fn neutralised(df: &DataFrame) -> PolarsResult<DataFrame> {
    let mut df = df.clone();
    let names: Vec<PlSmallStr> = df
        .columns()
        .iter()
        .filter(|c| super::is_text(c.dtype()))
        .map(|c| c.name().clone())
        .collect();
    for name in names {
        let c = df.column(&name)?;
        let categorical = c.dtype() != &DataType::String;
        let ca = super::texts_of(c)?;
        if !ca.iter().flatten().any(|s| neutralise(s).len() != s.len()) {
            if categorical {
                // Written as its texts, as a text column is.
                df.replace(&name, ca.into_series().into())?;
            }
            continue;
        }
        let fixed: StringChunked = ca
            .iter()
            .map(|v| v.map(|s| neutralise(s).into_owned()))
            .collect();
        df.replace(&name, fixed.with_name(name.clone()).into_series().into())?;
    }
    Ok(df)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categorical_columns_are_written_as_neutralised_texts() {
        let df = DataFrame::new(
            2,
            vec![Column::new("c".into(), ["=1+1", "a"])
                .cast(&DataType::from_categories(Categories::global()))
                .unwrap()],
        )
        .unwrap();
        let out = neutralised(&df).unwrap();
        let c = out.column("c").unwrap();
        assert_eq!(c.dtype(), &DataType::String);
        let texts: Vec<_> = c.str().unwrap().iter().collect();
        assert_eq!(texts, [Some("'=1+1"), Some("a")]);
    }

    #[test]
    fn fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-3"), "-3");
        assert_eq!(field("@cmd"), "'@cmd");
        assert_eq!(field("王建国"), "王建国");
    }

    #[test]
    fn frames_are_written_neutralised() {
        let df = df!("unit" => ["=1+1", "柳河镇"], "n" => [1i64, -2]).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        write_frame(&df, &path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "unit,n\n'=1+1,1\n柳河镇,-2\n");
    }
}
