//! Political affiliation (政治面貌) as cadre records write it: 中共党员, 中共预备党员,
//! 共青团员, 群众, the eight democratic parties by full or short name (中国民主同盟,
//! 民盟, 民盟盟员, …), 无党派人士, or the two-digit GB/T 4762 code (`01` … `13`).
//!
//! The rules only ask one question of it: is the person a member of the Communist Party
//! of China, or 党外 (ETH-002, DEL-005)? A probationary member (预备党员) is a party
//! member; 共青团员 and 群众 are 党外. Each spelling still maps to a canonical Chinese
//! name so that normalised tables and structure reports show what the person is.

use crate::normalize::text::{code_digits, key, shown};

use std::fmt;

/// A political affiliation, as its place in the GB/T 4762 order: one byte per person,
/// its canonical name and whether it is CPC membership read from the standard's table
/// ([`Party::name`], [`Party::cpc`]). The name and the flag side by side took 24 bytes a
/// person, about 45 MB at 40,000 units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Party(u8);

/// Every affiliation with its canonical Chinese name (as cadre forms write it) and
/// whether it is CPC membership (full and probationary members; everyone else is 党外),
/// in the order of the GB/T 4762 codes 01–13.
const STANDARD: [(&str, bool); 13] = [
    ("中共党员", true),
    ("中共预备党员", true),
    ("共青团员", false),
    ("民革党员", false),
    ("民盟盟员", false),
    ("民建会员", false),
    ("民进会员", false),
    ("农工党党员", false),
    ("致公党党员", false),
    ("九三学社社员", false),
    ("台盟盟员", false),
    ("无党派人士", false),
    ("群众", false),
];

impl Party {
    /// Every affiliation, in the order of the GB/T 4762 codes 01–13.
    pub const ALL: [Party; 13] = {
        let mut all = [Party(0); 13];
        let mut i = 0;
        while i < all.len() {
            all[i] = Party(i as u8);
            i += 1;
        }
        all
    };

    /// Canonical Chinese name, as cadre forms write it (中共党员, 民盟盟员, 群众, …).
    pub fn name(&self) -> &'static str {
        STANDARD[usize::from(self.0)].0
    }

    /// True for full and probationary CPC members; false for everyone 党外.
    pub fn cpc(&self) -> bool {
        STANDARD[usize::from(self.0)].1
    }

    /// The GB/T 4762 code: 1 (中共党员) … 13 (群众).
    pub fn gb_code(&self) -> u8 {
        self.0 + 1
    }

    /// The group the rules count in: `CPC` or `党外`.
    pub fn group(&self) -> &'static str {
        group_label(self.cpc())
    }
}

impl fmt::Display for Party {
    /// The canonical Chinese name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The label of the group a person counts in: `CPC` for party members, `党外` for
/// everyone else.
pub fn group_label(cpc: bool) -> &'static str {
    if cpc {
        "CPC"
    } else {
        "党外"
    }
}

/// Whole spellings, by index into [`Party::ALL`] (lower case, no spaces).
const SPELLINGS: &[(usize, &[&str])] = &[
    (
        0,
        &[
            "中共党员",
            "党员",
            "中国共产党党员",
            "中国共产党员",
            "共产党员",
            "中共正式党员",
            "正式党员",
            "中共",
            "中国共产党",
            "cpc",
            "ccp",
            "cpcmember",
            "ccpmember",
            "communist",
            "communistpartyofchina",
            "chinesecommunistparty",
        ],
    ),
    (
        1,
        &[
            "中共预备党员",
            "预备党员",
            "中国共产党预备党员",
            "中共预备",
            "cpcprobationarymember",
            "probationarycpcmember",
        ],
    ),
    (
        2,
        &[
            "共青团员",
            "团员",
            "共青团",
            "共青团团员",
            "中国共产主义青年团团员",
            "中国共产主义青年团",
            "cyl",
            "cylmember",
            "communistyouthleague",
            "youthleaguemember",
        ],
    ),
    (
        11,
        &[
            "无党派人士",
            "无党派",
            "无党派民主人士",
            "无党派人员",
            "nonpartisan",
        ],
    ),
    (12, &["群众", "masses"]),
];

