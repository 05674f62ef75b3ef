//! Boundary tests for the election rules (DEL, DELEL, EADM and the list rules of SIZE
//! and POST): the hand-made district with its clean elections (`common::elections`),
//! then one change at a time that just passes or just fails a threshold.

mod common;

use banzi::rules::{Config, Severity};
use common::elections::*;
use common::*;

fn cfg(toml: &str) -> Config {
    Config::from_toml(toml, "t.toml").unwrap()
}

#[test]
fn the_base_elections_pass_every_rule() {
    let findings = with_elections().check(&[]);
    let rules: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule, f.cycle.as_str()))
        .collect();
    assert_eq!(rules, vec![("GEN-002", "2021")], "{findings:#?}");
}

#[test]
fn the_election_tables_load_without_a_rejection() {
    let run = with_elections().run_with(&[], &Config::default(), true);
    let counts: Vec<(String, usize)> = run
        .ds
        .counts
        .iter()
        .filter(|c| {
            ["elections", "candidates", "memberships", "proxies"].contains(&c.table.as_str())
        })
        .map(|c| (c.table.clone(), c.loaded))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("elections".to_string(), 10),
            ("candidates".to_string(), 83),
            ("memberships".to_string(), 1),
            ("proxies".to_string(), 4)
        ]
    );
}

/// The (cycle, unit) of a finding for an election of T01 in 2021.
fn t01() -> Vec<(String, String, String)> {
    team("2021", "T01")
}

#[test]
fn del_010_party_congress_margin_at_least_a_fifth() {
    // 12 for 10 (20%) passes; 11 for 10 (10%) fails; 13 (30%) passes.
    let mut w = with_elections();
    w.drop_candidate("T01-PCG21", "D34");
    let f = w.check(&["DEL-010"]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (
            f[0].observed.as_str(),
            f[0].expected.as_str(),
            f[0].severity
        ),
        ("10.0% (11人/10名)", "≥ 20.0%", Severity::Warning)
    );
    let mut w = with_elections();
    w.add_delegates(40, 40);
    w.el.candidates.push(cand("T01-PCG21", "D40"));
    assert!(w.found("DEL-010").is_empty());
    // An election without a list (S01, 100 seats) is not checked.
    assert!(with_elections().found("DEL-010").is_empty());
}

#[test]
fn del_011_party_congress_margin_not_below_the_last_term() {
    // Equal (20% and 20%) passes; 2021 at 10% is an advice; 2016 lower passes.
    let mut w = with_elections();
    w.drop_candidate("T01-PCG21", "D34");
    let f = w.check(&["DEL-011"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Advice);
    assert_eq!(f[0].expected, "≥ 20.0%");
    let mut w = with_elections();
    w.drop_candidate("T01-PCG16", "D34");
    assert!(w.found("DEL-011").is_empty());
}

#[test]
fn del_012_party_committee_margin_at_least_a_fifth() {
    // 9 for 7 (28.6%) passes; 8 for 7 (14.3%) fails.
    let mut w = with_elections();
    w.drop_candidate("T01-PCM21", "D34");
    let f = w.check(&["DEL-012"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].observed.as_str(), f[0].severity),
        ("14.3% (8人/7名)", Severity::Warning)
    );
    // At the threshold: 6 for 5 (20%) passes, 5 for 5 (0%) fails.
    let mut w = with_elections();
    w.election("T01-PCM21").seats = 5;
    w.drop_candidate("T01-PCM21", "P08")
        .drop_candidate("T01-PCM21", "D34")
        .drop_candidate("T01-PCM21", "P07");
    assert!(w.found("DEL-012").is_empty());
    w.drop_candidate("T01-PCM21", "P06");
    assert_eq!(w.found("DEL-012"), t01());
}

