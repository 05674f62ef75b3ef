//! Splitting `某某县某某乡党委副书记` into the unit (`某某县某某乡`) and the post
//! (`党委副书记`), and telling leadership posts from the rest.
//!
//! A résumé writes the unit first and the post last, with no separator. The post is
//! recognised from the end: a *head* (`书记`, `乡长`, `主任`, `科员`, `学习`, …) and
//! then, leftwards, any *modifiers* (`副`, `常务`, `党委`, `人大`, `正处级`, …). What
//! is left is the unit. `县委` stays in the unit (`某某县委` + `书记`) while `党委`
//! goes with the post (`某某乡` + `党委副书记`), as cadre forms write it.

/// Post heads, matched as the longest suffix of the text.
const HEADS: &[&str] = &[
    // Party and government leaders.
    "书记",
    "乡长",
    "镇长",
    "区长",
    "县长",
    "市长",
    "省长",
    "州长",
    "盟长",
    "旗长",
    "苏木达",
    "嘎查达",
    "村长",
    "主任",
    "主席",
    "常委",
    "委员",
    "成员",
    "组织委员",
    "宣传委员",
    "统战委员",
    "政法委员",
    "纪检委员",
    "组织部长",
    "宣传部长",
    "统战部长",
    "武装部长",
    "人武部长",
    "部长",
    "专员",
    "负责人",
    "主持工作",
    // Heads of organs and institutions.
    "局长",
    "厅长",
    "司长",
    "处长",
    "科长",
    "股长",
    "所长",
    "站长",
    "院长",
    "校长",
    "馆长",
    "行长",
    "庭长",
    "社长",
    "队长",
    "团长",
    "组长",
    "会长",
    "台长",
    "秘书长",
    "理事长",
    "检察长",
    "审判长",
    "董事长",
    "总经理",
    "经理",
    "董事",
    "监事",
    "监事长",
    "总裁",
    "厂长",
    "矿长",
    "场长",
    "主管",
    "总监",
    "主编",
    "总编辑",
    "总会计师",
    "总工程师",
    "总经济师",
    "总农艺师",
    "指挥长",
    "总指挥",
    "督学",
    "政委",
    "政治委员",
    "司令员",
    "参谋长",
    "军长",
    "师长",
    "旅长",
    "营长",
    "连长",
    "排长",
    "班长",
    "指导员",
    "教导员",
    "协理员",
    // Staff and ranks.
    "干部",
    "科员",
    "办事员",
    "干事",
    "秘书",
    "助理",
    "调研员",
    "巡视员",
    "参事",
    "特派员",
    "联络员",
    "组织员",
    "专干",
    "顾问",
    "审判员",
    "检察员",
    "书记员",
    "法官",
    "检察官",
    "民警",
    "警员",
    "干警",
    "职员",
    "职工",
    "工人",
    "会计",
    "出纳",
    "统计员",
    "文书",
    "通讯员",
    "打字员",
    "播音员",
    "记者",
    "编辑",
    "技术员",
    "工程师",
    "研究员",
    "医生",
    "医师",
    "护士",
    "教师",
    "教员",
    "讲师",
    "教授",
    "助教",
    "辅导员",
    "代表",
    "队员",
    "科技副职",
    // Study.
    "学习",
    "学生",
    "研究生",
    "进修",
    "培训",
    "读书",
    "求学",
    "学员",
    "就读",
    "留学",
    "访问学者",
    "博士后",
    "毕业",
    "本科生",
    "专科生",
    // Army and other.
    "战士",
    "士兵",
    "服役",
    "入伍",
    "参军",
    "新兵",
    "知青",
    "插队",
    "社员",
    "村官",
    "农民",
    "务农",
    "待分配",
    "待业",
    "待安排",
    "一秘",
    "二秘",
    "三秘",
    "参赞",
    "大使",
    "领事",
    "总领事",
    "候选人",
    "导师",
    "博士生导师",
    "研究生导师",
    "段长",
    "工段长",
    "参谋",
    "见习",
    "博士",
    "硕士",
    "任教",
    "教书",
    "任职",
    "再教育",
    "以工代干",
    "牵头人",
    "人选",
    "指挥",
    "支队长",
    "大队长",
    "中队长",
    "工作人员",
    "科研人员",
    "人员",
    "工作",
    "挂职",
    "锻炼",
    "实习",
];

