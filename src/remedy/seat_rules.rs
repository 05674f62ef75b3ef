//! The person rules as they would judge someone on a seat they do not hold yet: a
//! candidate of `banzi find`, a newcomer of `banzi suggest`.
//!
//! The rule engine judges seats that are on the slate; a search over two thousand
//! candidates cannot put each of them on a copy of the slate and re-run it. So the
//! conditions of the person rules (ELIG-001, AGE-003/004/005, EXP-002, ROT-001/002/003,
//! ROT-006's native place) are restated here over a [`Fact`], with the thresholds and
//! severities of the configuration in force, read through the same [`Config`] (never
//! hard-coded). What a suggestion changes is then re-checked by the rules themselves
//! (`remedy::what_if`), so a divergence here would show as a failed re-check, not as a
//! wrong answer.

use crate::dataset::Dataset;
use crate::facts::Fact;
use crate::normalize::date::years_between;
use crate::normalize::gender::Gender;
use crate::normalize::role::{Body, Nomination, Role};
use crate::rules::config::{Config, Preset, RuleSettings};
use crate::rules::context::preset_of;
use crate::rules::{codes, Severity};

/// A seat someone might take.
#[derive(Debug, Clone, Copy)]
pub struct Seat {
    pub cycle: u32,
    pub unit: u32,
    pub role: Role,
    pub body: Body,
    pub nomination: Nomination,
}

/// The rules in force for a run: the selected codes with their settings under the
/// configuration, looked up once (a search asks them millions of times).
pub struct InForce<'a> {
    pub config: &'a Config,
    settings: Vec<(&'static str, RuleSettings)>,
}

impl<'a> InForce<'a> {
    pub fn new(config: &'a Config, selected: &[&'static str]) -> InForce<'a> {
        let settings = codes::RULES
            .iter()
            .map(|r| r.meta())
            .map(|m| {
                let mut s = config.settings(m);
                if !selected.contains(&m.code) {
                    s.severity = [None; 3];
                }
                (m.code, s)
            })
            .collect();
        InForce { config, settings }
    }

    fn settings(&self, code: &str) -> &RuleSettings {
        &self
            .settings
            .iter()
            .find(|(c, _)| *c == code)
            .expect("a rule of the catalogue")
            .1
    }

    /// The severity of `code` for a team of `unit`, `None` when it does not apply.
    pub fn severity(&self, ds: &Dataset, unit: u32, code: &str) -> Option<Severity> {
        self.settings(code).severity_for(self.preset(ds, unit))
    }

    pub fn preset(&self, ds: &Dataset, unit: u32) -> Preset {
        preset_of(ds.units.kind[unit as usize], self.config.choice)
    }

    /// The `min_share` of a share rule in force (AGE-001, EXP-001, AGE-002, GEN-001 …),
    /// for the models that treat those rules alike by code; a rule without one (none
    /// the models use: see the test) needs everyone.
    pub fn min_share(&self, code: &str) -> f64 {
        codes::rule(code)
            .and_then(|r| r.meta().find_param("min_share"))
            .map_or(1.0, |p| self.settings(code).get(p))
    }

    /// A threshold of a rule in force (see [`threshold!`], which names it checked at
    /// compile time).
    pub fn param(&self, code: &str, p: &crate::rules::Param) -> f64 {
        self.settings(code).get(p)
    }
}

/// The person-rule breaches `person` (with `fact` at that seat) would bring to `seat`,
/// with their severity, in code order.
pub fn breaches(
    ds: &Dataset,
    rules: &InForce,
    person: u32,
    fact: &Fact,
    seat: &Seat,
) -> Vec<(&'static str, Severity)> {
    let mut out = Vec::new();
    let sev = |code: &str| rules.severity(ds, seat.unit, code);
    let p = person as usize;
    let party_or_discipline = matches!(seat.body, Body::PartyCommittee | Body::Discipline);
    let g = &rules.config.global;
    let exact = years_between(
        ds.cadres.birth[p].to_naive(),
        ds.cycles.as_of[seat.cycle as usize],
    );
    let retire = if ds.cadres.gender[p] == Gender::Female {
        g.retirement_age_female
    } else {
        g.retirement_age_male
    };
    let years_left = retire - exact;
    let subdistrict = rules.preset(ds, seat.unit) == Preset::Subdistrict;
    let mut check = |code: &'static str, breached: &dyn Fn() -> bool| {
        if let Some(s) = sev(code) {
            if breached() {
                out.push((code, s));
            }
        }
    };
    check("AGE-003", &|| {
        seat.nomination == Nomination::Continued
            && party_or_discipline
            && f64::from(fact.age) >= threshold!(rules, age::age_003, "min_age")
    });
    check("AGE-004", &|| {
        matches!(
            seat.nomination,
            Nomination::Continued | Nomination::Transfer
        ) && party_or_discipline
            && years_left < threshold!(rules, age::age_004, "min_years")
    });
    check("AGE-005", &|| {
        seat.nomination == Nomination::New && party_or_discipline && years_left < g.term_years
    });
    check("ELIG-001", &|| ds.cadres.vetting_hold[p]);
    check("EXP-002", &|| {
        seat.role.is_principal(subdistrict) && !fact.subdistrict_experience
    });
    check("ROT-001", &|| {
        fact.years_in_team >= threshold!(rules, rot::rot_001, "min_years")
    });
    check("ROT-002", &|| {
        fact.years_in_post >= threshold!(rules, rot::rot_002, "min_years")
    });
    check("ROT-003", &|| {
        seat.role == Role::Secretary
            && fact.years_as_secretary >= threshold!(rules, rot::rot_003, "min_years")
    });
    check("ROT-006", &|| {
        matches!(seat.role, Role::Secretary | Role::Head)
            && ds.cadres.native_place[p]
                .as_deref()
                .is_some_and(|n| n.contains(ds.units.name[seat.unit as usize].as_str()))
    });
    out
}

/// Persons related by kinship to `person` (both directions of `relations`).
pub fn kin_of(ds: &Dataset, person: u32) -> Vec<u32> {
    let r = &ds.relations;
    let mut v: Vec<u32> = (0..r.person.len())
        .filter_map(|i| {
            if r.person[i] == person {
                Some(r.relative[i])
            } else if r.relative[i] == person {
                Some(r.person[i])
            } else {
                None
            }
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A threshold of a rule in force: `threshold!(rules, age_001, "max_age")`, the
/// parameter's name checked against the rule's META when the code compiles.
macro_rules! threshold {
    ($rules:expr, $family:ident :: $rule:ident, $name:literal) => {
        $rules.param(
            crate::rules::$family::$rule::META.code,
            crate::param!(crate::rules::$family::$rule::META, $name),
        )
    };
}
pub(crate) use threshold;

#[cfg(test)]
mod share_rules {
    use crate::rules::codes;

    /// The share rules the find and suggest models read `min_share` of, by code.
    #[test]
    fn every_share_rule_the_models_use_declares_min_share() {
        for code in ["AGE-001", "AGE-002", "EXP-001", "GEN-001"] {
            let meta = codes::rule(code).unwrap().meta();
            assert!(meta.find_param("min_share").is_some(), "{code}");
        }
    }
}
