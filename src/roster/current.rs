//! A 现任职务 as the unit and post of a career spell: which unit the title names, and
//! whether that is the roster row's own unit.
//!
//! A roster writes a person's present post as a title, sometimes with its unit in front
//! (共和乡副乡长, 区委组织部科员, 平川区委常委) and sometimes without (常务副区长,
//! 党委副书记). Taking the row's unit for every title puts a district clerk's spell in
//! the township he is proposed for; taking the whole title as a unit name finds no unit
//! for 共和乡副乡长 and counts the post as no leadership. So the unit comes from the
//! title when it names one, and from the row only when it names none:
//!
//! - no unit before the post (常务副区长, 党委副书记) → the row's unit;
//! - the row's own unit (王家镇党委书记 in 王家镇, 平川区委常委 in 平川区) → the row's unit;
//! - a level's own word (区委, 县政府, 区纪委) → that county: the row's unit when the row
//!   is the county's team, else the district the roster names; a department of it
//!   (区委组织部, 区农业农村局) → that department, under the district's name
//!   (平川区委组织部);
//! - any other unit (共和乡, 石桥镇, 县农业农村局) → that unit, by its name; the loader
//!   matches the name against the units of the file.
//!
//! The post is the title's post part (副乡长, 科员), so leadership is judged on the post
//! and not on the unit's words.

use crate::resume::split_unit_post;

use super::meta::unit_kind;
use super::seats::short_unit;
use crate::normalize::unit_kind::UnitKind;

/// Where a 现任职务 title is held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The unit's name, for the careers table.
    pub unit_name: String,
    /// The post, for the careers table.
    pub post: String,
    /// Whether the unit is the roster row's own unit.
    pub here: bool,
}

/// The organs of a level's own team, written after 区, 县, 市 or 旗: 区委, 县政府 …
const TEAM_ORGANS: [&str; 9] = [
    "",
    "委",
    "人民政府",
    "政府",
    "人大常委会",
    "人大",
    "政协",
    "纪委",
    "监委",
];

/// A leading level word that is not a name: 市场监管局 starts with 市 but is a market
/// regulator, not the city.
const NOT_A_LEVEL: [&str; 3] = ["市场", "区域", "县城"];

/// The organs written after a unit's name (柳河镇党委, 平川区委, 东门街道办事处).
const UNIT_ORGANS: [&str; 9] = [
    "办事处",
    "党工委",
    "党委",
    "人民政府",
    "政府",
    "人大主席团",
    "人大",
    "纪委",
    "监委",
];

/// The unit and post of one 现任职务 title held by a person of `row_unit`'s team, the
/// roster's district being `district`.
pub fn held(title: &str, row_unit: &str, district: Option<&str>) -> Held {
    let here = |post: &str| Held {
        unit_name: row_unit.to_string(),
        post: post.to_string(),
        here: true,
    };
    let (unit, post) = split_unit_post(title);
    let unit = unit.trim_start_matches("中共");
    if unit.is_empty() || post.is_empty() {
        return here(title);
    }
    let short = short_unit(row_unit);
    // 区委组织部, 县政府, 区纪委: a level's own word, with no name before it.
    let level = unit.chars().next().filter(|c| "区县市旗".contains(*c));
    if let Some(level) = level.filter(|_| !NOT_A_LEVEL.iter().any(|w| unit.starts_with(w))) {
        let rest = &unit[level.len_utf8()..];
        let county_row = matches!(unit_kind(row_unit), UnitKind::County | UnitKind::City)
            && row_unit.ends_with(level);
        let district = district.filter(|d| d.ends_with(level));
        if TEAM_ORGANS.contains(&rest) {
            if county_row {
                return here(title);
            }
            return Held {
                unit_name: district.unwrap_or(unit).to_string(),
                post,
                here: false,
            };
        }
        let owner = if county_row { Some(row_unit) } else { district };
        return Held {
            unit_name: owner.map_or_else(|| unit.to_string(), |d| format!("{d}{rest}")),
            post,
            here: false,
        };
    }
    // The unit's name without its organ: 平川区委 → 平川区, 柳河镇党委 → 柳河镇.
    let mut base = unit;
    for organ in UNIT_ORGANS {
        if let Some(rest) = base.strip_suffix(organ) {
            if rest.chars().count() >= 2 {
                base = rest;
                break;
            }
        }
    }
    if let Some(rest) = base.strip_suffix('委') {
        if rest.ends_with(['县', '区', '市', '旗']) && rest.chars().count() >= 2 {
            base = rest;
        }
    }
    let is_row = |name: &str| {
        name == row_unit
            || name == short
            || name.chars().count() >= 2 && row_unit.ends_with(name)
            || name.ends_with(row_unit)
    };
    if is_row(base) {
        return here(title);
    }
    // An office of the row's unit (王家镇党政办主任): the row's unit, judged on the title.
    if base.starts_with(row_unit) || short.chars().count() >= 2 && base.starts_with(&short) {
        return here(title);
    }
    Held {
        unit_name: unit.to_string(),
        post,
        here: false,
    }
}

