//! The generator's in-memory model: areas (counties and districts), units, persons with
//! their work history, the seats of each team in each cycle, kinship relations, and the
//! breaches planted on purpose.
//!
//! Writing the CSV tables and checking the rules (the test oracle) both read this model,
//! so the tables and the expected-findings list cannot drift apart. Dates are months
//! (`Ym`) because cadre records are kept to the month; rule arithmetic turns them into
//! the first of the month, as `normalize::date` does.

use crate::normalize::unit_kind::UnitKind;
use chrono::NaiveDate;

/// A calendar month, stored as `year * 12 + month - 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ym(pub i32);

impl Ym {
    pub const fn new(year: i32, month: u32) -> Ym {
        Ym(year * 12 + month as i32 - 1)
    }
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }
    pub fn month(self) -> u32 {
        (self.0.rem_euclid(12) + 1) as u32
    }
    pub fn plus(self, months: i32) -> Ym {
        Ym(self.0 + months)
    }
    /// The first day of the month (how month-precision dates enter arithmetic).
    pub fn date(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), self.month(), 1).expect("valid month")
    }
    /// `2016.10`, the résumé spelling.
    pub fn dotted(self) -> String {
        format!("{:04}.{:02}", self.year(), self.month())
    }
    /// `2016-10`, the table spelling.
    pub fn dashed(self) -> String {
        format!("{:04}-{:02}", self.year(), self.month())
    }
}

/// The two transition cycles every dataset holds.
pub const CYCLE_YEARS: [i32; 2] = [2016, 2021];

/// The reference date of cycle `c` (30 September of its year).
pub fn as_of(c: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(CYCLE_YEARS[c], 9, 30).expect("valid date")
}

/// The month the teams of cycle `c` take office (right after the reference date).
pub fn election(c: usize) -> Ym {
    Ym::new(CYCLE_YEARS[c], 10)
}

/// The exit (retirement) age of men used by AGE-004/005 (the checker's
/// `retirement_age_male`).
pub const EXIT_AGE_MALE: i32 = 60;
/// The exit (retirement) age of women used by AGE-004/005 (the checker's
/// `retirement_age_female`).
pub const EXIT_AGE_FEMALE: i32 = 55;

/// The oldest a woman on a slate may be at a cycle's reference date without an AGE-004
/// or AGE-005 finding (55 minus 3 or 5 years, less one, since a completed age of 52 can
/// leave under 3 years): 51 when re-nominated, transferred or exchanged, 49 when newly
/// promoted. The generator keeps every woman it seats within these caps.
pub fn female_age_cap(nomination: Nomination) -> i32 {
    if nomination == Nomination::New {
        EXIT_AGE_FEMALE - 5 - 1
    } else {
        EXIT_AGE_FEMALE - 3 - 1
    }
}

/// Canonical roles of the data contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Secretary,
    DeputySecretary,
    DeputySecretaryPartyBuilding,
    Head,
    PcHead,
    DisciplineSecretary,
    DisciplineDeputySecretary,
    OrganizationMember,
    DeputyHead,
    ArmedForcesHead,
    Member,
}

impl Role {
    /// Secretary, head and people's-congress head are the principal posts (正职).
    pub fn is_principal(self) -> bool {
        matches!(self, Role::Secretary | Role::Head | Role::PcHead)
    }
}

/// The body a slate row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Body {
    Party,
    Discipline,
    Government,
    Congress,
}

impl Body {
    pub fn label(self) -> &'static str {
        match self {
            Body::Party => "党委",
            Body::Discipline => "纪委",
            Body::Government => "政府",
            Body::Congress => "人大",
        }
    }
}

/// Nomination type of a slate row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nomination {
    /// 新提拔: first leadership post or a rank promotion.
    New,
    /// 继续提名: same post in the same unit.
    Continued,
    /// 平级转任: another post of the same rank in the same unit.
    Transfer,
    /// 交流: same rank, exchanged in from another unit.
    Exchanged,
}

impl Nomination {
    pub fn label(self) -> &'static str {
        match self {
            Nomination::New => "新提拔",
            Nomination::Continued => "继续提名",
            Nomination::Transfer => "平级转任",
            Nomination::Exchanged => "交流",
        }
    }
}

/// A seat type of a township or sub-district team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    Secretary,
    /// The government head; also deputy party secretary unless `Seat::deputy_row` is off.
    Head,
    PartyBuilding,
    /// A plain deputy party secretary (stands in where a required post is left out).
    DeputySecretary,
    PcHead,
    Discipline,
    /// Deputy discipline secretary, a plain 纪委 row (not a team member for share rules).
    DisciplineDeputy,
    Organization,
    Propaganda,
    ArmedForces,
    DeputyHead,
}

