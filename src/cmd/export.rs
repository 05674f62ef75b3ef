//! `banzi export DATASET --out DIR [--pseudonymize KEY_FILE]`: the dataset in the
//! contract's format, for researchers; with a key, names and ids become keyed tokens.

use anyhow::Result;
use clap::Args as ClapArgs;
use std::path::PathBuf;

use banzi::pipeline::RunOptions;

use super::terminal::print_load_summary;

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Dataset: a folder of tables, or one workbook.
    pub dataset: PathBuf,
    /// Output folder (a dataset banzi can check).
    #[arg(long)]
    pub out: PathBuf,
    /// Replace names and ids by keyed tokens and drop what the rules do not need; the
    /// file's bytes are the key (keep it: the same key gives the same tokens).
    #[arg(long, value_name = "KEY_FILE")]
    pub pseudonymize: Option<PathBuf>,
    /// Where `rejected.csv` goes (kept out of the export: it holds original values).
    #[arg(long, default_value = "reports")]
    pub rejected_to: PathBuf,
}

pub fn run(a: &Args) -> Result<u8> {
    let key = a
        .pseudonymize
        .as_deref()
        .map(banzi::export::Pseudonymizer::from_key_file)
        .transpose()?;
    // Rejected rows carry original values: they stay in the local reports folder, never
    // in the export.
    let loaded = RunOptions {
        dataset: a.dataset.clone(),
        out: a.rejected_to.clone(),
        ..RunOptions::default()
    }
    .plan()?
    .load()?;
    let ds = &loaded.ds;
    print_load_summary(ds, &loaded.plan.rejected_path());
    banzi::export::export(ds, &a.out, key.as_ref())?;
    println!(
        "exported {} persons, {} seats{} to {}",
        ds.cadres.len(),
        ds.slate.len(),
        if key.is_some() {
            " (pseudonymised)"
        } else {
            ""
        },
        a.out.display()
    );
    Ok(0)
}
