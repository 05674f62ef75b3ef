//! The briefing charts, drawn with plotters as a PNG and an SVG each, Chinese labels by
//! default and English on request: age bands per team, the age pyramid by gender, shares
//! per team against a threshold, the compliance heat map (teams × rule families) and the
//! exception counts per rule; for comparing two transition cycles, a slope chart of a
//! figure per district (or team) and the matrix of people moving between units (交流).
//!
//! The PNGs use the subset of Noto Sans CJK SC shipped in `assets/fonts/` (embedded in the
//! binary, registered with plotters and rasterised with ab_glyph, see `Canvas` below), so
//! Chinese renders on a machine without CJK fonts; the SVGs name the same font first
//! ([`FONT_FAMILY`]) and the HTML page embeds it, so both agree. A standalone SVG opened
//! outside the page uses the viewer's fonts (the list names the usual Chinese ones). The
//! inputs are plain data (names, counts, severity per cell) computed elsewhere; this
//! module only draws.
//!
//! Layout: every team chart is a horizontal bar chart (or heat-map row) with one row per
//! team, so Chinese unit names are written horizontally and never rotated or crowded.
//! Charts with more than [`ROWS_PER_PAGE`] rows are split into pages of at most that many
//! rows, balanced (41 teams give 21 + 20, 300 give 8 pages of 37–38), written as
//! `STEM-01.png`, `STEM-02.png`, … (a single page is just `STEM.png`); the title carries
//! "(2/8)" and the footnote the rows shown. Rows keep the caller's order. Names wider than
//! the label column are cut with "…". Every `draw` returns the [`ChartFile`]s it wrote.
//! The slope chart puts at most [`SLOPE_LINES_PER_PAGE`] lines on a page (two labels each);
//! the flow matrix is one page of at most [`FLOW_MAX_UNITS`] units (see [`FlowMatrix`]).

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{anyhow, bail, Context as _, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

/// The subset of Noto Sans CJK SC Regular (GB2312 + punctuation; see
/// `assets/fonts/README.md`), CFF-flavoured OpenType.
pub static FONT_OTF: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

/// The font family written into the SVGs (a CSS font list) and under which the embedded
/// font is registered for the PNGs. The HTML page declares `Banzi Sans` with `@font-face`.
pub const FONT_FAMILY: &str = "Banzi Sans, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, \
PingFang SC, Microsoft YaHei, SimHei, sans-serif";

/// At most this many teams (rows) per chart image.
pub const ROWS_PER_PAGE: usize = 40;

/// The age bands of the structure tables (≤30, 31-35, 36-45, 46-50, >50), in this order.
pub const AGE_BANDS: [&str; 5] = ["≤30", "31-35", "36-45", "46-50", ">50"];

/// The rule families of the catalogue, in the heat map's default column order.
pub const RULE_FAMILIES: [&str; 9] = [
    "SIZE", "POST", "AGE", "GEN", "ETH", "EXP", "SPEC", "ROT", "ELIG",
];

/// The language and severity of the rules; charts add their labels and colours below.
pub use crate::rules::{Lang, Severity};

/// How charts show a severity.
impl Severity {
    /// The display name: 错误/警告/建议 or Error/Warning/Advice.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("错误", "Error"),
            Severity::Warning => lang.pick("警告", "Warning"),
            Severity::Advice => lang.pick("建议", "Advice"),
        }
    }

    /// Fill colour as `#rrggbb` (the HTML page uses the same colours).
    pub fn hex(self) -> &'static str {
        match self {
            Severity::Error => "#d7301f",
            Severity::Warning => "#f39c3c",
            Severity::Advice => "#6a9fd4",
        }
    }

    fn color(self) -> RGBColor {
        hex_color(self.hex())
    }
}

/// The title override and the footnote of a chart.
#[derive(Debug, Clone, Default)]
pub struct Caption {
    /// Replaces the default title; a page suffix such as " (2/8)" is still added.
    pub title: Option<String>,
    /// Data source for the footnote, e.g. `data/sample`.
    pub source: String,
    /// Reference date(s) for the footnote, e.g. `2021-06-30`.
    pub as_of: String,
}

/// One image written by a chart: a page of it, as PNG and SVG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartFile {
    /// The title drawn on this page, with the page suffix when there are several.
    pub title: String,
    /// 1-based page number and page count.
    pub page: usize,
    pub pages: usize,
    pub png: PathBuf,
    pub svg: PathBuf,
}

/// Splits `rows` rows into balanced pages of at most `per_page` rows. No rows give one
/// empty page (the chart then says there is no data).
pub fn page_ranges(rows: usize, per_page: usize) -> Vec<Range<usize>> {
    let per_page = per_page.max(1);
    let pages = rows.div_ceil(per_page).max(1);
    let base = rows / pages;
    let extra = rows % pages;
    let mut start = 0;
    (0..pages)
        .map(|p| {
            let len = base + usize::from(p < extra);
            let r = start..start + len;
            start += len;
            r
        })
        .collect()
}

/// Registers the embedded font with plotters (once) under [`FONT_FAMILY`] and the
/// generic names `sans-serif`, `serif` and `monospace`, so no text falls back to a
/// missing system font. Called by every `draw`; calling it again is free.
pub fn register_fonts() -> Result<()> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        [FONT_FAMILY, "sans-serif", "serif", "monospace"]
            .into_iter()
            .all(|family| {
                plotters::style::register_font(family, FontStyle::Normal, FONT_OTF).is_ok()
            })
    });
    if ok {
        Ok(())
    } else {
        bail!("the embedded chart font could not be read")
    }
}

/// The characters of `text` that the embedded font has no glyph for (they would draw as
/// nothing in the PNGs). Whitespace and control characters are not reported.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    use ab_glyph::Font as _;
    let Ok(font) = font() else {
        return text.chars().filter(|c| !c.is_whitespace()).collect();
    };
    let mut missing: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && font.glyph_id(*c).0 == 0)
        .collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

/// The embedded font, parsed once.
fn font() -> Result<&'static ab_glyph::FontRef<'static>> {
    static FONT: OnceLock<Option<ab_glyph::FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| ab_glyph::FontRef::try_from_slice(FONT_OTF).ok())
        .as_ref()
        .context("the embedded chart font could not be read")
}

// ---------------------------------------------------------------------------------------
// Chart inputs

/// Members per age band of one team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamBands {
    /// The team's label, e.g. `柳河镇` (or `柳河镇 2021` when cycles are mixed).
    pub name: String,
    /// Counts in the order of [`AGE_BANDS`].
    pub counts: [u32; 5],
}

/// Stacked horizontal bars: members of each team by age band.
#[derive(Debug, Clone, Default)]
pub struct AgeBandBars {
    pub caption: Caption,
    pub teams: Vec<TeamBands>,
}

/// The age pyramid of a district (or of all teams) by gender.
#[derive(Debug, Clone, Default)]
pub struct AgePyramid {
    pub caption: Caption,
    /// What the pyramid covers, e.g. `柳河县` or `全部`; goes into the default title.
    pub scope: String,
    /// Men per band, in the order of [`AGE_BANDS`].
    pub men: [u32; 5],
    /// Women per band, in the order of [`AGE_BANDS`].
    pub women: [u32; 5],
}

/// What a [`ShareBars`] chart measures (sets the default title).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ShareKind {
    #[default]
    Women,
    Minorities,
    NonParty,
    /// Two or more years of township work.
    TownshipExperience,
    /// Under-35s (the 1/5 rule).
    Young,
    /// Anything else, with its title in both languages.
    Other {
        zh: String,
        en: String,
    },
}

impl ShareKind {
    fn title(&self, lang: Lang) -> String {
        let s = match self {
            ShareKind::Women => lang.pick("各班子女性成员占比", "Share of women per team"),
            ShareKind::Minorities => lang.pick(
                "各班子少数民族成员占比",
                "Share of ethnic-minority members per team",
            ),
            ShareKind::NonParty => {
                lang.pick("各班子党外成员占比", "Share of non-CPC members per team")
            }
            ShareKind::TownshipExperience => lang.pick(
                "各班子具有2年以上乡镇工作经历的成员占比",
                "Share with 2+ years of township work per team",
            ),
            ShareKind::Young => {
                lang.pick("各班子35岁以下成员占比", "Share aged 35 or under per team")
            }
            ShareKind::Other { zh, en } => lang.pick(zh, en),
        };
        s.to_string()
    }
}

/// A fraction such as 1/5 or 2/3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    pub num: u32,
    pub den: u32,
}

impl Ratio {
    pub fn new(num: u32, den: u32) -> Ratio {
        Ratio { num, den }
    }

    fn value(self) -> f64 {
        if self.den == 0 {
            0.0
        } else {
            f64::from(self.num) / f64::from(self.den)
        }
    }

    /// Whether `count` of `of` reaches this share, in exact arithmetic (2 of 10 reaches
    /// 1/5, 1 of 8 does not). Equivalent to `count >= ceil(of × share)`, the rounding-up
    /// rule of the README.
    pub fn is_above(self, count: u32, of: u32) -> bool {
        u64::from(count) * u64::from(self.den) >= u64::from(self.num) * u64::from(of)
    }
}

/// One team's count out of its members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamShare {
    pub name: String,
    /// Members with the property (women, …).
    pub count: u32,
    /// Members counted (the denominator); 0 draws no bar.
    pub of: u32,
}

/// Horizontal bars of a share per team, with an optional threshold line; the teams below
/// it are drawn in the alert colour.
#[derive(Debug, Clone, Default)]
pub struct ShareBars {
    pub caption: Caption,
    pub kind: ShareKind,
    pub threshold: Option<Ratio>,
    pub teams: Vec<TeamShare>,
}

/// One heat-map row: the worst severity found per rule family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamCompliance {
    pub name: String,
    /// Aligned with [`ComplianceHeatmap::families`]; `None` = no finding.
    pub worst: Vec<Option<Severity>>,
}

impl TeamCompliance {
    /// Builds a row from `(rule code, severity)` pairs: a code such as `AGE-001` counts for
    /// the family before its first `-`; codes of other families are ignored.
    pub fn from_findings<'a, I>(name: impl Into<String>, families: &[String], findings: I) -> Self
    where
        I: IntoIterator<Item = (&'a str, Severity)>,
    {
        let mut worst = vec![None; families.len()];
        for (code, sev) in findings {
            let family = code.split('-').next().unwrap_or(code).trim();
            if let Some(i) = families.iter().position(|f| f.eq_ignore_ascii_case(family)) {
                worst[i] = Some(match worst[i] {
                    Some(w) if w <= sev => w,
                    _ => sev,
                });
            }
        }
        TeamCompliance {
            name: name.into(),
            worst,
        }
    }
}

/// Teams × rule families, each cell coloured by the worst severity found.
#[derive(Debug, Clone, Default)]
pub struct ComplianceHeatmap {
    pub caption: Caption,
    /// Column codes; [`ComplianceHeatmap::default_families`] gives [`RULE_FAMILIES`].
    pub families: Vec<String>,
    pub teams: Vec<TeamCompliance>,
}

impl ComplianceHeatmap {
    pub fn default_families() -> Vec<String> {
        RULE_FAMILIES.iter().map(|s| s.to_string()).collect()
    }
}

/// Exceptions of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCount {
    /// The row label, e.g. `AGE-001` (a short name may follow).
    pub label: String,
    /// Colours the bar; `None` draws it grey.
    pub severity: Option<Severity>,
    pub count: u32,
}

/// Horizontal bars: exceptions per rule code, coloured by severity.
#[derive(Debug, Clone, Default)]
pub struct CountBars {
    pub caption: Caption,
    pub rules: Vec<RuleCount>,
}

/// Which way a figure should move from one cycle to the next (the share of women must
/// rise: GEN-002).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rise,
    Fall,
}

