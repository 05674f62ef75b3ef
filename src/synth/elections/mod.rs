//! The election tables of a generated world (`elections`, `candidates`, `memberships`,
//! `proxies`): for every township and sub-district its 2016 and 2021 party-committee
//! ballots and its 2021 discipline-committee ballot; for every township its 2021
//! presidium and the PC election of its deputy heads; for some townships their PC
//! delegate lists (2016 and 2021) and party-congress lists; for every county the 2021
//! county PC list; for every sub-district its 2021 party congress.
//!
//! The lists are built to pass every election rule by construction (the shares and
//! margins are chosen, not drawn), and the breaches are planted one rule at a time,
//! each with a note of what was done. The expected findings of these rules are the
//! planted ones: unlike the team rules there is no second reading of the rules here, so
//! `tests/election_sample.rs` runs the checker on generated data and compares.

mod lists;
mod plan;
mod pool;

use super::model::{World, CYCLE_YEARS};
use super::rng::Rng;
use super::ExpectedFinding;

pub use pool::PoolPerson;

/// Who is on a list: a person of the team world, or of the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Who {
    Team(usize),
    Pool(usize),
}

/// One election.
#[derive(Debug, Clone, Default)]
pub struct ElectionRow {
    pub id: String,
    pub cycle: usize,
    pub unit_id: String,
    /// The body as the contract's Chinese label (人大代表, 党委委员 …).
    pub body: &'static str,
    pub seats: usize,
    /// Written only for county lists (县); empty otherwise (the unit's kind).
    pub level: &'static str,
    pub previous: String,
    pub party_members: Option<u32>,
    pub assembly: &'static str,
    pub competitive: bool,
}

/// One candidate row.
#[derive(Debug, Clone)]
pub struct CandidateRow {
    pub election: usize,
    pub who: Who,
    pub order: Option<usize>,
    pub role: &'static str,
    pub fulltime: Option<bool>,
    pub elected: Option<bool>,
    pub incumbent: Option<bool>,
    pub category: &'static str,
    pub quota: &'static str,
    pub leading: Option<bool>,
    pub flags: &'static str,
    pub constituency: String,
}

impl CandidateRow {
    /// A plain list row.
    pub fn plain(election: usize, who: Who) -> CandidateRow {
        CandidateRow {
            election,
            who,
            order: None,
            role: "",
            fulltime: None,
            elected: None,
            incumbent: None,
            category: "",
            quota: "",
            leading: None,
            flags: "",
            constituency: String::new(),
        }
    }
}

/// A seat in another body.
#[derive(Debug, Clone)]
pub struct MembershipRow {
    pub who: Who,
    pub cycle: usize,
    pub body: &'static str,
    pub level: &'static str,
    pub role: &'static str,
}

/// The proxy of an entrusted vote: another voter, or a person of the lists.
#[derive(Debug, Clone)]
pub enum Proxy {
    Voter(String),
    Person(Who),
}

/// One entrusted vote.
#[derive(Debug, Clone)]
pub struct ProxyRow {
    pub election: usize,
    pub voter: String,
    pub proxy: Proxy,
    pub approved: bool,
}

/// A breach planted in the election tables.
#[derive(Debug, Clone)]
pub struct Plant {
    pub rule: &'static str,
    pub cycle: usize,
    pub unit_id: String,
    pub who: Option<Who>,
    pub note: String,
}

/// The election tables of one world.
#[derive(Debug, Clone, Default)]
pub struct ElectionSet {
    pub pool: Vec<PoolPerson>,
    pub elections: Vec<ElectionRow>,
    pub candidates: Vec<CandidateRow>,
    pub memberships: Vec<MembershipRow>,
    pub proxies: Vec<ProxyRow>,
    pub planted: Vec<Plant>,
}

impl ElectionSet {
    /// The `person_id` of a list person: pool people are numbered after the world's.
    pub fn person_id(w: &World, who: Who) -> String {
        match who {
            Who::Team(p) => w.person_id(p),
            Who::Pool(j) => w.person_id(w.persons.len() + j),
        }
    }

    /// The planted breaches as expected findings.
    pub fn expected(&self, w: &World) -> Vec<ExpectedFinding> {
        self.planted
            .iter()
            .map(|p| ExpectedFinding {
                rule: p.rule.to_string(),
                cycle: CYCLE_YEARS[p.cycle].to_string(),
                unit_id: p.unit_id.clone(),
                person_id: p.who.map(|x| Self::person_id(w, x)).unwrap_or_default(),
                note: p.note.clone(),
            })
            .collect()
    }
}

/// The election tables of `w`: the sample's fixed plan, or scale mode's drawn one.
pub fn build(w: &World, seed: u64, sample: bool) -> ElectionSet {
    let mut rng = Rng::derive(seed, 0xE1EC);
    let plans = if sample {
        plan::sample(w)
    } else {
        plan::scale(w, &mut rng)
    };
    lists::Maker::new(w, Rng::new(rng.next_u64()), sample).run(&plans)
}
