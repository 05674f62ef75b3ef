//! The 简历 (résumé) parser: turns the free-text career history of a cadre
//! appointment form (任免审批表), one post per line, into dated entries with the
//! unit, the post, the unit's kind and whether the post is a leadership post.
//!
//! Tenure and experience rules need careers, and most cadre data carries them only
//! as résumé text such as
//!
//! ```text
//! 1998.07--2003.12  某某县某某乡党委副书记
//! 2003.12—2008.05 某某县某某镇党委副书记、镇长
//! 2008.05-　　某某县某某街道党工委书记（其间：2009.09--2011.07 在省委党校研究生班学习）
//! ```
//!
//! Each line is read in three steps. [`dates`] reads the date prefix (every dash
//! style, `至`, open ends, start-only lines, year-only ranges). The rest of the line,
//! together with any wrapped continuation lines, loses its bracketed asides, which
//! become [`ResumeNote`]s: `（其间：…）` spells are study or part-time periods inside
//! the post and are never separate posts. What is left is split on `，`/`；` into
//! groups and on `、`/`兼` into posts; [`posts`] splits each into unit and post, a
//! post without a unit takes the unit of the post before it (`某某镇党委副书记、镇长`),
//! and a relative unit (`省人大常委会` after `福建省委书记`) is completed from it.
//! [`classify`] then gives the unit's kind. Lines that are neither posts nor
//! continuations go to [`ParsedResume::errors`] with a reason; no input panics.
//! [`measure()`] counts how much of a corpus the parser reads.

pub mod classify;
pub mod dates;
pub mod measure;
pub mod posts;

pub use classify::{classify_entry, classify_unit};
pub use measure::{measure, read_xlsx_column, ResumeStats};
pub use posts::{is_leadership_post, split_unit_post};

use crate::normalize::date::PartialDate;
use crate::normalize::unit_kind::UnitKind;
use dates::{scan_prefix, DatePrefix, PrefixEnd};

/// An aside in brackets after a post: a `其间` spell (study, secondment, part-time
/// post inside the main post), a rank (`正处级`) or a remark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeNote {
    /// The aside without its dates and without the `其间：` lead-in.
    pub text: String,
    /// When the aside gives dates (`2009.09--2011.07 在省委党校学习`), its start.
    pub start: Option<PartialDate>,
    /// Its end; `None` when open or not given.
    pub end: Option<PartialDate>,
}

/// One post held over one spell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeEntry {
    /// 1-based line number within the résumé text (of the line the dates are on).
    pub line: usize,
    pub start: PartialDate,
    /// `None` = ongoing. A start-only line (`2009.06，任…`) ends when the next entry
    /// starts, or is ongoing when it is the last.
    pub end: Option<PartialDate>,
    /// e.g. `某某县某某乡`.
    pub unit_name: String,
    /// e.g. `党委副书记`; empty when the line names a unit but no known post.
    pub post: String,
    pub unit_kind: UnitKind,
    /// A leadership post of the unit, see [`is_leadership_post`]; also false for
    /// mass organisations (团委, 妇联, 工会) and, in townships, subdistricts,
    /// communes and villages, for heads of their internal offices (`某某镇党政办主任`).
    pub leadership: bool,
    /// The original line text (continuation lines included, joined by a newline).
    pub raw: String,
    /// The source gave only years (`1973-1975年`): `start`/`end` are January.
    pub year_only: bool,
    /// Bracketed asides and `其间` sub-entries of the post.
    pub notes: Vec<ResumeNote>,
}

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeLineError {
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// The entries of a résumé and the lines that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedResume {
    pub entries: Vec<ResumeEntry>,
    pub errors: Vec<ResumeLineError>,
}

/// How a line was used; the basis of [`measure`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineUse {
    Blank,
    Header,
    /// A dated line read into entries (`range`: it had a dash or `至`).
    Post {
        range: bool,
        entries: usize,
    },
    /// A dated line whose text gave no entry.
    EmptyPost {
        range: bool,
    },
    /// A line inside or opening a `其间` aside of the previous post.
    SubEntry {
        dated: bool,
    },
    /// A wrapped line appended to the previous post.
    Continuation,
    /// A dated line that is a news sentence, not a post.
    Narrative,
    /// A line that starts like a date but is not one.
    BadDate,
    /// An undated line that continues nothing.
    Undated,
}

