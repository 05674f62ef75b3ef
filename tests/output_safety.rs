//! Every file banzi writes is safe to open in Excel, whatever the input holds: a dataset
//! with spreadsheet formulas planted in a unit name, a post, a person's name and a résumé
//! goes through check, report, compare, normalize and export (plain and pseudonymised),
//! and then every CSV cell of every file written is read back (no cell may start with
//! `=`, `+`, `-`, `@`, a tab or a CR unless it is a number) and every XLSX sheet is read
//! back with calamine (no cell may be a formula).

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

/// The sample with formulas in a unit name, a career post, a slate post, a name and a
/// résumé line.
fn hostile_sample(dir: &Path) {
    for e in std::fs::read_dir(root().join("data/sample")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    let edit = |name: &str, f: &dyn Fn(String) -> String| {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = f(text.clone());
        assert_ne!(text, changed, "{name} unchanged");
        std::fs::write(path, changed).unwrap();
    };
    // Unit name (reaches messages, structure and compare tables, charts).
    edit("units.csv", &|t| {
        t.replacen(
            "T01,青山县柳河镇,",
            "T01,\"=HYPERLINK(\"\"http://x\"\",\"\"柳河镇\"\")\",",
            1,
        )
    });
    // A career post (normalize's careers) and a slate post (rejected.csv's value).
    edit("careers.csv", &|t| {
        t.replacen(",党政办科员,", ",+SUM(1;2)党政办科员,", 1)
    });
    edit("slate.csv", &|t| {
        let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
        let last = lines.last().unwrap().clone();
        let mut f: Vec<&str> = last.split(',').collect();
        f[3] = "@cmd";
        lines.push(f.join(","));
        lines.join("\n") + "\n"
    });
    // A name (P0001) and a résumé line of another person.
    edit("cadres.csv", &|t| {
        t.replacen("P0001,廖蕾娜,", "P0001,-2+3+cmd|' /C calc'!A0,", 1)
            .replacen(
                "1998.07--2001.05 青山县民政局科员",
                "1998.07--2001.05 =青山县民政局科员",
                1,
            )
    });
}

/// Fields of a CSV text (RFC 4180 quoting).
fn csv_fields(text: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') | (false, '\n') => fields.push(std::mem::take(&mut field)),
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() {
        fields.push(field);
    }
    fields
}

fn is_number(v: &str) -> bool {
    v.trim().parse::<f64>().is_ok() && v.bytes().any(|b| b.is_ascii_digit())
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Checks every CSV and XLSX file under `dir`; returns how many were checked.
fn assert_safe(dir: &Path) -> usize {
    use calamine::{open_workbook_auto, Reader};
    let mut files = Vec::new();
    files_under(dir, &mut files);
    let mut checked = 0;
    for f in files {
        match f.extension().and_then(|e| e.to_str()) {
            Some("csv") => {
                let text = std::fs::read_to_string(&f).unwrap();
                for v in csv_fields(&text) {
                    let risky = v.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(&v);
                    assert!(!risky, "{}: cell {v:?} would run as a formula", f.display());
                }
                checked += 1;
            }
            Some("xlsx") => {
                let mut book = open_workbook_auto(&f).unwrap();
                for name in book.sheet_names() {
                    let formulas = book.worksheet_formula(&name).unwrap();
                    assert!(
                        formulas.used_cells().all(|(_, _, v)| v.is_empty()),
                        "{} sheet {name}: a cell is a formula",
                        f.display()
                    );
                }
                checked += 1;
            }
            _ => {}
        }
    }
    checked
}

#[test]
fn no_file_banzi_writes_carries_a_formula_from_the_input() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    hostile_sample(&data);
    let d = data.to_str().unwrap();
    let outputs = tmp.path().join("out");
    let out = |name: &str| outputs.join(name).to_str().unwrap().to_string();
    let key = tmp.path().join("key");
    std::fs::write(&key, "a key of more than sixteen bytes").unwrap();
    let runs: Vec<Vec<String>> = vec![
        vec!["check".into(), d.into(), "--out".into(), out("check")],
        vec!["report".into(), d.into(), "--out".into(), out("report")],
        vec![
            "compare".into(),
            d.into(),
            "--cycles".into(),
            "2016,2021".into(),
            "--out".into(),
            out("compare"),
        ],
        vec![
            "normalize".into(),
            d.into(),
            "--out".into(),
            out("normalize"),
        ],
        vec![
            "export".into(),
            d.into(),
            "--out".into(),
            out("export"),
            "--rejected-to".into(),
            out("export-rejected"),
        ],
        vec![
            "export".into(),
            d.into(),
            "--out".into(),
            out("export-p"),
            "--pseudonymize".into(),
            key.to_str().unwrap().into(),
            "--rejected-to".into(),
            out("export-p-rejected"),
        ],
    ];
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = banzi(&args);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // The planted values did reach the outputs (else the test proves nothing).
    let exceptions = std::fs::read_to_string(outputs.join("check/exceptions.csv")).unwrap();
    assert!(exceptions.contains("'=HYPERLINK"), "{exceptions}");
    let rejected = std::fs::read_to_string(outputs.join("check/rejected.csv")).unwrap();
    assert!(rejected.contains("'@cmd"), "{rejected}");
    let cadres = std::fs::read_to_string(outputs.join("normalize/cadres.csv")).unwrap();
    assert!(cadres.contains("'-2+3+cmd"), "{cadres}");
    let careers = std::fs::read_to_string(outputs.join("normalize/careers.csv")).unwrap();
    assert!(careers.contains("'+SUM(1;2)"), "{careers}");
    let structure = std::fs::read_to_string(outputs.join("report/structure_teams.csv")).unwrap();
    assert!(structure.contains("'=HYPERLINK"), "{structure}");
    // Every CSV and workbook written is safe.
    let checked = assert_safe(&outputs);
    assert!(checked >= 20, "only {checked} files checked");
}
