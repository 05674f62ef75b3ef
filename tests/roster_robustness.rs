//! Loader robustness found while reading rosters: ragged CSV rows are rejected rows, and
//! a workbook whose zip archive lies about its sizes is still stopped at the limit.

use banzi::dataset::{self, LoadOptions};
use std::io::Write;
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn ragged_csv_rows_are_rejected_rows() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "cadres.csv",
        "person_id,name,gender,birth_date,ethnicity,party,education,specialties,native_place,staffing,resume\n\
         P1,甲,男,1980-01,汉族,中共党员,大学,,青山县,公务员,\n\
         P2,乙,女,1981-02,汉族,中共党员,大学,,青山县,公务员,,x,y\n\
         P3,丙,男,1982-03,汉族\n\
         \n\
         P4,丁,男,1983-04,汉族,中共党员,大学,\"经济,党务\",青山县,公务员,\"1998.07-- 青山县柳河镇党委书记\n2001.01-- 青山县柳河镇镇长\"\n\
         P5,戊,男,1984-05,汉族,中共党员,大学,,青山县,公务员,\n",
    );
    write(
        d,
        "slate.csv",
        "cycle,unit_id,body,post,person_id\n2021,T1,党委,党委书记,P1\n2021,T1,政府,镇长,P2\n2021,T1,政府,副镇长,P5\n",
    );
    let ds = dataset::load(d, &LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.cadres.person_id, ["P1", "P4", "P5"]);
    // Rows as a spreadsheet numbers them: P4's résumé spans lines 6–7, so P5 is on 8.
    let p5 = ds.cadres.position("P5").expect("P5 is a cadre") as usize;
    assert_eq!(ds.cadres.row[p5], 8);
    let ragged: Vec<(usize, &str)> = ds
        .rejections
        .items
        .iter()
        .filter(|r| r.table == "cadres")
        .map(|r| (r.row, r.reason.as_str()))
        .collect();
    assert_eq!(
        ragged,
        [
            (3, "13 fields, the header has 11"),
            (4, "5 fields, the header has 11")
        ]
    );
    let cadres = ds.counts.iter().find(|c| c.table == "cadres").unwrap();
    assert_eq!((cadres.read, cadres.loaded, cadres.rejected), (5, 3, 2));
    // P2's seat is rejected as a person not in cadres, not silently dropped.
    assert_eq!(ds.slate.len(), 2);
}

/// A zip whose entry inflates to 64 MB while both its headers declare 1 KB.
fn lying_bomb(path: &Path) {
    use zip::write::SimpleFileOptions;
    let mut bytes = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let opts =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..64 {
            z.write_all(&zeros).unwrap();
        }
        z.finish().unwrap();
    }
    let patch = |bytes: &mut Vec<u8>, signature: [u8; 4], offset: usize| {
        let at = bytes
            .windows(4)
            .position(|w| w == signature)
            .expect("zip header");
        bytes[at + offset..at + offset + 4].copy_from_slice(&1024u32.to_le_bytes());
    };
    patch(&mut bytes, [0x50, 0x4b, 0x01, 0x02], 24);
    patch(&mut bytes, [0x50, 0x4b, 0x03, 0x04], 22);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_zip_bomb_that_declares_small_sizes_is_stopped_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cadres.xlsx");
    lying_bomb(&path);
    let err = dataset::load(&path, &LoadOptions::default())
        .expect_err("refused")
        .to_string();
    assert!(
        err.contains("zip bomb") && err.contains("cadres.xlsx"),
        "{err}"
    );
    let err = banzi::dataset::text::check_zip(
        std::fs::File::open(&path).unwrap(),
        std::fs::metadata(&path).unwrap().len(),
    )
    .unwrap_err();
    assert!(err.contains("zip bomb"), "{err}");
}

#[test]
fn a_workbook_banzi_cannot_open_is_explained_in_its_own_words() {
    let dir = tempfile::tempdir().unwrap();
    // A workbook cut short, as a broken download leaves it.
    let whole = dir.path().join("whole.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "姓名").unwrap();
    wb.save(&whole).unwrap();
    let bytes = std::fs::read(&whole).unwrap();
    let cut = dir.path().join("名册.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    // A text file renamed to .xlsx.
    let renamed = dir.path().join("cadres.xlsx");
    std::fs::write(&renamed, "姓名,性别\n张三,男\n").unwrap();
    for (path, words) in [(&cut, "incomplete or damaged"), (&renamed, "none of .xlsx")] {
        let err = dataset::load(path, &LoadOptions::default())
            .expect_err("refused")
            .to_string();
        assert!(err.contains(words), "{err}");
        assert!(!err.contains("Cannot detect"), "{err}");
    }
}
