//! Loading datasets as users hold them: encodings, Chinese headers, workbooks, and the
//! row accounting (every row loaded or rejected with a reason), plus the work-history
//! arithmetic on small hand-made histories.

use banzi::dataset::{self, LoadError, LoadOptions};
use banzi::facts::{self, FactOptions};
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn load(dir: &Path) -> dataset::Dataset {
    dataset::load(dir, &LoadOptions::default()).unwrap()
}

const UNITS: &str = "unit_id,name,kind,parent_id\nT01,柳河镇,镇,C01\nS01,东门街道,街道,C02\nC01,青山县,县,\nC02,城关区,区,\n";
const CYCLES: &str = "cycle,as_of,previous\n2016,2016-09-30,\n2021,2021-09-30,2016\n";

/// A minimal valid dataset; tests replace one table.
fn base(dir: &Path) {
    write(dir, "units.csv", UNITS);
    write(dir, "cycles.csv", CYCLES);
    write(
        dir,
        "cadres.csv",
        "person_id,name,gender,birth_date,ethnicity\nP1,张三,男,1980-05,汉族\nP2,李四,女,1990.03,03\n",
    );
    write(
        dir,
        "slate.csv",
        "cycle,unit_id,body,post,person_id\n2021,T01,党委,党委书记,P1\n2021,T01,政府,副镇长,P2\n",
    );
}

#[test]
fn chinese_headers_and_gbk_encoding() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    let text = "人员编号,姓名,性别,出生年月,民族,政治面貌,学历\nP1,张三,男,1980.05,汉族,中共党员,本科\nP2,李四,2,198803,蒙古,群众,硕士\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(dir.path().join("cadres.csv"), &gbk).unwrap();
    let ds = load(dir.path());
    assert_eq!(ds.cadres.len(), 2);
    assert_eq!(&ds.cadres.name[1], "李四");
    assert_eq!(ds.cadres.gender[1].code(), "F");
    assert_eq!(ds.cadres.ethnicity[1].name(), "蒙古族");
    assert_eq!(ds.cadres.birth[1].to_string(), "1988-03");
    assert!(ds.notes.iter().any(|n| n.contains("GBK")), "{:?}", ds.notes);
    assert!(ds.rejections.items.is_empty(), "{:?}", ds.rejections.items);
}

#[test]
fn utf8_bom_is_stripped_from_the_header() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    write(
        dir.path(),
        "cadres.csv",
        "\u{feff}person_id,name,gender,birth_date,ethnicity\nP1,张三,男,1980-05,汉族\nP2,李四,女,1990年3月,汉\n",
    );
    let ds = load(dir.path());
    assert_eq!(ds.cadres.len(), 2);
    assert_eq!(ds.cadres.birth[1].to_string(), "1990-03");
}

#[test]
fn a_workbook_is_a_dataset() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("班子.xlsx");
    let mut book = Workbook::new();
    let tables: [(&str, &[&[&str]]); 4] = [
        (
            "干部",
            &[
                &["人员编号", "姓名", "性别", "出生年月", "民族"],
                &["P1", "张三", "男", "", "汉族"],
                &["P2", "李四", "女", "1990-03", "汉族"],
            ],
        ),
        (
            "units",
            &[&["unit_id", "name", "kind"], &["T01", "柳河镇", "镇"]],
        ),
        ("cycles", &[&["cycle", "as_of"], &["2021", "2021-09-30"]]),
        (
            "slate",
            &[
                &["cycle", "unit_id", "body", "post", "person_id"],
                &["2021", "T01", "党委", "党委书记", "P1"],
                &["2021", "T01", "政府", "镇长", "P2"],
            ],
        ),
    ];
    for (name, rows) in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    sheet.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
    }
    // The birth date of P1 as a number, as Excel stores a typed 1980.10.
    let cadres = book.worksheet_from_name("干部").unwrap();
    cadres.write_number(1, 3, 1980.1).unwrap();
    book.save(&path).unwrap();
    let ds = dataset::load(&path, &LoadOptions::default()).unwrap();
    assert_eq!(ds.cadres.len(), 2);
    assert_eq!(ds.cadres.birth[0].to_string(), "1980-10");
    assert_eq!(ds.slate.len(), 2);
    assert!(ds.rejections.items.is_empty(), "{:?}", ds.rejections.items);
}

