//! `banzi rules` / `banzi rules --markdown` / `banzi rules explain CODE`: the catalogue (as
//! a table, or as the Markdown document shipped as `docs/rules.md`), and one rule's
//! documentation with the thresholds in force.

use anyhow::{bail, Result};
use clap::{Args as ClapArgs, Subcommand};

use banzi::rules::{self, Config, Preset, Severity};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Preset (`auto`, `township`, `subdistrict`, `county`) or a TOML file, for the thresholds shown.
    #[arg(long, global = true)]
    pub rules: Option<String>,
    /// Print the whole catalogue as Markdown (codes, names, scopes, severities,
    /// thresholds, sources and documentation), as shipped in `docs/rules.md`.
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Print a rule's documentation with the thresholds in force.
    Explain {
        /// Rule code, e.g. AGE-001.
        code: String,
    },
}

pub fn run(a: &Args) -> Result<u8> {
    let config = Config::from_arg(a.rules.as_deref())?;
    match &a.action {
        None if a.markdown => {
            print!("{}", rules::docs::markdown(rules::codes::RULES, &config));
            Ok(0)
        }
        None => {
            let sev = |s: Option<Severity>| s.map_or("-", |s| s.code());
            println!(
                "{:<9} {:<9} {:<9} {:<9} {:<13} {:<18} name",
                "code", "乡镇", "街道", "县区", "scope", "source"
            );
            for r in rules::codes::RULES {
                let m = r.meta();
                let st = config.settings(m);
                println!(
                    "{:<9} {:<9} {:<9} {:<9} {:<13} {:<18} {} ({})",
                    m.code,
                    sev(st.severity_for(Preset::Township)),
                    sev(st.severity_for(Preset::Subdistrict)),
                    sev(st.severity_for(Preset::County)),
                    m.scope_list(),
                    m.source,
                    m.name_zh,
                    m.name_en
                );
            }
            Ok(0)
        }
        Some(Action::Explain { .. }) if a.markdown => {
            bail!("--markdown prints the whole catalogue; `rules explain` prints one rule")
        }
        Some(Action::Explain { code }) => match rules::codes::rule(code) {
            Some(rule) => {
                print!("{}", rules::explain(rule, &config));
                Ok(0)
            }
            None => bail!("{code:?} is not a rule code (see `banzi rules`)"),
        },
    }
}
