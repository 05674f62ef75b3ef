//! Work-history facts, computed for every person on every cycle's slate at that cycle's
//! reference date (`cycles.as_of`): age, years of township work, years in the current
//! post, in the same unit's team, as secretary of the unit, and the like.
//!
//! These are the measured values of the age, experience and rotation rules, and they are
//! where careless arithmetic hurts: spells overlap (a 镇长 is also 党委副书记), run on
//! (an open end means ongoing), and start after the reference date (a later cycle's
//! posts). So every duration here is the length of a *union* of spells clipped to the
//! reference date, and every tenure is the unbroken stretch that reaches it.
//!
//! Durations are calendar durations, because the sources count 满N年 by the calendar:
//! N full years are N anniversaries reached, so a post taken in 2016.10 has 5 years on
//! 2021-10-01 and 4.99 the day before (see `normalize::date::months_between`). A union
//! of spells counts each calendar month once; figures are truncated to two decimals, so
//! what is shown never crosses a threshold the calendar has not crossed.
//!
//! The arithmetic runs per person over arrays sorted once by person; it does not depend
//! on the order of input rows.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::dataset::careers::PersonRows;
use crate::dataset::Dataset;
use crate::normalize::date::{age_at, from_epoch_days, months_between, trunc2};
use crate::normalize::role::Role;
use crate::normalize::unit_kind::UnitKind;

/// Settings the sources leave open.
#[derive(Debug, Clone)]
pub struct FactOptions {
    /// Whether 街道 service counts as township (乡镇) work (EXP-001; default yes).
    pub subdistrict_counts_as_township: bool,
}

impl Default for FactOptions {
    fn default() -> Self {
        FactOptions {
            subdistrict_counts_as_township: true,
        }
    }
}

/// One person on one team of one cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub cycle: u32,
    pub unit: u32,
    pub person: u32,
    pub age: i32,
    pub township_years: f64,
    pub township_leadership: bool,
    pub subdistrict_experience: bool,
    pub subdistrict_leadership: bool,
    /// Longest unbroken tenure, reaching the reference date, in any of the person's
    /// posts on this team (same role, same unit).
    pub years_in_post: f64,
    /// Unbroken leadership tenure in this unit reaching the reference date.
    pub years_in_team: f64,
    /// Unbroken tenure as secretary of this unit reaching the reference date.
    pub years_as_secretary: f64,
    /// Posts started before the reference date.
    pub prior_posts: u32,
}

/// A half-open spell `[start, end)` in days since the epoch; `end` = `i32::MAX` when
/// ongoing.
type Spell = (i32, i32);

/// The merged runs of `spells` clipped to `[.., until)`, in order: overlapping and
/// touching spells join, so each day (and each calendar month) is in one run only.
fn union_runs(spells: &mut [Spell], until: i32) -> Vec<Spell> {
    spells.sort_unstable();
    let mut runs: Vec<Spell> = Vec::new();
    for &(s, e) in spells.iter() {
        let e = e.min(until);
        if s >= e {
            continue;
        }
        match runs.last_mut() {
            Some((_, ce)) if s <= *ce => *ce = (*ce).max(e),
            _ => runs.push((s, e)),
        }
    }
    runs
}

/// Total length in days of the union of `spells` clipped to `[.., until)`: the measure
/// the tests state the merging of runs in (the facts use [`union_months`]).
#[cfg(test)]
fn union_days(spells: &mut [Spell], until: i32) -> i64 {
    union_runs(spells, until)
        .iter()
        .map(|&(s, e)| (e - s) as i64)
        .sum()
}

/// Total calendar length in months of the union of `spells` clipped to `[.., until)`:
/// each run counts its full months and the fraction of the last, so overlapping posts
/// count each calendar month once, and month-precision spells give whole months.
pub fn union_months(spells: &mut [Spell], until: i32) -> f64 {
    union_runs(spells, until)
        .iter()
        .map(|&(s, e)| months_between(from_epoch_days(s), from_epoch_days(e)))
        .sum()
}