impl Direction {
    /// Whether a change from `from` to `to` goes against this direction. An unchanged
    /// value (within 1e-9) does not; nor does a missing (non-finite) end.
    pub fn is_against(self, from: f64, to: f64) -> bool {
        if !from.is_finite() || !to.is_finite() {
            return false;
        }
        match self {
            Direction::Rise => to < from - 1e-9,
            Direction::Fall => to > from + 1e-9,
        }
    }

    /// Legend of a slope chart: the lines going this way (or unchanged), the others.
    fn legend(self, lang: Lang) -> (&'static str, &'static str) {
        match (self, lang) {
            (Direction::Rise, Lang::Zh) => ("上升或持平", "下降 (应上升)"),
            (Direction::Rise, Lang::En) => ("Rose or unchanged", "Fell (should rise)"),
            (Direction::Fall, Lang::Zh) => ("下降或持平", "上升 (应下降)"),
            (Direction::Fall, Lang::En) => ("Fell or unchanged", "Rose (should fall)"),
        }
    }
}

/// One line of a [`SlopeChart`]: a district's (or team's) figure in the two cycles.
#[derive(Debug, Clone, PartialEq)]
pub struct SlopeLine {
    pub name: String,
    /// The figure in the earlier cycle; NaN if the unit did not exist then.
    pub from: f64,
    /// The figure in the later cycle; NaN if the unit no longer exists.
    pub to: f64,
}

/// A slope chart: one figure per district (or team) in two cycles, the earlier on a left
/// vertical axis and the later on a right one, joined by a line per district; the name
/// and the value are written at both ends.
///
/// All lines share one vertical scale (on every page), a "nice" range around the values
/// (it need not start at 0; the grid values are written in the middle). End labels that
/// would collide are pushed apart vertically as little as possible, keeping their order
/// (least squares, see `place_labels`), with a short leader to their line's end. Beyond
/// [`SLOPE_LINES_PER_PAGE`] lines the chart is split into balanced pages like the others.
/// Lines whose change goes against `wanted` are drawn in the warning colour with their
/// labels in dark red, on top of the others. A non-finite value marks a missing end (the
/// unit exists in one cycle only): only the other end is drawn, with its label; a line
/// with neither value draws nothing but still counts in the footnote.
///
/// The default title only names the cycles; set `caption.title` to say what is measured
/// (e.g. `各县区班子女性成员占比: 2016与2021`).
#[derive(Debug, Clone, Default)]
pub struct SlopeChart {
    pub caption: Caption,
    /// Header of the left axis, e.g. `2016` or `上届 (2016)`.
    pub from_label: String,
    /// Header of the right axis, e.g. `2021`.
    pub to_label: String,
    pub lines: Vec<SlopeLine>,
    /// The values are shares (0.25) and written as percentages (`25%`); otherwise they
    /// are written as numbers (mean age `44.6`, counts `12`).
    pub percent: bool,
    /// The direction the rules want; lines going the other way are flagged.
    pub wanted: Option<Direction>,
}

/// A matrix of people moving between units (交流) from one cycle to the next: row `i`,
/// column `j` holds the people in unit `i` in the earlier cycle and in unit `j` in the
/// later one; cells are shaded by count (darker = more) with the count written, and the
/// diagonal (stayed in the same unit) is grey and outlined. Rows carry the unit names,
/// columns the same units by number (the row's number), so Chinese names are never
/// rotated; an extra column and row give the moves out of and into each unit.
///
/// Only units with at least one move off the diagonal (in or out) get a row and a
/// column; the others are left out. At most [`FLOW_MAX_UNITS`] units are shown (always
/// one page): beyond that the units with the most moves (in + out; ties in the caller's
/// order) are kept, still in the caller's order, and the footnote says how many units
/// had moves and how many moves involve a unit left out. The image grows wider than the
/// other charts when the cells would otherwise be too small for their numbers.
#[derive(Debug, Clone, Default)]
pub struct FlowMatrix {
    pub caption: Caption,
    /// The earlier cycle, e.g. `2016`.
    pub from_label: String,
    /// The later cycle, e.g. `2021`.
    pub to_label: String,
    pub units: Vec<String>,
    /// `counts[i][j]`: people in unit `i` in the earlier cycle and unit `j` in the later;
    /// a `units.len()` × `units.len()` square (checked by `draw`).
    pub counts: Vec<Vec<u32>>,
}

// ---------------------------------------------------------------------------------------
// Public drawing entry points

impl AgeBandBars {
    /// Writes `dir/STEM.png` and `.svg` (or `STEM-01…` pages); returns what it wrote.
    pub fn draw(&self, dir: &Path, stem: &str, lang: Lang) -> Result<Vec<ChartFile>> {
        write_pages(self, dir, stem, lang)
    }
}

impl AgePyramid {
    /// Writes `dir/STEM.png` and `dir/STEM.svg` (always one page).
    pub fn draw(&self, dir: &Path, stem: &str, lang: Lang) -> Result<Vec<ChartFile>> {
        write_pages(self, dir, stem, lang)
    }
}

impl ShareBars {
    /// Writes `dir/STEM.png` and `.svg` (or `STEM-01…` pages); returns what it wrote.
    pub fn draw(&self, dir: &Path, stem: &str, lang: Lang) -> Result<Vec<ChartFile>> {
        write_pages(self, dir, stem, lang)
    }
}

impl ComplianceHeatmap {
    /// Writes `dir/STEM.png` and `.svg` (or `STEM-01…` pages); returns what it wrote.
    pub fn draw(&self, dir: &Path, stem: &str, lang: Lang) -> Result<Vec<ChartFile>> {
        write_pages(self, dir, stem, lang)
    }
}

impl CountBars {
    /// Writes `dir/STEM.png` and `.svg` (or `STEM-01…` pages); returns what it wrote.
    pub fn draw(&self, dir: &Path, stem: &str, lang: Lang) -> Result<Vec<ChartFile>> {
        write_pages(self, dir, stem, lang)
    }
}

impl SlopeChart {
    /// Writes `dir/STEM.png` and `.svg` (or `STEM-01…` pages of at most
    /// [`SLOPE_LINES_PER_PAGE`] lines); returns what it wrote.
    pub fn draw(&self, dir: &Path, stem: &str, lang: Lang) -> Result<Vec<ChartFile>> {
        write_pages(self, dir, stem, lang)
    }
}

impl FlowMatrix {
    /// Writes `dir/STEM.png` and `dir/STEM.svg` (always one page). Fails if `counts` is
    /// not a `units.len()` square.
    pub fn draw(&self, dir: &Path, stem: &str, lang: Lang) -> Result<Vec<ChartFile>> {
        self.check()?;
        write_pages(self, dir, stem, lang)
    }

    fn check(&self) -> Result<()> {
        let n = self.units.len();
        if self.counts.len() != n || self.counts.iter().any(|r| r.len() != n) {
            bail!(
                "flow matrix: counts must be {n} rows of {n} (one per unit), got {} rows",
                self.counts.len()
            );
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Page machinery

/// A chart that can be drawn page by page on any plotters backend.
trait Paint {
    /// Rows to paginate (teams or rules).
    fn rows(&self) -> usize;
    fn caption(&self) -> &Caption;
    fn default_title(&self, lang: Lang) -> String;
    /// What one row is, for the footnote ("teams", "rules").
    fn row_noun(&self, lang: Lang) -> &'static str {
        lang.pick("个班子", "teams")
    }
    /// Rows per page ([`ROWS_PER_PAGE`] unless the chart needs fewer).
    fn per_page(&self) -> usize {
        ROWS_PER_PAGE
    }
    /// Replaces the right-hand side of the footnote (the rows shown) when `Some`.
    fn rows_note(&self, _page: &PageInfo) -> Option<String> {
        None
    }
    /// Image size for a page of `rows` rows.
    fn size(&self, rows: usize) -> (u32, u32);
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()>;
}

/// What is drawn on one page.
struct PageInfo {
    rows: Range<usize>,
    page: usize,
    pages: usize,
    /// Pages were cut at [`MAX_PAGES`]: the last rows are not drawn.
    capped: bool,
    lang: Lang,
    title: String,
}

fn page_infos<P: Paint>(chart: &P, lang: Lang) -> Vec<PageInfo> {
    let mut ranges = page_ranges(chart.rows(), chart.per_page());
    // A briefing does not print a thousand pages of one chart: beyond MAX_PAGES the
    // rows are left to the structure tables, and the footnote says so.
    let capped = ranges.len() > MAX_PAGES;
    ranges.truncate(MAX_PAGES);
    let pages = ranges.len();
    let base = chart
        .caption()
        .title
        .clone()
        .unwrap_or_else(|| chart.default_title(lang));
    ranges
        .into_iter()
        .enumerate()
        .map(|(i, rows)| PageInfo {
            rows,
            page: i + 1,
            pages,
            capped,
            lang,
            title: if pages > 1 {
                format!("{base} ({}/{pages})", i + 1)
            } else {
                base.clone()
            },
        })
        .collect()
}

fn write_pages<P: Paint>(chart: &P, dir: &Path, stem: &str, lang: Lang) -> Result<Vec<ChartFile>> {
    register_fonts()?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut written = Vec::new();
    for info in page_infos(chart, lang) {
        let name = if info.pages > 1 {
            format!("{stem}-{:02}", info.page)
        } else {
            stem.to_string()
        };
        let png = dir.join(format!("{name}.png"));
        let svg = dir.join(format!("{name}.svg"));
        let size = chart.size(info.rows.len());
        {
            let root = BitMapBackend::new(&png, size).into_drawing_area();
            paint_page(chart, &root, &info, true)?;
            root.present()
                .map_err(de)
                .with_context(|| format!("writing {}", png.display()))?;
        }
        {
            let root = SVGBackend::new(&svg, size).into_drawing_area();
            paint_page(chart, &root, &info, false)?;
            root.present()
                .map_err(de)
                .with_context(|| format!("writing {}", svg.display()))?;
        }
        written.push(ChartFile {
            title: info.title,
            page: info.page,
            pages: info.pages,
            png,
            svg,
        });
    }
    Ok(written)
}

/// Renders page `page` (0-based) into an RGB buffer: `(width, height, pixels)`.
#[cfg(test)]
fn render_rgb<P: Paint>(chart: &P, page: usize, lang: Lang) -> Result<(u32, u32, Vec<u8>)> {
    register_fonts()?;
    let info = page_infos(chart, lang)
        .into_iter()
        .nth(page)
        .context("no such page")?;
    let (w, h) = chart.size(info.rows.len());
    let mut buf = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        paint_page(chart, &root, &info, true)?;
        root.present().map_err(de)?;
    }
    Ok((w, h, buf))
}

/// Renders page `page` (0-based) as SVG text.
#[cfg(test)]
fn render_svg<P: Paint>(chart: &P, page: usize, lang: Lang) -> Result<String> {
    register_fonts()?;
    let info = page_infos(chart, lang)
        .into_iter()
        .nth(page)
        .context("no such page")?;
    let size = chart.size(info.rows.len());
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        paint_page(chart, &root, &info, false)?;
        root.present().map_err(de)?;
    }
    Ok(out)
}

