//! Tests of the charts as a whole (font, pagination, the bar charts, files written) and
//! the helpers the chart kinds' own tests share: a caption, a bar chart of `n` teams, and
//! the checks of a rendered page.

use super::canvas::{TITLE_Y, W};
use super::heatmap::family_name;
use super::pages::{page_infos, render_rgb, render_svg, Paint};
use super::*;

pub(super) fn caption(title: Option<&str>) -> Caption {
    Caption {
        title: title.map(str::to_string),
        source: "data/sample".to_string(),
        as_of: "2021-06-30".to_string(),
    }
}

pub(super) fn age_bars(title: &str, teams: usize) -> AgeBandBars {
    AgeBandBars {
        caption: caption(Some(title)),
        teams: (0..teams)
            .map(|i| TeamBands {
                name: format!("柳河镇{i}"),
                counts: [1, 2, 3, 1, (i % 3) as u32],
            })
            .collect(),
    }
}

pub(super) fn dark(px: &[u8]) -> bool {
    px[0] < 110 && px[1] < 110 && px[2] < 110
}

/// Dark pixels in rows `y0..y1` of an RGB buffer.
pub(super) fn dark_in(w: u32, buf: &[u8], y0: u32, y1: u32) -> usize {
    let row = (w * 3) as usize;
    buf[y0 as usize * row..y1 as usize * row]
        .chunks(3)
        .filter(|p| dark(p))
        .count()
}

/// The checks every rendered page passes: the buffer matches the size, the image is not
/// blank, and the title area holds glyphs.
pub(super) fn assert_drawn(name: &str, (w, h, buf): &(u32, u32, Vec<u8>)) {
    assert_eq!(buf.len(), (w * h * 3) as usize);
    let non_white = buf.chunks(3).filter(|p| p != &[255, 255, 255]).count();
    assert!(non_white > 5_000, "{name} looks blank: {non_white}");
    let title = dark_in(*w, buf, (TITLE_Y - 20) as u32, (TITLE_Y + 20) as u32);
    assert!(title > 300, "{name}: no glyphs in the title area ({title})");
}

#[test]
fn the_embedded_font_parses_and_covers_chinese_labels() {
    register_fonts().unwrap();
    assert!(missing_glyphs("柳河镇 东门街道 班子成员年龄结构 ≤30岁 >50 (1/8)").is_empty());
    // Every fixed label of both languages is covered.
    let mut fixed = String::new();
    for lang in [Lang::Zh, Lang::En] {
        for kind in [
            ShareKind::Women,
            ShareKind::Minorities,
            ShareKind::NonParty,
            ShareKind::TownshipExperience,
            ShareKind::Young,
        ] {
            fixed += &kind.title(lang);
        }
        for s in Severity::ALL {
            fixed += s.label(lang);
        }
        for f in RULE_FAMILIES {
            fixed += family_name(f, lang).unwrap();
        }
        fixed += &AgeBandBars::default().default_title(lang);
        fixed += &AgePyramid::default().default_title(lang);
        fixed += &ComplianceHeatmap::default().default_title(lang);
        fixed += &CountBars::default().default_title(lang);
        let slope = SlopeChart {
            from_label: "上届".into(),
            to_label: "本届".into(),
            ..SlopeChart::default()
        };
        fixed += &slope.default_title(lang);
        fixed += &SlopeChart::default().default_title(lang);
        let flow = FlowMatrix {
            from_label: "2016".into(),
            to_label: "2021".into(),
            ..FlowMatrix::default()
        };
        fixed += &flow.default_title(lang);
        fixed += &FlowMatrix::default().default_title(lang);
        for d in [Direction::Rise, Direction::Fall] {
            let (a, b) = d.legend(lang);
            fixed += a;
            fixed += b;
        }
    }
    // Slope chart and flow matrix labels.
    fixed += "仅一届有数据第项共项调往其他单位 (颜色越深人数越多)留在原单位 (对角线)";
    fixed +=
        "各单位之间无人员交流列: 所在单位行: 调出调入交流最多的个单位 (共个), 另有人次交流未显示";
    fixed += "数据来源基准日人数占比要求不低于达到低于无例外无数据其他第个共条规则男女…";
    assert_eq!(missing_glyphs(&fixed), Vec::<char>::new());
    // A character far outside the subset is reported.
    assert_eq!(missing_glyphs("𠀀a"), vec!['𠀀']);
}

