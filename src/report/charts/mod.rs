//! The briefing charts, drawn with plotters as a PNG and an SVG each, Chinese labels by
//! default and English on request: age bands per team, the age pyramid by gender, shares
//! per team against a threshold, the compliance heat map (teams × rule families) and the
//! exception counts per rule; for comparing two transition cycles, a slope chart of a
//! figure per district (or team) and the matrix of people moving between units (交流).
//!
//! The module is cut along the seams of a chart: `inputs` holds the plain data each chart
//! draws (names, counts, severity per cell, computed elsewhere: this module only draws);
//! `pages` the machinery every chart shares (pagination, the title, the footnote, writing
//! PNG and SVG); `font` and `canvas` the embedded font, the drawing primitives, colours
//! and axes; `bars` the geometry of the horizontal bar charts; and one file per chart kind
//! (`age_bands`, `pyramid`, `shares`, `heatmap`, `counts`, `slope`, `flow`), each
//! implementing the `Paint` trait of `pages`. Everything the crate uses is re-exported
//! here.
//!
//! The PNGs use the subset of Noto Sans CJK SC shipped in `assets/fonts/` (embedded in the
//! binary, registered with plotters and rasterised with ab_glyph, see `canvas::Canvas`),
//! so Chinese renders on a machine without CJK fonts; the SVGs name the same font first
//! ([`FONT_FAMILY`]) and the HTML page embeds it, so both agree. A standalone SVG opened
//! outside the page uses the viewer's fonts (the list names the usual Chinese ones).
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

mod age_bands;
mod bars;
mod canvas;
mod counts;
mod flow;
mod font;
mod heatmap;
mod inputs;
mod pages;
mod pyramid;
mod shares;
mod slope;

#[cfg(test)]
mod tests;

pub use flow::FLOW_MAX_UNITS;
pub use font::{missing_glyphs, register_fonts, FONT_FAMILY, FONT_OTF};
pub use inputs::*;
pub use pages::{page_ranges, ChartFile, MAX_PAGES, ROWS_PER_PAGE};
pub use slope::SLOPE_LINES_PER_PAGE;
