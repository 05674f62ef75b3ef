//! Tests of the résumé parser on whole résumés: every dash style, open ends,
//! `其间` sub-entries, multi-post lines, wrapped lines, garbage, and the kinds.

use super::*;

fn d(text: &str) -> PartialDate {
    PartialDate::parse(text).expect("test date")
}

/// `(line, start, end, unit, post, kind, leadership)` of each entry.
fn summary(text: &str) -> Vec<(usize, String, String, String, String, UnitKind, bool)> {
    parse_resume(text)
        .entries
        .into_iter()
        .map(|e| {
            (
                e.line,
                e.start.to_string(),
                e.end.map(|x| x.to_string()).unwrap_or_else(|| "-".into()),
                e.unit_name,
                e.post,
                e.unit_kind,
                e.leadership,
            )
        })
        .collect()
}

fn row(
    line: usize,
    start: &str,
    end: &str,
    unit: &str,
    post: &str,
    kind: UnitKind,
    leadership: bool,
) -> (usize, String, String, String, String, UnitKind, bool) {
    (
        line,
        start.into(),
        end.into(),
        unit.into(),
        post.into(),
        kind,
        leadership,
    )
}

#[test]
fn the_example_of_the_brief() {
    let text = "1998.07--2003.12  某某县某某乡党委副书记\n\
                2003.12—2008.05 某某县某某镇党委副书记、镇长\n\
                2008.05-　　某某县某某街道党工委书记（其间：2009.09--2011.07 在省委党校研究生班学习）\n\
                1980.11—1983.03 甘肃省永昌县焦家庄公社团委书记\n\
                2022.11- 　甘肃省委常委、兰州市委书记";
    let parsed = parse_resume(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    use UnitKind::*;
    assert_eq!(
        summary(text),
        vec![
            row(
                1,
                "1998-07",
                "2003-12",
                "某某县某某乡",
                "党委副书记",
                Township,
                true
            ),
            row(
                2,
                "2003-12",
                "2008-05",
                "某某县某某镇",
                "党委副书记",
                Township,
                true
            ),
            row(
                2,
                "2003-12",
                "2008-05",
                "某某县某某镇",
                "镇长",
                Township,
                true
            ),
            row(
                3,
                "2008-05",
                "-",
                "某某县某某街道",
                "党工委书记",
                Subdistrict,
                true
            ),
            row(
                4,
                "1980-11",
                "1983-03",
                "甘肃省永昌县焦家庄公社",
                "团委书记",
                Commune,
                false
            ),
            row(5, "2022-11", "-", "甘肃省委", "常委", Province, true),
            row(5, "2022-11", "-", "兰州市委", "书记", City, true),
        ]
    );
    // The 其间 spell is a note on the post, not a post.
    let street = &parsed.entries[3];
    assert_eq!(
        street.notes,
        vec![ResumeNote {
            text: "在省委党校研究生班学习".into(),
            start: Some(d("2009.09")),
            end: Some(d("2011.07")),
        }]
    );
    assert_eq!(
        street.raw,
        "2008.05-　　某某县某某街道党工委书记（其间：2009.09--2011.07 在省委党校研究生班学习）"
    );
}

#[test]
fn every_dash_style_gives_the_same_entry() {
    for dash in [
        "-", "--", "—", "——", "－", "–", "~", "～", "至", "―", " - ", "－－",
    ] {
        let text = format!("1998.07{dash}2003.12 某某县某某乡党委副书记");
        assert_eq!(
            summary(&text),
            vec![row(
                1,
                "1998-07",
                "2003-12",
                "某某县某某乡",
                "党委副书记",
                UnitKind::Township,
                true
            )],
            "{dash:?}"
        );
    }
}

#[test]
fn every_date_spelling() {
    for (text, start, end) in [
        ("1998.07--2003.12 某某县某某乡乡长", "1998-07", "2003-12"),
        ("1998.7--2003.12 某某县某某乡乡长", "1998-07", "2003-12"),
        (
            "1998年7月--2003年12月 某某县某某乡乡长",
            "1998-07",
            "2003-12",
        ),
        (
            "1998年07月至2003年12月，某某县某某乡乡长",
            "1998-07",
            "2003-12",
        ),
        ("199807--200312 某某县某某乡乡长", "1998-07", "2003-12"),
        (
            "１９９８．０７—２００３．１２ 某某县某某乡乡长",
            "1998-07",
            "2003-12",
        ),
    ] {
        let s = summary(text);
        assert_eq!(s.len(), 1, "{text}");
        assert_eq!((s[0].1.as_str(), s[0].2.as_str()), (start, end), "{text}");
        assert_eq!(s[0].4, "乡长", "{text}");
    }
}

#[test]
fn open_ends_are_ongoing() {
    for text in [
        "2008.05- 某某县某某镇镇长",
        "2008.05-　　某某县某某镇镇长",
        "2008.05—至今 某某县某某镇镇长",
        "2008.05至今 某某县某某镇镇长",
        "2008年5月—今 某某县某某镇镇长",
        "2008.05-\t某某县某某镇镇长",
    ] {
        let parsed = parse_resume(text);
        assert_eq!(parsed.entries.len(), 1, "{text}");
        assert_eq!(parsed.entries[0].end, None, "{text}");
        assert_eq!(parsed.entries[0].start, d("2008.05"), "{text}");
        assert_eq!(parsed.entries[0].unit_name, "某某县某某镇", "{text}");
    }
}

#[test]
fn start_only_lines_end_when_the_next_starts() {
    let text = "2009.06，任浙江省嘉兴市委副书记；\n2012年3月起任浙江省嘉兴市委书记";
    let s = summary(text);
    assert_eq!(
        s,
        vec![
            row(
                1,
                "2009-06",
                "2012-03",
                "浙江省嘉兴市委",
                "副书记",
                UnitKind::City,
                true
            ),
            row(
                2,
                "2012-03",
                "-",
                "浙江省嘉兴市委",
                "书记",
                UnitKind::City,
                true
            ),
        ]
    );
}

#[test]
fn year_only_ranges_are_flagged() {
    let parsed = parse_resume("1973-1975年 福建省永安县西洋公社插队知青");
    let e = &parsed.entries[0];
    assert_eq!((e.start, e.end), (d("1973.01"), Some(d("1975.01"))));
    assert!(e.year_only);
    assert_eq!(e.unit_kind, UnitKind::Commune);
    assert_eq!(e.post, "插队知青");
    assert!(!e.leadership);
    assert!(!parse_resume("1998.07-2003.12 某某县某某乡乡长").entries[0].year_only);
}

#[test]
fn sub_entries_are_notes_not_posts() {
    // On the same line, with ASCII brackets and no colon.
    let parsed =
        parse_resume("2003.12-2008.05 某某县某某镇党委书记(其间2005.09-2006.01省委党校学习)");
    assert_eq!(parsed.entries.len(), 1);
    assert_eq!(parsed.entries[0].post, "党委书记");
    assert_eq!(parsed.entries[0].notes[0].text, "省委党校学习");
    assert_eq!(parsed.entries[0].notes[0].start, Some(d("2005.09")));

    // Spread over several lines, each with its own dates.
    let text = "2003.12-2008.05 某某县某某镇党委书记（其间：\n\
                2005.09-2006.01 省委党校中青班学习；\n\
                2006.03-2006.09 挂职任某某市某某区副区长）\n\
                2008.05- 某某县副县长";
    let parsed = parse_resume(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.entries.len(), 2);
    let notes = &parsed.entries[0].notes;
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[1].start, Some(d("2006.03")));
    assert_eq!(parsed.entries[1].line, 4);
    assert_eq!(parsed.entries[1].post, "副县长");
    assert_eq!(parsed.entries[1].unit_kind, UnitKind::County);

    // A bracketed sub-entry on a line of its own, and an unbracketed 其间 line.
    let text = "2003.12-2008.05 某某县某某镇镇长\n\
                （2004.03—2006.05北京大学法学院学习，获法律硕士学位）\n\
                其间：2006.09-2007.01 中央党校学习\n\
                2008.05- 某某县副县长";
    let parsed = parse_resume(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.entries[0].notes.len(), 2);
}