#[test]
fn every_rejection_reason_is_listed_with_row_column_and_value() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    write(
        dir.path(),
        "cadres.csv",
        "person_id,name,gender,birth_date,ethnicity\n\
         P1,张三,男,1980-05,汉族\n\
         P1,张三二,男,1981-05,汉族\n\
         P3,王五,9,1982-05,汉族\n\
         P4,赵六,男,1982-13,汉族\n\
         P5,钱七,男,1982-01,火星族\n",
    );
    write(
        dir.path(),
        "slate.csv",
        "cycle,unit_id,body,post,person_id\n\
         2021,T01,党委,党委书记,P1\n\
         2021,,党委,组织委员,P1\n\
         2021,T01,政府,副镇长,P9\n\
         2021,T01,政府,副镇长,P4\n",
    );
    let ds = load(dir.path());
    assert_eq!(ds.cadres.len(), 1);
    assert_eq!(ds.slate.len(), 1);
    let find = |table: &str, row: usize, column: &str| {
        ds.rejections
            .items
            .iter()
            .find(|r| r.table == table && r.row == row && r.column == column)
            .unwrap_or_else(|| {
                panic!(
                    "no rejection {table} row {row} {column}: {:?}",
                    ds.rejections.items
                )
            })
    };
    assert!(find("cadres", 3, "person_id")
        .reason
        .contains("duplicate person_id, first at row 2"));
    let g = find("cadres", 4, "gender");
    assert_eq!(g.value, "9");
    let d = find("cadres", 5, "birth_date");
    assert_eq!(d.value, "1982-13");
    assert!(d.reason.contains("month 13"));
    assert_eq!(find("cadres", 6, "ethnicity").value, "火星族");
    assert!(find("slate", 3, "unit_id").reason.contains("no unit_id"));
    assert!(find("slate", 4, "person_id")
        .reason
        .contains("P9 is not in cadres"));
    // P4 was rejected from cadres, so its seat is rejected too, with the reason.
    assert!(find("slate", 5, "person_id")
        .reason
        .contains("P4 is not in cadres"));
    // Nothing lost: every data row of each table is loaded or rejected.
    for c in &ds.counts {
        assert_eq!(c.loaded + c.rejected, c.read, "{c:?}");
    }
    // rejected.csv carries the same rows.
    let out = dir.path().join("rejected.csv");
    ds.rejections.write_csv(&out).unwrap();
    let text = std::fs::read_to_string(out).unwrap();
    assert!(text.starts_with("table,row,column,value,reason\n"));
    assert!(text.contains("cadres,4,gender,9,"));
}

#[test]
fn a_missing_required_column_names_file_and_column() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    write(
        dir.path(),
        "cadres.csv",
        "person_id,name,birth_date,ethnicity\nP1,张三,1980-05,汉族\n",
    );
    let err = dataset::load(dir.path(), &LoadOptions::default()).unwrap_err();
    match &err {
        LoadError::MissingColumn { file, column, .. } => {
            assert!(file.ends_with("cadres.csv"));
            assert_eq!(column, "gender");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(
        err.to_string().contains("性别"),
        "the message lists the accepted aliases: {err}"
    );
}

#[test]
fn a_file_that_is_not_a_table_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    std::fs::write(dir.path().join("cadres.csv"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let err = dataset::load(dir.path(), &LoadOptions::default()).unwrap_err();
    assert!(matches!(err, LoadError::NotATable { .. }), "{err:?}");
    let dir2 = tempfile::tempdir().unwrap();
    write(dir2.path(), "units.csv", UNITS);
    let err = dataset::load(dir2.path(), &LoadOptions::default()).unwrap_err();
    assert!(
        matches!(err, LoadError::MissingTable { ref table, .. } if table == "cadres"),
        "{err:?}"
    );
}

/// Tables read side by side report their errors in the order of a serial load: a slate
/// without its `post` column is named before an unreadable careers file, with the units
/// and cycles tables given (the slate read beside the careers) and without them (the
/// slate read first).
#[test]
fn the_slate_is_blamed_before_the_careers() {
    for with_units in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        base(dir.path());
        if !with_units {
            std::fs::remove_file(dir.path().join("units.csv")).unwrap();
            std::fs::remove_file(dir.path().join("cycles.csv")).unwrap();
        }
        write(
            dir.path(),
            "slate.csv",
            "cycle,unit_id,body,person_id\n2021,T01,党委,P1\n",
        );
        write(dir.path(), "careers.csv", "");
        let err = dataset::load(dir.path(), &LoadOptions::default()).unwrap_err();
        assert!(
            matches!(&err, LoadError::MissingColumn { file, column, .. }
                if file.ends_with("slate.csv") && column == "post"),
            "units given: {with_units}: {err:?}"
        );
    }
}

/// The notes of reading a candidates table come before the note that it has no
/// elections table, as when it was read whole.
#[test]
fn a_candidates_table_is_noted_in_order() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    write(
        dir.path(),
        "candidates.csv",
        "election_id,person_id,foo\nE1,P1,x\n",
    );
    let ds = load(dir.path());
    let at = |needle: &str| {
        ds.notes
            .iter()
            .position(|n| n.contains(needle))
            .unwrap_or_else(|| panic!("no note {needle:?}: {:?}", ds.notes))
    };
    assert!(at("columns not in the contract, ignored: foo") < at("without an elections table"));
    assert_eq!(ds.rejections.rejected_rows("candidates"), 1);
}

