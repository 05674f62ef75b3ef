//! The kind of an organisational unit (乡镇, 街道, 县, …), shared by `units.kind`,
//! `careers.unit_kind` and the résumé parser.
//!
//! Work-history facts hinge on it: township years count spells in 乡镇 (and, by default,
//! 街道) units; EXP-002 asks for 街道 experience. The labels are the contract's Chinese
//! words, so normalised tables read the way users wrote them.

use std::fmt;

/// What kind of unit a post was held in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// 乡 or 镇 (also 苏木 in Inner Mongolia).
    Township,
    /// 人民公社: the pre-1984 predecessor of the township; counts as township work.
    Commune,
    /// 街道 (街道办事处, 街道党工委).
    Subdistrict,
    /// 村, 社区, 嘎查: village or community level.
    Village,
    /// County-level organs: 县, 区, 县级市, 旗.
    County,
    /// Prefecture or city-level organs: 市, 地区, 州, 盟.
    City,
    /// Province-level or central organs: 省, 自治区, 中央, 国务院.
    Province,
    /// Enterprise (公司, 厂, 集团, …).
    Enterprise,
    /// Public institution (事业单位: 医院, 站, 所, …) other than schools.
    PublicInstitution,
    /// School, university or study (学习, 读书, 研究生).
    School,
    /// Military service (部队, 服役).
    Army,
    /// Anything else.
    Other,
}

impl UnitKind {
    /// Every kind, in display order.
    pub const ALL: [UnitKind; 12] = [
        UnitKind::Township,
        UnitKind::Commune,
        UnitKind::Subdistrict,
        UnitKind::Village,
        UnitKind::County,
        UnitKind::City,
        UnitKind::Province,
        UnitKind::Enterprise,
        UnitKind::PublicInstitution,
        UnitKind::School,
        UnitKind::Army,
        UnitKind::Other,
    ];

    /// The contract's Chinese label, as written into normalised tables.
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Township => "乡镇",
            UnitKind::Commune => "公社",
            UnitKind::Subdistrict => "街道",
            UnitKind::Village => "村",
            UnitKind::County => "县",
            UnitKind::City => "市",
            UnitKind::Province => "省",
            UnitKind::Enterprise => "企业",
            UnitKind::PublicInstitution => "事业单位",
            UnitKind::School => "学校",
            UnitKind::Army => "部队",
            UnitKind::Other => "其他",
        }
    }

    /// Reads a kind as users write it in `units.kind` or `careers.unit_kind`.
    ///
    /// Accepts the labels above, common variants (乡, 镇, 苏木, 街道办事处, 区, 旗, 社区, …)
    /// and the English names (`township`, `subdistrict`, `county`, …).
    pub fn parse(text: &str) -> Option<UnitKind> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let kind = match lower.as_str() {
            "乡镇" | "乡" | "镇" | "苏木" | "township" | "town" => UnitKind::Township,
            "公社" | "人民公社" | "commune" => UnitKind::Commune,
            "街道" | "街道办事处" | "街道办" | "subdistrict" | "sub-district" | "sub_district"
            | "street" => UnitKind::Subdistrict,
            "村" | "社区" | "嘎查" | "village" | "community" => UnitKind::Village,
            "县" | "区" | "旗" | "县级市" | "县区" | "county" | "district" => {
                UnitKind::County
            }
            "市" | "地区" | "州" | "盟" | "地级市" | "city" | "prefecture" => {
                UnitKind::City
            }
            "省" | "自治区" | "直辖市" | "中央" | "province" | "central" => {
                UnitKind::Province
            }
            "企业" | "公司" | "enterprise" | "company" => UnitKind::Enterprise,
            "事业单位" | "事业" | "public_institution" | "institution" => {
                UnitKind::PublicInstitution
            }
            "学校" | "学习" | "school" | "study" => UnitKind::School,
            "部队" | "军队" | "army" | "military" => UnitKind::Army,
            "其他" | "其它" | "other" => UnitKind::Other,
            _ => return None,
        };
        Some(kind)
    }

    /// Whether a spell in this kind of unit is township (乡镇) work. 街道 counts when
    /// `subdistrict_counts` is set (the default of the presets, see EXP-001).
    pub fn is_township_work(self, subdistrict_counts: bool) -> bool {
        match self {
            UnitKind::Township | UnitKind::Commune => true,
            UnitKind::Subdistrict => subdistrict_counts,
            _ => false,
        }
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_back_to_their_kind() {
        for kind in UnitKind::ALL {
            assert_eq!(UnitKind::parse(kind.label()), Some(kind));
        }
    }

    #[test]
    fn variants_and_english_names() {
        assert_eq!(UnitKind::parse("镇"), Some(UnitKind::Township));
        assert_eq!(UnitKind::parse(" 街道办事处 "), Some(UnitKind::Subdistrict));
        assert_eq!(UnitKind::parse("Township"), Some(UnitKind::Township));
        assert_eq!(UnitKind::parse("区"), Some(UnitKind::County));
        assert_eq!(UnitKind::parse("银河"), None);
    }

    #[test]
    fn township_work_depends_on_subdistrict_setting() {
        assert!(UnitKind::Township.is_township_work(false));
        assert!(UnitKind::Commune.is_township_work(false));
        assert!(UnitKind::Subdistrict.is_township_work(true));
        assert!(!UnitKind::Subdistrict.is_township_work(false));
        assert!(!UnitKind::County.is_township_work(true));
    }
}
