//! The frames of the election rules (DEL, DELEL, EADM and the list rules of SIZE and
//! POST), built once per run beside the team frames of [`super::context`], and only when
//! the dataset has election tables:
//!
//! - `elections`: one row per election, with its list's figures already counted (the
//!   candidates, the delegates, how many of them are incumbent, frontline, leading
//!   cadres, women, non-party) and the same figures of the previous term's election
//!   (`previous`) and, for a township PC election, of its county's;
//! - `candidates`: one row per person on a list, with the person's attributes (woman,
//!   minority, non-party, frontline, leading cadre, as the counts above read them), and
//!   the election and the person also as indexes (`election`, `person`);
//! - `memberships`: the seats in other bodies (the person also as `person`).
//!
//! The *delegates* of an election are the candidates marked `elected`; when no candidate
//! of the election has an `elected` value (a list before the vote), the whole list
//! stands for them. Counting is done here in one pass so that each rule is one filter.

use polars::prelude::*;
use std::collections::HashMap;

use super::config::Config;
use super::context::{few_categories, preset_of, severity_expr};
use super::{config::RuleSettings, Lang};
use crate::dataset::elections::{Category, ElectionBody, ElectionTables, Ground};
use crate::dataset::tables::FastMap;
use crate::dataset::Dataset;
use crate::normalize::gender::Gender;

/// The election frames of one run.
pub struct ElectionContext {
    pub elections: DataFrame,
    /// One row per candidate, with its election as an index (`election`): a rule reads
    /// the candidates through [`candidates`](Self::candidates) or
    /// [`candidates_of`](Self::candidates_of), which join their election's columns, or
    /// picks a few by numbers first ([`candidate_columns`](Self::candidate_columns)).
    candidates: DataFrame,
    pub memberships: DataFrame,
    /// `proxies`: one row per entrusted vote (election_id, cycle, unit_id, preset, body,
    /// voter, proxy_id, approved).
    pub proxies: DataFrame,
}

/// What the election frames read of each person beyond the id and the name (the
/// candidates' `woman`, `minority` and `non_party`, and the lists' counts of them), taken
/// from the cadres before the frames are built: a run that only checks then lets go of
/// the rest of the cadres' columns (their dates, ethnicities, parties, texts, résumés:
/// about 0.2 GB at 40,000 units) before the frames' own peak instead of after it.
pub struct PersonTraits {
    woman: Vec<bool>,
    minority: Vec<bool>,
    non_party: Vec<bool>,
}

impl PersonTraits {
    pub fn of(cadres: &crate::dataset::cadres::Cadres) -> PersonTraits {
        PersonTraits {
            woman: cadres.gender.iter().map(|g| *g == Gender::Female).collect(),
            minority: cadres.ethnicity.iter().map(|e| e.is_minority()).collect(),
            non_party: cadres
                .party
                .iter()
                .map(|p| p.as_ref().is_some_and(|p| !p.cpc()))
                .collect(),
        }
    }
}

/// Figures of one election's delegates.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    candidates: u32,
    results: bool,
    delegates: u32,
    incumbent: u32,
    frontline: u32,
    leading: u32,
    women: u32,
    non_party: u32,
}

impl Tally {
    fn share(self, k: u32) -> Option<f64> {
        (self.delegates > 0).then(|| k as f64 / self.delegates as f64)
    }
}

/// Whether candidate `i` counts as frontline: the `frontline` flag, or else a worker,
/// farmer or professional category.
fn is_frontline(t: &ElectionTables, i: usize) -> bool {
    t.candidates.frontline[i]
        .unwrap_or_else(|| t.candidates.category[i].is_some_and(Category::is_grassroots))
}

