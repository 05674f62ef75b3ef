//! The frames every rule works on, built once per run from the loaded dataset and the
//! work-history facts:
//!
//! - `seats`: one row per slate row (a post), with the holder's attributes, facts and
//!   seat readings of the work history (`exchange`, `village_background`, see
//!   [`crate::seat_history`]), and the cycle, unit and person as indexes (`cycle_index`,
//!   `unit`, `person`, as in the election frames);
//! - `members` (a filter of `seats`, [`Context::members`]): one row per distinct person
//!   of each team (share rules count persons),
//!   leaving out the rows with body 纪委 other than the 纪委书记, that is the 纪委副书记 and
//!   the plain members (they sit on the discipline committee, not on the leadership
//!   team; SIZE-001 and SIZE-006 read the same split);
//! - `prev`: for each team, the persons of the same unit's team in the previous cycle.
//!
//! Each row carries its team's preset (`township` or `subdistrict`), so a rule applies the
//! preset's severity to each team with one expression.

use polars::prelude::*;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

use super::config::{Config, Preset, PresetChoice};
use crate::dataset::tables::FastMap;
use crate::dataset::Dataset;
use crate::facts::Fact;
use crate::normalize::date::{months_after, months_between, trunc2};
use crate::normalize::gender::Gender;
use crate::normalize::unit_kind::UnitKind;
use crate::seat_history::SeatHistory;

/// The frames of one run.
pub struct Context {
    /// One row per seat; `first_member` marks the rows of [`Context::members`].
    pub seats: DataFrame,
    /// The dataset, shared, for names in messages (units, areas, persons) and parents.
    ds: Arc<Dataset>,
    /// Reference date of each cycle, `YYYY-MM-DD`.
    pub as_of: HashMap<String, String>,
    /// `cycle` → `previous` cycle.
    pub previous: HashMap<String, String>,
    /// Kinship pairs as (person_id, relative_id, relation).
    pub relations: Vec<(String, String, String)>,
    pub config: Config,
    /// The election frames, when the dataset has election tables.
    pub elections: Option<super::election_context::ElectionContext>,
}

/// The preset of a unit kind under a choice.
pub fn preset_of(kind: UnitKind, choice: PresetChoice) -> Preset {
    match choice {
        PresetChoice::Force(p) => p,
        PresetChoice::Auto if kind == UnitKind::Subdistrict => Preset::Subdistrict,
        PresetChoice::Auto if matches!(kind, UnitKind::County | UnitKind::City) => Preset::County,
        PresetChoice::Auto => Preset::Township,
    }
}

/// Calendar years from `as_of` to the exit age (`retirement_age_female` or
/// `retirement_age_male`), truncated to 2 decimals: a man born in 1966.10 with an exit
/// age of 60 has exactly 5 years left on 2021-10-01, and 4.99 the day after. Negative
/// once the exit age is passed.
pub fn years_left_at(
    birth: chrono::NaiveDate,
    female: bool,
    as_of: chrono::NaiveDate,
    global: &super::config::Global,
) -> f64 {
    let exit_age = if female {
        global.retirement_age_female
    } else {
        global.retirement_age_male
    };
    let exit = months_after(birth, (exit_age * 12.0).round() as i32);
    trunc2(months_between(as_of, exit) / 12.0)
}

/// One row per unit: `unit_id, unit_name, kind, preset, parent_id, minority_area`.
fn unit_columns(ds: &Dataset, config: &Config) -> PolarsResult<[Column; 6]> {
    let u = &ds.units;
    Ok([
        Column::new(
            "unit_id".into(),
            u.unit_id.iter().map(String::as_str).collect::<Vec<_>>(),
        ),
        Column::new(
            "unit_name".into(),
            u.name.iter().map(String::as_str).collect::<Vec<_>>(),
        ),
        few_categories("kind", u.kind.iter().map(|k| Some(k.label())))?,
        few_categories(
            "preset",
            u.kind
                .iter()
                .map(|&k| Some(preset_of(k, config.choice).code())),
        )?,
        Column::new(
            "parent_id".into(),
            u.parent_id.iter().map(Option::as_deref).collect::<Vec<_>>(),
        ),
        Column::new("minority_area".into(), &u.minority_area),
    ])
}