#[test]
fn an_unclosed_bracket_does_not_swallow_the_next_posts() {
    let text = "2003.12-2008.05 某某县某某镇镇长（正科级\n\
                2008.05-2010.01 某某县副县长\n\
                2010.01-2012.01 某某县县长\n\
                2012.01-2015.01 某某县委书记\n\
                2015.01- 某某市副市长";
    let parsed = parse_resume(text);
    assert_eq!(parsed.entries.len(), 5);
    assert_eq!(parsed.entries[4].post, "副市长");
}

#[test]
fn several_posts_on_one_line() {
    use UnitKind::*;
    let s = summary("2003.12—2008.05 某某县某某镇党委书记兼镇长、人大主席");
    assert_eq!(
        s.iter()
            .map(|r| (r.3.as_str(), r.4.as_str()))
            .collect::<Vec<_>>(),
        vec![
            ("某某县某某镇", "党委书记"),
            ("某某县某某镇", "镇长"),
            ("某某县某某镇", "人大主席"),
        ]
    );
    assert!(s.iter().all(|r| r.5 == Township && r.6));

    // Relative units are completed from the unit before them.
    let s = summary("2016.02-2020.11 四川省委副书记、省长、省政府党组书记，省人大常委会主任");
    assert_eq!(
        s.iter()
            .map(|r| (r.3.as_str(), r.4.as_str()))
            .collect::<Vec<_>>(),
        vec![
            ("四川省委", "副书记"),
            ("四川省", "省长"),
            ("四川省政府", "党组书记"),
            ("四川省", "人大常委会主任"),
        ]
    );
    assert!(s.iter().all(|r| r.5 == Province));
    let s = summary("2010.01-2013.01 浙江省衢州市委书记，市政府党组书记");
    assert_eq!(s[1].3, "浙江省衢州市政府");
    let s = summary("1990年08月，历任中共政和县委副书记、代县长、县长。");
    assert_eq!(s[0].3, "中共政和县委");
    assert_eq!(s[1].3, "政和县");
    assert_eq!(s[2].3, "政和县");
    let s = summary("1995.08-1999.02 广东省委组织部干部调配任免（青干）处 副处长");
    assert_eq!(s[0].3, "广东省委组织部干部调配任免处");
    assert_eq!(s[0].4, "副处长");
    let s = summary("2010.01-2013.01 某某市委常委、组织部部长");
    assert_eq!(s[1].3, "某某市委组织部");
    assert_eq!(s[1].5, City);
}

