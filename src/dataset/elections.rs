//! The optional election tables of the contract (§6): `elections` (one row per election:
//! a delegate election, a committee election, a presidium), `candidates` (one row per
//! person on an election's list), `memberships` (a person's seat in another body of
//! the same cycle, for the cross-body rules) and `proxies` (the proxy votes of an
//! election, for EADM-004).
//!
//! They load like the other tables: Chinese headers and sheet names as aliases, the same
//! normalisers (booleans, dates, integers), and every row either loaded or listed in
//! `rejected.csv`. A candidate list is most often kept in Excel, so the aliases are the
//! headers such a list uses (选举名称, 应选人数, 候选人, 是否当选, 连任, 身份类别 …). The
//! vocabularies the rules depend on (the body elected, the occupation category, the
//! ineligibility grounds) are closed: an unknown value is reported, never guessed.

use chrono::NaiveDate;

use super::cadres::Cadres;
use super::listed::Listed;
use super::reject::Rejections;
use super::schema::{ColumnSpec, TableSpec};
use super::source::RawTable;
use super::tables::{chunk_spans, required, share, Col, Cycles, FastMap, Memo, SharedText, Units};
use super::{Aside, TableCount};
use crate::normalize::boolean;
use crate::normalize::date::PartialDate;
use crate::normalize::unit_kind::UnitKind;

const fn col(name: &'static str, required: bool, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        name,
        required,
        date: false,
        aliases,
    }
}

const PERSON_ID: &[&str] = &["人员编号", "干部编号", "编号", "人员id", "id", "pid"];
const ELECTION_ID: &[&str] = &["选举编号", "选举id", "选举"];

pub const ELECTIONS: TableSpec = TableSpec {
    name: "elections",
    required: false,
    aliases: &["选举", "选举信息", "选举情况"],
    columns: &[
        col("election_id", true, ELECTION_ID),
        col("cycle", true, &["届次", "换届年份", "届"]),
        col("unit_id", true, &["单位编号"]),
        col("body", true, &["选举类别", "选举类型", "机构", "选举对象"]),
        col(
            "seats",
            true,
            &["应选人数", "名额", "代表名额", "应选名额", "职数"],
        ),
        col("level", false, &["层级", "级别"]),
        ColumnSpec {
            name: "date",
            required: false,
            date: true,
            aliases: &["选举日期", "选举时间", "日期"],
        },
        col("previous", false, &["上届选举", "上届选举编号", "上届"]),
        col("party_members", false, &["党员人数", "党员数"]),
        col("assembly", false, &["会议形式", "大会类型", "召开形式"]),
        col("competitive", false, &["差额选举", "是否差额", "须差额"]),
    ],
};

pub const CANDIDATES: TableSpec = TableSpec {
    name: "candidates",
    required: false,
    aliases: &["候选人", "候选人名单", "代表候选人", "候选人名册"],
    columns: &[
        col("election_id", true, ELECTION_ID),
        col("person_id", true, PERSON_ID),
        col(
            "ballot_order",
            false,
            &["选票顺序", "排序", "序号", "选票排序"],
        ),
        col("role", false, &["拟任职务", "候选职务", "职务"]),
        col("fulltime", false, &["专职", "是否专职"]),
        col("nominated_by", false, &["提名方式", "推荐方式", "提名单位"]),
        col("elected", false, &["当选", "是否当选"]),
        col("incumbent", false, &["连任", "是否连任", "现任代表"]),
        col(
            "category",
            false,
            &["身份类别", "代表类别", "职业类别", "身份"],
        ),
        col(
            "quota_category",
            false,
            &["名额类别", "占用名额", "所占名额"],
        ),
        col("frontline", false, &["一线", "是否一线", "基层一线"]),
        col("leading_cadre", false, &["领导干部", "是否领导干部"]),
        col("flags", false, &["不宜人选情形", "资格问题", "负面情形"]),
        col("constituency", false, &["选区", "选举单位"]),
    ],
};

