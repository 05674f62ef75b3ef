//! The seat a slate row describes: its role ([`Role`]: 党委书记, 镇长, 组织委员, …), the
//! body it belongs to ([`Body`]: 党委, 纪委, 政府, 人大, or the whole 班子), and how the
//! person came to it ([`Nomination`]: 新提拔, 继续提名, 平级转任, 交流).
//!
//! Team rules count seats by role (SIZE-002 wants exactly one secretary, one head and,
//! in a 街道, one 人大工委主任; POST-002 wants a 纪委书记 and a 组织委员), so every title
//! users write must land on one canonical role. Titles may carry the unit in front
//! (某某镇党委副书记, 某某街道办事处主任) and a rank or 专职/兼职 note in brackets
//! (党委副书记（专职）). A cell naming two posts (党委副书记、镇长, 党委书记兼人大主席) is
//! rejected: the contract gives each post its own slate row, so that size rules count
//! posts while share rules count persons.

use crate::normalize::text::{key, narrow, shown};

use std::fmt;

/// The canonical role of a leadership-team seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 党委书记 / 党工委书记 (principal).
    Secretary,
    /// 党委副书记 (other than the full-time one).
    DeputySecretary,
    /// 专职副书记, the deputy secretary for party building (抓党建).
    DeputySecretaryPartyBuilding,
    /// 乡长 / 镇长 / 办事处主任 (principal).
    Head,
    /// 人大主席 / 人大工委主任 (principal in a 街道).
    PcHead,
    /// 纪委书记 / 纪工委书记.
    DisciplineSecretary,
    /// 纪委副书记 (专职纪委副书记).
    DisciplineDeputySecretary,
    /// 组织委员.
    OrganizationMember,
    /// 副乡长 / 副镇长 / 办事处副主任.
    DeputyHead,
    /// 人武部长.
    ArmedForcesHead,
    /// 人大副主席 / 人大工委副主任.
    PcDeputyHead,
    /// 党委委员 (宣传委员, 统战委员, 政法委员, …; 常委 of a county or city).
    Member,
    /// 政协主席, chair of a county's or city's political consultative conference.
    CppccChair,
    /// 政协副主席.
    CppccViceChair,
}

impl Role {
    /// Every role, in the order of a slate (principals and party posts first).
    pub const ALL: [Role; 14] = [
        Role::Secretary,
        Role::DeputySecretary,
        Role::DeputySecretaryPartyBuilding,
        Role::Head,
        Role::PcHead,
        Role::DisciplineSecretary,
        Role::DisciplineDeputySecretary,
        Role::OrganizationMember,
        Role::DeputyHead,
        Role::ArmedForcesHead,
        Role::PcDeputyHead,
        Role::Member,
        Role::CppccChair,
        Role::CppccViceChair,
    ];

    /// The canonical code of the data contract (`secretary`, `deputy_head`, …).
    pub fn code(self) -> &'static str {
        match self {
            Role::Secretary => "secretary",
            Role::DeputySecretary => "deputy_secretary",
            Role::DeputySecretaryPartyBuilding => "deputy_secretary_party_building",
            Role::Head => "head",
            Role::PcHead => "pc_head",
            Role::DisciplineSecretary => "discipline_secretary",
            Role::DisciplineDeputySecretary => "discipline_deputy_secretary",
            Role::OrganizationMember => "organization_member",
            Role::DeputyHead => "deputy_head",
            Role::ArmedForcesHead => "armed_forces_head",
            Role::PcDeputyHead => "pc_deputy_head",
            Role::Member => "member",
            Role::CppccChair => "cppcc_chair",
            Role::CppccViceChair => "cppcc_vice_chair",
        }
    }

    /// The Chinese title, worded for a township (乡镇长, 人大主席).
    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Secretary => "党委书记",
            Role::DeputySecretary => "党委副书记",
            Role::DeputySecretaryPartyBuilding => "专职副书记",
            Role::Head => "乡镇长",
            Role::PcHead => "人大主席",
            Role::DisciplineSecretary => "纪委书记",
            Role::DisciplineDeputySecretary => "纪委副书记",
            Role::OrganizationMember => "组织委员",
            Role::DeputyHead => "副乡镇长",
            Role::ArmedForcesHead => "人武部长",
            Role::PcDeputyHead => "人大副主席",
            Role::Member => "党委委员",
            Role::CppccChair => "政协主席",
            Role::CppccViceChair => "政协副主席",
        }
    }

    /// The Chinese title for a township, or for a 街道 when `subdistrict` is set
    /// (办事处主任, 办事处副主任, 人大工委主任, 人大工委副主任).
    pub fn label_zh_in(self, subdistrict: bool) -> &'static str {
        match (self, subdistrict) {
            (Role::Head, true) => "办事处主任",
            (Role::DeputyHead, true) => "办事处副主任",
            (Role::PcHead, true) => "人大工委主任",
            (Role::PcDeputyHead, true) => "人大工委副主任",
            _ => self.label_zh(),
        }
    }

    /// The English title.
    pub fn label_en(self) -> &'static str {
        match self {
            Role::Secretary => "party secretary",
            Role::DeputySecretary => "deputy party secretary",
            Role::DeputySecretaryPartyBuilding => "full-time deputy party secretary",
            Role::Head => "township head",
            Role::PcHead => "people's congress head",
            Role::DisciplineSecretary => "discipline secretary",
            Role::DisciplineDeputySecretary => "deputy discipline secretary",
            Role::OrganizationMember => "organisation member",
            Role::DeputyHead => "deputy township head",
            Role::ArmedForcesHead => "armed forces head",
            Role::PcDeputyHead => "people's congress deputy head",
            Role::Member => "committee member",
            Role::CppccChair => "CPPCC chair",
            Role::CppccViceChair => "CPPCC vice chair",
        }
    }

    /// Whether the seat is a principal post (正职): the secretary and the head always;
    /// the 人大工委主任 only in a 街道 (`subdistrict`), where it is the third of the three
    /// principal posts (SIZE-002).
    pub fn is_principal(self, subdistrict: bool) -> bool {
        match self {
            Role::Secretary | Role::Head => true,
            Role::PcHead => subdistrict,
            _ => false,
        }
    }

    /// Whether a seat of this role on `body` makes its holder a member of the leadership
    /// team, whom the share rules count: every seat but the 纪委's other than its 纪委书记
    /// (the 纪委副书记 and the plain members sit on the discipline committee, not on the
    /// team).
    pub fn is_team_member(self, body: Body) -> bool {
        !(body == Body::Discipline && self != Role::DisciplineSecretary)
    }

    /// Reads a title; the same as [`parse`].
    pub fn parse(text: &str) -> Result<Role, String> {
        parse(text)
    }
}