/// A dated line with the lines appended to it.
struct Record {
    line: usize,
    prefix: DatePrefix,
    range: bool,
    body: String,
    raw: String,
    use_index: usize,
}

/// Normalises a line: ASCII digits, plain spaces, ASCII brackets as full-width.
fn normalize_line(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '／' => '/',
            '(' => '（',
            ')' => '）',
            '：' => ':',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect()
}

/// Section headers that may stand before or above the résumé.
const HEADERS: &[&str] = &[
    "个人简历",
    "工作简历",
    "主要简历",
    "简历",
    "工作经历",
    "个人经历",
    "主要经历",
    "任职经历",
    "人物履历",
    "个人履历",
    "履历",
    "经历",
];

/// Strips a header (`简历：`, `简 历`) from the front of a normalised line: returns
/// the rest, or `None` when there is no header.
fn strip_header(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    for &header in HEADERS {
        let mut rest = trimmed;
        let mut ok = true;
        for h in header.chars() {
            rest = rest.trim_start();
            match rest.strip_prefix(h) {
                Some(r) => rest = r,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix(':') {
            return Some(r.trim_start());
        }
        if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(rest);
        }
    }
    None
}

/// Bracket depth change of a text (opening minus closing).
fn bracket_balance(text: &str) -> i64 {
    text.chars().fold(0i64, |d, c| match c {
        '（' | '【' | '[' => d + 1,
        '）' | '】' | ']' => d - 1,
        _ => d,
    })
}

/// Whether a text closes a bracket opened before it: a closing bracket with no opening
/// of its own in front of it (`…学习）` does; `区长（其间：…）` does not).
fn closes_outer(text: &str) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' | '【' | '[' => depth += 1,
            '）' | '】' | ']' if depth == 0 => return true,
            '）' | '】' | ']' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Whether a line (after the header) starts with four digits that look like a
/// year, so that a failure to read it is a bad date rather than an undated line.
fn looks_dated(line: &str) -> bool {
    let digits: String = line
        .trim_start()
        .trim_start_matches(['自', '从'])
        .chars()
        .take(4)
        .collect();
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"))
}

/// Lead-ins of a `其间` aside written without brackets.
const ASIDE_LEADS: &[&str] = &["其间", "期间", "在此期间", "此间", "其中", "同期"];

fn starts_aside(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('（') || t.starts_with('【') || ASIDE_LEADS.iter().any(|w| t.starts_with(w))
}

/// Words that make a dated line a news item, a court report or a sentence of prose
/// wherever they stand outside brackets.
const NARRATIVE_WORDS: &[&str] = &[
    "被告人",
    "经查",
    "受贿",
    "涉嫌",
    "立案",
    "开庭",
    "判决",
    "判处",
    "宣判",
    "利用职务",
    "违规",
    "违纪",
    "逝世",
    "去世",
    "罢免",
    "决定:",
    "据中央",
    "据新华社",
    "逮捕",
    "被捕",
    "人民币",
    "开除党籍",
];

/// Events (`2014.07，退休`, `2013.02——不再担任…`, `1972年3月加入中国共产党`,
/// `2000年，获…称号`): dated, but not posts. They count when the text starts with
/// them.
const END_EVENTS: &[&str] = &[
    "获",
    "荣获",
    "入选",
    "被评为",
    "评为",
    "享受",
    "出版",
    "参加工作",
    "加入中国共产党",
    "入党",
    "出生",
    "生于",
    "退休",
    "提前退休",
    "免职",
    "不再担任",
    "免去",
    "被免",
    "辞去",
    "辞职",
    "因涉嫌",
    "因违反",
    "因病",
    "被查",
];

/// Words that make a start-only dated line news rather than a post, unless the
/// line starts with them (`2006年9月当选中共保山市委书记` is a post).
const NEWS_WORDS: &[&str] = &[
    "当选",
    "任命",
    "选举",
    "召开",
    "举行",
    "出席",
    "宣布",
    "同志",
    "次会议",
    "消息",
    "批准",
    "评为",
];

/// Whether the text of a dated line (outside brackets) is narrative, not a post.
fn looks_narrative(main: &str, start_only: bool) -> bool {
    let t = posts::trim_segment(main);
    if NARRATIVE_WORDS.iter().any(|w| t.contains(w))
        || t.starts_with('据')
        || END_EVENTS.iter().any(|w| t.starts_with(w))
    {
        return true;
    }
    if start_only {
        let lead_len = ["被任命为", "任命为", "当选为", "再次当选", "当选"]
            .iter()
            .find(|w| t.starts_with(**w))
            .map(|w| w.len())
            .unwrap_or(0);
        let after = t.get(lead_len..).unwrap_or("");
        if NEWS_WORDS.iter().any(|w| after.contains(w)) {
            return true;
        }
    }
    // A long text with a full stop inside is a paragraph.
    let inner_stop = t.trim_end_matches(['。', '；', ';', ' ']).contains('。');
    inner_stop && t.chars().count() > 60
}

/// Words that mark a trailer line (memberships, honours) rather than a wrapped post.
const TRAILER_WORDS: &[&str] = &[
    "届", "代表", "曾任", "现任", "主要", "获", "著有", "分管", "负责", "逝世", "涉嫌", "判处",
    "候补",
];

/// Whether an undated line continues the post before it (a wrapped line).
fn is_continuation(record: &Record, line: &str, raw: &str, blank_before: bool) -> bool {
    let t = line.trim();
    let len = t.chars().count();
    if blank_before || len > 60 {
        return false;
    }
    if TRAILER_WORDS.iter().any(|w| t.contains(w)) {
        return false;
    }
    let body = record.body.trim_end();
    let indented = raw.starts_with(|c: char| c.is_whitespace());
    let joiner = body.ends_with(['、', '，', ',', '和', '及', '兼', '与', '/']);
    let open = !body.ends_with(['。', '；', ';']);
    let sentence = t.trim_end_matches(['。', '；', ';']).contains('。');
    if sentence {
        return false;
    }
    indented || joiner || (open && len <= 25)
}

/// Splits a text into the part outside brackets and the bracketed asides
/// (outermost level; an unclosed bracket runs to the end).
fn extract_asides(text: &str) -> (String, Vec<String>) {
    let mut main = String::new();
    let mut asides = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' | '【' | '[' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            '）' | '】' | ']' if depth > 0 => {
                depth -= 1;
                if depth > 0 {
                    current.push(c);
                } else {
                    asides.push(std::mem::take(&mut current));
                }
            }
            '）' | '】' | ']' => {}
            _ if depth > 0 => current.push(c),
            _ => main.push(c),
        }
    }
    if !current.trim().is_empty() {
        asides.push(current);
    }
    // `其间：…` written without brackets.
    for lead in ASIDE_LEADS.iter().take(4) {
        if let Some(pos) = main.find(lead) {
            if pos > 0 {
                let aside = main.get(pos..).unwrap_or("").to_string();
                main.truncate(pos);
                asides.push(aside);
                break;
            }
        }
    }
    (main, asides)
}

