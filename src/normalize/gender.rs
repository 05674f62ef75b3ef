//! Gender (性别) as cadre records write it: 男/女, 男性/女性, M/F, male/female, or the
//! GB/T 2261.1 code 1 (男性) / 2 (女性).
//!
//! Gender drives the women-cadre rules (GEN-001…GEN-004) and the retirement age used by
//! the age rules, so a row whose gender cannot be read is rejected rather than guessed.
//! That includes the GB/T 2261.1 codes 0 (未知的性别) and 9 (未说明的性别): they are
//! valid codes, but a slate check cannot use them, and the reason says so.

use crate::normalize::text::{code_digits, key, shown};

use std::fmt;

/// A person's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// Both genders, in display order.
    pub const ALL: [Gender; 2] = [Gender::Male, Gender::Female];

    /// The one-letter code written into normalised tables: `M` or `F`.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "M",
            Gender::Female => "F",
        }
    }

    /// The Chinese label of cadre forms: 男 or 女.
    pub fn label_zh(self) -> &'static str {
        match self {
            Gender::Male => "男",
            Gender::Female => "女",
        }
    }

    /// The English label: `male` or `female`.
    pub fn label_en(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    /// The GB/T 2261.1 code: 1 (男性) or 2 (女性).
    pub fn gb_code(self) -> u8 {
        match self {
            Gender::Male => 1,
            Gender::Female => 2,
        }
    }
}

impl fmt::Display for Gender {
    /// The Chinese label, as users wrote it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// Reads a gender as the data contract accepts it.
///
/// Accepts 男/女, 男性/女性, M/F, male/female (any case, full-width letters too) and the
/// GB/T 2261.1 codes 1/2 (a leading zero is tolerated: `01`). Rejects the codes 0 and 9
/// and the words 未知/未说明, which say the gender is not known, and anything else; the
/// error is the reason that `rejected.csv` shows.
pub fn parse(text: &str) -> Result<Gender, String> {
    let k = key(text);
    if text.trim().is_empty() {
        return Err("empty gender".into());
    }
    if let Some(digits) = code_digits(text) {
        return match digits.trim_start_matches('0') {
            "1" => Ok(Gender::Male),
            "2" => Ok(Gender::Female),
            "" => Err("gender code 0 means 未知的性别 (unknown): give 1 (男) or 2 (女)".into()),
            "9" => {
                Err("gender code 9 means 未说明的性别 (not stated): give 1 (男) or 2 (女)".into())
            }
            _ => Err(format!(
                "unknown gender code {}: expected 1 (男) or 2 (女)",
                shown(text)
            )),
        };
    }
    match k.as_str() {
        "男" | "男性" | "m" | "male" => Ok(Gender::Male),
        "女" | "女性" | "f" | "female" => Ok(Gender::Female),
        "未知" | "未知的性别" | "未说明" | "未说明的性别" | "unknown" => Err(
            format!("gender {} is not stated: give 男 or 女", shown(text)),
        ),
        _ => Err(format!(
            "unknown gender {}: expected 男/女, M/F or 1/2",
            shown(text)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_spelling() {
        for male in [
            "男",
            "男性",
            "M",
            "m",
            "male",
            "Male",
            "MALE",
            "1",
            "01",
            " 男 ",
            "Ｍ",
            "１",
            "\u{3000}男\u{3000}",
        ] {
            assert_eq!(parse(male), Ok(Gender::Male), "{male:?}");
        }
        for female in [
            "女", "女性", "F", "f", "female", "Female", "2", "02", "Ｆ", "２", "\t女\n",
        ] {
            assert_eq!(parse(female), Ok(Gender::Female), "{female:?}");
        }
    }

    #[test]
    fn codes_and_labels() {
        assert_eq!(Gender::Male.code(), "M");
        assert_eq!(Gender::Female.code(), "F");
        assert_eq!(Gender::Male.label_zh(), "男");
        assert_eq!(Gender::Female.label_zh(), "女");
        assert_eq!(Gender::Female.to_string(), "女");
        for g in Gender::ALL {
            assert_eq!(parse(g.code()), Ok(g));
            assert_eq!(parse(g.label_zh()), Ok(g));
            assert_eq!(parse(g.label_en()), Ok(g));
            assert_eq!(parse(&g.gb_code().to_string()), Ok(g));
        }
    }

    #[test]
    fn unknown_and_unstated_codes_are_rejected_with_their_meaning() {
        assert!(parse("0").unwrap_err().contains("未知的性别"));
        assert!(parse("9").unwrap_err().contains("未说明的性别"));
        assert!(parse("未知").unwrap_err().contains("not stated"));
        assert!(parse("未说明").unwrap_err().contains("not stated"));
    }

    #[test]
    fn rejections_say_why() {
        assert_eq!(parse(""), Err("empty gender".to_string()));
        assert_eq!(parse("   "), Err("empty gender".to_string()));
        assert_eq!(
            parse("X"),
            Err("unknown gender \"X\": expected 男/女, M/F or 1/2".to_string())
        );
        assert!(parse("3")
            .unwrap_err()
            .starts_with("unknown gender code \"3\""));
        for bad in ["-1", "1.0", "男女", "mf", "男 性别", "12", "ma le x"] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
        let long = "男".repeat(100);
        assert!(parse(&long).unwrap_err().contains('…'));
    }
}
