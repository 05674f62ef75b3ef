//! Rosters (换届人选名册) read as datasets: fixtures written here with merged ranges, a
//! CSV, the row accounting, and the acceptance case of a city panel.

use banzi::dataset::{self, LoadOptions};
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use std::path::{Path, PathBuf};

const HEADER: [&str; 15] = [
    "序号",
    "单位",
    "姓名",
    "性别",
    "民族",
    "出生年月",
    "籍贯",
    "入党时间",
    "参加工作时间",
    "学历学位",
    "",
    "现任职务",
    "任现职时间",
    "拟任职务",
    "提名方式",
];

/// Writes the two-row header at rows 3–4 (0-based): 学历学位 over 全日制教育 / 在职教育,
/// every other heading merged down over both rows.
fn header(ws: &mut Worksheet, extra: &[&str]) {
    let f = Format::new();
    let mut c = 0u16;
    for h in HEADER {
        if h == "学历学位" {
            ws.merge_range(3, c, 3, c + 1, h, &f).unwrap();
            ws.write_string(4, c, "全日制教育").unwrap();
            ws.write_string(4, c + 1, "在职教育").unwrap();
            c += 2;
            continue;
        }
        if h.is_empty() {
            continue;
        }
        ws.merge_range(3, c, 4, c, h, &f).unwrap();
        c += 1;
    }
    for h in extra {
        ws.merge_range(3, c, 4, c, h, &f).unwrap();
        c += 1;
    }
}

/// One person's cells after 单位: 姓名 … 提名方式.
type Person<'a> = [&'a str; 13];

fn person(ws: &mut Worksheet, row: u32, seq: usize, p: &Person) {
    ws.write_number(row, 0, seq as f64).unwrap();
    for (j, v) in p.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(row, 2 + j as u16, *v).unwrap();
        }
    }
}

const CHENGGUAN: [Person; 4] = [
    [
        "王建国",
        "男",
        "汉族",
        "1972.03",
        "平川区",
        "1995.06",
        "1993.07",
        "大学",
        "研究生",
        "城关镇党委书记",
        "2016.10",
        "党委书记",
        "继续提名",
    ],
    [
        "李红梅",
        "女",
        "汉族",
        "1983.11",
        "平川区",
        "2005.06",
        "2006.08",
        "大学",
        "",
        "城关镇党委副书记、镇长",
        "2016.10",
        "党委副书记、镇长",
        "继续提名",
    ],
    [
        "赵强",
        "男",
        "回族",
        "1988.05",
        "河东县",
        "2010.06",
        "2011.08",
        "大学",
        "",
        "城关镇副镇长",
        "2016.10",
        "党委委员、组织委员",
        "",
    ],
    [
        "孙丽",
        "女",
        "汉族",
        "1990.02",
        "平川区",
        "2012.06",
        "2013.07",
        "大专",
        "大学",
        "区农业农村局副局长",
        "2019.03",
        "党委委员、副镇长",
        "",
    ],
];