/// Reads an aside into notes: one per `；`-separated part, with its dates if it has
/// any.
fn read_notes(aside: &str) -> Vec<ResumeNote> {
    let mut text = aside.trim();
    for &lead in ASIDE_LEADS {
        if let Some(rest) = text.strip_prefix(lead) {
            text = rest.trim_start_matches([':', '，', ',', ' ']);
            break;
        }
    }
    let mut notes = Vec::new();
    for part in text.split(['；', ';', '\n']) {
        let part = posts::trim_segment(part);
        if part.is_empty() {
            continue;
        }
        let chars: Vec<char> = part.chars().collect();
        let note = match scan_prefix(&chars) {
            Some(p) => {
                let rest: String = chars.get(p.rest..).unwrap_or(&[]).iter().collect();
                let end = match p.end {
                    PrefixEnd::Date(d) => Some(d.date),
                    _ => None,
                };
                ResumeNote {
                    text: posts::trim_segment(&rest).to_string(),
                    start: Some(p.start.date),
                    end,
                }
            }
            None => ResumeNote {
                text: part.to_string(),
                start: None,
                end: None,
            },
        };
        notes.push(note);
    }
    notes
}

/// A segment that is only a rank or grade (`正厅级`, `副部长级`): a note, not a post.
fn is_rank_only(seg: &str) -> bool {
    let n = seg.chars().count();
    (seg.ends_with('级') || seg.ends_with("级待遇")) && n <= 7
}