pub const MEMBERSHIPS: TableSpec = TableSpec {
    name: "memberships",
    required: false,
    aliases: &["任职情况", "兼任", "其他身份", "代表委员身份"],
    columns: &[
        col("person_id", true, PERSON_ID),
        col("cycle", true, &["届次", "换届年份", "届"]),
        col("body", true, &["机构", "身份类别", "类别"]),
        col("level", false, &["层级", "级别"]),
        col("role", false, &["职务", "角色"]),
    ],
};

pub const PROXIES: TableSpec = TableSpec {
    name: "proxies",
    required: false,
    aliases: &["委托投票", "委托投票登记", "委托"],
    columns: &[
        col("election_id", true, ELECTION_ID),
        col("voter", true, &["委托人", "委托人编号", "选民"]),
        col(
            "proxy_id",
            true,
            &["受委托人", "被委托人", "受托人", "被委托人编号"],
        ),
        col("approved", false, &["选举委员会同意", "是否同意", "批准"]),
    ],
};

pub use super::election_vocab::{Category, ElectionBody, Ground, GroundLists, ListRole};

/// Elections, one row each.
#[derive(Debug, Default, Clone)]
pub struct Elections {
    pub election_id: Vec<String>,
    pub cycle: Vec<u32>,
    pub unit: Vec<u32>,
    pub body: Vec<ElectionBody>,
    pub seats: Vec<u32>,
    /// Level of the body elected (乡镇, 街道, 县); from the unit's kind when empty.
    pub level: Vec<UnitKind>,
    pub date: Vec<Option<NaiveDate>>,
    /// Index of the election of the last term.
    pub previous: Vec<Option<u32>>,
    pub party_members: Vec<Option<u32>>,
    /// `Some(true)` 党员代表大会, `Some(false)` 党员大会, as given.
    pub congress: Vec<Option<bool>>,
    /// Whether the law requires a competitive election (DEL-024).
    pub competitive: Vec<Option<bool>>,
    pub row: Vec<usize>,
    pub index: FastMap<String, u32>,
}

impl Elections {
    pub fn len(&self) -> usize {
        self.election_id.len()
    }

    /// The index of election `id` for a row of `table`, or a rejection of the row naming
    /// the id. `last` is the row before's id and answer: the rows of a list (or of an
    /// election's proxies) come election by election, so most rows repeat it and need no
    /// look-up.
    fn find<'a>(
        &self,
        id: &'a str,
        last: &mut Option<(&'a str, Option<u32>)>,
        rej: &mut Rejections,
        table: &str,
        row: usize,
    ) -> Option<u32> {
        let found = match *last {
            Some((before, found)) if before == id => found,
            _ => self.index.get(id).copied(),
        };
        *last = Some((id, found));
        if found.is_none() {
            rej.reject(
                table,
                row,
                "election_id",
                id,
                format!("election {id} is not in elections"),
            );
        }
        found
    }

    pub fn is_empty(&self) -> bool {
        self.election_id.is_empty()
    }
}

/// Candidates, one row per person on a list.
#[derive(Debug, Default, Clone)]
pub struct Candidates {
    pub election: Vec<u32>,
    pub person: Vec<u32>,
    pub ballot_order: Vec<Option<u32>>,
    pub role: Vec<Option<ListRole>>,
    pub fulltime: Vec<Option<bool>>,
    /// Shared: few distinct texts over millions of candidates.
    pub nominated_by: Vec<Option<SharedText>>,
    pub elected: Vec<Option<bool>>,
    pub incumbent: Vec<Option<bool>>,
    pub category: Vec<Option<Category>>,
    pub quota_category: Vec<Option<Category>>,
    pub frontline: Vec<Option<bool>>,
    pub leading_cadre: Vec<Option<bool>>,
    pub flags: GroundLists,
    /// Shared like `nominated_by`.
    pub constituency: Vec<Option<SharedText>>,
    pub row: Vec<u32>,
}

