//! The hand-made district shared by the rule and comparison tests: 柳河镇 (T01, a 镇 of
//! 青山县) with 9 members on 10 posts and 东门街道 (S01, a 街道 of 城关区) with 8 members on 9
//! posts, in cycles 2016 and 2021 (reference dates 09-30) with the same people, passing
//! every rule but GEN-002. Tests change one thing at a time.
#![allow(dead_code)]

use banzi::pipeline::{Run, RunOptions};
use banzi::rules::{self, Config, Finding, Lang};
use std::path::Path;

#[derive(Clone)]
pub struct Person {
    pub id: &'static str,
    pub gender: &'static str,
    pub birth: String,
    pub ethnicity: &'static str,
    pub staffing: &'static str,
    pub specialties: &'static str,
    pub hold: bool,
    pub native: &'static str,
}

#[derive(Clone)]
pub struct Seat {
    pub cycle: &'static str,
    pub unit: &'static str,
    pub body: &'static str,
    pub post: &'static str,
    pub person: &'static str,
    pub nomination: &'static str,
    pub fulltime: &'static str,
}

#[derive(Clone)]
pub struct Career {
    pub person: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub unit: &'static str,
    pub unit_name: &'static str,
    pub post: &'static str,
}

#[derive(Clone)]
pub struct World {
    pub persons: Vec<Person>,
    pub seats: Vec<Seat>,
    pub careers: Vec<Career>,
    pub relations: Vec<(&'static str, &'static str, &'static str)>,
    pub minority_area: bool,
    /// `cycles.csv` content.
    pub cycles: String,
}

/// Birth date that makes someone `age` (completed years) on 2021-09-30: born 2021-age in March.
pub fn born(age: i32) -> String {
    format!("{}-03", 2021 - age)
}

pub fn person(
    id: &'static str,
    gender: &'static str,
    age: i32,
    specialties: &'static str,
) -> Person {
    Person {
        id,
        gender,
        birth: born(age),
        ethnicity: "汉族",
        staffing: "公务员",
        specialties,
        hold: false,
        native: "",
    }
}

pub fn seat(
    unit: &'static str,
    body: &'static str,
    post: &'static str,
    person: &'static str,
) -> Seat {
    Seat {
        cycle: "2021",
        unit,
        body,
        post,
        person,
        nomination: "继续提名",
        fulltime: "",
    }
}

pub fn base() -> World {
    let persons = vec![
        person("P01", "男", 45, "党务;经济"),
        person("P02", "女", 40, "经济;社会管理"),
        person("P03", "男", 33, "党务"),
        person("P04", "女", 38, "法治"),
        person("P05", "男", 31, "社会管理"),
        person("P06", "男", 50, "农林水牧"),
        person("P07", "男", 42, "信访"),
        Person {
            staffing: "事业编制",
            ..person("P08", "男", 36, "城建")
        },
        person("P09", "男", 52, "环保"),
        person("P11", "男", 46, "党务"),
        person("P12", "女", 41, "经济"),
        person("P13", "男", 35, "社会管理"),
        person("P14", "男", 34, "党务"),
        person("P15", "女", 39, "法治"),
        person("P16", "男", 32, "城建"),
        person("P18", "男", 44, "金融财政"),
        person("P19", "男", 48, "信访"),
    ];
    let t = "T01";
    let s = "S01";
    let mut seats = vec![
        seat(t, "党委", "党委书记", "P01"),
        seat(t, "党委", "党委副书记", "P02"),
        seat(t, "政府", "镇长", "P02"),
        seat(t, "党委", "专职副书记", "P03"),
        seat(t, "党委", "纪委书记", "P04"),
        seat(t, "党委", "组织委员", "P05"),
        seat(t, "党委", "人武部长", "P06"),
        seat(t, "党委", "宣传委员", "P07"),
        seat(t, "政府", "副镇长", "P08"),
        seat(t, "人大", "人大主席", "P09"),
        seat(s, "党委", "党工委书记", "P11"),
        seat(s, "党委", "党工委副书记", "P12"),
        seat(s, "政府", "办事处主任", "P12"),
        seat(s, "人大", "人大工委主任", "P13"),
        seat(s, "党委", "专职副书记", "P14"),
        seat(s, "党委", "纪工委书记", "P15"),
        seat(s, "党委", "组织委员", "P16"),
        seat(s, "党委", "人武部长", "P18"),
        seat(s, "党委", "宣传委员", "P19"),
    ];
    // The discipline secretaries are full-time (a blank 专职 cannot be verified, POST-003).
    for x in seats
        .iter_mut()
        .filter(|x| x.post.ends_with("纪委书记") || x.post.ends_with("纪工委书记"))
    {
        x.fulltime = "是";
    }
    // The 2016 teams: the same people in the same posts.
    let previous: Vec<Seat> = seats
        .iter()
        .map(|x| Seat {
            cycle: "2016",
            ..x.clone()
        })
        .collect();
    seats.extend(previous);
    // Everybody has worked in their unit since 2014.07 (7.25 years at the reference date),
    // in a post that is not theirs now, so tenure rules stay quiet; the 街道 people also
    // have 街道 work.
    let careers = persons
        .iter()
        .map(|p| {
            let sub = p.id >= "P11";
            Career {
                person: p.id,
                start: "2014.07",
                end: "",
                unit: if sub { "S01" } else { "T01" },
                unit_name: if sub {
                    "城关区东门街道"
                } else {
                    "青山县柳河镇"
                },
                post: "科员",
            }
        })
        .collect();
    World {
        persons,
        seats,
        careers,
        relations: vec![],
        minority_area: false,
        cycles: "cycle,as_of,previous\n2016,2016-09-30,\n2021,2021-09-30,2016\n".to_string(),
    }
}

impl World {
    pub fn person(&mut self, id: &str) -> &mut Person {
        self.persons.iter_mut().find(|p| p.id == id).unwrap()
    }