#[test]
fn del_013_township_committee_margin_not_below_the_last_transition() {
    // 2021 8 for 7 against 9 for 7 in 2016: an error in the 乡镇 preset.
    let mut w = with_elections();
    w.drop_candidate("T01-PCM21", "D34");
    let f = w.check(&["DEL-013"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f[0].observed, "14.3% (上届 28.6%)");
    // Equal margins pass; a higher one too.
    let mut w = with_elections();
    w.drop_candidate("T01-PCM16", "D34");
    assert!(w.found("DEL-013").is_empty());
}

#[test]
fn del_024_competitive_elections_need_more_candidates_than_seats() {
    let mut w = with_elections();
    w.election("T01-PCM21").competitive = "是";
    assert!(w.found("DEL-024").is_empty(), "9 for 7");
    w.election("T01-PCM21").seats = 8;
    assert!(w.found("DEL-024").is_empty(), "9 for 8");
    w.election("T01-PCM21").seats = 9;
    let f = w.check(&["DEL-024"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].observed.as_str(), f[0].expected.as_str()),
        ("9人/9名", "> 9")
    );
    // Unmarked elections are not checked.
    let mut w = with_elections();
    w.election("T01-PCM21").seats = 9;
    assert!(w.found("DEL-024").is_empty());
}

#[test]
fn del_001_about_a_third_re_elected() {
    // 3/10 passes the default band 28–38%; 2/10 and 4/10 fail.
    let mut w = with_elections();
    w.candidate("T01-PC21", "D03").incumbent = "否";
    assert_eq!(w.found("DEL-001"), t01());
    let mut w = with_elections();
    w.candidate("T01-PC21", "D04").incumbent = "是";
    let f = w.check(&["DEL-001"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].observed.as_str(), f[0].expected.as_str()),
        ("连任代表占40.0%（4/10）", "28.0%至38.0%")
    );
    // At the edges of a configured band: 30% is inside [30%, 30%].
    let w = with_elections();
    let exact = cfg("[rules.DEL-001]\nmin_share = 0.3\nmax_share = 0.3\n");
    assert!(w.check_with(&["DEL-001"], &exact).is_empty());
    // Only the elected count: a re-elected candidate who lost changes nothing.
    let mut w = with_elections();
    w.candidate("T01-PC21", "D09").incumbent = "是";
    assert!(w.found("DEL-001").is_empty());
}

#[test]
fn del_002_frontline_share_rises_and_is_higher_than_the_county() {
    // 6/10 against 5/10 in 2016 and 4/10 in the county passes.
    assert!(with_elections().found("DEL-002").is_empty());
    // 5/10: equal to 2016, an error.
    let mut w = with_elections();
    let c = w.candidate("T01-PC21", "D06");
    c.category = "其他";
    c.quota_category = "其他";
    let f = w.check(&["DEL-002"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].observed.as_str(), f[0].severity),
        ("50.0% (上届 50.0%)", Severity::Error)
    );
    // The county at 6/10 (equal to the township) is a finding on the township.
    let mut w = with_elections();
    w.el.candidates
        .iter_mut()
        .filter(|c| c.election == "C01-PC21" && ["D23", "D24"].contains(&c.person.as_str()))
        .for_each(|c| {
            c.category = "工人";
            c.quota_category = "工人";
        });
    let f = w.check(&["DEL-002"]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].unit_id.as_str(), f[0].observed.as_str()),
        ("T01", "60.0% (县级 60.0%)")
    );
    // The explicit `frontline` flag wins over the category.
    let mut w = with_elections();
    w.candidate("T01-PC21", "D06").frontline = "否";
    assert_eq!(w.found("DEL-002"), t01());
}