impl Slot {
    /// 2 for 正科 (principal) seats, 1 for 副科.
    pub fn rank(self) -> u8 {
        if self.is_principal() {
            2
        } else {
            1
        }
    }
    pub fn is_principal(self) -> bool {
        matches!(self, Slot::Secretary | Slot::Head | Slot::PcHead)
    }
}

/// A row definition produced by a seat.
#[derive(Debug, Clone, Copy)]
pub struct RowDef {
    pub body: Body,
    pub title: &'static str,
    pub role: Role,
    pub fulltime: bool,
}

/// One seat of a team in one cycle.
#[derive(Debug, Clone)]
pub struct Seat {
    pub slot: Slot,
    /// Head only: also holds the deputy party secretary row (normal).
    pub deputy_row: bool,
    /// PcHead / DeputyHead: also a party-committee member (党委委员 row).
    pub committee_row: bool,
    /// Discipline only: the discipline secretary is full-time.
    pub fulltime: bool,
    pub person: Option<usize>,
    pub nomination: Nomination,
    /// Planned to be filled by someone aged 35 or under (AGE-002 share of principals).
    pub young_principal: bool,
}

impl Seat {
    pub fn new(slot: Slot) -> Seat {
        Seat {
            slot,
            deputy_row: slot == Slot::Head,
            committee_row: false,
            fulltime: true,
            person: None,
            nomination: Nomination::New,
            young_principal: false,
        }
    }

    /// Whether every row of this seat is a government row (the only seats a 党外 cadre
    /// can hold).
    pub fn government_only(&self) -> bool {
        self.slot == Slot::DeputyHead && !self.committee_row
    }

    /// The slate rows of this seat in `unit`, party-committee rows first.
    pub fn rows(&self, unit: &Unit) -> Vec<RowDef> {
        let sub = unit.kind == UnitKind::Subdistrict;
        let t = |street: &'static str, town: &'static str| if sub { street } else { town };
        let member = t("党工委委员", "党委委员");
        let row = |body, title, role, fulltime| RowDef {
            body,
            title,
            role,
            fulltime,
        };
        match self.slot {
            Slot::Secretary => vec![row(
                Body::Party,
                t("党工委书记", "党委书记"),
                Role::Secretary,
                true,
            )],
            Slot::Head => {
                let head = if sub {
                    "办事处主任"
                } else if unit.zhen {
                    "镇长"
                } else {
                    "乡长"
                };
                let mut rows = Vec::with_capacity(2);
                if self.deputy_row {
                    rows.push(row(
                        Body::Party,
                        t("党工委副书记", "党委副书记"),
                        Role::DeputySecretary,
                        false,
                    ));
                }
                rows.push(row(Body::Government, head, Role::Head, true));
                rows
            }
            Slot::PartyBuilding => vec![row(
                Body::Party,
                t("党工委专职副书记", "党委专职副书记"),
                Role::DeputySecretaryPartyBuilding,
                true,
            )],
            Slot::DeputySecretary => vec![row(
                Body::Party,
                t("党工委副书记", "党委副书记"),
                Role::DeputySecretary,
                true,
            )],
            Slot::PcHead => {
                let mut rows = Vec::with_capacity(2);
                if self.committee_row {
                    rows.push(row(Body::Party, member, Role::Member, false));
                }
                rows.push(row(
                    Body::Congress,
                    t("人大工委主任", "人大主席"),
                    Role::PcHead,
                    true,
                ));
                rows
            }
            Slot::Discipline => vec![row(
                Body::Party,
                t("纪工委书记", "纪委书记"),
                Role::DisciplineSecretary,
                self.fulltime,
            )],
            Slot::DisciplineDeputy => vec![row(
                Body::Discipline,
                t("纪工委副书记", "纪委副书记"),
                Role::DisciplineDeputySecretary,
                true,
            )],
            Slot::Organization => {
                vec![row(Body::Party, "组织委员", Role::OrganizationMember, true)]
            }
            Slot::Propaganda => vec![row(Body::Party, "宣传委员", Role::Member, true)],
            Slot::ArmedForces => vec![row(Body::Party, "人武部长", Role::ArmedForcesHead, true)],
            Slot::DeputyHead => {
                let title = if sub {
                    "办事处副主任"
                } else if unit.zhen {
                    "副镇长"
                } else {
                    "副乡长"
                };
                let mut rows = Vec::with_capacity(2);
                if self.committee_row {
                    rows.push(row(Body::Party, member, Role::Member, false));
                }
                rows.push(row(Body::Government, title, Role::DeputyHead, true));
                rows
            }
        }
    }