    pub fn age(&mut self, id: &str, age: i32) -> &mut Self {
        self.person(id).birth = born(age);
        self
    }

    pub fn drop_seat(&mut self, cycle: &str, unit: &str, post: &str) -> &mut Self {
        let before = self.seats.len();
        self.seats
            .retain(|s| !(s.cycle == cycle && s.unit == unit && s.post == post));
        assert!(self.seats.len() < before, "no seat {post} in {unit}");
        self
    }

    pub fn seat_mut(&mut self, cycle: &str, unit: &str, post: &str) -> &mut Seat {
        self.seats
            .iter_mut()
            .find(|s| s.cycle == cycle && s.unit == unit && s.post == post)
            .unwrap()
    }

    pub fn write(&self, dir: &Path) {
        let mut cadres = String::from("person_id,name,gender,birth_date,ethnicity,staffing,specialties,vetting_hold,native_place\n");
        for p in &self.persons {
            cadres.push_str(&format!(
                "{},{}姓名,{},{},{},{},{},{},{}\n",
                p.id,
                p.id,
                p.gender,
                p.birth,
                p.ethnicity,
                p.staffing,
                p.specialties,
                if p.hold { "是" } else { "否" },
                p.native
            ));
        }
        let mut slate = String::from("cycle,unit_id,body,post,person_id,nomination,fulltime\n");
        for s in &self.seats {
            slate.push_str(&format!(
                "{},{},{},{},{},{},{}\n",
                s.cycle, s.unit, s.body, s.post, s.person, s.nomination, s.fulltime
            ));
        }
        let mut careers = String::from("person_id,start,end,unit_id,unit_name,post\n");
        for c in &self.careers {
            careers.push_str(&format!(
                "{},{},{},{},{},{}\n",
                c.person, c.start, c.end, c.unit, c.unit_name, c.post
            ));
        }
        let mut relations = String::from("person_id,relative_id,relation\n");
        for (a, b, r) in &self.relations {
            relations.push_str(&format!("{a},{b},{r}\n"));
        }
        let units = format!(
            "unit_id,name,kind,parent_id,minority_area\nC01,青山县,县,,否\nC02,城关区,区,,否\nT01,柳河镇,镇,C01,{}\nS01,东门街道,街道,C02,否\n",
            if self.minority_area { "是" } else { "否" }
        );
        for (name, text) in [
            ("cadres.csv", cadres),
            ("slate.csv", slate),
            ("careers.csv", careers),
            ("relations.csv", relations),
            ("units.csv", units),
            ("cycles.csv", self.cycles.clone()),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }

    /// This world through the one pipeline, with the rules of `select` (all when empty)
    /// and `config`; `strict` when no row may be rejected (values dropped from kept rows
    /// are allowed otherwise).
    pub fn run_with(&self, select: &[&str], config: &Config, strict: bool) -> Run {
        self.run_in(select, config, strict, Lang::default())
    }

    /// [`World::run_with`] with the findings' texts in `lang`.
    pub fn run_in(&self, select: &[&str], config: &Config, strict: bool, lang: Lang) -> Run {
        let dir = tempfile::tempdir().unwrap();
        self.write(dir.path());
        let run = RunOptions {
            dataset: dir.path().to_path_buf(),
            select: select.iter().map(|s| s.to_string()).collect(),
            out: dir.path().join("out"),
            lang,
            ..RunOptions::default()
        }
        .plan_with(config.clone())
        .unwrap()
        .load()
        .unwrap()
        .derive()
        .unwrap();
        let items = &run.ds.rejections.items;
        let ok = if strict {
            items.is_empty()
        } else {
            items.iter().all(|r| r.kept)
        };
        assert!(ok, "test data rejected: {items:?}");
        run
    }

    /// The rule context of this world (default configuration).
    pub fn context(&self) -> rules::Context {
        self.run_with(&[], &Config::default(), true).ctx
    }

    /// Findings of the rules selected by `select` (all when empty), with `config`.
    pub fn check_with(&self, select: &[&str], config: &Config) -> Vec<Finding> {
        self.run_with(select, config, false).findings().unwrap()
    }

    pub fn check(&self, select: &[&str]) -> Vec<Finding> {
        self.check_with(select, &Config::default())
    }

    /// The (rule, cycle, unit, person) of findings of `code`.
    pub fn found(&self, code: &str) -> Vec<(String, String, String)> {
        self.check(&[code])
            .into_iter()
            .filter(|f| f.rule == code)
            .map(|f| (f.cycle, f.unit_id, f.person_id))
            .collect()
    }
}

pub fn team(cycle: &str, unit: &str) -> Vec<(String, String, String)> {
    vec![(cycle.into(), unit.into(), String::new())]
}

pub fn person_in(cycle: &str, unit: &str, p: &str) -> Vec<(String, String, String)> {
    vec![(cycle.into(), unit.into(), p.into())]
}