/// The frame common to all charts: background, title, footnote; then the chart itself.
/// `raster`: the backend is a bitmap (text is then rasterised here, see [`Canvas`]).
fn paint_page<P: Paint, DB: DrawingBackend>(
    chart: &P,
    root: &DrawingArea<DB, Shift>,
    info: &PageInfo,
    raster: bool,
) -> Result<()> {
    let c = Canvas { area: root, raster };
    root.fill(&WHITE).map_err(de)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let title = c.fit(&info.title, TITLE_SIZE, w - 2 * PAD)?;
    c.text(&title, (PAD, TITLE_Y), TITLE_SIZE, INK, HPos::Left)?;

    // Footnote: source and date on the left, the rows shown on the right.
    let lang = info.lang;
    let cap = chart.caption();
    let total = chart.rows();
    let right = if let Some(note) = chart.rows_note(info) {
        note
    } else if total == 0 {
        String::new()
    } else if info.pages > 1 {
        let shown = match lang {
            Lang::Zh => format!(
                "第{}-{}个, 共{}{}",
                info.rows.start + 1,
                info.rows.end,
                total,
                chart.row_noun(lang)
            ),
            Lang::En => format!(
                "{} {}-{} of {}",
                chart.row_noun(lang),
                info.rows.start + 1,
                info.rows.end,
                total
            ),
        };
        match info.capped {
            true => format!(
                "{shown}{}",
                lang.pick("; 其余见结构表", "; the rest in the tables")
            ),
            false => shown,
        }
    } else {
        match lang {
            Lang::Zh => format!("共{}{}", total, chart.row_noun(lang)),
            Lang::En => format!("{} {}", total, chart.row_noun(lang)),
        }
    };
    let mut left = Vec::new();
    if !cap.source.is_empty() {
        left.push(format!(
            "{}: {}",
            lang.pick("数据来源", "Source"),
            cap.source
        ));
    }
    if !cap.as_of.is_empty() {
        left.push(format!(
            "{}: {}",
            lang.pick("基准日", "Reference date"),
            cap.as_of
        ));
    }
    let left = left.join(";  ");
    let fy = h - FOOT / 2;
    let right_w = c.text_width(&right, SMALL_SIZE)?;
    let left = c.fit(&left, SMALL_SIZE, w - 2 * PAD - right_w - 24)?;
    c.line(&[(PAD, h - FOOT), (w - PAD, h - FOOT)], RULE_LINE, 1)?;
    c.text(&left, (PAD, fy), SMALL_SIZE, MUTED, HPos::Left)?;
    c.text(&right, (w - PAD, fy), SMALL_SIZE, MUTED, HPos::Right)?;

    chart.paint(&c, info)
}

// ---------------------------------------------------------------------------------------
// Drawing helpers

const W: u32 = 1000;
const PAD: i32 = 28;
const TITLE_SIZE: f64 = 32.0;
const LABEL_SIZE: f64 = 22.0;
const SMALL_SIZE: f64 = 18.0;
const TITLE_Y: i32 = 34;
const LEGEND_Y: i32 = 80;
/// Top of the plot (below title and legend).
const HEAD: i32 = 112;
/// Height of the footnote band.
const FOOT: i32 = 44;
/// Tick labels and axis description under a plot.
const AXIS_H: i32 = 66;
const ROW_H: i32 = 30;
/// Pages with fewer rows are drawn as if they had this many (keeps short charts in shape).
const MIN_ROWS: usize = 4;
const MAX_LABEL_W: i32 = 260;

const INK: RGBColor = RGBColor(34, 34, 34);
const MUTED: RGBColor = RGBColor(96, 96, 96);
const GRID: RGBColor = RGBColor(226, 226, 226);
const RULE_LINE: RGBColor = RGBColor(200, 200, 200);
const ZEBRA: RGBColor = RGBColor(246, 246, 246);
const BAR: RGBColor = RGBColor(74, 127, 181);
const ALERT: RGBColor = RGBColor(228, 87, 46);
const THRESHOLD: RGBColor = RGBColor(150, 20, 20);
const NONE_CELL: RGBColor = RGBColor(223, 240, 216);
const MEN: RGBColor = RGBColor(74, 127, 181);
const WOMEN: RGBColor = RGBColor(214, 96, 137);
const BAND_COLORS: [RGBColor; 5] = [
    RGBColor(33, 102, 172),
    RGBColor(103, 169, 207),
    RGBColor(180, 180, 180),
    RGBColor(244, 165, 130),
    RGBColor(202, 64, 52),
];

fn de<E: std::fmt::Display>(e: E) -> anyhow::Error {
    anyhow!("drawing a chart: {e}")
}

fn hex_color(hex: &str) -> RGBColor {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Dark or white text, whichever reads better on `bg`.
fn text_on(bg: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = bg;
    let lum = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if lum < 150.0 {
        WHITE
    } else {
        INK
    }
}

/// The x-height of the embedded font (OS/2 sxHeight 543 of 1000 units per em).
const X_HEIGHT_EM: f32 = 0.543;

/// A drawing area with the few primitives the charts use, in pixel coordinates.
///
/// Text: on the SVG backend it is a `<text>` element (plotters writes `font-size =
/// size / 1.24`, `dy = 0.5ex` to centre it vertically, `text-anchor` for the anchor). On a
/// bitmap it is rasterised here with ab_glyph rather than by plotters, whose ab_glyph
/// path drops each glyph's left side bearing (digits and spaces come out squeezed) and
/// centres text differently from the SVG. Here the same em size (the font's hhea line is
/// 1.24 em, see `assets/fonts/subset.sh`), the same advances, and the baseline half an
/// x-height below the anchor, so PNG and SVG agree.
struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    raster: bool,
}

impl<DB: DrawingBackend> Canvas<'_, DB> {
    fn style(size: f64, color: RGBColor, h: HPos) -> TextStyle<'static> {
        FontDesc::new(FontFamily::Name(FONT_FAMILY), size, FontStyle::Normal)
            .color(&color)
            .pos(Pos::new(h, VPos::Center))
    }

    /// Draws `s` vertically centred on `y`, anchored at `x` by `h`.
    fn text(&self, s: &str, (x, y): (i32, i32), size: f64, color: RGBColor, h: HPos) -> Result<()> {
        if s.is_empty() {
            return Ok(());
        }
        if self.raster {
            return self.raster_text(s, (x, y), size, color, h);
        }
        self.area
            .draw(&Text::new(
                s.to_string(),
                (x, y),
                Self::style(size, color, h),
            ))
            .map_err(de)
    }

    fn raster_text(
        &self,
        s: &str,
        (x, y): (i32, i32),
        size: f64,
        color: RGBColor,
        h: HPos,
    ) -> Result<()> {
        use ab_glyph::{Font as _, ScaleFont as _};
        let font = font()?;
        let sf = font.as_scaled(ab_glyph::PxScale::from(size as f32));
        let em = sf.h_scale_factor() * font.units_per_em().unwrap_or(1000.0);
        let width = advance_width(s, size)?;
        let mut pen = match h {
            HPos::Left => x as f32,
            HPos::Center => x as f32 - width / 2.0,
            HPos::Right => x as f32 - width,
        };
        let baseline = y as f32 + 0.5 * X_HEIGHT_EM * em;
        let mut prev = None;
        for ch in s.chars() {
            let id = sf.glyph_id(ch);
            if let Some(p) = prev {
                pen += sf.kern(p, id);
            }
            let glyph = id.with_scale_and_position(sf.scale(), ab_glyph::point(pen, baseline));
            if let Some(outline) = font.outline_glyph(glyph) {
                let min = outline.px_bounds().min;
                let mut failed = None;
                outline.draw(|gx, gy, coverage| {
                    if coverage > 0.0 && failed.is_none() {
                        let at = (min.x as i32 + gx as i32, min.y as i32 + gy as i32);
                        let ink = color.mix(f64::from(coverage.min(1.0)));
                        if let Err(e) = self.area.draw_pixel(at, &ink) {
                            failed = Some(e);
                        }
                    }
                });
                if let Some(e) = failed {
                    return Err(de(e));
                }
            }
            pen += sf.h_advance(id);
            prev = Some(id);
        }
        Ok(())
    }

    fn text_width(&self, s: &str, size: f64) -> Result<i32> {
        Ok(advance_width(s, size)?.ceil() as i32)
    }

    /// `s`, cut with "…" so that it is at most `max_w` pixels wide.
    fn fit(&self, s: &str, size: f64, max_w: i32) -> Result<String> {
        if self.text_width(s, size)? <= max_w {
            return Ok(s.to_string());
        }
        let chars: Vec<char> = s.chars().collect();
        let (mut lo, mut hi) = (0, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let cand: String = chars[..mid].iter().collect::<String>() + "…";
            if self.text_width(&cand, size)? <= max_w {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Ok(chars[..lo].iter().collect::<String>() + "…")
    }

    fn rect(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), color: RGBColor) -> Result<()> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
            .map_err(de)
    }

    fn outline(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), color: RGBColor) -> Result<()> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.stroke_width(1)))
            .map_err(de)
    }

    fn line(&self, pts: &[(i32, i32)], color: RGBColor, width: u32) -> Result<()> {
        self.area
            .draw(&PathElement::new(pts.to_vec(), color.stroke_width(width)))
            .map_err(de)
    }

    fn dot(&self, center: (i32, i32), r: u32, color: RGBColor) -> Result<()> {
        self.area
            .draw(&Circle::new(center, r, color.filled()))
            .map_err(de)
    }

    /// A row of legend swatches starting at `x`; returns the x after the last item.
    fn legend(&self, mut x: i32, y: i32, items: &[(String, Swatch)]) -> Result<i32> {
        for (label, swatch) in items {
            match *swatch {
                Swatch::Box(color) => {
                    self.rect((x, y - 8), (x + 16, y + 8), color)?;
                    if color == WHITE || color == NONE_CELL {
                        self.outline((x, y - 8), (x + 16, y + 8), RULE_LINE)?;
                    }
                }
                Swatch::Line(color) => self.line(&[(x, y), (x + 16, y)], color, 3)?,
                Swatch::Dot(color) => self.dot((x + 8, y), 4, color)?,
            }
            x += 22;
            self.text(label, (x, y), SMALL_SIZE, INK, HPos::Left)?;
            x += self.text_width(label, SMALL_SIZE)? + 26;
        }
        Ok(x)
    }
}

/// The advance width of `s` in pixels at plotters size `size` (em = size / 1.24).
fn advance_width(s: &str, size: f64) -> Result<f32> {
    use ab_glyph::{Font as _, ScaleFont as _};
    let sf = font()?.as_scaled(ab_glyph::PxScale::from(size as f32));
    let mut width = 0.0;
    let mut prev = None;
    for ch in s.chars() {
        let id = sf.glyph_id(ch);
        if let Some(p) = prev {
            width += sf.kern(p, id);
        }
        width += sf.h_advance(id);
        prev = Some(id);
    }
    Ok(width)
}

#[derive(Clone, Copy)]
enum Swatch {
    Box(RGBColor),
    Line(RGBColor),
    Dot(RGBColor),
}

/// A "nice" tick step (1, 2 or 5 × 10^k) giving about `target` ticks up to `max`.
fn nice_step(max: f64, target: usize) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * mag >= raw {
            return m * mag;
        }
    }
    10.0 * mag
}

/// Tick step and axis end for integer counts up to `max`.
fn count_axis(max: u32) -> (u32, u32) {
    let step = (nice_step(f64::from(max.max(1)), 6) as u32).max(1);
    let end = max.max(1).div_ceil(step) * step;
    (step, end)
}

/// Geometry of a horizontal bar chart page: label column, plot, value column.
struct Bars {
    label_w: i32,
    x0: i32,
    x1: i32,
    top: i32,
    rows: usize,
}

impl Bars {
    /// `value_w`: width of the value column at the right (values are right-aligned).
    fn new<DB: DrawingBackend>(
        c: &Canvas<'_, DB>,
        labels: &[&str],
        value_w: i32,
        rows: usize,
    ) -> Result<Bars> {
        let mut label_w = 60;
        for l in labels {
            label_w = label_w.max(c.text_width(l, LABEL_SIZE)?);
        }
        let label_w = label_w.min(MAX_LABEL_W);
        let x0 = PAD + label_w + 12;
        let x1 = W as i32 - PAD - value_w - 20;
        Ok(Bars {
            label_w,
            x0,
            x1,
            top: HEAD,
            rows: rows.max(MIN_ROWS),
        })
    }

