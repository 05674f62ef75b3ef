//! `banzi import-lrmx FILES_OR_FOLDER --out DIR`: cadre forms (任免审批表) into a dataset.

use anyhow::Result;
use clap::Args as ClapArgs;
use std::path::PathBuf;

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// .lrmx files, or folders searched recursively for them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder (the dataset; created if needed).
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(a: &Args) -> Result<u8> {
    print!("{}", banzi::lrmx::import(&a.inputs, &a.out)?);
    Ok(0)
}
