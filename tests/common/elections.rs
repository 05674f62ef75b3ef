//! The election tables of the hand-made district: the 2016 and 2021 elections of 柳河镇
//! (T01) and 青山县 (C01), and the 2021 party congress of 东门街道 (S01), passing every
//! election rule. Tests change one thing at a time.
//!
//! - T01 人大代表 2021 (`T01-PC21`, 10 seats): 12 candidates in five constituencies, 10
//!   elected (P01, P09, D01–D08): 3 incumbents (30%), 6 frontline (60%, against 50% in
//!   2016 and 40% in the county), 2 leading cadres (as in 2016), 3 women, 3 non-party.
//! - T01 人大代表 2016 (`T01-PC16`, 10 seats): a list without results, all delegates.
//! - C01 人大代表 2021 (`C01-PC21`, 10 seats, 县): P09 (the presidium chair, POST-008) and
//!   D20–D28.
//! - T01 人大主席团 2021 (`T01-PR21`): P09 full-time chair, P01 (党委书记, a PC delegate:
//!   POST-013) and D03.
//! - T01 党代会代表 2021 and 2016 (`T01-PCG21`, `T01-PCG16`): 12 candidates for 10 seats (20%).
//! - T01 党委委员 2021 and 2016 (`T01-PCM21`, `T01-PCM16`): 9 candidates for 7 seats (28.6%),
//!   the secretary (黄) and deputies first, then 王 刘 李 吴 周 黄 in stroke order.
//! - T01 纪委委员 2021 (`T01-DCM21`): 6 candidates for 5 seats, the 纪委书记 first, then
//!   丁 王 刘 李 周.
//! - S01 党代会代表 2021 (`S01-PCG21`): 100 seats, 600 party members, no list.
//! - P07 sits on the 2021 election committee; four proxy votes, three to V10.

use super::{person, Person, World};
use std::path::Path;

#[derive(Clone, Default)]
pub struct Election {
    pub id: &'static str,
    pub cycle: &'static str,
    pub unit: &'static str,
    pub body: &'static str,
    pub seats: u32,
    pub level: &'static str,
    pub previous: &'static str,
    pub party_members: &'static str,
    pub assembly: &'static str,
    pub competitive: &'static str,
}

#[derive(Clone, Default)]
pub struct Candidate {
    pub election: &'static str,
    pub person: String,
    pub ballot_order: String,
    pub role: &'static str,
    pub fulltime: &'static str,
    pub elected: &'static str,
    pub incumbent: &'static str,
    pub category: &'static str,
    pub quota_category: &'static str,
    pub frontline: &'static str,
    pub leading_cadre: &'static str,
    pub flags: &'static str,
    pub constituency: &'static str,
}

#[derive(Clone, Default)]
pub struct Membership {
    pub person: &'static str,
    pub cycle: &'static str,
    pub body: &'static str,
    pub level: &'static str,
    pub role: &'static str,
}

#[derive(Clone, Default)]
pub struct Proxy {
    pub election: &'static str,
    pub voter: &'static str,
    pub proxy: &'static str,
    pub approved: &'static str,
}

/// The four optional tables.
#[derive(Clone, Default)]
pub struct Tables {
    pub elections: Vec<Election>,
    pub candidates: Vec<Candidate>,
    pub memberships: Vec<Membership>,
    pub proxies: Vec<Proxy>,
}

fn table(dir: &Path, name: &str, header: &str, rows: Vec<String>) {
    let mut text = format!("{header}\n");
    for r in rows {
        text.push_str(&r);
        text.push('\n');
    }
    std::fs::write(dir.join(name), text).unwrap();
}

impl Tables {
    /// Writes the tables into `dir` (nothing when there is no election).
    pub fn write(&self, dir: &Path) {
        if self.elections.is_empty() {
            return;
        }
        table(
            dir,
            "elections.csv",
            "election_id,cycle,unit_id,body,seats,level,previous,party_members,assembly,competitive",
            self.elections
                .iter()
                .map(|e| {
                    format!(
                        "{},{},{},{},{},{},{},{},{},{}",
                        e.id,
                        e.cycle,
                        e.unit,
                        e.body,
                        e.seats,
                        e.level,
                        e.previous,
                        e.party_members,
                        e.assembly,
                        e.competitive
                    )
                })
                .collect(),
        );
        table(
            dir,
            "candidates.csv",
            "election_id,person_id,ballot_order,role,fulltime,elected,incumbent,category,quota_category,frontline,leading_cadre,flags,constituency",
            self.candidates
                .iter()
                .map(|c| {
                    format!(
                        "{},{},{},{},{},{},{},{},{},{},{},{},{}",
                        c.election,
                        c.person,
                        c.ballot_order,
                        c.role,
                        c.fulltime,
                        c.elected,
                        c.incumbent,
                        c.category,
                        c.quota_category,
                        c.frontline,
                        c.leading_cadre,
                        c.flags,
                        c.constituency
                    )
                })
                .collect(),
        );
        table(
            dir,
            "memberships.csv",
            "person_id,cycle,body,level,role",
            self.memberships
                .iter()
                .map(|m| format!("{},{},{},{},{}", m.person, m.cycle, m.body, m.level, m.role))
                .collect(),
        );
        table(
            dir,
            "proxies.csv",
            "election_id,voter,proxy_id,approved",
            self.proxies
                .iter()
                .map(|p| format!("{},{},{},{}", p.election, p.voter, p.proxy, p.approved))
                .collect(),
        );
    }
}

