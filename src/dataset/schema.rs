//! The tables and columns of the data contract, with the Chinese headers (and sheet
//! names) users actually write, and the mapping of a file's header onto them.
//!
//! One table of specs drives header mapping, the required-column check, and which
//! columns hold dates (so a workbook's numeric date cells are read as dates). Aliases are
//! per table because the same word means different things: `单位` is a career's unit
//! name but a unit's own name.

use super::source::RawTable;
use super::LoadError;

/// One column of a contract table.
pub struct ColumnSpec {
    pub name: &'static str,
    pub required: bool,
    pub date: bool,
    pub aliases: &'static [&'static str],
}

/// One contract table.
pub struct TableSpec {
    pub name: &'static str,
    pub required: bool,
    /// Other file stems or sheet names that mean this table.
    pub aliases: &'static [&'static str],
    pub columns: &'static [ColumnSpec],
}

impl TableSpec {
    /// The contract's column names, in the contract's order (what banzi writes as a
    /// header: the generator's tables, `export`).
    pub fn column_names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }
}

const fn col(name: &'static str, required: bool, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        name,
        required,
        date: false,
        aliases,
    }
}

const fn date(name: &'static str, required: bool, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        name,
        required,
        date: true,
        aliases,
    }
}

const PERSON_ID: &[&str] = &["人员编号", "干部编号", "编号", "人员id", "id", "pid"];

pub const CADRES: TableSpec = TableSpec {
    name: "cadres",
    required: true,
    aliases: &["干部", "干部信息", "人员", "人员信息", "干部名册"],
    columns: &[
        col("person_id", true, PERSON_ID),
        col("name", true, &["姓名"]),
        col("gender", true, &["性别", "sex"]),
        date(
            "birth_date",
            true,
            &[
                "出生年月",
                "出生日期",
                "出生年月日",
                "出生时间",
                "birth",
                "birthday",
            ],
        ),
        col("ethnicity", true, &["民族", "nation", "nationality"]),
        col("party", false, &["政治面貌", "党派"]),
        col("education", false, &["学历", "最高学历", "文化程度"]),
        col(
            "specialties",
            false,
            &["熟悉领域", "专长", "熟悉专业", "专业特长"],
        ),
        col("native_place", false, &["籍贯"]),
        col(
            "staffing",
            false,
            &["编制", "编制类型", "人员来源", "来源", "身份"],
        ),
        col(
            "vetting_hold",
            false,
            &["问题未查清", "信访未结", "核查未结", "暂缓提名"],
        ),
        col("resume", false, &["简历", "履历", "工作简历", "个人简历"]),
    ],
};

pub const CAREERS: TableSpec = TableSpec {
    name: "careers",
    required: false,
    aliases: &["履历", "工作经历", "任职经历", "任职记录"],
    columns: &[
        col("person_id", true, PERSON_ID),
        date(
            "start",
            true,
            &["起始时间", "开始时间", "任职时间", "起", "起始"],
        ),
        date(
            "end",
            false,
            &["终止时间", "结束时间", "免职时间", "止", "终止"],
        ),
        col("unit_id", false, &["单位编号"]),
        col(
            "unit_name",
            true,
            &["单位", "工作单位", "单位名称", "任职单位"],
        ),
        col("unit_kind", false, &["单位类型", "单位性质"]),
        col("post", true, &["职务", "职务名称"]),
        col("leadership", false, &["领导职务", "是否领导职务"]),
    ],
};

pub const UNITS: TableSpec = TableSpec {
    name: "units",
    required: false,
    aliases: &["单位", "单位信息", "乡镇街道"],
    columns: &[
        col("unit_id", true, &["单位编号", "编号", "id"]),
        col("name", true, &["名称", "单位名称", "单位"]),
        col("kind", true, &["类型", "单位类型", "type"]),
        col(
            "parent_id",
            false,
            &["上级单位编号", "上级编号", "所属县区", "上级", "parent"],
        ),
        col("minority_area", false, &["民族地区", "少数民族地区"]),
    ],
};

pub const SLATE: TableSpec = TableSpec {
    name: "slate",
    required: true,
    aliases: &["班子", "人事安排", "人事安排方案", "拟任", "班子成员"],
    columns: &[
        col("cycle", true, &["届次", "换届年份", "届"]),
        col("unit_id", true, &["单位编号"]),
        col("body", true, &["机构", "班子类别", "组织"]),
        col("post", true, &["职务", "拟任职务"]),
        col("person_id", true, PERSON_ID),
        col("nomination", false, &["提名方式", "提名类型", "任职方式"]),
        col("fulltime", false, &["专职", "是否专职"]),
    ],
};

pub const CYCLES: TableSpec = TableSpec {
    name: "cycles",
    required: false,
    aliases: &["届次", "换届"],
    columns: &[
        col("cycle", true, &["届次", "换届年份", "届"]),
        date(
            "as_of",
            true,
            &["基准日", "参照日期", "统计时点", "基准日期"],
        ),
        col("previous", false, &["上届"]),
    ],
};

pub const RELATIONS: TableSpec = TableSpec {
    name: "relations",
    required: false,
    aliases: &["亲属", "亲属关系"],
    columns: &[
        col("person_id", true, PERSON_ID),
        col("relative_id", true, &["亲属编号", "亲属人员编号"]),
        col("relation", true, &["关系", "称谓", "亲属关系"]),
    ],
};