/// Start of the unbroken stretch of `spells` that covers `at` (spells that touch or
/// overlap join up), or `None` when no spell covers it.
pub fn stretch_start(spells: &mut [Spell], at: i32) -> Option<i32> {
    spells.sort_unstable();
    let mut current: Option<Spell> = None;
    let mut found = None;
    for &(s, e) in spells.iter() {
        if s > at {
            break;
        }
        current = match current {
            Some((cs, ce)) if s <= ce => Some((cs, ce.max(e))),
            _ => Some((s, e)),
        };
        if let Some((cs, ce)) = current {
            if ce >= at {
                found = Some(cs);
            } else {
                found = None;
            }
        }
    }
    found
}

fn epoch(date: NaiveDate) -> i32 {
    crate::normalize::date::days_since_epoch(date)
}

/// Calendar years from day `from` to day `to`, truncated to 2 decimals.
fn years(from: i32, to: i32) -> f64 {
    trunc2(months_between(from_epoch_days(from), from_epoch_days(to)) / 12.0)
}

/// Computes the facts of every (cycle, unit, person) on the slate, sorted by cycle, unit,
/// person. Each fact depends only on its person's rows, so facts are computed in
/// parallel and collected in order: the result does not depend on the thread count.
pub fn compute(ds: &Dataset, options: &FactOptions) -> Vec<Fact> {
    compute_by(ds, options, &ds.careers.rows_by_person(ds.cadres.len()))
}

/// [`compute`] with the career rows already grouped by person (the pipeline groups them
/// once for the facts and the seats' readings, [`crate::seat_history`]).
pub fn compute_by(ds: &Dataset, options: &FactOptions, rows: &PersonRows) -> Vec<Fact> {
    // Seats per (cycle, unit, person), with their roles.
    let seats: Vec<(u32, u32, u32, Role)> = (0..ds.slate.len())
        .map(|i| {
            (
                ds.slate.cycle[i],
                ds.slate.unit[i],
                ds.slate.person[i],
                ds.slate.role[i],
            )
        })
        .collect();
    compute_seats_by(ds, options, rows, seats)
}

/// The facts of hypothetical seats `(cycle, unit, person, role)`: a candidate's age,
/// township years and tenures as if seated there (`banzi find` and `banzi suggest` judge
/// people who hold no seat yet). Sorted and grouped as [`compute`] does.
pub fn compute_seats(
    ds: &Dataset,
    options: &FactOptions,
    seats: Vec<(u32, u32, u32, Role)>,
) -> Vec<Fact> {
    compute_seats_by(
        ds,
        options,
        &ds.careers.rows_by_person(ds.cadres.len()),
        seats,
    )
}

/// [`compute_seats`] with the career rows already grouped by person: a caller that asks
/// for many small sets of seats (`banzi suggest`, a candidate at each unit they worked
/// in) groups the rows once, not once per call.
pub fn compute_seats_by(
    ds: &Dataset,
    options: &FactOptions,
    by_person: &PersonRows,
    mut seats: Vec<(u32, u32, u32, Role)>,
) -> Vec<Fact> {
    // Cycles in label order, without cloning labels in the sort.
    let mut by_label: Vec<u32> = (0..ds.cycles.len() as u32).collect();
    by_label.sort_by(|&a, &b| ds.cycles.cycle[a as usize].cmp(&ds.cycles.cycle[b as usize]));
    let mut rank = vec![0u32; ds.cycles.len()];
    for (r, &c) in by_label.iter().enumerate() {
        rank[c as usize] = r as u32;
    }
    seats.sort_unstable_by_key(|s| (rank[s.0 as usize], s.1, s.2, s.3));
    // One group of seats per (cycle, unit, person).
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    let mut k = 0;
    while k < seats.len() {
        let key = (seats[k].0, seats[k].1, seats[k].2);
        let from = k;
        while k < seats.len() && (seats[k].0, seats[k].1, seats[k].2) == key {
            k += 1;
        }
        groups.push(from..k);
    }
    let history = History {
        ds,
        options,
        by_person,
    };
    groups
        .par_iter()
        .map_init(Vec::new, |spells, g| {
            history.fact(&seats[g.clone()], spells)
        })
        .collect()
}