fn fact_of<'a>(
    ds: &dataset::Dataset,
    facts: &'a [facts::Fact],
    cycle: &str,
    person: &str,
) -> &'a facts::Fact {
    let c = ds.cycles.index[cycle];
    let p = ds.cadres.position(person).expect("a cadre");
    facts
        .iter()
        .find(|f| f.cycle == c && f.person == p)
        .unwrap()
}

#[test]
fn work_history_arithmetic_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    write(
        dir.path(),
        "cadres.csv",
        "person_id,name,gender,birth_date,ethnicity\nP1,张三,男,1986-09-30,汉族\nP2,李四,女,1986-10,汉族\n",
    );
    // P1: 柳河镇 副镇长 2010.07–2014.07, overlapping 党委委员 2012.07–2015.07, then 党委书记
    // from 2015.07 (ongoing); a county post 2005.07–2010.07 does not count as township work.
    // P2: 东门街道 spells only (街道 counts as township work by default), with a gap.
    write(
        dir.path(),
        "careers.csv",
        "person_id,start,end,unit_id,unit_name,post\n\
         P1,2005.07,2010.07,,青山县农业局,科员\n\
         P1,2010.07,2014.07,T01,青山县柳河镇,副镇长\n\
         P1,2012.07,2015.07,T01,青山县柳河镇,党委委员\n\
         P1,2015.07,,T01,青山县柳河镇,党委书记\n\
         P2,2019.09,2020.09,,城关区东门街道,办事处副主任\n\
         P2,2021.03,,,城关区东门街道办事处,办事处副主任\n",
    );
    write(
        dir.path(),
        "slate.csv",
        "cycle,unit_id,body,post,person_id\n2021,T01,党委,党委书记,P1\n2021,S01,政府,副主任,P2\n2016,T01,党委,党委书记,P1\n",
    );
    let ds = load(dir.path());
    assert!(ds.rejections.items.is_empty(), "{:?}", ds.rejections.items);
    let facts = facts::compute(&ds, &FactOptions::default());
    // Calendar years by hand: full months, plus the elapsed part of the month under way
    // (the reference date 2021-09-30 is 29 days into a 30-day month), over 12, truncated.
    let years = |months: f64| ((months + 29.0 / 30.0) / 12.0 * 100.0 + 1e-9).floor() / 100.0;
    let p1 = fact_of(&ds, &facts, "2021", "P1");
    // Born 1986-09-30, reference 2021-09-30: 35 on the day.
    assert_eq!(p1.age, 35);
    // Township work: union of 2010.07–2015.07 and 2015.07–ref = 2010-07-01 .. 2021-09-30.
    assert_eq!(p1.township_years, years(134.0)); // 2010-07-01 .. 2021-09-30
    assert!(p1.township_leadership);
    assert!(!p1.subdistrict_experience);
    // Secretary since 2015.07: 6.25 years in post and as secretary.
    assert_eq!(p1.years_in_post, years(74.0)); // 2015-07-01 .. 2021-09-30
    assert_eq!(p1.years_as_secretary, p1.years_in_post);
    // In the team without a break since 2010.07 (副镇长 → 党委委员 → 书记).
    assert_eq!(p1.years_in_team, years(134.0)); // 2010-07-01 .. 2021-09-30
    assert_eq!(p1.prior_posts, 4);
    // At the 2016 reference date the posts started later do not count.
    let p1_2016 = fact_of(&ds, &facts, "2016", "P1");
    assert_eq!(p1_2016.age, 30);
    assert_eq!(p1_2016.township_years, years(74.0)); // 2010-07-01 .. 2016-09-30
    assert_eq!(p1_2016.years_in_post, years(14.0)); // 2015-07-01 .. 2016-09-30

    let p2 = fact_of(&ds, &facts, "2021", "P2");
    // Month precision: 1986-10 is taken as 1986-10-01, so 34 at 2021-09-30.
    assert_eq!(p2.age, 34);
    // Two 街道 spells with a gap: 2019.09–2020.09 (1 year) + 2021.03–2021.09.30.
    // 12 months, then 6 months and 29 days of September.
    assert_eq!(p2.township_years, years(18.0));
    assert_eq!(p2.township_years, 1.58);
    assert!(p2.subdistrict_experience);
    // The gap breaks the tenure: in post since 2021.03 (matched to S01 by name).
    assert_eq!(p2.years_in_post, years(6.0)); // 2021-03-01 .. 2021-09-30
                                              // Without 街道 counting as township work, P2 has none.
    let strict = facts::compute(
        &ds,
        &FactOptions {
            subdistrict_counts_as_township: false,
        },
    );
    assert_eq!(fact_of(&ds, &strict, "2021", "P2").township_years, 0.0);
}

