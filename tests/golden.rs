//! Golden output where the output is the product: the sample's exception list
//! (`exceptions.csv`, `exceptions.md`) in zh and en, and `rules explain` of every rule.
//!
//! The files under `tests/golden/` are what banzi writes today. A change to a rule, a
//! message or the arithmetic shows up here as a diff a reviewer reads; when the change is
//! meant, bless it with `BANZI_BLESS=1 cargo test --test golden` and commit the files.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn banzi(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// Compares `actual` with the golden file `name`, or writes it when blessing.
fn golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("BANZI_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run BANZI_BLESS=1 cargo test --test golden",
            path.display()
        )
    });
    if expected != actual {
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let first = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(e.lines().count().min(a.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {}\n  now:    {}\n(bless a meant change with BANZI_BLESS=1 cargo test --test golden)",
            first + 1,
            e.lines().nth(first).unwrap_or("<end>"),
            a.lines().nth(first).unwrap_or("<end>")
        );
    }
}

fn check_sample(lang: &str, out: &Path) {
    let o = banzi(&[
        "check",
        "data/sample",
        "--lang",
        lang,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn the_sample_exception_list_in_both_languages() {
    for lang in ["zh", "en"] {
        let out = tempfile::tempdir().unwrap();
        check_sample(lang, out.path());
        for file in ["exceptions.csv", "exceptions.md"] {
            let bytes = std::fs::read(out.path().join(file)).unwrap();
            let (stem, ext) = file.split_once('.').unwrap();
            golden(&format!("{stem}.{lang}.{ext}"), &bytes);
        }
    }
}

#[test]
fn rules_explain_of_every_rule() {
    let list = banzi(&["rules"]);
    assert!(list.status.success());
    let codes: Vec<String> = String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(codes.len() > 30, "{codes:?}");
    let mut all = Vec::new();
    for code in &codes {
        let o = banzi(&["rules", "explain", code]);
        assert!(o.status.success(), "{code}");
        all.extend_from_slice(&o.stdout);
        all.extend_from_slice(b"\n---\n\n");
    }
    golden("rules-explain.txt", &all);
}