    /// The posts of this seat as a career spell records them.
    pub fn posts(&self, unit: &Unit) -> Vec<Post> {
        self.rows(unit)
            .into_iter()
            .map(|r| Post {
                title: r.title.to_string(),
                role: Some(r.role),
                leadership: true,
            })
            .collect()
    }
}

/// Where a spell was served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Index of a generated unit, when the place is one.
    pub unit: Option<usize>,
    /// Full name, e.g. `青山县柳河镇`, `青山县农业农村局`, `河西大学`.
    pub name: String,
    pub kind: UnitKind,
}

/// One post within a spell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub title: String,
    /// The team role, for posts in a township or sub-district team.
    pub role: Option<Role>,
    pub leadership: bool,
}

/// A spell of work (or study): one place, one or more concurrent posts.
#[derive(Debug, Clone)]
pub struct Spell {
    pub start: Ym,
    /// `None` = ongoing.
    pub end: Option<Ym>,
    pub place: Place,
    pub posts: Vec<Post>,
}

/// A person (cadre).
#[derive(Debug, Clone)]
pub struct Person {
    /// `None` while the generator has not decided yet.
    pub female: Option<bool>,
    pub name: String,
    pub birth: Ym,
    pub minority: bool,
    pub ethnicity: &'static str,
    pub party: &'static str,
    pub education: &'static str,
    pub specialties: Vec<&'static str>,
    pub native: Option<String>,
    pub staffing: &'static str,
    pub vetting_hold: bool,
    pub spells: Vec<Spell>,
    pub area: usize,
    /// (unit, seat index) in each cycle.
    pub seat: [Option<(usize, usize)>; 2],
    /// Planted so that it must stay in its seat in 2021.
    pub must_continue: bool,
}

impl Person {
    pub fn is_female(&self) -> bool {
        self.female == Some(true)
    }

    /// The exit age by gender (AGE-004/005).
    pub fn exit_age(&self) -> i32 {
        if self.is_female() {
            EXIT_AGE_FEMALE
        } else {
            EXIT_AGE_MALE
        }
    }

    /// Staffing or career from one of the EXP-006 source groups.
    pub fn is_source(&self) -> bool {
        SOURCE_STAFFING_SET.contains(&self.staffing)
            || self.spells.iter().any(|s| {
                matches!(
                    s.place.kind,
                    UnitKind::Village | UnitKind::PublicInstitution
                ) || s.posts.iter().any(|p| p.title.contains("大学生村官"))
            })
    }
}

const SOURCE_STAFFING_SET: [&str; 3] = super::vocab::SOURCE_STAFFING;

/// A unit whose team is generated (乡镇 or 街道).
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub short: String,
    pub full: String,
    pub kind: UnitKind,
    /// 镇 rather than 乡 (townships only).
    pub zhen: bool,
    pub minority_area: bool,
    pub area: usize,
    /// Breaches planted in this unit's 2021 team.
    pub breaches: Vec<Breach>,
}

impl Unit {
    pub fn has(&self, b: Breach) -> bool {
        self.breaches.contains(&b)
    }
}

/// A county (乡镇 parent) or district (街道 parent).
#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub district: bool,
    pub units: Vec<usize>,
    /// Township places of a neighbouring county (for a sub-district principal who has
    /// never worked in a 街道).
    pub neighbours: Vec<Place>,
    pub breaches: Vec<AreaBreach>,
}

/// A kinship pair.
#[derive(Debug, Clone)]
pub struct Relation {
    pub person: usize,
    pub relative: usize,
    /// Decided once genders and ages are known.
    pub relation: &'static str,
}

/// Breaches that can be planted in one 2021 team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Breach {
    Size001,
    Size002,
    Size005,
    Post001,
    Post002,
    Post003,
    Age001,
    Age003,
    Age004,
    Age005,
    Exp001,
    Exp002,
    Exp006,
    Eth001,
    Gen004,
    Rot001,
    Rot002,
    Rot003,
    Rot004,
    Rot006Kin,
    Rot006Native,
    Elig001,
    Spec001,
    Spec002,
}

