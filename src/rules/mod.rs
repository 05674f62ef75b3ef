//! The rule engine: the catalogue of rules (one rule, one file, its documentation next to
//! its code), their selection by code or prefix, and the run that turns a dataset into
//! findings.
//!
//! Rules are checked over whole tables with polars: [`context::Context`] builds one frame
//! of seats, one of team members and one of per-team figures (collected once), and each
//! rule filters or groups those frames. Only the breaches come back to Rust, where they
//! become [`Finding`]s with a message in the chosen language. Codes are those of
//! `rule-catalogue.md`; a code, once published, keeps its meaning.

pub mod codes;
pub mod config;
pub mod context;
pub mod docs;
pub mod election_context;
mod frame;

pub mod age;
pub mod del;
pub mod delel;
pub mod eadm;
pub mod elig;
pub mod eth;
pub mod exp;
pub mod gen;
pub mod post;
pub mod rot;
pub mod size;
pub mod spec;

use std::fmt;

pub use config::{Config, ConfigError, Preset};
pub use context::Context;

/// How serious a finding is (catalogue section 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Blocking; an override needs a recorded justification.
    Error,
    /// Must be explained in the personnel-plan notes.
    Warning,
    /// A hint about the quality of the slate.
    Advice,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Advice];

    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.code() == text)
    }

    /// The name a reader sees, the same in every output (terminal, sheets, charts, page):
    /// 错误/警告/建议 or Error/Warning/Advice.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("错误", "Error"),
            Severity::Warning => lang.pick("警告", "Warning"),
            Severity::Advice => lang.pick("建议", "Advice"),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a rule is evaluated over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    Person,
    Team,
    Aggregate,
    Cycle,
}

impl Scope {
    pub fn code(self) -> &'static str {
        match self {
            Scope::Person => "person",
            Scope::Team => "team",
            Scope::Aggregate => "aggregate",
            Scope::Cycle => "cycle",
        }
    }
}

/// Language of messages, labels and charts: the one `Lang` of banzi (the command line's
/// `--lang zh|en` parses straight into it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The Chinese or the English of a text (or of anything given in both languages).
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A threshold of a rule, with its default and what it means.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub default: f64,
    /// Allowed range (inclusive).
    pub min: f64,
    pub max: f64,
    pub doc: &'static str,
}

/// Everything about a rule that is not its code: the catalogue entry.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// The primary scope (the catalogue's first scope code): the scope of the rule's
    /// findings unless it declares more in `also`.
    pub scope: Scope,
    /// Further scopes some of its findings have (a multi-scope rule of the catalogue, e.g.
    /// ROT-006: a native principal is a person finding, a related pair a team finding).
    /// A finding can only be given a scope declared here or in `scope`.
    pub also: &'static [Scope],
    /// Default severity in the township (乡镇, 001) preset; `None` = not applied there.
    pub township: Option<Severity>,
    /// Default severity in the sub-district (街道, 004) preset; `None` = not applied.
    pub subdistrict: Option<Severity>,
    pub params: &'static [Param],
    /// Source line(s), e.g. `004:L25`.
    pub source: &'static str,
    /// Markdown with the fixed headings: what it checks, why it matters, source, example.
    pub doc: &'static str,
}

impl RuleMeta {
    /// Every scope the rule's findings may have, the primary first.
    pub fn scopes(&self) -> impl Iterator<Item = Scope> + '_ {
        std::iter::once(self.scope).chain(self.also.iter().copied())
    }

    /// The scopes as listed to a reader: `person`, or `person, team`.
    pub fn scope_list(&self) -> String {
        self.scopes()
            .map(Scope::code)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The declared parameter called `name`, if any. Rules do not call this at run time:
    /// they name a parameter with [`param!`](crate::param), which looks it up when the
    /// program is compiled.
    pub const fn find_param(&'static self, name: &str) -> Option<&'static Param> {
        let mut i = 0;
        while i < self.params.len() {
            if const_str_eq(self.params[i].name, name) {
                return Some(&self.params[i]);
            }
            i += 1;
        }
        None
    }
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A declared parameter of a rule, `param!(META, "min_share")`, found when the program is
/// compiled: a name the rule's `META.params` does not declare fails the build (there is
/// no run-time lookup that could fail). Its value in force is
/// [`RuleSettings::get`](config::RuleSettings::get).
///
/// ```
/// use banzi::rules::exp::exp_001::META;
/// assert_eq!(banzi::param!(META, "min_years").default, 2.0);
/// ```
///
/// ```compile_fail,E0080
/// use banzi::rules::exp::exp_001::META;
/// let p = banzi::param!(META, "min_yaers"); // misspelt: does not compile
/// ```
#[macro_export]
macro_rules! param {
    ($meta:expr, $name:literal) => {
        const {
            match $meta.find_param($name) {
                Some(p) => p,
                None => panic!(concat!("the rule declares no parameter ", $name)),
            }
        }
    };
}

/// One breach, as a row of `exceptions.csv`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub cycle: String,
    pub unit_id: String,
    pub rule: &'static str,
    pub person_id: String,
    pub severity: Severity,
    pub scope: Scope,
    pub observed: String,
    pub expected: String,
    pub message: String,
}

/// A rule of the catalogue.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// The breaches in `ctx`, with the rule's settings of `cfg`.
    fn check(
        &self,
        ctx: &Context,
        cfg: &config::RuleSettings,
        lang: Lang,
    ) -> anyhow::Result<Vec<Finding>>;

    /// The reading in force of a point the sources leave open (which rows the rule looks
    /// at, how a blank counts), in one sentence, for `rules explain`; `None` when the rule
    /// has no such setting.
    fn reading(&self, _cfg: &Config) -> Option<String> {
        None
    }
}

