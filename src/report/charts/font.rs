//! The font of every chart: the subset of Noto Sans CJK SC embedded in the binary, so
//! that Chinese labels render on a machine without CJK fonts. It is registered with
//! plotters for the SVG text and parsed once with ab_glyph for the PNG text and for
//! measuring, so both backends lay text out with the same advances.

use std::sync::OnceLock;

use anyhow::{bail, Context as _, Result};
use plotters::style::FontStyle;

/// The subset of Noto Sans CJK SC Regular (GB2312 + punctuation; see
/// `assets/fonts/README.md`), CFF-flavoured OpenType.
pub static FONT_OTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Subset.otf");

/// The font family written into the SVGs (a CSS font list) and under which the embedded
/// font is registered for the PNGs. The HTML page declares `Banzi Sans` with `@font-face`.
pub const FONT_FAMILY: &str = "Banzi Sans, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, \
PingFang SC, Microsoft YaHei, SimHei, sans-serif";

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
pub(super) fn font() -> Result<&'static ab_glyph::FontRef<'static>> {
    static FONT: OnceLock<Option<ab_glyph::FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| ab_glyph::FontRef::try_from_slice(FONT_OTF).ok())
        .as_ref()
        .context("the embedded chart font could not be read")
}

/// The advance width of `s` in pixels at plotters size `size` (em = size / 1.24).
pub(super) fn advance_width(s: &str, size: f64) -> Result<f32> {
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
