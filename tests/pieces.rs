//! A large CSV or Parquet table is read in pieces (issue 16): cutting it must change
//! nothing a user sees.
//! `BANZI_CSV_BATCH_ROWS` makes the pieces tiny, so the sample (and a copy of it with
//! planted bad rows) is cut into dozens of pieces; the exception list and `rejected.csv`
//! must be byte for byte those of the file read whole, with the same row numbers.

use std::path::{Path, PathBuf};
use std::process::Command;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample")
}

/// `banzi check DATASET --out OUT` with pieces of `rows` records (None: the default),
/// and the bytes of exceptions.csv and rejected.csv.
fn check(dataset: &Path, out: &Path, rows: Option<usize>, threads: usize) -> (Vec<u8>, Vec<u8>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_banzi"));
    cmd.args([
        "check",
        dataset.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
    .env("RAYON_NUM_THREADS", threads.to_string())
    .env("POLARS_MAX_THREADS", threads.to_string());
    match rows {
        Some(n) => cmd.env("BANZI_CSV_BATCH_ROWS", n.to_string()),
        None => cmd.env_remove("BANZI_CSV_BATCH_ROWS"),
    };
    let status = cmd.output().expect("banzi runs");
    assert!(
        matches!(status.status.code(), Some(0 | 1)),
        "banzi check failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let read = |f: &str| std::fs::read(out.join(f)).expect(f);
    (read("exceptions.csv"), read("rejected.csv"))
}

#[test]
fn the_sample_cut_into_pieces_gives_the_same_lists() {
    let tmp = tempfile::tempdir().unwrap();
    let whole = check(&sample(), &tmp.path().join("whole"), None, 2);
    assert!(whole.0.len() > 1000, "the sample has findings");
    for rows in [1, 7, 100] {
        let cut = check(
            &sample(),
            &tmp.path().join(format!("cut{rows}")),
            Some(rows),
            2,
        );
        assert!(
            cut.0 == whole.0,
            "exceptions.csv differs with pieces of {rows}"
        );
        assert!(
            cut.1 == whole.1,
            "rejected.csv differs with pieces of {rows}"
        );
    }
}

/// A copy of the sample with bad rows at known places: the careers table's rows 3 and
/// 40 (a date that is not one, a person who is not in cadres), the slate's row 5 (no
/// person) and last row (an unknown post), and at the ends of the cadres and candidates
/// tables a person given twice and a candidate listed twice. (The cadres table's
/// résumés span lines, so its lines are not its rows; its rows are appended.)
fn planted(tmp: &Path) -> PathBuf {
    let ds = tmp.join("ds");
    std::fs::create_dir(&ds).unwrap();
    for entry in std::fs::read_dir(sample()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, ds.join(p.file_name().unwrap())).unwrap();
    }
    let edit = |table: &str, f: &dyn Fn(&mut Vec<String>)| {
        let path = ds.join(format!("{table}.csv"));
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        f(&mut lines);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    };
    edit("careers", &|l| {
        l[2] = l[2].replacen(",1998-07,", ",1998-13,", 1);
        l[39] = format!("P9999{}", &l[39][l[39].find(',').unwrap()..]);
    });
    edit("slate", &|l| {
        let mut cells: Vec<String> = l[4].split(',').map(str::to_string).collect();
        cells[4] = String::new();
        l[4] = cells.join(",");
        let last = l.len() - 1;
        let mut cells: Vec<String> = l[last].split(',').map(str::to_string).collect();
        cells[3] = "总指挥长".into();
        l[last] = cells.join(",");
    });
    edit("cadres", &|l| {
        l.push("P0001,重复,男,1970-01,汉族,某党,,,,,,".into());
        l.push("P9001,新人,X,1970-01,汉族,,,,,,,".into());
        l.push("P9001,新人,男,1970-01,汉族,,,,,,,".into());
    });
    edit("candidates", &|l| {
        let again = l[1].clone();
        l.push(again);
        l.push(l[2].replacen(',', "X,", 1));
    });
    ds
}

#[test]
fn planted_bad_rows_keep_their_row_numbers_in_pieces() {
    let tmp = tempfile::tempdir().unwrap();
    let ds = planted(tmp.path());
    let whole = check(&ds, &tmp.path().join("whole"), None, 2);
    let rejected = String::from_utf8(whole.1.clone()).unwrap();
    for (table, row, column) in [
        ("careers", 3, "start"),
        ("careers", 40, "person_id"),
        ("slate", 5, "person_id"),
    ] {
        assert!(
            rejected
                .lines()
                .any(|l| l.starts_with(&format!("{table},{row},{column},"))),
            "{table} row {row} ({column}) not in rejected.csv:\n{rejected}"
        );
    }
    assert!(rejected
        .lines()
        .any(|l| l.starts_with("slate,") && l.contains("总指挥长")));
    for (needle, count) in [
        (
            ",person_id,P0001,\"duplicate person_id, first at row 2\"",
            1,
        ),
        (",gender,X,", 1),
        (",person_id,P9001,duplicate person_id", 0),
        ("the person is on this election's list twice", 1),
        ("is not in elections", 1),
    ] {
        assert_eq!(
            rejected.lines().filter(|l| l.contains(needle)).count(),
            count,
            "{needle:?} in rejected.csv:\n{rejected}"
        );
    }
    for (rows, threads) in [(1, 2), (4, 1), (9, 2), (64, 1)] {
        let cut = check(
            &ds,
            &tmp.path().join(format!("cut{rows}")),
            Some(rows),
            threads,
        );
        assert!(
            cut.1 == whole.1,
            "rejected.csv differs with pieces of {rows}, {threads} threads:\n{}",
            String::from_utf8_lossy(&cut.1)
        );
        assert!(
            cut.0 == whole.0,
            "exceptions.csv differs with pieces of {rows}"
        );
    }
}

/// The same planted copy as Parquet (every column text, as `banzi gen --format parquet`
/// writes it) is read in pieces of row slices: the same lists as the file read whole,
/// and the same exceptions as the CSV.
#[test]
fn parquet_read_in_pieces_gives_the_same_lists() {
    use polars::prelude::*;
    let tmp = tempfile::tempdir().unwrap();
    let ds = planted(tmp.path());
    let pq = tmp.path().join("pq");
    std::fs::create_dir(&pq).unwrap();
    for entry in std::fs::read_dir(&ds).unwrap() {
        let p = entry.unwrap().path();
        let mut frame = banzi::dataset::source::csv_frame(std::fs::read(&p).unwrap()).unwrap();
        let stem = p.file_stem().unwrap().to_str().unwrap();
        let file = std::fs::File::create(pq.join(format!("{stem}.parquet"))).unwrap();
        ParquetWriter::new(file)
            .with_row_group_size(Some(5))
            .finish(&mut frame)
            .unwrap();
    }
    let csv = check(&ds, &tmp.path().join("csv"), None, 2);
    let whole = check(&pq, &tmp.path().join("whole"), None, 2);
    assert!(whole.0 == csv.0, "Parquet and CSV give other exceptions");
    let rejected = String::from_utf8(whole.1.clone()).unwrap();
    assert!(rejected.contains("duplicate person_id"), "{rejected}");
    for (rows, threads) in [(1, 2), (7, 1), (64, 2)] {
        let cut = check(
            &pq,
            &tmp.path().join(format!("cut{rows}")),
            Some(rows),
            threads,
        );
        assert!(
            cut.1 == whole.1,
            "rejected.csv differs with pieces of {rows}:\n{}",
            String::from_utf8_lossy(&cut.1)
        );
        assert!(
            cut.0 == whole.0,
            "exceptions.csv differs with pieces of {rows}"
        );
    }
}
