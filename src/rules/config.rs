//! Rule configuration: the presets (township 乡镇 from source 001, sub-district 街道 from
//! source 004, county 县/区/市 from seeds 000 and 001), and a TOML file that overrides any threshold, any rule's severity, and
//! turns rules off.
//!
//! As in cargo-deny, the file is first parsed as plain TOML, then validated into a typed
//! [`Config`]; every unknown key and bad value is collected, with its path in the file,
//! and all are reported at once. A rule's severity is a default per preset (from the
//! catalogue's modality) that the file can override.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use super::{codes, Param, RuleMeta, Severity};
use crate::normalize::role::Body;

/// The rule set applied to a team, chosen by the kind of its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Preset {
    /// 乡镇 teams (source 001, and the national rules).
    Township = 0,
    /// 街道 teams (source 004).
    Subdistrict = 1,
    /// 县/区/市 teams (seeds 000 and 001): the rules of [`COUNTY_RULES`], at their
    /// township severity. The township size and post rules (SIZE-005 …) do not fit them.
    County = 2,
}

impl Preset {
    pub fn code(self) -> &'static str {
        match self {
            Preset::Township => "township",
            Preset::Subdistrict => "subdistrict",
            Preset::County => "county",
        }
    }
}

/// How teams get their preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PresetChoice {
    /// 街道 units get `subdistrict`, 县/区/市 units `county`, every other unit
    /// `township`.
    #[default]
    Auto,
    /// Every team gets this preset.
    Force(Preset),
}

/// Settings the sources leave open (catalogue section 7.4), with documented defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Global {
    /// Whether 街道 service counts as 乡镇 work (EXP-001). Default: yes.
    pub subdistrict_counts_as_township: bool,
    /// Exit (retirement) age of men, used by AGE-004/005. Default 60.
    pub retirement_age_male: f64,
    /// Exit (retirement) age of women, used by AGE-004/005. Default 55 (科级 women under
    /// the retirement rules of the sources' era); set 60 where women leaders serve to 60.
    pub retirement_age_female: f64,
    /// Term length in years (001:L199 任期五年), used by AGE-005.
    pub term_years: f64,
    /// The slate bodies whose rows AGE-003/004/005 look at. Default 党委 and 纪委, the
    /// sources' 镇级党委、纪委班子成员 (001:L555); add 人大 or 政府 to cover a 人大主席 or a
    /// 副镇长 listed under those bodies alone.
    pub age_rule_bodies: Vec<Body>,
    /// Whether a 交流 (exchanged-in) seat counts as 平级转任 for AGE-004 and as a
    /// continuing nomination for AGE-003, or as 新提拔 for AGE-005 when the seat ranks
    /// above the person's previous post. Default yes: an exchange at the same rank is a
    /// lateral move (平级); with `false`, 交流 seats are outside the age rules.
    pub exchanged_as_lateral: bool,
    /// Whether ROT-006 kinship looks at plain members of the 纪委 too. Default yes: the
    /// avoidance rules aim at relatives in discipline posts under the same leader.
    pub kinship_includes_discipline_members: bool,
    /// Whether a blank `fulltime` is unknown (POST-003 reports "cannot be verified" as
    /// advice) rather than full-time. Default yes.
    pub blank_fulltime_unknown: bool,
    /// Whether EXP-006 counts the work history (a village leadership spell or a
    /// 大学生村官 spell before the reference date) besides `staffing`. Default yes: the
    /// sources name groups of people (优秀村干部, 大学生村官), not staffing categories.
    pub source_groups_from_history: bool,
}

/// The settings' names, for the configuration file's error messages.
pub const SETTINGS: &[&str] = &[
    "subdistrict_counts_as_township",
    "retirement_age_male",
    "retirement_age_female",
    "term_years",
    "age_rule_bodies",
    "exchanged_as_lateral",
    "kinship_includes_discipline_members",
    "blank_fulltime_unknown",
    "source_groups_from_history",
];

impl Default for Global {
    fn default() -> Self {
        Global {
            subdistrict_counts_as_township: true,
            retirement_age_male: 60.0,
            retirement_age_female: 55.0,
            term_years: 5.0,
            age_rule_bodies: vec![Body::PartyCommittee, Body::Discipline],
            exchanged_as_lateral: true,
            kinship_includes_discipline_members: true,
            blank_fulltime_unknown: true,
            source_groups_from_history: true,
        }
    }
}

/// A rule's settings after presets and overrides.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSettings {
    /// Severity per preset (`[township, subdistrict, county]`); `None` = off.
    pub severity: [Option<Severity>; 3],
    pub params: Vec<(&'static str, f64)>,
}