impl ElectionContext {
    /// The frames, or `None` when the dataset has no election table.
    pub fn build(
        ds: &Dataset,
        traits: &PersonTraits,
        config: &Config,
    ) -> PolarsResult<Option<ElectionContext>> {
        let t = &ds.elections;
        if !t.present {
            return Ok(None);
        }
        let (e, c) = (&t.elections, &t.candidates);
        let ne = e.len();
        let mut tally = vec![Tally::default(); ne];
        for i in 0..c.len() {
            let x = &mut tally[c.election[i] as usize];
            x.candidates += 1;
            x.results |= c.elected[i].is_some();
        }
        let delegate: Vec<bool> = (0..c.len())
            .map(|i| {
                let el = c.election[i] as usize;
                !tally[el].results || c.elected[i] == Some(true)
            })
            .collect();
        for i in (0..c.len()).filter(|&i| delegate[i]) {
            let p = c.person[i] as usize;
            let x = &mut tally[c.election[i] as usize];
            x.delegates += 1;
            x.incumbent += u32::from(c.incumbent[i] == Some(true));
            x.frontline += u32::from(is_frontline(t, i));
            x.leading += u32::from(c.leading_cadre[i] == Some(true));
            x.women += u32::from(traits.woman[p]);
            x.non_party += u32::from(traits.non_party[p]);
        }
        // An election whose list is not given (no candidate rows) has no margin.
        let margin = |i: usize| {
            (tally[i].candidates > 0)
                .then(|| (tally[i].candidates as f64 - e.seats[i] as f64) / e.seats[i] as f64)
        };
        let frontline_share = |i: usize| tally[i].share(tally[i].frontline);
        let leading_share = |i: usize| tally[i].share(tally[i].leading);
        // The county PC election a township's PC election is compared with (DEL-002).
        let mut county_pc: HashMap<(u32, &str), usize> = HashMap::new();
        for i in 0..ne {
            if e.body[i] == ElectionBody::PcDelegates {
                let unit = ds.units.unit_id[e.unit[i] as usize].as_str();
                county_pc.entry((e.cycle[i], unit)).or_insert(i);
            }
        }
        let unit_of = |i: usize| e.unit[i] as usize;
        let county_of = |i: usize| -> Option<usize> {
            if e.body[i] != ElectionBody::PcDelegates
                || !matches!(
                    e.level[i],
                    crate::normalize::unit_kind::UnitKind::Township
                        | crate::normalize::unit_kind::UnitKind::Subdistrict
                )
            {
                return None;
            }
            let parent = ds.units.parent_id[unit_of(i)].as_deref()?;
            county_pc.get(&(e.cycle[i], parent)).copied()
        };
        let prev = |i: usize| e.previous[i].map(|p| p as usize);
        let unit_id = |i: usize| ds.units.unit_id[unit_of(i)].as_str();
        let preset = |i: usize| preset_of(ds.units.kind[unit_of(i)], config.choice).code();
        let elections = DataFrame::new(
            ne,
            vec![
                Column::new("election".into(), (0..ne as u32).collect::<Vec<u32>>()),
                Column::new("election_id".into(), &e.election_id),
                Column::new(
                    "cycle".into(),
                    e.cycle
                        .iter()
                        .map(|&x| ds.cycles.cycle[x as usize].as_str())
                        .collect::<Vec<_>>(),
                ),
                // The cycle and the unit as indexes, for group-bys and for joins with
                // the seats (`cycle_index`, `unit` and `person` there too): DEL-009,
                // DEL-014, POST-009, POST-013.
                Column::new("cycle_index".into(), &e.cycle),
                Column::new("unit".into(), &e.unit),
                Column::new("unit_id".into(), (0..ne).map(unit_id).collect::<Vec<_>>()),
                few_categories("preset", (0..ne).map(|i| Some(preset(i))))?,
                Column::new(
                    "parent_id".into(),
                    (0..ne)
                        .map(|i| ds.units.parent_id[unit_of(i)].as_deref())
                        .collect::<Vec<_>>(),
                ),
                // Categoricals, as the candidates' role and categories: joined to every
                // candidate a rule reads.
                few_categories("body", e.body.iter().map(|b| Some(b.code())))?,
                few_categories("level", e.level.iter().map(|l| Some(l.label())))?,
                Column::new(
                    "seats".into(),
                    e.seats.iter().map(|&s| s as i64).collect::<Vec<_>>(),
                ),
                Column::new(
                    "candidates".into(),
                    tally
                        .iter()
                        .map(|x| x.candidates as i64)
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "results".into(),
                    tally.iter().map(|x| x.results).collect::<Vec<_>>(),
                ),
                Column::new(
                    "delegates".into(),
                    tally.iter().map(|x| x.delegates as i64).collect::<Vec<_>>(),
                ),
                Column::new(
                    "incumbent".into(),
                    tally.iter().map(|x| x.incumbent as i64).collect::<Vec<_>>(),
                ),
                Column::new(
                    "frontline".into(),
                    tally.iter().map(|x| x.frontline as i64).collect::<Vec<_>>(),
                ),
                Column::new(
                    "leading".into(),
                    tally.iter().map(|x| x.leading as i64).collect::<Vec<_>>(),
                ),
                Column::new(
                    "women".into(),
                    tally.iter().map(|x| x.women as i64).collect::<Vec<_>>(),
                ),
                Column::new(
                    "non_party".into(),
                    tally.iter().map(|x| x.non_party as i64).collect::<Vec<_>>(),
                ),
                Column::new("margin".into(), (0..ne).map(margin).collect::<Vec<_>>()),
                Column::new(
                    "frontline_share".into(),
                    (0..ne).map(frontline_share).collect::<Vec<_>>(),
                ),
                Column::new(
                    "leading_share".into(),
                    (0..ne).map(leading_share).collect::<Vec<_>>(),
                ),
                Column::new(
                    "previous".into(),
                    (0..ne)
                        .map(|i| prev(i).map(|p| e.election_id[p].as_str()))
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "prev_seats".into(),
                    (0..ne)
                        .map(|i| prev(i).map(|p| e.seats[p] as i64))
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "prev_margin".into(),
                    (0..ne)
                        .map(|i| prev(i).and_then(margin))
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "prev_frontline_share".into(),
                    (0..ne)
                        .map(|i| prev(i).and_then(frontline_share))
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "prev_leading_share".into(),
                    (0..ne)
                        .map(|i| prev(i).and_then(leading_share))
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "county_election".into(),
                    (0..ne)
                        .map(|i| county_of(i).map(|j| e.election_id[j].as_str()))
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "county_frontline_share".into(),
                    (0..ne)
                        .map(|i| county_of(i).and_then(frontline_share))
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "party_members".into(),
                    e.party_members
                        .iter()
                        .map(|x| x.map(|v| v as i64))
                        .collect::<Vec<_>>(),
                ),
                Column::new("congress".into(), &e.congress),
                Column::new("competitive".into(), &e.competitive),
            ],
        )?;
        crate::bench::trace("elections: elections frame");
        let nc = c.len();
        let person = |i: usize| c.person[i] as usize;
        // The columns below do not depend on each other: two halves are built side by
        // side (each in order, so the frame's texts are the same whatever the number of
        // threads; the categoricals' codes are not, and nothing reads them). The ids,
        // names and numbers are built from their rows straight into polars' arrays, with
        // no vector of every row's value in between (at 40,000 units, two million
        // candidates: the frames' peak went 1.37 → 1.31 GB); a vector of bools is a byte
        // a row, and the categoricals' a vector of 4-byte codes.
        let (first, second) = rayon::join(
            || -> PolarsResult<_> {
                Ok([
                    // The election and the person as indexes: group-bys, joins and
                    // sorts on them are cheaper than on their ids' text.
                    Column::new("election".into(), &c.election),
                    Column::new("person".into(), &c.person),
                    StringChunked::from_iter_values(
                        "person_id".into(),
                        (0..nc).map(|i| &ds.cadres.person_id[person(i)][..]),
                    )
                    .into_column(),
                    StringChunked::from_iter_values(
                        "name".into(),
                        (0..nc).map(|i| &ds.cadres.name[person(i)][..]),
                    )
                    .into_column(),
                    Int64Chunked::from_iter_options(
                        "ballot_order".into(),
                        c.ballot_order.iter().map(|x| x.map(|v| v as i64)),
                    )
                    .into_column(),
                    Int64Chunked::from_iter_values("row".into(), c.row.iter().map(|&r| r as i64))
                        .into_column(),
                    few_categories("role", c.role.iter().map(|r| r.map(|r| r.code())))?,
                ])
            },
            || -> PolarsResult<_> {
                Ok([
                    Column::new("fulltime".into(), &c.fulltime),
                    Column::new("elected".into(), &c.elected),
                    Column::new("delegate".into(), &delegate),
                    Column::new("incumbent".into(), &c.incumbent),
                    few_categories(
                        "category",
                        c.category.iter().map(|x| x.map(|v| v.label_zh())),
                    )?,
                    few_categories(
                        "quota_category",
                        c.quota_category.iter().map(|x| x.map(|v| v.label_zh())),
                    )?,
                    {
                        // Each distinct list of grounds written once.
                        let mut written: FastMap<&[Ground], String> = FastMap::default();
                        for g in c.flags.iter() {
                            written.entry(g).or_insert_with(|| {
                                g.iter().map(|g| g.code()).collect::<Vec<_>>().join(";")
                            });
                        }
                        few_categories("flags", c.flags.iter().map(|g| Some(written[g].as_str())))?
                    },
                    few_categories(
                        "constituency",
                        c.constituency
                            .iter()
                            .map(|t| t.as_deref().map(String::as_str)),
                    )?,
                    Column::new(
                        "woman".into(),
                        (0..nc).map(|i| traits.woman[person(i)]).collect::<Vec<_>>(),
                    ),
                    Column::new(
                        "minority".into(),
                        (0..nc)
                            .map(|i| traits.minority[person(i)])
                            .collect::<Vec<_>>(),
                    ),
                    Column::new(
                        "non_party".into(),
                        (0..nc)
                            .map(|i| traits.non_party[person(i)])
                            .collect::<Vec<_>>(),
                    ),
                    Column::new(
                        "frontline".into(),
                        (0..nc).map(|i| is_frontline(t, i)).collect::<Vec<_>>(),
                    ),
                    Column::new(
                        "leading".into(),
                        (0..nc)
                            .map(|i| c.leading_cadre[i] == Some(true))
                            .collect::<Vec<_>>(),
                    ),
                ])
            },
        );
        let columns: Vec<Column> = first?.into_iter().chain(second?).collect();
        let candidates = DataFrame::new(nc, columns)?;
        crate::bench::trace("elections: candidates frame");
        let m = &t.memberships;
        let nm = m.person.len();
        let memberships = DataFrame::new(
            nm,
            vec![
                Column::new("person".into(), &m.person),
                Column::new(
                    "person_id".into(),
                    m.person
                        .iter()
                        .map(|&p| &ds.cadres.person_id[p as usize])
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "cycle".into(),
                    m.cycle
                        .iter()
                        .map(|&x| ds.cycles.cycle[x as usize].as_str())
                        .collect::<Vec<_>>(),
                ),
                Column::new("cycle_index".into(), &m.cycle),
                Column::new(
                    "body".into(),
                    m.body.iter().map(|b| b.code()).collect::<Vec<_>>(),
                ),
                Column::new(
                    "level".into(),
                    m.level
                        .iter()
                        .map(|l| l.map(|l| l.label()))
                        .collect::<Vec<_>>(),
                ),
                Column::new("role".into(), &m.role),
            ],
        )?;
        let x = &t.proxies;
        let np = x.election.len();
        let pel = |i: usize| x.election[i] as usize;
        let proxies = DataFrame::new(
            np,
            vec![
                Column::new(
                    "election_id".into(),
                    (0..np)
                        .map(|i| e.election_id[pel(i)].as_str())
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "cycle".into(),
                    (0..np)
                        .map(|i| ds.cycles.cycle[e.cycle[pel(i)] as usize].as_str())
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "unit_id".into(),
                    (0..np).map(|i| unit_id(pel(i))).collect::<Vec<_>>(),
                ),
                Column::new(
                    "preset".into(),
                    (0..np).map(|i| preset(pel(i))).collect::<Vec<_>>(),
                ),
                Column::new(
                    "body".into(),
                    (0..np).map(|i| e.body[pel(i)].code()).collect::<Vec<_>>(),
                ),
                Column::new("voter".into(), &x.voter),
                Column::new("proxy_id".into(), &x.proxy),
                Column::new("approved".into(), &x.approved),
            ],
        )?;
        Ok(Some(ElectionContext {
            elections,
            candidates,
            memberships,
            proxies,
        }))
    }

