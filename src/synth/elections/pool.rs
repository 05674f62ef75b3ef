//! The people the election lists need beyond the teams: delegates, candidates who were
//! not elected, committee candidates from the township's own cadres. They are cadres on
//! no slate with no work history (a delegate list records a person, not a career), and
//! are written to `cadres.csv` after the team world's people.

use std::collections::HashSet;

use super::super::model::{World, Ym};
use super::super::rng::Rng;
use super::super::vocab::{GIVEN_FEMALE, GIVEN_MALE, SURNAMES};

/// A person of the election lists.
#[derive(Debug, Clone)]
pub struct PoolPerson {
    pub name: String,
    pub female: bool,
    pub birth: Ym,
    pub party: &'static str,
    pub education: &'static str,
}

impl PoolPerson {
    pub fn non_party(&self) -> bool {
        !matches!(self.party, "中共党员" | "中共预备党员")
    }
}

/// The growing list of pool people, with distinct names where the world's are.
pub struct Pool {
    rng: Rng,
    unique: bool,
    used: HashSet<String>,
    pub people: Vec<PoolPerson>,
}

impl Pool {
    /// A pool whose names differ from every name of `w` when `unique`.
    pub fn new(w: &World, rng: Rng, unique: bool) -> Pool {
        let used = if unique {
            w.persons.iter().map(|p| p.name.clone()).collect()
        } else {
            HashSet::new()
        };
        Pool {
            rng,
            unique,
            used,
            people: Vec::new(),
        }
    }

    fn name(&mut self, female: bool, surname: Option<&'static str>) -> String {
        for attempt in 0..60 {
            let s = surname.unwrap_or_else(|| self.rng.choose(&SURNAMES));
            let given: &[&str] = if female { &GIVEN_FEMALE } else { &GIVEN_MALE };
            let g1 = self.rng.choose(given);
            let name = if self.rng.chance(0.7) || attempt > 30 {
                let g2 = self.rng.choose(given);
                format!("{s}{g1}{g2}")
            } else {
                format!("{s}{g1}")
            };
            if !self.unique || attempt == 59 || self.used.insert(name.clone()) {
                return name;
            }
        }
        unreachable!("the loop returns on its last attempt")
    }

    /// Adds a person (aged 30–58 in 2021) and returns their index.
    pub fn add(&mut self, female: bool, non_party: bool, surname: Option<&'static str>) -> usize {
        let name = self.name(female, surname);
        let age = self.rng.range(30, 58);
        let month = 1 + self.rng.below(12) as u32;
        let party = if non_party {
            self.rng.choose(&["群众", "无党派人士", "民盟"])
        } else {
            "中共党员"
        };
        let education = self.rng.choose(&["大学", "大专", "高中", "中专"]);
        self.people.push(PoolPerson {
            name,
            female,
            birth: Ym::new(2021 - age - 1, month),
            party,
            education,
        });
        self.people.len() - 1
    }

    pub fn rng(&mut self) -> &mut Rng {
        &mut self.rng
    }
}