#[test]
fn del_003_cadres_do_not_take_grassroots_seats() {
    let mut w = with_elections();
    w.candidate("T01-PC21", "P01").quota_category = "农民";
    let f = w.check(&["DEL-003"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (
            f[0].person_id.as_str(),
            f[0].observed.as_str(),
            f[0].severity
        ),
        ("P01", "党政干部占农民名额", Severity::Error)
    );
    // An enterprise head too; a farmer in a farmer seat and a cadre in a cadre seat pass.
    let mut w = with_elections();
    let c = w.candidate("T01-PC21", "D07");
    c.category = "企业负责人";
    c.quota_category = "专业技术人员";
    assert_eq!(w.found("DEL-003"), person_in("2021", "T01", "D07"));
    let mut w = with_elections();
    w.candidate("T01-PC21", "D07").category = "企业负责人";
    assert!(w.found("DEL-003").is_empty(), "其他 seat");
}

#[test]
fn del_004_leading_cadre_share_does_not_rise() {
    // 2/10 against 2/10 passes; 3/10 fails; a cap of 20% passes 2/10 and fails 3/10.
    let mut w = with_elections();
    w.candidate("T01-PC21", "D07").leading_cadre = "是";
    let f = w.check(&["DEL-004"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    let w = with_elections();
    let cap = cfg("[rules.DEL-004]\nmax_share = 0.2\n");
    assert!(w.check_with(&["DEL-004"], &cap).is_empty());
    let cap = cfg("[rules.DEL-004]\nmax_share = 0.19\n");
    let f = w.check_with(&["DEL-004"], &cap);
    assert!(
        f.iter().any(|f| f.unit_id == "T01" && f.cycle == "2021"),
        "{f:#?}"
    );
}

#[test]
fn del_005_women_and_non_party_shares() {
    // 3 women of 10 (ceil(2.5) = 3 needed) passes; 2 fail; 2 non-party pass, 1 fails.
    let mut w = with_elections();
    w.person("D07").gender = "男";
    let f = w.check(&["DEL-005"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].observed.as_str(), f[0].expected.as_str()),
        ("妇女 2/10", "妇女 ≥ 3")
    );
    let mut w = with_elections();
    w.person("D08").party = "中共党员";
    assert!(w.found("DEL-005").is_empty(), "2 non-party of 10 pass");
    w.person("D05").party = "中共党员";
    assert_eq!(w.found("DEL-005"), t01());
}

#[test]
fn del_009_no_overlap_of_same_level_delegates() {
    // D30 is a party-congress delegate of T01; adding it to T01's PC list (elected) overlaps.
    let mut w = with_elections();
    w.el.candidates.push(Candidate {
        elected: "是",
        constituency: "第1选区",
        ..cand("T01-PC21", "D30")
    });
    let f = w.check(&["DEL-009"]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].person_id.as_str(), f[0].observed.as_str()),
        ("D30", "党代会代表、人大代表")
    );
    // Not elected: no overlap. A CPPCC membership of the same level: overlap.
    let mut w = with_elections();
    w.el.candidates.push(Candidate {
        elected: "否",
        ..cand("T01-PC21", "D30")
    });
    assert!(w.found("DEL-009").is_empty());
    let mut w = with_elections();
    w.el.memberships.push(Membership {
        person: "D01",
        cycle: "2021",
        body: "政协委员",
        level: "乡镇",
        role: "",
    });
    assert_eq!(w.found("DEL-009"), person_in("2021", "T01", "D01"));
    // Levels differ (P09: county and township PC delegate): no finding.
    assert!(with_elections().found("DEL-009").is_empty());
}