impl fmt::Display for Role {
    /// The Chinese title ([`Role::label_zh`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// Chinese titles of each role (no spaces). A title may also follow a unit name that
/// ends in one of [`UNIT_ENDINGS`].
const TITLES: &[(&str, Role)] = &[
    ("书记", Role::Secretary),
    ("党委书记", Role::Secretary),
    ("党工委书记", Role::Secretary),
    ("副书记", Role::DeputySecretary),
    ("党委副书记", Role::DeputySecretary),
    ("党工委副书记", Role::DeputySecretary),
    ("专职副书记", Role::DeputySecretaryPartyBuilding),
    ("抓党建副书记", Role::DeputySecretaryPartyBuilding),
    ("党建副书记", Role::DeputySecretaryPartyBuilding),
    ("抓党建专职副书记", Role::DeputySecretaryPartyBuilding),
    ("党委专职副书记", Role::DeputySecretaryPartyBuilding),
    ("党工委专职副书记", Role::DeputySecretaryPartyBuilding),
    ("专职党委副书记", Role::DeputySecretaryPartyBuilding),
    ("专职党工委副书记", Role::DeputySecretaryPartyBuilding),
    ("党委抓党建副书记", Role::DeputySecretaryPartyBuilding),
    ("党工委抓党建副书记", Role::DeputySecretaryPartyBuilding),
    ("乡长", Role::Head),
    ("镇长", Role::Head),
    ("乡镇长", Role::Head),
    ("苏木达", Role::Head),
    ("主任", Role::Head),
    ("办事处主任", Role::Head),
    ("街道办主任", Role::Head),
    ("街道办事处主任", Role::Head),
    ("人大主席", Role::PcHead),
    ("人大主席团主席", Role::PcHead),
    ("人大专职主席", Role::PcHead),
    ("人大主席团专职主席", Role::PcHead),
    ("人大主任", Role::PcHead),
    ("人大工委主任", Role::PcHead),
    ("人大工作委员会主任", Role::PcHead),
    ("纪委书记", Role::DisciplineSecretary),
    ("纪工委书记", Role::DisciplineSecretary),
    ("纪检监察工委书记", Role::DisciplineSecretary),
    ("纪委副书记", Role::DisciplineDeputySecretary),
    ("纪工委副书记", Role::DisciplineDeputySecretary),
    ("纪检监察工委副书记", Role::DisciplineDeputySecretary),
    ("专职纪委副书记", Role::DisciplineDeputySecretary),
    ("纪委专职副书记", Role::DisciplineDeputySecretary),
    ("专职纪工委副书记", Role::DisciplineDeputySecretary),
    ("纪工委专职副书记", Role::DisciplineDeputySecretary),
    ("组织委员", Role::OrganizationMember),
    ("党委组织委员", Role::OrganizationMember),
    ("党工委组织委员", Role::OrganizationMember),
    ("副乡长", Role::DeputyHead),
    ("副镇长", Role::DeputyHead),
    ("副乡镇长", Role::DeputyHead),
    ("副苏木达", Role::DeputyHead),
    ("常务副乡长", Role::DeputyHead),
    ("常务副镇长", Role::DeputyHead),
    ("副主任", Role::DeputyHead),
    ("常务副主任", Role::DeputyHead),
    ("办事处副主任", Role::DeputyHead),
    ("街道办副主任", Role::DeputyHead),
    ("街道办事处副主任", Role::DeputyHead),
    ("人武部长", Role::ArmedForcesHead),
    ("人武部部长", Role::ArmedForcesHead),
    ("武装部长", Role::ArmedForcesHead),
    ("武装部部长", Role::ArmedForcesHead),
    ("人民武装部长", Role::ArmedForcesHead),
    ("人民武装部部长", Role::ArmedForcesHead),
    ("人大副主席", Role::PcDeputyHead),
    ("人大主席团副主席", Role::PcDeputyHead),
    ("人大专职副主席", Role::PcDeputyHead),
    ("人大兼职副主席", Role::PcDeputyHead),
    ("人大主席团专职副主席", Role::PcDeputyHead),
    ("人大副主任", Role::PcDeputyHead),
    ("人大工委副主任", Role::PcDeputyHead),
    ("人大工作委员会副主任", Role::PcDeputyHead),
    ("委员", Role::Member),
    ("党委委员", Role::Member),
    ("党工委委员", Role::Member),
    ("宣传委员", Role::Member),
    ("统战委员", Role::Member),
    ("政法委员", Role::Member),
    ("宣统委员", Role::Member),
    ("宣传统战委员", Role::Member),
    ("党委宣传委员", Role::Member),
    ("党委统战委员", Role::Member),
    ("党委政法委员", Role::Member),
    ("党委宣统委员", Role::Member),
    ("党工委宣传委员", Role::Member),
    ("党工委统战委员", Role::Member),
    ("党工委政法委员", Role::Member),
    // County, district and city teams (seeds 000, 001): the level word (县, 区, 市, 旗,
    // 州) opens the title, and the place name may stand before it (洛阳市委书记).
    ("县委书记", Role::Secretary),
    ("区委书记", Role::Secretary),
    ("市委书记", Role::Secretary),
    ("旗委书记", Role::Secretary),
    ("州委书记", Role::Secretary),
    ("县委副书记", Role::DeputySecretary),
    ("区委副书记", Role::DeputySecretary),
    ("市委副书记", Role::DeputySecretary),
    ("旗委副书记", Role::DeputySecretary),
    ("州委副书记", Role::DeputySecretary),
    ("县长", Role::Head),
    ("区长", Role::Head),
    ("市长", Role::Head),
    ("旗长", Role::Head),
    ("州长", Role::Head),
    ("副县长", Role::DeputyHead),
    ("副区长", Role::DeputyHead),
    ("副市长", Role::DeputyHead),
    ("副旗长", Role::DeputyHead),
    ("副州长", Role::DeputyHead),
    ("常务副县长", Role::DeputyHead),
    ("常务副区长", Role::DeputyHead),
    ("常务副市长", Role::DeputyHead),
    ("常委", Role::Member),
    ("县委常委", Role::Member),
    ("区委常委", Role::Member),
    ("市委常委", Role::Member),
    ("旗委常委", Role::Member),
    ("州委常委", Role::Member),
    ("人大常委会主任", Role::PcHead),
    ("县人大常委会主任", Role::PcHead),
    ("区人大常委会主任", Role::PcHead),
    ("市人大常委会主任", Role::PcHead),
    ("人大常委会副主任", Role::PcDeputyHead),
    ("县人大常委会副主任", Role::PcDeputyHead),
    ("区人大常委会副主任", Role::PcDeputyHead),
    ("市人大常委会副主任", Role::PcDeputyHead),
    ("政协主席", Role::CppccChair),
    ("县政协主席", Role::CppccChair),
    ("区政协主席", Role::CppccChair),
    ("市政协主席", Role::CppccChair),
    ("政协副主席", Role::CppccViceChair),
    ("县政协副主席", Role::CppccViceChair),
    ("区政协副主席", Role::CppccViceChair),
    ("市政协副主席", Role::CppccViceChair),
    ("县纪委书记", Role::DisciplineSecretary),
    ("区纪委书记", Role::DisciplineSecretary),
    ("市纪委书记", Role::DisciplineSecretary),
    ("监委主任", Role::DisciplineSecretary),
    ("县监委主任", Role::DisciplineSecretary),
    ("区监委主任", Role::DisciplineSecretary),
    ("市监委主任", Role::DisciplineSecretary),
    ("县纪委副书记", Role::DisciplineDeputySecretary),
    ("区纪委副书记", Role::DisciplineDeputySecretary),
    ("市纪委副书记", Role::DisciplineDeputySecretary),
    ("监委副主任", Role::DisciplineDeputySecretary),
    ("县监委副主任", Role::DisciplineDeputySecretary),
    ("区监委副主任", Role::DisciplineDeputySecretary),
    ("市监委副主任", Role::DisciplineDeputySecretary),
];

/// The level words that open a county- or city-level title (县委书记, 市长): such a
/// title may follow a place name that has no ending of [`UNIT_ENDINGS`] (洛阳市委书记), and
/// a county or city may stand before any title or body (某某县人大常委会).
const LEVELS: [char; 5] = ['县', '区', '市', '旗', '州'];

/// How the name of a unit (or its government) ends, when it stands before a title or a
/// body: 某某镇, 某某街道, 某某乡人民政府, 某某街道办事处.
const UNIT_ENDINGS: [&str; 8] = [
    "乡",
    "镇",
    "街道",
    "苏木",
    "人民政府",
    "政府",
    "办事处",
    "街道办",
];

/// Characters that separate two posts written in one cell. 兼 also separates (党委书记兼
/// 人大主席), except in 兼职.
const POST_SEPARATORS: [char; 16] = [
    '、', ',', ';', '/', '\\', '|', '&', '+', '(', ')', '[', ']', '【', '】', '〔', '〕',
];

/// Bracketed notes after a title that do not change the role; 专职 makes a deputy
/// secretary the full-time one.
const NOTES: [&str; 6] = ["专职", "兼职", "正科级", "副科级", "正科", "副科"];

const TWO_POSTS: &str = "two posts in one cell: give each its own slate row";

/// Reads the role of a slate seat.
///
/// Accepts the canonical codes (`deputy_head`, also `Deputy Head`), the English titles
/// of [`Role::label_en`], and the Chinese titles above, optionally after a unit name
/// (某某镇党委副书记), after 专职/兼职, or followed by a bracketed note (（专职）,
/// （正科级）). A cell with two posts (separated by 、 , ; / 兼 or brackets, or simply
/// run together as 党委副书记镇长) is rejected with the reason
/// `two posts in one cell: give each its own slate row`.
pub fn parse(text: &str) -> Result<Role, String> {
    if text.trim().is_empty() {
        return Err("empty post".into());
    }
    let narrowed: String = text.chars().map(narrow).collect();
    let (title, fulltime) = strip_note(narrowed.trim());
    let parts = split_posts(title);
    let role = match parts.as_slice() {
        [one] => one_title(&key(one)),
        _ => {
            if parts
                .iter()
                .filter(|p| one_title(&key(p)).is_some())
                .count()
                >= 2
            {
                return Err(TWO_POSTS.into());
            }
            None
        }
    };
    match role {
        Some(Role::DeputySecretary) if fulltime => Ok(Role::DeputySecretaryPartyBuilding),
        Some(role) => Ok(role),
        None if parts.len() == 1 && run_together(&key(&parts[0])) => Err(TWO_POSTS.into()),
        None => Err(format!(
            "unknown post {}: expected a role code or a title such as 党委书记, 镇长, 组织委员",
            shown(text)
        )),
    }
}

/// The role a single title names, `k` being its [`key`].
fn one_title(k: &str) -> Option<Role> {
    if k.is_empty() {
        return None;
    }
    let by_name = Role::ALL
        .into_iter()
        .find(|r| same_code(k, r.code()) || k == key(r.label_en()));
    by_name.or_else(|| lookup(k, TITLES)).or_else(|| {
        ["专职", "兼职"].into_iter().find_map(|note| {
            let role = lookup(k.strip_prefix(note)?, TITLES)?;
            Some(match role {
                Role::DeputySecretary if note == "专职" => Role::DeputySecretaryPartyBuilding,
                other => other,
            })
        })
    })
}

/// Whether `k` is two titles run together (党委副书记镇长).
fn run_together(k: &str) -> bool {
    TITLES.iter().any(|(title, _)| {
        k.strip_suffix(title)
            .is_some_and(|rest| !rest.is_empty() && one_title(rest).is_some())
    })
}

/// Splits a cell at [`POST_SEPARATORS`] and at 兼 (兼任), dropping empty pieces.
fn split_posts(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '兼' && chars.peek() != Some(&'职') {
            if chars.peek() == Some(&'任') {
                chars.next();
            }
            parts.push(String::new());
        } else if POST_SEPARATORS.contains(&c) {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts.retain(|p| !key(p).is_empty());
    parts
}

/// Removes a trailing bracketed note from [`NOTES`]; says whether it was 专职.
fn strip_note(text: &str) -> (&str, bool) {
    let Some(inner) = text.strip_suffix(')') else {
        return (text, false);
    };
    let Some(open) = inner.rfind('(') else {
        return (text, false);
    };
    let note = key(&inner[open + 1..]);
    if NOTES.contains(&note.as_str()) {
        (&inner[..open], note == "专职")
    } else {
        (text, false)
    }
}

/// The entry of `table` that `k` spells: the entry itself, or a unit name ending in one
/// of [`UNIT_ENDINGS`] followed by the entry. The longest entry wins, so 纪委副书记 is
/// not read as a unit called 纪委 followed by 副书记.
fn lookup<T: Copy>(k: &str, table: &[(&str, T)]) -> Option<T> {
    table
        .iter()
        .filter(|(entry, _)| {
            k.strip_suffix(entry).is_some_and(|unit| {
                unit.is_empty()
                    || UNIT_ENDINGS.iter().any(|end| unit.ends_with(end))
                    || entry.starts_with(LEVELS) && unit.chars().count() >= 2
                    || unit.ends_with(LEVELS) && unit.chars().count() >= 2
            })
        })
        .max_by_key(|(entry, _)| entry.len())
        .map(|&(_, value)| value)
}

/// Whether `k` is `code` written without its underscores (`deputyhead` for `deputy_head`).
fn same_code(k: &str, code: &str) -> bool {
    k.chars().eq(code.chars().filter(|&c| c != '_'))
}

/// How the person came to the seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nomination {
    /// 新提拔: promoted into the team.
    New,
    /// 继续提名: re-nominated for the seat or team they are in (连任, 留任).
    Continued,
    /// 平级转任: moved in at the same rank.
    Transfer,
    /// 交流: exchanged in from elsewhere.
    Exchanged,
}

impl Nomination {
    /// Every kind, in display order.
    pub const ALL: [Nomination; 4] = [
        Nomination::New,
        Nomination::Continued,
        Nomination::Transfer,
        Nomination::Exchanged,
    ];