/// What [`compute`] prepares once and reads for each fact.
struct History<'a> {
    ds: &'a Dataset,
    options: &'a FactOptions,
    /// Career rows by person, then start, and their spells in days.
    by_person: &'a PersonRows,
}

impl History<'_> {
    /// The fact of one (cycle, unit, person) from its seats (one per role held).
    fn fact(&self, seats: &[(u32, u32, u32, Role)], spells: &mut Vec<Spell>) -> Fact {
        let (ds, careers, options) = (self.ds, &self.ds.careers, self.options);
        let (cycle, unit, person, _) = seats[0];
        let as_of = ds.cycles.as_of[cycle as usize];
        let at = epoch(as_of);
        let rows = self.by_person.of(person);
        let days = self.by_person;
        let spell = |i: u32| -> Spell { (days.start_day(i as usize), days.end_day(i as usize)) };
        let before = |i: &&u32| days.start_day(**i as usize) <= at;

        spells.clear();
        spells.extend(
            rows.iter()
                .filter(|&&i| {
                    careers.unit_kind[i as usize]
                        .is_township_work(options.subdistrict_counts_as_township)
                })
                .map(|&i| spell(i)),
        );
        let township_months = union_months(spells, at);
        let township_leadership = rows.iter().filter(before).any(|&i| {
            careers.leadership[i as usize]
                && careers.unit_kind[i as usize]
                    .is_township_work(options.subdistrict_counts_as_township)
        });
        let subdistrict_experience = rows
            .iter()
            .filter(before)
            .any(|&i| careers.unit_kind[i as usize] == UnitKind::Subdistrict);
        let subdistrict_leadership = rows.iter().filter(before).any(|&i| {
            careers.unit_kind[i as usize] == UnitKind::Subdistrict && careers.leadership[i as usize]
        });
        let mut tenure = |keep: &dyn Fn(usize) -> bool| -> f64 {
            spells.clear();
            spells.extend(
                rows.iter()
                    .filter(|&&i| keep(i as usize))
                    .map(|&i| spell(i)),
            );
            match stretch_start(spells, at) {
                Some(s) if s < at => years(s, at),
                _ => 0.0,
            }
        };
        let in_unit = |i: usize| careers.unit(i) == Some(unit);
        let years_in_post = seats
            .iter()
            .map(|&(_, _, _, role)| tenure(&|i| in_unit(i) && careers.role[i] == Some(role)))
            .fold(0.0, f64::max);
        let years_in_team = tenure(&|i| in_unit(i) && careers.leadership[i]);
        let years_as_secretary =
            tenure(&|i| in_unit(i) && careers.role[i] == Some(Role::Secretary));
        let birth = ds.cadres.birth[person as usize].to_naive();
        Fact {
            cycle,
            unit,
            person,
            age: age_at(birth, as_of),
            township_years: trunc2(township_months / 12.0),
            township_leadership,
            subdistrict_experience,
            subdistrict_leadership,
            years_in_post,
            years_in_team,
            years_as_secretary,
            prior_posts: rows.iter().filter(before).count() as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32) -> i32 {
        epoch(NaiveDate::from_ymd_opt(y, m, 1).unwrap())
    }

    #[test]
    fn overlapping_spells_count_once() {
        // 2010-01..2015-01 and 2012-01..2016-01 overlap: union is 2010-01..2016-01.
        let mut s = vec![(d(2012, 1), d(2016, 1)), (d(2010, 1), d(2015, 1))];
        assert_eq!(
            union_days(&mut s, d(2030, 1)),
            (d(2016, 1) - d(2010, 1)) as i64
        );
    }

    #[test]
    fn open_spells_end_at_the_reference_date() {
        let mut s = vec![(d(2019, 7), i32::MAX)];
        assert_eq!(
            union_days(&mut s, d(2021, 7)),
            (d(2021, 7) - d(2019, 7)) as i64
        );
        // A spell after the reference date counts nothing.
        let mut s = vec![(d(2022, 1), i32::MAX)];
        assert_eq!(union_days(&mut s, d(2021, 7)), 0);
    }

    #[test]
    fn overlapping_posts_count_each_calendar_month_once() {
        // 2016.10--2019.10 and 2018.10-- (a 镇长 also 党委副书记): 5 years on 2021-10-01.
        let mut s = vec![(d(2016, 10), d(2019, 10)), (d(2018, 10), i32::MAX)];
        assert_eq!(union_months(&mut s, d(2021, 10)), 60.0);
        // Two runs with a gap: 2010.01--2011.01 and 2012.01--2013.07, 30 months.
        let mut s = vec![(d(2012, 1), d(2013, 7)), (d(2010, 1), d(2011, 1))];
        assert_eq!(union_months(&mut s, d(2030, 1)), 30.0);
        assert_eq!(years(d(2016, 10), d(2021, 10)), 5.0);
        assert_eq!(years(d(2016, 10), d(2021, 10) - 1), 4.99);
    }

    #[test]
    fn adjacent_spells_join_into_one_stretch() {
        // 2008.05--2011.09 then 2011.09-- : one unbroken stretch from 2008.05.
        let mut s = vec![(d(2011, 9), i32::MAX), (d(2008, 5), d(2011, 9))];
        assert_eq!(stretch_start(&mut s, d(2021, 9)), Some(d(2008, 5)));
        // A gap breaks it: the stretch reaching the date starts after the gap.
        let mut s = vec![(d(2005, 1), d(2008, 1)), (d(2009, 1), i32::MAX)];
        assert_eq!(stretch_start(&mut s, d(2021, 9)), Some(d(2009, 1)));
        // Nothing covers the date.
        let mut s = vec![(d(2005, 1), d(2008, 1))];
        assert_eq!(stretch_start(&mut s, d(2021, 9)), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Spells as (start, length) in days within a 40-year window; some ongoing.
    fn spells() -> impl Strategy<Value = Vec<Spell>> {
        prop::collection::vec((0i32..14_600, 0i32..4_000, any::<bool>()), 0..12).prop_map(|v| {
            v.into_iter()
                .map(|(s, len, open)| (s, if open { i32::MAX } else { s + len }))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn union_never_exceeds_the_span_nor_the_sum(mut v in spells(), until in 0i32..16_000) {
            let total = union_days(&mut v.clone(), until);
            let first = v.iter().map(|s| s.0).min().unwrap_or(0);
            let span = (until - first).max(0) as i64;
            let sum: i64 = v.iter().map(|&(s, e)| (e.min(until) - s).max(0) as i64).sum();
            prop_assert!(total <= span, "union {total} > span {span}");
            prop_assert!(total <= sum, "union {total} > sum of spells {sum}");
            // Adding a copy of a spell (an overlapping duplicate) changes nothing.
            if let Some(&dup) = v.first() {
                v.push(dup);
                prop_assert_eq!(union_days(&mut v, until), total);
            }
        }

        #[test]
        fn union_and_stretch_do_not_depend_on_order(v in spells(), at in 0i32..16_000, seed in any::<u64>()) {
            let mut shuffled = v.clone();
            // A deterministic shuffle from the seed.
            let mut x = seed | 1;
            for i in (1..shuffled.len()).rev() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                shuffled.swap(i, (x % (i as u64 + 1)) as usize);
            }
            prop_assert_eq!(union_days(&mut v.clone(), at), union_days(&mut shuffled.clone(), at));
            prop_assert_eq!(stretch_start(&mut v.clone(), at), stretch_start(&mut shuffled, at));
        }

        #[test]
        fn a_stretch_covers_the_date_and_starts_at_a_spell(mut v in spells(), at in 0i32..16_000) {
            if let Some(s) = stretch_start(&mut v, at) {
                prop_assert!(s <= at);
                prop_assert!(v.iter().any(|sp| sp.0 == s));
                // The stretch is no longer than the union of everything up to the date.
                prop_assert!((at - s) as i64 <= union_days(&mut v.clone(), at) + 1 || at == s);
            }
        }
    }
}