    /// Writes a value right-aligned at the right edge, on row `i`.
    fn value<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        i: usize,
        s: &str,
        ink: RGBColor,
    ) -> Result<()> {
        c.text(
            s,
            (W as i32 - PAD, self.row_y(i)),
            LABEL_SIZE,
            ink,
            HPos::Right,
        )
    }

    fn row_y(&self, i: usize) -> i32 {
        self.top + ROW_H * i as i32 + ROW_H / 2
    }

    fn bottom(&self) -> i32 {
        self.top + ROW_H * self.rows as i32
    }

    fn px(&self, v: f64, max: f64) -> i32 {
        self.x0 + ((self.x1 - self.x0) as f64 * (v / max).clamp(0.0, 1.0)).round() as i32
    }

    /// Zebra stripes and row labels.
    fn rows_and_labels<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        labels: &[&str],
    ) -> Result<()> {
        for (i, l) in labels.iter().enumerate() {
            let y = self.row_y(i);
            if i % 2 == 1 {
                c.rect((PAD, y - ROW_H / 2), (W as i32 - PAD, y + ROW_H / 2), ZEBRA)?;
            }
            let l = c.fit(l, LABEL_SIZE, self.label_w)?;
            c.text(&l, (self.x0 - 12, y), LABEL_SIZE, INK, HPos::Right)?;
        }
        Ok(())
    }

    /// Vertical grid lines, the axis with tick labels and the axis description.
    fn axis<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        ticks: &[(f64, String)],
        max: f64,
        desc: &str,
    ) -> Result<()> {
        let bottom = self.bottom();
        for (v, label) in ticks {
            let x = self.px(*v, max);
            c.line(&[(x, self.top), (x, bottom)], GRID, 1)?;
            c.line(&[(x, bottom), (x, bottom + 5)], MUTED, 1)?;
            c.text(label, (x, bottom + 20), SMALL_SIZE, MUTED, HPos::Center)?;
        }
        c.line(&[(self.x0, bottom), (self.x1, bottom)], MUTED, 1)?;
        c.text(
            desc,
            ((self.x0 + self.x1) / 2, bottom + 48),
            SMALL_SIZE,
            INK,
            HPos::Center,
        )
    }

    /// The left axis line (drawn over the bars' start).
    fn base_line<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Result<()> {
        c.line(&[(self.x0, self.top), (self.x0, self.bottom())], MUTED, 1)
    }

    fn no_data<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, lang: Lang) -> Result<()> {
        let y = (self.top + self.bottom()) / 2;
        c.text(
            lang.pick("无数据", "No data"),
            ((self.x0 + self.x1) / 2, y),
            LABEL_SIZE,
            MUTED,
            HPos::Center,
        )
    }
}

fn bar_chart_size(rows: usize) -> (u32, u32) {
    let rows = rows.max(MIN_ROWS) as i32;
    (W, (HEAD + rows * ROW_H + AXIS_H + FOOT + 8) as u32)
}

fn count_ticks(step: u32, end: u32) -> Vec<(f64, String)> {
    (0..=end / step)
        .map(|k| (f64::from(k * step), (k * step).to_string()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// The charts

impl Paint for AgeBandBars {
    fn rows(&self) -> usize {
        self.teams.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        lang.pick("各班子成员年龄结构", "Age bands of each team")
            .to_string()
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        bar_chart_size(rows)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let teams = &self.teams[page.rows.clone()];
        let labels: Vec<&str> = teams.iter().map(|t| t.name.as_str()).collect();
        let totals: Vec<u32> = teams.iter().map(|t| t.counts.iter().sum()).collect();
        let values: Vec<String> = totals
            .iter()
            .map(|n| match lang {
                Lang::Zh => format!("{n}人"),
                Lang::En => n.to_string(),
            })
            .collect();
        // The axis and the value column are shared by all pages, so that pages compare.
        let max = self
            .teams
            .iter()
            .map(|t| t.counts.iter().sum())
            .max()
            .unwrap_or(0);
        let value_w = c.text_width(&format!("{max}{}", lang.pick("人", "")), LABEL_SIZE)?;
        let b = Bars::new(c, &labels, value_w, teams.len())?;
        let (step, end) = count_axis(max);
        let endf = f64::from(end);

        let legend: Vec<(String, Swatch)> = AGE_BANDS
            .iter()
            .zip(BAND_COLORS)
            .map(|(band, color)| {
                let label = match lang {
                    Lang::Zh => format!("{band}岁"),
                    Lang::En => band.to_string(),
                };
                (label, Swatch::Box(color))
            })
            .collect();
        c.legend(PAD, LEGEND_Y, &legend)?;

        b.rows_and_labels(c, &labels)?;
        b.axis(
            c,
            &count_ticks(step, end),
            endf,
            lang.pick("人数", "Members"),
        )?;
        if teams.is_empty() {
            b.no_data(c, lang)?;
        }
        let half = (ROW_H as f64 * 0.34) as i32;
        for (i, t) in teams.iter().enumerate() {
            let y = b.row_y(i);
            let mut acc = 0u32;
            for (k, &n) in t.counts.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let xa = b.px(f64::from(acc), endf);
                acc += n;
                let xb = b.px(f64::from(acc), endf);
                c.rect((xa, y - half), (xb, y + half), BAND_COLORS[k])?;
                let s = n.to_string();
                if xb - xa >= c.text_width(&s, SMALL_SIZE)? + 6 {
                    c.text(
                        &s,
                        ((xa + xb) / 2, y),
                        SMALL_SIZE,
                        text_on(BAND_COLORS[k]),
                        HPos::Center,
                    )?;
                }
            }
            b.value(c, i, &values[i], INK)?;
        }
        b.base_line(c)
    }
}

impl Paint for AgePyramid {
    fn rows(&self) -> usize {
        0
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        match (lang, self.scope.is_empty()) {
            (Lang::Zh, true) => "班子成员年龄结构 (按性别)".to_string(),
            (Lang::Zh, false) => format!("{}班子成员年龄结构 (按性别)", self.scope),
            (Lang::En, true) => "Age pyramid of team members by gender".to_string(),
            (Lang::En, false) => format!("Age pyramid of team members by gender: {}", self.scope),
        }
    }
    fn size(&self, _rows: usize) -> (u32, u32) {
        (W, (HEAD + 5 * PYRAMID_ROW_H + AXIS_H + FOOT + 8) as u32)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let men: u32 = self.men.iter().sum();
        let women: u32 = self.women.iter().sum();
        let (men_label, women_label) = match lang {
            Lang::Zh => (format!("男 ({men}人)"), format!("女 ({women}人)")),
            Lang::En => (format!("Men ({men})"), format!("Women ({women})")),
        };
        c.legend(
            PAD,
            LEGEND_Y,
            &[
                (men_label, Swatch::Box(MEN)),
                (women_label, Swatch::Box(WOMEN)),
            ],
        )?;

        // Men grow left from the centre column, women right; band labels in the middle.
        let mid = W as i32 / 2;
        let col = 56; // half-width of the band-label column
        let top = HEAD;
        let bottom = top + 5 * PYRAMID_ROW_H;
        let reach = mid - col - PAD - 10;
        let max = self
            .men
            .iter()
            .chain(&self.women)
            .copied()
            .max()
            .unwrap_or(0);
        // Headroom for the count written at the end of the longest bar.
        let (step, end) = count_axis(((f64::from(max)) * 1.15).ceil() as u32);
        let endf = f64::from(end);
        let scale = |v: u32| ((f64::from(v) / endf) * f64::from(reach)).round() as i32;
        for k in 0..=end / step {
            let v = k * step;
            let d = scale(v);
            for x in [mid - col - d, mid + col + d] {
                c.line(&[(x, top), (x, bottom)], GRID, 1)?;
                c.line(&[(x, bottom), (x, bottom + 5)], MUTED, 1)?;
                c.text(
                    &v.to_string(),
                    (x, bottom + 20),
                    SMALL_SIZE,
                    MUTED,
                    HPos::Center,
                )?;
            }
        }
        c.line(
            &[(mid - col - reach, bottom), (mid - col, bottom)],
            MUTED,
            1,
        )?;
        c.line(
            &[(mid + col, bottom), (mid + col + reach, bottom)],
            MUTED,
            1,
        )?;
        c.text(
            lang.pick("人数", "Members"),
            (mid, bottom + 48),
            SMALL_SIZE,
            INK,
            HPos::Center,
        )?;
        let half = (PYRAMID_ROW_H as f64 * 0.36) as i32;
        // Oldest band on top.
        for (row, k) in (0..5).rev().enumerate() {
            let y = top + PYRAMID_ROW_H * row as i32 + PYRAMID_ROW_H / 2;
            let band = match lang {
                Lang::Zh => format!("{}岁", AGE_BANDS[k]),
                Lang::En => AGE_BANDS[k].to_string(),
            };
            c.text(&band, (mid, y), LABEL_SIZE, INK, HPos::Center)?;
            let (m, w) = (self.men[k], self.women[k]);
            let dm = scale(m);
            let dw = scale(w);
            if m > 0 {
                c.rect((mid - col - dm, y - half), (mid - col, y + half), MEN)?;
            }
            if w > 0 {
                c.rect((mid + col, y - half), (mid + col + dw, y + half), WOMEN)?;
            }
            c.text(
                &m.to_string(),
                (mid - col - dm - 8, y),
                LABEL_SIZE,
                INK,
                HPos::Right,
            )?;
            c.text(
                &w.to_string(),
                (mid + col + dw + 8, y),
                LABEL_SIZE,
                INK,
                HPos::Left,
            )?;
        }
        c.line(&[(mid - col, top), (mid - col, bottom)], MUTED, 1)?;
        c.line(&[(mid + col, top), (mid + col, bottom)], MUTED, 1)
    }
}

const PYRAMID_ROW_H: i32 = 64;

impl Paint for ShareBars {
    fn rows(&self) -> usize {
        self.teams.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        self.kind.title(lang)
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        bar_chart_size(rows)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let teams = &self.teams[page.rows.clone()];
        let labels: Vec<&str> = teams.iter().map(|t| t.name.as_str()).collect();
        // Two right-aligned value columns, "count/of" and the percentage, as wide as the
        // widest of all pages so that pages line up.
        let pct_w = c.text_width("100%", LABEL_SIZE)?;
        let mut frac_w = c.text_width("-", LABEL_SIZE)?;
        for t in &self.teams {
            frac_w = frac_w.max(c.text_width(&format!("{}/{}", t.count, t.of), LABEL_SIZE)?);
        }
        let b = Bars::new(c, &labels, frac_w + 14 + pct_w, teams.len())?;
        let frac_x = W as i32 - PAD - pct_w - 14;

        let mut legend = Vec::new();
        if let Some(t) = self.threshold {
            let share = format!("{}/{}", t.num, t.den);
            legend.push((lang.pick("达到要求", "Meets").to_string(), Swatch::Box(BAR)));
            legend.push((
                lang.pick("低于要求", "Below").to_string(),
                Swatch::Box(ALERT),
            ));
            legend.push((
                match lang {
                    Lang::Zh => format!("要求: 不低于{share}"),
                    Lang::En => format!("Required: at least {share}"),
                },
                Swatch::Line(THRESHOLD),
            ));
        }
        c.legend(PAD, LEGEND_Y, &legend)?;

        b.rows_and_labels(c, &labels)?;
        let ticks: Vec<(f64, String)> = (0..=5)
            .map(|k| (f64::from(k) * 0.2, format!("{}%", k * 20)))
            .collect();
        b.axis(c, &ticks, 1.0, lang.pick("占比", "Share"))?;
        if teams.is_empty() {
            b.no_data(c, lang)?;
        }
        let half = (ROW_H as f64 * 0.34) as i32;
        for (i, t) in teams.iter().enumerate() {
            let y = b.row_y(i);
            if t.of == 0 {
                b.value(c, i, "-", MUTED)?;
                continue;
            }
            let below = self.threshold.is_some_and(|r| !r.is_above(t.count, t.of));
            let color = if below { ALERT } else { BAR };
            // A zero share below the line still gets a sliver, so it reads as flagged.
            let xb = b.px(f64::from(t.count) / f64::from(t.of), 1.0);
            let xb = if below { xb.max(b.x0 + 4) } else { xb };
            if xb > b.x0 {
                c.rect((b.x0, y - half), (xb, y + half), color)?;
            }
            let ink = if below { THRESHOLD } else { INK };
            let pct = (f64::from(t.count) * 100.0 / f64::from(t.of)).round();
            let frac = format!("{}/{}", t.count, t.of);
            c.text(&frac, (frac_x, y), LABEL_SIZE, ink, HPos::Right)?;
            b.value(c, i, &format!("{pct}%"), ink)?;
        }
        b.base_line(c)?;
        if let Some(t) = self.threshold {
            let x = b.px(t.value(), 1.0);
            c.line(&[(x, b.top - 4), (x, b.bottom())], THRESHOLD, 2)?;
        }
        Ok(())
    }
}

/// The heat map's column headers: code and, in Chinese, a short name.
fn family_name(code: &str, lang: Lang) -> Option<&'static str> {
    let (zh, en) = match code.to_ascii_uppercase().as_str() {
        "SIZE" => ("职数", "size"),
        "POST" => ("职位", "posts"),
        "AGE" => ("年龄", "age"),
        "GEN" => ("性别", "gender"),
        "ETH" => ("民族", "ethnicity"),
        "EXP" => ("经历", "experience"),
        "SPEC" => ("专业", "specialty"),
        "ROT" => ("交流任职", "rotation"),
        "ELIG" => ("任职资格", "eligibility"),
        _ => return None,
    };
    Some(lang.pick(zh, en))
}

const HEAT_HEADER_H: i32 = 62;

impl Paint for ComplianceHeatmap {
    fn rows(&self) -> usize {
        self.teams.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        lang.pick(
            "各班子合规情况 (按规则类别的最严重级别)",
            "Compliance by team and rule family (worst severity)",
        )
        .to_string()
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        let rows = rows.max(MIN_ROWS) as i32;
        (
            W,
            (HEAD + HEAT_HEADER_H + rows * ROW_H + 16 + FOOT + 8) as u32,
        )
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let teams = &self.teams[page.rows.clone()];
        let mut legend: Vec<(String, Swatch)> = Severity::ALL
            .iter()
            .map(|s| (s.label(lang).to_string(), Swatch::Box(s.color())))
            .collect();
        legend.push((
            lang.pick("无例外", "None").to_string(),
            Swatch::Box(NONE_CELL),
        ));
        c.legend(PAD, LEGEND_Y, &legend)?;

        let mut label_w = 60;
        for t in teams {
            label_w = label_w.max(c.text_width(&t.name, LABEL_SIZE)?);
        }
        let label_w = label_w.min(MAX_LABEL_W);
        let x0 = PAD + label_w + 12;
        let nf = self.families.len().max(1) as i32;
        let cell_w = (W as i32 - PAD - x0) / nf;
        let head_top = HEAD;
        let top = HEAD + HEAT_HEADER_H;
        let code_size = if cell_w < 70 { SMALL_SIZE } else { LABEL_SIZE };
        for (j, fam) in self.families.iter().enumerate() {
            let cx = x0 + cell_w * j as i32 + cell_w / 2;
            let code = c.fit(fam, code_size, cell_w - 4)?;
            c.text(&code, (cx, head_top + 18), code_size, INK, HPos::Center)?;
            if let Some(name) = family_name(fam, lang) {
                let name = c.fit(name, SMALL_SIZE, cell_w - 4)?;
                c.text(&name, (cx, head_top + 44), SMALL_SIZE, MUTED, HPos::Center)?;
            }
        }
        if teams.is_empty() {
            let y = top + ROW_H * MIN_ROWS as i32 / 2;
            c.text(
                lang.pick("无数据", "No data"),
                ((x0 + W as i32 - PAD) / 2, y),
                LABEL_SIZE,
                MUTED,
                HPos::Center,
            )?;
        }
        for (i, t) in teams.iter().enumerate() {
            let y0 = top + ROW_H * i as i32;
            let y = y0 + ROW_H / 2;
            let name = c.fit(&t.name, LABEL_SIZE, label_w)?;
            c.text(&name, (x0 - 12, y), LABEL_SIZE, INK, HPos::Right)?;
            for j in 0..self.families.len() {
                let sev = t.worst.get(j).copied().flatten();
                let fill = sev.map_or(NONE_CELL, Severity::color);
                let xa = x0 + cell_w * j as i32;
                c.rect((xa + 1, y0 + 1), (xa + cell_w - 1, y0 + ROW_H - 1), fill)?;
                if let Some(s) = sev {
                    c.text(
                        s.label(lang),
                        (xa + cell_w / 2, y),
                        SMALL_SIZE,
                        text_on(fill),
                        HPos::Center,
                    )?;
                }
            }
        }
        Ok(())
    }
}

impl Paint for CountBars {
    fn rows(&self) -> usize {
        self.rules.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        lang.pick("各规则例外数量", "Exceptions per rule")
            .to_string()
    }
    fn row_noun(&self, lang: Lang) -> &'static str {
        lang.pick("条规则", "rules")
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        bar_chart_size(rows)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let rules = &self.rules[page.rows.clone()];
        let labels: Vec<&str> = rules.iter().map(|r| r.label.as_str()).collect();
        let max = self.rules.iter().map(|r| r.count).max().unwrap_or(0);
        let b = Bars::new(
            c,
            &labels,
            c.text_width(&max.to_string(), LABEL_SIZE)?,
            rules.len(),
        )?;
        let (step, end) = count_axis(max);
        let endf = f64::from(end);

        let mut legend: Vec<(String, Swatch)> = Severity::ALL
            .iter()
            .filter(|s| self.rules.iter().any(|r| r.severity == Some(**s)))
            .map(|s| (s.label(lang).to_string(), Swatch::Box(s.color())))
            .collect();
        if self.rules.iter().any(|r| r.severity.is_none()) {
            legend.push((
                lang.pick("其他", "Other").to_string(),
                Swatch::Box(RULE_LINE),
            ));
        }
        c.legend(PAD, LEGEND_Y, &legend)?;

        b.rows_and_labels(c, &labels)?;
        b.axis(
            c,
            &count_ticks(step, end),
            endf,
            lang.pick("例外数", "Exceptions"),
        )?;
        if rules.is_empty() {
            b.no_data(c, lang)?;
        }
        let half = (ROW_H as f64 * 0.34) as i32;
        for (i, r) in rules.iter().enumerate() {
            let y = b.row_y(i);
            let color = r.severity.map_or(RULE_LINE, Severity::color);
            let xb = b.px(f64::from(r.count), endf);
            if xb > b.x0 {
                c.rect((b.x0, y - half), (xb, y + half), color)?;
            }
            b.value(c, i, &r.count.to_string(), INK)?;
        }
        b.base_line(c)
    }
}