impl Candidates {
    /// Room for `n` more rows, so that a large list is not grown by doubling (each
    /// doubling copies the columns into fresh memory).
    fn reserve(&mut self, n: usize) {
        self.election.reserve(n);
        self.person.reserve(n);
        self.ballot_order.reserve(n);
        self.role.reserve(n);
        self.fulltime.reserve(n);
        self.nominated_by.reserve(n);
        self.elected.reserve(n);
        self.incumbent.reserve(n);
        self.category.reserve(n);
        self.quota_category.reserve(n);
        self.frontline.reserve(n);
        self.leading_cadre.reserve(n);
        self.flags.reserve(n);
        self.constituency.reserve(n);
        self.row.reserve(n);
    }

    pub fn len(&self) -> usize {
        self.person.len()
    }

    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
    }
}

/// Seats in other bodies, one row each.
#[derive(Debug, Default, Clone)]
pub struct Memberships {
    pub person: Vec<u32>,
    pub cycle: Vec<u32>,
    pub body: Vec<ElectionBody>,
    pub level: Vec<Option<UnitKind>>,
    pub role: Vec<Option<String>>,
}

/// Proxy votes (委托投票), one row per voter who entrusts a vote (EADM-004). Voters and
/// proxies are voters, not cadres: their ids are kept as given, and a proxy is matched
/// against the election's candidates by `person_id`.
#[derive(Debug, Default, Clone)]
pub struct Proxies {
    pub election: Vec<u32>,
    pub voter: Vec<String>,
    pub proxy: Vec<String>,
    pub approved: Vec<Option<bool>>,
    pub row: Vec<usize>,
}

/// The optional tables; `present` when any was given.
#[derive(Debug, Default, Clone)]
pub struct ElectionTables {
    pub present: bool,
    pub elections: Elections,
    pub candidates: Candidates,
    pub memberships: Memberships,
    pub proxies: Proxies,
}

/// A whole number of an optional column (`12`, `12人`, `12.0`).
fn parse_count(text: &str) -> Result<u32, String> {
    let t = text.trim().trim_end_matches(['人', '名', '个']).trim();
    if let Ok(n) = t.parse::<u32>() {
        return Ok(n);
    }
    match t.parse::<f64>() {
        Ok(x) if x >= 0.0 && x.fract() == 0.0 && x < u32::MAX as f64 => Ok(x as u32),
        _ => Err(format!("not a whole number: {text:?}")),
    }
}

fn unit_level(text: &str) -> Result<UnitKind, String> {
    let k = text.trim();
    match k {
        "乡镇" | "乡" | "镇" | "乡级" => Ok(UnitKind::Township),
        "街道" => Ok(UnitKind::Subdistrict),
        "县" | "县级" | "区" | "县区" | "县（区）" | "县(区)" => Ok(UnitKind::County),
        "市" | "市级" => Ok(UnitKind::City),
        "省" | "省级" => Ok(UnitKind::Province),
        _ => UnitKind::parse(k)
            .filter(|u| {
                matches!(
                    u,
                    UnitKind::Township
                        | UnitKind::Subdistrict
                        | UnitKind::County
                        | UnitKind::City
                        | UnitKind::Province
                )
            })
            .ok_or_else(|| format!("unknown level {text:?}: expected 乡镇, 街道, 县, 市 or 省")),
    }
}

/// The level of a unit as an election level: a 县-level unit is 县; a 乡镇 or 街道 is itself.
pub fn level_of_unit(kind: UnitKind) -> UnitKind {
    match kind {
        UnitKind::Township | UnitKind::Commune => UnitKind::Township,
        UnitKind::Subdistrict => UnitKind::Subdistrict,
        UnitKind::City => UnitKind::City,
        UnitKind::Province => UnitKind::Province,
        _ => UnitKind::County,
    }
}

fn find_cycle(cycles: &Cycles, rej: &mut Rejections, t: &str, row: usize, c: &str) -> Option<u32> {
    let found = cycles.index.get(c).copied();
    if found.is_none() {
        rej.reject(
            t,
            row,
            "cycle",
            c,
            format!("cycle {c} is not in cycles (or on the slate)"),
        );
    }
    found
}