#[test]
fn pages_are_balanced_and_bounded() {
    assert_eq!(page_ranges(0, 40), vec![0..0]);
    assert_eq!(page_ranges(5, 40), vec![0..5]);
    assert_eq!(page_ranges(40, 40), vec![0..40]);
    assert_eq!(page_ranges(41, 40), vec![0..21, 21..41]);
    let p = page_ranges(300, 40);
    assert_eq!(p.len(), 8);
    assert!(p.iter().all(|r| r.len() <= 40 && r.len() >= 37));
    assert_eq!(p.last().unwrap().end, 300);
    assert!(p.windows(2).all(|w| w[0].end == w[1].start));
}

#[test]
fn ratio_comparison_is_exact() {
    let fifth = Ratio::new(1, 5);
    assert!(fifth.is_above(2, 10));
    assert!(!fifth.is_above(1, 8));
    assert!(fifth.is_above(2, 8));
    let two_thirds = Ratio::new(2, 3);
    assert!(!two_thirds.is_above(5, 8));
    assert!(two_thirds.is_above(6, 9));
}

#[test]
fn worst_severity_per_family() {
    let fams = ComplianceHeatmap::default_families();
    let row = TeamCompliance::from_findings(
        "柳河镇",
        &fams,
        [
            ("AGE-001", Severity::Warning),
            ("AGE-003", Severity::Error),
            ("GEN-002", Severity::Advice),
            ("XYZ-001", Severity::Error),
            ("DELEL-001", Severity::Error),
            ("DEL-011", Severity::Advice),
        ],
    );
    assert_eq!(row.worst[2], Some(Severity::Error));
    assert_eq!(row.worst[3], Some(Severity::Advice));
    assert_eq!(row.worst[0], None);
    // DELEL is its own family, not a kind of DEL.
    assert_eq!(row.worst[9], Some(Severity::Advice));
    assert_eq!(row.worst[10], Some(Severity::Error));
    assert_eq!(row.worst.len(), RULE_FAMILIES.len());
}

#[test]
fn a_chinese_title_renders_as_glyphs() {
    let (w, h, a) = render_rgb(&age_bars("柳河镇班子年龄结构", 5), 0, Lang::Zh).unwrap();
    assert_eq!(w, W);
    // Not blank: plenty of non-white pixels overall.
    let non_white = a.chunks(3).filter(|p| p != &[255, 255, 255]).count();
    assert!(
        non_white > 5_000,
        "chart looks blank: {non_white} non-white pixels"
    );
    // The title band holds dark glyph pixels.
    let title_band = (TITLE_Y - 20) as u32..(TITLE_Y + 20) as u32;
    let dark_title = dark_in(w, &a, title_band.start, title_band.end);
    assert!(
        dark_title > 300,
        "no glyphs in the title area: {dark_title}"
    );
    assert!(h > title_band.end);

    // Another Chinese title of the same length draws different pixels there: the font
    // really shapes glyphs (identical tofu boxes would give identical pixels).
    let (_, _, b) = render_rgb(&age_bars("东门街道班子结构图", 5), 0, Lang::Zh).unwrap();
    let row = (w * 3) as usize;
    let band = title_band.start as usize * row..title_band.end as usize * row;
    assert_ne!(a[band.clone()], b[band.clone()]);
    let differing = a[band.clone()]
        .chunks(3)
        .zip(b[band].chunks(3))
        .filter(|(p, q)| dark(p) != dark(q))
        .count();
    assert!(differing > 200, "titles differ in only {differing} pixels");
}

