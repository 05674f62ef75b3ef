//! Highest education (学历) as cadre records write it, reduced to the five levels the
//! structure reports count: 研究生, 大学, 大专, 中专, 高中及以下 (DIM-002).
//!
//! Forms mix 学历 and 学位 (本科 and 学士, 研究生 and 硕士), add the mode of study
//! (全日制, 在职, 函授, 中央党校 / 省委党校 …) and decorate the level (大学本科毕业,
//! 高中文化). The level is what counts, so those words are dropped; the mode of study
//! is not a separate dimension in the rules (SPEC-006 warns against weighing degree
//! structure over ability). An unfinished level (肄业, 结业) is rejected, because the
//! completed level below it cannot be read from the cell.

use crate::normalize::text::shown;

use std::fmt;

/// An education level. `Ord` follows declaration order, so sorting puts the highest
/// level first; use [`Education::rank`] or [`Education::at_least`] to compare levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Education {
    /// 研究生: master's or doctoral level.
    Postgraduate,
    /// 大学: university (本科, bachelor's level).
    University,
    /// 大专: junior college (专科, 高职).
    College,
    /// 中专: secondary vocational (中专, 中技, 职高, 技校).
    Secondary,
    /// 高中及以下: general senior high school or below.
    HighSchoolOrBelow,
}

impl Education {
    /// Every level, highest first.
    pub const ALL: [Education; 5] = [
        Education::Postgraduate,
        Education::University,
        Education::College,
        Education::Secondary,
        Education::HighSchoolOrBelow,
    ];

    /// The English code: `postgraduate`, `university`, `college`, `secondary`,
    /// `high_school_or_below`.
    pub fn code(self) -> &'static str {
        match self {
            Education::Postgraduate => "postgraduate",
            Education::University => "university",
            Education::College => "college",
            Education::Secondary => "secondary",
            Education::HighSchoolOrBelow => "high_school_or_below",
        }
    }

    /// The contract's Chinese label: 研究生, 大学, 大专, 中专, 高中及以下.
    pub fn label_zh(self) -> &'static str {
        match self {
            Education::Postgraduate => "研究生",
            Education::University => "大学",
            Education::College => "大专",
            Education::Secondary => "中专",
            Education::HighSchoolOrBelow => "高中及以下",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Education::Postgraduate => "postgraduate",
            Education::University => "university",
            Education::College => "junior college",
            Education::Secondary => "secondary vocational",
            Education::HighSchoolOrBelow => "high school or below",
        }
    }

    /// The level as a number that grows with education: 5 for 研究生 … 1 for 高中及以下.
    pub fn rank(self) -> u8 {
        match self {
            Education::Postgraduate => 5,
            Education::University => 4,
            Education::College => 3,
            Education::Secondary => 2,
            Education::HighSchoolOrBelow => 1,
        }
    }

    /// Whether this level is `other` or higher (大学 is at least 大专).
    pub fn at_least(self, other: Education) -> bool {
        self.rank() >= other.rank()
    }
}