pub fn read_elections(
    mut raw: RawTable,
    units: &Units,
    cycles: &Cycles,
    rej: &mut Rejections,
) -> Elections {
    const T: &str = "elections";
    let spans = chunk_spans(&mut raw);
    let mut out = Elections::default();
    let mut previous_text: Vec<Option<(String, usize)>> = Vec::new();
    for (k, span) in spans.iter().enumerate() {
        let c = |name| Col::of(&raw, name, k, span);
        let (c_id, c_cycle, c_unit, c_body, c_seats) = (
            c("election_id"),
            c("cycle"),
            c("unit_id"),
            c("body"),
            c("seats"),
        );
        let (c_level, c_date, c_prev, c_members, c_assembly, c_comp) = (
            c("level"),
            c("date"),
            c("previous"),
            c("party_members"),
            c("assembly"),
            c("competitive"),
        );
        let mut booleans = Memo::new();
        for i in span.clone() {
            let row = raw.row_number(i);
            let before = rej.items.len();
            let id = required(rej, T, row, "election_id", c_id.get(i));
            if let Some(id) = id {
                if let Some(&first) = out.index.get(id) {
                    rej.reject(
                        T,
                        row,
                        "election_id",
                        id,
                        format!(
                            "duplicate election_id, first at row {}",
                            out.row[first as usize]
                        ),
                    );
                }
            }
            let cycle = required(rej, T, row, "cycle", c_cycle.get(i))
                .and_then(|v| find_cycle(cycles, rej, T, row, v));
            let unit = required(rej, T, row, "unit_id", c_unit.get(i)).and_then(|u| {
                let found = units.index.get(u).copied();
                if found.is_none() {
                    rej.reject(T, row, "unit_id", u, format!("unit {u} is not in units"));
                }
                found
            });
            let body = required(rej, T, row, "body", c_body.get(i)).and_then(|b| {
                ElectionBody::parse(b)
                    .map_err(|e| rej.reject(T, row, "body", b, e))
                    .ok()
            });
            let seats =
                required(rej, T, row, "seats", c_seats.get(i)).and_then(|s| match parse_count(s) {
                    Ok(n) if n > 0 => Some(n),
                    Ok(_) => {
                        rej.reject(T, row, "seats", s, "seats must be at least 1");
                        None
                    }
                    Err(e) => {
                        rej.reject(T, row, "seats", s, e);
                        None
                    }
                });
            let level = c_level.get(i).and_then(|v| {
                unit_level(v)
                    .map_err(|e| rej.drop_value(T, row, "level", v, e))
                    .ok()
            });
            let date = c_date.get(i).and_then(|v| {
                PartialDate::parse(v)
                    .map(|d| d.to_naive())
                    .map_err(|e| rej.drop_value(T, row, "date", v, e.to_string()))
                    .ok()
            });
            let members = c_members.get(i).and_then(|v| {
                parse_count(v)
                    .map_err(|e| rej.drop_value(T, row, "party_members", v, e))
                    .ok()
            });
            let congress = c_assembly.get(i).and_then(|v| match v.trim() {
                "党员代表大会" | "代表大会" | "党代会" | "congress" => Some(true),
                "党员大会" | "members_meeting" => Some(false),
                _ => {
                    rej.drop_value(
                        T,
                        row,
                        "assembly",
                        v,
                        format!("unknown assembly {v:?}: expected 党员代表大会 or 党员大会"),
                    );
                    None
                }
            });
            let competitive =
                booleans.optional(rej, T, row, "competitive", c_comp.get(i), boolean::parse);
            let (Some(id), Some(cycle), Some(unit), Some(body), Some(seats)) =
                (id, cycle, unit, body, seats)
            else {
                continue;
            };
            if rej.items[before..].iter().any(|r| !r.kept) {
                continue;
            }
            out.index.insert(id.to_string(), out.len() as u32);
            out.election_id.push(id.to_string());
            out.cycle.push(cycle);
            out.unit.push(unit);
            out.body.push(body);
            out.seats.push(seats);
            out.level
                .push(level.unwrap_or_else(|| level_of_unit(units.kind[unit as usize])));
            out.date.push(date);
            previous_text.push(c_prev.get(i).map(|p| (p.to_string(), row)));
            out.previous.push(None);
            out.party_members.push(members);
            out.congress.push(congress);
            out.competitive.push(competitive);
            out.row.push(row);
        }
    }
    // `previous` names another election of the table: resolved once all are read.
    for (i, p) in previous_text.into_iter().enumerate() {
        let Some((p, row)) = p else { continue };
        match out.index.get(&p) {
            Some(&j) if j as usize != i => out.previous[i] = Some(j),
            Some(_) => rej.drop_value(
                T,
                row,
                "previous",
                &p,
                "an election cannot be its own previous",
            ),
            None => rej.drop_value(
                T,
                row,
                "previous",
                &p,
                format!("election {p} is not in elections"),
            ),
        }
    }
    out
}

