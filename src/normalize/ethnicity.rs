//! Ethnicity (民族) as cadre records write it: the group's name with or without the
//! trailing 族 (汉族, 汉; 维吾尔族, 维吾尔), its GB/T 3304-1991 two-digit code (`01` =
//! 汉族), a common abbreviation or former name (蒙族, 维族, 毛难族, 崩龙族), or its
//! romanised or English name (Han, Mongol/Mongolian, Uyghur, Zhuang, Manchu, …).
//!
//! The ethnicity rules (ETH-001, ETH-002) count minority cadres, so every spelling must
//! land on one of the 56 groups. The standard's codes 97 (其他, groups not yet
//! identified) and 98 (外国血统中国籍人士, naturalised citizens of foreign descent) are
//! accepted because ID-card and personnel systems emit them; neither counts as a
//! minority nationality, as in the census, which reports them apart from the 55
//! minority groups. Names match whole: 土 is 土族 and 土家 is 土家族; 水 is 水族.

use crate::normalize::text::{code_digits, key, shown};

use std::fmt;

/// One ethnic group, as its GB/T 3304 code: one byte per person, its name read from the
/// standard's table ([`Ethnicity::name`]). A code and a name side by side took 24 bytes,
/// about 45 MB for the two million persons of 40,000 units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ethnicity {
    /// GB/T 3304 code: 1–56 for the 56 groups, 97 and 98 for the two residual codes.
    pub code: u8,
}

const fn e(code: u8, name: &'static str) -> (u8, &'static str) {
    (code, name)
}

/// Every code of GB/T 3304-1991 with its standard Chinese name, in code order: 1–56 at
/// `code - 1`, then 97 and 98.
const STANDARD: [(u8, &str); 58] = [
    e(1, "汉族"),
    e(2, "蒙古族"),
    e(3, "回族"),
    e(4, "藏族"),
    e(5, "维吾尔族"),
    e(6, "苗族"),
    e(7, "彝族"),
    e(8, "壮族"),
    e(9, "布依族"),
    e(10, "朝鲜族"),
    e(11, "满族"),
    e(12, "侗族"),
    e(13, "瑶族"),
    e(14, "白族"),
    e(15, "土家族"),
    e(16, "哈尼族"),
    e(17, "哈萨克族"),
    e(18, "傣族"),
    e(19, "黎族"),
    e(20, "傈僳族"),
    e(21, "佤族"),
    e(22, "畲族"),
    e(23, "高山族"),
    e(24, "拉祜族"),
    e(25, "水族"),
    e(26, "东乡族"),
    e(27, "纳西族"),
    e(28, "景颇族"),
    e(29, "柯尔克孜族"),
    e(30, "土族"),
    e(31, "达斡尔族"),
    e(32, "仫佬族"),
    e(33, "羌族"),
    e(34, "布朗族"),
    e(35, "撒拉族"),
    e(36, "毛南族"),
    e(37, "仡佬族"),
    e(38, "锡伯族"),
    e(39, "阿昌族"),
    e(40, "普米族"),
    e(41, "塔吉克族"),
    e(42, "怒族"),
    e(43, "乌孜别克族"),
    e(44, "俄罗斯族"),
    e(45, "鄂温克族"),
    e(46, "德昂族"),
    e(47, "保安族"),
    e(48, "裕固族"),
    e(49, "京族"),
    e(50, "塔塔尔族"),
    e(51, "独龙族"),
    e(52, "鄂伦春族"),
    e(53, "赫哲族"),
    e(54, "门巴族"),
    e(55, "珞巴族"),
    e(56, "基诺族"),
    e(97, "其他"),
    e(98, "外国血统中国籍人士"),
];

impl Ethnicity {
    /// Every code of GB/T 3304-1991, in code order.
    pub const ALL: [Ethnicity; 58] = {
        let mut all = [Ethnicity { code: 0 }; 58];
        let mut i = 0;
        while i < all.len() {
            all[i] = Ethnicity {
                code: STANDARD[i].0,
            };
            i += 1;
        }
        all
    };