/// A text column of few distinct texts, each held once and gathered per row. Built from
/// a `&str` per row, polars copies every text longer than 12 bytes per row (a native
/// place, the specialties): at 40,000 units 868,000 seats, about 17 MB a column beside
/// the 14 MB of the rows' views. For the texts rules search in; the others are
/// [`few_categories`].
pub(super) fn few_texts<'a>(
    name: &str,
    rows: impl IntoIterator<Item = Option<&'a str>>,
) -> PolarsResult<Column> {
    gathered(name, rows, None)
}

/// The categorical type of the frames' columns of few distinct texts: their codes in
/// polars' global categories, so that two frames' columns join and compare as they are.
/// Never cast one to a number: that gives its codes, which differ from run to run.
pub(super) fn categorical() -> DataType {
    DataType::from_categories(Categories::global())
}

/// A column of few distinct texts (a body, a role code, a category) as a categorical:
/// 4 bytes a row instead of a 16-byte view. At 40,000 units, with nine such columns of
/// the seats, five of the candidates and three of the elections, the rules' own peak
/// went 1.25 → about 1.0 GB. Compared with a text, grouped, joined with another frame's
/// categorical and sorted as the texts would be (polars sorts a categorical by its
/// texts, not by its codes, which depend on the order the texts were first met and so
/// are read by nothing); a rule that needs the text itself (`.str()`) casts it, and
/// [`Rows`](super::frame::Rows) reads it back as text. The ids and the texts rules
/// search in (specialties, native places, staffing) stay texts.
pub(super) fn few_categories<'a>(
    name: &str,
    rows: impl IntoIterator<Item = Option<&'a str>>,
) -> PolarsResult<Column> {
    gathered(name, rows, Some(&categorical()))
}

/// The distinct texts of `rows` as a column (of `dtype` when given), gathered per row.
fn gathered<'a>(
    name: &str,
    rows: impl IntoIterator<Item = Option<&'a str>>,
    dtype: Option<&DataType>,
) -> PolarsResult<Column> {
    let mut distinct: Vec<&str> = Vec::new();
    let mut at: FastMap<&str, IdxSize> = FastMap::default();
    let mut codes: Vec<Option<IdxSize>> = Vec::new();
    for text in rows {
        codes.push(text.map(|t| {
            *at.entry(t).or_insert_with(|| {
                distinct.push(t);
                (distinct.len() - 1) as IdxSize
            })
        }));
    }
    let codes = IdxCa::from_slice_options(name.into(), &codes);
    let distinct = Column::new(name.into(), distinct);
    match dtype {
        Some(dtype) => distinct.cast(dtype)?.take(&codes),
        None => distinct.take(&codes),
    }
}

/// The team frames of a run, before the election frames are added (see
/// [`Context::assemble`]).
pub struct TeamFrames {
    seats: DataFrame,
    as_of: HashMap<String, String>,
    previous: HashMap<String, String>,
    relations: Vec<(String, String, String)>,
}

/// The seats' own columns and their holders' coded ones, row by row (the first half of
/// [`Context::team_frames`]'s columns).
struct SeatHalf<'a> {
    body: Vec<&'static str>,
    role: Vec<&'static str>,
    principal: Vec<bool>,
    member: Vec<bool>,
    person_id: Vec<&'a str>,
    nomination: Vec<Option<&'static str>>,
    fulltime: Vec<Option<bool>>,
    gender: Vec<&'static str>,
    woman: Vec<bool>,
    age: Vec<i32>,
    years_left: Vec<f64>,
    minority: Vec<bool>,
    vetting_hold: Vec<bool>,
}