    /// The elections filling `body` where the rule applies, with their `severity`.
    pub fn elections_of(&self, body: ElectionBody, s: &RuleSettings) -> LazyFrame {
        self.elections
            .clone()
            .lazy()
            .filter(col("body").eq(lit(body.code())))
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null())
    }

    /// The candidates' own columns, their election as its index: for a rule that picks
    /// a few candidates by numbers before it reads their texts (DEL-009).
    pub fn candidate_columns(&self) -> &DataFrame {
        &self.candidates
    }

    /// Every candidate, with the columns of its election ([`ELECTION_COLUMNS`]).
    pub fn candidates(&self) -> LazyFrame {
        self.candidates_in(self.elections.clone().lazy(), &[])
    }

    /// The candidates of elections filling `body` where the rule applies, with the
    /// columns of their election and its `severity`.
    pub fn candidates_of(&self, body: ElectionBody, s: &RuleSettings) -> LazyFrame {
        self.candidates_in(self.elections_of(body, s), &["severity"])
    }

    /// The candidates of `elections`, in the candidates' order, each with the columns of
    /// its election and `more`. Joined when a rule asks rather than held per candidate:
    /// at 40,000 units the election's three id and cycle texts alone, for two million
    /// candidates, are about 100 MB through every rule, and a join on the election's
    /// index costs a rule a few milliseconds (a rule's filters on the candidates' own
    /// columns go before it).
    fn candidates_in(&self, elections: LazyFrame, more: &[&str]) -> LazyFrame {
        with_election_columns(self.candidates.clone().lazy(), elections, more)
    }

    /// Like [`candidates_of`](Self::candidates_of), but of their election only its
    /// indexes (`cycle_index`, `unit`) and `severity`: for a rule that narrows the
    /// candidates down by joins on indexes first, and then reads the texts of the few
    /// left ([`with_election_texts`](Self::with_election_texts)). At 40,000 units the
    /// texts of 1.9 million 人大代表 candidates carried through POST-013's joins were
    /// 0.1 GB of its peak.
    pub fn candidate_indexes_of(&self, body: ElectionBody, s: &RuleSettings) -> LazyFrame {
        joined(
            self.candidates.clone().lazy(),
            self.elections_of(body, s),
            &["cycle_index", "unit", "severity"],
        )
    }

    /// Candidates given by their `election` alone, each with the columns of its
    /// election among those of `body` where the rule applies, and its `severity`, in
    /// the candidates' order: the texts [`candidates_of`](Self::candidates_of) joins to
    /// every candidate, for the few a rule has picked from
    /// [`candidate_indexes_of`](Self::candidate_indexes_of).
    pub fn with_texts_of(
        &self,
        candidates: LazyFrame,
        body: ElectionBody,
        s: &RuleSettings,
    ) -> LazyFrame {
        with_election_columns(candidates, self.elections_of(body, s), &["severity"])
    }

    /// Candidates (with their `election`) with the rest of their election's columns.
    pub fn with_election_texts(&self, candidates: LazyFrame) -> LazyFrame {
        let texts: Vec<&str> = ELECTION_COLUMNS
            .iter()
            .filter(|c| !matches!(**c, "cycle_index" | "unit"))
            .copied()
            .collect();
        joined(candidates, self.elections.clone().lazy(), &texts)
    }
}