    /// The standard Chinese name (汉族, 蒙古族, …).
    pub fn name(&self) -> &'static str {
        let at = match self.code {
            97 => 56,
            98 => 57,
            code => usize::from(code).wrapping_sub(1),
        };
        STANDARD
            .get(at)
            .filter(|(code, _)| *code == self.code)
            .map_or("", |(_, name)| name)
    }

    /// The group with this GB/T 3304 code.
    pub fn by_code(code: u8) -> Option<Ethnicity> {
        Ethnicity::ALL.into_iter().find(|e| e.code == code)
    }

    /// Whether the group is one of the 55 minority nationalities (codes 2–56). 汉族 is
    /// not; neither are the residual codes 97 and 98.
    pub fn is_minority(&self) -> bool {
        (2..=56).contains(&self.code)
    }

    /// The two-digit code as the standard writes it: `01`, `56`.
    pub fn code_str(&self) -> String {
        format!("{:02}", self.code)
    }
}

impl fmt::Display for Ethnicity {
    /// The standard Chinese name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Other spellings, by code: abbreviations and former Chinese names, GB/T 3304
/// romanisations, Hanyu Pinyin and common English names (lower case, no spaces).
const ALIASES: &[(u8, &[&str])] = &[
    (1, &["han", "hanchinese"]),
    (2, &["蒙族", "蒙", "mongol", "mongolian", "menggu"]),
    (3, &["hui"]),
    (4, &["zang", "tibetan"]),
    (
        5,
        &["维族", "uygur", "uyghur", "uighur", "uigur", "weiwuer"],
    ),
    (6, &["miao", "hmong"]),
    (7, &["yi"]),
    (8, &["僮族", "zhuang"]),
    (9, &["buyei", "bouyei", "buyi"]),
    (10, &["chosen", "korean", "chaoxian"]),
    (11, &["man", "manchu"]),
    (12, &["dong", "kam"]),
    (13, &["yao"]),
    (14, &["bai"]),
    (15, &["tujia"]),
    (16, &["hani"]),
    (17, &["kazak", "kazakh", "hasake"]),
    (18, &["dai"]),
    (19, &["li"]),
    (20, &["lisu"]),
    (21, &["佧佤族", "卡佤族", "va", "wa"]),
    (22, &["she"]),
    (23, &["gaoshan"]),
    (24, &["lahu"]),
    (25, &["sui", "shui"]),
    (26, &["dongxiang"]),
    (27, &["naxi"]),
    (28, &["jingpo", "jingpho"]),
    (29, &["kirgiz", "kyrgyz", "kirghiz", "keerkezi"]),
    (30, &["tu", "monguor"]),
    (31, &["达呼尔族", "daur", "dawoer"]),
    (32, &["mulao", "mulam"]),
    (33, &["qiang"]),
    (34, &["blang", "bulang"]),
    (35, &["salar", "sala"]),
    (36, &["毛难族", "毛难", "maonan"]),
    (37, &["gelao", "gelo"]),
    (38, &["xibe", "sibe", "xibo"]),
    (39, &["achang"]),
    (40, &["pumi"]),
    (41, &["tajik", "tajike"]),
    (42, &["nu"]),
    (43, &["uzbek", "wuzibieke"]),
    (44, &["russ", "russian", "eluosi"]),
    (45, &["ewenki", "evenki", "evenk", "ewenke"]),
    (46, &["崩龙族", "崩龙", "deang"]),
    (47, &["bonan", "baoan"]),
    (48, &["yugur", "yughur", "yugu"]),
    (49, &["gin", "jing"]),
    (50, &["tatar", "tataer"]),
    (51, &["derung", "drung", "dulong"]),
    (52, &["oroqen", "orochon", "elunchun"]),
    (53, &["hezhen", "hezhe", "nanai"]),
    (54, &["monba", "monpa", "menba"]),
    (55, &["lhoba", "luoba"]),
    (56, &["jino", "jinuo"]),
    (
        97,
        &[
            "其它",
            "其他民族",
            "其他未识别民族",
            "未识别民族",
            "未识别的民族",
            "other",
        ],
    ),
    (
        98,
        &["入籍", "外国人入籍", "外国人加入中国籍", "加入中国籍"],
    ),
];

/// English words that may follow a name: "Han nationality", "Hui people".
const ENGLISH_SUFFIXES: [&str; 4] = ["nationality", "ethnicgroup", "ethnicity", "people"];

/// Reads an ethnicity as the data contract accepts it.
///
/// Accepts the standard name (汉族), the name without its trailing 族 (汉, 维吾尔, 土,
/// 土家), the GB/T 3304 code with or without its leading zero (`01`, `1`), and the
/// aliases above; Latin text in any case and full-width forms are accepted. Anything
/// else is rejected with the reason that `rejected.csv` shows.
pub fn parse(text: &str) -> Result<Ethnicity, String> {
    let k = key(text);
    if text.trim().is_empty() {
        return Err("empty ethnicity".into());
    }
    if let Some(digits) = code_digits(text) {
        let code = digits.trim_start_matches('0');
        return code
            .parse::<u8>()
            .ok()
            .and_then(Ethnicity::by_code)
            .ok_or_else(|| {
                format!(
                    "unknown ethnicity code {}: GB/T 3304 codes are 01–56, 97, 98",
                    shown(text)
                )
            });
    }
    if let Some(found) = Ethnicity::ALL
        .into_iter()
        .find(|e| k == e.name() || e.name().strip_suffix('族') == Some(k.as_str()))
    {
        return Ok(found);
    }
    let latin = if k.is_ascii() {
        ENGLISH_SUFFIXES
            .iter()
            .find_map(|s| k.strip_suffix(s).filter(|rest| !rest.is_empty()))
            .unwrap_or(&k)
    } else {
        &k
    };
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&latin))
        .and_then(|&(code, _)| Ethnicity::by_code(code))
        .ok_or_else(|| {
            format!(
                "unknown ethnicity {}: expected a name such as 汉族 or 壮族, or a GB/T 3304 code such as 01",
                shown(text)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> u8 {
        parse(text)
            .unwrap_or_else(|err| panic!("{text:?}: {err}"))
            .code
    }

    #[test]
    fn the_standard_table() {
        assert_eq!(Ethnicity::ALL.len(), 58);
        for (i, e) in Ethnicity::ALL.iter().take(56).enumerate() {
            assert_eq!(e.code as usize, i + 1);
            assert!(e.name().ends_with('族'), "{}", e.name());
        }
        assert_eq!(Ethnicity::by_code(1).unwrap().name(), "汉族");
        assert_eq!(Ethnicity::by_code(29).unwrap().name(), "柯尔克孜族");
        assert_eq!(Ethnicity::by_code(56).unwrap().name(), "基诺族");
        assert_eq!(Ethnicity::by_code(98).unwrap().name(), "外国血统中国籍人士");
        assert_eq!(Ethnicity::by_code(57), None);
        assert_eq!(Ethnicity::by_code(5).unwrap().code_str(), "05");
        assert_eq!(Ethnicity::by_code(3).unwrap().to_string(), "回族");
    }

    #[test]
    fn every_name_code_and_short_name_parses_back() {
        for e in Ethnicity::ALL {
            assert_eq!(parse(e.name()), Ok(e));
            assert_eq!(parse(&e.code_str()), Ok(e));
            assert_eq!(parse(&e.code.to_string()), Ok(e));
            if let Some(short) = e.name().strip_suffix('族') {
                assert_eq!(parse(short), Ok(e), "{short}");
            }
        }
    }

    #[test]
    fn every_alias_parses_to_its_code_and_no_alias_is_shared() {
        let mut seen = std::collections::HashMap::new();
        for &(c, names) in ALIASES {
            for name in names {
                assert_eq!(code(name), c, "{name}");
                assert_eq!(seen.insert(*name, c), None, "{name} listed twice");
                assert!(
                    Ethnicity::ALL
                        .iter()
                        .all(|e| e.name() != *name && e.name().strip_suffix('族') != Some(name)),
                    "{name} shadows a standard name"
                );
            }
        }
    }

    #[test]
    fn short_names_that_look_alike_stay_apart() {
        assert_eq!(code("土"), 30);
        assert_eq!(code("土族"), 30);
        assert_eq!(code("土家"), 15);
        assert_eq!(code("土家族"), 15);
        assert_eq!(code("水"), 25);
        assert_eq!(code("京"), 49);
        assert_eq!(code("景颇"), 28);
        assert_eq!(code("东乡"), 26);
        assert_eq!(code("侗"), 12);
        assert_eq!(code("哈尼"), 16);
        assert_eq!(code("哈萨克"), 17);
    }

    #[test]
    fn codes_abbreviations_and_english() {
        assert_eq!(code("01"), 1);
        assert_eq!(code("1"), 1);
        assert_eq!(code("０８"), 8);
        assert_eq!(code(" 汉族 "), 1);
        assert_eq!(code("汉"), 1);
        assert_eq!(code("蒙族"), 2);
        assert_eq!(code("维族"), 5);
        assert_eq!(code("毛难族"), 36);
        assert_eq!(code("崩龙族"), 46);
        assert_eq!(code("Han"), 1);
        assert_eq!(code("Han Chinese"), 1);
        assert_eq!(code("han nationality"), 1);
        assert_eq!(code("Mongol"), 2);
        assert_eq!(code("Mongolian"), 2);
        assert_eq!(code("Hui people"), 3);
        assert_eq!(code("Tibetan"), 4);
        assert_eq!(code("Uyghur"), 5);
        assert_eq!(code("Uighur"), 5);
        assert_eq!(code("UYGUR"), 5);
        assert_eq!(code("Miao"), 6);
        assert_eq!(code("Yi"), 7);
        assert_eq!(code("Zhuang"), 8);
        assert_eq!(code("Korean"), 10);
        assert_eq!(code("Manchu"), 11);
        assert_eq!(code("Tujia"), 15);
        assert_eq!(code("Kazakh"), 17);
        assert_eq!(code("De'ang"), 46);
        assert_eq!(code("Ｚｈｕａｎｇ"), 8);
        assert_eq!(code("未识别民族"), 97);
        assert_eq!(code("入籍"), 98);
    }

    #[test]
    fn minority_means_one_of_the_55() {
        assert!(!parse("汉族").unwrap().is_minority());
        assert!(parse("壮族").unwrap().is_minority());
        assert!(parse("基诺族").unwrap().is_minority());
        assert!(!parse("97").unwrap().is_minority());
        assert!(!parse("98").unwrap().is_minority());
        let minorities = Ethnicity::ALL.iter().filter(|e| e.is_minority()).count();
        assert_eq!(minorities, 55);
    }

    #[test]
    fn rejections_say_why() {
        assert_eq!(parse(" "), Err("empty ethnicity".to_string()));
        assert!(parse("57")
            .unwrap_err()
            .starts_with("unknown ethnicity code \"57\""));
        assert!(parse("0")
            .unwrap_err()
            .starts_with("unknown ethnicity code"));
        assert!(parse("99")
            .unwrap_err()
            .starts_with("unknown ethnicity code"));
        assert!(parse("256")
            .unwrap_err()
            .starts_with("unknown ethnicity code"));
        assert!(parse("少数民族")
            .unwrap_err()
            .starts_with("unknown ethnicity \"少数民族\""));
        for bad in [
            "族",
            "汉族族",
            "土家家",
            "-1",
            "1.0",
            "chinese",
            "people",
            "汉 壮",
            "nationality",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
