//! The page machinery all charts share: splitting rows into balanced pages (and capping
//! them), the title with its page suffix, the footnote (source, reference date, rows
//! shown), and writing each page as a PNG and an SVG. A chart kind only says how many
//! rows it has, how big a page is and how to paint its body: the `Paint` trait.

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::canvas::{
    de, Canvas, FOOT, INK, MUTED, PAD, RULE_LINE, SMALL_SIZE, TITLE_SIZE, TITLE_Y,
};
use super::font::register_fonts;
use super::inputs::*;

/// At most this many teams (rows) per chart image.
pub const ROWS_PER_PAGE: usize = 40;
/// Pages drawn at most of one chart ([`ROWS_PER_PAGE`] rows each); the rows beyond are
/// in the structure tables.
pub const MAX_PAGES: usize = 10;
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
}

/// A chart that can be drawn page by page on any plotters backend.
pub(super) trait Paint {
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
pub(super) struct PageInfo {
    pub(super) rows: Range<usize>,
    pub(super) page: usize,
    pub(super) pages: usize,
    /// Pages were cut at [`MAX_PAGES`]: the last rows are not drawn.
    pub(super) capped: bool,
    pub(super) lang: Lang,
    pub(super) title: String,
}

pub(super) fn page_infos<P: Paint>(chart: &P, lang: Lang) -> Vec<PageInfo> {
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

pub(super) fn write_pages<P: Paint>(
    chart: &P,
    dir: &Path,
    stem: &str,
    lang: Lang,
) -> Result<Vec<ChartFile>> {
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
pub(super) fn render_rgb<P: Paint>(
    chart: &P,
    page: usize,
    lang: Lang,
) -> Result<(u32, u32, Vec<u8>)> {
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
pub(super) fn render_svg<P: Paint>(chart: &P, page: usize, lang: Lang) -> Result<String> {
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
pub(super) fn paint_page<P: Paint, DB: DrawingBackend>(
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