/// The eight democratic parties' names, full and short, by index into [`Party::ALL`].
/// Each may be followed by a member word from [`MEMBER_WORDS`].
const DEMOCRATIC_PARTIES: &[(usize, &[&str])] = &[
    (3, &["民革", "中国国民党革命委员会", "国民党革命委员会"]),
    (4, &["民盟", "中国民主同盟", "民主同盟"]),
    (5, &["民建", "中国民主建国会", "民主建国会"]),
    (6, &["民进", "中国民主促进会", "民主促进会"]),
    (7, &["农工党", "农工", "中国农工民主党", "农工民主党"]),
    (8, &["致公党", "致公", "中国致公党"]),
    (9, &["九三学社", "九三"]),
    (10, &["台盟", "台湾民主自治同盟"]),
];

/// What a member of a democratic party is called (民革党员, 民建会员, 民盟盟员, 九三学社社员).
const MEMBER_WORDS: [&str; 5] = ["党员", "会员", "盟员", "社员", "成员"];

/// Reads a political affiliation as the data contract accepts it.
///
/// Accepts the spellings above in any case and with full-width forms; a democratic
/// party may be written by its full or short name, alone or followed by any member
/// word (民盟, 中国民主同盟盟员, 农工党党员). A bare 无 is rejected: forms use it both for
/// 群众 and for 无党派人士, which count alike but are different statuses.
pub fn parse(text: &str) -> Result<Party, String> {
    let k = key(text);
    if text.trim().is_empty() {
        return Err("empty party".into());
    }
    if let Some(digits) = code_digits(text) {
        return match digits.parse::<usize>() {
            Ok(n @ 1..=13) if digits.len() == 2 => Ok(Party::ALL[n - 1]),
            _ => Err(format!(
                "unknown party code {}: GB/T 4762 codes are 01–13",
                shown(text)
            )),
        };
    }
    if k == "无" {
        return Err("party \"无\" is ambiguous: write 群众 or 无党派人士".into());
    }
    let whole = SPELLINGS
        .iter()
        .find(|(_, names)| names.contains(&k.as_str()));
    let democratic = || {
        let bare = MEMBER_WORDS
            .iter()
            .find_map(|w| k.strip_suffix(w))
            .filter(|rest| !rest.is_empty());
        DEMOCRATIC_PARTIES.iter().find(|(_, names)| {
            names.contains(&k.as_str()) || bare.is_some_and(|b| names.contains(&b))
        })
    };
    whole
        .or_else(democratic)
        .map(|&(i, _)| Party::ALL[i])
        .ok_or_else(|| {
            format!(
                "unknown party {}: expected 中共党员, 中共预备党员, 共青团员, 群众, a democratic party or 无党派人士",
                shown(text)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> &'static str {
        parse(text)
            .unwrap_or_else(|err| panic!("{text:?}: {err}"))
            .name()
    }

    #[test]
    fn cpc_members_full_and_probationary() {
        for s in [
            "中共党员",
            "党员",
            "中国共产党党员",
            "中国共产党员",
            "共产党员",
            "中共正式党员",
            "正式党员",
            "中共",
            "中国共产党",
            "CPC",
            "ccp",
            "ＣＰＣ",
            "CPC member",
            "CCP member",
            "Communist",
            "Communist Party of China",
            "Chinese Communist Party",
            " 中共党员 ",
            "01",
        ] {
            assert_eq!(parse(s), Ok(Party::ALL[0]), "{s:?}");
        }
        for s in [
            "中共预备党员",
            "预备党员",
            "中国共产党预备党员",
            "中共预备",
            "CPC probationary member",
            "probationary CPC member",
            "02",
        ] {
            assert_eq!(parse(s), Ok(Party::ALL[1]), "{s:?}");
        }
        assert!(parse("中共党员").unwrap().cpc());
        assert!(parse("中共预备党员").unwrap().cpc());
    }

    #[test]
    fn league_masses_and_non_party() {
        for s in [
            "共青团员",
            "团员",
            "共青团",
            "共青团团员",
            "中国共产主义青年团团员",
            "中国共产主义青年团",
            "CYL",
            "CYL member",
            "Communist Youth League",
            "youth league member",
            "03",
        ] {
            assert_eq!(name(s), "共青团员", "{s:?}");
        }
        for s in [
            "无党派人士",
            "无党派",
            "无党派民主人士",
            "无党派人员",
            "non-partisan",
            "12",
        ] {
            assert_eq!(name(s), "无党派人士", "{s:?}");
        }
        for s in ["群众", "masses", "13"] {
            assert_eq!(name(s), "群众", "{s:?}");
        }
        for s in ["共青团员", "无党派人士", "群众"] {
            assert!(!parse(s).unwrap().cpc(), "{s}");
        }
    }

    #[test]
    fn democratic_parties_by_full_and_short_name_with_any_member_word() {
        let cases: [(&str, &[&str]); 8] = [
            (
                "民革党员",
                &[
                    "中国国民党革命委员会",
                    "民革",
                    "民革党员",
                    "民革会员",
                    "中国国民党革命委员会会员",
                    "04",
                ],
            ),
            (
                "民盟盟员",
                &["中国民主同盟", "民盟", "民盟盟员", "中国民主同盟盟员", "05"],
            ),
            (
                "民建会员",
                &[
                    "中国民主建国会",
                    "民建",
                    "民建会员",
                    "中国民主建国会会员",
                    "06",
                ],
            ),
            (
                "民进会员",
                &[
                    "中国民主促进会",
                    "民进",
                    "民进会员",
                    "中国民主促进会会员",
                    "07",
                ],
            ),
            (
                "农工党党员",
                &[
                    "中国农工民主党",
                    "农工党",
                    "农工党党员",
                    "农工党员",
                    "中国农工民主党党员",
                    "08",
                ],
            ),
            (
                "致公党党员",
                &[
                    "中国致公党",
                    "致公党",
                    "致公党党员",
                    "致公党员",
                    "中国致公党党员",
                    "09",
                ],
            ),
            (
                "九三学社社员",
                &["九三学社", "九三学社社员", "九三社员", "10"],
            ),
            (
                "台盟盟员",
                &[
                    "台湾民主自治同盟",
                    "台盟",
                    "台盟盟员",
                    "台湾民主自治同盟盟员",
                    "11",
                ],
            ),
        ];
        for (canonical, spellings) in cases {
            for s in spellings {
                let party = parse(s).unwrap_or_else(|err| panic!("{s:?}: {err}"));
                assert_eq!(party.name(), canonical, "{s:?}");
                assert!(!party.cpc(), "{s:?}");
            }
        }
    }

    #[test]
    fn canonical_names_codes_and_groups() {
        for (i, party) in Party::ALL.iter().enumerate() {
            assert_eq!(parse(party.name()), Ok(*party));
            assert_eq!(party.gb_code() as usize, i + 1);
            assert_eq!(parse(&format!("{:02}", party.gb_code())), Ok(*party));
        }
        assert_eq!(Party::ALL.iter().filter(|p| p.cpc()).count(), 2);
        assert_eq!(group_label(true), "CPC");
        assert_eq!(group_label(false), "党外");
        assert_eq!(parse("民盟").unwrap().group(), "党外");
        assert_eq!(parse("党员").unwrap().group(), "CPC");
        assert_eq!(parse("九三").unwrap().to_string(), "九三学社社员");
    }

    #[test]
    fn rejections_say_why() {
        assert_eq!(parse(""), Err("empty party".to_string()));
        assert!(parse("无").unwrap_err().contains("ambiguous"));
        assert!(parse("14")
            .unwrap_err()
            .starts_with("unknown party code \"14\""));
        assert!(parse("1").unwrap_err().starts_with("unknown party code"));
        assert!(parse("00").unwrap_err().starts_with("unknown party code"));
        assert!(parse("国民党")
            .unwrap_err()
            .starts_with("unknown party \"国民党\""));
        for bad in [
            "会员",
            "社员",
            "盟员",
            "民主党派",
            "中共党员、民盟盟员",
            "x",
            "-01",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
