//! `banzi import-lrmx` end to end: the cadre-form fixtures under `tests/data/lrmx/` are
//! imported by the binary, the dataset it writes loads with nothing rejected but the
//! deliberately incomplete person, the résumés become careers, family members who are
//! themselves imported become relations, and `banzi check` finds the married couple on
//! one team (ROT-006). A several-MB photo is generated here rather than committed.

use banzi::dataset::{self, CareerSource, LoadOptions};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn banzi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("banzi runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

// The ids the import gives (L + FNV-1a of name and birth month); stable across runs.
const WANG: &str = "LFC1D725E5AFC"; // 王建国 1972-03
const LI: &str = "LF87F3B298343"; // 李秀梅 1974-05
const CHEN: &str = "L94DDE35ABA99"; // 陈晓燕 1990-02
const ZHAO: &str = "L3A4F2AA0399A"; // 赵刚 1988-11
const LIU: &str = "L8782575FCC02"; // 刘洋 1995-07
const ZHANG70: &str = "LDE8C64D19FD9"; // 张伟 1970-01
const ZHANG85: &str = "LEFEA6C662FF4"; // 张伟 1985-06
const SUN: &str = "L9B2612693730"; // 孙丽 1992-11, no gender, no ethnicity

/// The tables a user adds to the imported folder before checking: one township team
/// holding the married couple 王建国 and 李秀梅, one sub-district seat.
fn add_slate(dir: &Path) {
    let slate = format!(
        "cycle,unit_id,body,post,person_id\n\
         2021,T01,党委,党委书记,{WANG}\n\
         2021,T01,政府,副镇长,{LI}\n\
         2021,T01,政府,副镇长,{ZHAO}\n\
         2021,T01,人大,人大主席,{ZHANG70}\n\
         2021,S01,政府,办事处副主任,{CHEN}\n"
    );
    std::fs::write(dir.join("slate.csv"), slate).unwrap();
    std::fs::write(
        dir.join("units.csv"),
        "unit_id,name,kind,parent_id\nT01,柳河镇,镇,C01\nS01,东门街道,街道,C02\nC01,青山县,县,\nC02,城关区,区,\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("cycles.csv"),
        "cycle,as_of,previous\n2021,2021-09-30,\n",
    )
    .unwrap();
}

#[test]
fn fixtures_import_load_and_check() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    let o = banzi(&["import-lrmx", "tests/data/lrmx", "--out", path_str(&out)]);
    let shown = text(&o);
    assert!(o.status.success(), "{shown}");
    // The three broken files are named with their reason.
    for file in ["not_xml.lrmx", "not_person.lrmx", "truncated.lrmx"] {
        assert!(shown.contains(file), "{file} not reported:\n{shown}");
    }
    assert!(
        !out.join("slate.csv").exists(),
        "the import writes no slate"
    );
    // The id rule is the library's.
    assert_eq!(banzi::lrmx::base_id("王建国", "197203", ""), WANG);

    add_slate(&out);
    let ds = dataset::load(&out, &LoadOptions::default()).unwrap();

    // Persons: everyone but 孙丽, whose gender and ethnicity are missing.
    let ids: BTreeSet<&str> = ds.cadres.person_id.iter().collect();
    let expected: BTreeSet<&str> = [WANG, LI, CHEN, ZHAO, LIU, ZHANG70, ZHANG85]
        .into_iter()
        .collect();
    assert_eq!(ids, expected);
    let at = |id: &str| ds.cadres.position(id).expect("a cadre") as usize;
    let c = &ds.cadres;
    let w = at(WANG);
    assert_eq!(&c.name[w], "王建国");
    assert_eq!(c.gender[w].label_zh(), "男");
    assert_eq!(c.birth[w].to_string(), "1972-03");
    assert_eq!(c.ethnicity[w].name(), "汉族");
    assert_eq!(c.party[w].map(|p| p.name()), Some("中共党员"));
    assert_eq!(c.education[w].map(|e| e.label_zh()), Some("研究生"));
    assert_eq!(
        c.native_place[w].as_deref().map(String::as_str),
        Some("青山县石桥乡")
    );
    let chen = at(CHEN);
    assert_eq!(c.ethnicity[chen].name(), "苗族");
    assert!(c.ethnicity[chen].is_minority());
    assert_eq!(c.party[chen].map(|p| p.name()), Some("民盟盟员"));
    assert_eq!(c.party[chen].map(|p| p.cpc()), Some(false));
    let zhao = at(ZHAO);
    assert_eq!(&c.name[zhao], "赵刚");
    assert_eq!(c.ethnicity[zhao].name(), "回族");
    let liu = at(LIU);
    assert_eq!(c.resume[liu], None);
    assert_eq!(c.party[liu], None);

    // Rejections: only 孙丽's row, for her two missing values; no résumé line, no
    // optional value and no slate row is lost.
    let rejected: BTreeSet<(&str, &str)> = ds
        .rejections
        .items
        .iter()
        .map(|r| (r.table.as_str(), r.column.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [("cadres", "ethnicity"), ("cadres", "gender")]
            .into_iter()
            .collect(),
        "{:?}",
        ds.rejections.items
    );
    assert!(ds.rejections.items.iter().all(|r| !r.kept));
    assert_eq!(ds.rejections.rejected_rows("cadres"), 1);
    assert_eq!(ds.slate.len(), 5);

    // Careers come from the résumés (刘洋's is empty).
    assert_eq!(ds.resumes_parsed, 6);
    assert!(ds.careers.source.iter().all(|s| *s == CareerSource::Resume));
    // Each career as `unit post start..end` (no end: ongoing).
    let careers_of = |id: &str| -> Vec<String> {
        let p = ds.cadres.position(id).expect("a cadre");
        (0..ds.careers.len())
            .filter(|&i| ds.careers.person[i] == p)
            .map(|i| {
                format!(
                    "{} {} {}..{}",
                    &ds.careers.unit_name[i],
                    &ds.careers.post[i],
                    ds.careers.start(i),
                    ds.careers.end(i).map(|d| d.to_string()).unwrap_or_default()
                )
            })
            .collect()
    };
    assert_eq!(
        careers_of(WANG),
        [
            "青山县农业局 科员 1994-07..1998-12",
            "青山县石桥乡 党委委员 1998-12..2003-12",
            "青山县石桥乡 副乡长 1998-12..2003-12",
            "青山县石桥乡 党委副书记 2003-12..2011-06",
            "青山县石桥乡 乡长 2003-12..2011-06",
            "青山县柳河镇 党委书记 2011-06..",
        ]
    );
    assert_eq!(
        careers_of(LI).last().map(String::as_str),
        Some("青山县柳河镇 副镇长 2011-09..")
    );
    assert_eq!(
        careers_of(CHEN).last().map(String::as_str),
        Some("城关区东门街道办事处 副主任 2020-11..")
    );
    assert_eq!(careers_of(ZHANG85).len(), 2);
    assert!(careers_of(LIU).is_empty());

    // Relations: both spouses' forms name each other; 刘洋's uncle is the 张伟 born
    // 1985-06; 王建国's 妹夫 张伟 has no birth date and two 张伟 exist: not linked.
    let relations: BTreeSet<(String, String, String)> = (0..ds.relations.person.len())
        .map(|i| {
            (
                ds.cadres.name[ds.relations.person[i] as usize].to_string(),
                ds.cadres.person_id[ds.relations.relative[i] as usize].to_string(),
                ds.relations.relation[i].clone(),
            )
        })
        .collect();
    let expected: BTreeSet<(String, String, String)> = [
        ("王建国", LI, "妻子"),
        ("李秀梅", WANG, "丈夫"),
        ("赵刚", CHEN, "妻子"),
        ("陈晓燕", ZHAO, "丈夫"),
        ("刘洋", ZHANG85, "舅舅"),
    ]
    .into_iter()
    .map(|(a, b, r)| (a.to_string(), b.to_string(), r.to_string()))
    .collect();
    assert_eq!(relations, expected);

    // The whole check runs on it, and the couple on one team is found.
    let reports = tmp.path().join("reports");
    let o = banzi(&["check", path_str(&out), "--out", path_str(&reports)]);
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "check failed:\n{}",
        text(&o)
    );
    let exceptions = std::fs::read_to_string(reports.join("exceptions.csv")).unwrap();
    let kinship: Vec<&str> = exceptions
        .lines()
        .filter(|l| l.starts_with("ROT-006,"))
        .collect();
    assert_eq!(kinship.len(), 1, "{exceptions}");
    assert!(
        kinship[0].contains("王建国") && kinship[0].contains("李秀梅"),
        "{}",
        kinship[0]
    );
    let rejected = std::fs::read_to_string(reports.join("rejected.csv")).unwrap();
    assert!(rejected.contains("gender is empty"), "{rejected}");
    assert!(!rejected.contains(WANG), "{rejected}");
}