    /// The code of the data contract: `new`, `continued`, `transfer`, `exchanged`.
    pub fn code(self) -> &'static str {
        match self {
            Nomination::New => "new",
            Nomination::Continued => "continued",
            Nomination::Transfer => "transfer",
            Nomination::Exchanged => "exchanged",
        }
    }

    /// The Chinese label: 新提拔, 继续提名, 平级转任, 交流.
    pub fn label_zh(self) -> &'static str {
        match self {
            Nomination::New => "新提拔",
            Nomination::Continued => "继续提名",
            Nomination::Transfer => "平级转任",
            Nomination::Exchanged => "交流",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Nomination::New => "newly promoted",
            Nomination::Continued => "re-nominated",
            Nomination::Transfer => "lateral transfer",
            Nomination::Exchanged => "exchanged in",
        }
    }

    /// Reads a nomination kind: the codes, the Chinese labels and 提拔 (new), 连任 / 留任
    /// (continued), 转任 (transfer), 交流任职 / 交流进入 (exchanged), the English labels.
    pub fn parse(text: &str) -> Result<Nomination, String> {
        if text.trim().is_empty() {
            return Err("empty nomination".into());
        }
        let k = key(text);
        let found = Nomination::ALL
            .into_iter()
            .find(|n| k == n.code() || k == n.label_zh() || k == key(n.label_en()));
        let found = found.or(match k.as_str() {
            "提拔" | "新提" | "promoted" | "promotion" => Some(Nomination::New),
            "连任" | "留任" | "继续留任" | "renominated" => Some(Nomination::Continued),
            "转任" | "平转" | "lateral" => Some(Nomination::Transfer),
            "交流任职" | "交流进入" | "交流进班子" | "异地交流" | "exchange" => {
                Some(Nomination::Exchanged)
            }
            _ => None,
        });
        found.ok_or_else(|| {
            format!(
                "unknown nomination {}: expected 新提拔, 继续提名, 平级转任 or 交流",
                shown(text)
            )
        })
    }
}