impl RuleSettings {
    /// The value in force of a parameter (from [`param!`](crate::param)): the file's
    /// override, else the default. A parameter these settings do not hold (one of
    /// another rule) has its default: there is no failing lookup.
    pub fn get(&self, p: &Param) -> f64 {
        self.params
            .iter()
            .find(|(n, _)| *n == p.name)
            .map_or(p.default, |(_, v)| *v)
    }

    pub fn enabled_anywhere(&self) -> bool {
        self.severity.iter().any(Option::is_some)
    }

    pub fn severity_for(&self, preset: Preset) -> Option<Severity> {
        self.severity[preset as usize]
    }
}

/// Overrides of one rule from the file.
#[derive(Debug, Clone, Default, PartialEq)]
struct RuleOverride {
    enabled: Option<bool>,
    severity: Option<Severity>,
    township: Option<Option<Severity>>,
    subdistrict: Option<Option<Severity>>,
    params: BTreeMap<String, f64>,
}

/// The typed configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub choice: PresetChoice,
    pub global: Global,
    overrides: BTreeMap<String, RuleOverride>,
}

/// The rules of the county preset (县/区/市 teams under `auto`, or every team with
/// `--rules county`; seeds 000 and 001):
/// those of the catalogue that apply to every team. The township size and post rules do
/// not fit a county team; SIZE-008 and POST-010 (人大常委会) are not implemented yet.
pub const COUNTY_RULES: &[&str] = &["AGE-007", "ELIG-001", "GEN-004", "ROT-005", "ROT-006"];

/// One problem in a configuration file: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

