//! What the roster reader tells the user about a roster, in the run's language.
//!
//! The notes are the user's account of what banzi understood (which header, how many
//! persons, what was skipped and why, which clashes were kept apart), so under
//! `--lang zh` they are Chinese like the rest of the run; the reader builds them here so
//! that the reading code keeps one line per note. The reasons in `rejected.csv` stay as
//! the loader writes them (one language for the file every table shares).

use crate::rules::Lang;

/// A skipped row's reason ([`super::rows::Skipped::why`]) in `lang`.
pub fn why(lang: Lang, why: &str) -> &str {
    let zh = match why {
        "blank row" => "空行",
        "total row (合计/小计)" => "合计/小计行",
        "footnote" => "注释行",
        "team heading" => "班子标题行",
        "header repeated" => "重复表头",
        other => other,
    };
    lang.pick(zh, why)
}

pub fn no_header(lang: Lang, source: &str) -> String {
    match lang {
        Lang::Zh => format!("{source}：没有名册表头（姓名，以及拟任职务或现任职务），此表未读"),
        Lang::En => {
            format!("{source}: no roster header (姓名 and 拟任职务 or 现任职务); sheet ignored")
        }
    }
}

pub fn ignored_columns(lang: Lang, source: &str, columns: &[&str]) -> String {
    match lang {
        Lang::Zh => format!("{source}：banzi 不读的列，已忽略：{}", columns.join("、")),
        Lang::En => format!(
            "{source}: columns banzi does not read, ignored: {}",
            columns.join(", ")
        ),
    }
}

pub fn as_of_differs(lang: Lang, source: &str, as_of: &str, used: &str, from: &str) -> String {
    match lang {
        Lang::Zh => format!("{source}：计算时点{as_of}与{from}的{used}不同，采用{used}"),
        Lang::En => format!(
            "{source}: reference date {as_of} differs from {used} given by {from}; {used} is used"
        ),
    }
}

/// The account of one sheet's rows.
pub struct SheetAccount<'a> {
    pub source: &'a str,
    /// Excel's number of the header's first row.
    pub header_row: usize,
    pub two_rows: bool,
    pub read: usize,
    pub persons: usize,
    pub skipped: usize,
    /// `(reason, rows)` of the skipped rows.
    pub why: &'a [(&'a str, usize)],
    pub rejected: usize,
}

pub fn sheet_account(lang: Lang, a: &SheetAccount) -> String {
    let why = a
        .why
        .iter()
        .map(|(w, n)| match lang {
            Lang::Zh => format!("{}{n}行", why(lang, w)),
            Lang::En => format!("{n} {w}"),
        })
        .collect::<Vec<_>>();
    match lang {
        Lang::Zh => format!(
            "{}：表头在第{}行{}；其下{}行：人员{}行，跳过{}行（{}），拒收{}行",
            a.source,
            a.header_row,
            if a.two_rows { "（两行）" } else { "" },
            a.read,
            a.persons,
            a.skipped,
            why.join("，"),
            a.rejected
        ),
        Lang::En => format!(
            "{}: roster header at row {}{}; {} rows below it: {} person rows, {} skipped ({}), {} rejected",
            a.source,
            a.header_row,
            if a.two_rows { " (two rows)" } else { "" },
            a.read,
            a.persons,
            a.skipped,
            why.join(", "),
            a.rejected
        ),
    }
}

/// Persons with no unit but the sheet's name: all of them (`headings` = 0), or those
/// above the first team heading.
pub fn sheet_team(
    lang: Lang,
    source: &str,
    persons: usize,
    headings: usize,
    sheet: &str,
) -> String {
    match (lang, headings) {
        (Lang::Zh, 0) => format!(
            "{source}：没有单位列，也没有班子标题行（如“一、城关镇（9人）”）：{persons}人作为一个班子读入，单位取表名“{sheet}”"
        ),
        (Lang::Zh, _) => format!(
            "{source}：第一个班子标题行之上的{persons}人作为一个班子读入，单位取表名“{sheet}”"
        ),
        (Lang::En, 0) => format!(
            "{source}: no 单位 column and no team heading rows (such as 一、城关镇（9人）): its {persons} persons are read as one team named after the sheet, {sheet}"
        ),
        (Lang::En, _) => format!(
            "{source}: {persons} persons above the first team heading are read as a team named after the sheet, {sheet}"
        ),
    }
}