impl<'a> SeatHalf<'a> {
    fn build(ds: &'a Dataset, fact: &[Option<u32>], facts: &[Fact], config: &Config) -> Self {
        let (s, c) = (&ds.slate, &ds.cadres);
        let n = s.len();
        let mut h = SeatHalf {
            body: Vec::with_capacity(n),
            role: Vec::with_capacity(n),
            principal: Vec::with_capacity(n),
            member: Vec::with_capacity(n),
            person_id: Vec::with_capacity(n),
            nomination: Vec::with_capacity(n),
            fulltime: Vec::with_capacity(n),
            gender: Vec::with_capacity(n),
            woman: Vec::with_capacity(n),
            age: Vec::with_capacity(n),
            years_left: Vec::with_capacity(n),
            minority: Vec::with_capacity(n),
            vetting_hold: Vec::with_capacity(n),
        };
        for (i, fact) in fact.iter().enumerate() {
            let pi = s.person[i] as usize;
            let f = fact.map(|x| &facts[x as usize]);
            let pr = preset_of(ds.units.kind[s.unit[i] as usize], config.choice);
            h.body.push(s.body[i].label_zh());
            h.role.push(s.role[i].code());
            h.principal
                .push(s.role[i].is_principal(pr == Preset::Subdistrict));
            h.member.push(s.role[i].is_team_member(s.body[i]));
            h.person_id.push(&c.person_id[pi]);
            h.nomination.push(s.nomination[i].map(|n| n.code()));
            h.fulltime.push(s.fulltime[i]);
            let g = c.gender[pi];
            h.gender.push(g.code());
            h.woman.push(g == Gender::Female);
            h.age.push(f.map_or(0, |f| f.age));
            h.years_left.push(years_left_at(
                c.birth[pi].to_naive(),
                g == Gender::Female,
                ds.cycles.as_of[s.cycle[i] as usize],
                &config.global,
            ));
            h.minority.push(c.ethnicity[pi].is_minority());
            h.vetting_hold.push(c.vetting_hold[pi]);
        }
        h
    }

    fn columns(self) -> PolarsResult<Vec<Column>> {
        Ok(vec![
            few_categories("body", self.body.into_iter().map(Some))?,
            few_categories("role", self.role.into_iter().map(Some))?,
            Column::new("principal".into(), self.principal),
            Column::new("member".into(), self.member),
            Column::new("person_id".into(), self.person_id),
            few_categories("nomination", self.nomination)?,
            Column::new("fulltime".into(), self.fulltime),
            few_categories("gender", self.gender.into_iter().map(Some))?,
            Column::new("woman".into(), self.woman),
            Column::new("age".into(), self.age),
            Column::new("years_left".into(), self.years_left),
            Column::new("minority".into(), self.minority),
            Column::new("vetting_hold".into(), self.vetting_hold),
        ])
    }
}

/// The holders' texts, party and education, and the facts' readings of the work history
/// (the second half of [`Context::team_frames`]'s columns, after [`SeatHalf`]'s, which
/// has the age).
fn holder_columns(ds: &Dataset, fact: &[Option<u32>], facts: &[Fact]) -> PolarsResult<Vec<Column>> {
    let (s, c) = (&ds.slate, &ds.cadres);
    let person = |i: usize| s.person[i] as usize;
    let fact_of = |i: usize| fact[i].map(|x| &facts[x as usize]);
    let reading = |name: &str, read: fn(&Fact) -> f64| {
        let v: Vec<f64> = (0..s.len()).map(|i| fact_of(i).map_or(0.0, read)).collect();
        Column::new(name.into(), v)
    };
    let flag = |name: &str, read: fn(&Fact) -> bool| {
        let v: Vec<bool> = (0..s.len()).map(|i| fact_of(i).is_some_and(read)).collect();
        Column::new(name.into(), v)
    };
    let rows = 0..s.len();
    Ok(vec![
        few_texts(
            "staffing",
            rows.clone()
                .map(|i| c.staffing[person(i)].as_deref().map(String::as_str)),
        )?,
        few_texts(
            "specialties",
            rows.clone()
                .map(|i| Some(c.specialties[person(i)].as_str())),
        )?,
        few_categories(
            "first_specialty",
            rows.clone().map(|i| {
                c.specialties[person(i)]
                    .split(';')
                    .next()
                    .filter(|s| !s.is_empty())
            }),
        )?,
        few_texts(
            "native_place",
            rows.clone()
                .map(|i| c.native_place[person(i)].as_deref().map(String::as_str)),
        )?,
        reading("township_years", |f| f.township_years),
        flag("township_leadership", |f| f.township_leadership),
        Column::new(
            "non_cpc".into(),
            rows.clone()
                .map(|i| c.party[person(i)].as_ref().map(|p| !p.cpc()))
                .collect::<Vec<_>>(),
        ),
        few_categories(
            "education",
            rows.map(|i| c.education[person(i)].map(|e| e.label_zh())),
        )?,
        flag("subdistrict_experience", |f| f.subdistrict_experience),
        reading("years_in_post", |f| f.years_in_post),
        reading("years_in_team", |f| f.years_in_team),
        reading("years_as_secretary", |f| f.years_as_secretary),
    ])
}

