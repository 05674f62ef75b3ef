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

/// Loads with the notes in English (the assertions read them).
fn load(path: &Path) -> Dataset {
    let english = LoadOptions {
        lang: banzi::rules::Lang::En,
        ..LoadOptions::default()
    };
    dataset::load(path, &english).unwrap_or_else(|e| panic!("{e}"))
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

const POST_HEADER: [&str; 8] = [
    "单位",
    "姓名",
    "性别",
    "民族",
    "出生年月",
    "现任职务",
    "任现职时间",
    "拟任职务",
];

fn post_row(
    unit: &'static str,
    name: &'static str,
    current: &'static str,
    post: &'static str,
) -> Vec<V> {
    vec![
        S(unit),
        S(name),
        S("男"),
        S("汉族"),
        S("1980.01"),
        S(current),
        S("2016.10"),
        S(post),
    ]
}

/// `(unit of the spell, its unit name, post, leadership)` of a person's career spells.
fn spells(ds: &Dataset, name: &str) -> Vec<(Option<String>, String, String, bool)> {
    let p = ds
        .cadres
        .name
        .iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("no {name}: {:?}", ds.rejections.items)) as u32;
    let c = &ds.careers;
    (0..c.len())
        .filter(|&i| c.person[i] == p)
        .map(|i| {
            (
                c.unit(i).map(|u| ds.units.unit_id[u as usize].clone()),
                c.unit_name[i].to_string(),
                c.post[i].to_string(),
                c.leadership[i],
            )
        })
        .collect()
}

#[test]
fn a_current_post_is_held_in_the_unit_its_title_names() {
    let dir = tmp();
    let path: PathBuf = dir.path().join("名册.xlsx");
    let mut wb = Workbook::new();
    let title = "平川区2021年乡镇领导班子换届人选名册";
    let ws = wb.add_worksheet().set_name("王家镇").unwrap();
    sheet(
        ws,
        title,
        &POST_HEADER,
        &[
            post_row("王家镇", "张建国", "王家镇党委书记", "党委书记"),
            // A deputy head of the next sheet's township, and a district clerk.
            post_row("王家镇", "王芳", "共和乡副乡长", "副镇长"),
            post_row("王家镇", "陈静", "区委组织部科员", "组织委员"),
            post_row("王家镇", "刘芳", "王家镇团委书记", "副镇长"),
        ],
    );
    let ws = wb.add_worksheet().set_name("共和乡").unwrap();
    sheet(
        ws,
        title,
        &POST_HEADER,
        &[post_row("共和乡", "孙伟", "党委副书记、乡长", "党委书记")],
    );
    wb.save(&path).unwrap();
    let ds = load(&path);
    let id = |u: &str| Some(u.to_string());
    assert_eq!(
        spells(&ds, "张建国"),
        [(id("王家镇"), "王家镇".into(), "王家镇党委书记".into(), true)]
    );
    assert_eq!(
        spells(&ds, "王芳"),
        [(id("共和乡"), "共和乡".into(), "副乡长".into(), true)]
    );
    assert_eq!(
        spells(&ds, "陈静"),
        [(None, "平川区委组织部".into(), "科员".into(), false)]
    );
    assert_eq!(
        spells(&ds, "刘芳"),
        [(
            id("王家镇"),
            "王家镇".into(),
            "王家镇团委书记".into(),
            false
        )]
    );
    assert_eq!(spells(&ds, "孙伟").len(), 2);
    assert!(spells(&ds, "孙伟")
        .iter()
        .all(|s| s.0 == id("共和乡") && s.3));
    // 王芳 was a deputy head elsewhere: her 副镇长 seat is an exchange, not a promotion;
    // 陈静 comes from the district's offices: new.
    let nomination_of = |name: &str| {
        let p = ds.cadres.name.iter().position(|n| n == name).unwrap() as u32;
        let i = (0..ds.slate.len())
            .find(|&i| ds.slate.person[i] == p)
            .unwrap();
        ds.slate.nomination[i].map(|n| n.label_zh())
    };
    assert_eq!(nomination_of("王芳"), Some("交流"));
    assert_eq!(nomination_of("陈静"), Some("新提拔"));
}