impl fmt::Display for Nomination {
    /// The Chinese label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// The body a seat belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Body {
    /// 党委, including a 街道's 党工委.
    PartyCommittee,
    /// 纪委, including 纪工委.
    Discipline,
    /// 政府: the township government, or a 街道's 办事处.
    Government,
    /// 人大: the township 人大主席团, or a 街道's 人大工委.
    PeoplesCongress,
    /// 政协: a county's or city's political consultative conference.
    Cppcc,
    /// 班子: the whole leadership team.
    Team,
}

impl Body {
    /// Every body, in display order.
    pub const ALL: [Body; 6] = [
        Body::PartyCommittee,
        Body::Discipline,
        Body::Government,
        Body::PeoplesCongress,
        Body::Cppcc,
        Body::Team,
    ];

    /// The English code: `party_committee`, `discipline`, `government`,
    /// `peoples_congress`, `team`.
    pub fn code(self) -> &'static str {
        match self {
            Body::PartyCommittee => "party_committee",
            Body::Discipline => "discipline",
            Body::Government => "government",
            Body::PeoplesCongress => "peoples_congress",
            Body::Cppcc => "cppcc",
            Body::Team => "team",
        }
    }

    /// The contract's Chinese label: 党委, 纪委, 政府, 人大, 班子.
    pub fn label_zh(self) -> &'static str {
        match self {
            Body::PartyCommittee => "党委",
            Body::Discipline => "纪委",
            Body::Government => "政府",
            Body::PeoplesCongress => "人大",
            Body::Cppcc => "政协",
            Body::Team => "班子",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Body::PartyCommittee => "party committee",
            Body::Discipline => "discipline committee",
            Body::Government => "government",
            Body::PeoplesCongress => "people's congress",
            Body::Cppcc => "political consultative conference",
            Body::Team => "leadership team",
        }
    }

    /// Reads a body: the labels and codes, their variants (党工委, 纪工委, 人民政府, 办事处,
    /// 人大主席团, 人大工委, 领导班子, …), the full names (中共某某镇委员会, 某某镇纪律检查委员会),
    /// and any of these after a unit name (镇党委, 某某街道办事处).
    pub fn parse(text: &str) -> Result<Body, String> {
        if text.trim().is_empty() {
            return Err("empty body".into());
        }
        let k = key(text);
        let by_name = Body::ALL
            .into_iter()
            .find(|b| same_code(&k, b.code()) || k == key(b.label_en()));
        let unprefixed = k.strip_prefix("中共").unwrap_or(&k);
        by_name
            .or_else(|| lookup(unprefixed, BODIES))
            .ok_or_else(|| {
                format!(
                    "unknown body {}: expected 党委, 纪委, 政府, 人大 or 班子",
                    shown(text)
                )
            })
    }
}