impl Context {
    /// The frames of a run, team and election frames alike.
    pub fn build(ds: &Arc<Dataset>, facts: &[Fact], config: &Config) -> PolarsResult<Context> {
        let rows = ds.careers.rows_by_person(ds.cadres.len());
        let history = crate::seat_history::compute(ds, &rows);
        let team = Context::team_frames(ds, facts, history, config)?;
        let elections = super::election_context::ElectionContext::build(
            ds,
            &super::election_context::PersonTraits::of(&ds.cadres),
            config,
        )?;
        Ok(Context::assemble(team, elections, Arc::clone(ds), config))
    }

    /// The team frames: every seat with its holder, facts and readings of the work
    /// history, the cycles' dates and order, and the kinship pairs. The work histories
    /// themselves are not read: a run that only checks has let go of them by now.
    pub fn team_frames(
        ds: &Dataset,
        facts: &[Fact],
        history: SeatHistory,
        config: &Config,
    ) -> PolarsResult<TeamFrames> {
        let fact_of: FastMap<(u32, u32, u32), u32> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| ((f.cycle, f.unit, f.person), i as u32))
            .collect();
        let s = &ds.slate;
        let n = s.len();
        let fact: Vec<Option<u32>> = (0..n)
            .into_par_iter()
            .map(|i| fact_of.get(&(s.cycle[i], s.unit[i], s.person[i])).copied())
            .collect();
        drop(fact_of);
        // A person counts once per team: the first of their member seats stands for them.
        let mut counted = vec![false; facts.len()];
        let first_member: Vec<bool> = (0..n)
            .map(|i| match fact[i] {
                Some(x) if s.role[i].is_team_member(s.body[i]) => {
                    !std::mem::replace(&mut counted[x as usize], true)
                }
                _ => false,
            })
            .collect();
        drop(counted);
        // The seats' own columns and the holders' are built side by side, each half
        // reading every row for its own columns (one loop over the rows took 0.6 s at
        // 40,000 units, on one core). Each half is built in order, so the frame's texts
        // are the same whatever the number of threads; the categoricals' codes are not,
        // and nothing reads them (see [`few_categories`]).
        let (seat, holder) = rayon::join(
            || SeatHalf::build(ds, &fact, facts, config).columns(),
            || holder_columns(ds, &fact, facts),
        );
        let (seat, holder) = (seat?, holder?);
        crate::bench::trace("context: seat columns");
        // The cycle's and the unit's columns are gathered from one row per cycle and
        // per unit: the views are copied, the text is shared.
        let by_cycle = IdxCa::from_vec("cycle".into(), s.cycle.clone());
        let by_unit = IdxCa::from_vec("unit".into(), s.unit.clone());
        let mut columns = vec![Column::new(
            "cycle".into(),
            ds.cycles
                .cycle
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
        .take(&by_cycle)?];
        for c in unit_columns(ds, config)? {
            columns.push(c.take(&by_unit)?);
        }
        columns.extend(seat);
        columns.extend(holder);
        columns.extend([
            few_categories(
                "exchange",
                history.exchange.iter().map(|e| e.map(|e| e.code())),
            )?,
            Column::new("village_background".into(), history.village_background),
            Column::new("first_member".into(), first_member),
            // The cycle, the unit and the person as indexes, for the joins with the
            // election frames: on the ids' texts they cost a rule a third of a second.
            Column::new("cycle_index".into(), s.cycle.clone()),
            Column::new("unit".into(), s.unit.clone()),
            Column::new("person".into(), s.person.clone()),
        ]);
        let seats = DataFrame::new(n, columns)?;
        crate::bench::trace("context: seats");
        let as_of = (0..ds.cycles.len())
            .map(|i| {
                (
                    ds.cycles.cycle[i].clone(),
                    ds.cycles.as_of[i].format("%Y-%m-%d").to_string(),
                )
            })
            .collect();
        let previous = (0..ds.cycles.len())
            .filter_map(|i| Some((ds.cycles.cycle[i].clone(), ds.cycles.previous[i].clone()?)))
            .collect();
        let relations = (0..ds.relations.person.len())
            .map(|i| {
                (
                    ds.cadres.person_id[ds.relations.person[i] as usize].to_string(),
                    ds.cadres.person_id[ds.relations.relative[i] as usize].to_string(),
                    ds.relations.relation[i].clone(),
                )
            })
            .collect();
        Ok(TeamFrames {
            seats,
            as_of,
            previous,
            relations,
        })
    }

