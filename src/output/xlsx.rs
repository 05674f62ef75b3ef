//! The one XLSX writer: workbooks with a fixed creation time (same input, same bytes),
//! frames written with text as text (a value starting with `=` is never a formula) and
//! numbers as numbers, a bold frozen header, and column widths that fit Chinese text.

use anyhow::{Context as _, Result};
use polars::prelude::*;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use std::path::Path;

/// A new workbook whose properties do not depend on the clock.
pub fn workbook() -> Result<Workbook> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    Ok(book)
}

/// Saves a workbook; an error names the file.
pub fn save(book: &mut Workbook, path: &Path) -> Result<()> {
    book.save(path)
        .with_context(|| format!("writing {}", path.display()))
}

/// Display width of text in a spreadsheet: CJK characters count double.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

/// Writes a frame into a worksheet: a header row of `label(column)` in `bold`, text cells
/// as strings, other cells as numbers (nulls left empty), the header frozen.
pub fn fill_sheet(
    sheet: &mut Worksheet,
    df: &DataFrame,
    bold: &Format,
    label: &dyn Fn(&str) -> String,
) -> Result<()> {
    for (j, c) in df.columns().iter().enumerate() {
        sheet.write_string_with_format(0, j as u16, label(c.name().as_str()), bold)?;
        if super::is_text(c.dtype()) {
            for (i, v) in super::texts_of(c)?.iter().enumerate() {
                sheet.write_string(i as u32 + 1, j as u16, v.unwrap_or(""))?;
            }
        } else {
            let f = c.cast(&DataType::Float64)?;
            for (i, v) in f.f64()?.iter().enumerate() {
                if let Some(v) = v {
                    sheet.write_number(i as u32 + 1, j as u16, v)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