pub fn inferred(lang: Lang, seats: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{seats}个职务未填提名方式：已按现任职务与拟任职务推断（见 banzi normalize 输出的 roster_seats.csv）"
        ),
        Lang::En => format!(
            "no 提名方式 given for {seats} seats: inferred from 现任职务 and 拟任职务 (see roster_seats.csv of banzi normalize)"
        ),
    }
}

pub fn no_since(lang: Lang, persons: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{persons}人有现任职务但没有任现职时间和简历：没有其工作经历"
        ),
        Lang::En => format!(
            "{persons} persons have a 现任职务 but no 任现职时间 and no 简历: no work history for them"
        ),
    }
}

pub fn no_district(lang: Lang) -> String {
    lang.pick(
        "标题和 --district 都没有指明县区：跳过汇总规则",
        "no district named (title or --district): aggregate rules are skipped",
    )
    .to_string()
}

/// Where a person was first read: name (birth) in unit (sheet row N).
pub struct Seen<'a> {
    pub name: &'a str,
    pub birth: &'a str,
    pub unit: &'a str,
    pub table: &'a str,
    pub row: usize,
}

fn seen(lang: Lang, s: &Seen) -> String {
    match lang {
        Lang::Zh => format!(
            "{}（{}）在{}（{}第{}行）",
            s.name, s.birth, s.unit, s.table, s.row
        ),
        Lang::En => format!(
            "{} ({}) in {} ({} row {})",
            s.name, s.birth, s.unit, s.table, s.row
        ),
    }
}

/// One 身份证号 on two persons: the second row is rejected.
pub fn id_clash(lang: Lang, id: &str, first: &Seen, second: &Seen) -> String {
    let (a, b) = (seen(lang, first), seen(lang, second));
    match lang {
        Lang::Zh => format!("身份证号{id}同时属于{a}和{b}：一个号码对应两人，后一行已拒收"),
        Lang::En => format!(
            "身份证号 {id} is {a} and {b}: one number on two persons; the second row is rejected"
        ),
    }
}

/// One name and birth date in two teams, without 身份证号: kept as two persons.
pub fn name_clash(lang: Lang, first: &Seen, second: &Seen) -> String {
    match lang {
        Lang::Zh => format!(
            "{}（{}）既在{}（{}第{}行），又在{}（{}第{}行）：按两人处理；如为同一人，请填写身份证号",
            first.name, first.birth, first.unit, first.table, first.row, second.unit, second.table, second.row
        ),
        Lang::En => format!(
            "{} ({}) is in {} ({} row {}) and in {} ({} row {}): kept as two persons; give 身份证号 if they are one",
            first.name, first.birth, first.unit, first.table, first.row, second.unit, second.table, second.row
        ),
    }
}

/// The summary of a roster read.
pub fn read_as_roster(
    lang: Lang,
    rows: usize,
    persons: usize,
    skipped: usize,
    rejected: usize,
) -> String {
    match lang {
        Lang::Zh => format!(
            "按换届人选名册读入：表头以下{rows}行，{persons}人，跳过{skipped}行，生成数据表前拒收{rejected}行"
        ),
        Lang::En => format!(
            "read as a roster (换届人选名册): {rows} rows below the headers, {persons} persons, {skipped} rows skipped, {rejected} rows rejected before the tables"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_in_both_languages() {
        let why = [("blank row", 1), ("team heading", 2)];
        let a = SheetAccount {
            source: "名册.xlsx[名册]",
            header_row: 4,
            two_rows: true,
            read: 13,
            persons: 7,
            skipped: 3,
            why: &why,
            rejected: 1,
        };
        assert_eq!(
            sheet_account(Lang::Zh, &a),
            "名册.xlsx[名册]：表头在第4行（两行）；其下13行：人员7行，跳过3行（空行1行，班子标题行2行），拒收1行"
        );
        assert!(sheet_account(Lang::En, &a).contains("(two rows); 13 rows below it: 7 person rows, 3 skipped (1 blank row, 2 team heading), 1 rejected"));
        assert_eq!(why_zh_all(), 5);
    }

    /// Every reason the row reader gives has its Chinese.
    fn why_zh_all() -> usize {
        [
            "blank row",
            "total row (合计/小计)",
            "footnote",
            "team heading",
            "header repeated",
        ]
        .iter()
        .filter(|w| why(Lang::Zh, w) != **w)
        .count()
    }
}