    /// The context from its team frames and the election frames (built with
    /// [`ElectionContext::build`](super::election_context::ElectionContext::build)).
    pub fn assemble(
        team: TeamFrames,
        elections: Option<super::election_context::ElectionContext>,
        ds: Arc<Dataset>,
        config: &Config,
    ) -> Context {
        Context {
            seats: team.seats,
            ds,
            as_of: team.as_of,
            previous: team.previous,
            relations: team.relations,
            config: config.clone(),
            elections,
        }
    }

    /// One row per distinct person of each team (see the module's documentation): the
    /// seats marked `first_member`. A filter, not a second frame, so that the team's
    /// rows are held once.
    pub fn members(&self) -> LazyFrame {
        self.seats.clone().lazy().filter(col("first_member"))
    }

    /// Number of teams (cycle, unit) on the slate.
    pub fn team_count(&self) -> usize {
        self.seats
            .clone()
            .lazy()
            .select([col("cycle"), col("unit_id")])
            .unique(None, UniqueKeepStrategy::First)
            .collect()
            .map_or(0, |d| d.height())
    }

    /// The parent (district, county) of a unit.
    pub fn parent_of(&self, unit_id: &str) -> Option<String> {
        let u = *self.ds.units.index.get(unit_id)?;
        self.ds.units.parent_id[u as usize].clone()
    }

    /// The cycles on the slate, by reference date (then label).
    pub fn cycles_in_order(&self) -> Vec<String> {
        let mut v: Vec<(&String, &String)> = self.as_of.iter().collect();
        v.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
        v.into_iter().map(|(c, _)| c.clone()).collect()
    }

    /// A unit's name for messages (its id when unknown).
    pub fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.ds.units.name_of(id).unwrap_or(id)
    }

    /// An area's name for messages (its id when unknown).
    pub fn area_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.ds.units.name_of(id).unwrap_or(id)
    }

    /// A person's name for messages (the id when unknown).
    pub fn person_name<'a>(&'a self, id: &'a str) -> &'a str {
        match self.ds.cadres.position(id) {
            Some(p) => &self.ds.cadres.name[p as usize],
            None => id,
        }
    }
}

/// An expression that is the rule's severity for each row's preset (null = rule off
/// there), from a rule's settings.
pub fn severity_expr(settings: &super::config::RuleSettings) -> Expr {
    let lit_sev = |p: Preset| match settings.severity_for(p) {
        Some(s) => lit(s.code()),
        None => lit(NULL).cast(DataType::String),
    };
    when(col("preset").eq(lit(Preset::Subdistrict.code())))
        .then(lit_sev(Preset::Subdistrict))
        .when(col("preset").eq(lit(Preset::County.code())))
        .then(lit_sev(Preset::County))
        .otherwise(lit_sev(Preset::Township))
        .alias("severity")
}