/// The county roster: one sheet, two teams (单位 merged down), 合计 rows, a person over two
/// rows, a footnote with the reference date, a bad post and a row without a name.
fn county_roster(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("名册").unwrap();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 15, "平川区2021年乡镇领导班子换届人选名册", &f)
        .unwrap();
    ws.write_string(1, 0, "填报单位：中共平川区委组织部")
        .unwrap();
    ws.write_string(1, 10, "填报时间：2021年7月1日").unwrap();
    header(ws, &[]);
    // 城关镇: rows 5..=8, 单位 merged down.
    ws.merge_range(5, 1, 8, 1, "城关镇", &f).unwrap();
    for (i, p) in CHENGGUAN.iter().enumerate() {
        person(ws, 5 + i as u32, i + 1, p);
    }
    ws.write_string(9, 0, "合计").unwrap();
    ws.write_string(9, 2, "4人").unwrap();
    // 河口镇: rows 10..=14; 周明 takes rows 11–12 (name merged), his posts on two rows.
    ws.merge_range(10, 1, 14, 1, "河口镇", &f).unwrap();
    person(
        ws,
        10,
        1,
        &[
            "陈刚",
            "男",
            "汉族",
            "1975.08",
            "平川区",
            "1998.06",
            "1996.07",
            "大学",
            "",
            "城关镇党委副书记",
            "2016.10",
            "党委书记",
            "",
        ],
    );
    ws.merge_range(11, 2, 12, 2, "周明", &f).unwrap();
    for (c, v) in [
        (3, "男"),
        (4, "汉族"),
        (5, "1986.09"),
        (11, "河口镇纪委书记"),
    ] {
        ws.merge_range(11, c, 12, c, v, &f).unwrap();
    }
    ws.write_string(11, 13, "纪委书记").unwrap();
    ws.write_string(12, 13, "党委委员").unwrap();
    ws.write_string(11, 14, "继续提名").unwrap();
    ws.write_number(11, 0, 2.0).unwrap();
    person(
        ws,
        13,
        3,
        &[
            "吴芳",
            "女",
            "汉族",
            "1987.04",
            "平川区",
            "2009.06",
            "2010.07",
            "大学",
            "",
            "河口镇副镇长",
            "2018.01",
            "党委委员、镇长助理",
            "新提拔",
        ],
    );
    ws.write_string(14, 3, "男").unwrap();
    ws.write_string(14, 13, "副镇长").unwrap();
    ws.write_string(15, 0, "小计").unwrap();
    ws.write_string(17, 0, "注：年龄计算截至2021年6月30日。")
        .unwrap();
    wb.save(path).unwrap();
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn load(path: &Path, options: &LoadOptions) -> dataset::Dataset {
    dataset::load(path, options).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn county_roster_gives_seats_skips_and_rejections() {
    let dir = tmp();
    let path: PathBuf = dir.path().join("名册.xlsx");
    county_roster(&path);
    let english = LoadOptions {
        lang: banzi::rules::Lang::En,
        ..LoadOptions::default()
    };
    let ds = load(&path, &english);
    assert_eq!(ds.form, "roster (换届人选名册)");
    // Persons: 4 in 城关镇, 陈刚 and 周明 in 河口镇 (吴芳 has an unknown post).
    assert_eq!(ds.cadres.len(), 6, "{:?}", ds.rejections.items);
    let names: Vec<&str> = ds.cadres.name.iter().collect();
    assert_eq!(names, ["王建国", "李红梅", "赵强", "孙丽", "陈刚", "周明"]);
    // Seats: 1 + 2 + 1 + 2 + 1 + 1 (周明: 纪委书记 and 党委委员 over two rows, one post).
    assert_eq!(ds.slate.len(), 8);
    let seats_of = |name: &str| -> Vec<String> {
        let p = ds.cadres.name.iter().position(|n| n == name).unwrap() as u32;
        (0..ds.slate.len())
            .filter(|&i| ds.slate.person[i] == p)
            .map(|i| format!("{}:{}", ds.slate.body[i], ds.slate.role[i].code()))
            .collect()
    };
    assert_eq!(seats_of("李红梅"), ["党委:deputy_secretary", "政府:head"]);
    assert_eq!(seats_of("赵强"), ["党委:organization_member"]);
    assert_eq!(seats_of("周明"), ["党委:discipline_secretary"]);
    // 提名方式 inferred where blank: 赵强 副镇长 → 组织委员 (team member, same unit).
    let nomination_of = |name: &str| {
        let p = ds.cadres.name.iter().position(|n| n == name).unwrap() as u32;
        let i = (0..ds.slate.len())
            .find(|&i| ds.slate.person[i] == p)
            .unwrap();
        ds.slate.nomination[i].map(|n| n.label_zh())
    };
    assert_eq!(nomination_of("赵强"), Some("继续提名"));
    assert_eq!(nomination_of("孙丽"), Some("新提拔"));
    assert_eq!(nomination_of("陈刚"), Some("新提拔"));
    // Units, district and reference date from the title and the footnote.
    assert_eq!(ds.cycles.cycle, ["2021"]);
    assert_eq!(ds.cycles.as_of[0].to_string(), "2021-06-30");
    let chengguan = ds.units.index["城关镇"] as usize;
    assert_eq!(ds.units.parent_id[chengguan].as_deref(), Some("平川区"));
    assert_eq!(ds.units.kind[chengguan].label(), "乡镇");
    // Rejected: 吴芳's unknown post (Excel row 14), the row with no name (row 15).
    let mut rejected: Vec<(String, usize, String)> = ds
        .rejections
        .items
        .iter()
        .filter(|r| !r.kept)
        .map(|r| (r.table.clone(), r.row, r.column.clone()))
        .collect();
    rejected.sort();
    assert_eq!(
        rejected,
        [
            ("名册.xlsx[名册]".to_string(), 14, "拟任职务".to_string()),
            ("名册.xlsx[名册]".to_string(), 15, "姓名".to_string()),
        ],
        "{:?}",
        ds.rejections.items
    );
    let reason = &ds
        .rejections
        .items
        .iter()
        .find(|r| r.row == 14)
        .unwrap()
        .reason;
    assert!(reason.starts_with("镇长助理: unknown post"), "{reason}");
    // Skipped: 合计, 小计, one blank row, the footnote.
    let note = ds
        .notes
        .iter()
        .find(|n| n.contains("roster header at row 4"))
        .unwrap();
    assert!(
        note.contains("(two rows); 13 rows below it: 7 person rows")
            && note.contains("4 skipped (1 blank row, 1 footnote, 2 total row (合计/小计))")
            && note.contains(", 1 rejected"),
        "{note}"
    );
}

/// A city panel (the shape of public panels of local officials) in contract tables, its
/// secretary titled `secretary` in careers and slate.
fn city_panel(dir: &Path, secretary: &str, head: &str) {
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write(
        "units.csv",
        "unit_id,name,kind,parent_id,minority_area\nC1,洛阳市,市,,false\n",
    );
    write("cycles.csv", "cycle,as_of,previous\n2021,2021-09-30,\n");
    write(
        "cadres.csv",
        "person_id,name,gender,birth_date,ethnicity\nP1,甲,男,1965-03,汉族\nP2,乙,女,1970-07,汉族\nP3,丙,男,1972-01,汉族\n",
    );
    write(
        "careers.csv",
        &format!(
            "person_id,start,end,unit_name,post\n\
             P1,2010-01,2015-06,洛阳市,{head}\n\
             P1,2015-06,,洛阳市,{secretary}\n\
             P2,2012-04,2016-09,洛阳市,副市长\n\
             P2,2016-09,,洛阳市,{head}\n\
             P3,2018-01,,洛阳市委,{secretary}\n"
        ),
    );
    write(
        "slate.csv",
        &format!(
            "cycle,unit_id,body,post,person_id,nomination\n\
             2021,C1,常委会,{secretary},P1,继续提名\n\
             2021,C1,政府,{head},P2,继续提名\n\
             2021,C1,常委会,常委,P3,新提拔\n"
        ),
    );
}

#[test]
fn a_city_panel_titled_as_a_city_has_the_tenures_of_a_township_one() {
    use banzi::facts::{compute, FactOptions};
    let tenures = |secretary: &str, head: &str| {
        let dir = tmp();
        city_panel(dir.path(), secretary, head);
        let ds = load(dir.path(), &LoadOptions::default());
        assert!(ds.rejections.items.is_empty(), "{:?}", ds.rejections.items);
        assert_eq!(ds.slate.len(), 3);
        let mut facts: Vec<(String, f64, f64, f64)> = compute(&ds, &FactOptions::default())
            .iter()
            .map(|f| {
                (
                    ds.cadres.person_id[f.person as usize].to_string(),
                    f.years_in_post,
                    f.years_in_team,
                    f.years_as_secretary,
                )
            })
            .collect();
        facts.sort_by(|a, b| a.0.cmp(&b.0));
        facts
    };
    let city = tenures("市委书记", "市长");
    let township = tenures("党委书记", "镇长");
    assert_eq!(city, township);
    // P1: secretary since 2015-06 (6.3 years), in the team since 2010; P2 head since
    // 2016-09; P3 secretary of 洛阳市委 (the city's own committee) since 2018-01.
    let near = |x: f64, y: f64| (x - y).abs() < 0.05;
    assert!(near(city[0].1, 6.33) && near(city[0].3, 6.33), "{city:?}");
    assert!(city[0].2 > 11.0, "{city:?}");
    assert!(near(city[1].1, 5.08) && city[1].3 == 0.0, "{city:?}");
    assert!(near(city[2].3, 3.75), "{city:?}");
}