impl fmt::Display for Body {
    /// The Chinese label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// Chinese names of each body (no spaces); a unit name may stand before them.
const BODIES: &[(&str, Body)] = &[
    ("党委", Body::PartyCommittee),
    ("党工委", Body::PartyCommittee),
    ("党委会", Body::PartyCommittee),
    ("委员会", Body::PartyCommittee),
    ("工作委员会", Body::PartyCommittee),
    ("纪委", Body::Discipline),
    ("纪工委", Body::Discipline),
    ("纪检监察工委", Body::Discipline),
    ("纪律检查委员会", Body::Discipline),
    ("纪律检查工作委员会", Body::Discipline),
    ("政府", Body::Government),
    ("人民政府", Body::Government),
    ("办事处", Body::Government),
    ("街道办", Body::Government),
    ("街道办事处", Body::Government),
    ("人大", Body::PeoplesCongress),
    ("人大主席团", Body::PeoplesCongress),
    ("人大工委", Body::PeoplesCongress),
    ("人大工作委员会", Body::PeoplesCongress),
    ("人民代表大会", Body::PeoplesCongress),
    ("人民代表大会主席团", Body::PeoplesCongress),
    ("常委会", Body::PartyCommittee),
    ("县委", Body::PartyCommittee),
    ("区委", Body::PartyCommittee),
    ("市委", Body::PartyCommittee),
    ("县委常委会", Body::PartyCommittee),
    ("区委常委会", Body::PartyCommittee),
    ("市委常委会", Body::PartyCommittee),
    ("人大常委会", Body::PeoplesCongress),
    ("人民代表大会常务委员会", Body::PeoplesCongress),
    ("县政府", Body::Government),
    ("区政府", Body::Government),
    ("市政府", Body::Government),
    ("监委", Body::Discipline),
    ("监察委员会", Body::Discipline),
    ("政协", Body::Cppcc),
    ("政治协商会议", Body::Cppcc),
    ("班子", Body::Team),
    ("领导班子", Body::Team),
    ("党政班子", Body::Team),
    ("党政领导班子", Body::Team),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str) -> Role {
        parse(text).unwrap_or_else(|err| panic!("{text:?}: {err}"))
    }