/// Reads candidate rows (the whole table or one piece of it) onto the end of `out`;
/// `listed` holds the kept rows of each election so far, for the duplicates.
pub(super) fn read_candidates(
    mut raw: RawTable,
    elections: &Elections,
    cadres: &Cadres,
    rej: &mut Rejections,
    out: &mut Candidates,
    listed: &mut Listed,
) {
    const T: &str = "candidates";
    let spans = chunk_spans(&mut raw);
    out.reserve(raw.height());
    for (k, span) in spans.iter().enumerate() {
        let c = |name| Col::of(&raw, name, k, span);
        let (c_el, c_person, c_order, c_role, c_ft, c_nom, c_elected) = (
            c("election_id"),
            c("person_id"),
            c("ballot_order"),
            c("role"),
            c("fulltime"),
            c("nominated_by"),
            c("elected"),
        );
        let (c_inc, c_cat, c_quota, c_front, c_lead, c_flags, c_const) = (
            c("incumbent"),
            c("category"),
            c("quota_category"),
            c("frontline"),
            c("leading_cadre"),
            c("flags"),
            c("constituency"),
        );
        // Each distinct text of a coded column is read once per piece, and each distinct
        // free text stored once: a national list has two million candidates and a few
        // dozen distinct values in these columns.
        let (mut roles, mut categories, mut booleans, mut orders) =
            (Memo::new(), Memo::new(), Memo::new(), Memo::new());
        let mut texts: FastMap<&str, SharedText> = FastMap::default();
        let mut last_election: Option<(&str, Option<u32>)> = None;
        for i in span.clone() {
            let row = raw.row_number(i);
            let before = rej.items.len();
            let election = required(rej, T, row, "election_id", c_el.get(i))
                .and_then(|e| elections.find(e, &mut last_election, rej, T, row));
            let person = required(rej, T, row, "person_id", c_person.get(i))
                .and_then(|p| cadres.find(p, rej, T, row, "person_id"));
            if let (Some(e), Some(p)) = (election, person) {
                if let Some(first) = listed.first_row(e, p, &out.person, &out.row) {
                    rej.reject(
                        T,
                        row,
                        "person_id",
                        &cadres.person_id[p as usize],
                        format!(
                            "the person is on this election's list twice, first at row {first}"
                        ),
                    );
                }
            }
            let order = orders.optional(rej, T, row, "ballot_order", c_order.get(i), parse_count);
            let role = roles.optional(rej, T, row, "role", c_role.get(i), ListRole::parse);
            let cat = categories.optional(rej, T, row, "category", c_cat.get(i), Category::parse);
            let quota = categories.optional(
                rej,
                T,
                row,
                "quota_category",
                c_quota.get(i),
                Category::parse,
            );
            let mut flags = Vec::new();
            if let Some(v) = c_flags.get(i) {
                for part in v
                    .split([';', '；', ',', '，', '、'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    match Ground::parse(part) {
                        Ok(g) if !flags.contains(&g) => flags.push(g),
                        Ok(_) => {}
                        Err(e) => rej.drop_value(T, row, "flags", part, e),
                    }
                }
            }
            let mut flag = |rej: &mut Rejections, column: &str, v| {
                booleans.optional(rej, T, row, column, v, boolean::parse)
            };
            let fulltime = flag(rej, "fulltime", c_ft.get(i));
            let elected = flag(rej, "elected", c_elected.get(i));
            let incumbent = flag(rej, "incumbent", c_inc.get(i));
            let frontline = flag(rej, "frontline", c_front.get(i));
            let leading = flag(rej, "leading_cadre", c_lead.get(i));
            let (Some(e), Some(p)) = (election, person) else {
                continue;
            };
            if rej.items[before..].iter().any(|r| !r.kept) {
                continue;
            }
            out.election.push(e);
            out.person.push(p);
            out.ballot_order.push(order);
            out.role.push(role);
            out.fulltime.push(fulltime);
            out.nominated_by
                .push(c_nom.get(i).map(|t| share(&mut texts, t)));
            out.elected.push(elected);
            out.incumbent.push(incumbent);
            out.category.push(cat);
            out.quota_category.push(quota);
            out.frontline.push(frontline);
            out.leading_cadre.push(leading);
            out.flags.push(&flags);
            out.constituency
                .push(c_const.get(i).map(|t| share(&mut texts, t)));
            out.row.push(row as u32);
            listed.kept(e, &out.person, &out.row);
        }
    }
}

pub fn read_memberships(
    mut raw: RawTable,
    cadres: &Cadres,
    cycles: &Cycles,
    rej: &mut Rejections,
) -> Memberships {
    const T: &str = "memberships";
    let spans = chunk_spans(&mut raw);
    let mut out = Memberships::default();
    for (k, span) in spans.iter().enumerate() {
        let c = |name| Col::of(&raw, name, k, span);
        let (c_person, c_cycle, c_body, c_level, c_role) =
            (c("person_id"), c("cycle"), c("body"), c("level"), c("role"));
        for i in span.clone() {
            let row = raw.row_number(i);
            let person = required(rej, T, row, "person_id", c_person.get(i))
                .and_then(|p| cadres.find(p, rej, T, row, "person_id"));
            let cycle = required(rej, T, row, "cycle", c_cycle.get(i))
                .and_then(|v| find_cycle(cycles, rej, T, row, v));
            let body = required(rej, T, row, "body", c_body.get(i)).and_then(|b| {
                ElectionBody::parse(b)
                    .map_err(|e| rej.reject(T, row, "body", b, e))
                    .ok()
            });
            let level = c_level.get(i).and_then(|v| {
                unit_level(v)
                    .map_err(|e| rej.drop_value(T, row, "level", v, e))
                    .ok()
            });
            let (Some(p), Some(c), Some(b)) = (person, cycle, body) else {
                continue;
            };
            out.person.push(p);
            out.cycle.push(c);
            out.body.push(b);
            out.level.push(level);
            out.role.push(c_role.get(i).map(str::to_string));
        }
    }
    out
}

pub fn read_proxies(mut raw: RawTable, elections: &Elections, rej: &mut Rejections) -> Proxies {
    const T: &str = "proxies";
    let spans = chunk_spans(&mut raw);
    let mut out = Proxies::default();
    for (k, span) in spans.iter().enumerate() {
        let c = |name| Col::of(&raw, name, k, span);
        let (c_el, c_voter, c_proxy, c_ok) =
            (c("election_id"), c("voter"), c("proxy_id"), c("approved"));
        let (mut last_election, mut booleans) = (None, Memo::new());
        for i in span.clone() {
            let row = raw.row_number(i);
            let election = required(rej, T, row, "election_id", c_el.get(i))
                .and_then(|e| elections.find(e, &mut last_election, rej, T, row));
            let voter = required(rej, T, row, "voter", c_voter.get(i));
            let proxy = required(rej, T, row, "proxy_id", c_proxy.get(i));
            let approved = booleans.optional(rej, T, row, "approved", c_ok.get(i), boolean::parse);
            let (Some(e), Some(v), Some(p)) = (election, voter, proxy) else {
                continue;
            };
            out.election.push(e);
            out.voter.push(v.to_string());
            out.proxy.push(p.to_string());
            out.approved.push(approved);
            out.row.push(row);
        }
    }
    out
}

/// The tables before them that the election tables are read against.
pub(super) struct Against<'a> {
    pub cadres: &'a Cadres,
    pub units: &'a Units,
    pub cycles: &'a Cycles,
}