/// Organ names written without their level, completed from the previous unit
/// (`组织部` after `四川省委`).
const BARE_ORGANS: &[&str] = &[
    "组织部",
    "宣传部",
    "统战部",
    "政法委",
    "纪委",
    "办公厅",
    "办公室",
    "党校",
    "人武部",
    "武装部",
    "秘书处",
    "政策研究室",
    "政研室",
    "党组",
    "人大常委会",
    "人民政府",
    "政府",
    "常委会",
    "管委会",
    "管理委员会",
    "革委会",
    "革命委员会",
    "机关",
    "书记处",
    "办事处",
];

/// Completes a unit written relative to the previous one: `市人大常委会` after
/// `浙江省衢州市委` is `浙江省衢州市人大常委会`; an empty unit is the previous one
/// (cut back to the level of an `X长` post: `省长` after `四川省委` is in `四川省`).
fn resolve_unit(current: &str, unit: &str, post: &str) -> String {
    if unit.is_empty() {
        if let Some(level) = posts::level_of_post(post) {
            if let Some(pos) = current.rfind(level) {
                // `县长` after `中共某某县委` is in `某某县`, not `中共某某县`.
                let cut = current.get(..pos + level.len_utf8()).unwrap_or(current);
                let cut = cut
                    .strip_prefix("中国共产党")
                    .or_else(|| cut.strip_prefix("中共"))
                    .unwrap_or(cut);
                return cut.to_string();
            }
        }
        return current.to_string();
    }
    if current.is_empty() || unit.starts_with("市中区") {
        return unit.to_string();
    }
    let mut chars = unit.chars();
    let first = chars.next();
    let second = chars.next();
    let level = match first {
        Some(c @ ('省' | '市' | '县' | '区' | '州' | '盟' | '旗')) => Some(c),
        Some(c @ ('乡' | '镇')) if second.is_some_and(|s| "党政人纪委".contains(s)) => {
            Some(c)
        }
        _ => None,
    };
    if let Some(level) = level {
        if let Some(pos) = current.rfind(level) {
            let head = current.get(..pos).unwrap_or("");
            return format!("{head}{unit}");
        }
        return unit.to_string();
    }
    if BARE_ORGANS.iter().any(|o| unit.starts_with(o)) {
        return format!("{current}{unit}");
    }
    unit.to_string()
}

/// Whether `兼` at byte `pos` of `text` joins two posts (not `兼职`, `兼管`).
fn splits_at_jian(text: &str, pos: usize) -> bool {
    let next = text
        .get(pos + '兼'.len_utf8()..)
        .and_then(|r| r.chars().next());
    !matches!(next, Some('职' | '管' | '顾' | '容' | '并' | '备' | '收'))
}