impl Context {
    /// Teams where fewer than `ceil(n × min_share)` of the `n` members satisfy `condition`
    /// (optionally only teams satisfying `team_filter` on their members). The rows carry
    /// `cycle, unit_id, preset, severity, n, k` (members satisfying) and `need`.
    pub fn teams_short_of(
        &self,
        settings: &super::config::RuleSettings,
        condition: Expr,
        min_share: f64,
        team_filter: Option<Expr>,
    ) -> PolarsResult<super::frame::Rows> {
        let mut lf = self.members();
        if let Some(f) = team_filter {
            lf = lf.filter(f);
        }
        let df = lf
            .group_by_stable([col("cycle"), col("unit_id"), col("preset")])
            .agg([
                len().alias("n"),
                condition.cast(DataType::UInt32).sum().alias("k"),
            ])
            .with_column(severity_expr(settings))
            .filter(col("severity").is_not_null())
            .with_column(at_least_expr(col("n"), min_share).alias("need"))
            .filter(col("k").cast(DataType::Int64).lt(col("need")))
            .collect()?;
        super::frame::Rows::new(&df)
    }

    /// Seats (unique per cycle, unit and person) satisfying `condition` where the rule
    /// applies, for person rules.
    pub fn persons_where(
        &self,
        settings: &super::config::RuleSettings,
        condition: Expr,
    ) -> PolarsResult<super::frame::Rows> {
        let df = self
            .seats
            .clone()
            .lazy()
            .with_column(severity_expr(settings))
            .filter(col("severity").is_not_null().and(condition))
            .unique_stable(
                Some(cols(["cycle", "unit_id", "person_id"])),
                UniqueKeepStrategy::First,
            )
            .collect()?;
        super::frame::Rows::new(&df)
    }
}

/// `ceil(n × share)` as an expression (with the same tolerance as [`super::at_least`]).
pub fn at_least_expr(n: Expr, share: f64) -> Expr {
    (n.cast(DataType::Float64) * lit(share) - lit(1e-9))
        .ceil()
        .cast(DataType::Int64)
}

/// `k > n × share` as an expression, with the same tolerance as [`at_least_expr`], so
/// that exactly `share` of a team is not "more than" it.
pub fn more_than_share_expr(k: Expr, n: Expr, share: f64) -> Expr {
    k.cast(DataType::Float64)
        .gt(n.cast(DataType::Float64) * lit(share) + lit(1e-9))
}

impl Context {
    /// Areas (units sharing a `parent_id`) where, among the seats selected by `seats`
    /// (where the rule applies), fewer than `need(n)` satisfy `condition`. Rows carry
    /// `cycle, parent_id, severity, n, k, need`. The severity of an area is that of its
    /// first team's preset (an area's teams are all 街道 or all 乡镇 for the rules that
    /// use this).
    pub fn areas_short_of(
        &self,
        settings: &super::config::RuleSettings,
        seats: Expr,
        condition: Expr,
        need: impl Fn(Expr) -> Expr,
    ) -> PolarsResult<super::frame::Rows> {
        let df = self
            .seats
            .clone()
            .lazy()
            .with_column(severity_expr(settings))
            .filter(
                col("severity")
                    .is_not_null()
                    .and(seats)
                    .and(col("parent_id").is_not_null()),
            )
            .group_by_stable([col("cycle"), col("parent_id")])
            .agg([
                len().alias("n"),
                condition.cast(DataType::UInt32).sum().alias("k"),
                col("severity").first().alias("severity"),
            ])
            .with_column(need(col("n")).alias("need"))
            .filter(col("k").cast(DataType::Int64).lt(col("need")))
            .sort(
                ["cycle", "parent_id"],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .collect()?;
        super::frame::Rows::new(&df)
    }

    /// The rows of `rows` whose cycle has a previous cycle, with that cycle's label in a
    /// column `previous` (the first step of every comparison with 上届).
    pub fn with_previous_cycle(&self, rows: LazyFrame) -> PolarsResult<LazyFrame> {
        Ok(rows.join(
            self.previous_frame()?.lazy(),
            [col("cycle")],
            [col("cycle")],
            JoinArgs::new(JoinType::Inner),
        ))
    }

    /// The previous cycle of each cycle, as a frame `cycle, previous`.
    fn previous_frame(&self) -> PolarsResult<DataFrame> {
        let mut pairs: Vec<(&String, &String)> = self.previous.iter().collect();
        pairs.sort();
        DataFrame::new(
            pairs.len(),
            vec![
                Column::new(
                    "cycle".into(),
                    pairs.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
                ),
                Column::new(
                    "previous".into(),
                    pairs.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(),
                ),
            ],
        )
    }
}