/// Delegate `n` (`D01`…): a woman when `n % 3 == 1`, non-party when `n % 3 == 2`.
pub fn delegate_id(n: u32) -> String {
    format!("D{n:02}")
}

fn delegate(n: u32) -> Person {
    let id: &'static str = Box::leak(delegate_id(n).into_boxed_str());
    let gender = if n % 3 == 1 { "女" } else { "男" };
    Person {
        party: if n % 3 == 2 { "民盟" } else { "" },
        ..person(id, gender, 45, "")
    }
}

fn el(
    id: &'static str,
    cycle: &'static str,
    unit: &'static str,
    body: &'static str,
    seats: u32,
) -> Election {
    Election {
        id,
        cycle,
        unit,
        body,
        seats,
        ..Election::default()
    }
}

/// A candidate of `election` (a plain list row).
pub fn cand(election: &'static str, person: &str) -> Candidate {
    Candidate {
        election,
        person: person.to_string(),
        ..Candidate::default()
    }
}

/// A PC-delegate candidate: elected or not, incumbent, frontline (农民) or not, leading
/// cadre (党政干部) or not, in a constituency.
fn pc(
    election: &'static str,
    person: &str,
    elected: bool,
    incumbent: bool,
    frontline: bool,
    leading: bool,
    constituency: &'static str,
) -> Candidate {
    let category = if leading {
        "党政干部"
    } else if frontline {
        "农民"
    } else {
        "其他"
    };
    Candidate {
        elected: if elected { "是" } else { "否" },
        incumbent: if incumbent { "是" } else { "否" },
        category,
        quota_category: category,
        leading_cadre: if leading { "是" } else { "否" },
        constituency,
        ..cand(election, person)
    }
}

/// A ballot row with its order and list role.
fn ballot(election: &'static str, person: &str, order: u32, role: &'static str) -> Candidate {
    Candidate {
        ballot_order: order.to_string(),
        role,
        ..cand(election, person)
    }
}