/// Splits a group into posts on `、`, `/` and `兼`.
fn split_posts(group: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for (pos, c) in group.char_indices() {
        let split = match c {
            '、' | '/' => true,
            '兼' => splits_at_jian(group, pos),
            _ => false,
        };
        if split {
            out.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    out.push(current);
    out.into_iter()
        .map(|s| posts::trim_segment(&s).to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits the body of a line into groups on `，`, `；`, `。` and runs of spaces.
fn split_groups(main: &str) -> Vec<String> {
    let mut groups = Vec::new();
    let mut current = String::new();
    let mut spaces = 0;
    for c in main.chars() {
        if matches!(c, '，' | ',' | '；' | ';' | '。' | '\n') {
            groups.push(std::mem::take(&mut current));
            spaces = 0;
            continue;
        }
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces > 0 && !current.trim().is_empty() {
            groups.push(std::mem::take(&mut current));
        }
        spaces = 0;
        current.push(c);
    }
    groups.push(current);
    groups
        .into_iter()
        .map(|g| g.trim().to_string())
        .filter(|g| !g.is_empty())
        .collect()
}

/// Whether a unit at grass-roots level names an internal office (`某某镇党政办`)
/// rather than the unit's leading body.
fn is_internal_office(unit: &str, kind: UnitKind) -> bool {
    if !matches!(
        kind,
        UnitKind::Township | UnitKind::Subdistrict | UnitKind::Commune | UnitKind::Village
    ) {
        return false;
    }
    let tail = classify::tail_after_last_marker(unit);
    let mut rest = tail.as_str();
    const ORGANS: &[&str] = &[
        "人民政府",
        "政府",
        "党委",
        "党工委",
        "人大主席团",
        "人大",
        "纪委",
        "纪工委",
        "办事处",
        "管委会",
        "革委会",
        "革命委员会",
        "管理委员会",
        "委员会",
        "村民委员会",
        "民委员会",
        "委会",
        "党支部",
        "党总支",
        "支部",
        "总支",
        "委",
        "人武部",
        "武装部",
    ];
    loop {
        let before = rest;
        for &organ in ORGANS {
            if let Some(r) = rest.strip_prefix(organ) {
                rest = r;
                break;
            }
        }
        // `某某街道办` is the subdistrict office itself.
        if kind == UnitKind::Subdistrict && rest == "办" {
            rest = "";
        }
        if rest == before {
            break;
        }
    }
    !rest.trim().is_empty()
}

/// Whether `post` is a leadership post *of the unit named*: [`is_leadership_post`],
/// except in mass organisations (共青团, 妇联, 工会), for `委员`/`常委` of a 政协,
/// and, in townships, subdistricts, communes and villages, for the heads of their
/// internal offices (`某某镇党政办主任`, `某某乡财政所所长`), who are not members
/// of the unit's leadership team. This is what résumé entries carry; use it for
/// careers rows that give both the unit name and the post.
pub fn leadership_in_unit(unit_name: &str, post: &str) -> bool {
    entry_leadership(unit_name, post, classify_entry(unit_name, post))
}

/// Whether an entry is a leadership post of its unit.
fn entry_leadership(unit: &str, post: &str, kind: UnitKind) -> bool {
    if !is_leadership_post(post) || posts::is_mass_organisation(unit) {
        return false;
    }
    if unit.contains("政协") && (post.ends_with("委员") || post.ends_with("常委")) {
        return false;
    }
    !is_internal_office(unit, kind)
}

/// Builds the entries of one record.
fn record_entries(record: &Record) -> Vec<ResumeEntry> {
    let (main, asides) = extract_asides(&record.body);
    let mut notes: Vec<ResumeNote> = asides.iter().flat_map(|a| read_notes(a)).collect();
    let start = record.prefix.start;
    let (end, end_year_only) = match record.prefix.end {
        PrefixEnd::Date(d) => (Some(d.date), d.year_only),
        PrefixEnd::Open | PrefixEnd::StartOnly => (None, false),
    };
    let year_only = start.year_only || end_year_only;
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut current = String::new();
    let mut pending_unit: Option<String> = None;
    for group in split_groups(&main) {
        if END_EVENTS.iter().any(|w| group.starts_with(w)) {
            // `…，免去其某某职务`: an event inside the line, not a post.
            notes.push(ResumeNote {
                text: group,
                start: None,
                end: None,
            });
            continue;
        }
        let segments = split_posts(&group);
        let count = segments.len();
        for (k, seg) in segments.into_iter().enumerate() {
            if is_rank_only(&seg) {
                notes.push(ResumeNote {
                    text: seg,
                    start: None,
                    end: None,
                });
                continue;
            }
            let (unit, post) = split_unit_post(&seg);
            if post.is_empty() {
                if k + 1 < count {
                    // `某某县委、县政府督查室主任`: a unit shared with the next post.
                    current = resolve_unit(&current, &unit, "");
                    pending_unit = Some(current.clone());
                } else if pairs.is_empty() && !unit.is_empty() {
                    // `某某处 副处长`: the unit stands apart from its post.
                    current = resolve_unit(&current, &unit, "");
                    pending_unit = Some(current.clone());
                } else if !unit.is_empty() {
                    notes.push(ResumeNote {
                        text: seg,
                        start: None,
                        end: None,
                    });
                }
                continue;
            }
            let unit = resolve_unit(&current, &unit, &post);
            current = unit.clone();
            pending_unit = None;
            pairs.push((unit, post));
        }
    }
    if pairs.is_empty() {
        if let Some(unit) = pending_unit {
            pairs.push((unit, String::new()));
        }
    }
    pairs
        .into_iter()
        .map(|(unit_name, post)| {
            let unit_kind = classify_entry(&unit_name, &post);
            let leadership = entry_leadership(&unit_name, &post, unit_kind);
            ResumeEntry {
                line: record.line,
                start: start.date,
                end,
                unit_name,
                post,
                unit_kind,
                leadership,
                raw: record.raw.clone(),
                year_only,
                notes: notes.clone(),
            }
        })
        .collect()
}

/// Lines of a text: CR-LF, LF and lone CR all end a line.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(['\r', '\n']) {
            Some(pos) => {
                lines.push(rest.get(..pos).unwrap_or(""));
                let after = rest.get(pos..).unwrap_or("");
                let skip = if after.starts_with("\r\n") { 2 } else { 1 };
                rest = after.get(skip..).unwrap_or("");
            }
            None => {
                lines.push(rest);
                rest = "";
            }
        }
    }
    lines
}

/// Parses a résumé and says how each line was used.
pub(crate) fn parse_with_uses(text: &str) -> (ParsedResume, Vec<LineUse>) {
    let lines = split_lines(text);
    let normalized: Vec<String> = lines.iter().map(|l| normalize_line(l)).collect();
    let mut uses: Vec<LineUse> = Vec::with_capacity(lines.len());
    let mut records: Vec<Record> = Vec::new();
    let mut errors: Vec<ResumeLineError> = Vec::new();
    // Index in `records` of the record continuation lines attach to.
    let mut open_record: Option<usize> = None;
    let mut blank_before = false;
    for (idx, raw) in lines.iter().enumerate() {
        let number = idx + 1;
        let norm = normalized.get(idx).map(String::as_str).unwrap_or("");
        if norm.trim().is_empty() {
            uses.push(LineUse::Blank);
            blank_before = true;
            continue;
        }
        let (line, had_header) = match strip_header(norm) {
            Some(rest) => (rest, true),
            None => (norm, false),
        };
        if line.trim().is_empty() {
            uses.push(LineUse::Header);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let prefix = scan_prefix(&chars);
        // Inside an unclosed bracket of the previous post: a sub-entry, as long as
        // the bracket closes on this line or one of the next three.
        if let Some(r) = open_record.and_then(|i| records.get_mut(i)) {
            if bracket_balance(&r.body) > 0 {
                let closes = normalized.iter().skip(idx).take(4).any(|l| closes_outer(l));
                if prefix.is_none() || closes {
                    r.body.push(if prefix.is_some() { '；' } else { '\n' });
                    r.body.push_str(line.trim());
                    r.raw.push('\n');
                    r.raw.push_str(raw);
                    uses.push(LineUse::SubEntry {
                        dated: prefix.is_some(),
                    });
                    blank_before = false;
                    continue;
                }
            }
        }
        if prefix.is_none() && starts_aside(line) {
            match open_record.and_then(|i| records.get_mut(i)) {
                Some(r) => {
                    let t = line.trim();
                    if t.starts_with('（') || t.starts_with('【') {
                        r.body.push_str(t);
                    } else {
                        r.body.push('（');
                        r.body.push_str(t);
                        r.body.push('）');
                    }
                    r.raw.push('\n');
                    r.raw.push_str(raw);
                    uses.push(LineUse::SubEntry {
                        dated: looks_dated(t.trim_start_matches(['（', '【'])),
                    });
                }
                None => {
                    errors.push(ResumeLineError {
                        line: number,
                        text: raw.to_string(),
                        reason: "aside (其间…) with no post before it".into(),
                    });
                    uses.push(LineUse::Undated);
                }
            }
            blank_before = false;
            continue;
        }
        match prefix {
            Some(p) => {
                let body: String = chars.get(p.rest..).unwrap_or(&[]).iter().collect();
                let start_only = matches!(p.end, PrefixEnd::StartOnly);
                if looks_narrative(&extract_asides(&body).0, start_only) {
                    errors.push(ResumeLineError {
                        line: number,
                        text: raw.to_string(),
                        reason: "dated narrative sentence, not a post".into(),
                    });
                    uses.push(LineUse::Narrative);
                    open_record = None;
                } else {
                    let range = !matches!(p.end, PrefixEnd::StartOnly);
                    records.push(Record {
                        line: number,
                        prefix: p,
                        range,
                        body,
                        raw: raw.to_string(),
                        use_index: uses.len(),
                    });
                    uses.push(LineUse::Post { range, entries: 0 });
                    open_record = Some(records.len() - 1);
                }
            }
            None if looks_dated(line) => {
                errors.push(ResumeLineError {
                    line: number,
                    text: raw.to_string(),
                    reason: "starts with a year but the dates cannot be read".into(),
                });
                uses.push(LineUse::BadDate);
                open_record = None;
            }
            None => {
                let record = open_record.and_then(|i| records.get_mut(i));
                match record {
                    Some(r) if !had_header && is_continuation(r, line, raw, blank_before) => {
                        r.body.push_str(line.trim());
                        r.raw.push('\n');
                        r.raw.push_str(raw);
                        uses.push(LineUse::Continuation);
                    }
                    _ => {
                        errors.push(ResumeLineError {
                            line: number,
                            text: raw.to_string(),
                            reason:
                                "undated line that is neither a post nor the continuation of one"
                                    .into(),
                        });
                        uses.push(LineUse::Undated);
                        open_record = None;
                    }
                }
            }
        }
        blank_before = false;
    }
    let mut entries: Vec<ResumeEntry> = Vec::new();
    let mut record_of_entry: Vec<usize> = Vec::new();
    for (ri, record) in records.iter().enumerate() {
        let mut got = record_entries(record);
        // A start date followed by text that names no post is prose
        // (`2019年12月归还…`), not a spell in a unit.
        let start_only = matches!(record.prefix.end, PrefixEnd::StartOnly);
        if start_only && got.iter().all(|e| e.post.is_empty()) {
            got.clear();
        }
        let n = got.len();
        if let Some(u) = uses.get_mut(record.use_index) {
            *u = if n == 0 {
                LineUse::EmptyPost {
                    range: record.range,
                }
            } else {
                LineUse::Post {
                    range: record.range,
                    entries: n,
                }
            };
        }
        if n == 0 {
            let reason = if start_only {
                "start date followed by no known post"
            } else {
                "dates without a post"
            };
            errors.push(ResumeLineError {
                line: record.line,
                text: record.raw.clone(),
                reason: reason.into(),
            });
        }
        record_of_entry.extend(std::iter::repeat_n(ri, n));
        entries.extend(got);
    }
    // A start-only line lasts until the next record starts.
    for i in 0..entries.len() {
        let ri = record_of_entry.get(i).copied().unwrap_or(0);
        let start_only = records
            .get(ri)
            .is_some_and(|r| matches!(r.prefix.end, PrefixEnd::StartOnly));
        if !start_only {
            continue;
        }
        let next_start = records
            .get(ri + 1..)
            .unwrap_or(&[])
            .iter()
            .map(|r| r.prefix.start.date)
            .next();
        if let (Some(next), Some(e)) = (next_start, entries.get_mut(i)) {
            if next >= e.start {
                e.end = Some(next);
            }
        }
    }
    errors.sort_by_key(|e| e.line);
    (ParsedResume { entries, errors }, uses)
}

/// Parses résumé text into entries; lines that cannot be read go to `errors`.
///
/// Never panics, whatever the input.
pub fn parse_resume(text: &str) -> ParsedResume {
    parse_with_uses(text).0
}

#[cfg(test)]
mod tests;