/// Lines per page of a [`SlopeChart`] (each needs room for its labels at both ends).
pub const SLOPE_LINES_PER_PAGE: usize = 25;
/// Pages drawn at most of one chart ([`ROWS_PER_PAGE`] rows each); the rows beyond are
/// in the structure tables.
pub const MAX_PAGES: usize = 10;

/// Units shown at most by a [`FlowMatrix`] (those with the most moves).
pub const FLOW_MAX_UNITS: usize = 40;

/// Plot height per line of a slope chart, and the fewest lines the plot is sized for.
const SLOPE_ROW_H: i32 = 28;
const SLOPE_MIN_ROWS: usize = 12;
/// A slope chart's plot grows up to this height when the values are bunched, so that the
/// labels stay near their lines.
const SLOPE_MAX_PLOT_H: i32 = 980;
/// Least distance between the centres of two end labels (the CJK glyphs of
/// [`LABEL_SIZE`] are about 17 px tall).
const LABEL_GAP: i32 = 24;
/// Widest name at either end of a slope chart.
const SLOPE_NAME_W: i32 = 190;
/// Between a value and its axis: room for the leader.
const LEADER_W: i32 = 20;
/// Axis headers above the plot.
const SLOPE_HEADER_H: i32 = 48;
/// Percentages: the scale spans at least this many points, so that small changes do not
/// look steep.
const MIN_PERCENT_SPAN: f64 = 10.0;

/// Vertical positions (pixels) for labels wanted at `anchors`, returned in input order:
/// at least `gap` apart, within `lo..=hi`, stacked in the order of `(anchor, tie)` (then
/// input order), and moved as little as possible (least squares: pool adjacent violators
/// on `anchor − rank × gap`, clamped to the bounds). If the labels do not fit between
/// `lo` and `hi`, the gap shrinks so that they do.
fn place_labels(anchors: &[(i32, i32)], gap: i32, lo: i32, hi: i32) -> Vec<i32> {
    let n = anchors.len();
    if n == 0 {
        return Vec::new();
    }
    let hi = hi.max(lo);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (anchors[i].0, anchors[i].1, i));
    let gap = if n > 1 {
        gap.min((hi - lo) / (n as i32 - 1)).max(0)
    } else {
        gap
    };
    // A non-decreasing fit q of these shifted targets gives positions q + rank × gap.
    let mut blocks: Vec<(f64, usize)> = Vec::new(); // (sum, length)
    for (rank, &i) in order.iter().enumerate() {
        blocks.push((f64::from(anchors[i].0 - rank as i32 * gap), 1));
        while blocks.len() >= 2 {
            let (s2, n2) = blocks[blocks.len() - 1];
            let (s1, n1) = blocks[blocks.len() - 2];
            if s1 / n1 as f64 <= s2 / n2 as f64 {
                break;
            }
            blocks.pop();
            *blocks.last_mut().expect("two blocks") = (s1 + s2, n1 + n2);
        }
    }
    let q_hi = hi - (n as i32 - 1) * gap;
    let mut out = vec![0; n];
    let mut rank = 0;
    for (sum, len) in blocks {
        let q = ((sum / len as f64).round() as i32).clamp(lo, q_hi.max(lo));
        for _ in 0..len {
            out[order[rank]] = q + rank as i32 * gap;
            rank += 1;
        }
    }
    out
}

/// The vertical scale of a slope chart, in display units (percentage points when the
/// values are shares).
struct SlopeScale {
    lo: f64,
    hi: f64,
    step: f64,
    /// Factor from values to display units (100 for shares).
    k: f64,
    percent: bool,
    /// Decimals of the tick labels and of the values.
    tick_decimals: usize,
    decimals: usize,
}

impl SlopeScale {
    fn new(lines: &[SlopeLine], percent: bool) -> SlopeScale {
        let k = if percent { 100.0 } else { 1.0 };
        let vals: Vec<f64> = lines
            .iter()
            .flat_map(|l| [l.from, l.to])
            .filter(|v| v.is_finite())
            .map(|v| v * k)
            .collect();
        let (mut min, mut max) = vals
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        if vals.is_empty() {
            (min, max) = (0.0, k);
        }
        if percent && max - min < MIN_PERCENT_SPAN {
            // Centred on the values, on whole points (so no extra tick is added).
            let mid = (min + max) / 2.0;
            let lo = (mid - MIN_PERCENT_SPAN / 2.0)
                .round()
                .clamp(0.0, 100.0 - MIN_PERCENT_SPAN);
            (min, max) = (lo.min(min), (lo + MIN_PERCENT_SPAN).max(max));
        }
        let span = max - min;
        let step = if span > 0.0 {
            nice_step(span, 5)
        } else {
            nice_step(max.abs().max(1.0), 5)
        };
        let mut lo = (min / step).floor() * step;
        let mut hi = (max / step).ceil() * step;
        if hi - lo < step / 2.0 {
            lo -= step;
            hi += step;
        }
        if percent && min >= 0.0 {
            lo = lo.max(0.0);
        }
        let tick_decimals = if step >= 1.0 {
            0
        } else {
            ((-step.log10()).ceil() as usize).min(4)
        };
        let integral = vals.iter().all(|v| (v - v.round()).abs() < 1e-9);
        let decimals = if integral {
            0
        } else {
            (tick_decimals + 1).min(3)
        };
        SlopeScale {
            lo,
            hi,
            step,
            k,
            percent,
            tick_decimals,
            decimals,
        }
    }

