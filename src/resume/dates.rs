//! The date prefix of a résumé line: `1998.07--2003.12`, `2008.05-`, `1998年7月至今`,
//! `1973-1975年`, `2009.06，…`.
//!
//! Résumé dates come in more spellings than the data contract's date columns, and
//! several of them clash with each other: `-` is both the separator inside `1998-07`
//! and the range dash in `1998-2003`, and `1998.7-12` means July to December, not the
//! 12th of July. So the prefix is read here by a small hand-written scanner (the
//! `regex` crate has no look-ahead to tell those apart), and each date it finds is
//! handed to [`PartialDate::parse`] in canonical `YYYY-MM[-DD]` form, so that the
//! validity rules (year range, month and day ranges) are the contract's own.
//! A year given without a month (`1973-1975年`) becomes January of that year and is
//! flagged as year-only.

use crate::normalize::date::PartialDate;

/// A date read from a résumé prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResumeDate {
    pub date: PartialDate,
    /// The source gave only the year; `date` is January of that year.
    pub year_only: bool,
}

/// How the prefix ended the spell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrefixEnd {
    /// `start-end`.
    Date(ResumeDate),
    /// A dash or `至` with nothing after it, or `至今`/`今`: still in the post.
    Open,
    /// Only a start date was given (`2009.06，任…`): the spell lasts until the next
    /// entry starts.
    StartOnly,
}

/// The dates at the head of a line and where the rest of the line begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatePrefix {
    pub start: ResumeDate,
    pub end: PrefixEnd,
    /// Index (in chars) of the first char after the prefix.
    pub rest: usize,
}

/// A date as scanned, before validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RawDate {
    year: u32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Characters that act as the range dash between two dates.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '－'
            | '—'
            | '–'
            | '―'
            | '━'
            | '─'
            | '‐'
            | '‑'
            | '‒'
            | '﹣'
            | '~'
            | '～'
            | '〜'
            | '_'
            | '→'
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn digit(c: char) -> Option<u32> {
    c.to_digit(10).filter(|_| c.is_ascii_digit())
}

/// Number of ASCII digits starting at `i`.
fn digit_run(chars: &[char], i: usize) -> usize {
    chars
        .get(i..)
        .map(|s| s.iter().take_while(|c| c.is_ascii_digit()).count())
        .unwrap_or(0)
}

fn number(chars: &[char], i: usize, len: usize) -> Option<u32> {
    let slice = chars.get(i..i.checked_add(len)?)?;
    let mut n: u32 = 0;
    for &c in slice {
        n = n.checked_mul(10)?.checked_add(digit(c)?)?;
    }
    Some(n)
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|&c| is_space(c)) {
        i += 1;
    }
    i
}