#[test]
fn wrapped_lines_continue_the_post() {
    let text = "1998.07--2003.12  某某县某某乡党委副书记、\n\
                乡长\n\
                2003.12--2008.05 某某县某某镇党委\n\
                副书记、镇长\n\
                2008.05--2010.01 某某县某某镇党委书记、人大主席、\n\
                \u{3000}\u{3000}武装部长";
    let parsed = parse_resume(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let posts: Vec<(usize, &str)> = parsed
        .entries
        .iter()
        .map(|e| (e.line, e.post.as_str()))
        .collect();
    assert_eq!(
        posts,
        vec![
            (1, "党委副书记"),
            (1, "乡长"),
            (3, "党委副书记"),
            (3, "镇长"),
            (5, "党委书记"),
            (5, "人大主席"),
            (5, "武装部长"),
        ]
    );
    assert_eq!(
        parsed.entries[0].raw,
        "1998.07--2003.12  某某县某某乡党委副书记、\n乡长"
    );
}

#[test]
fn headers_crlf_blank_lines_and_full_width_spaces() {
    let text = "简历：\r\n\r\n1998.07--2003.12　某某县某某乡党委副书记\r\n2003.12--2008.05　某某县某某镇镇长\r\n\r\n";
    let parsed = parse_resume(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.entries[0].line, 3);
    assert_eq!(parsed.entries[1].line, 4);
    assert_eq!(parsed.entries[1].unit_name, "某某县某某镇");
    // A header on the same line as the first post.
    let parsed = parse_resume("简历：1998.07--2003.12 某某县某某乡党委副书记");
    assert_eq!(parsed.entries.len(), 1);
    // Lone CR line ends.
    assert_eq!(
        parse_resume("1998.07--2003.12 某乡乡长\r2003.12- 某镇镇长")
            .entries
            .len(),
        2
    );
}

#[test]
fn study_army_and_waiting_lines() {
    use UnitKind::*;
    for (text, unit, post, kind) in [
        (
            "1980.09-1984.07 在某某大学某某专业学习",
            "某某大学某某专业",
            "学习",
            School,
        ),
        ("1980.09-1984.07 某某大学学生", "某某大学", "学生", School),
        (
            "1980.09-1984.07 某某师范学校教师",
            "某某师范学校",
            "教师",
            PublicInstitution,
        ),
        ("1976.12-1980.09 某某部队战士", "某某部队", "战士", Army),
        (
            "1976.12-1980.09 中国人民解放军某某部队服役",
            "中国人民解放军某某部队",
            "服役",
            Army,
        ),
        ("1984.07-1984.12 待分配", "", "待分配", Other),
        (
            "2010.08-2013.08 某某县某某镇某某村大学生村官",
            "某某县某某镇某某村",
            "大学生村官",
            Village,
        ),
    ] {
        let parsed = parse_resume(text);
        assert_eq!(parsed.entries.len(), 1, "{text}");
        let e = &parsed.entries[0];
        assert_eq!(
            (
                e.unit_name.as_str(),
                e.post.as_str(),
                e.unit_kind,
                e.leadership
            ),
            (unit, post, kind, false),
            "{text}"
        );
    }
}

#[test]
fn leadership_depends_on_the_unit() {
    let parsed = parse_resume(
        "2001.01-2003.01 某某县某某镇党政办主任\n\
         2003.01-2005.01 某某县某某镇人大主席\n\
         2005.01-2007.01 共青团某某县委书记\n\
         2007.01-2009.01 某某县妇联副主席\n\
         2009.01-2011.01 某某县某某街道办事处主任\n\
         2011.01-2012.01 某某县某某镇党委委员、组织委员",
    );
    let lead: Vec<bool> = parsed.entries.iter().map(|e| e.leadership).collect();
    assert_eq!(lead, vec![false, true, false, false, true, true, true]);
    assert!(!leadership_in_unit("某某县某某镇党政办", "主任"));
    assert!(leadership_in_unit("某某县某某镇", "党委书记"));
    assert!(leadership_in_unit("某某县人民政府办公室", "主任"));
}

#[test]
fn garbage_lines_are_errors_not_panics() {
    let text = "这是一段说明文字，并非简历。\n\
                ###\n\
                1998.13-2003.12 某某县某某乡乡长\n\
                2013年9月23日，中共中央决定：某某同志任某某市委书记。\n\
                1998.07-2003.12";
    let parsed = parse_resume(text);
    assert!(parsed.entries.is_empty(), "{:?}", parsed.entries);
    let lines: Vec<usize> = parsed.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![1, 2, 3, 4, 5]);
    assert!(parsed.errors[2].reason.contains("dates"));
    assert!(parsed.errors[3].reason.contains("narrative"));
    assert!(parsed.errors[4].reason.contains("without a post"));
    // Trailers after the résumé are errors, and do not join the last post.
    let parsed = parse_resume(
        "2022.11- 甘肃省委常委、兰州市委书记\n第二十届中央候补委员，十四届全国人大代表。",
    );
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.entries[1].post, "书记");
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(parsed.errors[0].line, 2);
}

