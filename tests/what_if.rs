//! `banzi check --apply changes.csv`: the changed slate is checked, `diff.csv` lists the
//! findings fixed, new and unchanged, and a bad changes file is refused line by line with
//! nothing changed.

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
        .unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn applied_changes_fix_what_they_say_and_diff_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    // P0009 has township years: T05's EXP-001 (6/10) passes; S02 gets its PC head.
    let changes = write(
        dir.path(),
        "changes.csv",
        "cycle,unit_id,post,out,in\n2021,T05,副乡长,P0191,P0009\n2021,S02,人大工委主任,,P0020\n",
    );
    let out = dir.path().join("out");
    let o = banzi(&[
        "check",
        "data/sample",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
        "--apply",
        &changes,
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let diff = std::fs::read_to_string(out.join("diff.csv")).unwrap();
    let lines: Vec<&str> = diff.lines().collect();
    assert!(lines[0].starts_with("status,rule,severity,scope,cycle,unit_id,person_id"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("fixed,EXP-001,error,team,2021,T05,")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("fixed,SIZE-002,error,team,2021,S02,")));
    // No new error.
    assert!(!lines
        .iter()
        .any(|l| l.starts_with("new,") && l.contains(",error,")));
    // The exception list is the changed slate's.
    let exc = std::fs::read_to_string(out.join("exceptions.csv")).unwrap();
    assert!(!exc
        .lines()
        .any(|l| l.starts_with("EXP-001,") && l.contains(",T05,")));
    assert!(exc
        .lines()
        .any(|l| l.starts_with("POST-002,") && l.contains(",T04,")));
}

#[test]
fn a_bad_changes_file_names_every_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let changes = write(
        dir.path(),
        "bad.csv",
        "cycle,unit_id,post,out,in\n\
         2021,T05,副乡长,P0191,P9999\n\
         2021,T05,纪委副书记,P0083,P0009\n\
         2021,T05,副乡长,P0190,P0125\n\
         2021,T05,镇长,P0083,P0009\n",
    );
    let out = dir.path().join("out");
    let o = banzi(&[
        "check",
        "data/sample",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
        "--apply",
        &changes,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("line 2: person P9999 is not in cadres"),
        "{err}"
    );
    assert!(
        err.contains("line 3: team T05 has no post 纪委副书记"),
        "{err}"
    );
    assert!(
        err.contains("line 4: P0125 already holds a seat on team S02"),
        "{err}"
    );
    assert!(
        err.contains("line 5: P0083 does not hold 镇长 on team T05"),
        "{err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(!out.join("diff.csv").exists());
}

#[test]
fn a_changes_file_without_its_columns_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let changes = write(dir.path(), "c.csv", "cycle,unit,who\n2021,T05,P0009\n");
    let o = banzi(&[
        "check",
        "data/sample",
        "--out",
        dir.path().to_str().unwrap(),
        "--apply",
        &changes,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no column unit_id, post, out, in"));
}
