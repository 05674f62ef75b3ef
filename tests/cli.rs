//! The `banzi` command as users run it: the sample district's deliberate breaches are
//! found (and nothing else), outputs are byte-identical whatever the thread count, exit
//! codes follow the contract, and the shipped sample is what the generator makes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_banzi"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = bin();
    cmd.args(args).current_dir(root());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("banzi runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Reads a simple CSV (as written by banzi: quoted fields may hold commas) into rows.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

type Key = (String, String, String, String);

fn keys(path: &Path, cols: [&str; 4]) -> BTreeSet<Key> {
    let rows = csv_rows(path);
    let header = &rows[0];
    let ix: Vec<usize> = cols
        .iter()
        .map(|c| header.iter().position(|h| h == c).unwrap())
        .collect();
    rows[1..]
        .iter()
        .map(|r| {
            (
                r[ix[0]].clone(),
                r[ix[1]].clone(),
                r[ix[2]].clone(),
                r[ix[3]].clone(),
            )
        })
        .collect()
}

#[test]
fn sample_breaches_are_found_and_nothing_else() {
    let out = tempfile::tempdir().unwrap();
    let o = run(
        &[
            "check",
            "data/sample",
            "--out",
            out.path().to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let found = keys(
        &out.path().join("exceptions.csv"),
        ["rule", "cycle", "unit_id", "person_id"],
    );
    let expected = keys(
        &root().join("data/sample-expected.csv"),
        ["rule", "cycle", "unit_id", "person_id"],
    );
    let missing: Vec<_> = expected.difference(&found).collect();
    let extra: Vec<_> = found.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nextra {extra:#?}"
    );
    // The sample is clean input: nothing rejected.
    let rejected = csv_rows(&out.path().join("rejected.csv"));
    assert_eq!(rejected.len(), 1, "{rejected:?}");
}

#[test]
fn outputs_are_identical_whatever_the_thread_count() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    run(
        &["check", "data/sample", "--out", a.path().to_str().unwrap()],
        &[("POLARS_MAX_THREADS", "1")],
    );
    run(
        &["check", "data/sample", "--out", b.path().to_str().unwrap()],
        &[("POLARS_MAX_THREADS", "2")],
    );
    for name in [
        "exceptions.csv",
        "exceptions.json",
        "exceptions.md",
        "exceptions.xlsx",
        "rejected.csv",
    ] {
        let x = std::fs::read(a.path().join(name)).unwrap();
        let y = std::fs::read(b.path().join(name)).unwrap();
        assert!(x == y, "{name} differs between runs");
        assert!(!x.is_empty());
    }
}

/// A generated dataset large enough that the careers table is read in several slices
/// and chunks: one thread and three give the same bytes.
#[test]
fn generated_data_gives_the_same_bytes_on_one_thread_and_three() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("d");
    let g = run(
        &["gen", "--units", "200", "--out", dir.to_str().unwrap()],
        &[],
    );
    assert!(g.status.success(), "{}", text(&g));
    let outs: Vec<_> = [("1", "1"), ("3", "2")]
        .iter()
        .map(|(rayon, polars)| {
            let out = tempfile::tempdir().unwrap();
            let o = run(
                &[
                    "check",
                    dir.to_str().unwrap(),
                    "--out",
                    out.path().to_str().unwrap(),
                ],
                &[("RAYON_NUM_THREADS", rayon), ("POLARS_MAX_THREADS", polars)],
            );
            (out, o)
        })
        .collect();
    for name in ["exceptions.csv", "rejected.csv", "notes.csv"] {
        let x = std::fs::read(outs[0].0.path().join(name)).unwrap();
        let y = std::fs::read(outs[1].0.path().join(name)).unwrap();
        assert!(x == y, "{name} differs between thread counts");
    }
    let exceptions = csv_rows(&outs[0].0.path().join("exceptions.csv"));
    assert!(exceptions.len() > 20, "{} exceptions", exceptions.len());
    // The generator's 人大主席 hold no 党委 row: a note per team, of which the terminal
    // shows ten and a count, and notes.csv holds all.
    let notes = csv_rows(&outs[0].0.path().join("notes.csv"));
    let stderr = String::from_utf8_lossy(&outs[0].1.stderr);
    let shown: Vec<&str> = stderr.lines().filter(|l| l.starts_with("note: ")).collect();
    assert!(notes.len() > 12, "{} notes", notes.len());
    assert_eq!(shown.len(), 11, "{stderr}");
    assert!(
        shown[10].contains(&format!("{}", notes.len() - 11)),
        "{}",
        shown[10]
    );
    assert!(shown[10].contains("notes.csv"), "{}", shown[10]);
    for (line, note) in shown[..10].iter().zip(&notes[1..]) {
        assert_eq!(line.strip_prefix("note: "), Some(note[0].as_str()));
    }
}

#[test]
fn the_shipped_sample_is_what_the_generator_makes() {
    let out = tempfile::tempdir().unwrap();
    let expected = out.path().join("expected.csv");
    let o = run(
        &[
            "gen",
            "--sample",
            "--out",
            out.path().join("sample").to_str().unwrap(),
            "--expected",
            expected.to_str().unwrap(),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", text(&o));
    let shipped = root().join("data/sample");
    let mut names: Vec<_> = std::fs::read_dir(&shipped)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let a = std::fs::read(shipped.join(&name)).unwrap();
        let b = std::fs::read(out.path().join("sample").join(&name)).unwrap();
        assert!(
            a == b,
            "{name:?} differs from what `banzi gen --sample` writes"
        );
    }
    assert_eq!(
        std::fs::read(expected).unwrap(),
        std::fs::read(root().join("data/sample-expected.csv")).unwrap()
    );
}

#[test]
fn normalize_writes_the_clean_tables() {
    let out = tempfile::tempdir().unwrap();
    let o = run(
        &[
            "normalize",
            "data/sample",
            "--out",
            out.path().to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    for t in ["cadres", "careers", "facts"] {
        for ext in ["csv", "parquet"] {
            assert!(out.path().join(format!("{t}.{ext}")).is_file(), "{t}.{ext}");
        }
    }
    let careers = csv_rows(&out.path().join("careers.csv"));
    let h = &careers[0];
    for col in [
        "person_id",
        "start",
        "end",
        "unit_id",
        "unit_name",
        "unit_kind",
        "post",
        "role",
        "leadership",
        "source",
    ] {
        assert!(h.iter().any(|x| x == col), "careers lacks {col}");
    }
    let kind = h.iter().position(|x| x == "unit_kind").unwrap();
    assert!(careers[1..].iter().any(|r| r[kind] == "乡镇"));
    assert!(careers[1..].iter().any(|r| r[kind] == "街道"));
    let facts = csv_rows(&out.path().join("facts.csv"));
    for col in [
        "cycle",
        "person_id",
        "age",
        "township_years",
        "years_in_post",
        "years_in_team",
        "years_as_secretary",
    ] {
        assert!(facts[0].iter().any(|x| x == col), "facts lacks {col}");
    }
}

#[test]
fn exit_code_2_for_unusable_input_with_the_file_named() {
    let o = run(&["check", "data/no-such-dataset"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("no-such-dataset"));

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cadres.csv"), "person_id,name\nP1,张三\n").unwrap();
    std::fs::write(
        dir.path().join("slate.csv"),
        "cycle,unit_id,body,post,person_id\n",
    )
    .unwrap();
    let o = run(
        &[
            "check",
            dir.path().to_str().unwrap(),
            "--out",
            dir.path().join("out").to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    let msg = text(&o);
    assert!(
        msg.contains("cadres.csv") && msg.contains("gender"),
        "{msg}"
    );

    let toml = dir.path().join("bad.toml");
    std::fs::write(&toml, "[rules.AGE-001]\nmin_share = 3\n[rules.NOPE-1]\n").unwrap();
    let o = run(
        &[
            "check",
            "data/sample",
            "--rules",
            toml.to_str().unwrap(),
            "--out",
            dir.path().join("o2").to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    let msg = text(&o);
    assert!(
        msg.contains("rules.AGE-001.min_share") && msg.contains("rules.NOPE-1"),
        "{msg}"
    );
}

#[test]
fn select_and_ignore_by_code_or_prefix() {
    let out = tempfile::tempdir().unwrap();
    run(
        &[
            "check",
            "data/sample",
            "--select",
            "AGE,ROT-002",
            "--ignore",
            "AGE-007",
            "--out",
            out.path().to_str().unwrap(),
        ],
        &[],
    );
    let found = keys(
        &out.path().join("exceptions.csv"),
        ["rule", "cycle", "unit_id", "person_id"],
    );
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|k| (k.0.starts_with("AGE-") && k.0 != "AGE-007") || k.0 == "ROT-002"),
        "{found:?}"
    );
    let o = run(
        &[
            "check",
            "data/sample",
            "--select",
            "XYZ",
            "--out",
            out.path().to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rules_explain_works_for_every_code() {
    let list = run(&["rules"], &[]);
    assert!(list.status.success());
    let listing = String::from_utf8_lossy(&list.stdout).to_string();
    let codes: Vec<&str> = listing
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(codes.len() >= 30, "{listing}");
    for code in codes {
        let o = run(&["rules", "explain", code], &[]);
        assert!(o.status.success(), "{code}");
        let t = String::from_utf8_lossy(&o.stdout);
        assert!(
            t.starts_with(&format!("# {code} ")) && t.contains("## Why it matters"),
            "{t}"
        );
    }
    let o = run(&["rules", "explain", "AGE-001", "--rules", "township"], &[]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("max_age = 35"));
}

#[test]
fn english_messages() {
    let out = tempfile::tempdir().unwrap();
    run(
        &[
            "check",
            "data/sample",
            "--lang",
            "en",
            "--out",
            out.path().to_str().unwrap(),
        ],
        &[],
    );
    let rows = csv_rows(&out.path().join("exceptions.csv"));
    let msg = rows[0].iter().position(|h| h == "message").unwrap();
    assert!(rows.len() > 1);
    // Unit and person names stay Chinese; the sentences are English.
    assert!(
        rows[1..]
            .iter()
            .all(|r| !r[msg].contains('。') && r[msg].ends_with('.')),
        "English messages expected"
    );
}

#[test]
fn pseudonymised_export_gives_the_same_findings_per_rule() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key");
    std::fs::write(&key, "a secret key of the department").unwrap();
    let pseudo = dir.path().join("pseudo");
    let o = run(
        &[
            "export",
            "data/sample",
            "--pseudonymize",
            key.to_str().unwrap(),
            "--out",
            pseudo.to_str().unwrap(),
            "--rejected-to",
            dir.path().join("r").to_str().unwrap(),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", text(&o));
    // No name, id, résumé or native place text of the original survives.
    let cadres = std::fs::read_to_string(pseudo.join("cadres.csv")).unwrap();
    let original = csv_rows(&root().join("data/sample/cadres.csv"));
    let name_col = original[0].iter().position(|h| h == "name").unwrap();
    for row in &original[1..6] {
        assert!(!cadres.contains(&row[0]), "id {} leaked", row[0]);
        assert!(
            !cadres.contains(&row[name_col]),
            "name {} leaked",
            row[name_col]
        );
    }
    assert!(!cadres.contains("--"), "résumé text leaked");
    let count = |out: &Path| {
        let mut m = std::collections::BTreeMap::new();
        for r in csv_rows(&out.join("exceptions.csv")).iter().skip(1) {
            *m.entry(r[0].clone()).or_insert(0) += 1;
        }
        m
    };
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    run(&["check", "data/sample", "--out", a.to_str().unwrap()], &[]);
    run(
        &[
            "check",
            pseudo.to_str().unwrap(),
            "--out",
            b.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(count(&a), count(&b));
    // The same key gives the same tokens.
    let again = dir.path().join("again");
    run(
        &[
            "export",
            "data/sample",
            "--pseudonymize",
            key.to_str().unwrap(),
            "--out",
            again.to_str().unwrap(),
            "--rejected-to",
            dir.path().join("r").to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(
        std::fs::read(pseudo.join("slate.csv")).unwrap(),
        std::fs::read(again.join("slate.csv")).unwrap()
    );
}
