//! Who is already on each election's list, to refuse a person listed twice.
//!
//! A national candidates table has two million rows, and a map of every (election,
//! person) pair read so far made each row a random probe into a table of two million
//! pairs: a cache miss per row, most of the time spent reading candidates. But a list is
//! written election by election, so the rows of one election come one after another: a
//! person is looked for among the rows already kept for that election (a few dozen, next
//! to each other in memory, in one run or in the few runs of an election whose rows are
//! scattered over the file), and only an election with many rows gets a map of its own.

use super::tables::FastMap;

/// Above this many kept rows, an election's persons are held in a map of their own
/// rather than scanned (a list of thousands, or a file whose election column is one
/// value throughout, would otherwise be scanned row by row for every row).
const SCAN_AT_MOST: usize = 64;

/// The kept rows of each election so far, as runs of the candidates' columns: the first
/// kept row of an (election, person) pair is what a later row of the pair is refused
/// against, and it is the same whichever way it is found.
#[derive(Default)]
pub(super) struct Listed {
    /// The election of the last kept row and where its run starts in the columns.
    current: Option<(u32, usize)>,
    /// Whether that election had rows before its current run (closed runs, or a map).
    current_has_earlier: bool,
    /// The closed runs `(start, end)` of each election, and its kept rows in them.
    runs: FastMap<u32, (Vec<(usize, usize)>, usize)>,
    /// Elections past [`SCAN_AT_MOST`] rows: each person's first kept row.
    large: FastMap<u32, FastMap<u32, u32>>,
}

impl Listed {
    /// The first kept row of `person` on the list of `election`, if any. `persons` and
    /// `rows` are the kept rows' persons and row numbers, in the order kept.
    pub(super) fn first_row(
        &self,
        election: u32,
        person: u32,
        persons: &[u32],
        rows: &[u32],
    ) -> Option<usize> {
        let in_current = self.current.filter(|&(e, _)| e == election);
        if in_current.is_none() || self.current_has_earlier {
            if let Some(by_person) = self.large.get(&election) {
                return by_person.get(&person).map(|&r| r as usize);
            }
            if let Some((runs, _)) = self.runs.get(&election) {
                for &(start, end) in runs {
                    if let Some(k) = persons[start..end].iter().position(|&p| p == person) {
                        return Some(rows[start + k] as usize);
                    }
                }
            }
        }
        let (_, start) = in_current?;
        persons[start..]
            .iter()
            .position(|&p| p == person)
            .map(|k| rows[start + k] as usize)
    }

    /// Notes the kept row just added at the end of `persons` and `rows`.
    pub(super) fn kept(&mut self, election: u32, persons: &[u32], rows: &[u32]) {
        let at = persons.len() - 1;
        if self.current.is_none_or(|(e, _)| e != election) {
            self.close_run(at);
            self.current = Some((election, at));
            self.current_has_earlier =
                self.runs.contains_key(&election) || self.large.contains_key(&election);
        }
        // An election met for the first time (the usual case) needs no look-up.
        let mut earlier = 0;
        if self.current_has_earlier {
            if let Some(by_person) = self.large.get_mut(&election) {
                by_person.entry(persons[at]).or_insert(rows[at]);
                return;
            }
            earlier = self.runs.get(&election).map_or(0, |(_, n)| *n);
        }
        let (_, start) = self.current.expect("set above");
        if earlier + (at + 1 - start) > SCAN_AT_MOST {
            let mut by_person = FastMap::default();
            let closed = self.runs.remove(&election).map(|(runs, _)| runs);
            for (s, e) in closed.into_iter().flatten().chain([(start, at + 1)]) {
                for k in s..e {
                    by_person.entry(persons[k]).or_insert(rows[k]);
                }
            }
            self.large.insert(election, by_person);
            self.current_has_earlier = true;
        }
    }

    /// Ends the current run at `end` (exclusive).
    fn close_run(&mut self, end: usize) {
        let Some((election, start)) = self.current.take() else {
            return;
        };
        if self.large.contains_key(&election) {
            return;
        }
        let (runs, n) = self.runs.entry(election).or_default();
        runs.push((start, end));
        *n += end - start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `(election, person)` rows numbered from 1 as the candidates reader does
    /// (a row that repeats a kept pair is refused and not kept), and returns for each
    /// row the first row it repeats, checked against a plain map of every pair.
    fn read(pairs: &[(u32, u32)]) -> Vec<Option<usize>> {
        let mut listed = Listed::default();
        let (mut persons, mut rows) = (Vec::new(), Vec::new());
        let mut plain: FastMap<(u32, u32), usize> = FastMap::default();
        let mut out = Vec::new();
        for (i, &(e, p)) in pairs.iter().enumerate() {
            let row = i + 1;
            let first = listed.first_row(e, p, &persons, &rows);
            assert_eq!(first, plain.get(&(e, p)).copied(), "row {row}: {e}, {p}");
            if first.is_none() {
                persons.push(p);
                rows.push(row as u32);
                listed.kept(e, &persons, &rows);
                plain.insert((e, p), row);
            }
            out.push(first);
        }
        out
    }

    #[test]
    fn a_person_listed_twice_is_found_in_the_run_and_across_runs() {
        let found = read(&[(1, 10), (1, 11), (1, 10), (2, 10), (1, 11), (2, 10)]);
        assert_eq!(found, [None, None, Some(1), None, Some(2), Some(4)]);
    }

    #[test]
    fn an_election_past_the_scan_limit_is_looked_up_by_person() {
        // One election of 200 persons in two runs, each person listed twice.
        let mut pairs: Vec<(u32, u32)> = (0..150).map(|p| (7, p)).collect();
        pairs.push((8, 1));
        pairs.extend((100..200).map(|p| (7, p)));
        pairs.extend((0..200).rev().map(|p| (7, p)));
        let found = read(&pairs);
        assert_eq!(found.iter().filter(|f| f.is_some()).count(), 250);
        assert_eq!(found[pairs.len() - 1], Some(1));
    }

    #[test]
    fn matches_a_map_of_every_pair_on_scattered_lists() {
        // A pseudo-random file of 20 elections and 30 persons, rows in runs of 1 to 8.
        let mut state = 12345u32;
        let mut next = |m: u32| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) % m
        };
        let mut pairs = Vec::new();
        while pairs.len() < 5_000 {
            let e = next(20);
            for _ in 0..1 + next(8) {
                pairs.push((e, next(30)));
            }
        }
        read(&pairs);
    }
}
