//! Surname stroke counts (姓氏笔画) for the ballot order of DEL-014, from the table shipped
//! in `assets/strokes/strokes.tsv` (Unihan `kTotalStrokes`, Unicode 15.0; regenerate it
//! with `assets/strokes/generate.py`).
//!
//! Unihan has no first-stroke (起笔) field, and banzi has no table of the 横竖撇点折 order
//! it could trust and cite, so two surnames with the same count are a tie and either
//! order is accepted. A compound surname (欧阳, 司马 …) is ordered by its first
//! character's strokes, then by its second's.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../assets/strokes/strokes.tsv");

/// Compound surnames of two characters (复姓) that appear in lists.
pub const COMPOUND: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "申屠", "澹台", "公冶", "呼延",
    "万俟", "闻人", "赫连", "拓跋", "百里", "东郭", "太史", "仲孙", "单于", "濮阳", "淳于", "宗政",
    "公羊", "司空", "司寇", "第五", "左丘", "梁丘", "羊舌", "乐正",
];

fn table() -> &'static HashMap<char, u8> {
    static T: OnceLock<HashMap<char, u8>> = OnceLock::new();
    T.get_or_init(|| {
        let mut map = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let Some((n, chars)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = n.parse::<u8>() else { continue };
            for c in chars.chars() {
                map.insert(c, n);
            }
        }
        map
    })
}

/// The stroke count of a character, if the table has it.
pub fn strokes(c: char) -> Option<u8> {
    table().get(&c).copied()
}

/// A surname's sort key: the surname, its first character's strokes and, for a compound
/// surname, its second's.
pub type SurnameKey = (String, u8, Option<u8>);

/// A common character of `count` strokes (the first of the table in the basic CJK block),
/// which `export --pseudonymize` writes in place of a surname so that DEL-014 can still
/// order the pseudonymised ballot.
pub fn stand_in(count: u8) -> Option<char> {
    static T: OnceLock<HashMap<u8, char>> = OnceLock::new();
    T.get_or_init(|| {
        let mut first = HashMap::new();
        for (&c, &n) in table() {
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                let e = first.entry(n).or_insert(c);
                if c < *e {
                    *e = c;
                }
            }
        }
        first
    })
    .get(&count)
    .copied()
}

/// A surname's sort key: the surname, the first character's strokes and, for a compound
/// surname, the second's. `None` when the name is empty or a character is not in the table.
pub fn surname_key(name: &str) -> Option<SurnameKey> {
    let strokes = surname_strokes(name)?;
    let mut chars = name.trim().chars();
    let surname = match strokes.1 {
        Some(_) => chars.by_ref().take(2).collect(),
        None => chars.next()?.to_string(),
    };
    Some((surname, strokes.0, strokes.1))
}

/// The strokes of a surname ([`surname_key`] without its text): the first character's
/// and, for a compound surname, the second's. What a ballot of many names is sorted by,
/// without a string made per name.
pub fn surname_strokes(name: &str) -> Option<(u8, Option<u8>)> {
    let mut chars = name.trim().chars();
    let first = chars.next()?;
    let compound = chars.next().filter(|&second| {
        COMPOUND.iter().any(|pair| {
            let mut p = pair.chars();
            p.next() == Some(first) && p.next() == Some(second) && p.next().is_none()
        })
    });
    let s1 = strokes(first)?;
    match compound {
        Some(second) => Some((s1, Some(strokes(second)?))),
        None => Some((s1, None)),
    }
}

/// The order of two surnames' [`surname_strokes`]: by the first character's strokes,
/// then (both compound) the second's; anything else is a tie (`Equal`), which either
/// order meets.
pub fn order_strokes(a: (u8, Option<u8>), b: (u8, Option<u8>)) -> Ordering {
    match a.0.cmp(&b.0) {
        Ordering::Equal => match (a.1, b.1) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => Ordering::Equal,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strokes_alone_are_those_of_the_key() {
        for name in [
            "王小明",
            " 欧阳修 ",
            "欧",
            "司马",
            "司徒",
            "张",
            "",
            "  ",
            "A先生",
            "欧A",
            "𠀀明",
        ] {
            assert_eq!(
                surname_strokes(name),
                surname_key(name).map(|k| (k.1, k.2)),
                "{name:?}"
            );
        }
        assert_eq!(
            surname_key(" 欧阳修 ").map(|k| k.0).as_deref(),
            Some("欧阳")
        );
    }

    #[test]
    fn common_surnames_have_their_counts() {
        for (c, n) in [
            ('王', 4),
            ('刘', 6),
            ('李', 7),
            ('周', 8),
            ('黄', 11),
            ('丁', 2),
        ] {
            assert_eq!(strokes(c), Some(n), "{c}");
        }
        assert_eq!(strokes('A'), None);
    }

    #[test]
    fn stand_ins_have_the_count() {
        for n in [2u8, 4, 6, 7, 8, 11] {
            let c = stand_in(n).unwrap();
            assert_eq!(strokes(c), Some(n), "{c}");
        }
        assert_eq!(stand_in(2), Some('丁'));
    }

    #[test]
    fn compound_surnames_use_both_characters() {
        let ouyang = surname_key("欧阳修").unwrap();
        assert_eq!(ouyang, ("欧阳".to_string(), 8, Some(6)));
        let sima = surname_key("司马光").unwrap();
        assert_eq!(sima, ("司马".to_string(), 5, Some(3)));
        let strokes_of = |name| surname_strokes(name).unwrap();
        // 欧 (8) ties 周 (8): either order.
        assert_eq!(
            order_strokes(strokes_of("欧阳修"), strokes_of("周明")),
            Ordering::Equal
        );
        // 司马 (5, 3) before 司徒 (5, 10).
        assert_eq!(
            order_strokes(strokes_of("司马光"), strokes_of("司徒雷")),
            Ordering::Less
        );
        // 王 (4) before 欧阳 (8, 6).
        assert_eq!(
            order_strokes(strokes_of("王"), strokes_of("欧阳")),
            Ordering::Less
        );
        assert_eq!(surname_key("王小明").unwrap().2, None);
    }
}
