//! The one catalogue of rule codes: every rule banzi implements, in code order. A code
//! appears here once; `banzi rules` lists this table and `--select`/`--ignore` match it.

use super::{age, elig, eth, exp, gen, post, rot, size, spec, Rule, RuleMeta};

/// All rules, sorted by code.
pub static RULES: &[&dyn Rule] = &[
    &age::age_001::Age001,
    &age::age_002::Age002,
    &age::age_003::Age003,
    &age::age_004::Age004,
    &age::age_005::Age005,
    &age::age_007::Age007,
    &elig::elig_001::Elig001,
    &eth::eth_001::Eth001,
    &exp::exp_001::Exp001,
    &exp::exp_002::Exp002,
    &exp::exp_006::Exp006,
    &gen::gen_001::Gen001,
    &gen::gen_002::Gen002,
    &gen::gen_003::Gen003,
    &gen::gen_004::Gen004,
    &post::post_001::Post001,
    &post::post_002::Post002,
    &post::post_003::Post003,
    &rot::rot_001::Rot001,
    &rot::rot_002::Rot002,
    &rot::rot_003::Rot003,
    &rot::rot_004::Rot004,
    &rot::rot_005::Rot005,
    &rot::rot_006::Rot006,
    &size::size_001::Size001,
    &size::size_002::Size002,
    &size::size_004::Size004,
    &size::size_005::Size005,
    &size::size_006::Size006,
    &spec::spec_001::Spec001,
    &spec::spec_002::Spec002,
];

/// The catalogue entry of a code.
pub fn meta(code: &str) -> Option<&'static RuleMeta> {
    let code = code.trim().to_ascii_uppercase();
    RULES.iter().map(|r| r.meta()).find(|m| m.code == code)
}

/// The rule of a code.
pub fn rule(code: &str) -> Option<&'static dyn Rule> {
    let code = code.trim().to_ascii_uppercase();
    RULES.iter().copied().find(|r| r.meta().code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes must be unique and in order");
    }

    #[test]
    fn every_rule_is_documented_with_the_fixed_headings() {
        for r in RULES {
            let m = r.meta();
            for heading in [
                "## What it checks",
                "## Why it matters",
                "## Source",
                "## Example",
            ] {
                assert!(m.doc.contains(heading), "{} lacks {heading:?}", m.code);
            }
            assert!(
                m.doc.contains(m.source.split(';').next().unwrap().trim()),
                "{} doc does not cite {}",
                m.code,
                m.source
            );
            assert!(
                m.township.is_some() || m.subdistrict.is_some(),
                "{} applies nowhere",
                m.code
            );
            assert!(!m.name_zh.is_empty() && !m.name_en.is_empty());
        }
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        let catalogue = include_str!("../../tests/data/rule-codes.txt");
        for r in RULES {
            assert!(
                catalogue.lines().any(|l| l.trim() == r.meta().code),
                "{} is not a catalogue code",
                r.meta().code
            );
        }
    }

    #[test]
    fn parameters_are_unique_in_range_and_documented() {
        for r in RULES {
            let m = r.meta();
            for (i, p) in m.params.iter().enumerate() {
                assert!(
                    m.params[..i].iter().all(|q| q.name != p.name),
                    "{} declares {} twice",
                    m.code,
                    p.name
                );
                assert!(
                    p.min <= p.default && p.default <= p.max,
                    "{} {}: default {} outside {}..={}",
                    m.code,
                    p.name,
                    p.default,
                    p.min,
                    p.max
                );
                assert!(!p.doc.is_empty(), "{} {} undocumented", m.code, p.name);
                // Each is found by name, as `param!` finds it when the rules compile.
                assert!(std::ptr::eq(m.find_param(p.name).unwrap(), p));
            }
            assert!(m.find_param("no_such_parameter").is_none());
            assert!(!m.also.contains(&m.scope), "{} repeats its scope", m.code);
        }
    }
}