/// The base district with its clean elections.
pub fn with_elections() -> World {
    let mut w = super::base();
    for (id, name) in [
        ("P01", "黄山"),
        ("P02", "周林"),
        ("P03", "孙丽"),
        ("P04", "王芳"),
        ("P05", "刘强"),
        ("P06", "李明"),
        ("P07", "吴军"),
        ("P08", "周涛"),
        ("P09", "马成"),
    ] {
        w.person(id).name = name;
    }
    for n in 1..=39 {
        w.persons.push(delegate(n));
    }
    for (n, name) in [
        (34, "黄河"),
        (35, "丁一"),
        (36, "王二"),
        (37, "刘三"),
        (38, "李四"),
        (39, "周五"),
    ] {
        w.person(&delegate_id(n)).name = name;
    }
    let t = &mut w.el;
    t.elections = vec![
        Election {
            previous: "T01-PC16",
            ..el("T01-PC21", "2021", "T01", "人大代表", 10)
        },
        el("T01-PC16", "2016", "T01", "人大代表", 10),
        Election {
            level: "县",
            ..el("C01-PC21", "2021", "C01", "人大代表", 10)
        },
        el("T01-PR21", "2021", "T01", "人大主席团", 3),
        Election {
            previous: "T01-PCG16",
            ..el("T01-PCG21", "2021", "T01", "党代会代表", 10)
        },
        el("T01-PCG16", "2016", "T01", "党代会代表", 10),
        Election {
            previous: "T01-PCM16",
            ..el("T01-PCM21", "2021", "T01", "党委委员", 7)
        },
        el("T01-PCM16", "2016", "T01", "党委委员", 7),
        el("T01-DCM21", "2021", "T01", "纪委委员", 5),
        Election {
            party_members: "600",
            ..el("S01-PCG21", "2021", "S01", "党代会代表", 100)
        },
    ];
    let c = &mut t.candidates;
    // T01 人大代表 2021: 10 elected of 12, two per constituency.
    let d = delegate_id;
    c.push(pc("T01-PC21", "P01", true, false, false, true, "第1选区"));
    c.push(pc("T01-PC21", "P09", true, false, false, true, "第2选区"));
    let places = [
        "第1选区",
        "第2选区",
        "第3选区",
        "第3选区",
        "第4选区",
        "第4选区",
        "第5选区",
        "第5选区",
    ];
    for n in 1..=8 {
        c.push(pc(
            "T01-PC21",
            &d(n),
            true,
            n <= 3,
            n <= 6,
            false,
            places[n as usize - 1],
        ));
    }
    c.push(pc("T01-PC21", &d(9), false, false, true, false, "第3选区"));
    c.push(pc("T01-PC21", &d(10), false, false, true, false, "第5选区"));
    // T01 人大代表 2016: D01–D03 and D11–D17; D11–D13 incumbents, 5 frontline, 2 leading.
    for n in [1, 2, 3, 11, 12, 13, 14, 15, 16, 17] {
        c.push(Candidate {
            elected: "",
            constituency: "",
            ..pc(
                "T01-PC16",
                &d(n),
                true,
                (11..=13).contains(&n),
                n <= 3 || n == 11 || n == 12,
                n >= 16,
                "",
            )
        });
    }
    // 青山县 人大代表 2021: P09 and D20–D28; 3 incumbents, 4 frontline.
    c.push(Candidate {
        elected: "",
        constituency: "",
        ..pc("C01-PC21", "P09", true, false, false, true, "")
    });
    for n in 20..=28 {
        c.push(Candidate {
            elected: "",
            constituency: "",
            ..pc("C01-PC21", &d(n), true, n <= 22, n >= 25, false, "")
        });
    }
    // The presidium.
    c.push(Candidate {
        role: "主席",
        fulltime: "是",
        ..cand("T01-PR21", "P09")
    });
    c.push(cand("T01-PR21", "P01"));
    c.push(cand("T01-PR21", &d(3)));
    // Party congresses: P02–P08 and D30–D34.
    for e in ["T01-PCG21", "T01-PCG16"] {
        for p in ["P02", "P03", "P04", "P05", "P06", "P07", "P08"] {
            c.push(cand(e, p));
        }
        for n in 30..=34 {
            c.push(cand(e, &d(n)));
        }
    }
    // Party committees: 黄(secretary) 周 孙 (deputies), then 王 刘 李 吴 周 黄.
    for e in ["T01-PCM21", "T01-PCM16"] {
        let order = [
            ("P01", "书记"),
            ("P02", "副书记"),
            ("P03", "副书记"),
            ("P04", ""),
            ("P05", ""),
            ("P06", ""),
            ("P07", ""),
            ("P08", ""),
        ];
        for (i, (p, role)) in order.iter().enumerate() {
            c.push(ballot(e, p, i as u32 + 1, role));
        }
        c.push(ballot(e, &d(34), 9, ""));
    }
    // Discipline committee: the 纪委书记 (王) first, then 丁 王 刘 李 周.
    c.push(ballot("T01-DCM21", "P04", 1, "纪委书记"));
    for (i, n) in (35..=39).enumerate() {
        c.push(ballot("T01-DCM21", &d(n), i as u32 + 2, ""));
    }
    t.memberships = vec![Membership {
        person: "P07",
        cycle: "2021",
        body: "选举委员会",
        level: "乡镇",
        role: "委员",
    }];
    t.proxies = ["V01", "V02", "V03"]
        .iter()
        .map(|v| Proxy {
            election: "T01-PC21",
            voter: v,
            proxy: "V10",
            approved: "是",
        })
        .chain([Proxy {
            election: "T01-PC21",
            voter: "V04",
            proxy: "V11",
            approved: "",
        }])
        .collect();
    w
}

impl World {
    pub fn election(&mut self, id: &str) -> &mut Election {
        self.el.elections.iter_mut().find(|e| e.id == id).unwrap()
    }

    pub fn candidate(&mut self, election: &str, person: &str) -> &mut Candidate {
        self.el
            .candidates
            .iter_mut()
            .find(|c| c.election == election && c.person == person)
            .unwrap_or_else(|| panic!("{person} is not on {election}"))
    }

    pub fn drop_candidate(&mut self, election: &str, person: &str) -> &mut Self {
        let before = self.el.candidates.len();
        self.el
            .candidates
            .retain(|c| !(c.election == election && c.person == person));
        assert!(
            self.el.candidates.len() < before,
            "{person} not on {election}"
        );
        self
    }

    /// Adds delegate persons `D{from}`…`D{to}` (beyond D39) as cadres.
    pub fn add_delegates(&mut self, from: u32, to: u32) -> &mut Self {
        for n in from..=to {
            self.persons.push(delegate(n));
        }
        self
    }
}