#[test]
fn heading_rows_name_the_teams_of_a_sheet_without_a_unit_column() {
    use rust_xlsxwriter::Format;
    let dir = tmp();
    let path: PathBuf = dir.path().join("名册.xlsx");
    let mut wb = Workbook::new();
    let header = &POST_HEADER[1..];
    let person =
        |name: &'static str, post: &'static str| post_row("", name, "", post)[1..].to_vec();
    let ws = wb.add_worksheet().set_name("名册").unwrap();
    // Each team opens with a heading merged across the row (so 姓名 is filled too).
    let rows = vec![
        vec![S("一、平川区王家镇（2人）")],
        person("张建国", "党委书记"),
        person("李明", "党委副书记、镇长"),
        vec![S("二、平川区共和乡（1人）")],
        person("孙伟", "党委书记"),
    ];
    sheet(ws, "平川区2021年乡镇领导班子换届人选名册", header, &rows);
    for r in [3u32, 6] {
        let text = if r == 3 {
            "一、平川区王家镇（2人）"
        } else {
            "二、平川区共和乡（1人）"
        };
        ws.merge_range(r, 0, r, header.len() as u16 - 1, text, &Format::new())
            .unwrap();
    }
    // A sheet with neither: one team, named after the sheet, and said so.
    let ws = wb.add_worksheet().set_name("东岭乡").unwrap();
    sheet(
        ws,
        "平川区2021年乡镇领导班子换届人选名册",
        header,
        &[person("周明", "党委书记")],
    );
    wb.save(&path).unwrap();
    let ds = load(&path);
    assert!(rejected(&ds).is_empty(), "{:?}", rejected(&ds));
    let team_of = |name: &str| {
        let p = ds.cadres.name.iter().position(|n| n == name).unwrap() as u32;
        let i = (0..ds.slate.len())
            .find(|&i| ds.slate.person[i] == p)
            .unwrap();
        ds.units.unit_id[ds.slate.unit[i] as usize].clone()
    };
    assert_eq!(team_of("张建国"), "平川区王家镇");
    assert_eq!(team_of("李明"), "平川区王家镇");
    assert_eq!(team_of("孙伟"), "平川区共和乡");
    assert_eq!(team_of("周明"), "东岭乡");
    assert!(!ds.units.unit_id.iter().any(|u| u == "名册"));
    let heading_note = ds
        .notes
        .iter()
        .find(|n| n.starts_with("名册.xlsx[名册]: roster header"))
        .unwrap();
    assert!(heading_note.contains("2 team heading"), "{heading_note}");
    assert!(
        ds.notes
            .iter()
            .any(|n| n.starts_with("名册.xlsx[东岭乡]: no 单位 column and no team heading rows")),
        "{:?}",
        ds.notes
    );
    // Under --lang zh (the default) the notes are Chinese.
    let zh = dataset::load(&path, &LoadOptions::default()).unwrap();
    assert!(
        zh.notes
            .iter()
            .any(|n| n.starts_with("名册.xlsx[名册]：表头在第3行") && n.contains("班子标题行2行")),
        "{:?}",
        zh.notes
    );
    assert!(
        zh.notes
            .iter()
            .any(|n| n.starts_with("名册.xlsx[东岭乡]：没有单位列")),
        "{:?}",
        zh.notes
    );
}