    #[test]
    fn every_title_in_the_table_parses_to_its_role() {
        for &(title, expected) in TITLES {
            assert_eq!(role(title), expected, "{title}");
        }
    }

    #[test]
    fn the_titles_of_the_brief() {
        use Role::*;
        let cases: [(&[&str], Role); 12] = [
            (&["党委书记", "党工委书记", "书记"], Secretary),
            (&["党委副书记", "党工委副书记", "副书记"], DeputySecretary),
            (
                &["专职副书记", "抓党建副书记", "党委专职副书记"],
                DeputySecretaryPartyBuilding,
            ),
            (
                &["乡长", "镇长", "办事处主任", "街道办事处主任", "主任"],
                Head,
            ),
            (&["人大主席", "人大主席团主席", "人大工委主任"], PcHead),
            (&["人大副主席", "人大工委副主任"], PcDeputyHead),
            (&["纪委书记", "纪工委书记"], DisciplineSecretary),
            (&["纪委副书记", "专职纪委副书记"], DisciplineDeputySecretary),
            (&["组织委员"], OrganizationMember),
            (&["副乡长", "副镇长", "副主任", "办事处副主任"], DeputyHead),
            (&["人武部长", "武装部长"], ArmedForcesHead),
            (
                &["委员", "党委委员", "宣传委员", "统战委员", "政法委员"],
                Member,
            ),
        ];
        for (titles, expected) in cases {
            for title in titles {
                assert_eq!(role(title), expected, "{title}");
            }
        }
    }