/// Whether `code` is selected by a `--select`/`--ignore` item (a code or a prefix such as
/// `AGE` or `AGE-00`).
pub fn matches_selector(code: &str, selector: &str) -> bool {
    let sel = selector.trim().to_ascii_uppercase();
    !sel.is_empty() && (code == sel || code.starts_with(&sel))
}

/// Applies `--select` then `--ignore` to the catalogue. An item that matches no rule is an
/// error (a typo must not silently select nothing).
pub fn select<'a>(
    rules: &'a [&'static dyn Rule],
    select: &[String],
    ignore: &[String],
) -> Result<Vec<&'a dyn Rule>, String> {
    for item in select.iter().chain(ignore) {
        if !rules.iter().any(|r| matches_selector(r.meta().code, item)) {
            return Err(format!("{item:?} matches no rule code (see `banzi rules`)"));
        }
    }
    Ok(rules
        .iter()
        .copied()
        .filter(|r| select.is_empty() || select.iter().any(|s| matches_selector(r.meta().code, s)))
        .filter(|r| !ignore.iter().any(|s| matches_selector(r.meta().code, s)))
        .collect())
}

/// Runs the selected rules and returns the findings sorted by cycle, unit, rule, person
/// (the contract's order), whatever the thread count.
pub fn run(
    ctx: &Context,
    rules: &[&dyn Rule],
    cfg: &Config,
    lang: Lang,
) -> anyhow::Result<Vec<Finding>> {
    // Rules are independent queries over the same frames, run one after another: each
    // is a polars query that already uses every core. Run side by side on rayon, a
    // worker waiting for polars' pool took up the next rule, so the rules nested and
    // every rule's intermediate frames were alive at once (at 40,000 units: 29 s and
    // 4.2 GB against 22 s and 3.5 GB one after another). The findings are sorted
    // afterwards, so the output does not depend on the order.
    let held = crate::pipeline::MemoryHeld::now();
    let found: Vec<anyhow::Result<Vec<Finding>>> = rules
        .iter()
        .filter_map(|rule| {
            let settings = cfg.settings(rule.meta());
            if !settings.enabled_anywhere() {
                return None;
            }
            let found = rule
                .check(ctx, &settings, lang)
                .map_err(|e| anyhow::anyhow!("rule {}: {e:#}", rule.meta().code));
            // What the rules' queries freed is handed back once it adds up: kept for
            // the allocator's second, the memory one rule freed and the memory the next
            // took were held at once (at 40,000 units the run's peak was in the rules,
            // 1.45–1.50 GB; with the hand-back the rules stay below the frames' peak).
            held.hand_back_if_grown();
            crate::bench::trace(rule.meta().code);
            Some(found)
        })
        .collect();
    let mut findings = Vec::new();
    for f in found {
        findings.append(&mut f?);
    }
    findings.sort();
    findings.dedup();
    Ok(findings)
}

/// The documentation of a rule with the thresholds in force, as `banzi rules explain`
/// prints it.
pub fn explain(rule: &dyn Rule, cfg: &Config) -> String {
    let m = rule.meta();
    let s = cfg.settings(m);
    let sev = |v: Option<Severity>| v.map_or("off".to_string(), |s| s.code().to_string());
    let mut out = format!("# {} {} ({})\n\n", m.code, m.name_zh, m.name_en);
    out.push_str(&format!(
        "scope: {}; severity: township (乡镇) {}, sub-district (街道) {}, county (县/区/市) {}; source: {}\n",
        m.scope_list(),
        sev(s.severity[Preset::Township as usize]),
        sev(s.severity[Preset::Subdistrict as usize]),
        sev(s.severity[Preset::County as usize]),
        m.source
    ));
    if cfg.choice == config::PresetChoice::Force(Preset::County) {
        out.push_str(if s.severity_for(Preset::County).is_some() {
            "preset county: runs this rule\n"
        } else {
            "preset county: does not run this rule\n"
        });
    }
    if let Some(r) = rule.reading(cfg) {
        out.push_str(&format!("reading in force: {r}\n"));
    }
    if !m.params.is_empty() {
        out.push_str("\nthresholds in force:\n");
        for p in m.params {
            out.push_str(&format!(
                "  {} = {} ({}; default {})\n",
                p.name,
                fmt_num(s.get(p)),
                p.doc,
                fmt_num(p.default)
            ));
        }
    }
    out.push('\n');
    out.push_str(m.doc.trim());
    out.push('\n');
    out
}

/// A number as people write it: `35`, `0.2`.
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `ceil(n × share)`, robust to floating-point noise (`5 × 0.2` is 1, not 2).
pub fn at_least(n: i64, share: f64) -> i64 {
    ((n as f64) * share - 1e-9).ceil().max(0.0) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_take_codes_and_prefixes() {
        assert!(matches_selector("AGE-001", "AGE"));
        assert!(matches_selector("AGE-001", "age-001"));
        assert!(matches_selector("ROT-002", "ROT-00"));
        assert!(!matches_selector("ROT-002", "ROT-001"));
        assert!(!matches_selector("AGE-001", ""));
    }

    #[test]
    fn at_least_rounds_up_fractions() {
        assert_eq!(at_least(7, 0.2), 2);
        assert_eq!(at_least(5, 0.2), 1);
        assert_eq!(at_least(10, 0.2), 2);
        assert_eq!(at_least(9, 2.0 / 3.0), 6);
        assert_eq!(at_least(10, 2.0 / 3.0), 7);
        assert_eq!(at_least(18, 0.05), 1);
        assert_eq!(at_least(0, 0.2), 0);
    }
}