#[test]
fn odd_inputs_never_panic() {
    let long_digits = "9".repeat(1000);
    let brackets = "（".repeat(500);
    let closes = "）".repeat(500);
    let mixed = "1998.07-2003.12 ".repeat(50);
    for text in [
        "",
        "\n\n\r\r\n",
        "1",
        "1998",
        "1998.",
        "1998.07-",
        "1998.07--2003.",
        "1998年",
        "1998年7",
        "1998年7月-",
        "-2003.12 某乡",
        "——",
        "（其间：",
        "其间",
        "兼",
        "、、、",
        "1998.07-2003.12 兼、、兼",
        "1998.07-2003.12 （（（（",
        "1998.07-2003.12 ））））",
        "9999.99-9999.99 某",
        "\u{feff}\u{200b}",
        "🙂1998.07-2003.12 🙂镇长🙂",
        "1998.07-2003.12 县长",
        "2003.12-1998.07 某某县县长",
        long_digits.as_str(),
        brackets.as_str(),
        closes.as_str(),
        mixed.as_str(),
    ] {
        let _ = parse_resume(text);
        let _ = classify_unit(text);
        let _ = is_leadership_post(text);
        let _ = split_unit_post(text);
    }
    // Every prefix of a real résumé, cut at every char boundary.
    let text = "简历：\n1998.07--2003.12  某某县某某乡党委副书记（其间：1999.09--2001.07 在省委党校学习）\n2003.12—2008.05 某某县某某镇党委副书记、镇长";
    for (i, _) in text.char_indices() {
        let _ = parse_resume(&text[..i]);
        let _ = parse_resume(&text[i..]);
    }
}