/// Words that extend a post leftwards (`党委` + `副` + `书记`).
const MODIFIERS: &[&str] = &[
    "副",
    "正",
    "常务",
    "第一",
    "代",
    "代理",
    "执行",
    "专职",
    "兼职",
    "名誉",
    "首席",
    "高级",
    "见习",
    "实习",
    "助理",
    "主任",
    "党委",
    "党工委",
    "党组",
    "党总支",
    "党支部",
    "总支",
    "支部",
    "纪委",
    "纪工委",
    "纪检组",
    "人大",
    "人大常委会",
    "人大主席团",
    "政协",
    "团委",
    "常委会",
    "厅务会议",
    "局务会议",
    "人武部",
    "武装部",
    "班子",
    "乡长",
    "镇长",
    "区长",
    "县长",
    "市长",
    "省长",
    "一级",
    "二级",
    "三级",
    "四级",
    "正处级",
    "副处级",
    "正科级",
    "副科级",
    "正厅级",
    "副厅级",
    "正县级",
    "副县级",
    "正局级",
    "副局级",
    "正部级",
    "副部级",
    "主任科员",
    "博士",
    "硕士",
    "在职",
    "函授",
    "本科",
    "专科",
    "插队",
    "下乡",
    "回乡",
    "驻村",
    "大学生",
    "民办",
    "代课",
    "选调生",
    "特岗",
    "政治",
    "组织",
    "团支部",
    "团总支",
    "厅长",
    "局长",
    "部长",
    "书记",
    "常委",
    "主席",
    "室务",
    "处务",
    "局务",
    "厅务",
    "院务",
    "校务",
    "接受",
];

/// Verbs of study that may stand inside the text with their object after them
/// (`德国阿亨大学进修经济管理`, `某某大学攻读博士学位`).
const STUDY_VERBS: &[&str] = &[
    "进修",
    "攻读",
    "就读",
    "深造",
    "留学",
    "学习",
    "读研",
    "读书",
    "读本科",
    "读大专",
];

/// Characters that end a unit name, so that they do not start a job title.
const UNIT_END: &str = "室处科局厂所站队部办院校司组厅委府会社场店";

/// Where the post starts when no head is known: a job title ending in 员/工/师
/// (`质检员`, `采煤工`) takes its last three characters (two when the third
/// ends the unit), a study verb starts the post (`进修经济管理`).
fn fallback_post_start(t: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let n = chars.len();
    if n >= 3 && t.ends_with(['员', '工', '师', '手']) {
        let (third_pos, third) = chars.get(n - 3).copied()?;
        if UNIT_END.contains(third) {
            return chars.get(n - 2).map(|(p, _)| *p);
        }
        return Some(third_pos);
    }
    STUDY_VERBS
        .iter()
        .filter_map(|v| t.rfind(v))
        .filter(|&p| p > 0)
        .max()
}

/// Heads `X长` whose `X` names the level the post leads (`县长` of a county).
const LEVEL_HEADS: &[(&str, char)] = &[
    ("乡长", '乡'),
    ("镇长", '镇'),
    ("区长", '区'),
    ("县长", '县'),
    ("市长", '市'),
    ("省长", '省'),
    ("州长", '州'),
    ("盟长", '盟'),
    ("旗长", '旗'),
];

/// Verbs and particles before a post: `任`, `担任`, `调任`, `在…学习`.
const LEADING_VERBS: &[&str] = &[
    "先后任",
    "先后担任",
    "历任",
    "担任",
    "调任",
    "升任",
    "改任",
    "转任",
    "出任",
    "兼任",
    "后任",
    "并任",
    "被任命为",
    "任命为",
    "再次当选",
    "当选为",
    "当选",
    "挂职任",
    "任",
    "被选为",
];

fn longest_suffix<'a>(text: &str, words: &[&'a str]) -> Option<&'a str> {
    words
        .iter()
        .filter(|w| !text.is_empty() && text.ends_with(**w))
        .max_by_key(|w| w.len())
        .copied()
}

