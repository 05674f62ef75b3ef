//! The briefing page: one self-contained HTML file per run with the summary figures, the
//! charts, the exception list as a sortable and filterable table, and one card per team.
//!
//! The page must open by double-click on an office machine with no network and no CJK
//! font, so everything is inline: the subset font as a base64 WOFF2 `@font-face`, the
//! charts as inline SVG (which then use that font) or base64 PNG, the CSS, and a small
//! vanilla script for sorting and filtering. No URL to anywhere is written. All data
//! (names, messages, titles) is HTML-escaped; only the chart SVG produced by
//! [`super::charts`] is inserted as markup. Labels are Chinese by default, English with
//! [`Lang::En`].

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};
use base64::Engine as _;

use super::charts::{ChartFile, Lang, Severity};

/// The subset font as WOFF2 (the same glyphs as the charts' OpenType file).
pub static FONT_WOFF2: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.woff2");

/// Everything the page shows. Strings are plain text; the page escapes them.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub lang: Lang,
    /// E.g. `柳河县2021年乡镇领导班子换届结构分析`.
    pub title: String,
    /// E.g. data source and reference dates.
    pub subtitle: String,
    /// Headline figures, `(label, value)`, e.g. `("班子", "36")`.
    pub summary: Vec<(String, String)>,
    pub charts: Vec<ChartEntry>,
    /// The exception list, in the order to show before any sorting.
    pub exceptions: Vec<ExceptionRow>,
    pub teams: Vec<TeamCard>,
    /// A last line, e.g. `banzi 0.1.0, 2026-11-22 15:00`; empty writes just `banzi`.
    pub footer: String,
}

/// A chart on the page.
#[derive(Debug, Clone)]
pub struct ChartEntry {
    /// Used for the chart index and as the accessible name (the image carries its own
    /// drawn title).
    pub title: String,
    pub image: ChartImage,
}

/// A chart image to embed.
#[derive(Debug, Clone)]
pub enum ChartImage {
    /// SVG markup as written by [`super::charts`]; inserted inline, so it must be trusted.
    Svg(String),
    /// PNG bytes; embedded as a base64 data URI.
    Png(Vec<u8>),
}

impl ChartEntry {
    /// Reads the SVG of a chart page written by [`super::charts`].
    pub fn from_chart_file(file: &ChartFile) -> Result<ChartEntry> {
        let svg = std::fs::read_to_string(&file.svg)
            .with_context(|| format!("reading {}", file.svg.display()))?;
        Ok(ChartEntry {
            title: file.title.clone(),
            image: ChartImage::Svg(svg),
        })
    }
}

/// One row of the exception list (the columns of `exceptions.csv` plus the unit name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExceptionRow {
    pub rule: String,
    /// `error`, `warning` or `advice` (shown translated, sorted by seriousness).
    pub severity: String,
    /// `person`, `team`, `aggregate` or `cycle` (shown translated).
    pub scope: String,
    pub cycle: String,
    pub unit_id: String,
    pub unit_name: String,
    pub person_id: String,
    pub observed: String,
    pub expected: String,
    pub message: String,
}

/// A card for one team.
#[derive(Debug, Clone, Default)]
pub struct TeamCard {
    pub name: String,
    pub cycle: String,
    /// A few key figures, `(label, value)`, e.g. `("成员", "8")`, `("35岁以下", "2")`.
    pub figures: Vec<(String, String)>,
    /// The team's findings (rule, severity and message are shown).
    pub findings: Vec<ExceptionRow>,
}

/// Writes the page to `path` (creating its folder).
pub fn write_page(page: &Page, path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, render(page)).with_context(|| format!("writing {}", path.display()))
}