/// The unit name of a same-rank spell: the roster says since when the person has held
/// the rank, not where.
pub const SAME_RANK_UNIT: &str = "任同级职务（单位未载）";

/// One career spell read from a roster row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spell {
    pub start: String,
    pub end: Option<String>,
    pub unit_name: String,
    pub post: String,
    /// Whether it comes from 任同级职务时间 (the columns to name in a rejection differ).
    pub same_rank: bool,
}

/// The spells of a row without 简历: each 现任职务 title from 任现职时间 (open), and, when
/// 任同级职务时间 is earlier, a spell of the same rank from then until 任现职时间, at no
/// known unit, named after the first title (`同级职务（副镇长）`: a 副镇长 since 2016 who
/// has been 副科 since 2011 held a post of that rank for those five years, not
/// necessarily that post). Leadership years count it; years in a post, in the team, in a
/// township or as secretary do not, since neither its unit nor its role is known.
pub fn spells(
    current: &str,
    since: &str,
    same_rank_since: Option<&str>,
    row_unit: &str,
    district: Option<&str>,
) -> Vec<Spell> {
    use crate::normalize::date::PartialDate;
    let held: Vec<Held> = super::seats::split(current)
        .iter()
        .map(|part| held(part, row_unit, district))
        .collect();
    let mut out: Vec<Spell> = held
        .iter()
        .map(|h| Spell {
            start: since.to_string(),
            end: None,
            unit_name: h.unit_name.clone(),
            post: h.post.clone(),
            same_rank: false,
        })
        .collect();
    let earlier = same_rank_since.filter(|s| {
        matches!(
            (PartialDate::parse(s), PartialDate::parse(since)),
            (Ok(a), Ok(b)) if a < b
        )
    });
    if let (Some(from), Some(first)) = (earlier, held.first()) {
        out.push(Spell {
            start: from.to_string(),
            end: Some(since.to_string()),
            unit_name: SAME_RANK_UNIT.to_string(),
            post: format!("同级职务（{}）", first.post),
            same_rank: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(title: &str, row: &str) -> (String, String, bool) {
        let h = held(title, row, Some("平川区"));
        (h.unit_name, h.post, h.here)
    }

    fn s(unit: &str, post: &str, here: bool) -> (String, String, bool) {
        (unit.to_string(), post.to_string(), here)
    }

    #[test]
    fn a_same_rank_date_before_the_current_one_is_a_spell_of_its_own() {
        let s = spells("王家镇副镇长", "2016.10", Some("2011.09"), "王家镇", None);
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[1].start.as_str(), s[1].end.as_deref()),
            ("2011.09", Some("2016.10"))
        );
        assert_eq!(
            (s[1].unit_name.as_str(), s[1].post.as_str()),
            (SAME_RANK_UNIT, "同级职务（王家镇副镇长）")
        );
        // The same date, or none: no extra spell.
        assert_eq!(
            spells("副镇长", "2016.10", Some("2016.10"), "王家镇", None).len(),
            1
        );
        assert_eq!(spells("副镇长", "2016.10", None, "王家镇", None).len(), 1);
    }

    #[test]
    fn the_title_names_the_unit_when_it_has_one() {
        assert_eq!(at("共和乡副乡长", "王家镇"), s("共和乡", "副乡长", false));
        assert_eq!(
            at("区委组织部科员", "王家镇"),
            s("平川区委组织部", "科员", false)
        );
        assert_eq!(
            at("区农业农村局副局长", "平川区王家镇"),
            s("平川区农业农村局", "副局长", false)
        );
        assert_eq!(
            at("石桥镇党委书记", "王家镇"),
            s("石桥镇", "党委书记", false)
        );
        assert_eq!(at("区委副书记", "王家镇"), s("平川区", "副书记", false));
    }

    #[test]
    fn a_title_without_a_unit_or_with_the_rows_unit_is_the_rows() {
        assert_eq!(at("常务副区长", "平川区"), s("平川区", "常务副区长", true));
        assert_eq!(at("党委副书记", "王家镇"), s("王家镇", "党委副书记", true));
        assert_eq!(
            at("王家镇党委书记", "平川区王家镇"),
            s("平川区王家镇", "王家镇党委书记", true)
        );
        assert_eq!(
            at("平川区委常委", "平川区"),
            s("平川区", "平川区委常委", true)
        );
        assert_eq!(at("区委副书记", "平川区"), s("平川区", "区委副书记", true));
        assert_eq!(
            at("王家镇团委书记", "王家镇"),
            s("王家镇", "王家镇团委书记", true)
        );
        assert!(!at("市场监管所所长", "王家镇").2);
    }
}
