//! Everything a reader sees in the report and the comparison is in the language asked
//! for. `banzi report` and `banzi compare` run on the sample in Chinese and in English;
//! every visible text of `report.html` (text between tags and the attributes a reader
//! sees, with scripts, styles and the embedded font left out) and of the SVG charts
//! (`<text>` elements), and the sheet names and headers of `structure.xlsx` and
//! `compare.xlsx`, is scanned:
//!
//! - in Chinese for ASCII words (two or more letters a–z), except rule codes and rule
//!   families (`AGE-001`, `AGE`), ids taken from the input (`T01`, `P0122`), the
//!   dataset path the user gave, and the program's name in the footer;
//! - in English for Han characters, except data values taken from the input (names of
//!   units, persons and posts, as they are in the data).
//!
//! The rules' own `observed`/`expected`/`message` strings are not scanned here: they are
//! localised in `src/rules/` and scanned in `tests/findings.rs`. They are recognised
//! exactly (the findings of the same run, in the same language), so no other text escapes
//! the scan. The CSV
//! headers are column codes (`age_le30`, `spec_党务`) that scripts read, not labels.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use banzi::pipeline::RunOptions;
use banzi::rules::{Lang, Scope};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    root().join("data/sample")
}

/// Runs banzi with `args` in the crate's root; exit codes 0 and 1 (findings) are fine.
fn banzi(args: &[&str]) {
    let o = Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "banzi {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` without the elements named `tag` (with their content).
fn without(s: &str, tag: &str) -> String {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(&open) {
        out.push_str(&rest[..i]);
        match rest[i..].find(&close) {
            Some(j) => rest = &rest[i + j + close.len()..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// The value of each `name="…"` attribute in `tag` (the text inside `<…>`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    tag[i..].find('"').map(|j| &tag[i..i + j])
}

/// Attributes whose value a reader sees (a tooltip, a placeholder, what a screen reader
/// says, and the count line the script fills in from `data-tmpl`).
const SHOWN_ATTRIBUTES: [&str; 5] = ["placeholder", "aria-label", "title", "alt", "data-tmpl"];

/// Every text of an HTML or SVG document a reader sees, unescaped and trimmed.
fn visible_texts(doc: &str) -> Vec<String> {
    let doc = without(&without(doc, "script"), "style");
    let mut texts = Vec::new();
    let mut rest = doc.as_str();
    loop {
        let (text, tail) = match rest.find('<') {
            Some(i) => (&rest[..i], Some(&rest[i..])),
            None => (rest, None),
        };
        let text = unescape(text);
        if !text.trim().is_empty() {
            texts.push(text.trim().to_string());
        }
        let Some(tail) = tail else { break };
        let end = tail.find('>').unwrap_or(tail.len() - 1);
        let tag = &tail[..end];
        for name in SHOWN_ATTRIBUTES {
            if let Some(v) = attribute(tag, name) {
                // The script puts numbers where the template says {n} and {total}.
                let v = unescape(v).replace("{n}", "3").replace("{total}", "30");
                texts.push(v);
            }
        }
        rest = &tail[end + 1..];
    }
    texts
}

/// The visible texts of `report.html` (if any) and of every SVG chart in `out`, each with
/// the file it is from.
fn texts_of(out: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(out.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "svg"))
        .collect();
    files.sort();
    let page = out.join("report.html");
    if page.exists() {
        files.insert(0, page);
    }
    assert!(files.len() > 5, "too few files in {}", out.display());
    let mut all = Vec::new();
    for f in files {
        let doc = std::fs::read_to_string(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for t in visible_texts(&doc) {
            all.push((name.clone(), t));
        }
    }
    all
}

/// The sheet names and the header rows of the workbooks in `out` (the tables' data cells
/// are figures, ids and input values).
fn workbook_texts(out: &Path) -> Vec<(String, String)> {
    use calamine::{open_workbook_auto, Reader};
    let mut all = Vec::new();
    for name in ["structure.xlsx", "compare.xlsx"] {
        let path = out.join(name);
        if !path.exists() {
            continue;
        }
        let mut book = open_workbook_auto(&path).unwrap();
        for sheet in book.sheet_names() {
            all.push((name.to_string(), sheet.clone()));
            let range = book.worksheet_range(&sheet).unwrap();
            for cell in range.rows().next().into_iter().flatten() {
                all.push((format!("{name} {sheet}"), cell.to_string()));
            }
        }
    }
    assert!(!all.is_empty(), "no workbook in {}", out.display());
    all
}

/// The rules' own texts of the sample in `lang` (observed, expected, message).
fn rule_texts(lang: Lang) -> BTreeSet<String> {
    let out = tempfile::tempdir().unwrap();
    let run = RunOptions {
        dataset: sample(),
        lang,
        out: out.path().to_path_buf(),
        ..RunOptions::default()
    }
    .prepare()
    .unwrap();
    let mut findings = run.findings().unwrap();
    findings.extend(run.findings_of(&run.rules_of_scope(Scope::Cycle)).unwrap());
    findings
        .into_iter()
        .flat_map(|f| [f.observed, f.expected, f.message])
        .filter(|s| !s.is_empty())
        .collect()
}

/// The cells of the sample's input tables, split into their Han runs (a specialty list
/// `经济;法治` gives `经济` and `法治`), and the ids (`unit_id`, `parent_id`, `person_id`
/// and the like).
struct Input {
    han: BTreeSet<String>,
    ids: BTreeSet<String>,
}

fn input() -> Input {
    let mut han = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for e in std::fs::read_dir(sample()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "csv") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for run in text.split(|c: char| !is_han(c)).filter(|r| !r.is_empty()) {
            han.insert(run.to_string());
        }
        for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
            let digits = word.trim_start_matches(|c: char| c.is_ascii_uppercase());
            let numbered = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
            if word.len() > digits.len() && numbered {
                ids.insert(word.to_string());
            }
        }
    }
    Input { han, ids }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The ASCII words (two or more letters) of `text` that are not codes or ids.
fn ascii_words(text: &str, input: &Input) -> Vec<String> {
    let families: BTreeSet<&str> = banzi::report::charts::RULE_FAMILIES.into();
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .filter(|w| {
            let code = w.split_once('-').is_some_and(|(f, n)| {
                families.contains(f) && n.len() == 3 && n.chars().all(|c| c.is_ascii_digit())
            });
            !(code || families.contains(w) || input.ids.contains(*w))
        })
        .map(str::to_string)
        .collect()
}

/// Whether the Han run `run` is made of data values of the input, whole (the last one
/// may be cut short when `cut`, as chart labels too wide for their column are).
fn from_input(run: &str, cut: bool, input: &Input) -> bool {
    let chars: Vec<char> = run.chars().collect();
    // ok[i]: chars[..i] is a sequence of whole values.
    let mut ok = vec![false; chars.len() + 1];
    ok[0] = true;
    for i in 0..chars.len() {
        if !ok[i] {
            continue;
        }
        for j in i + 1..=chars.len() {
            let piece: String = chars[i..j].iter().collect();
            let last = j == chars.len();
            if input.han.contains(&piece)
                || (last && cut && input.han.iter().any(|v| v.starts_with(&piece)))
            {
                ok[j] = true;
            }
        }
    }
    ok[chars.len()]
}

/// The Han runs of `text` that are not data values of the input.
fn han_words(text: &str, input: &Input) -> Vec<String> {
    let mut bad = Vec::new();
    let mut run = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_han(c) {
            run.push(c);
        }
        if !run.is_empty() && chars.peek().is_none_or(|n| !is_han(*n)) {
            let cut = chars.peek() == Some(&'…');
            if !from_input(&run, cut, input) {
                bad.push(std::mem::take(&mut run));
            }
            run.clear();
        }
    }
    bad
}

/// Runs report and compare on the sample in `lang` and returns what no exception
/// covers, as `file: text (the words)` lines, with how many texts were scanned.
fn leaks(lang: Lang) -> (Vec<String>, usize) {
    let code = match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    let report = tempfile::tempdir().unwrap();
    let compare = tempfile::tempdir().unwrap();
    let (r, c) = (
        report.path().to_str().unwrap(),
        compare.path().to_str().unwrap(),
    );
    banzi(&["report", "data/sample", "--lang", code, "--out", r]);
    let cycles = ["--cycles", "2016,2021"];
    banzi(&[
        "compare",
        "data/sample",
        cycles[0],
        cycles[1],
        "--lang",
        code,
        "--out",
        c,
    ]);

    let input = input();
    let rules = rule_texts(lang);
    let version = format!("banzi {}", env!("CARGO_PKG_VERSION"));
    let mut texts = texts_of(report.path());
    texts.extend(texts_of(compare.path()));
    texts.extend(workbook_texts(report.path()));
    texts.extend(workbook_texts(compare.path()));
    let mut found = Vec::new();
    for (file, text) in &texts {
        if rules.contains(text) {
            continue;
        }
        // The dataset path the user gave, and the program's name and version.
        let text = text.replace("data/sample", "").replace(&version, "");
        let words = match lang {
            Lang::Zh => ascii_words(&text, &input),
            Lang::En => han_words(&text, &input),
        };
        if !words.is_empty() {
            found.push(format!("{file}: {text} ({})", words.join(", ")));
        }
    }
    found.sort();
    found.dedup();
    (found, texts.len())
}

#[test]
fn chinese_report_and_comparison_have_no_english_words() {
    let (found, scanned) = leaks(Lang::Zh);
    assert!(scanned > 500, "only {scanned} texts scanned");
    assert!(
        found.is_empty(),
        "English in the Chinese output:\n{}",
        found.join("\n")
    );
}

#[test]
fn english_report_and_comparison_have_no_chinese_words() {
    let (found, scanned) = leaks(Lang::En);
    assert!(scanned > 500, "only {scanned} texts scanned");
    assert!(
        found.is_empty(),
        "Chinese in the English output:\n{}",
        found.join("\n")
    );
}

/// The scanners themselves: they find what they are meant to find.
#[test]
fn the_scan_finds_words_and_lets_codes_ids_and_data_through() {
    let input = Input {
        han: ["青山县", "柳河镇", "党委书记"].map(String::from).into(),
        ids: ["T01", "P0122"].map(String::from).into(),
    };
    assert!(ascii_words("AGE-001 AGE T01 P0122 35岁以下 2/10 ≥ 1 (5%)", &input).is_empty());
    assert_eq!(
        ascii_words("0/17 principal posts", &input),
        ["principal", "posts"]
    );
    assert_eq!(
        ascii_words("问题未查清 (vetting_hold)", &input),
        ["vetting_hold"]
    );
    assert!(han_words("青山县柳河镇: 党委书记 2021", &input).is_empty());
    assert!(han_words("Cut: 青山县柳…", &input).is_empty());
    assert_eq!(han_words("8 women (上届 9)", &input), ["上届"]);
    assert_eq!(han_words("青山县柳 end", &input), ["青山县柳"]);
    let html = "<html><head><style>@font-face{src:url(x)}</style><script>var a='English';\
                </script></head><body><h1 title=\"Tip &amp; more\">标题</h1><p>a &lt; b</p>\
                <span data-tmpl=\"显示 {n} / {total} 条\"></span></body></html>";
    assert_eq!(
        visible_texts(html),
        ["Tip & more", "标题", "a < b", "显示 3 / 30 条"]
    );
}