#[test]
fn del_014_ballot_in_surname_stroke_order() {
    // 王 (4) before 刘 (6) before 李 (7) before 周 (8) before 黄 (11), the secretary 黄 first.
    assert!(with_elections().found("DEL-014").is_empty());
    // 刘 and 李 swapped: the first pair out of order is named.
    let mut w = with_elections();
    w.candidate("T01-PCM21", "P05").ballot_order = "6".into();
    w.candidate("T01-PCM21", "P06").ballot_order = "5".into();
    let f = w.check(&["DEL-014"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f[0].observed, "李(7) 在 刘(6) 之前");
    assert_eq!(
        (f[0].unit_id.as_str(), f[0].person_id.as_str()),
        ("T01", "")
    );
    // A tie (李 7, 吴 7) is accepted in either order.
    let mut w = with_elections();
    w.candidate("T01-PCM21", "P06").ballot_order = "7".into();
    w.candidate("T01-PCM21", "P07").ballot_order = "6".into();
    assert!(w.found("DEL-014").is_empty());
    // Without the secretary's role, the slate says who the secretary is.
    let mut w = with_elections();
    w.candidate("T01-PCM21", "P01").role = "";
    assert!(w.found("DEL-014").is_empty());
    // A plain member 黄 first is out of order.
    let mut w = with_elections();
    w.candidate("T01-PCM21", "D34").ballot_order = "4".into();
    w.candidate("T01-PCM21", "P04").ballot_order = "9".into();
    let f = w.check(&["DEL-014"]);
    assert_eq!(f[0].observed, "黄(11) 在 刘(6) 之前");
    // The discipline-committee ballot too: 周 before 丁.
    let mut w = with_elections();
    w.candidate("T01-DCM21", "D35").ballot_order = "7".into();
    let f = w.check(&["DEL-014"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].observed, "周(8) 在 丁(2) 之前");
}

#[test]
fn delel_rules_name_the_ground() {
    let grounds = [
        ("DELEL-001", "服刑"),
        ("DELEL-002", "身份造假"),
        ("DELEL-003", "外国国籍"),
        ("DELEL-004", "拉票贿选"),
        ("DELEL-005", "境外资助"),
    ];
    for (code, ground) in grounds {
        let mut w = with_elections();
        w.candidate("T01-PC21", "D05").flags = ground;
        let f = w.check(&[code]);
        assert_eq!(f.len(), 1, "{code}: {f:#?}");
        assert_eq!(
            (f[0].person_id.as_str(), f[0].severity),
            ("D05", Severity::Error),
            "{code}"
        );
        // The other DELEL rules say nothing of this ground.
        let others: Vec<&str> = grounds.iter().map(|g| g.0).filter(|c| *c != code).collect();
        assert!(w.check(&others).is_empty(), "{code}");
    }
    // Two grounds of one rule: one finding naming both.
    let mut w = with_elections();
    w.candidate("T01-PCM21", "D34").flags = "服刑;邪教";
    let f = w.check(&["DELEL-001"]);
    assert_eq!(f.len(), 1);
    assert!(f[0].observed.contains('、'), "{}", f[0].observed);
    // delel_001 … delel_005: an unflagged list passes.
    assert!(with_elections().check(&["DELEL"]).is_empty());
}

#[test]
fn eadm_001_one_to_three_seats_per_constituency() {
    // 3 elected in 第1选区 passes; 4 fail; 0 elected fails.
    let mut w = with_elections();
    w.candidate("T01-PC21", "D02").constituency = "第1选区";
    assert!(w.found("EADM-001").is_empty(), "3 seats");
    w.candidate("T01-PC21", "D03").constituency = "第1选区";
    let f = w.check(&["EADM-001"]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Error);
    assert!(
        f[0].observed.starts_with("第1选区应选4名"),
        "{}",
        f[0].observed
    );
    // A constituency where nobody was elected (D09 alone in 第6选区).
    let mut w = with_elections();
    w.candidate("T01-PC21", "D09").constituency = "第6选区";
    assert_eq!(w.found("EADM-001"), t01());
}

#[test]
fn eadm_002_committee_members_who_stand() {
    let mut w = with_elections();
    w.el.memberships[0].person = "P01";
    let f = w.check(&["EADM-002"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].person_id.as_str(), f[0].severity),
        ("P01", Severity::Error)
    );
    // A committee of another level does not count; one with no level does.
    w.el.memberships[0].level = "县";
    assert!(w.found("EADM-002").is_empty());
    w.el.memberships[0].level = "";
    assert_eq!(w.found("EADM-002"), person_in("2021", "T01", "P01"));
}

#[test]
fn eadm_004_three_proxies_at_most_never_a_candidate() {
    // V10 holds 3 (passes); a fourth fails.
    let mut w = with_elections();
    w.el.proxies.push(Proxy {
        election: "T01-PC21",
        voter: "V05",
        proxy: "V10",
        approved: "是",
    });
    let f = w.check(&["EADM-004"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].person_id.as_str(), f[0].observed.as_str()),
        ("V10", "受托4票")
    );
    // A candidate as proxy; an unapproved proxy.
    let mut w = with_elections();
    w.el.proxies[3].proxy = "D09";
    assert_eq!(w.found("EADM-004"), person_in("2021", "T01", "D09"));
    let mut w = with_elections();
    w.el.proxies[3].approved = "否";
    assert_eq!(w.found("EADM-004"), person_in("2021", "T01", "V11"));
    // max_proxies = 2: V10's three fail.
    let two = cfg("[rules.EADM-004]\nmax_proxies = 2\n");
    let f = with_elections().check_with(&["EADM-004"], &two);
    assert_eq!(f.len(), 1);
}