/// Loads whichever of the four tables were found, with their row counts; what is
/// rejected or noted goes `aside`. Runs after cadres, units and cycles, which it reads
/// against, and beside the careers (see [`super::load_tables`]). The candidates, two
/// million rows at national scale, are read a piece at a time like the careers.
pub(super) fn load(
    found: &mut Vec<(&'static TableSpec, super::Found)>,
    ds: Against<'_>,
    aside: &mut Aside,
) -> Result<(ElectionTables, Vec<TableCount>), super::LoadError> {
    let mut out = ElectionTables::default();
    let mut counted: Vec<(&str, String, usize)> = Vec::new();
    if let Some(raw) = super::take_table(found, ELECTIONS.name, aside)? {
        counted.push((ELECTIONS.name, raw.source.clone(), raw.height()));
        out.elections = read_elections(raw, ds.units, ds.cycles, &mut aside.rejections);
    }
    if let Some(mut pieces) = super::Pieces::take(found, CANDIDATES.name)? {
        let mut orphan = counted.is_empty();
        let mut read = 0;
        let mut listed = Listed::default();
        // Room for the whole table at once: reserved piece by piece, the columns grew by
        // doubling, each time copied into fresh memory (7% of the page faults of a
        // 40,000-unit check). None when every row is going to be rejected.
        if !orphan {
            out.candidates.reserve(pieces.table.records());
        }
        while let Some(raw) = pieces.next(aside)? {
            // After the notes of reading the table (its encoding, columns ignored).
            if std::mem::take(&mut orphan) {
                aside.notes.push(format!(
                    "{}: a candidates table without an elections table; every row is rejected",
                    pieces.source
                ));
            }
            read += raw.height();
            read_candidates(
                raw,
                &out.elections,
                ds.cadres,
                &mut aside.rejections,
                &mut out.candidates,
                &mut listed,
            );
        }
        counted.push((CANDIDATES.name, pieces.source, read));
    }
    if let Some(raw) = super::take_table(found, MEMBERSHIPS.name, aside)? {
        counted.push((MEMBERSHIPS.name, raw.source.clone(), raw.height()));
        out.memberships = read_memberships(raw, ds.cadres, ds.cycles, &mut aside.rejections);
    }
    if let Some(raw) = super::take_table(found, PROXIES.name, aside)? {
        counted.push((PROXIES.name, raw.source.clone(), raw.height()));
        out.proxies = read_proxies(raw, &out.elections, &mut aside.rejections);
    }
    out.present = !counted.is_empty();
    let counts = counted
        .into_iter()
        .map(|(table, source, read)| TableCount {
            table: table.to_string(),
            source,
            read,
            loaded: match table {
                "elections" => out.elections.len(),
                "candidates" => out.candidates.len(),
                "proxies" => out.proxies.election.len(),
                _ => out.memberships.person.len(),
            },
            rejected: aside.rejections.rejected_rows(table),
        })
        .collect();
    Ok((out, counts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_categories_and_grounds_parse() {
        assert_eq!(
            ElectionBody::parse("党代表"),
            Ok(ElectionBody::PartyCongress)
        );
        assert_eq!(
            ElectionBody::parse("党委委员候选人"),
            Ok(ElectionBody::PartyCommittee)
        );
        assert_eq!(ElectionBody::parse("主席团"), Ok(ElectionBody::Presidium));
        assert!(ElectionBody::parse("居委会").is_err());
        assert_eq!(Category::parse("专技人员"), Ok(Category::Professional));
        assert!(Category::parse("学生").is_err());
        assert_eq!(Ground::parse("拉票贿选").map(Ground::rule), Ok("DELEL-004"));
        assert_eq!(
            Ground::parse("serving_sentence"),
            Ok(Ground::ServingSentence)
        );
        assert_eq!(
            ListRole::parse("副书记候选人"),
            Ok(ListRole::DeputySecretary)
        );
        assert_eq!(parse_count("12人"), Ok(12));
        assert_eq!(parse_count("12.0"), Ok(12));
        assert!(parse_count("十二").is_err());
    }
}