/// Trims spaces and the punctuation around a segment.
pub fn trim_segment(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace() || "，,；;。.、：:！!？?“”\"'‘’《》·…—-".contains(c)
    })
}

/// Strips leading `任`/`担任`/… and a leading `在` before study or work.
fn strip_leading_verbs(text: &str) -> &str {
    let mut t = text;
    for _ in 0..3 {
        let before = t;
        for &verb in LEADING_VERBS {
            if let Some(rest) = t.strip_prefix(verb) {
                // `任丘市` is a place: only strip 任 when something follows that is
                // not 丘.
                if verb == "任" && rest.starts_with('丘') {
                    continue;
                }
                t = rest;
                break;
            }
        }
        if let Some(rest) = t.strip_prefix('在') {
            t = rest;
        }
        if t == before {
            break;
        }
    }
    t
}

/// Splits `某某县某某乡党委副书记` into `("某某县某某乡", "党委副书记")`.
///
/// The post is the longest known head at the end of the text, extended leftwards
/// by modifiers; the rest is the unit. `某某县长` gives `("某某县", "县长")`. A leading
/// `任`/`担任`/`在` is dropped. When no head is found the whole text is the unit and
/// the post is empty.
pub fn split_unit_post(text: &str) -> (String, String) {
    let t = strip_leading_verbs(trim_segment(text));
    let t = t.trim_end_matches(['等', '职']);
    let t = trim_segment(t);
    let head_start = match longest_suffix(t, HEADS) {
        Some(head) => t.len() - head.len(),
        None => match fallback_post_start(t) {
            Some(p) => p,
            None => return (t.to_string(), String::new()),
        },
    };
    let mut cut = head_start;
    loop {
        let unit = &t[..cut];
        match longest_suffix(unit, MODIFIERS) {
            Some(m) if !m.is_empty() => cut -= m.len(),
            _ => break,
        }
    }
    // The text above was cut at the end of a matched suffix, so `cut` is on a char
    // boundary; `get` keeps that a non-panicking fact.
    let unit = t.get(..cut).unwrap_or("");
    let post = t.get(cut..).unwrap_or("");
    let mut unit = trim_segment(unit).to_string();
    if let Some((_, level)) = LEVEL_HEADS.iter().find(|(h, _)| post.ends_with(h)) {
        // `某某县长`: the 县 is both the unit's level and the post's.
        if !unit.is_empty() && !unit.contains(*level) {
            unit.push(*level);
        }
    }
    (unit, post.to_string())
}

/// Whether the post is (or, as `县长`, …) names the level it leads: `X长`.
pub fn level_of_post(post: &str) -> Option<char> {
    LEVEL_HEADS
        .iter()
        .find(|(h, _)| post.ends_with(h))
        .map(|(_, level)| *level)
}

/// Posts that are never leadership posts, checked before the leading ones (so
/// `书记员` and `主任科员` are not leaders).
const NOT_LEADING: &[&str] = &[
    "团委",
    "团总支",
    "团支部",
    "共青团",
    "团县委",
    "团市委",
    "团省委",
    "团地委",
    "团工委",
    "妇联",
    "工会",
    "学生会",
    "科员",
    "办事员",
    "干事",
    "教师",
    "学生",
    "技术员",
    "职员",
    "工人",
    "战士",
    "士兵",
    "村官",
    "知青",
    "社员",
    "学员",
    "研究生",
    "学习",
    "调研员",
    "巡视员",
    "医师",
    "医生",
    "护士",
    "讲师",
    "教授",
    "助教",
    "工程师",
    "会计",
    "记者",
    "编辑",
    "助理",
    "干部",
    "代表",
    "顾问",
    "参事",
    "秘书",
    "政协委员",
    "政协常委",
    "文书",
    "通讯员",
    "待分配",
    "待业",
    "务农",
    "见习",
    "实习",
    "联络员",
    "组织员",
    "协理员",
    "专干",
    "审判员",
    "检察员",
    "书记员",
    "民警",
    "科技副职",
];

