//! Cases a user test of the roster reader found (issue 13, second round): numeric
//! 身份证号 cells, one number on two persons, posts naming another unit, team heading
//! rows, county titles, year-only birth dates. Each fixture is written here with
//! rust_xlsxwriter, as small as the case allows.

use banzi::dataset::{self, Dataset, LoadOptions};
use rust_xlsxwriter::{Workbook, Worksheet};
use std::path::{Path, PathBuf};

/// A cell to write: text, or a number typed into a number cell.
#[derive(Clone, Copy)]
enum V {
    S(&'static str),
    N(f64),
}

use V::{N, S};

/// Writes a one-row-header roster sheet: the title at Excel row 1, the header at row 3,
/// the persons from row 4, the footnote below them.
fn sheet(ws: &mut Worksheet, title: &str, header: &[&str], rows: &[Vec<V>]) {
    ws.write_string(0, 0, title).unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let r = 3 + i as u32;
            match v {
                S("") => {}
                S(t) => ws.write_string(r, c as u16, *t).map(|_| ()).unwrap(),
                N(x) => ws.write_number(r, c as u16, *x).map(|_| ()).unwrap(),
            }
        }
    }
    ws.write_string(
        3 + rows.len() as u32 + 1,
        0,
        "注：年龄计算截至2021年6月30日",
    )
    .unwrap();
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn load(path: &Path) -> Dataset {
    dataset::load(path, &LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// `(table, row, column, value, reason)` of the rows rejected whole.
fn rejected(ds: &Dataset) -> Vec<(String, usize, String, String, String)> {
    let mut out: Vec<_> = ds
        .rejections
        .items
        .iter()
        .filter(|r| !r.kept)
        .map(|r| {
            (
                r.table.clone(),
                r.row,
                r.column.clone(),
                r.value.clone(),
                r.reason.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

const ID_HEADER: [&str; 9] = [
    "单位",
    "姓名",
    "身份证号",
    "性别",
    "民族",
    "出生年月",
    "现任职务",
    "任现职时间",
    "拟任职务",
];

fn id_row(
    unit: &'static str,
    name: &'static str,
    id: V,
    birth: &'static str,
    post: &'static str,
) -> Vec<V> {
    vec![
        S(unit),
        S(name),
        id,
        S("男"),
        S("汉族"),
        S(birth),
        S(""),
        S(""),
        S(post),
    ]
}

#[test]
fn a_numeric_id_beyond_two_to_the_53_is_rejected_not_merged() {
    let dir = tmp();
    let path: PathBuf = dir.path().join("名册.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("王家镇").unwrap();
    sheet(
        ws,
        "平川区2021年乡镇领导班子换届人选名册",
        &ID_HEADER,
        &[
            id_row(
                "王家镇",
                "甲",
                S("620102197005011234"),
                "1970.05",
                "党委书记",
            ),
            // Two people whose numbers differ in the last digits, typed as numbers: the
            // workbook holds both as 620102198003011200.
            id_row("王家镇", "乙", N(620102198003011231.0), "1980.03", "镇长"),
            id_row("王家镇", "丙", N(620102198003011232.0), "1980.03", "副镇长"),
            // An exact integer (≤ 2^53) reads without ".0"; a final x reads as X.
            id_row("王家镇", "丁", N(110101198811.0), "1988.11", "副镇长"),
            id_row(
                "王家镇",
                "戊",
                S("62010219990101123x"),
                "1999.01",
                "组织委员",
            ),
        ],
    );
    wb.save(&path).unwrap();
    let ds = load(&path);
    assert_eq!(
        ds.cadres.person_id,
        ["620102197005011234", "110101198811", "62010219990101123X"]
    );
    let rejected = rejected(&ds);
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    for (r, row) in rejected.iter().zip([5, 6]) {
        assert_eq!(
            (r.0.as_str(), r.1, r.2.as_str()),
            ("名册.xlsx[王家镇]", row, "身份证号")
        );
        assert!(r.4.contains("format the column as text"), "{}", r.4);
    }
}

#[test]
fn one_id_on_two_persons_is_a_clash_not_a_merge() {
    let dir = tmp();
    let path: PathBuf = dir.path().join("名册.xlsx");
    let mut wb = Workbook::new();
    let title = "平川区2021年乡镇领导班子换届人选名册";
    let ws = wb.add_worksheet().set_name("王家镇").unwrap();
    sheet(
        ws,
        title,
        &ID_HEADER,
        &[
            id_row(
                "王家镇",
                "甲",
                S("620102197005011234"),
                "1970.05",
                "党委书记",
            ),
            id_row("王家镇", "乙", S("620102198003011231"), "1980.03", "镇长"),
        ],
    );
    let ws = wb.add_worksheet().set_name("共和乡").unwrap();
    sheet(
        ws,
        title,
        &ID_HEADER,
        &[
            // Another name on 甲's number: refused, and said so.
            id_row(
                "共和乡",
                "丙",
                S("620102197005011234"),
                "1985.05",
                "党委书记",
            ),
            // 乙 again, birth written another way: the same person, merged.
            id_row(
                "共和乡",
                "乙",
                S("620102198003011231"),
                "1980-03",
                "人大主席",
            ),
        ],
    );
    wb.save(&path).unwrap();
    let ds = load(&path);
    assert_eq!(ds.cadres.name, ["甲", "乙"]);
    assert_eq!(ds.slate.len(), 3);
    let rejected = rejected(&ds);
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    let r = &rejected[0];
    assert_eq!(
        (r.0.as_str(), r.1, r.2.as_str()),
        ("名册.xlsx[共和乡]", 4, "身份证号")
    );
    assert!(r.4.contains("already 甲"), "{}", r.4);
    assert!(
        ds.notes
            .iter()
            .any(|n| n.contains("620102197005011234") && n.contains("丙")),
        "{:?}",
        ds.notes
    );
}
