//! What each chart draws: plain data (names, counts, shares, severity per cell) that the
//! report computes elsewhere and hands over. Nothing here draws; the chart kinds in the
//! sibling files paint these, and the default titles and legends that depend only on the
//! data (a share's kind, a direction's legend) are stated next to it.

use super::canvas::hex_color;
use plotters::style::RGBColor;

/// The age bands of the structure tables (≤30, 31-35, 36-45, 46-50, >50), in this order.
pub const AGE_BANDS: [&str; 5] = ["≤30", "31-35", "36-45", "46-50", ">50"];

/// The rule families of the catalogue, in the heat map's default column order.
pub const RULE_FAMILIES: [&str; 9] = [
    "SIZE", "POST", "AGE", "GEN", "ETH", "EXP", "SPEC", "ROT", "ELIG",
];

/// The language and severity of the rules; charts add their labels and colours below.
pub use crate::rules::{Lang, Severity};

/// How charts colour a severity (its name, `Severity::label`, is the rules' own).
impl Severity {
    /// Fill colour as `#rrggbb` (the HTML page uses the same colours).
    pub fn hex(self) -> &'static str {
        match self {
            Severity::Error => "#d7301f",
            Severity::Warning => "#f39c3c",
            Severity::Advice => "#6a9fd4",
        }
    }

    pub(super) fn color(self) -> RGBColor {
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
    pub(super) fn title(&self, lang: Lang) -> String {
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

    pub(super) fn value(self) -> f64 {
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
    pub(super) fn legend(self, lang: Lang) -> (&'static str, &'static str) {
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