impl fmt::Display for Education {
    /// The contract's Chinese label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// The spellings of each level once the mode of study and decorations are dropped
/// (lower case, no spaces or dots).
const SPELLINGS: &[(Education, &[&str])] = &[
    (
        Education::Postgraduate,
        &[
            "研究生",
            "硕士",
            "博士",
            "硕士研究生",
            "博士研究生",
            "博士后",
            "postgraduate",
            "graduate",
            "master",
            "masters",
            "msc",
            "mba",
            "mpa",
            "phd",
            "doctorate",
            "doctoral",
            "doctor",
        ],
    ),
    (
        Education::University,
        &[
            "大学",
            "本科",
            "大学本科",
            "大本",
            "学士",
            "university",
            "bachelor",
            "bachelors",
            "undergraduate",
        ],
    ),
    (
        Education::College,
        &[
            "大专",
            "专科",
            "大学专科",
            "高职",
            "高专",
            "高职高专",
            "college",
            "juniorcollege",
            "associate",
            "vocationalcollege",
        ],
    ),
    (
        Education::Secondary,
        &[
            "中专",
            "中技",
            "技校",
            "职高",
            "职业高中",
            "中职",
            "中等专科",
            "中等专业",
            "中等专业学校",
            "中等职业",
            "中等职业学校",
            "中师",
            "中等师范",
            "secondary",
            "secondaryvocational",
            "vocationalsecondary",
            "technicalsecondary",
        ],
    ),
    (
        Education::HighSchoolOrBelow,
        &[
            "高中及以下",
            "高中",
            "普高",
            "普通高中",
            "中学",
            "初中",
            "初中及以下",
            "小学",
            "小学及以下",
            "highschoolorbelow",
            "highschool",
            "seniorhighschool",
            "juniorhighschool",
            "middleschool",
            "primaryschool",
            "primary",
            "elementary",
        ],
    ),
];

/// Where and how the level was studied: dropped from the front, in any combination.
const MODE_PREFIXES: [&str; 17] = [
    "中央党校",
    "省委党校",
    "区委党校",
    "市委党校",
    "州委党校",
    "县委党校",
    "党校",
    "全日制",
    "在职",
    "函授",
    "自学考试",
    "自考",
    "成人",
    "电大",
    "网络",
    "夜大",
    "业余",
];

/// Decorations after the level (大学本科毕业, 高中文化, 硕士学位, master's degree).
const DECORATION_SUFFIXES: [&str; 8] = [
    "文化程度",
    "学历",
    "毕业",
    "文化",
    "程度",
    "学位",
    "教育",
    "degree",
];

/// Reads an education level as the data contract accepts it.
///
/// Accepts the five labels, their synonyms (本科 = 大学, 硕士/博士 = 研究生, 专科/高职 =
/// 大专, 中技/职高/技校 = 中专, 初中/小学 = 高中及以下), the English names in any case,
/// and these with a mode of study before them or a decoration after them: 省委党校研究生,
/// 在职大学, 大学本科毕业, 高中文化. 肄业 and 结业 are rejected, since the completed level
/// is then unknown.
pub fn parse(text: &str) -> Result<Education, String> {
    let k = key_edu(text);
    if text.trim().is_empty() {
        return Err("empty education".into());
    }
    if k.contains("肄业") || k.contains("结业") {
        return Err(format!(
            "education {} was not completed: give the highest completed level",
            shown(text)
        ));
    }
    let mut level = k.as_str();
    while let Some(rest) = MODE_PREFIXES.iter().find_map(|p| level.strip_prefix(p)) {
        level = rest;
    }
    while let Some(rest) = DECORATION_SUFFIXES
        .iter()
        .find_map(|s| level.strip_suffix(s))
    {
        level = rest;
    }
    SPELLINGS
        .iter()
        .find(|(_, names)| names.contains(&level))
        .map(|&(education, _)| education)
        .ok_or_else(|| {
            format!(
                "unknown education {}: expected 研究生, 大学, 大专, 中专 or 高中及以下",
                shown(text)
            )
        })
}

/// The education cell as compared: [`key`], also dropping `.` (so `Ph.D.` and
/// `master's` compare as `phd` and `masters`).
fn key_edu(text: &str) -> String {
    crate::normalize::text::key_dropping(text, &['.'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(text: &str) -> Education {
        parse(text).unwrap_or_else(|err| panic!("{text:?}: {err}"))
    }

    #[test]
    fn every_listed_spelling_maps_to_its_level() {
        for &(education, names) in SPELLINGS {
            for name in names {
                assert_eq!(level(name), education, "{name}");
            }
        }
    }

    #[test]
    fn synonyms_from_cadre_forms() {
        use Education::*;
        let cases = [
            ("研究生", Postgraduate),
            ("硕士", Postgraduate),
            ("博士", Postgraduate),
            ("硕士研究生", Postgraduate),
            ("博士研究生", Postgraduate),
            ("在职研究生", Postgraduate),
            ("省委党校研究生", Postgraduate),
            ("中央党校在职研究生", Postgraduate),
            ("研究生学历", Postgraduate),
            ("硕士学位", Postgraduate),
            ("大学", University),
            ("本科", University),
            ("大学本科", University),
            ("大学学历", University),
            ("学士", University),
            ("大学本科毕业", University),
            ("全日制本科", University),
            ("中央党校大学", University),
            ("在职大学", University),
            ("大专", College),
            ("专科", College),
            ("大学专科", College),
            ("高职", College),
            ("函授大专", College),
            ("电大专科", College),
            ("大专学历", College),
            ("中专", Secondary),
            ("中技", Secondary),
            ("职高", Secondary),
            ("技校", Secondary),
            ("中专毕业", Secondary),
            ("高中", HighSchoolOrBelow),
            ("初中", HighSchoolOrBelow),
            ("小学", HighSchoolOrBelow),
            ("高中及以下", HighSchoolOrBelow),
            ("高中文化", HighSchoolOrBelow),
            ("初中文化程度", HighSchoolOrBelow),
            (" 本科 ", University),
        ];
        for (text, expected) in cases {
            assert_eq!(level(text), expected, "{text}");
        }
    }

    #[test]
    fn english_names() {
        use Education::*;
        let cases = [
            ("postgraduate", Postgraduate),
            ("Master", Postgraduate),
            ("master's degree", Postgraduate),
            ("PhD", Postgraduate),
            ("Ph.D.", Postgraduate),
            ("doctorate", Postgraduate),
            ("Bachelor", University),
            ("bachelor's degree", University),
            ("University", University),
            ("college", College),
            ("Junior College", College),
            ("associate degree", College),
            ("secondary", Secondary),
            ("secondary vocational", Secondary),
            ("High School", HighSchoolOrBelow),
            ("high-school", HighSchoolOrBelow),
            ("ＨＩＧＨ ＳＣＨＯＯＬ", HighSchoolOrBelow),
        ];
        for (text, expected) in cases {
            assert_eq!(level(text), expected, "{text}");
        }
    }

    #[test]
    fn labels_codes_and_order() {
        for e in Education::ALL {
            assert_eq!(level(e.label_zh()), e);
            assert_eq!(level(e.code()), e);
            assert_eq!(level(e.label_en()), e);
        }
        assert_eq!(Education::University.to_string(), "大学");
        let mut levels = vec![
            Education::College,
            Education::HighSchoolOrBelow,
            Education::Postgraduate,
            Education::Secondary,
            Education::University,
        ];
        levels.sort();
        assert_eq!(levels, Education::ALL.to_vec());
        assert_eq!(Education::Postgraduate.rank(), 5);
        assert_eq!(Education::HighSchoolOrBelow.rank(), 1);
        assert!(Education::University.at_least(Education::College));
        assert!(Education::College.at_least(Education::College));
        assert!(!Education::Secondary.at_least(Education::College));
    }

    #[test]
    fn rejections_say_why() {
        assert_eq!(parse("  "), Err("empty education".to_string()));
        assert!(parse("大学肄业").unwrap_err().contains("not completed"));
        assert!(parse("研究生结业").unwrap_err().contains("not completed"));
        assert_eq!(
            parse("幼儿园"),
            Err(
                "unknown education \"幼儿园\": expected 研究生, 大学, 大专, 中专 or 高中及以下"
                    .to_string()
            )
        );
        for bad in [
            "党校",
            "在职",
            "学历",
            "本科及以上",
            "大学/大专",
            "secondary school",
            "3",
            "中央党校党校",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
