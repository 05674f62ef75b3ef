//! The one output layer: every file banzi writes for a person (exception lists, rejected
//! rows, structure and comparison tables, clean tables, exports, suggestions) goes
//! through [`csv`] or [`xlsx`], so the safety rules hold for all of them at once instead
//! of being remembered writer by writer.
//!
//! Personnel files are opened in Excel, and a cell that begins with `=`, `+`, `-`, `@`, a
//! tab or a carriage return is run there as a formula (CSV injection). So neutralisation
//! is not an option: [`neutralise`] is applied to every CSV cell, and XLSX cells that
//! hold input text are always written as strings. Workbooks carry a fixed creation time,
//! so the same input gives the same bytes.
//!
//! The generator's synthetic datasets (`banzi gen`) are input for banzi, not output for a
//! person, and keep their own plain writer.

pub mod csv;
pub mod xlsx;

use std::borrow::Cow;

/// Whether a column holds texts: a text column, or a categorical one (the rule frames
/// hold their columns of few distinct texts so), which is written as its texts.
pub fn is_text(dtype: &polars::prelude::DataType) -> bool {
    use polars::prelude::DataType;
    matches!(
        dtype,
        DataType::String | DataType::Categorical(..) | DataType::Enum(..)
    )
}

/// A column of texts (see [`is_text`]) as text.
pub fn texts_of(
    c: &polars::prelude::Column,
) -> polars::prelude::PolarsResult<polars::prelude::StringChunked> {
    Ok(c.cast(&polars::prelude::DataType::String)?.str()?.clone())
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as it may be written: text a spreadsheet would run as a formula gets a leading
/// `'`; numbers (`-3`, `+1.5`) stay as they are.
pub fn neutralise(value: &str) -> Cow<'_, str> {
    if value.starts_with(FORMULA_START) && !is_number(value) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// A plain decimal number (`-3`, `+1.5`, `2e3`): what a spreadsheet reads as a value, not
/// a formula. `inf` and `NaN` are not numbers here.
fn is_number(value: &str) -> bool {
    let v = value.trim();
    v.parse::<f64>().is_ok() && v.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("+cmd"), "'+cmd");
        assert_eq!(neutralise("-cmd"), "'-cmd");
        assert_eq!(neutralise("@cmd"), "'@cmd");
        assert_eq!(neutralise("\t=1+1"), "'\t=1+1");
        assert_eq!(neutralise("\r=1+1"), "'\r=1+1");
        assert_eq!(neutralise("-3"), "-3");
        assert_eq!(neutralise("+1.5"), "+1.5");
        assert_eq!(neutralise("柳河镇"), "柳河镇");
        assert_eq!(neutralise(""), "");
        assert_eq!(neutralise("-inf"), "'-inf");
    }
}