/// Posts that lead a unit or sit in its leading body.
const LEADING: &[&str] = &[
    "书记",
    "乡长",
    "镇长",
    "区长",
    "县长",
    "市长",
    "省长",
    "州长",
    "盟长",
    "旗长",
    "苏木达",
    "嘎查达",
    "村长",
    "主任",
    "主席",
    "常委",
    "部长",
    "局长",
    "厅长",
    "司长",
    "处长",
    "科长",
    "股长",
    "所长",
    "站长",
    "院长",
    "校长",
    "馆长",
    "行长",
    "庭长",
    "社长",
    "队长",
    "团长",
    "会长",
    "台长",
    "理事长",
    "检察长",
    "董事长",
    "总经理",
    "经理",
    "厂长",
    "矿长",
    "场长",
    "专员",
    "政委",
    "政治委员",
    "司令员",
    "军长",
    "师长",
    "旅长",
    "营长",
    "连长",
    "党组成员",
    "党委成员",
    "班子成员",
    "主持工作",
    "负责人",
    "总裁",
];

/// What may stand before `委员` for it to be a seat on a leading body.
const COMMITTEE_OF: &[&str] = &[
    "党委",
    "党工委",
    "党组",
    "党总支",
    "总支",
    "支部",
    "常",
    "组织",
    "宣传",
    "统战",
    "政法",
    "纪检",
    "武装",
];

/// Whether a post leads its unit or sits in the unit's leading body.
///
/// True for the party secretary and deputies (`书记`, `副书记`, `党委书记`,
/// `纪委书记`, `党组书记`), the government heads and deputies (`乡长`, `镇长`,
/// `区长`, `县长`, `市长`, `省长`, `旗长`, `苏木达` and their `副`/`常务副`/`代`
/// forms), `主任`/`副主任` (of a 街道办事处, 人大, 管委会, …), `主席`/`副主席`
/// (人大, 政协), `常委`, seats on a party committee (`委员`, `党委委员`, `组织委员`,
/// `宣传委员`, `统战委员`, `政法委员`, `纪检委员`), `部长` (`武装部长`,
/// `人武部长`, `组织部长`), `专员`, and the heads of organs, institutions and
/// enterprises (`局长`, `厅长`, `处长`, `科长`, `所长`, `站长`, `院长`, `校长`,
/// `经理`, `厂长`, …), `党组成员`, `负责人`, `主持工作`.
///
/// False for staff, ranks and titles (`科员`, `主任科员`, `办事员`, `干事`,
/// `秘书` (but `秘书长` is true), `助理` (`县长助理`), `调研员`, `巡视员` — the
/// non-leading ranks — `干部`, `顾问`, `参事`), for teachers, doctors, engineers,
/// technicians, workers, soldiers (`战士`), students and study, for `村官`
/// (`大学生村官` is not a township leadership post), `知青`, `社员`, `代表`,
/// `政协委员`, `纪委委员`, and for Youth League, women's federation and trade
/// union posts: **`团委书记` is not a leadership post** — the Youth League is a mass
/// organisation and its secretary is not a member of the unit's 党政班子, even
/// when the post is written with `书记`.
pub fn is_leadership_post(post: &str) -> bool {
    let p: String = post.chars().filter(|c| !c.is_whitespace()).collect();
    if p.is_empty() {
        return false;
    }
    if p.contains("秘书长") && !p.contains("团") {
        return true;
    }
    if NOT_LEADING.iter().any(|w| p.contains(w)) {
        return false;
    }
    if let Some(before) = p.strip_suffix("委员") {
        return before.is_empty()
            || COMMITTEE_OF.iter().any(|w| before.ends_with(w))
            || LEADING.iter().any(|w| before.contains(w));
    }
    LEADING.iter().any(|w| p.contains(w))
}

/// Units whose posts are mass-organisation posts, not the leadership of a level.
const MASS_ORGS: &[&str] = &[
    "共青团",
    "团委",
    "团县委",
    "团市委",
    "团省委",
    "团地委",
    "团州委",
    "团工委",
    "妇联",
    "妇女联合会",
    "工会",
    "学生会",
];