#[test]
fn a_county_team_keeps_its_portfolios_and_gets_the_county_preset() {
    use banzi::facts::{self, FactOptions};
    use banzi::rules::{self, Config, Lang};
    let dir = tmp();
    let path: PathBuf = dir.path().join("名册.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("区领导班子").unwrap();
    let u = "平川区";
    sheet(
        ws,
        "平川区2021年区领导班子换届人选名册",
        &POST_HEADER,
        &[
            post_row(u, "高建", "平川区委副书记、区长", "区委书记"),
            post_row(u, "林峰", "平川区委常委、常务副区长", "区委副书记、区长"),
            post_row(
                u,
                "黄河",
                "平川区委常委、组织部部长",
                "区委常委、组织部部长",
            ),
            post_row(
                u,
                "马力",
                "平川区委常委、宣传部部长",
                "区委常委、宣传部部长",
            ),
            post_row(u, "温婉", "平川区纪委副书记", "区纪委副书记、区监委副主任"),
            post_row(u, "罗兰", "平川区副区长", "副区长"),
        ],
    );
    wb.save(&path).unwrap();
    let ds = load(&path);
    // No row rejected: not the portfolios, not the district as a second unit.
    assert!(rejected(&ds).is_empty(), "{:?}", rejected(&ds));
    assert_eq!(ds.units.unit_id, ["平川区"]);
    let seats_of = |name: &str| -> Vec<String> {
        let p = ds.cadres.name.iter().position(|n| n == name).unwrap() as u32;
        (0..ds.slate.len())
            .filter(|&i| ds.slate.person[i] == p)
            .map(|i| ds.slate.role[i].code().to_string())
            .collect()
    };
    assert_eq!(seats_of("黄河"), ["member"]);
    assert_eq!(seats_of("马力"), ["member"]);
    assert_eq!(seats_of("温婉"), ["discipline_deputy_secretary"]);
    // 常务副区长 is the district's own post: a deputy head's spell at 平川区.
    let c = &ds.careers;
    let p = ds.cadres.name.iter().position(|n| n == "林峰").unwrap() as u32;
    assert!((0..c.len())
        .filter(|&i| c.person[i] == p)
        .all(|i| c.unit(i) == Some(0) && c.leadership[i]));
    // Under `auto` the county team gets the county preset: no township size rule.
    let ds = std::sync::Arc::new(ds);
    let config = Config::default();
    let facts = facts::compute(&ds, &FactOptions::default());
    let ctx = rules::Context::build(&ds, &facts, &config).unwrap();
    let found = rules::run(&ctx, rules::codes::RULES, &config, Lang::Zh).unwrap();
    let county = banzi::rules::config::COUNTY_RULES;
    assert!(
        found.iter().all(|f| county.contains(&f.rule)),
        "{:?}",
        found.iter().map(|f| f.rule).collect::<Vec<_>>()
    );
    // Forced to the township preset, the same team fails the township size rules.
    let township = Config::preset("township").unwrap();
    let ctx = rules::Context::build(&ds, &facts, &township).unwrap();
    let found = rules::run(&ctx, rules::codes::RULES, &township, Lang::Zh).unwrap();
    assert!(found.iter().any(|f| f.rule.starts_with("SIZE-")));
}

/// A city panel whose career dates are years alone, its two persons born `births`.
fn year_panel(dir: &Path, births: [&str; 2]) {
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write("units.csv", "unit_id,name,kind,parent_id\nC1,南通市,市,\n");
    write("cycles.csv", "cycle,as_of,previous\n2006,2006-12-31,\n");
    write(
        "cadres.csv",
        &format!(
            "person_id,name,gender,birth_date,ethnicity\nP1,甲,男,{},汉族\nP2,乙,男,{},汉族\n",
            births[0], births[1]
        ),
    );
    write(
        "careers.csv",
        "person_id,start,end,unit_id,unit_name,unit_kind,post\nP1,2002,,C1,南通市,市,市委书记\nP2,2001,2004,C1,南通市,市,副市长\nP2,2004,,C1,南通市,市,市长\n",
    );
    write(
        "slate.csv",
        "cycle,unit_id,body,post,person_id,nomination\n2006,C1,党委,市委书记,P1,继续提名\n2006,C1,政府,市长,P2,继续提名\n",
    );
}

#[test]
fn year_only_dates_are_read_as_month_unknown_and_counted() {
    let dir = tmp();
    year_panel(dir.path(), ["1956", "1958"]);
    let ds = load(dir.path());
    assert!(rejected(&ds).is_empty(), "{:?}", rejected(&ds));
    // Births at mid-year, career dates at January (spells 2001–2004, 2004– meet).
    let births: Vec<String> = ds.cadres.birth.iter().map(|b| b.to_string()).collect();
    assert_eq!(births, ["1956-07", "1958-07"]);
    assert_eq!(ds.careers.start(2).to_string(), "2004-01");
    assert_eq!(
        ds.careers.end(1).map(|d| d.to_string()).as_deref(),
        Some("2004-01")
    );
    assert!(
        ds.notes
            .iter()
            .any(|n| n.starts_with("2 birth dates give the year alone")),
        "{:?}",
        ds.notes
    );
    assert!(
        ds.notes
            .iter()
            .any(|n| n.starts_with("4 start or end dates")),
        "{:?}",
        ds.notes
    );
}

#[test]
fn a_run_left_with_no_team_exits_2_and_says_why() {
    let dir = tmp();
    year_panel(dir.path(), ["出生不详", "不详"]);
    let out = dir.path().join("out");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(["check", "--lang", "en", "--out"])
        .arg(&out)
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{text}");
    assert!(text.contains("no team to check"), "{text}");
    assert!(
        text.contains("cadres, column birth_date (2 rows)"),
        "{text}"
    );
    // rejected.csv is still written, for the user to read.
    assert!(out.join("rejected.csv").exists());
}

#[test]
fn the_template_has_id_numbers_as_text_and_the_county_titles() {
    use calamine::{open_workbook, Reader, Xlsx};
    let dir = tmp();
    let path = dir.path().join("模板.xlsx");
    banzi::roster::write::template(&path).unwrap();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.worksheet_range("名册").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .nth(3)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(header.iter().any(|h| h == "身份证号"), "{header:?}");
    assert!(header.iter().any(|h| h == "任同级职务时间"), "{header:?}");
    let titles: Vec<String> = book
        .worksheet_range("选项")
        .unwrap()
        .rows()
        .filter_map(|r| r.first().map(|c| c.to_string()))
        .filter(|t| !t.is_empty())
        .collect();
    for t in [
        "区委书记",
        "县长",
        "县委常委",
        "县政协主席",
        "县人大常委会主任",
    ] {
        assert!(titles.iter().any(|x| x == t), "{t} not in {titles:?}");
    }
    // Every title offered is one banzi reads.
    for t in &titles {
        assert!(banzi::roster::seats::seats(t).is_ok(), "{t}");
    }
    // The 身份证号 cells are formatted as text.
    let styles = {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut text = String::new();
        zip.by_name("xl/styles.xml")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    assert!(
        styles.contains("formatCode=\"@\""),
        "no text format in styles"
    );
}

#[test]
fn a_same_rank_date_gives_a_spell_of_that_rank_before_the_current_post() {
    let dir = tmp();
    let path: PathBuf = dir.path().join("名册.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("王家镇").unwrap();
    let mut header = POST_HEADER.to_vec();
    header.push("任同级职务时间");
    let mut row = post_row("王家镇", "李明", "王家镇副镇长", "镇长");
    row.push(S("2011.09"));
    let mut same = post_row("王家镇", "赵强", "王家镇副镇长", "副镇长");
    same.push(S("2016.10"));
    sheet(
        ws,
        "平川区2021年乡镇领导班子换届人选名册",
        &header,
        &[row, same],
    );
    wb.save(&path).unwrap();
    let ds = load(&path);
    let c = &ds.careers;
    let of = |name: &str| {
        let p = ds.cadres.name.iter().position(|n| n == name).unwrap() as u32;
        (0..c.len())
            .filter(|&i| c.person[i] == p)
            .map(|i| {
                (
                    c.start(i).to_string(),
                    c.end(i).map(|d| d.to_string()),
                    c.unit(i).is_some(),
                    c.role[i].is_some(),
                    c.leadership[i],
                )
            })
            .collect::<Vec<_>>()
    };
    // 2011.09–2016.10 at the same rank, unit and role unknown, leadership; then the post.
    assert_eq!(
        of("李明"),
        [
            ("2016-10".to_string(), None, true, true, true),
            (
                "2011-09".to_string(),
                Some("2016-10".to_string()),
                false,
                false,
                true
            ),
        ]
    );
    // The same date as 任现职时间: nothing more.
    assert_eq!(of("赵强").len(), 1);
}

#[test]
fn a_footnote_with_an_impossible_date_is_named_in_the_error() {
    let dir = tmp();
    let path: PathBuf = dir.path().join("名册.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("王家镇").unwrap();
    let rows = [post_row("王家镇", "李明", "王家镇副镇长", "镇长")];
    sheet(
        ws,
        "平川区2021年乡镇领导班子换届人选名册",
        &POST_HEADER,
        &rows,
    );
    ws.write_string(
        3 + rows.len() as u32 + 1,
        0,
        "注：年龄计算截至2021年13月40日。",
    )
    .unwrap();
    wb.save(&path).unwrap();
    let err = dataset::load(&path, &LoadOptions::default())
        .expect_err("no reference date")
        .to_string();
    assert!(err.contains("2021年13月40日 is not a date"), "{err}");
}

#[test]
fn values_under_no_header_are_listed_not_dropped_silently() {
    let dir = tmp();
    let path = dir.path().join("名册.csv");
    std::fs::write(
        &path,
        "平川区2021年乡镇领导班子换届人选名册\n\
         单位,姓名,性别,民族,出生年月,拟任职务\n\
         平川区王家镇,张建国,男,汉族,1970.05,党委书记\n\
         ,王芳,女,汉族,1988.11,党委副书记,多余1,多余2\n\
         注：年龄计算截至2021年6月30日\n",
    )
    .unwrap();
    let ds = load(&path);
    assert_eq!(ds.cadres.name, ["张建国", "王芳"]);
    let ignored: Vec<(usize, &str, &str, bool)> = ds
        .rejections
        .items
        .iter()
        .map(|r| (r.row, r.column.as_str(), r.value.as_str(), r.kept))
        .collect();
    assert_eq!(ignored, [(4, "G", "多余1", true), (4, "H", "多余2", true)]);
}