/// Every table banzi reads, in load order.
pub const TABLES: [&TableSpec; 10] = [
    &CADRES,
    &CAREERS,
    &UNITS,
    &SLATE,
    &CYCLES,
    &RELATIONS,
    &super::elections::ELECTIONS,
    &super::elections::CANDIDATES,
    &super::elections::MEMBERSHIPS,
    &super::elections::PROXIES,
];

/// Tables of the contract that banzi recognises but no rule uses yet.
pub const RECOGNISED_UNUSED: [&str; 1] = ["lrmx_import"];

/// The table a file stem or sheet name stands for.
pub fn table_for(stem: &str) -> Option<&'static TableSpec> {
    let key = stem.trim().to_lowercase();
    TABLES
        .into_iter()
        .find(|t| t.name == key || t.aliases.iter().any(|a| *a == key))
}

fn header_key(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .trim()
        .trim_start_matches('*')
        .trim_end_matches(['*', ':', '：'])
        .trim()
        .to_lowercase()
}

/// The canonical column a header stands for in `spec`, if any.
pub fn canonical_column(spec: &TableSpec, header: &str) -> Option<&'static str> {
    let key = header_key(header);
    spec.columns
        .iter()
        .find(|c| c.name == key || c.aliases.iter().any(|a| a.to_lowercase() == key))
        .map(|c| c.name)
}

/// Whether `header` of `spec` holds dates.
pub fn is_date_header(spec: &TableSpec, header: &str) -> bool {
    canonical_column(spec, header)
        .and_then(|name| spec.columns.iter().find(|c| c.name == name))
        .is_some_and(|c| c.date)
}

/// Renames the raw table's columns to the contract's names and checks the required
/// ones. Returns the headers that map to nothing (they are ignored, and said so).
pub fn map_headers(raw: &mut RawTable, spec: &TableSpec) -> Result<Vec<String>, LoadError> {
    let headers: Vec<String> = raw
        .frame
        .get_column_names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut ignored = Vec::new();
    let mut seen: Vec<(&'static str, String)> = Vec::new();
    let mut renames: Vec<(String, &'static str)> = Vec::new();
    for header in &headers {
        match canonical_column(spec, header) {
            Some(name) => {
                if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                    return Err(LoadError::DuplicateColumn {
                        file: raw.source.clone(),
                        column: name.to_string(),
                        first: first.clone(),
                        second: header.clone(),
                    });
                }
                seen.push((name, header.clone()));
                renames.push((header.clone(), name));
            }
            None => ignored.push(header.clone()),
        }
    }
    for column in spec.columns.iter().filter(|c| c.required) {
        if !seen.iter().any(|(n, _)| *n == column.name) {
            return Err(LoadError::MissingColumn {
                file: raw.source.clone(),
                table: spec.name.to_string(),
                column: column.name.to_string(),
                aliases: column.aliases.join(", "),
                found: headers.join(", "),
            });
        }
    }
    for (from, to) in renames {
        if from != to {
            raw.frame
                .rename(&from, to.into())
                .map_err(|e| LoadError::NotATable {
                    file: raw.source.clone(),
                    reason: e.to_string(),
                })?;
        }
    }
    let keep: Vec<String> = seen.iter().map(|(n, _)| n.to_string()).collect();
    raw.frame = raw.frame.select(keep).map_err(|e| LoadError::NotATable {
        file: raw.source.clone(),
        reason: e.to_string(),
    })?;
    Ok(ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_headers_map_per_table() {
        assert_eq!(canonical_column(&CADRES, "姓名"), Some("name"));
        assert_eq!(
            canonical_column(&CADRES, "\u{feff}出生年月"),
            Some("birth_date")
        );
        assert_eq!(canonical_column(&CADRES, " 民族 "), Some("ethnicity"));
        assert_eq!(canonical_column(&CADRES, "简历"), Some("resume"));
        assert_eq!(canonical_column(&CAREERS, "单位"), Some("unit_name"));
        assert_eq!(canonical_column(&UNITS, "单位"), Some("name"));
        assert_eq!(canonical_column(&CAREERS, "任职时间"), Some("start"));
        assert_eq!(canonical_column(&CADRES, "Person_ID"), Some("person_id"));
        assert_eq!(canonical_column(&CADRES, "*姓名："), Some("name"));
        assert_eq!(canonical_column(&CADRES, "爱好"), None);
    }

    #[test]
    fn table_names_and_sheet_aliases() {
        assert_eq!(table_for("cadres").map(|t| t.name), Some("cadres"));
        assert_eq!(table_for("干部").map(|t| t.name), Some("cadres"));
        assert_eq!(table_for("Slate").map(|t| t.name), Some("slate"));
        assert_eq!(table_for("履历").map(|t| t.name), Some("careers"));
        assert!(table_for("notes").is_none());
    }

    #[test]
    fn spec_names_are_unique() {
        for spec in TABLES {
            let mut names: Vec<_> = spec.columns.iter().map(|c| c.name).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), spec.columns.len(), "{}", spec.name);
        }
    }
}
