//! The briefing report (`banzi report`): structure tables per team, per district and in
//! total, charts with Chinese labels, and one self-contained HTML page.

pub mod structure;
