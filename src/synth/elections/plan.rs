//! Which lists each unit gets and which election breaches are planted where: a fixed
//! plan for the sample, a drawn one (about one unit in twelve) in scale mode.

use super::super::model::World;
use super::super::rng::Rng;
use crate::normalize::unit_kind::UnitKind;

/// A breach of an election rule planted in one unit's 2021 elections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EBreach {
    /// 10 of 40 PC delegates re-elected (25%).
    Del001,
    /// The frontline share of PC delegates equals 2016's.
    Del002,
    /// A 党政干部 delegate in a 农民 seat.
    Del003,
    /// 8 of 40 PC delegates are leading cadres (2016: 6).
    Del004,
    /// 9 women among 40 PC delegates.
    Del005,
    /// A party-congress delegate also elected PC delegate of the same unit.
    Del009,
    /// 55 party-congress candidates for 50 seats (and DEL-011 follows).
    Del010,
    /// No spare party-committee candidate.
    Del012,
    /// The party-committee margin falls below 2016's (still at least 20%).
    Del013,
    /// Two party-committee candidates out of stroke order.
    Del014,
    /// The competitive election of the deputy heads has one candidate per seat.
    Del024,
    Delel001,
    Delel002,
    Delel003,
    Delel004,
    /// A constituency elects 4 delegates.
    Eadm001,
    /// An election-committee member is a PC candidate.
    Eadm002,
    /// A PC candidate holds a proxy vote.
    Eadm004,
    /// A 街道 of 620 party members elects its committee at a 党员大会.
    Eadm008,
    /// The presidium chair is part-time.
    Size009,
    /// Two full-time presidium vice-chairs.
    Size010,
    /// A 街道 party congress of 90 seats.
    Size011,
    /// 42 PC seats in 2021 against 40 in 2016.
    Size013,
    /// The presidium chair is on no county list.
    Post008,
    /// A deputy head on the presidium.
    Post009,
    /// A party-committee member elected PC delegate and not on the presidium.
    Post013,
}

impl EBreach {
    pub const ALL: [EBreach; 26] = [
        EBreach::Del001,
        EBreach::Del002,
        EBreach::Del003,
        EBreach::Del004,
        EBreach::Del005,
        EBreach::Del009,
        EBreach::Del010,
        EBreach::Del012,
        EBreach::Del013,
        EBreach::Del014,
        EBreach::Del024,
        EBreach::Delel001,
        EBreach::Delel002,
        EBreach::Delel003,
        EBreach::Delel004,
        EBreach::Eadm001,
        EBreach::Eadm002,
        EBreach::Eadm004,
        EBreach::Eadm008,
        EBreach::Size009,
        EBreach::Size010,
        EBreach::Size011,
        EBreach::Size013,
        EBreach::Post008,
        EBreach::Post009,
        EBreach::Post013,
    ];

    /// Whether the breach can be planted in a unit of `kind` with these lists.
    pub fn fits(self, kind: UnitKind, pc: bool, pcg: bool) -> bool {
        use EBreach::*;
        let town = kind == UnitKind::Township;
        match self {
            Del001 | Del002 | Del003 | Del004 | Del005 | Delel001 | Delel002 | Delel003
            | Delel004 | Eadm001 | Eadm002 | Eadm004 | Size013 => pc,
            // The delegate on both lists, and the committee member on the PC list: the
            // second must not also be a party-congress delegate (DEL-009).
            Del009 => pc && pcg,
            Post013 => pc && !pcg,
            Del010 => pcg,
            Del012 | Del014 => true,
            Del013 | Del024 | Size009 | Size010 | Post008 | Post009 => town,
            Eadm008 | Size011 => !town,
        }
    }
}

/// The lists and breaches of one unit.
#[derive(Debug, Clone, Default)]
pub struct UnitPlan {
    /// PC delegate lists (2016 and 2021).
    pub pc: bool,
    /// Party-congress lists (2016 and 2021).
    pub pcg: bool,
    pub breaches: Vec<EBreach>,
}

/// The plan of a world: one entry per unit, and per area whether its county list
/// carries the DELEL-005 breach.
#[derive(Debug, Clone, Default)]
pub struct Plans {
    pub units: Vec<UnitPlan>,
    pub county_delel005: Vec<bool>,
}

/// The sample's plan (units T01–T12, S01–S06 in this order; 青山县 is area 0).
pub fn sample(w: &World) -> Plans {
    use EBreach::*;
    let fixed: [(&str, bool, bool, &[EBreach]); 18] = [
        ("T01", true, true, &[Del003, Del009, Delel001, Size013]),
        ("T02", true, false, &[Del001, Eadm004, Post013, Delel002]),
        ("T03", true, false, &[Del002, Eadm001, Delel003]),
        ("T04", true, false, &[Del004, Del005, Eadm002, Delel004]),
        ("T05", false, true, &[Del010]),
        ("T06", false, false, &[Del013]),
        ("T07", false, false, &[Del014]),
        ("T08", false, false, &[Del024]),
        ("T09", false, false, &[Size009]),
        ("T10", false, false, &[Size010]),
        ("T11", false, false, &[Post008]),
        ("T12", false, false, &[Post009]),
        ("S01", false, false, &[Del012]),
        ("S02", false, false, &[Eadm008]),
        ("S03", false, false, &[Size011]),
        ("S04", false, false, &[]),
        ("S05", false, false, &[]),
        ("S06", false, false, &[]),
    ];
    let units = w
        .units
        .iter()
        .map(|u| {
            let (_, pc, pcg, b) = fixed
                .iter()
                .find(|f| f.0 == u.id)
                .expect("a sample unit of the plan");
            UnitPlan {
                pc: *pc,
                pcg: *pcg,
                breaches: b.to_vec(),
            }
        })
        .collect();
    let county_delel005 = w.areas.iter().map(|a| !a.district).collect();
    Plans {
        units,
        county_delel005,
    }
}

/// Scale mode: a quarter of the townships have PC lists, a tenth party-congress lists,
/// one unit in twelve one breach, one county in ten the DELEL-005 breach.
pub fn scale(w: &World, rng: &mut Rng) -> Plans {
    let units = w
        .units
        .iter()
        .map(|u| {
            let town = u.kind == UnitKind::Township;
            let pc = town && rng.chance(0.25);
            let pcg = town && rng.chance(0.1);
            let mut breaches = Vec::new();
            if rng.chance(1.0 / 12.0) {
                let fitting: Vec<EBreach> = EBreach::ALL
                    .into_iter()
                    .filter(|b| b.fits(u.kind, pc, pcg))
                    .collect();
                breaches.push(rng.choose(&fitting));
            }
            UnitPlan { pc, pcg, breaches }
        })
        .collect();
    let county_delel005 = w
        .areas
        .iter()
        .map(|a| !a.district && rng.chance(0.1))
        .collect();
    Plans {
        units,
        county_delel005,
    }
}