#[test]
fn eadm_008_five_hundred_members_hold_a_congress() {
    // S01: 600 members and a party congress passes. 500 with a 党员大会 fails; 499 passes.
    let mut w = with_elections();
    let e = w.election("S01-PCG21");
    e.body = "党委委员";
    e.seats = 7;
    e.party_members = "500";
    e.assembly = "党员大会";
    let f = w.check(&["EADM-008"]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].unit_id.as_str(), f[0].severity),
        ("S01", Severity::Error)
    );
    w.election("S01-PCG21").party_members = "499";
    assert!(w.found("EADM-008").is_empty());
}

#[test]
fn size_009_and_010_presidium_chairs() {
    // One full-time chair passes; a part-time one, none, or two fail.
    let mut w = with_elections();
    w.candidate("T01-PR21", "P09").fulltime = "否";
    assert_eq!(w.found("SIZE-009"), t01());
    let mut w = with_elections();
    w.candidate("T01-PR21", "D03").role = "主席";
    assert_eq!(w.found("SIZE-009"), t01());
    let mut w = with_elections();
    w.candidate("T01-PR21", "P09").role = "";
    assert_eq!(w.found("SIZE-009"), t01());
    // SIZE-010: one full-time vice-chair passes; two fail; part-time ones are not counted.
    let mut w = with_elections();
    let c = w.candidate("T01-PR21", "D03");
    c.role = "副主席";
    c.fulltime = "是";
    assert!(w.found("SIZE-010").is_empty());
    let c = w.candidate("T01-PR21", "P01");
    c.role = "副主席";
    c.fulltime = "是";
    let f = w.check(&["SIZE-010"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].observed.as_str(), f[0].severity),
        ("专职副主席2名", Severity::Warning)
    );
    w.candidate("T01-PR21", "P01").fulltime = "否";
    assert!(w.found("SIZE-010").is_empty());
}

#[test]
fn size_011_subdistrict_congress_of_100_to_200() {
    // 100 and 200 pass; 99 and 201 fail; townships are not checked.
    let mut w = with_elections();
    w.election("S01-PCG21").seats = 99;
    assert_eq!(w.found("SIZE-011"), team("2021", "S01"));
    w.election("S01-PCG21").seats = 200;
    assert!(w.found("SIZE-011").is_empty());
    w.election("S01-PCG21").seats = 201;
    let f = w.check(&["SIZE-011"]);
    assert_eq!(
        (f[0].observed.as_str(), f[0].expected.as_str()),
        ("代表名额201名", "100–200名")
    );
    let mut w = with_elections();
    w.election("T01-PCG21").seats = 99;
    assert!(w.found("SIZE-011").is_empty());
}

#[test]
fn size_013_delegate_total_stays_as_fixed() {
    let mut w = with_elections();
    w.election("T01-PC21").seats = 11;
    let f = w.check(&["SIZE-013"]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    let mut w = with_elections();
    w.election("T01-PC21").seats = 9;
    assert_eq!(w.found("SIZE-013"), t01());
}

#[test]
fn post_008_presidium_chair_on_the_county_list() {
    let mut w = with_elections();
    w.drop_candidate("C01-PC21", "P09");
    let f = w.check(&["POST-008"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].person_id.as_str(), f[0].severity),
        ("P09", Severity::Warning)
    );
    // A county membership counts instead.
    w.el.memberships.push(Membership {
        person: "P09",
        cycle: "2021",
        body: "人大代表",
        level: "县",
        role: "",
    });
    assert!(w.found("POST-008").is_empty());
    // Without any county list or seat in the data the rule says nothing.
    let mut w = with_elections();
    w.el.elections.retain(|e| e.id != "C01-PC21");
    w.el.candidates.retain(|c| c.election != "C01-PC21");
    assert!(w.found("POST-008").is_empty());
}