    /// `v` (a value, not yet in display units) at `decimals`; "-" if missing.
    fn format(&self, v: f64, decimals: usize) -> String {
        if !v.is_finite() {
            return "-".to_string();
        }
        let mut d = v * self.k;
        if format!("{d:.decimals$}")
            .trim_start_matches(['-', '0', '.'])
            .is_empty()
        {
            d = 0.0; // no "-0.0"
        }
        format!("{d:.decimals$}{}", if self.percent { "%" } else { "" })
    }

    fn value(&self, v: f64) -> String {
        self.format(v, self.decimals)
    }

    /// The ticks, in display units.
    fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n).map(|i| self.lo + self.step * i as f64).collect()
    }

    /// The pixel row of value `v` (not in display units) on a plot from `top` to `bottom`.
    fn y(&self, v: f64, top: i32, bottom: i32) -> i32 {
        let t = ((v * self.k - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        bottom - (f64::from(bottom - top) * t).round() as i32
    }
}

/// A label at one end of a slope line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EndLabel {
    /// Index into [`SlopeChart::lines`].
    line: usize,
    /// Where the line ends.
    anchor: i32,
    /// The label's centre (nudged).
    y: i32,
}

/// Horizontal layout of a slope chart (the same on every page).
struct SlopeGeom {
    /// The two axes.
    xa: i32,
    xb: i32,
    name_w: i32,
    value_w: i32,
}

impl SlopeChart {
    fn against(&self, l: &SlopeLine) -> bool {
        self.wanted.is_some_and(|d| d.is_against(l.from, l.to))
    }

    /// Top and bottom of the plot of a page of `rows` lines: [`SLOPE_ROW_H`] per line, or
    /// more (up to [`SLOPE_MAX_PLOT_H`]) if the values at either end are bunched into so
    /// small a part of the scale that their labels, stacked, would be far from them (the
    /// same height on every page of a chart).
    fn plot(&self, rows: usize, scale: &SlopeScale) -> (i32, i32) {
        let top = HEAD + SLOPE_HEADER_H;
        let mut h = SLOPE_ROW_H * rows.max(SLOPE_MIN_ROWS) as i32;
        let spread = |vals: Vec<f64>| {
            let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (vals.len() >= 2).then(|| (hi - lo) * scale.k / (scale.hi - scale.lo))
        };
        let side = |f: fn(&SlopeLine) -> f64| {
            spread(self.lines.iter().map(f).filter(|v| v.is_finite()).collect())
        };
        let bunched = [side(|l| l.from), side(|l| l.to)]
            .into_iter()
            .flatten()
            .fold(f64::INFINITY, f64::min);
        if rows >= 2 && bunched.is_finite() {
            // Values bunched much tighter than that fan out anyway: growing only adds
            // empty space.
            let need = f64::from(LABEL_GAP) * (rows - 1) as f64 / bunched.max(1e-3);
            if need <= 1.5 * f64::from(SLOPE_MAX_PLOT_H) {
                h = h.max((need.ceil() as i32).min(SLOPE_MAX_PLOT_H));
            }
        }
        (top, top + h)
    }

    /// The labels at the left and the right ends of lines `rows`, nudged apart.
    fn end_labels(
        &self,
        rows: Range<usize>,
        scale: &SlopeScale,
        top: i32,
        bottom: i32,
    ) -> [Vec<EndLabel>; 2] {
        let y = |v: f64| v.is_finite().then(|| scale.y(v, top, bottom));
        let side = |left: bool| {
            let ends: Vec<(usize, i32, i32)> = rows
                .clone()
                .filter_map(|i| {
                    let l = &self.lines[i];
                    let (here, there) = if left { (l.from, l.to) } else { (l.to, l.from) };
                    let a = y(here)?;
                    Some((i, a, y(there).unwrap_or(a)))
                })
                .collect();
            let anchors: Vec<(i32, i32)> = ends.iter().map(|&(_, a, t)| (a, t)).collect();
            let ys = place_labels(&anchors, LABEL_GAP, top, bottom);
            ends.iter()
                .zip(ys)
                .map(|(&(line, anchor, _), y)| EndLabel { line, anchor, y })
                .collect::<Vec<_>>()
        };
        [side(true), side(false)]
    }

    fn geom(&self, scale: &SlopeScale) -> Result<SlopeGeom> {
        let mut name_w = 40.0f32;
        let mut value_w = advance_width("-", LABEL_SIZE)?;
        for l in &self.lines {
            name_w = name_w.max(advance_width(&l.name, LABEL_SIZE)?);
            for v in [l.from, l.to] {
                value_w = value_w.max(advance_width(&scale.value(v), LABEL_SIZE)?);
            }
        }
        let name_w = (name_w.ceil() as i32).min(SLOPE_NAME_W);
        let value_w = value_w.ceil() as i32;
        let xa = PAD + name_w + 10 + value_w + LEADER_W;
        Ok(SlopeGeom {
            xa,
            xb: W as i32 - xa,
            name_w,
            value_w,
        })
    }
}

impl Paint for SlopeChart {
    fn rows(&self) -> usize {
        self.lines.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        let (a, b) = (&self.from_label, &self.to_label);
        match (lang, a.is_empty() && b.is_empty()) {
            (Lang::Zh, true) => "两届对比".to_string(),
            (Lang::Zh, false) => format!("{a}与{b}对比"),
            (Lang::En, true) => "Two cycles compared".to_string(),
            (Lang::En, false) => format!("{a} compared with {b}"),
        }
    }
    fn per_page(&self) -> usize {
        SLOPE_LINES_PER_PAGE
    }
    fn rows_note(&self, page: &PageInfo) -> Option<String> {
        let (a, b, n) = (page.rows.start + 1, page.rows.end, self.lines.len());
        Some(match (page.lang, page.pages > 1) {
            _ if n == 0 => String::new(),
            (Lang::Zh, true) => format!("第{a}-{b}项, 共{n}项"),
            (Lang::Zh, false) => format!("共{n}项"),
            (Lang::En, true) => format!("lines {a}-{b} of {n}"),
            (Lang::En, false) => format!("{n} lines"),
        })
    }
    fn size(&self, rows: usize) -> (u32, u32) {
        let (_, bottom) = self.plot(rows, &SlopeScale::new(&self.lines, self.percent));
        (W, (bottom + 30 + FOOT + 8) as u32)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let scale = SlopeScale::new(&self.lines, self.percent);
        let g = self.geom(&scale)?;
        let (top, bottom) = self.plot(page.rows.len(), &scale);

        let mut legend = Vec::new();
        if let Some(d) = self.wanted {
            let (ok, bad) = d.legend(lang);
            legend.push((ok.to_string(), Swatch::Line(BAR)));
            legend.push((bad.to_string(), Swatch::Line(ALERT)));
        }
        if self.lines[page.rows.clone()]
            .iter()
            .any(|l| l.from.is_finite() != l.to.is_finite())
        {
            legend.push((
                lang.pick("仅一届有数据", "In one cycle only").to_string(),
                Swatch::Dot(BAR),
            ));
        }
        c.legend(PAD, LEGEND_Y, &legend)?;

        // Axis headers, grid (its values in the middle, under the lines), axes.
        let head_y = HEAD + 16;
        for (x, label) in [(g.xa, &self.from_label), (g.xb, &self.to_label)] {
            let label = c.fit(label, LABEL_SIZE, 2 * (g.name_w + g.value_w))?;
            c.text(&label, (x, head_y), LABEL_SIZE, INK, HPos::Center)?;
        }
        let mid = (g.xa + g.xb) / 2;
        for t in scale.ticks() {
            let y = scale.y(t / scale.k, top, bottom);
            c.line(&[(g.xa, y), (g.xb, y)], GRID, 1)?;
            let s = scale.format(t / scale.k, scale.tick_decimals);
            let tw = c.text_width(&s, SMALL_SIZE)?;
            c.rect((mid - tw / 2 - 5, y - 9), (mid + tw / 2 + 5, y + 9), WHITE)?;
            c.text(&s, (mid, y), SMALL_SIZE, MUTED, HPos::Center)?;
        }
        for x in [g.xa, g.xb] {
            c.line(&[(x, top - 12), (x, bottom + 12)], MUTED, 1)?;
        }
        if self.lines[page.rows.clone()]
            .iter()
            .all(|l| !l.from.is_finite() && !l.to.is_finite())
        {
            c.text(
                lang.pick("无数据", "No data"),
                (mid, (top + bottom) / 2 - 24),
                LABEL_SIZE,
                MUTED,
                HPos::Center,
            )?;
        }

        // Lines (those going the wrong way last, on top), then the labels.
        let color = |l: &SlopeLine| if self.against(l) { ALERT } else { BAR };
        for flagged in [false, true] {
            for l in &self.lines[page.rows.clone()] {
                if self.against(l) != flagged {
                    continue;
                }
                let ends = [(g.xa, l.from), (g.xb, l.to)];
                if l.from.is_finite() && l.to.is_finite() {
                    let pts: Vec<(i32, i32)> = ends
                        .iter()
                        .map(|&(x, v)| (x, scale.y(v, top, bottom)))
                        .collect();
                    c.line(&pts, color(l), 2)?;
                }
                for (x, v) in ends {
                    if v.is_finite() {
                        c.dot((x, scale.y(v, top, bottom)), 4, color(l))?;
                    }
                }
            }
        }
        let [left, right] = self.end_labels(page.rows.clone(), &scale, top, bottom);
        for (labels, at_left) in [(left, true), (right, false)] {
            for lab in labels {
                let l = &self.lines[lab.line];
                let ink = if self.against(l) { THRESHOLD } else { INK };
                let name = c.fit(&l.name, LABEL_SIZE, g.name_w)?;
                let value = scale.value(if at_left { l.from } else { l.to });
                let (axis, inner, value_x, name_x, name_pos) = if at_left {
                    let vx = g.xa - LEADER_W;
                    (
                        g.xa - 5,
                        g.xa - LEADER_W + 4,
                        vx,
                        vx - g.value_w - 10,
                        HPos::Right,
                    )
                } else {
                    let vx = g.xb + LEADER_W + g.value_w;
                    (g.xb + 5, g.xb + LEADER_W - 4, vx, vx + 10, HPos::Left)
                };
                c.line(&[(axis, lab.anchor), (inner, lab.y)], color(l), 1)?;
                c.text(&value, (value_x, lab.y), LABEL_SIZE, ink, HPos::Right)?;
                c.text(&name, (name_x, lab.y), LABEL_SIZE, ink, name_pos)?;
            }
        }
        Ok(())
    }
}

/// Smallest and largest cell of a flow matrix (the image widens below the smallest).
const FLOW_MIN_CELL: i32 = 30;
const FLOW_MAX_CELL: i32 = 56;
/// Column title and column numbers above the cells.
const FLOW_HEADER_H: i32 = 64;
const FLOW_MAX_LABEL_W: i32 = 220;
const DIAGONAL: RGBColor = RGBColor(214, 214, 214);

/// Shade of a flow cell: `t` in 0..=1 from light to dark blue.
fn flow_color(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    RGBColor(mix(206, 8), mix(224, 69), mix(242, 148))
}

/// Which units a flow matrix shows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FlowView {
    /// Indices into `units`, in the caller's order.
    shown: Vec<usize>,
    /// Units with at least one move in or out.
    with_moves: usize,
    /// Moves (people) from or to a unit left out.
    hidden_moves: u64,
    /// The largest count off the diagonal among the cells shown.
    max: u32,
}

/// Layout of a flow matrix.
struct FlowGeom {
    label_w: i32,
    /// Left edge of the cells.
    x0: i32,
    /// Top of the cells.
    top: i32,
    cell: i32,
    /// Width of the "moved out" column.
    total_w: i32,
    width: i32,
}

impl FlowMatrix {
    fn count(&self, i: usize, j: usize) -> u32 {
        self.counts
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .unwrap_or(0)
    }