    #[test]
    fn codes_and_labels_parse_back() {
        for r in Role::ALL {
            assert_eq!(role(r.code()), r);
            assert_eq!(role(&r.code().to_uppercase()), r);
            assert_eq!(role(&r.code().replace('_', " ")), r);
            assert_eq!(role(r.label_zh()), r);
            assert_eq!(role(r.label_zh_in(true)), r);
            assert_eq!(role(r.label_en()), r);
        }
        assert_eq!(
            Role::DeputySecretaryPartyBuilding.code(),
            "deputy_secretary_party_building"
        );
        assert_eq!(Role::Head.label_zh_in(true), "办事处主任");
        assert_eq!(Role::Head.label_zh_in(false), "乡镇长");
        assert_eq!(Role::Member.to_string(), "党委委员");
        assert_eq!(Role::parse("pc_head"), Ok(Role::PcHead));
    }

    #[test]
    fn titles_after_a_unit_name() {
        use Role::*;
        let cases = [
            ("某某镇党委副书记", DeputySecretary),
            ("某某县某某乡党委书记", Secretary),
            ("镇党委书记", Secretary),
            ("某某街道党工委书记", Secretary),
            ("某某乡乡长", Head),
            ("某某镇人民政府镇长", Head),
            ("某某街道办事处主任", Head),
            ("某某街道办事处副主任", DeputyHead),
            ("某某镇副镇长", DeputyHead),
            ("某某镇人大主席", PcHead),
            ("某某街道人大工委主任", PcHead),
            ("某某镇纪委书记", DisciplineSecretary),
            ("某某镇纪委副书记", DisciplineDeputySecretary),
            ("某某镇专职副书记", DeputySecretaryPartyBuilding),
            ("某某镇党委组织委员", OrganizationMember),
            ("某某苏木苏木达", Head),
            ("某某乡人武部长", ArmedForcesHead),
            ("某某镇党委宣传委员", Member),
        ];
        for (text, expected) in cases {
            assert_eq!(role(text), expected, "{text}");
        }
    }

    #[test]
    fn notes_spacing_and_full_width() {
        use Role::*;
        assert_eq!(role("党委副书记（专职）"), DeputySecretaryPartyBuilding);
        assert_eq!(role("党委副书记(兼职)"), DeputySecretary);
        assert_eq!(role("纪委副书记（专职）"), DisciplineDeputySecretary);
        assert_eq!(role("镇长（正科级）"), Head);
        assert_eq!(role("专职人大主席"), PcHead);
        assert_eq!(role("人大兼职副主席"), PcDeputyHead);
        assert_eq!(role("组织委员（兼）"), OrganizationMember);
        assert_eq!(role(" 党委 副书记 "), DeputySecretary);
        assert_eq!(role("党委书记、"), Secretary);
        assert_eq!(role("Ｄｅｐｕｔｙ＿Ｈｅａｄ"), DeputyHead);
        assert_eq!(role("Party Secretary"), Secretary);
    }

    #[test]
    fn two_posts_in_one_cell_are_rejected() {
        for text in [
            "党委副书记、镇长",
            "镇党委副书记，镇长",
            "党委书记兼人大主席",
            "党委委员兼任副镇长",
            "人武部长（兼副镇长）",
            "党委委员/组织委员",
            "党委副书记 镇长",
            "党委副书记镇长",
            "党委书记人大主席",
            "secretary; head",
        ] {
            assert_eq!(parse(text), Err(TWO_POSTS.to_string()), "{text:?}");
        }
    }