#[test]
fn a_township_cadre_resume() {
    use UnitKind::*;
    let text = "简  历\n\
        2005.07--2008.09  ××大学××学院××专业学习\n\
        2008.09--2010.12  ××县××镇大学生村官（其间：2009.03--2010.12 任××村党支部副书记）\n\
        2010.12--2013.06  ××县××镇党政办科员\n\
        2013.06--2016.09  ××县××镇党委委员、组织委员、人武部部长\n\
        2016.09--2019.06  ××县××镇党委副书记、镇长\n\
        2019.06--2021.06  ××县××街道党工委副书记、办事处主任\n\
        2021.06--         ××县××镇党委书记、一级主任科员";
    let parsed = parse_resume(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let got: Vec<(&str, &str, UnitKind, bool)> = parsed
        .entries
        .iter()
        .map(|e| {
            (
                e.unit_name.as_str(),
                e.post.as_str(),
                e.unit_kind,
                e.leadership,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("××大学××学院××专业", "学习", School, false),
            ("××县××镇", "大学生村官", Township, false),
            ("××县××镇党政办", "科员", Township, false),
            ("××县××镇", "党委委员", Township, true),
            ("××县××镇", "组织委员", Township, true),
            ("××县××镇", "人武部部长", Township, true),
            ("××县××镇", "党委副书记", Township, true),
            ("××县××镇", "镇长", Township, true),
            ("××县××街道", "党工委副书记", Subdistrict, true),
            ("××县××街道办事处", "主任", Subdistrict, true),
            ("××县××镇", "党委书记", Township, true),
            ("××县××镇", "一级主任科员", Township, false),
        ]
    );
    assert_eq!(parsed.entries.last().map(|e| e.end), Some(None));
    assert_eq!(parsed.entries[1].notes[0].text, "任××村党支部副书记");
}

/// An unclosed （ (a real encyclopedia biography, line 6 of it) does not swallow the
/// dated posts after it, even when a later line has a bracket pair of its own.
#[test]
fn an_unclosed_bracket_before_a_later_pair_does_not_swallow_posts() {
    let text = "1990.07-1994.08 郑州市金水区团委干事\n\
        1994.08-1999.08 共青团郑州市委副书记、党组成员（其间：1995.08-1997.10在中国人民大学马克思主义学院学习\n\
        1999.08-2003.05 郑州市金水区委副书记\n\
        2003.05-2006.12 郑州市金水区委副书记、区长（其间：2004.09-2005.01在中央党校学习）\n\
        2006.12-2011.06 郑州市金水区委书记\n\
        2011.06-2017.03 郑州市人民政府副市长";
    let lines: Vec<usize> = parse_resume(text).entries.iter().map(|e| e.line).collect();
    for line in [1, 2, 3, 4, 5, 6] {
        assert!(lines.contains(&line), "line {line} lost: {lines:?}");
    }
    let posts: Vec<String> = parse_resume(text)
        .entries
        .iter()
        .filter(|e| e.line >= 3)
        .map(|e| e.post.clone())
        .collect();
    assert!(posts.contains(&"区长".to_string()), "{posts:?}");
    assert!(posts.contains(&"副市长".to_string()), "{posts:?}");
    // A sub-entry that does close the bracket still joins it.
    let closed = "1994.08-1999.08 共青团郑州市委副书记（其间：\n1995.08-1997.10在中国人民大学学习）\n1999.08-2003.05 郑州市金水区委副书记";
    let lines: Vec<usize> = parse_resume(closed)
        .entries
        .iter()
        .map(|e| e.line)
        .collect();
    assert_eq!(lines, [1, 3], "{:?}", parse_resume(closed).entries);
}