    /// Moves out of (`out = true`) or into unit `i`, to or from any unit.
    fn moves(&self, i: usize, out: bool) -> u64 {
        (0..self.units.len())
            .filter(|&j| j != i)
            .map(|j| {
                u64::from(if out {
                    self.count(i, j)
                } else {
                    self.count(j, i)
                })
            })
            .sum()
    }

    fn view(&self) -> FlowView {
        let n = self.units.len();
        let moves: Vec<u64> = (0..n)
            .map(|i| self.moves(i, true) + self.moves(i, false))
            .collect();
        let mut shown: Vec<usize> = (0..n).filter(|&i| moves[i] > 0).collect();
        let with_moves = shown.len();
        if shown.len() > FLOW_MAX_UNITS {
            shown.sort_by_key(|&i| (std::cmp::Reverse(moves[i]), i));
            shown.truncate(FLOW_MAX_UNITS);
            shown.sort_unstable();
        }
        let total: u64 = (0..n).map(|i| self.moves(i, true)).sum();
        let mut kept = 0u64;
        let mut max = 0;
        for &i in &shown {
            for &j in &shown {
                if i != j {
                    kept += u64::from(self.count(i, j));
                    max = max.max(self.count(i, j));
                }
            }
        }
        FlowView {
            shown,
            with_moves,
            hidden_moves: total - kept,
            max,
        }
    }

    fn geom(&self, view: &FlowView) -> Result<FlowGeom> {
        let mut label_w = 60.0f32;
        for &i in &view.shown {
            label_w = label_w.max(advance_width(&self.units[i], LABEL_SIZE)?);
        }
        let label_w = (label_w.ceil() as i32).min(FLOW_MAX_LABEL_W);
        let num_w = advance_width(&view.shown.len().max(1).to_string(), SMALL_SIZE)?.ceil() as i32;
        let x0 = PAD + label_w + 10 + num_w + 12;
        let n = view.shown.len() as i32;
        let biggest = (0..self.units.len())
            .map(|i| self.moves(i, true).max(self.moves(i, false)))
            .max()
            .unwrap_or(0);
        let mut total_w = advance_width(&biggest.to_string(), LABEL_SIZE)?;
        for s in ["调出", "Out"] {
            total_w = total_w.max(advance_width(s, SMALL_SIZE)?);
        }
        let total_w = total_w.ceil() as i32 + 16;
        let cell = if n == 0 {
            FLOW_MAX_CELL
        } else {
            ((W as i32 - PAD - x0 - total_w - 8) / n).clamp(FLOW_MIN_CELL, FLOW_MAX_CELL)
        };
        let width = (W as i32).max(x0 + n * cell + 8 + total_w + PAD);
        Ok(FlowGeom {
            label_w,
            x0,
            top: HEAD + FLOW_HEADER_H,
            cell,
            total_w,
            width,
        })
    }
}