    #[test]
    fn county_and_city_titles() {
        use Role::*;
        let cases = [
            ("县委书记", Secretary),
            ("洛阳市委书记", Secretary),
            ("平川区委书记", Secretary),
            ("某某县县委书记", Secretary),
            ("市委副书记", DeputySecretary),
            ("县长", Head),
            ("洛阳市长", Head),
            ("洛阳市市长", Head),
            ("平川区区长", Head),
            ("副市长", DeputyHead),
            ("常务副县长", DeputyHead),
            ("县委常委", Member),
            ("常委", Member),
            ("县人大常委会主任", PcHead),
            ("洛阳市人大常委会副主任", PcDeputyHead),
            ("县政协主席", CppccChair),
            ("政协副主席", CppccViceChair),
            ("县纪委书记", DisciplineSecretary),
            ("监委主任", DisciplineSecretary),
            ("县纪委副书记", DisciplineDeputySecretary),
        ];
        for (text, expected) in cases {
            assert_eq!(role(text), expected, "{text}");
        }
        for (text, expected) in [
            ("常委会", Body::PartyCommittee),
            ("县委常委会", Body::PartyCommittee),
            ("人大常委会", Body::PeoplesCongress),
            ("某某县人大常委会", Body::PeoplesCongress),
            ("政协", Body::Cppcc),
            ("某某县政协", Body::Cppcc),
        ] {
            assert_eq!(Body::parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn principal_posts() {
        for r in Role::ALL {
            let expected_township = matches!(r, Role::Secretary | Role::Head);
            let expected_subdistrict = expected_township || r == Role::PcHead;
            assert_eq!(r.is_principal(false), expected_township, "{r:?}");
            assert_eq!(r.is_principal(true), expected_subdistrict, "{r:?}");
        }
    }

    #[test]
    fn role_rejections_say_why() {
        assert_eq!(parse(" "), Err("empty post".to_string()));
        assert_eq!(
            parse("党政办主任"),
            Err("unknown post \"党政办主任\": expected a role code or a title such as 党委书记, 镇长, 组织委员".to_string())
        );
        for bad in [
            "县委办公室主任",
            "村党支部书记",
            "纪委委员",
            "镇长助理",
            "副镇长（挂职）",
            "主席",
            "、",
            "()",
            "兼",
            "兼职",
            "secretary general",
        ] {
            let err = parse(bad).unwrap_err();
            assert!(err.starts_with("unknown post"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn nominations() {
        use Nomination::*;
        let cases: [(&[&str], Nomination); 4] = [
            (&["新提拔", "提拔", "new", "NEW", "promoted"], New),
            (
                &["继续提名", "连任", "留任", "continued", "re-nominated"],
                Continued,
            ),
            (
                &["平级转任", "转任", "transfer", "Lateral Transfer"],
                Transfer,
            ),
            (
                &["交流", "交流任职", "交流进入", "exchanged", "exchanged in"],
                Exchanged,
            ),
        ];
        for (spellings, expected) in cases {
            for s in spellings {
                assert_eq!(Nomination::parse(s), Ok(expected), "{s}");
            }
        }
        for n in Nomination::ALL {
            assert_eq!(Nomination::parse(n.code()), Ok(n));
            assert_eq!(Nomination::parse(n.label_zh()), Ok(n));
        }
        assert_eq!(Nomination::Transfer.to_string(), "平级转任");
        assert_eq!(Nomination::parse(""), Err("empty nomination".to_string()));
        assert!(Nomination::parse("交流提拔")
            .unwrap_err()
            .starts_with("unknown nomination \"交流提拔\""));
        assert!(Nomination::parse("old").is_err());
    }

    #[test]
    fn bodies() {
        use Body::*;
        let cases: [(&[&str], Body); 5] = [
            (
                &[
                    "党委",
                    "党工委",
                    "镇党委",
                    "街道党工委",
                    "中共某某镇委员会",
                    "party_committee",
                    "Party Committee",
                ],
                PartyCommittee,
            ),
            (
                &[
                    "纪委",
                    "纪工委",
                    "某某镇纪律检查委员会",
                    "中共某某镇纪律检查委员会",
                    "discipline",
                ],
                Discipline,
            ),
            (
                &[
                    "政府",
                    "办事处",
                    "街道办",
                    "街道办事处",
                    "某某镇人民政府",
                    "某某街道办事处",
                    "government",
                ],
                Government,
            ),
            (
                &[
                    "人大",
                    "人大主席团",
                    "人大工委",
                    "某某镇人大主席团",
                    "人大工作委员会",
                    "peoples_congress",
                    "People's Congress",
                ],
                PeoplesCongress,
            ),
            (&["班子", "领导班子", "镇领导班子", "team"], Team),
        ];
        for (spellings, expected) in cases {
            for s in spellings {
                assert_eq!(Body::parse(s), Ok(expected), "{s}");
            }
        }
        for b in Body::ALL {
            assert_eq!(Body::parse(b.code()), Ok(b));
            assert_eq!(Body::parse(b.label_zh()), Ok(b));
            assert_eq!(Body::parse(b.label_en()), Ok(b));
        }
        assert_eq!(Body::Government.to_string(), "政府");
        assert_eq!(Body::parse("  "), Err("empty body".to_string()));
        for bad in ["县委办", "党支部", "村委会", "政协委员会办公室"] {
            assert!(
                Body::parse(bad).unwrap_err().starts_with("unknown body"),
                "{bad}"
            );
        }
    }
}