#[test]
fn every_chart_renders_in_both_languages() {
    let fams = ComplianceHeatmap::default_families();
    let heat = ComplianceHeatmap {
        caption: caption(None),
        families: fams.clone(),
        teams: (0..45)
            .map(|i| TeamCompliance {
                name: format!("东门街道{i}"),
                worst: (0..RULE_FAMILIES.len())
                    .map(|j| Severity::ALL.get((i + j) % 4).copied())
                    .collect(),
            })
            .collect(),
    };
    let share = ShareBars {
        caption: caption(None),
        kind: ShareKind::TownshipExperience,
        threshold: Some(Ratio::new(2, 3)),
        teams: vec![
            TeamShare {
                name: "柳河镇".into(),
                count: 5,
                of: 8,
            },
            TeamShare {
                name: "东门街道".into(),
                count: 6,
                of: 9,
            },
            TeamShare {
                name: "空班子".into(),
                count: 0,
                of: 0,
            },
        ],
    };
    let pyramid = AgePyramid {
        caption: caption(None),
        scope: "柳河县".into(),
        men: [3, 10, 40, 30, 20],
        women: [2, 8, 20, 10, 4],
    };
    let counts = CountBars {
        caption: caption(None),
        rules: vec![
            RuleCount {
                label: "AGE-001".into(),
                severity: Some(Severity::Error),
                count: 12,
            },
            RuleCount {
                label: "GEN-002".into(),
                severity: Some(Severity::Advice),
                count: 3,
            },
            RuleCount {
                label: "X".into(),
                severity: None,
                count: 0,
            },
        ],
    };
    for lang in [Lang::Zh, Lang::En] {
        for (w, h, buf) in [
            render_rgb(&heat, 1, lang).unwrap(),
            render_rgb(&share, 0, lang).unwrap(),
            render_rgb(&pyramid, 0, lang).unwrap(),
            render_rgb(&counts, 0, lang).unwrap(),
            render_rgb(&AgeBandBars::default(), 0, lang).unwrap(),
        ] {
            assert_eq!(buf.len(), (w * h * 3) as usize);
            assert!(dark_in(w, &buf, 0, h) > 1_000);
        }
    }
    assert_eq!(page_infos(&heat, Lang::Zh).len(), 2);
    assert!(page_infos(&heat, Lang::En)[1].title.ends_with("(2/2)"));
}

#[test]
fn a_chart_of_thousands_of_rows_stops_at_max_pages_and_says_so() {
    let rows = ROWS_PER_PAGE * MAX_PAGES * 3;
    let bars = age_bars("年龄", rows);
    let infos = page_infos(&bars, Lang::Zh);
    assert_eq!(infos.len(), MAX_PAGES);
    assert!(infos.iter().all(|i| i.capped));
    assert_eq!(infos[MAX_PAGES - 1].rows.end, ROWS_PER_PAGE * MAX_PAGES);
    let svg = render_svg(&bars, MAX_PAGES - 1, Lang::Zh).unwrap();
    assert!(svg.contains("其余见结构表"), "no note of the rows left out");
    assert!(svg.contains(&format!("共{rows}")), "no total");
    let small = age_bars("年龄", ROWS_PER_PAGE * 2);
    assert!(page_infos(&small, Lang::Zh).iter().all(|i| !i.capped));
}

#[test]
fn files_are_written_per_page_and_svg_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let one = age_bars("年龄 <&\"'>", 5)
        .draw(dir.path(), "age", Lang::Zh)
        .unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].png, dir.path().join("age.png"));
    let png = std::fs::read(&one[0].png).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = std::fs::read_to_string(&one[0].svg).unwrap();
    assert!(svg.contains("年龄 &lt;&amp;&quot;&apos;&gt;"));
    assert!(svg.contains("font-family=\"Banzi Sans,"));
    assert!(!svg.contains("<&\""));

    let many = age_bars("年龄", 85)
        .draw(dir.path(), "bands", Lang::En)
        .unwrap();
    assert_eq!(many.len(), 3);
    let names: Vec<String> = many
        .iter()
        .map(|f| f.svg.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["bands-01.svg", "bands-02.svg", "bands-03.svg"]);
    assert!(many.iter().all(|f| f.png.exists() && f.pages == 3));
    assert_eq!(many[2].title, "年龄 (3/3)");
}

#[test]
fn svg_and_png_agree_on_the_text() {
    let chart = age_bars("柳河镇", 3);
    let svg = render_svg(&chart, 0, Lang::Zh).unwrap();
    for label in [
        "柳河镇0",
        "柳河镇2",
        "≤30岁",
        "&gt;50岁",
        "人数",
        "数据来源: data/sample",
    ] {
        assert!(svg.contains(label), "{label} missing from the SVG");
    }
}