#[test]
fn import_is_byte_identical_across_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for out in [&a, &b] {
        let o = banzi(&["import-lrmx", "tests/data/lrmx", "--out", path_str(out)]);
        assert!(o.status.success(), "{}", text(&o));
    }
    for name in ["cadres.csv", "relations.csv"] {
        assert_eq!(
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
            "{name}"
        );
    }
    let cadres = std::fs::read_to_string(a.join("cadres.csv")).unwrap();
    assert!(cadres.contains(SUN), "the incomplete person is written");
}

#[test]
fn several_mb_photo_imports_and_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("forms");
    std::fs::create_dir(&input).unwrap();
    let photo: String = (0..6usize << 20)
        .map(|i| {
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[i % 64] as char
        })
        .collect();
    let form = format!(
        "<?xml version=\"1.0\" encoding=\"GB18030\"?>\r\n<Person>\r\n<XingMing>周敏</XingMing><XingBie>女</XingBie>\
         <ChuShengNianYue>198304</ChuShengNianYue><MinZu>汉族</MinZu>\
         <ZhaoPian>{photo}</ZhaoPian>\
         <JianLi>2005.07--2012.03  青山县柳河镇科员\r\n2012.03--  青山县柳河镇副镇长\r\n</JianLi>\r\n</Person>\r\n"
    );
    let (bytes, _, _) = encoding_rs::GB18030.encode(&form);
    std::fs::write(input.join("zhou_min.lrmx"), &bytes).unwrap();
    let out = tmp.path().join("dataset");
    let o = banzi(&["import-lrmx", path_str(&input), "--out", path_str(&out)]);
    assert!(o.status.success(), "{}", text(&o));
    let cadres = std::fs::read_to_string(out.join("cadres.csv")).unwrap();
    assert!(cadres.len() < 400, "the photo leaked into cadres.csv");
    let id = banzi::lrmx::base_id("周敏", "198304", "");
    std::fs::write(
        out.join("slate.csv"),
        format!("cycle,unit_id,body,post,person_id\n2021,T01,政府,副镇长,{id}\n"),
    )
    .unwrap();
    let ds = dataset::load(&out, &LoadOptions::default()).unwrap();
    assert_eq!(ds.cadres.name, vec!["周敏".to_string()]);
    assert_eq!(ds.careers.len(), 2);
    assert!(ds.rejections.items.is_empty(), "{:?}", ds.rejections.items);
}

#[test]
fn nothing_readable_exits_2_and_names_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("forms");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.lrmx"), "not a form").unwrap();
    std::fs::write(input.join("b.lrmx"), "<Root/>").unwrap();
    let out = tmp.path().join("dataset");
    let o = banzi(&["import-lrmx", path_str(&input), "--out", path_str(&out)]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let shown = text(&o);
    assert!(
        shown.contains("a.lrmx") && shown.contains("b.lrmx"),
        "{shown}"
    );
    assert!(!out.join("cadres.csv").exists());
    let o = banzi(&[
        "import-lrmx",
        path_str(&tmp.path().join("missing")),
        "--out",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}