/// `candidates` (with their `election`) joined with `columns` of their election in
/// `elections`, in the candidates' order; a candidate of an election not there drops.
fn joined(candidates: LazyFrame, elections: LazyFrame, columns: &[&str]) -> LazyFrame {
    let wanted = ["election"].iter().chain(columns).map(|c| col(*c));
    let args = JoinArgs {
        maintain_order: MaintainOrderJoin::Left,
        ..JoinArgs::new(JoinType::Inner)
    };
    candidates.join(
        elections.select(wanted.collect::<Vec<_>>()),
        [col("election")],
        [col("election")],
        args,
    )
}

/// `candidates` joined with the [`ELECTION_COLUMNS`] and `more` of their election in
/// `elections` (see [`joined`]).
fn with_election_columns(candidates: LazyFrame, elections: LazyFrame, more: &[&str]) -> LazyFrame {
    let columns: Vec<&str> = ELECTION_COLUMNS.iter().chain(more).copied().collect();
    joined(candidates, elections, &columns)
}

/// The columns of its election a candidate is read with.
pub const ELECTION_COLUMNS: [&str; 8] = [
    "election_id",
    "cycle",
    "cycle_index",
    "unit",
    "unit_id",
    "preset",
    "body",
    "level",
];

/// The body of a `body` code in the frames.
pub fn body_of(code: &str) -> Option<ElectionBody> {
    ElectionBody::ALL.into_iter().find(|b| b.code() == code)
}

/// How a finding names an election: `柳河镇2021年党代会代表选举（E01）`.
pub fn election_label(unit: &str, cycle: &str, body: &str, id: &str, lang: Lang) -> String {
    let b = body_of(body);
    match lang {
        Lang::Zh => format!(
            "{unit}{cycle}年{}选举（{id}）",
            b.map_or(body, |b| b.label_zh())
        ),
        Lang::En => format!(
            "{unit} {cycle} election of {} ({id})",
            b.map_or(body, |b| b.label_en())
        ),
    }
}

/// A share as a reader sees it: `25.0%`.
pub fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}
