//! Structure tables of the report, with figures worked out by hand for two teams of the
//! hand-made district (see `tests/common`), and the report command's outputs.

mod common;

use banzi::structure;
use common::*;
use polars::prelude::*;

fn figures(df: &DataFrame, key: &str, id: &str, cycle: &str) -> Vec<(String, f64)> {
    let row = df
        .clone()
        .lazy()
        .filter(col(key).eq(lit(id)).and(col("cycle").eq(lit(cycle))))
        .collect()
        .unwrap();
    assert_eq!(row.height(), 1, "one row for {id} {cycle}");
    structure::figure_columns()
        .into_iter()
        .map(|c| {
            let v = row
                .column(&c)
                .unwrap()
                .cast(&DataType::Float64)
                .unwrap()
                .f64()
                .unwrap()
                .get(0)
                .unwrap();
            (c, v)
        })
        .collect()
}

fn get(f: &[(String, f64)], k: &str) -> f64 {
    f.iter().find(|(n, _)| n == k).map(|x| x.1).unwrap()
}

#[test]
fn team_figures_by_hand() {
    let ctx = base().context();
    let s = structure::compute(&ctx).unwrap();
    // 柳河镇 2021: ages 45 40 33 38 31 50 42 36 52; women P02 P04; 10 posts (P02 holds two).
    let t = figures(&s.teams, "unit_id", "T01", "2021");
    for (k, v) in [
        ("members", 9.0),
        ("posts", 10.0),
        ("age_le30", 0.0),
        ("age_31_35", 2.0),
        ("age_36_45", 5.0),
        ("age_46_50", 1.0),
        ("age_gt50", 1.0),
        ("mean_age", 40.8), // 367 / 9 = 40.78
        ("women", 2.0),
        ("minorities", 0.0),
        ("spec_党务", 2.0),
        ("spec_经济", 2.0),
        ("spec_社会管理", 2.0),
        ("spec_法治", 1.0),
        ("township_2y", 9.0),
        ("principal_posts", 2.0), // secretary and 镇长 (the 人大主席 is not principal in a 镇)
        ("principal_young", 0.0),
        ("principal_women", 1.0),
    ] {
        assert!(
            (get(&t, k) - v).abs() < 1e-9,
            "T01 {k}: {} != {v}",
            get(&t, k)
        );
    }
    // 东门街道 2021: ages 46 41 35 34 39 32 44 48; women P12 P15; 9 posts.
    let s01 = figures(&s.teams, "unit_id", "S01", "2021");
    for (k, v) in [
        ("members", 8.0),
        ("posts", 9.0),
        ("age_31_35", 3.0),
        ("age_36_45", 3.0),
        ("age_46_50", 2.0),
        ("mean_age", 39.9), // 319 / 8 = 39.875
        ("women", 2.0),
        ("township_2y", 8.0), // 街道 service counts as township work
        ("principal_posts", 3.0),
        ("principal_young", 1.0), // P13, 35
        ("principal_women", 1.0),
    ] {
        assert!(
            (get(&s01, k) - v).abs() < 1e-9,
            "S01 {k}: {} != {v}",
            get(&s01, k)
        );
    }
    // The county row is 柳河镇 alone; the total adds both teams.
    let c01 = figures(&s.areas, "parent_id", "C01", "2021");
    assert_eq!(get(&c01, "members"), 9.0);
    let total = s
        .totals
        .clone()
        .lazy()
        .filter(col("cycle").eq(lit("2021")))
        .collect()
        .unwrap();
    let members = total
        .column("members")
        .unwrap()
        .cast(&DataType::Float64)
        .unwrap()
        .f64()
        .unwrap()
        .get(0);
    assert_eq!(members, Some(17.0));
}

#[test]
fn report_writes_tables_charts_and_a_self_contained_page() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args([
            "report",
            "data/sample",
            "--out",
            dir.path().to_str().unwrap(),
        ])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in [
        "structure.xlsx",
        "structure_teams.csv",
        "structure_areas.csv",
        "structure_totals.csv",
        "report.html",
    ] {
        assert!(dir.path().join(f).is_file(), "{f}");
    }
    for stem in [
        "age-bands",
        "age-pyramid",
        "share-young",
        "share-township",
        "share-women",
        "compliance",
        "exceptions-by-rule",
    ] {
        for ext in ["png", "svg"] {
            // A long chart is cut into pages (`STEM-01.png` …).
            let single = dir.path().join("charts").join(format!("{stem}.{ext}"));
            let first = dir.path().join("charts").join(format!("{stem}-01.{ext}"));
            let p = if single.exists() { single } else { first };
            assert!(
                std::fs::metadata(&p)
                    .map(|m| m.len() > 1000)
                    .unwrap_or(false),
                "{}",
                p.display()
            );
        }
    }
    let page = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "the page must work offline"
    );
    assert!(page.contains("@font-face") && page.contains("data:font/woff2;base64,"));
    assert!(page.contains("柳河镇") && page.contains("AGE-001"));
    // The CSV and XLSX carry the same figures: spot-check the sheet count and a cell.
    let csv = std::fs::read_to_string(dir.path().join("structure_teams.csv")).unwrap();
    assert!(
        csv.lines().count() == 37,
        "36 teams and a header: {}",
        csv.lines().count()
    );
}
