//! `diff.csv`: what a set of changes did to the findings, so an officer sees at a glance
//! that a swap fixed EXP-001 and brought no new breach.
//!
//! A finding is the same finding before and after when its rule, cycle, unit and person
//! agree: the measured value may move (6/10 → 6/11) and the breach still be there, which
//! is "unchanged", not one fixed and one new. The rows carry both observed values.

use anyhow::Result;
use std::collections::BTreeMap;
use std::path::Path;

use crate::output::csv::Writer;
use crate::rules::{Finding, Lang, Severity};

/// What happened to one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Fixed,
    New,
    Unchanged,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Fixed => "fixed",
            Status::New => "new",
            Status::Unchanged => "unchanged",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Fixed => lang.pick("已消除", "fixed"),
            Status::New => lang.pick("新出现", "new"),
            Status::Unchanged => lang.pick("仍存在", "unchanged"),
        }
    }
}

/// One row of `diff.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub status: Status,
    /// The finding after the changes (or before, when fixed).
    pub finding: Finding,
    pub observed_before: String,
    pub observed_after: String,
}

type Key = (String, String, &'static str, String);

fn key(f: &Finding) -> Key {
    (
        f.cycle.clone(),
        f.unit_id.clone(),
        f.rule,
        f.person_id.clone(),
    )
}

/// Compares the findings before and after, in the contract's order.
pub fn compare(before: &[Finding], after: &[Finding]) -> Vec<Row> {
    let mut map: BTreeMap<Key, (Option<&Finding>, Option<&Finding>)> = BTreeMap::new();
    for f in before {
        map.entry(key(f)).or_default().0.get_or_insert(f);
    }
    for f in after {
        map.entry(key(f)).or_default().1.get_or_insert(f);
    }
    map.into_values()
        .map(|pair| match pair {
            (Some(b), Some(a)) => Row {
                status: Status::Unchanged,
                finding: a.clone(),
                observed_before: b.observed.clone(),
                observed_after: a.observed.clone(),
            },
            (Some(b), None) => Row {
                status: Status::Fixed,
                finding: b.clone(),
                observed_before: b.observed.clone(),
                observed_after: String::new(),
            },
            (None, Some(a)) => Row {
                status: Status::New,
                finding: a.clone(),
                observed_before: String::new(),
                observed_after: a.observed.clone(),
            },
            (None, None) => unreachable!("every key has a finding"),
        })
        .collect()
}

/// Counts per status and severity: `[status][severity]`.
pub fn tally(rows: &[Row]) -> [[usize; 3]; 3] {
    let mut t = [[0; 3]; 3];
    for r in rows {
        let s = match r.finding.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Advice => 2,
        };
        t[r.status as usize][s] += 1;
    }
    t
}

/// Writes `diff.csv`: `status,rule,severity,scope,cycle,unit_id,person_id,observed_before,
/// observed_after,expected,message`, fixed first, then new, then unchanged.
pub fn write(rows: &[Row], path: &Path) -> Result<()> {
    let mut w = Writer::create(path)?;
    w.row([
        "status",
        "rule",
        "severity",
        "scope",
        "cycle",
        "unit_id",
        "person_id",
        "observed_before",
        "observed_after",
        "expected",
        "message",
    ])?;
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| r.status);
    for r in sorted {
        let f = &r.finding;
        w.row([
            r.status.code(),
            f.rule,
            f.severity.code(),
            f.scope.code(),
            &f.cycle,
            &f.unit_id,
            &f.person_id,
            &r.observed_before,
            &r.observed_after,
            &f.expected,
            &f.message,
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Scope;

    fn f(rule: &'static str, unit: &str, observed: &str) -> Finding {
        Finding {
            cycle: "2021".into(),
            unit_id: unit.into(),
            rule,
            person_id: String::new(),
            severity: Severity::Error,
            scope: Scope::Team,
            observed: observed.into(),
            expected: "≥ 7".into(),
            message: String::new(),
        }
    }

    #[test]
    fn a_moved_value_is_unchanged_and_a_gone_finding_fixed() {
        let before = [f("EXP-001", "T05", "6/10"), f("AGE-001", "S04", "0/8")];
        let after = [f("EXP-001", "T05", "6/11"), f("POST-001", "T05", "none")];
        let rows = compare(&before, &after);
        let by = |rule: &str| rows.iter().find(|r| r.finding.rule == rule).unwrap();
        assert_eq!(by("EXP-001").status, Status::Unchanged);
        assert_eq!(by("EXP-001").observed_before, "6/10");
        assert_eq!(by("EXP-001").observed_after, "6/11");
        assert_eq!(by("AGE-001").status, Status::Fixed);
        assert_eq!(by("POST-001").status, Status::New);
        let t = tally(&rows);
        assert_eq!(t[Status::Fixed as usize][0], 1);
        assert_eq!(t[Status::New as usize][0], 1);
    }
}
