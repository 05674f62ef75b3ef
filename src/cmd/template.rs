//! `banzi template --out 换届人选名册模板.xlsx`: an empty roster in the layout banzi reads,
//! with an instructions sheet and drop-down lists.

use anyhow::Result;
use clap::Args as ClapArgs;
use std::path::PathBuf;

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The workbook to write (e.g. 换届人选名册模板.xlsx).
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(a: &Args) -> Result<u8> {
    banzi::roster::write::template(&a.out).map_err(anyhow::Error::msg)?;
    println!("wrote the roster template {}", a.out.display());
    Ok(0)
}