#[test]
fn post_009_no_government_leader_on_the_presidium() {
    let mut w = with_elections();
    w.el.candidates.push(cand("T01-PR21", "P08"));
    let f = w.check(&["POST-009"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (
            f[0].person_id.as_str(),
            f[0].observed.as_str(),
            f[0].severity
        ),
        ("P08", "副乡镇长", Severity::Error)
    );
    let mut w = with_elections();
    w.el.candidates.push(cand("T01-PR21", "P02"));
    assert_eq!(w.found("POST-009"), person_in("2021", "T01", "P02"));
}

#[test]
fn post_013_committee_members_who_are_delegates_join_the_presidium() {
    // P01 on the presidium passes; off it, a warning.
    let mut w = with_elections();
    w.drop_candidate("T01-PR21", "P01");
    let f = w.check(&["POST-013"]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].person_id.as_str(), f[0].severity),
        ("P01", Severity::Warning)
    );
    // The 镇长 (a 党委 member and government leader) elected PC delegate is exempt (C9).
    let mut w = with_elections();
    w.el.candidates.push(Candidate {
        elected: "是",
        constituency: "第4选区",
        ..cand("T01-PC21", "P02")
    });
    assert!(w.found("POST-013").is_empty());
}

/// The pipeline on a folder, whatever it rejects.
fn run_dir(dir: &std::path::Path, select: &[&str]) -> banzi::pipeline::Run {
    banzi::pipeline::RunOptions {
        dataset: dir.to_path_buf(),
        select: select.iter().map(|s| s.to_string()).collect(),
        out: dir.join("out"),
        ..Default::default()
    }
    .plan_with(Config::default())
    .unwrap()
    .load()
    .unwrap()
    .derive()
    .unwrap()
}

#[test]
fn chinese_headers_and_sheet_names_load_the_same_lists() {
    // A DEL-014 breach, written once with the contract's headers and once with the
    // headers and file names a department's list uses.
    let mut w = with_elections();
    w.candidate("T01-PCM21", "P05").ballot_order = "6".into();
    w.candidate("T01-PCM21", "P06").ballot_order = "5".into();
    let english = w.check(&["DEL", "EADM"]);
    assert_eq!(english.len(), 1);
    let dir = tempfile::tempdir().unwrap();
    w.write(dir.path());
    let rename = |from: &str, to: &str, header: &str| {
        let text = std::fs::read_to_string(dir.path().join(from)).unwrap();
        let body = text.split_once('\n').unwrap().1;
        std::fs::remove_file(dir.path().join(from)).unwrap();
        std::fs::write(dir.path().join(to), format!("{header}\n{body}")).unwrap();
    };
    rename(
        "elections.csv",
        "选举.csv",
        "选举编号,届次,单位编号,选举类别,应选人数,层级,上届选举,党员人数,会议形式,差额选举",
    );
    rename(
        "candidates.csv",
        "候选人名单.csv",
        "选举编号,人员编号,选票顺序,候选职务,是否专职,是否当选,连任,身份类别,名额类别,一线,领导干部,不宜人选情形,选区",
    );
    rename(
        "memberships.csv",
        "代表委员身份.csv",
        "人员编号,届次,机构,层级,职务",
    );
    rename(
        "proxies.csv",
        "委托投票.csv",
        "选举编号,委托人,受委托人,选举委员会同意",
    );
    let run = run_dir(dir.path(), &["DEL", "EADM"]);
    assert!(
        run.ds.rejections.items.is_empty(),
        "{:?}",
        run.ds.rejections.items
    );
    let chinese = run.findings().unwrap();
    assert_eq!(chinese, english);
}

#[test]
fn unknown_vocabulary_is_reported_never_guessed() {
    let mut w = with_elections();
    w.election("T01-PCM21").body = "党委会成员选举会";
    w.candidate("T01-PC21", "D05").flags = "服刑;不明情形";
    let dir = tempfile::tempdir().unwrap();
    w.write(dir.path());
    let run = run_dir(dir.path(), &["DELEL-001"]);
    let items = &run.ds.rejections.items;
    assert!(
        items
            .iter()
            .any(|r| r.table == "elections" && r.column == "body" && !r.kept),
        "{items:?}"
    );
    assert!(
        items
            .iter()
            .any(|r| r.table == "candidates" && r.column == "flags" && r.kept),
        "{items:?}"
    );
    // The rows of the rejected election are rejected too; the known flag still counts.
    assert_eq!(run.findings().unwrap().len(), 1);
}