fn starts_with(chars: &[char], i: usize, word: &str) -> bool {
    let mut rest = chars.get(i..).unwrap_or(&[]).iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

/// Reads one date at `i`: `1998.07`, `1998.7`, `1998-07`, `1998/07`, `1998年7月`,
/// `199807`, `19980701`, `1998.07.01`, `1998年7月1日`, or a bare year `1998` (also
/// `1998年`). Returns the date and the index after it.
fn scan_date(chars: &[char], i: usize) -> Option<(RawDate, usize)> {
    let run = digit_run(chars, i);
    match run {
        4 => {}
        6 => {
            let year = number(chars, i, 4)?;
            let month = number(chars, i + 4, 2)?;
            return Some((
                RawDate {
                    year,
                    month: Some(month),
                    day: None,
                },
                i + 6,
            ));
        }
        8 => {
            let year = number(chars, i, 4)?;
            let month = number(chars, i + 4, 2)?;
            let day = number(chars, i + 6, 2)?;
            return Some((
                RawDate {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
                i + 8,
            ));
        }
        _ => return None,
    }
    let year = number(chars, i, 4)?;
    let mut j = i + 4;
    let sep = chars.get(j).copied();
    let month_sep = matches!(sep, Some('.' | '-' | '/' | '年'));
    if month_sep {
        let k = skip_spaces(chars, j + 1);
        let m = digit_run(chars, k);
        if (1..=2).contains(&m) {
            let month = number(chars, k, m)?;
            j = k + m;
            let mut day = None;
            if sep == Some('年') {
                // 1998年7月, 1998年7月1日, also the sloppy 1998年7 without 月.
                if chars.get(j) == Some(&'月') {
                    j += 1;
                    let d = digit_run(chars, j);
                    if (1..=2).contains(&d) && chars.get(j + d) == Some(&'日') {
                        day = number(chars, j, d);
                        j += d + 1;
                    }
                }
            } else if chars.get(j) == Some(&'月') {
                j += 1;
            } else if chars.get(j).copied() == sep && matches!(sep, Some('.' | '-' | '/')) {
                // Day only with the same separator as the month: `1998.07.01`,
                // `1998-07-01`; `1998.7-12` is a month range, not a day.
                let d = digit_run(chars, j + 1);
                if (1..=2).contains(&d) {
                    day = number(chars, j + 1, d);
                    j += 1 + d;
                    if chars.get(j) == Some(&'日') {
                        j += 1;
                    }
                }
            }
            return Some((
                RawDate {
                    year,
                    month: Some(month),
                    day,
                },
                j,
            ));
        }
        if sep == Some('年') {
            // A bare year written `1998年`.
            return Some((
                RawDate {
                    year,
                    month: None,
                    day: None,
                },
                j + 1,
            ));
        }
    }
    Some((
        RawDate {
            year,
            month: None,
            day: None,
        },
        j,
    ))
}

/// Validates a scanned date with the contract's own parser. Month `00`
/// (`1989.00`, `2007年00月`) is how sources write an unknown month: the date is
/// then year-only.
fn validate(raw: RawDate) -> Option<ResumeDate> {
    let raw = if raw.month == Some(0) {
        RawDate {
            month: None,
            day: None,
            ..raw
        }
    } else {
        raw
    };
    let text = match (raw.month, raw.day) {
        (None, _) => format!("{:04}-01", raw.year),
        (Some(m), None) => format!("{:04}-{:02}", raw.year, m),
        (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", raw.year, m, d),
    };
    let date = PartialDate::parse(&text).ok()?;
    Some(ResumeDate {
        date,
        year_only: raw.month.is_none(),
    })
}

/// Words after a dash that mean "until now".
const NOW_WORDS: &[&str] = &["至今", "迄今", "现在", "现今", "目前", "今", "现"];

/// Reads the date prefix of a normalised line (ASCII digits), skipping leading
/// bullets and `自`/`从`. Returns `None` when the line does not start with a date.
pub fn scan_prefix(chars: &[char]) -> Option<DatePrefix> {
    let mut i = skip_spaces(chars, 0);
    while chars.get(i).is_some_and(|&c| {
        matches!(
            c,
            '•' | '·'
                | '●'
                | '○'
                | '◆'
                | '◇'
                | '■'
                | '□'
                | '★'
                | '☆'
                | '▲'
                | '△'
                | '*'
                | '►'
                | '▪'
        )
    }) {
        i = skip_spaces(chars, i + 1);
    }
    if chars.get(i).is_some_and(|&c| c == '自' || c == '从') {
        i += 1;
    }
    let (start_raw, mut j) = scan_date(chars, i)?;
    let mut start = validate(start_raw)?;
    let after_sep = skip_spaces(chars, j);
    let mut k = after_sep;
    let mut dash = false;
    while chars.get(k).is_some_and(|&c| is_dash(c)) {
        dash = true;
        k += 1;
    }
    if !dash && chars.get(k) == Some(&'一') {
        // The numeral 一 typed for a dash: only when a date or `今` follows.
        let n = skip_spaces(chars, k + 1);
        if digit_run(chars, n) >= 4 || NOW_WORDS.iter().any(|w| starts_with(chars, n, w)) {
            dash = true;
            k += 1;
        }
    }
    let mut to_word = false;
    if (chars.get(k) == Some(&'至') || chars.get(k) == Some(&'到'))
        && !starts_with(chars, k, "至今")
    {
        to_word = true;
        k += 1;
    }
    if !(dash || to_word) {
        // `1998.07至今` with no dash.
        if starts_with(chars, k, "至今") {
            return Some(DatePrefix {
                start,
                end: PrefixEnd::Open,
                rest: k + 2,
            });
        }
        // Start only: `2009.06，任…`, `1998年03月任…`, `2008年5月起`.
        for w in ["以来", "起", "后"] {
            if starts_with(chars, k, w) {
                j = k + w.chars().count();
                break;
            }
        }
        return Some(DatePrefix {
            start,
            end: PrefixEnd::StartOnly,
            rest: j,
        });
    }
    let e = skip_spaces(chars, k);
    if let Some(w) = NOW_WORDS.iter().find(|w| starts_with(chars, e, w)) {
        return Some(DatePrefix {
            start,
            end: PrefixEnd::Open,
            rest: e + w.chars().count(),
        });
    }
    let run = digit_run(chars, e);
    if (1..=2).contains(&run) && start_raw.month.is_some() {
        // `1998.7-12`: the end is a month of the start year (`1998.07-12月`).
        if let Some(month) = number(chars, e, run) {
            let raw = RawDate {
                year: start_raw.year,
                month: Some(month),
                day: None,
            };
            if let Some(end) = validate(raw).filter(|d| d.date >= start.date) {
                let mut rest = e + run;
                if chars.get(rest) == Some(&'月') {
                    rest += 1;
                }
                return Some(DatePrefix {
                    start,
                    end: PrefixEnd::Date(end),
                    rest,
                });
            }
        }
    }
    if run >= 4 {
        if let Some((end_raw, mut rest)) = scan_date(chars, e) {
            let mut end = validate(end_raw)?;
            if end_raw.month.is_none() && chars.get(rest) == Some(&'年') {
                rest += 1;
            }
            // `1973-1975年`: both ends are years; `1998年7-1999` keeps each as given.
            if start_raw.month.is_none() {
                start.year_only = true;
            }
            if end_raw.month.is_none() {
                end.year_only = true;
            }
            return Some(DatePrefix {
                start,
                end: PrefixEnd::Date(end),
                rest,
            });
        }
        return None;
    }
    // A dash with nothing usable after it: still in the post.
    Some(DatePrefix {
        start,
        end: PrefixEnd::Open,
        rest: e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix(text: &str) -> Option<(String, String, String)> {
        let chars: Vec<char> = text.chars().collect();
        let p = scan_prefix(&chars)?;
        let end = match p.end {
            PrefixEnd::Date(d) => d.date.to_string(),
            PrefixEnd::Open => "open".into(),
            PrefixEnd::StartOnly => "start-only".into(),
        };
        let rest: String = chars.get(p.rest..).unwrap_or(&[]).iter().collect();
        Some((p.start.date.to_string(), end, rest))
    }

    fn check(text: &str, start: &str, end: &str, rest: &str) {
        let got = prefix(text).unwrap_or_else(|| panic!("no prefix in {text:?}"));
        assert_eq!(
            (got.0.as_str(), got.1.as_str(), got.2.trim()),
            (start, end, rest),
            "{text:?}"
        );
    }

    #[test]
    fn every_dash_style() {
        for dash in [
            "-", "--", "—", "——", "－", "–", "~", "～", "至", "―", "一", " - ", "－－",
        ] {
            check(
                &format!("1998.07{dash}2003.12 某乡"),
                "1998-07",
                "2003-12",
                "某乡",
            );
        }
    }

    #[test]
    fn date_spellings() {
        check("1998.7-2003.12 甲", "1998-07", "2003-12", "甲");
        check("1998年7月-2003年12月 甲", "1998-07", "2003-12", "甲");
        check("1998年07月至2003年12月，甲", "1998-07", "2003-12", "，甲");
        check("199807-200312 甲", "1998-07", "2003-12", "甲");
        check("1998-07--2003-12 甲", "1998-07", "2003-12", "甲");
        check("1998.07.01-2003.12.31 甲", "1998-07-01", "2003-12-31", "甲");
        check("1998.7-12 甲", "1998-07", "1998-12", "甲");
        // An unknown month (00) makes the date year-only.
        check("1988.11——1989.00，甲", "1988-11", "1989-01", "，甲");
    }

    #[test]
    fn open_ends() {
        check("2008.05-　　某街道", "2008-05", "open", "某街道");
        check("2022.11- 甘肃省委常委", "2022-11", "open", "甘肃省委常委");
        check("2022.11—至今 甲", "2022-11", "open", "甲");
        check("2022.11至今 甲", "2022-11", "open", "甲");
        check("2022年11月—今 甲", "2022-11", "open", "甲");
        check("2022.11-", "2022-11", "open", "");
    }

    #[test]
    fn start_only_and_years() {
        check(
            "2009.06，任某市委副书记",
            "2009-06",
            "start-only",
            "，任某市委副书记",
        );
        check("2008年5月起任甲", "2008-05", "start-only", "任甲");
        check(
            "1973-1975年 福建省永安县西洋公社插队知青",
            "1973-01",
            "1975-01",
            "福建省永安县西洋公社插队知青",
        );
        let chars: Vec<char> = "1973-1975年 甲".chars().collect();
        let p = scan_prefix(&chars).unwrap();
        assert!(p.start.year_only);
        assert!(matches!(p.end, PrefixEnd::Date(d) if d.year_only));
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "某某县",
            "98.07-03.12 甲",
            "1998",
            "12345 甲",
            "0000.01-2003.12",
            "1998.13-2003.12",
        ] {
            if text == "1998" {
                // A bare year is a (year-only, start-only) date.
                assert!(prefix(text).is_some());
                continue;
            }
            assert!(prefix(text).is_none(), "{text:?}");
        }
    }
}
