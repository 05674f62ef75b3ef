//! `banzi resume-stats FILE.xlsx --column 履历`: how much of a column of résumé text the
//! parser reads.

use anyhow::Result;
use clap::Args as ClapArgs;
use std::path::PathBuf;

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Workbook holding résumé text.
    pub file: PathBuf,
    /// Column holding the résumé text.
    #[arg(long, default_value = "履历")]
    pub column: String,
}

pub fn run(a: &Args) -> Result<u8> {
    let texts = banzi::resume::measure::read_xlsx_column(&a.file, &a.column)?;
    println!("{}", banzi::resume::measure(texts.into_iter()));
    Ok(0)
}