/// The page as a string.
pub fn render(page: &Page) -> String {
    let t = Texts::of(page.lang);
    let mut h = String::with_capacity(FONT_WOFF2.len() * 4 / 3 + 200_000);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n@font-face {{ font-family: \"Banzi Sans\"; \
         src: url(data:font/woff2;base64,",
        t.html_lang,
        esc(&page.title)
    );
    base64::engine::general_purpose::STANDARD.encode_string(FONT_WOFF2, &mut h);
    h.push_str(") format(\"woff2\"); font-display: block; }\n");
    h.push_str(CSS);
    h.push_str("</style>\n</head>\n<body>\n");

    // Header and navigation.
    let _ = write!(h, "<header>\n<h1>{}</h1>\n", esc(&page.title));
    if !page.subtitle.is_empty() {
        let _ = writeln!(h, "<p class=\"sub\">{}</p>", esc(&page.subtitle));
    }
    h.push_str("<nav>");
    for (id, label, show) in [
        ("summary", t.summary, !page.summary.is_empty()),
        ("charts", t.charts, !page.charts.is_empty()),
        ("exceptions", t.exceptions, true),
        ("teams", t.teams, !page.teams.is_empty()),
    ] {
        if show {
            let _ = write!(h, "<a href=\"#{id}\">{label}</a>");
        }
    }
    h.push_str("</nav>\n</header>\n<main>\n");

    if !page.summary.is_empty() {
        let _ = write!(
            h,
            "<section id=\"summary\">\n<h2>{}</h2>\n<div class=\"figures\">\n",
            t.summary
        );
        for (label, value) in &page.summary {
            let _ = writeln!(
                h,
                "<div class=\"fig\"><div class=\"v\">{}</div><div class=\"l\">{}</div></div>",
                esc(value),
                esc(label)
            );
        }
        h.push_str("</div>\n</section>\n");
    }

    if !page.charts.is_empty() {
        charts(&mut h, page, &t);
    }
    exceptions(&mut h, page, &t);
    if !page.teams.is_empty() {
        teams(&mut h, page, &t);
    }

    let footer = if page.footer.is_empty() {
        "banzi"
    } else {
        &page.footer
    };
    let _ = write!(
        h,
        "</main>\n<footer>{}</footer>\n<script>\n{}</script>\n</body>\n</html>\n",
        esc(footer),
        JS
    );
    h
}

fn charts(h: &mut String, page: &Page, t: &Texts) {
    let _ = writeln!(h, "<section id=\"charts\">\n<h2>{}</h2>", t.charts);
    if page.charts.len() > 4 {
        h.push_str("<ol class=\"index\">");
        for (i, c) in page.charts.iter().enumerate() {
            let _ = write!(
                h,
                "<li><a href=\"#chart-{}\">{}</a></li>",
                i + 1,
                esc(&c.title)
            );
        }
        h.push_str("</ol>\n");
    }
    for (i, c) in page.charts.iter().enumerate() {
        let _ = writeln!(
            h,
            "<figure class=\"chart\" id=\"chart-{}\" role=\"img\" aria-label=\"{}\">",
            i + 1,
            esc(&c.title)
        );
        match &c.image {
            ChartImage::Svg(svg) => match inline_svg(svg) {
                Some(markup) => h.push_str(markup.as_str()),
                None => {
                    let _ = write!(
                        h,
                        "<img alt=\"{}\" src=\"data:image/svg+xml;base64,{}\">",
                        esc(&c.title),
                        base64::engine::general_purpose::STANDARD.encode(svg.as_bytes())
                    );
                }
            },
            ChartImage::Png(png) => {
                let _ = write!(
                    h,
                    "<img alt=\"{}\" src=\"data:image/png;base64,{}\">",
                    esc(&c.title),
                    base64::engine::general_purpose::STANDARD.encode(png)
                );
            }
        }
        h.push_str("\n</figure>\n");
    }
    h.push_str("</section>\n");
}

/// The SVG markup to inline: from the `<svg` tag on, with the namespace declaration
/// dropped (HTML puts `<svg>` in the SVG namespace by itself, and the page keeps no URL).
/// `None` when it does not look like plain SVG (it is then embedded as an image).
fn inline_svg(svg: &str) -> Option<String> {
    let start = svg.find("<svg")?;
    let body = &svg[start..];
    let lower = body.to_ascii_lowercase();
    if lower.contains("<script") || lower.contains("<foreignobject") || lower.contains("href") {
        return None;
    }
    let body = body
        .replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
        .replacen(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "", 1);
    if body.contains("http://") || body.contains("https://") {
        return None;
    }
    Some(body.trim_end().to_string())
}

const COLUMNS: usize = 10;

fn exceptions(h: &mut String, page: &Page, t: &Texts) {
    let rows = &page.exceptions;
    let _ = writeln!(
        h,
        "<section id=\"exceptions\">\n<h2>{} <small>({})</small></h2>",
        t.exceptions,
        rows.len()
    );
    if rows.is_empty() {
        let _ = writeln!(h, "<p class=\"empty\">{}</p>\n</section>", t.no_exceptions);
        return;
    }
    // Filters: severity, rule, free text.
    h.push_str("<div class=\"filters\">\n");
    let _ = write!(
        h,
        "<label>{} <select id=\"f-sev\"><option value=\"\">{}</option>",
        t.severity, t.all
    );
    for s in Severity::ALL {
        let n = rows
            .iter()
            .filter(|r| Severity::parse(&r.severity) == Some(s))
            .count();
        if n > 0 {
            let _ = write!(
                h,
                "<option value=\"{}\">{} ({n})</option>",
                s.code(),
                s.label(page.lang)
            );
        }
    }
    h.push_str("</select></label>\n");
    let mut rules: Vec<&str> = rows.iter().map(|r| r.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    let _ = write!(
        h,
        "<label>{} <select id=\"f-rule\"><option value=\"\">{}</option>",
        t.rule, t.all
    );
    for r in rules {
        let n = rows.iter().filter(|x| x.rule == r).count();
        let _ = write!(h, "<option value=\"{}\">{} ({n})</option>", esc(r), esc(r));
    }
    h.push_str("</select></label>\n");
    let _ = writeln!(
        h,
        "<label>{} <input id=\"f-text\" type=\"search\" placeholder=\"{}\"></label>\n\
         <span id=\"f-count\" data-tmpl=\"{}\"></span>\n</div>",
        t.search,
        t.search_hint,
        esc(t.count_tmpl)
    );

    // The table; a cell's data-s is its sort key when the text is not.
    h.push_str("<div class=\"scroll\"><table id=\"exc\">\n<thead><tr>");
    for (i, head) in t.columns.iter().enumerate() {
        let _ = write!(
            h,
            "<th aria-sort=\"none\"><button type=\"button\" data-col=\"{i}\">{head}</button></th>"
        );
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        let sev = Severity::parse(&r.severity);
        let _ = write!(
            h,
            "<tr data-sev=\"{}\" data-rule=\"{}\">",
            esc(sev.map_or(r.severity.as_str(), |s| s.code())),
            esc(&r.rule)
        );
        let cells: [&str; COLUMNS] = [
            &r.rule,
            &r.severity,
            &r.scope,
            &r.cycle,
            &r.unit_id,
            &r.unit_name,
            &r.person_id,
            &r.observed,
            &r.expected,
            &r.message,
        ];
        for (i, cell) in cells.iter().enumerate() {
            match i {
                1 => {
                    let rank = sev.map_or(9, |s| s as u8);
                    let _ = write!(
                        h,
                        "<td data-s=\"{rank}\">{}</td>",
                        sev_badge(sev, cell, page.lang)
                    );
                }
                2 => {
                    let _ = write!(h, "<td>{}</td>", esc(scope_label(cell, page.lang)));
                }
                9 => {
                    let _ = write!(h, "<td class=\"msg\">{}</td>", esc(cell));
                }
                _ => {
                    let _ = write!(h, "<td>{}</td>", esc(cell));
                }
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table></div>\n</section>\n");
}

fn teams(h: &mut String, page: &Page, t: &Texts) {
    let _ = writeln!(
        h,
        "<section id=\"teams\">\n<h2>{} <small>({})</small></h2>\n<div class=\"filters\">\
         <label>{} <input id=\"t-text\" type=\"search\" placeholder=\"{}\"></label>\
         <label><input id=\"t-only\" type=\"checkbox\"> {}</label></div>\n<div class=\"cards\">",
        t.teams,
        page.teams.len(),
        t.search,
        t.team_hint,
        t.only_with_findings
    );
    for card in &page.teams {
        let worst = card
            .findings
            .iter()
            .filter_map(|f| Severity::parse(&f.severity))
            .min();
        let _ = write!(
            h,
            "<article class=\"card{}\" data-n=\"{}\">\n<h3>{}",
            worst.map_or(String::new(), |s| format!(" worst-{}", s.code())),
            card.findings.len(),
            esc(&card.name)
        );
        if !card.cycle.is_empty() {
            let _ = write!(h, " <span class=\"cycle\">{}</span>", esc(&card.cycle));
        }
        h.push_str("</h3>\n");
        if !card.figures.is_empty() {
            h.push_str("<dl>");
            for (k, v) in &card.figures {
                let _ = write!(h, "<div><dt>{}</dt><dd>{}</dd></div>", esc(k), esc(v));
            }
            h.push_str("</dl>\n");
        }
        if card.findings.is_empty() {
            let _ = writeln!(h, "<p class=\"ok\">{}</p>", t.no_findings);
        } else {
            h.push_str("<ul>");
            for f in &card.findings {
                let _ = write!(
                    h,
                    "<li>{} <code>{}</code> {}</li>",
                    sev_badge(Severity::parse(&f.severity), &f.severity, page.lang),
                    esc(&f.rule),
                    esc(&f.message)
                );
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</article>\n");
    }
    h.push_str("</div>\n</section>\n");
}

fn sev_badge(sev: Option<Severity>, raw: &str, lang: Lang) -> String {
    match sev {
        Some(s) => format!(
            "<span class=\"sev sev-{}\">{}</span>",
            s.code(),
            s.label(lang)
        ),
        None => format!("<span class=\"sev\">{}</span>", esc(raw)),
    }
}

fn scope_label(code: &str, lang: Lang) -> &str {
    let (zh, en) = match code {
        "person" => ("个人", "person"),
        "team" => ("班子", "team"),
        "aggregate" => ("汇总", "aggregate"),
        "cycle" => ("届次", "cycle"),
        _ => return code,
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Escapes text for HTML content and double- or single-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The fixed words of the page.
struct Texts {
    html_lang: &'static str,
    summary: &'static str,
    charts: &'static str,
    exceptions: &'static str,
    teams: &'static str,
    severity: &'static str,
    rule: &'static str,
    all: &'static str,
    search: &'static str,
    search_hint: &'static str,
    team_hint: &'static str,
    count_tmpl: &'static str,
    columns: [&'static str; COLUMNS],
    no_exceptions: &'static str,
    no_findings: &'static str,
    only_with_findings: &'static str,
}

impl Texts {
    fn of(lang: Lang) -> Texts {
        match lang {
            Lang::Zh => Texts {
                html_lang: "zh-CN",
                summary: "概况",
                charts: "图表",
                exceptions: "例外清单",
                teams: "各班子",
                severity: "级别",
                rule: "规则",
                all: "全部",
                search: "搜索",
                search_hint: "单位、人员、说明…",
                team_hint: "班子名称…",
                count_tmpl: "显示 {n} / {total} 条",
                columns: [
                    "规则",
                    "级别",
                    "范围",
                    "届次",
                    "单位代码",
                    "单位",
                    "人员编号",
                    "实际",
                    "要求",
                    "说明",
                ],
                no_exceptions: "未发现例外。",
                no_findings: "无例外",
                only_with_findings: "只看有例外的班子",
            },
            Lang::En => Texts {
                html_lang: "en",
                summary: "Summary",
                charts: "Charts",
                exceptions: "Exceptions",
                teams: "Teams",
                severity: "Severity",
                rule: "Rule",
                all: "All",
                search: "Search",
                search_hint: "unit, person, message…",
                team_hint: "team name…",
                count_tmpl: "showing {n} of {total}",
                columns: [
                    "Rule",
                    "Severity",
                    "Scope",
                    "Cycle",
                    "Unit ID",
                    "Unit",
                    "Person ID",
                    "Observed",
                    "Expected",
                    "Message",
                ],
                no_exceptions: "No exceptions found.",
                no_findings: "No exceptions",
                only_with_findings: "Only teams with exceptions",
            },
        }
    }
}

const CSS: &str = r#"
:root { --ink: #222; --muted: #666; --line: #ddd; --bg: #f6f6f4;
  --error: #d7301f; --warning: #f39c3c; --advice: #6a9fd4; }
* { box-sizing: border-box; }
html { font-family: "Banzi Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: var(--ink); background: var(--bg); font-size: 15px; line-height: 1.5; }
body { margin: 0; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 20px 32px 8px; }
h1 { font-size: 26px; font-weight: normal; margin: 0 0 4px; }
h2 { font-size: 20px; font-weight: normal; margin: 0 0 12px; }
h2 small { color: var(--muted); font-size: 15px; }
.sub { color: var(--muted); margin: 0 0 8px; }
nav a { display: inline-block; margin: 4px 18px 4px 0; color: #1f5f9f; text-decoration: none; }
nav a:hover { text-decoration: underline; }
main { padding: 8px 32px 24px; max-width: 1400px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 18px 20px; margin: 16px 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; }
.fig { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.fig .v { font-size: 26px; line-height: 1.2; overflow-wrap: anywhere; }
.fig .l { color: var(--muted); }
.index { columns: 2 320px; margin: 0 0 12px; padding-left: 24px; }
figure.chart { margin: 0 0 20px; border-top: 1px solid var(--line); padding-top: 12px; }
figure.chart svg, figure.chart img { display: block; width: 100%; max-width: 1000px; height: auto; }
figure.chart svg text { font-family: "Banzi Sans", sans-serif; }
.filters { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; margin: 0 0 12px; }
.filters select, .filters input[type=search] { font: inherit; padding: 3px 6px; border: 1px solid #bbb; border-radius: 4px; }
.filters input[type=search] { width: 16em; }
#f-count { color: var(--muted); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #eee; }
th { position: sticky; top: 0; background: #fafafa; border-bottom: 2px solid var(--line); white-space: nowrap; }
th button { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort=ascending] button::after { content: " ▲"; font-size: 11px; }
th[aria-sort=descending] button::after { content: " ▼"; font-size: 11px; }
td { overflow-wrap: anywhere; }
td:first-child, td:nth-child(2), td:nth-child(3), td:nth-child(4) { white-space: nowrap; }
td.msg { min-width: 22em; }
tbody tr:hover { background: #f4f8fc; }
.sev { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 13px; background: #ddd; white-space: nowrap; }
.sev-error { background: var(--error); color: #fff; }
.sev-warning { background: var(--warning); color: #222; }
.sev-advice { background: var(--advice); color: #fff; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-left: 5px solid #9fcf8f; border-radius: 6px; padding: 10px 14px; }
.card.worst-error { border-left-color: var(--error); }
.card.worst-warning { border-left-color: var(--warning); }
.card.worst-advice { border-left-color: var(--advice); }
.card h3 { font-size: 17px; font-weight: normal; margin: 0 0 8px; overflow-wrap: anywhere; }
.card .cycle { color: var(--muted); font-size: 13px; border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; white-space: nowrap; }
.card dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 2px 12px; margin: 0 0 8px; }
.card dl div { display: flex; justify-content: space-between; gap: 8px; border-bottom: 1px dotted #e4e4e4; }
.card dt { color: var(--muted); }
.card dd { margin: 0; text-align: right; }
.card ul { margin: 0; padding-left: 0; list-style: none; }
.card li { margin: 4px 0; overflow-wrap: anywhere; }
.card code { font-family: inherit; color: var(--muted); }
.card .ok, .empty { color: #3c7a2c; margin: 0; }
footer { color: var(--muted); padding: 0 32px 24px; }
[hidden] { display: none !important; }
@media print {
  html { background: #fff; }
  nav, .filters, .index { display: none; }
  section { border: 0; padding: 0; }
  figure.chart, .card { break-inside: avoid; }
  th { position: static; }
}
"#;

const JS: &str = r#"(function () {
  "use strict";
  var lang = document.documentElement.lang;
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });

  // Exception table: filters and sorting.
  var table = document.getElementById("exc");
  if (table) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var sev = document.getElementById("f-sev");
    var rule = document.getElementById("f-rule");
    var text = document.getElementById("f-text");
    var count = document.getElementById("f-count");
    var filter = function () {
      var s = sev.value, r = rule.value, q = text.value.trim().toLowerCase(), n = 0;
      rows.forEach(function (tr) {
        var ok = (!s || tr.getAttribute("data-sev") === s) &&
          (!r || tr.getAttribute("data-rule") === r) &&
          (!q || tr.textContent.toLowerCase().indexOf(q) >= 0);
        tr.hidden = !ok;
        if (ok) { n++; }
      });
      count.textContent = count.getAttribute("data-tmpl")
        .replace("{n}", String(n)).replace("{total}", String(rows.length));
    };
    [sev, rule].forEach(function (el) { el.addEventListener("change", filter); });
    text.addEventListener("input", filter);
    filter();

    var key = function (tr, col) {
      var td = tr.cells[col];
      return td.hasAttribute("data-s") ? td.getAttribute("data-s") : td.textContent;
    };
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th) {
      th.querySelector("button").addEventListener("click", function () {
        var col = Number(this.getAttribute("data-col"));
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var order = rows.map(function (tr, i) { return [key(tr, col), i, tr]; });
        order.sort(function (a, b) { return dir * collator.compare(a[0], b[0]) || a[1] - b[1]; });
        order.forEach(function (x) { tbody.appendChild(x[2]); });
      });
    });
  }

  // Team cards: text filter and "only with exceptions".
  var ttext = document.getElementById("t-text");
  var tonly = document.getElementById("t-only");
  if (ttext && tonly) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
    var tfilter = function () {
      var q = ttext.value.trim().toLowerCase();
      cards.forEach(function (c) {
        var name = c.querySelector("h3").textContent.toLowerCase();
        c.hidden = (q && name.indexOf(q) < 0) || (tonly.checked && c.getAttribute("data-n") === "0");
      });
    };
    ttext.addEventListener("input", tfilter);
    tonly.addEventListener("change", tfilter);
  }
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn row(rule: &str, sev: &str, unit: &str, msg: &str) -> ExceptionRow {
        ExceptionRow {
            rule: rule.into(),
            severity: sev.into(),
            scope: "team".into(),
            cycle: "2021".into(),
            unit_id: "S02".into(),
            unit_name: unit.into(),
            person_id: String::new(),
            observed: "1/8 aged ≤35".into(),
            expected: "≥ 2".into(),
            message: msg.into(),
        }
    }

    fn sample(lang: Lang) -> Page {
        let evil = "东门<script>alert(1)</script>&\"街道'";
        let rows = vec![
            row(
                "AGE-001",
                "error",
                evil,
                "东门街道领导班子8人中35岁以下1人，应不少于2人。",
            ),
            row(
                "GEN-002",
                "advice",
                "柳河镇",
                "a <b>bold</b> & \"quoted\" message",
            ),
        ];
        let svg = "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" \
                   xmlns=\"http://www.w3.org/2000/svg\">\n<text x=\"1\" y=\"5\">柳河镇</text>\n</svg>\n";
        Page {
            lang,
            title: "柳河县 <换届> 结构分析".into(),
            subtitle: "数据来源: data/sample; 基准日: 2021-06-30".into(),
            summary: vec![
                ("班子".into(), "36".into()),
                ("错误 <&>".into(), "12".into()),
            ],
            charts: vec![
                ChartEntry {
                    title: "年龄".into(),
                    image: ChartImage::Svg(svg.into()),
                },
                ChartEntry {
                    title: "PNG".into(),
                    image: ChartImage::Png(vec![0x89, b'P', b'N', b'G']),
                },
            ],
            exceptions: rows.clone(),
            teams: vec![
                TeamCard {
                    name: evil.into(),
                    cycle: "2021".into(),
                    figures: vec![("成员".into(), "8".into())],
                    findings: rows[..1].to_vec(),
                },
                TeamCard {
                    name: "柳河镇".into(),
                    cycle: "2021".into(),
                    ..Default::default()
                },
            ],
            footer: String::new(),
        }
    }

    #[test]
    fn the_page_has_no_external_reference() {
        for lang in [Lang::Zh, Lang::En] {
            let html = render(&sample(lang));
            let lower = html.to_ascii_lowercase();
            assert!(!lower.contains("http://"), "http:// in the page");
            assert!(!lower.contains("https://"), "https:// in the page");
            assert!(!lower.contains("src=\"//") && !lower.contains("url(//"));
            // Every src= and url( is a data URI.
            for pat in ["src=\"", "url("] {
                for (i, _) in lower.match_indices(pat) {
                    let rest = &lower[i + pat.len()..];
                    assert!(
                        rest.starts_with("data:"),
                        "{pat} not a data URI: {}",
                        &rest[..20.min(rest.len())]
                    );
                }
            }
            assert!(!lower.contains("<link"));
            assert!(
                html.contains("font/woff2;base64,d09GMk9UVE8"),
                "the font is embedded"
            );
        }
    }

    #[test]
    fn data_is_escaped() {
        let html = render(&sample(Lang::Zh));
        // Exactly one script element: ours.
        assert_eq!(html.matches("<script").count(), 1);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("东门&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;街道&#39;"));
        assert!(html.contains("a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; message"));
        assert!(html.contains("<title>柳河县 &lt;换届&gt; 结构分析</title>"));
        assert!(html.contains("错误 &lt;&amp;&gt;"));
        assert!(!html.contains("<b>bold"));
    }

    #[test]
    fn charts_are_inlined_and_labels_follow_the_language() {
        let zh = render(&sample(Lang::Zh));
        assert!(zh.contains("<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">"));
        assert!(zh.contains("src=\"data:image/png;base64,iVBORw"));
        assert!(zh.contains("<html lang=\"zh-CN\">"));
        assert!(zh.contains(">例外清单"));
        assert!(zh.contains("sev-error\">错误<"));
        assert!(zh.contains("<td>班子</td>"));
        let en = render(&sample(Lang::En));
        assert!(en.contains("<html lang=\"en\">"));
        assert!(en.contains(">Exceptions"));
        assert!(en.contains("sev-error\">Error<"));
        assert!(!en.contains("例外清单"));
    }

    #[test]
    fn rows_carry_filter_and_sort_keys() {
        let html = render(&sample(Lang::Zh));
        assert!(html.contains("<tr data-sev=\"error\" data-rule=\"AGE-001\">"));
        assert!(html.contains("<td data-s=\"0\"><span class=\"sev sev-error\">"));
        assert!(html.contains("<td data-s=\"2\"><span class=\"sev sev-advice\">"));
        assert!(html.contains("<option value=\"GEN-002\">GEN-002 (1)</option>"));
        assert!(html.contains("class=\"card worst-error\" data-n=\"1\""));
        assert!(html.contains("class=\"card\" data-n=\"0\""));
    }

    #[test]
    fn untrusted_svg_is_not_inlined() {
        assert!(inline_svg("<svg><script>x</script></svg>").is_none());
        assert!(inline_svg("<svg><image href=\"https://x/y.png\"/></svg>").is_none());
        assert!(inline_svg("not svg").is_none());
        assert_eq!(
            inline_svg(
                "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n"
            )
            .as_deref(),
            Some("<svg></svg>")
        );
    }

    #[test]
    fn write_page_writes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("report.html");
        write_page(&sample(Lang::Zh), &path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("<!DOCTYPE html>"));
        assert!(text.ends_with("</html>\n"));
    }
}