#[test]
fn results_do_not_depend_on_row_order() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    let rows = [
        "P1,2005.07,2010.07,,青山县农业局,科员",
        "P1,2010.07,2014.07,T01,青山县柳河镇,副镇长",
        "P1,2012.07,2015.07,T01,青山县柳河镇,党委委员",
        "P1,2015.07,,T01,青山县柳河镇,党委书记",
    ];
    write(
        dir.path(),
        "careers.csv",
        &format!(
            "person_id,start,end,unit_id,unit_name,post\n{}\n",
            rows.join("\n")
        ),
    );
    let a = facts::compute(&load(dir.path()), &FactOptions::default());
    let mut reversed = rows;
    reversed.reverse();
    write(
        dir.path(),
        "careers.csv",
        &format!(
            "person_id,start,end,unit_id,unit_name,post\n{}\n",
            reversed.join("\n")
        ),
    );
    let b = facts::compute(&load(dir.path()), &FactOptions::default());
    assert_eq!(a, b);
}

#[test]
fn resumes_give_work_histories_when_careers_are_absent() {
    let dir = tempfile::tempdir().unwrap();
    base(dir.path());
    write(
        dir.path(),
        "cadres.csv",
        "person_id,name,gender,birth_date,ethnicity,resume\n\
         P1,张三,男,1980-05,汉族,\"2003.07--2008.12  青山县柳河镇科员\n2008.12—2015.07 青山县柳河镇副镇长\n2015.07-  青山县柳河镇党委书记\"\n\
         P2,李四,女,1990.03,汉族,\n",
    );
    let ds = load(dir.path());
    assert_eq!(ds.resumes_parsed, 1);
    let facts = facts::compute(&ds, &FactOptions::default());
    let p1 = fact_of(&ds, &facts, "2021", "P1");
    // Calendar years to 2021-09-30: full months plus 29 days of a 30-day month.
    let yrs = |months: f64| ((months + 29.0 / 30.0) / 12.0 * 100.0 + 1e-9).floor() / 100.0;
    assert_eq!(p1.township_years, yrs(218.0)); // since 2003.07
    assert_eq!(p1.township_years, 18.24);
    assert_eq!(p1.years_in_post, yrs(74.0)); // since 2015.07
    assert_eq!(p1.years_in_team, yrs(153.0)); // since 2008.12
}