/// Whether a unit is a mass organisation (共青团, 妇联, 工会).
pub fn is_mass_organisation(unit: &str) -> bool {
    MASS_ORGS.iter().any(|w| unit.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (String, String) {
        split_unit_post(text)
    }

    #[test]
    fn splits_unit_and_post() {
        let cases = [
            ("某某县某某乡党委副书记", "某某县某某乡", "党委副书记"),
            ("某某县某某镇镇长", "某某县某某镇", "镇长"),
            ("某某县某某镇副镇长", "某某县某某镇", "副镇长"),
            ("某某县某某街道党工委书记", "某某县某某街道", "党工委书记"),
            (
                "甘肃省永昌县焦家庄公社团委书记",
                "甘肃省永昌县焦家庄公社",
                "团委书记",
            ),
            ("甘肃省委常委", "甘肃省委", "常委"),
            ("兰州市委书记", "兰州市委", "书记"),
            ("某某县长", "某某县", "县长"),
            ("镇长", "", "镇长"),
            ("某某乡党委委员、", "某某乡", "党委委员"),
            ("某某县人大常委会主任", "某某县", "人大常委会主任"),
            ("某某县政协委员", "某某县", "政协委员"),
            ("任某某县委组织部副部长", "某某县委组织部", "副部长"),
            ("在省委党校研究生班学习", "省委党校研究生班", "学习"),
            (
                "山东医科大学医学系医学专业学习",
                "山东医科大学医学系医学专业",
                "学习",
            ),
            ("某某大学某某系博士研究生", "某某大学某某系", "博士研究生"),
            (
                "福建省永安县西洋公社插队知青",
                "福建省永安县西洋公社",
                "插队知青",
            ),
            (
                "国务院研究室社会发展研究司助理巡视员",
                "国务院研究室社会发展研究司",
                "助理巡视员",
            ),
            ("福建省委办公厅正处级秘书", "福建省委办公厅", "正处级秘书"),
            ("某某县财政局主任科员", "某某县财政局", "主任科员"),
            ("待分配", "", "待分配"),
            (
                "石家庄市华北制药厂质检处质检员",
                "石家庄市华北制药厂质检处",
                "质检员",
            ),
            (
                "江苏省徐州矿务局夹河煤矿采煤四区采煤工",
                "江苏省徐州矿务局夹河煤矿采煤四区",
                "采煤工",
            ),
            (
                "公派赴德国阿亨大学进修经济管理",
                "公派赴德国阿亨大学",
                "进修经济管理",
            ),
            ("某某县交警支队支队长", "某某县交警支队", "支队长"),
            ("某某县某某乡", "某某县某某乡", ""),
            ("", "", ""),
        ];
        for (text, unit, post) in cases {
            assert_eq!(split(text), (unit.to_string(), post.to_string()), "{text}");
        }
    }

    #[test]
    fn leadership_posts() {
        for post in [
            "书记",
            "副书记",
            "党委书记",
            "党委副书记",
            "党工委书记",
            "乡长",
            "镇长",
            "副镇长",
            "常务副县长",
            "代市长",
            "主任",
            "副主任",
            "人大主席",
            "人大主席团主席",
            "副主席",
            "党委委员",
            "委员",
            "纪委书记",
            "组织委员",
            "宣传委员",
            "武装部长",
            "人武部长",
            "常委",
            "部长",
            "苏木达",
            "秘书长",
            "局长",
            "党组成员",
        ] {
            assert!(is_leadership_post(post), "{post} should lead");
        }
    }

    #[test]
    fn non_leadership_posts() {
        for post in [
            "科员",
            "主任科员",
            "干事",
            "办事员",
            "教师",
            "学生",
            "技术员",
            "秘书",
            "正处级秘书",
            "职员",
            "工人",
            "战士",
            "村官",
            "大学生村官",
            "团委书记",
            "团委副书记",
            "书记员",
            "县长助理",
            "助理巡视员",
            "调研员",
            "政协委员",
            "纪委委员",
            "插队知青",
            "学习",
            "",
        ] {
            assert!(!is_leadership_post(post), "{post} should not lead");
        }
    }

    #[test]
    fn mass_organisations() {
        assert!(is_mass_organisation("共青团某某县委"));
        assert!(is_mass_organisation("某某县妇联"));
        assert!(!is_mass_organisation("某某县委"));
    }
}