/// All problems of a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors {
    pub file: String,
    pub errors: Vec<ConfigError>,
}

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} problem(s) in the rule configuration:",
            self.file,
            self.errors.len()
        )?;
        for e in &self.errors {
            if e.path.is_empty() {
                writeln!(f, "  {}", e.message)?;
            } else {
                writeln!(f, "  {}: {}", e.path, e.message)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

impl Config {
    /// A preset by name: `auto`, `township`, `subdistrict`.
    pub fn preset(name: &str) -> Option<Config> {
        let choice = match name {
            "auto" => PresetChoice::Auto,
            "township" | "乡镇" => PresetChoice::Force(Preset::Township),
            "subdistrict" | "街道" => PresetChoice::Force(Preset::Subdistrict),
            "county" | "县" | "县区" => PresetChoice::Force(Preset::County),
            _ => return None,
        };
        Some(Config {
            choice,
            ..Config::default()
        })
    }

    /// `--rules` as given: a preset name or a TOML file.
    pub fn from_arg(arg: Option<&str>) -> Result<Config, ConfigErrors> {
        match arg {
            None => Ok(Config::default()),
            Some(a) => match Config::preset(a) {
                Some(c) => Ok(c),
                None => {
                    let path = Path::new(a);
                    let text = std::fs::read_to_string(path).map_err(|e| ConfigErrors {
                        file: a.to_string(),
                        errors: vec![ConfigError {
                            path: String::new(),
                            message: format!("not a preset (auto, township, subdistrict, county) and not a readable file: {e}"),
                        }],
                    })?;
                    Config::from_toml(&text, a)
                }
            },
        }
    }

    /// Parses and validates a TOML configuration, collecting every problem.
    pub fn from_toml(text: &str, file: &str) -> Result<Config, ConfigErrors> {
        let fail = |errors| ConfigErrors {
            file: file.to_string(),
            errors,
        };
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            fail(vec![ConfigError {
                path: String::new(),
                message: e.message().to_string(),
            }])
        })?;
        let mut errors = Vec::new();
        let mut cfg = Config::default();
        let mut err = |path: String, message: String| errors.push(ConfigError { path, message });
        for (key, value) in &table {
            match key.as_str() {
                "preset" => match value.as_str().and_then(Config::preset) {
                    Some(c) => {
                        cfg.choice = c.choice;
                    }
                    None => err(
                        "preset".into(),
                        format!(
                            "expected \"auto\", \"township\", \"subdistrict\" or \"county\", found {value}"
                        ),
                    ),
                },
                "settings" => match value.as_table() {
                    None => err("settings".into(), "expected a table".into()),
                    Some(t) => {
                        for (k, v) in t {
                            let path = format!("settings.{k}");
                            match k.as_str() {
                                "subdistrict_counts_as_township"
                                | "exchanged_as_lateral"
                                | "kinship_includes_discipline_members"
                                | "blank_fulltime_unknown"
                                | "source_groups_from_history" => match v.as_bool() {
                                    Some(b) => *cfg.global.flag(k) = b,
                                    None => err(path, format!("expected true or false, found {v}")),
                                },
                                "retirement_age_male" | "retirement_age_female" | "term_years" => {
                                    match number(v).filter(|x| (1.0..=100.0).contains(x)) {
                                        Some(x) => match k.as_str() {
                                            "retirement_age_male" => cfg.global.retirement_age_male = x,
                                            "retirement_age_female" => cfg.global.retirement_age_female = x,
                                            _ => cfg.global.term_years = x,
                                        },
                                        None => err(path, format!("expected a number of years between 1 and 100, found {v}")),
                                    }
                                }
                                "age_rule_bodies" => match bodies(v) {
                                    Ok(b) => cfg.global.age_rule_bodies = b,
                                    Err(e) => err(path, e),
                                },
                                _ => err(path, format!("unknown setting (known: {})", SETTINGS.join(", "))),
                            }
                        }
                    }
                },
                "rules" => match value.as_table() {
                    None => err("rules".into(), "expected a table of rule codes".into()),
                    Some(t) => {
                        for (code, v) in t {
                            let path = format!("rules.{code}");
                            let Some(meta) = codes::meta(code) else {
                                err(path, "unknown rule code (see `banzi rules`)".into());
                                continue;
                            };
                            let Some(t) = v.as_table() else {
                                err(path, "expected a table".into());
                                continue;
                            };
                            let mut o = RuleOverride::default();
                            for (k, v) in t {
                                let path = format!("rules.{code}.{k}");
                                match k.as_str() {
                                    "enabled" => match v.as_bool() {
                                        Some(b) => o.enabled = Some(b),
                                        None => err(path, format!("expected true or false, found {v}")),
                                    },
                                    "severity" => match v.as_str().and_then(Severity::parse) {
                                        Some(s) => o.severity = Some(s),
                                        None => err(path, format!("expected \"error\", \"warning\" or \"advice\", found {v}")),
                                    },
                                    "township" | "subdistrict" => {
                                        let parsed = match v.as_str() {
                                            Some("off") => Some(None),
                                            Some(s) => Severity::parse(s).map(Some),
                                            None => None,
                                        };
                                        match parsed {
                                            Some(s) if k == "township" => o.township = Some(s),
                                            Some(s) => o.subdistrict = Some(s),
                                            None => err(path, format!("expected \"error\", \"warning\", \"advice\" or \"off\", found {v}")),
                                        }
                                    }
                                    name => match meta.params.iter().find(|p| p.name == name) {
                                        None => {
                                            let known: Vec<&str> = meta.params.iter().map(|p| p.name).collect();
                                            err(path, format!(
                                                "unknown key (known: enabled, severity, township, subdistrict{}{})",
                                                if known.is_empty() { "" } else { ", " },
                                                known.join(", ")
                                            ))
                                        }
                                        Some(p) => match number(v) {
                                            Some(x) if x >= p.min && x <= p.max => {
                                                o.params.insert(name.to_string(), x);
                                            }
                                            _ => err(path, format!("expected a number from {} to {}, found {v}", super::fmt_num(p.min), super::fmt_num(p.max))),
                                        },
                                    },
                                }
                            }
                            cfg.overrides.insert(meta.code.to_string(), o);
                        }
                    }
                },
                _ => err(
                    key.clone(),
                    "unknown key (known: preset, settings, rules)".into(),
                ),
            }
        }
        if errors.is_empty() {
            Ok(cfg)
        } else {
            Err(fail(errors))
        }
    }

    /// The settings of a rule: preset defaults, then the file's overrides.
    pub fn settings(&self, meta: &RuleMeta) -> RuleSettings {
        let county = COUNTY_RULES
            .contains(&meta.code)
            .then_some(meta.township)
            .flatten();
        let mut severity = [meta.township, meta.subdistrict, county];
        let mut params: Vec<(&'static str, f64)> =
            meta.params.iter().map(|p| (p.name, p.default)).collect();
        if let Some(o) = self.overrides.get(meta.code) {
            if let Some(s) = o.severity {
                for slot in severity.iter_mut() {
                    // A severity override applies where the rule is applied; to apply a rule
                    // in a preset where it is off by default, name the preset.
                    if slot.is_some() {
                        *slot = Some(s);
                    }
                }
            }
            if let Some(s) = o.township {
                severity[Preset::Township as usize] = s;
            }
            if let Some(s) = o.subdistrict {
                severity[Preset::Subdistrict as usize] = s;
            }
            if o.enabled == Some(false) {
                severity = [None; 3];
            }
            for (name, value) in &o.params {
                if let Some(slot) = params.iter_mut().find(|(n, _)| n == name) {
                    slot.1 = *value;
                }
            }
        }
        RuleSettings { severity, params }
    }
}

impl Global {
    /// The boolean setting named `name` (one of the names in [`SETTINGS`]).
    fn flag(&mut self, name: &str) -> &mut bool {
        match name {
            "subdistrict_counts_as_township" => &mut self.subdistrict_counts_as_township,
            "exchanged_as_lateral" => &mut self.exchanged_as_lateral,
            "kinship_includes_discipline_members" => &mut self.kinship_includes_discipline_members,
            "blank_fulltime_unknown" => &mut self.blank_fulltime_unknown,
            "source_groups_from_history" => &mut self.source_groups_from_history,
            _ => unreachable!("not a boolean setting: {name}"),
        }
    }

    /// `age_rule_bodies` as people write it: `党委、纪委`.
    pub fn age_bodies_label(&self) -> String {
        self.age_rule_bodies
            .iter()
            .map(|b| b.label_zh())
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// A list of slate bodies (`["党委", "纪委", "人大"]`), none repeated, at least one.
fn bodies(v: &toml::Value) -> Result<Vec<Body>, String> {
    let expected =
        || format!("expected a list of bodies such as [\"党委\", \"纪委\", \"人大\"], found {v}");
    let items = v
        .as_array()
        .filter(|a| !a.is_empty())
        .ok_or_else(expected)?;
    let mut out = Vec::new();
    for item in items {
        let b = item.as_str().ok_or_else(expected).and_then(Body::parse)?;
        if !out.contains(&b) {
            out.push(b);
        }
    }
    Ok(out)
}

fn number(v: &toml::Value) -> Option<f64> {
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_change_thresholds_and_severity() {
        let cfg = Config::from_toml(
            "[rules.AGE-001]\nmin_share = 0.25\nsubdistrict = \"warning\"\n[rules.GEN-004]\nenabled = false\n",
            "t.toml",
        )
        .unwrap();
        let s = cfg.settings(codes::meta("AGE-001").unwrap());
        let meta = codes::meta("AGE-001").unwrap();
        assert_eq!(
            s.get(crate::param!(crate::rules::age::age_001::META, "min_share")),
            0.25
        );
        assert_eq!(s.get(&meta.params[0]), meta.params[0].default);
        assert_eq!(s.severity_for(Preset::Subdistrict), Some(Severity::Warning));
        assert!(!cfg
            .settings(codes::meta("GEN-004").unwrap())
            .enabled_anywhere());
    }

    #[test]
    fn all_problems_are_reported_with_their_paths() {
        let err = Config::from_toml(
            "preset = \"city\"\ncolour = 1\n[settings]\nretirement_age_male = \"sixty\"\n[rules.AGE-001]\nmin_share = 2\nfoo = 1\nseverity = \"fatal\"\n[rules.XYZ-001]\n",
            "bad.toml",
        )
        .unwrap_err();
        let paths: Vec<&str> = err.errors.iter().map(|e| e.path.as_str()).collect();
        for expected in [
            "preset",
            "colour",
            "settings.retirement_age_male",
            "rules.AGE-001.min_share",
            "rules.AGE-001.foo",
            "rules.AGE-001.severity",
            "rules.XYZ-001",
        ] {
            assert!(
                paths.contains(&expected),
                "{expected} missing from {paths:?}"
            );
        }
        assert!(err.to_string().starts_with("bad.toml: 7 problem(s)"));
    }

    #[test]
    fn readings_are_settings_with_the_sources_defaults() {
        let d = Global::default();
        assert_eq!(
            d.age_rule_bodies,
            vec![Body::PartyCommittee, Body::Discipline]
        );
        assert!(d.exchanged_as_lateral && d.kinship_includes_discipline_members);
        assert!(d.blank_fulltime_unknown && d.source_groups_from_history);
        let cfg = Config::from_toml(
            "[settings]\nage_rule_bodies = [\"党委\", \"纪委\", \"人大\"]\nexchanged_as_lateral = false\nkinship_includes_discipline_members = false\nblank_fulltime_unknown = false\nsource_groups_from_history = false\n",
            "t.toml",
        )
        .unwrap();
        let g = &cfg.global;
        assert_eq!(g.age_bodies_label(), "党委、纪委、人大");
        assert!(!g.exchanged_as_lateral && !g.kinship_includes_discipline_members);
        assert!(!g.blank_fulltime_unknown && !g.source_groups_from_history);
        let err = Config::from_toml(
            "[settings]\nage_rule_bodies = [\"党委\", \"村委\"]\nexchanged_as_lateral = 1\n",
            "bad.toml",
        )
        .unwrap_err();
        let paths: Vec<&str> = err.errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            ["settings.age_rule_bodies", "settings.exchanged_as_lateral"]
        );
        assert!(Config::from_toml("[settings]\nage_rule_bodies = []\n", "e.toml").is_err());
    }

    #[test]
    fn syntax_errors_are_one_problem() {
        let err = Config::from_toml("[rules\n", "x.toml").unwrap_err();
        assert_eq!(err.errors.len(), 1);
    }
}
