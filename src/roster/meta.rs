//! What a roster says about itself outside its rows: the title's year (the cycle) and
//! area (the district), the footnote's reference date (注：年龄计算截至2021年6月30日), and
//! what a unit's name tells (its kind, a 民族乡's minority status), plus the education of
//! a 学历学位 group.

use chrono::NaiveDate;

use super::grid::Grid;
use super::header::Header;
use crate::normalize::education;
use crate::normalize::unit_kind::UnitKind;

/// The year and area a roster's title names.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Title {
    pub text: Option<String>,
    pub year: Option<String>,
    pub district: Option<String>,
}

impl Title {
    /// Reads the title among the rows above the header: the first that mentions 名册,
    /// 换届 or 班子, else the first text.
    pub fn read(grid: &Grid, header: &Header) -> Title {
        let texts: Vec<String> = (0..header.row)
            .flat_map(|r| (0..grid.width()).filter_map(move |c| grid.text(r, c)))
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).collect::<String>())
            .collect();
        let title = texts
            .iter()
            .find(|t| ["名册", "换届", "班子"].iter().any(|w| t.contains(w)))
            .or_else(|| texts.first())
            .cloned();
        let Some(text) = title else {
            return Title::default();
        };
        Title {
            year: year_in(&text),
            district: district_in(&text),
            text: Some(text),
        }
    }
}

/// The first four-digit year (1980–2099) in a text.
fn year_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let s: String = w.iter().collect();
        let before_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let after_digit = chars.get(i + 4).is_some_and(|c| c.is_ascii_digit());
        let year: u32 = s.parse().ok()?;
        ((1980..2100).contains(&year) && !before_digit && !after_digit).then_some(s)
    })
}

/// The area a title opens with: 平川区乡镇领导班子… → 平川区; 青山县2021年… → 青山县.
fn district_in(text: &str) -> Option<String> {
    let text = text.trim_start_matches("中共");
    let cut = ["20", "19", "乡镇", "街道", "领导班子", "换届", "镇", "乡"]
        .iter()
        .filter_map(|w| text.find(w))
        .min()
        .unwrap_or(text.len());
    let head = &text[..cut];
    let head = head.trim_end_matches(['（', '(']);
    ["县", "区", "市", "旗"]
        .iter()
        .any(|e| head.ends_with(e) && head.chars().count() >= 2)
        .then(|| head.to_string())
}

/// The reference date of a footnote: 年龄计算截至2021年6月30日, 截止2021.6.30, 截至2021-06-30.
/// `None` when the footnote gives no reference date; `Some(Err(text))` when it means to
/// (截至 followed by numbers) but they are no date (`2021年13月40日`), so the message can
/// name the value.
pub fn as_of_in(text: &str) -> Option<Result<NaiveDate, String>> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let at = ["截至", "截止", "计算至", "基准日"]
        .iter()
        .filter_map(|w| t.find(w).map(|i| i + w.len()))
        .min()?;
    let rest = &t[at..];
    let numbers: Vec<u32> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .filter_map(|s| s.parse().ok())
        .collect();
    let date = match numbers.as_slice() {
        [y, m, d, ..] => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        [y, m] => NaiveDate::from_ymd_opt(*y as i32, *m, 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt()),
        _ => return None,
    };
    // The text the date was read from: from the first digit to the end of the date.
    let shown: String = rest
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(|c| !"；;。，,".contains(*c))
        .collect();
    Some(date.ok_or(shown))
}

/// The kind of a roster's unit from its name: …镇/乡/苏木, …街道, …县/区/旗, …市.
pub fn unit_kind(name: &str) -> UnitKind {
    let n = name.trim();
    let n = n
        .strip_suffix("人民政府")
        .or_else(|| n.strip_suffix("党委"))
        .or_else(|| n.strip_suffix("办事处"))
        .unwrap_or(n);
    if n.ends_with("街道") {
        UnitKind::Subdistrict
    } else if n.ends_with('镇') || n.ends_with('乡') || n.ends_with("苏木") {
        UnitKind::Township
    } else if n.ends_with('县') || n.ends_with('区') || n.ends_with('旗') || n.ends_with("县级市")
    {
        UnitKind::County
    } else if n.ends_with('市') || n.ends_with('州') || n.ends_with('盟') {
        UnitKind::City
    } else {
        crate::resume::classify_unit(n)
    }
}

/// Whether a unit's name makes it a minority area (民族乡, 民族镇, 自治县).
pub fn minority_area(name: &str) -> bool {
    name.contains("族乡") || name.contains("族镇") || name.contains("自治")
}

/// The highest of the education cells (学历, or 全日制教育 and 在职教育 under 学历学位), as
/// the text to read: the one that parses highest, else the first given.
pub fn education(
    plain: Option<&str>,
    full_time: Option<&str>,
    in_service: Option<&str>,
) -> Option<String> {
    let given: Vec<&str> = [plain, full_time, in_service]
        .into_iter()
        .flatten()
        .collect();
    given
        .iter()
        .filter_map(|t| education::parse(t).ok().map(|e| (e.rank(), *t)))
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, t)| t.to_string())
        .or_else(|| given.first().map(|t| t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_give_year_and_district() {
        assert_eq!(
            year_in("平川区2021年乡镇领导班子换届人选名册").as_deref(),
            Some("2021")
        );
        assert_eq!(year_in("名册（20210630）"), None);
        assert_eq!(
            district_in("平川区乡镇领导班子换届人选名册").as_deref(),
            Some("平川区")
        );
        assert_eq!(
            district_in("青山县2021年乡镇领导班子换届人选名册").as_deref(),
            Some("青山县")
        );
        assert_eq!(district_in("柳河镇领导班子换届人选名册"), None);
    }

    #[test]
    fn footnote_dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let at = |t| as_of_in(t).and_then(Result::ok);
        assert_eq!(at("注：年龄计算截至2021年6月30日"), d(2021, 6, 30));
        assert_eq!(at("注: 年龄截止 2021.9.30"), d(2021, 9, 30));
        assert_eq!(at("注：年龄计算截至2021年6月"), d(2021, 6, 30));
        assert_eq!(as_of_in("注：本表由组织部填报"), None);
        assert_eq!(
            as_of_in("注：年龄计算截至2021年13月40日。"),
            Some(Err("2021年13月40日".to_string()))
        );
    }

    #[test]
    fn unit_kinds_from_names() {
        assert_eq!(unit_kind("青山县柳河镇"), UnitKind::Township);
        assert_eq!(unit_kind("东岭乡"), UnitKind::Township);
        assert_eq!(unit_kind("城关区东门街道"), UnitKind::Subdistrict);
        assert_eq!(unit_kind("平川区"), UnitKind::County);
        assert_eq!(unit_kind("洛阳市"), UnitKind::City);
        assert!(minority_area("青山县沙河回族乡"));
        assert!(!minority_area("青山县柳河镇"));
    }
}