impl Paint for FlowMatrix {
    fn rows(&self) -> usize {
        self.view().shown.len()
    }
    fn caption(&self) -> &Caption {
        &self.caption
    }
    fn default_title(&self, lang: Lang) -> String {
        let (a, b) = (&self.from_label, &self.to_label);
        match (lang, a.is_empty() && b.is_empty()) {
            (Lang::Zh, true) => "各单位之间的人员交流".to_string(),
            (Lang::Zh, false) => format!("各单位之间的人员交流 ({a}→{b})"),
            (Lang::En, true) => "People moving between units".to_string(),
            (Lang::En, false) => format!("People moving between units ({a} → {b})"),
        }
    }
    fn per_page(&self) -> usize {
        FLOW_MAX_UNITS
    }
    fn rows_note(&self, page: &PageInfo) -> Option<String> {
        let v = self.view();
        let (shown, all, hidden) = (v.shown.len(), v.with_moves, v.hidden_moves);
        Some(match page.lang {
            _ if all == 0 => String::new(),
            Lang::Zh if shown < all => {
                format!("交流最多的{shown}个单位 (共{all}个), 另有{hidden}人次交流未显示")
            }
            Lang::Zh => format!("共{all}个有交流的单位"),
            Lang::En if shown < all => {
                format!("{shown} of {all} units (most moves); {hidden} moves not shown")
            }
            Lang::En => format!("{all} units with moves"),
        })
    }
    fn size(&self, _rows: usize) -> (u32, u32) {
        let view = self.view();
        let Ok(g) = self.geom(&view) else {
            return (W, 400);
        };
        let body = if view.shown.is_empty() {
            ROW_H * MIN_ROWS as i32
        } else {
            g.cell * (view.shown.len() as i32 + 1)
        };
        (g.width as u32, (g.top + body + 24 + FOOT + 8) as u32)
    }
    fn paint<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, page: &PageInfo) -> Result<()> {
        let lang = page.lang;
        let view = self.view();
        let g = self.geom(&view)?;
        let n = view.shown.len() as i32;
        let cells_end = g.x0 + n * g.cell;
        let legend = [
            (
                lang.pick(
                    "调往其他单位 (颜色越深人数越多)",
                    "Moved (darker = more people)",
                )
                .to_string(),
                Swatch::Box(flow_color(0.55)),
            ),
            (
                lang.pick("留在原单位 (对角线)", "Stayed in the same unit (diagonal)")
                    .to_string(),
                Swatch::Box(DIAGONAL),
            ),
        ];
        c.legend(PAD, LEGEND_Y, &legend)?;
        if view.shown.is_empty() {
            c.text(
                lang.pick("各单位之间无人员交流", "No moves between units"),
                (g.width / 2, g.top + ROW_H * MIN_ROWS as i32 / 2),
                LABEL_SIZE,
                MUTED,
                HPos::Center,
            )?;
            return Ok(());
        }

        // Headers: what the columns and rows are, the column numbers, the totals column.
        let (col_title, row_title) = match lang {
            Lang::Zh => (
                format!("列: {}所在单位", self.to_label),
                format!("行: {}所在单位", self.from_label),
            ),
            Lang::En => (
                format!("Columns: unit in {}", self.to_label),
                format!("Rows: unit in {}", self.from_label),
            ),
        };
        let head_y = HEAD + 14;
        let num_y = HEAD + FLOW_HEADER_H - 16;
        let col_title = c.fit(&col_title, SMALL_SIZE, g.width - g.x0 - PAD)?;
        c.text(&col_title, (g.x0, head_y), SMALL_SIZE, INK, HPos::Left)?;
        let row_title = c.fit(&row_title, SMALL_SIZE, g.x0 - PAD - 8)?;
        c.text(&row_title, (PAD, num_y), SMALL_SIZE, INK, HPos::Left)?;
        let tot_x = cells_end + 8 + g.total_w / 2;
        c.text(
            lang.pick("调出", "Out"),
            (tot_x, num_y),
            SMALL_SIZE,
            INK,
            HPos::Center,
        )?;
        let size = if g.cell >= 44 { LABEL_SIZE } else { SMALL_SIZE };
        for k in 0..n {
            let x = g.x0 + k * g.cell + g.cell / 2;
            let s = (k + 1).to_string();
            c.text(&s, (x, num_y), SMALL_SIZE, MUTED, HPos::Center)?;
        }

        let max = f64::from(view.max.max(1));
        for (r, &i) in view.shown.iter().enumerate() {
            let y0 = g.top + g.cell * r as i32;
            let y = y0 + g.cell / 2;
            let name = c.fit(&self.units[i], LABEL_SIZE, g.label_w)?;
            c.text(&name, (PAD + g.label_w, y), LABEL_SIZE, INK, HPos::Right)?;
            c.text(
                &(r + 1).to_string(),
                (g.x0 - 10, y),
                SMALL_SIZE,
                MUTED,
                HPos::Right,
            )?;
            for (k, &j) in view.shown.iter().enumerate() {
                let xa = g.x0 + g.cell * k as i32;
                let (a, b) = ((xa + 1, y0 + 1), (xa + g.cell - 1, y0 + g.cell - 1));
                let n_ij = self.count(i, j);
                let fill = if i == j {
                    DIAGONAL
                } else if n_ij > 0 {
                    flow_color((f64::from(n_ij) / max).sqrt())
                } else {
                    ZEBRA
                };
                c.rect(a, b, fill)?;
                if i == j {
                    c.outline(a, b, MUTED)?;
                }
                if n_ij > 0 {
                    let s = c.fit(&n_ij.to_string(), size, g.cell - 4)?;
                    c.text(&s, (xa + g.cell / 2, y), size, text_on(fill), HPos::Center)?;
                }
            }
            let out = self.moves(i, true);
            c.text(&out.to_string(), (tot_x, y), size, INK, HPos::Center)?;
        }
        // The "moved in" row.
        let y0 = g.top + g.cell * n;
        let y = y0 + g.cell / 2;
        c.line(&[(PAD, y0 + 1), (cells_end, y0 + 1)], MUTED, 1)?;
        c.text(
            lang.pick("调入", "In"),
            (g.x0 - 10, y),
            SMALL_SIZE,
            INK,
            HPos::Right,
        )?;
        for (k, &j) in view.shown.iter().enumerate() {
            let x = g.x0 + g.cell * k as i32 + g.cell / 2;
            let s = self.moves(j, false).to_string();
            c.text(&s, (x, y), size, INK, HPos::Center)?;
        }
        c.line(&[(cells_end + 4, g.top), (cells_end + 4, y0)], MUTED, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caption(title: Option<&str>) -> Caption {
        Caption {
            title: title.map(str::to_string),
            source: "data/sample".to_string(),
            as_of: "2021-06-30".to_string(),
        }
    }

    fn age_bars(title: &str, teams: usize) -> AgeBandBars {
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

    fn dark(px: &[u8]) -> bool {
        px[0] < 110 && px[1] < 110 && px[2] < 110
    }

    /// Dark pixels in rows `y0..y1` of an RGB buffer.
    fn dark_in(w: u32, buf: &[u8], y0: u32, y1: u32) -> usize {
        let row = (w * 3) as usize;
        buf[y0 as usize * row..y1 as usize * row]
            .chunks(3)
            .filter(|p| dark(p))
            .count()
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
        fixed += "各单位之间无人员交流列: 所在单位行: 调出调入交流最多的个单位 (共个), 另有人次交流未显示";
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
            ],
        );
        assert_eq!(row.worst[2], Some(Severity::Error));
        assert_eq!(row.worst[3], Some(Severity::Advice));
        assert_eq!(row.worst[0], None);
        assert_eq!(row.worst.len(), 9);
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
                    worst: (0..9)
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

    fn close_slope(n: usize) -> SlopeChart {
        SlopeChart {
            caption: caption(Some("各县区班子女性成员占比")),
            from_label: "2016".into(),
            to_label: "2021".into(),
            lines: (0..n)
                .map(|i| SlopeLine {
                    name: format!("柳河县{i}"),
                    from: 0.30 + 0.001 * i as f64,
                    to: 0.31 - 0.0015 * i as f64,
                })
                .collect(),
            percent: true,
            wanted: Some(Direction::Rise),
        }
    }

    fn spread_slope(n: usize) -> SlopeChart {
        SlopeChart {
            lines: (0..n)
                .map(|i| SlopeLine {
                    name: format!("东门区{i}"),
                    from: f64::from((i * 7 % 30) as u32 + 5) / 100.0,
                    to: f64::from((i * 11 % 35) as u32 + 3) / 100.0,
                })
                .collect(),
            ..close_slope(0)
        }
    }

    /// `n` units; unit `i` sends `i % 3` people to unit `i + 1` and keeps 5; unit 4 has
    /// no moves at all.
    fn flow(n: usize) -> FlowMatrix {
        let mut counts = vec![vec![0; n]; n];
        for (i, row) in counts.iter_mut().enumerate() {
            row[i] = 5;
            if i + 1 < n && i != 3 && i != 4 {
                row[i + 1] = (i % 3) as u32 + 1;
            }
        }
        FlowMatrix {
            caption: caption(None),
            from_label: "2016".into(),
            to_label: "2021".into(),
            units: (0..n).map(|i| format!("柳河镇{i}")).collect(),
            counts,
        }
    }

    #[test]
    fn labels_are_nudged_apart_in_order_and_as_little_as_needed() {
        // Far apart: unmoved.
        assert_eq!(
            place_labels(&[(100, 0), (300, 0), (200, 0)], 24, 0, 500),
            vec![100, 300, 200]
        );
        // Two at the same place: split evenly around it, ties by the second key.
        assert_eq!(
            place_labels(&[(200, 9), (200, 1)], 24, 0, 500),
            vec![212, 188]
        );
        // 20 labels wanted within 10 px: a stack `gap` apart, in order, centred on them.
        let anchors: Vec<(i32, i32)> = (0..20).map(|i| (300 + i / 2, 0)).collect();
        let ys = place_labels(&anchors, 24, 0, 800);
        assert!(ys.windows(2).all(|w| w[1] - w[0] == 24), "{ys:?}");
        let mean = ys.iter().sum::<i32>() as f64 / 20.0;
        assert!((mean - 304.5).abs() <= 1.0, "{mean}");
        // Pushed against a bound: kept inside, still apart.
        let ys = place_labels(&anchors, 24, 290, 900);
        assert_eq!(ys[0], 290);
        assert!(ys.windows(2).all(|w| w[1] - w[0] >= 24));
        // Too many for the room: the gap shrinks to fit.
        let ys = place_labels(&anchors, 24, 0, 190);
        assert_eq!((ys[0], ys[19]), (0, 190));
        assert!(ys.windows(2).all(|w| w[1] - w[0] == 10));
        assert!(place_labels(&[], 24, 0, 10).is_empty());
    }

    #[test]
    fn slope_labels_do_not_overlap_for_20_close_lines() {
        use ab_glyph::{Font as _, ScaleFont as _};
        let chart = close_slope(20);
        let scale = SlopeScale::new(&chart.lines, true);
        let (top, bottom) = chart.plot(20, &scale);
        let [left, right] = chart.end_labels(0..20, &scale, top, bottom);
        // The tallest glyph of the labels is shorter than the gap between label centres.
        let font = font().unwrap();
        let sf = font.as_scaled(ab_glyph::PxScale::from(LABEL_SIZE as f32));
        let mut tallest = 0.0f32;
        for l in &chart.lines {
            for ch in format!("{}{}", l.name, scale.value(l.from)).chars() {
                let g = sf.scaled_glyph(ch);
                if let Some(o) = font.outline_glyph(g) {
                    tallest = tallest.max(o.px_bounds().height());
                }
            }
        }
        assert!(tallest + 4.0 < LABEL_GAP as f32, "glyphs {tallest} px tall");
        for (side, labels) in [("left", &left), ("right", &right)] {
            assert_eq!(labels.len(), 20);
            let mut ys: Vec<i32> = labels.iter().map(|l| l.y).collect();
            ys.sort_unstable();
            assert!(
                ys.windows(2).all(|w| w[1] - w[0] >= LABEL_GAP),
                "{side}: {ys:?}"
            );
            assert!(ys.iter().all(|y| (top..=bottom).contains(y)));
            // Higher value, higher label (smaller y): the stack keeps the lines' order.
            let value = |l: &EndLabel| {
                let line = &chart.lines[l.line];
                if side == "left" {
                    line.from
                } else {
                    line.to
                }
            };
            for a in labels.iter() {
                for b in labels.iter() {
                    if value(a) > value(b) {
                        assert!(a.y < b.y, "{side}: label order");
                    }
                }
            }
        }

        // In the image: a white row between every two neighbouring labels of the left
        // column (names and values), so no two labels touch.
        let (w, _, buf) = render_rgb(&chart, 0, Lang::Zh).unwrap();
        let g = chart.geom(&scale).unwrap();
        let mut ys: Vec<i32> = left.iter().map(|l| l.y).collect();
        ys.sort_unstable();
        let row = (w * 3) as usize;
        let inked = |y: i32| {
            let y = y as usize;
            buf[y * row + PAD as usize * 3..y * row + (g.xa - LEADER_W) as usize * 3]
                .chunks(3)
                .filter(|p| p != &[255, 255, 255])
                .count()
        };
        for pair in ys.windows(2) {
            assert!(inked(pair[0]) > 0, "label at {} not drawn", pair[0]);
            assert_eq!(inked((pair[0] + pair[1]) / 2), 0, "labels {pair:?} touch");
        }
    }

    #[test]
    fn slope_values_scale_and_direction() {
        assert!(Direction::Rise.is_against(0.3, 0.2));
        assert!(!Direction::Rise.is_against(0.2, 0.2));
        assert!(!Direction::Rise.is_against(f64::NAN, 0.2));
        assert!(Direction::Fall.is_against(44.0, 45.5));
        let lines = |v: &[(f64, f64)]| -> Vec<SlopeLine> {
            v.iter()
                .map(|&(from, to)| SlopeLine {
                    name: "x".into(),
                    from,
                    to,
                })
                .collect()
        };
        let s = SlopeScale::new(&lines(&[(0.25, 0.5), (0.1, 0.0)]), true);
        assert_eq!(
            (s.value(0.25), s.value(0.0), s.value(f64::NAN)),
            ("25%".into(), "0%".into(), "-".into())
        );
        assert_eq!((s.lo, s.hi), (0.0, 50.0));
        let s = SlopeScale::new(&lines(&[(2.0 / 9.0, 0.25)]), true);
        assert_eq!(s.value(2.0 / 9.0), "22.2%");
        // Shares close together still get a 10-point scale.
        assert!(s.hi - s.lo >= MIN_PERCENT_SPAN && s.lo <= 22.2 && s.hi >= 25.0);
        let s = SlopeScale::new(&lines(&[(44.6, 43.2), (41.0, -0.001)]), false);
        assert_eq!(
            (s.value(44.6), s.value(-0.001)),
            ("44.6".into(), "0.0".into())
        );
        assert!(s.lo <= -0.001 && s.hi >= 44.6);
        let s = SlopeScale::new(&lines(&[(f64::NAN, f64::NAN)]), false);
        assert!(s.hi > s.lo);
    }

    #[test]
    fn slope_chart_and_flow_matrix_render_in_both_languages() {
        let alert = |buf: &[u8]| buf.chunks(3).filter(|p| p == &[228, 87, 46]).count();
        let mut five = spread_slope(5);
        five.lines[1].to = f64::NAN; // a unit of the earlier cycle only
        for lang in [Lang::Zh, Lang::En] {
            for (name, (w, h, buf)) in [
                ("slope 5", render_rgb(&five, 0, lang).unwrap()),
                ("slope 20", render_rgb(&spread_slope(20), 0, lang).unwrap()),
                (
                    "slope close",
                    render_rgb(&close_slope(20), 0, lang).unwrap(),
                ),
                ("flow 15", render_rgb(&flow(15), 0, lang).unwrap()),
                (
                    "flow empty",
                    render_rgb(&FlowMatrix::default(), 0, lang).unwrap(),
                ),
                (
                    "slope empty",
                    render_rgb(&SlopeChart::default(), 0, lang).unwrap(),
                ),
            ] {
                assert_eq!(buf.len(), (w * h * 3) as usize);
                let non_white = buf.chunks(3).filter(|p| p != &[255, 255, 255]).count();
                assert!(non_white > 5_000, "{name} looks blank: {non_white}");
                let title = dark_in(w, &buf, (TITLE_Y - 20) as u32, (TITLE_Y + 20) as u32);
                assert!(title > 300, "{name}: no glyphs in the title area ({title})");
                // Lines going against the wanted rise are drawn in the warning colour.
                if name.starts_with("slope") && !name.ends_with("empty") {
                    assert!(alert(&buf) > 200, "{name}: no warning lines");
                }
            }
        }
        // Nothing is flagged without a wanted direction.
        let neutral = SlopeChart {
            wanted: None,
            ..spread_slope(20)
        };
        assert_eq!(alert(&render_rgb(&neutral, 0, Lang::Zh).unwrap().2), 0);
        // The SVG carries the labels.
        let svg = render_svg(&five, 0, Lang::Zh).unwrap();
        for s in [
            "东门区0",
            "2016",
            "2021",
            "上升或持平",
            "仅一届有数据",
            "共5项",
        ] {
            assert!(svg.contains(s), "{s} missing from the slope SVG");
        }
        let svg = render_svg(&flow(15), 0, Lang::En).unwrap();
        for s in [
            "柳河镇0",
            "Columns: unit in 2021",
            "Out",
            "In",
            "14 units with moves",
        ] {
            assert!(svg.contains(s), "{s} missing from the flow SVG");
        }
    }

    #[test]
    fn slope_charts_paginate_beyond_25_lines() {
        let dir = tempfile::tempdir().unwrap();
        let files = spread_slope(60)
            .draw(dir.path(), "slope", Lang::Zh)
            .unwrap();
        assert_eq!(files.len(), 3);
        assert!(files.iter().all(|f| f.png.exists() && f.svg.exists()));
        assert_eq!(files[1].png, dir.path().join("slope-02.png"));
        assert_eq!(files[1].title, "各县区班子女性成员占比 (2/3)");
        let info = &page_infos(&spread_slope(60), Lang::Zh)[1];
        assert_eq!(info.rows, 20..40);
        assert_eq!(
            spread_slope(60).rows_note(info).unwrap(),
            "第21-40项, 共60项"
        );
        let one = close_slope(25).draw(dir.path(), "one", Lang::En).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].png, dir.path().join("one.png"));
    }

    #[test]
    fn flow_matrix_keeps_units_with_moves_and_caps_at_40() {
        // Unit 4 neither sends nor receives anyone: no row, no column.
        let v = flow(15).view();
        assert_eq!(v.shown.len(), 14);
        assert!(!v.shown.contains(&4));
        assert_eq!((v.with_moves, v.hidden_moves, v.max), (14, 0, 3));

        // 50 units with moves: the 40 with most moves are kept, in the caller's order.
        let mut m = flow(50);
        m.counts[10][30] = 9; // unit 10 and 30 get many moves
        let v = m.view();
        assert_eq!(v.shown.len(), FLOW_MAX_UNITS);
        assert!(v.shown.windows(2).all(|w| w[0] < w[1]));
        assert!(v.shown.contains(&10) && v.shown.contains(&30));
        assert_eq!(v.with_moves, 49); // all but unit 4
        let all: u64 = (0..50).map(|i| m.moves(i, true)).sum();
        let kept: u64 = v
            .shown
            .iter()
            .flat_map(|&i| v.shown.iter().map(move |&j| (i, j)))
            .filter(|(i, j)| i != j)
            .map(|(i, j)| u64::from(m.counts[i][j]))
            .sum();
        assert_eq!(v.hidden_moves, all - kept);
        assert!(v.hidden_moves > 0);
        let info = &page_infos(&m, Lang::Zh)[0];
        assert_eq!(page_infos(&m, Lang::Zh).len(), 1);
        let note = m.rows_note(info).unwrap();
        assert_eq!(
            note,
            format!(
                "交流最多的40个单位 (共49个), 另有{}人次交流未显示",
                v.hidden_moves
            )
        );
        // Small cells widen the image rather than shrink the numbers.
        let (w, _) = m.size(40);
        assert!(w > W);
        let (_, _, buf) = render_rgb(&m, 0, Lang::En).unwrap();
        assert!(buf.chunks(3).filter(|p| p != &[255, 255, 255]).count() > 20_000);

        // Counts that are not a square are refused.
        let dir = tempfile::tempdir().unwrap();
        let mut bad = flow(3);
        bad.counts[1].pop();
        assert!(bad.draw(dir.path(), "flow", Lang::Zh).is_err());
        let files = flow(15).draw(dir.path(), "flow", Lang::Zh).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].png, dir.path().join("flow.png"));
    }
}