impl Breach {
    pub const ALL: [Breach; 24] = [
        Breach::Size001,
        Breach::Size002,
        Breach::Size005,
        Breach::Post001,
        Breach::Post002,
        Breach::Post003,
        Breach::Age001,
        Breach::Age003,
        Breach::Age004,
        Breach::Age005,
        Breach::Exp001,
        Breach::Exp002,
        Breach::Exp006,
        Breach::Eth001,
        Breach::Gen004,
        Breach::Rot001,
        Breach::Rot002,
        Breach::Rot003,
        Breach::Rot004,
        Breach::Rot006Kin,
        Breach::Rot006Native,
        Breach::Elig001,
        Breach::Spec001,
        Breach::Spec002,
    ];

    /// Whether the breach can be planted in `unit`.
    pub fn fits(self, unit: &Unit) -> bool {
        let sub = unit.kind == UnitKind::Subdistrict;
        match self {
            Breach::Size001
            | Breach::Size002
            | Breach::Post003
            | Breach::Age001
            | Breach::Exp002
            | Breach::Rot001
            | Breach::Rot002
            | Breach::Rot003 => sub,
            Breach::Size005 => !sub && unit.zhen,
            // AGE-003/004/005 are 乡镇 rules (members of the party committee or 纪委).
            Breach::Exp006 | Breach::Spec001 | Breach::Age003 | Breach::Age004 | Breach::Age005 => {
                !sub
            }
            Breach::Eth001 => !sub && unit.minority_area,
            _ => true,
        }
    }
}

/// Breaches planted over a whole district in 2021.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AreaBreach {
    /// No 街道 principal aged 35 or under.
    Age002,
    /// Women in 街道 teams not more than in 2016.
    Gen002,
}

/// A finding (planted or computed): rule, cycle index, unit, person, area, note.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub rule: &'static str,
    pub cycle: usize,
    pub unit: Option<usize>,
    pub person: Option<usize>,
    /// Set for aggregate and cycle findings over an area (unit is then `None`).
    pub area: Option<usize>,
    pub note: String,
}

impl Finding {
    /// The identity of a finding (everything but the note).
    pub fn key(
        &self,
    ) -> (
        &'static str,
        usize,
        Option<usize>,
        Option<usize>,
        Option<usize>,
    ) {
        (self.rule, self.cycle, self.unit, self.person, self.area)
    }
}

/// Everything generated for a set of areas.
#[derive(Debug, Clone, Default)]
pub struct World {
    pub areas: Vec<Area>,
    pub units: Vec<Unit>,
    pub persons: Vec<Person>,
    /// `teams[c][u]`: the seats of unit `u` in cycle `c`.
    pub teams: [Vec<Vec<Seat>>; 2],
    pub relations: Vec<Relation>,
    /// Breaches planted, with a note on what was done.
    pub planted: Vec<Finding>,
    /// Number of the first person (`P…` ids count from here).
    pub person_base: usize,
    /// Digits of person ids.
    pub person_digits: usize,
    /// The election tables (built once the teams are).
    pub elections: super::elections::ElectionSet,
}

impl World {
    pub fn person_id(&self, p: usize) -> String {
        format!(
            "P{:0width$}",
            self.person_base + p + 1,
            width = self.person_digits
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_round_trip() {
        let m = Ym::new(2016, 10);
        assert_eq!((m.year(), m.month()), (2016, 10));
        assert_eq!(m.plus(3).dotted(), "2017.01");
        assert_eq!(m.dashed(), "2016-10");
        assert_eq!(m.date(), NaiveDate::from_ymd_opt(2016, 10, 1).unwrap());
        assert!(election(1).date() > as_of(1));
    }

    #[test]
    fn head_seat_rows() {
        let unit = Unit {
            id: "T01".into(),
            short: "柳河镇".into(),
            full: "青山县柳河镇".into(),
            kind: UnitKind::Township,
            zhen: true,
            minority_area: false,
            area: 0,
            breaches: vec![],
        };
        let rows = Seat::new(Slot::Head).rows(&unit);
        let titles: Vec<&str> = rows.iter().map(|r| r.title).collect();
        assert_eq!(titles, ["党委副书记", "镇长"]);
        assert_eq!(rows[1].body.label(), "政府");
        let mut street = unit.clone();
        street.kind = UnitKind::Subdistrict;
        let mut dh = Seat::new(Slot::DeputyHead);
        dh.committee_row = true;
        let titles: Vec<&str> = dh.rows(&street).iter().map(|r| r.title).collect();
        assert_eq!(titles, ["党工委委员", "办事处副主任"]);
    }
}
