//! The briefing report (`banzi report`): structure tables per team, per district and in
//! total, charts with Chinese labels (PNG and SVG), and one self-contained HTML page.

pub mod charts;
pub mod compare_charts;
pub mod html;
pub mod page;
pub mod structure;
