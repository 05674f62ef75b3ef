//! The kind of a unit from its name (`某某县某某乡` → 乡镇), for résumé entries and for
//! `careers.unit_name` rows whose `unit_kind` is empty.
//!
//! A unit name reads from the largest administrative area to the smallest, so the
//! *last* administrative marker named decides the level: `某某市某某区某某街道` is a
//! 街道, `某某县委组织部` a county organ. What follows that marker may turn it into an
//! institution (`某某县人民医院`, `某某镇中心学校`), an enterprise (`某某县农业银行`) or
//! a school (`某某县委党校`). The single characters that mark a level also occur inside
//! words and place names (`镇江市`, `乡村振兴局`, `市场监督管理局`, `红旗`, `联盟`), so
//! each marker is checked against its neighbours before it counts.

use crate::normalize::unit_kind::UnitKind;

/// An administrative marker found in a name: where it ends and the level it names.
#[derive(Debug, Clone, Copy)]
struct Marker {
    /// Index (in chars) just after the marker.
    end: usize,
    kind: UnitKind,
}

fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

fn before(chars: &[char], i: usize) -> Option<char> {
    i.checked_sub(1).and_then(|j| at(chars, j))
}

fn word_at(chars: &[char], i: usize, word: &str) -> bool {
    let mut rest = chars.get(i..).unwrap_or(&[]).iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

/// Whether a word ends just before index `i`.
fn word_before(chars: &[char], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    i >= n && word_at(chars, i - n, word)
}

fn in_set(c: Option<char>, set: &str) -> bool {
    c.is_some_and(|c| set.contains(c))
}

/// Characters an organ name starts with after a bare 乡/镇 (`乡党委`, `镇政府`).
const ORGAN_START: &str = "党政人纪委长企财武团妇工司派中卫农林水计经文统社综";

/// Multi-character markers, longest first where they overlap.
const WORD_MARKERS: &[(&str, UnitKind)] = &[
    ("经济技术开发区", UnitKind::County),
    ("开发区", UnitKind::County),
    ("高新区", UnitKind::County),
    ("试验区", UnitKind::County),
    ("示范区", UnitKind::County),
    ("工业园区", UnitKind::County),
    ("园区", UnitKind::County),
    ("新区", UnitKind::County),
    ("自治区", UnitKind::Province),
    ("自治州", UnitKind::City),
    ("自治县", UnitKind::County),
    ("自治旗", UnitKind::County),
    ("地区", UnitKind::City),
    ("地委", UnitKind::City),
    ("行署", UnitKind::City),
    ("专区", UnitKind::City),
    ("社区", UnitKind::Village),
    ("居委会", UnitKind::Village),
    ("嘎查", UnitKind::Village),
    ("苏木", UnitKind::Township),
    ("公社", UnitKind::Commune),
    ("国务院", UnitKind::Province),
];

/// Markers that count only at the start of the name: central organs, and the
/// provinces often written without their 省/自治区/市.
const CENTRAL_STARTS: &[&str] = &[
    "团中央",
    "广西",
    "内蒙古",
    "西藏",
    "宁夏",
    "新疆",
    "北京",
    "上海",
    "天津",
    "重庆",
    "中央",
    "全国",
    "国家",
    "最高人民",
    "中华全国",
    "中国",
    "国务院",
    "中直",
];

/// The marker (if any) that starts at index `i`: returns its length and kind.
fn marker_at(
    chars: &[char],
    i: usize,
    prev_marker_end: Option<usize>,
) -> Option<(usize, UnitKind)> {
    let c = at(chars, i)?;
    let next = at(chars, i + 1);
    let prev = before(chars, i);
    // A segment starts at the beginning of the name or right after another marker:
    // a bare 乡/镇 there is the first character of a place name (镇江市, 乡宁县) unless
    // an organ follows (乡党委, 镇政府).
    let segment_start = i == 0 || prev_marker_end == Some(i);
    for &(word, kind) in WORD_MARKERS {
        if word_at(chars, i, word) {
            let len = word.chars().count();
            // 新区 inside 新区域 or 社区 inside 社区矫正 would be rare; 地区 after 山 (山区)
            // is not a prefecture.
            if word == "地区" && in_set(prev, "山该本") {
                continue;
            }
            return Some((len, kind));
        }
    }
    if word_at(chars, i, "街道") {
        // 街道 counts when it follows a name, not an organ (县委街道工委) or a level
        // (区街道办 as a generic office), and is not followed by 管理/建设.
        if segment_start
            || in_set(prev, "委局部办区县市州")
            || word_at(chars, i + 2, "管理")
            || word_at(chars, i + 2, "建设")
            || word_at(chars, i + 2, "工作")
        {
            return None;
        }
        return Some((2, UnitKind::Subdistrict));
    }
    if word_at(chars, i, "街办") && !segment_start && !in_set(prev, "委局部办区县市州") {
        return Some((2, UnitKind::Subdistrict));
    }
    match c {
        '省' => {
            if in_set(next, "略钱力级") || in_set(prev, "节反俭") {
                return None;
            }
            Some((1, UnitKind::Province))
        }
        '市' => {
            // 城市, 都市, 门市, 超市 are words only when they start a segment
            // (某某县城市建设局); 盐城市, 成都市, 厦门市 are city names.
            let word_start = i
                .checked_sub(1)
                .is_some_and(|j| j == 0 || prev_marker_end == Some(j));
            if in_set(next, "场民容貌值级")
                || (next == Some('区') && !in_set(at(chars, i + 2), "委政人"))
                || in_set(prev, "级")
                || (word_start && in_set(prev, "城超都门夜集股上"))
                || (next == Some('政') && !in_set(at(chars, i + 2), "府协法治"))
            {
                return None;
            }
            if word_before(chars, i, "北京")
                || word_before(chars, i, "上海")
                || word_before(chars, i, "天津")
                || word_before(chars, i, "重庆")
            {
                return Some((1, UnitKind::Province));
            }
            Some((1, UnitKind::City))
        }
        '州' => {
            if in_set(next, "省市区县镇乡路街湾港城长") {
                return None;
            }
            Some((1, UnitKind::City))
        }
        '盟' => {
            if in_set(prev, "联同民结加会") || segment_start {
                return None;
            }
            Some((1, UnitKind::City))
        }
        '县' => {
            if next == Some('级') {
                return None;
            }
            Some((1, UnitKind::County))
        }
        '旗' => {
            if in_set(prev, "红国党军彩锦升队") || in_set(next, "帜舰下手") {
                return None;
            }
            Some((1, UnitKind::County))
        }
        '区' => {
            if in_set(prev, "军战分园景学小牧矿库灾片辖")
                || in_set(next, "域划间别分")
                || word_before(chars, i, "保护")
            {
                return None;
            }
            Some((1, UnitKind::County))
        }
        '乡' => {
            if in_set(next, "村镇土亲愁下情音贤")
                || in_set(prev, "城下回家老故返还思同他异水")
                || (segment_start && !in_set(next, ORGAN_START) && next.is_some())
            {
                return None;
            }
            Some((1, UnitKind::Township))
        }
        '镇' => {
            if in_set(prev, "城村乡集重坐")
                || in_set(next, "压守静定")
                || (segment_start && !in_set(next, ORGAN_START) && next.is_some())
            {
                return None;
            }
            Some((1, UnitKind::Township))
        }
        '村' => {
            if in_set(prev, "农乡山渔") || in_set(next, "镇级民") {
                return None;
            }
            Some((1, UnitKind::Village))
        }
        _ => None,
    }
}

/// Keywords that name the kind of the unit regardless of the level it sits in.
const KEYWORDS: &[(&str, UnitKind)] = &[
    // Army.
    ("部队", UnitKind::Army),
    ("解放军", UnitKind::Army),
    ("军区", UnitKind::Army),
    ("战区", UnitKind::Army),
    ("军分区", UnitKind::Army),
    ("警备区", UnitKind::Army),
    ("武警", UnitKind::Army),
    ("服役", UnitKind::Army),
    ("入伍", UnitKind::Army),
    ("参军", UnitKind::Army),
    ("舰队", UnitKind::Army),
    ("海军", UnitKind::Army),
    ("空军", UnitKind::Army),
    ("陆军", UnitKind::Army),
    ("炮兵", UnitKind::Army),
    ("守备", UnitKind::Army),
    // Study.
    ("大学", UnitKind::School),
    ("学院", UnitKind::School),
    ("党校", UnitKind::School),
    ("团校", UnitKind::School),
    ("研究生院", UnitKind::School),
    ("干校", UnitKind::School),
    ("中专", UnitKind::School),
    ("大专", UnitKind::School),
    ("专科学校", UnitKind::School),
    ("师范", UnitKind::School),
    ("函授", UnitKind::School),
    ("夜大", UnitKind::School),
    ("电大", UnitKind::School),
    ("培训班", UnitKind::School),
    ("进修班", UnitKind::School),
    ("研究生班", UnitKind::School),
    ("学习班", UnitKind::School),
    ("卫校", UnitKind::School),
    ("技校", UnitKind::School),
    ("军校", UnitKind::School),
    // Enterprises.
    ("公司", UnitKind::Enterprise),
    ("厂", UnitKind::Enterprise),
    ("集团", UnitKind::Enterprise),
    ("银行", UnitKind::Enterprise),
    ("分行", UnitKind::Enterprise),
    ("支行", UnitKind::Enterprise),
    ("信用社", UnitKind::Enterprise),
    ("信用联社", UnitKind::Enterprise),
    ("供销社", UnitKind::Enterprise),
    ("合作社", UnitKind::Enterprise),
    ("煤矿", UnitKind::Enterprise),
    ("矿务局", UnitKind::Enterprise),
    ("矿业", UnitKind::Enterprise),
    ("商店", UnitKind::Enterprise),
    ("超市", UnitKind::Enterprise),
    ("商场", UnitKind::Enterprise),
    ("酒店", UnitKind::Enterprise),
    ("宾馆", UnitKind::Enterprise),
    ("饭店", UnitKind::Enterprise),
    ("农场", UnitKind::Enterprise),
    ("事务所", UnitKind::Enterprise),
    ("营业部", UnitKind::Enterprise),
    // Public institutions.
    ("医院", UnitKind::PublicInstitution),
    ("卫生院", UnitKind::PublicInstitution),
    ("学校", UnitKind::PublicInstitution),
    ("中学", UnitKind::PublicInstitution),
    ("小学", UnitKind::PublicInstitution),
    ("中心校", UnitKind::PublicInstitution),
    ("幼儿园", UnitKind::PublicInstitution),
    ("站", UnitKind::PublicInstitution),
    ("所", UnitKind::PublicInstitution),
    ("中心", UnitKind::PublicInstitution),
    ("研究院", UnitKind::PublicInstitution),
    ("科学院", UnitKind::PublicInstitution),
    ("社科院", UnitKind::PublicInstitution),
    ("设计院", UnitKind::PublicInstitution),
    ("规划院", UnitKind::PublicInstitution),
    ("勘察院", UnitKind::PublicInstitution),
    ("报社", UnitKind::PublicInstitution),
    ("日报", UnitKind::PublicInstitution),
    ("电视台", UnitKind::PublicInstitution),
    ("电台", UnitKind::PublicInstitution),
    ("广播站", UnitKind::PublicInstitution),
    ("杂志社", UnitKind::PublicInstitution),
    ("出版社", UnitKind::PublicInstitution),
    ("图书馆", UnitKind::PublicInstitution),
    ("文化馆", UnitKind::PublicInstitution),
    ("博物馆", UnitKind::PublicInstitution),
    ("纪念馆", UnitKind::PublicInstitution),
    ("档案馆", UnitKind::PublicInstitution),
    ("气象台", UnitKind::PublicInstitution),
    ("保护区", UnitKind::PublicInstitution),
    ("风景区", UnitKind::PublicInstitution),
    ("景区", UnitKind::PublicInstitution),
    ("林场", UnitKind::PublicInstitution),
    ("苗圃", UnitKind::PublicInstitution),
    ("学区", UnitKind::PublicInstitution),
    ("防疫站", UnitKind::PublicInstitution),
    ("疾控中心", UnitKind::PublicInstitution),
];

/// Keyword hits that are not the keyword (`区公所` is a government office, `所属`,
/// `场所`; `站长` is a post).
fn keyword_is_false(chars: &[char], i: usize, word: &str) -> bool {
    let prev = before(chars, i);
    let next = at(chars, i + word.chars().count());
    match word {
        "所" => in_set(prev, "公场厕住") || in_set(next, "属在有以谓"),
        "站" => in_set(next, "长岗队立"),
        "中心" => in_set(next, "镇乡村城区任工组"),
        "厂" => in_set(next, "长"),
        "日报" => false,
        "学院" => prev == Some('科'),
        _ => false,
    }
}

/// The kind decided by keywords in `chars[from..]`: the keyword that ends last
/// wins, the longer one on a tie (`科学院` over `学院`).
fn keyword_kind(chars: &[char], from: usize) -> Option<UnitKind> {
    let mut best: Option<(usize, usize, UnitKind)> = None;
    for i in from..chars.len() {
        for &(word, kind) in KEYWORDS {
            if word_at(chars, i, word) && !keyword_is_false(chars, i, word) {
                let len = word.chars().count();
                let end = i + len;
                let better = match best {
                    None => true,
                    Some((e, l, _)) => end > e || (end == e && len > l),
                };
                if better {
                    best = Some((end, len, kind));
                }
            }
        }
    }
    best.map(|(_, _, k)| k)
}

/// Strips what does not name the unit: spaces, brackets and their content, and the
/// party prefix `中共`/`中国共产党`.
fn clean(name: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 || c.is_whitespace() => {}
            _ => out.push(c),
        }
    }
    for prefix in ["中国共产党", "中共", "共青团"] {
        if word_at(&out, 0, prefix) {
            let n = prefix.chars().count();
            out.drain(..n);
            break;
        }
    }
    // An ordinal (`第十四届全国政协`, `十二届全国人大`) says nothing of the level.
    if let Some(pos) = out.iter().take(8).position(|&c| c == '届') {
        let ordinal = out
            .iter()
            .take(pos)
            .all(|c| "第一二三四五六七八九十百0123456789".contains(*c));
        if ordinal && pos > 0 {
            out.drain(..=pos);
        }
    }
    out
}

/// The administrative markers of a name, in order.
fn markers(chars: &[char]) -> Vec<Marker> {
    let mut found: Vec<Marker> = Vec::new();
    for start in CENTRAL_STARTS {
        if word_at(chars, 0, start) {
            found.push(Marker {
                end: start.chars().count(),
                kind: UnitKind::Province,
            });
            break;
        }
    }
    let mut i = found.last().map(|m| m.end).unwrap_or(0);
    while i < chars.len() {
        let prev_end = found.last().map(|m| m.end);
        match marker_at(chars, i, prev_end) {
            // `某某县县委`, `某某市市委`: the level repeated, not a new one.
            Some(_)
                if found.last().is_some_and(|m| m.end == i)
                    && i > 0
                    && at(chars, i - 1) == at(chars, i) =>
            {
                i += 1;
            }
            Some((len, mut kind)) => {
                // A 市 right after a prefecture-level marker is a county-level city
                // (某某州某某市, 苏州市张家港市).
                if kind == UnitKind::City
                    && at(chars, i) == Some('市')
                    && found.last().is_some_and(|m| m.kind == UnitKind::City)
                {
                    kind = UnitKind::County;
                }
                found.push(Marker { end: i + len, kind });
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

/// Whether a name contains an army keyword anywhere.
fn has_army_word(chars: &[char]) -> bool {
    (0..chars.len()).any(|i| {
        KEYWORDS
            .iter()
            .any(|&(w, k)| k == UnitKind::Army && word_at(chars, i, w))
    })
}

/// What follows the last administrative marker of a name (`党政办` in
/// `某某镇党政办`); the whole cleaned name when it has no marker.
pub(crate) fn tail_after_last_marker(unit_name: &str) -> String {
    let chars = clean(unit_name);
    let from = markers(&chars).last().map(|m| m.end).unwrap_or(0);
    chars.get(from..).unwrap_or(&[]).iter().collect()
}

/// The kind of unit a name denotes, decided by the last administrative unit it
/// names, refined by institution keywords after it.
///
/// `某某县某某乡` → 乡镇, `某某市某某区某某街道` → 街道, `某某县委组织部` → 县,
/// `某某市委` → 市, `某某省委` → 省, `北京市委` → 省 (a municipality directly under
/// the centre), `某某镇中心学校` → 事业单位, `某某县农业银行` → 企业,
/// `某某大学` / `某某县委党校` → 学校 (study; see [`classify_entry`] for schools as
/// employers), `某某部队` → 部队. A name with no marker and no keyword that names
/// a 部 (a central ministry such as `卫生部办公厅`) is 省; anything else is 其他.
pub fn classify_unit(unit_name: &str) -> UnitKind {
    let chars = clean(unit_name);
    if chars.is_empty() {
        return UnitKind::Other;
    }
    let found = markers(&chars);
    let last = found.last().copied();
    let from = last.map(|m| m.end).unwrap_or(0);
    // Army units name their place after the army word (`武警贵州总队`).
    if has_army_word(&chars) {
        return UnitKind::Army;
    }
    if let Some(kind) = keyword_kind(&chars, from) {
        return kind;
    }
    if let Some(m) = last {
        return m.kind;
    }
    // A name with no level: central ministries and their departments.
    let text: String = chars.iter().collect();
    if (text.contains('部') && !text.contains("部队"))
        || text.contains("总局")
        || text.contains("总署")
    {
        return UnitKind::Province;
    }
    UnitKind::Other
}

/// Posts that mean study rather than a job.
const STUDY_POSTS: &[&str] = &[
    "博士",
    "硕士",
    "攻读",
    "深造",
    "读本科",
    "学习",
    "学生",
    "研究生",
    "进修",
    "培训",
    "读书",
    "求学",
    "学员",
    "毕业",
    "就读",
    "留学",
    "访问学者",
    "读研",
    "博士后",
    "本科生",
    "专科生",
];

/// Posts that mean military service.
const ARMY_POSTS: &[&str] = &[
    "战士", "士兵", "服役", "入伍", "参军", "新兵", "排长", "连长", "营长",
];

/// Posts that are not in any unit.
const NO_UNIT_POSTS: &[&str] = &["待分配", "待业", "务农", "回乡"];

/// Whether a post is study (`学习`, `研究生`, …).
pub fn is_study_post(post: &str) -> bool {
    // `大学生村官` is a village job, not study.
    !post.contains("村官") && STUDY_POSTS.iter().any(|p| post.contains(p))
}

/// The kind of a résumé entry: the unit's kind, corrected by what the post says.
///
/// Study posts make the entry 学校 whatever the unit (`在省委党校学习`); a school
/// named as employer (`某某大学教师`, `某某县委党校副校长`) is 事业单位; army posts
/// in a unit that names no level are 部队; `待分配`, `待业` are 其他.
pub fn classify_entry(unit_name: &str, post: &str) -> UnitKind {
    if is_study_post(post) {
        return UnitKind::School;
    }
    if NO_UNIT_POSTS.iter().any(|p| post.contains(p)) && unit_name.is_empty() {
        return UnitKind::Other;
    }
    let kind = classify_unit(unit_name);
    match kind {
        UnitKind::School if !post.is_empty() => UnitKind::PublicInstitution,
        UnitKind::Other if ARMY_POSTS.iter().any(|p| post.contains(p)) => UnitKind::Army,
        _ => kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use UnitKind::*;

    fn check(cases: &[(&str, UnitKind)]) {
        for (name, kind) in cases {
            assert_eq!(classify_unit(name), *kind, "{name}");
        }
    }

    #[test]
    fn last_administrative_unit_decides() {
        check(&[
            ("某某县某某乡", Township),
            ("某某县某某镇", Township),
            ("某某市某某区某某街道", Subdistrict),
            ("某某市某某区某某街道办事处", Subdistrict),
            ("某某县委组织部", County),
            ("某某县人民政府", County),
            ("某某区委", County),
            ("某某市某某区委", County),
            ("某某市委", City),
            ("某某省委", Province),
            ("甘肃省委", Province),
            ("甘肃省永昌县焦家庄公社", Commune),
            ("某某县某某乡某某村", Village),
            ("某某市某某区某某社区", Village),
            ("某某旗某某嘎查", Village),
            ("中共某某县委", County),
            ("某某自治县", County),
            ("某某自治州", City),
            ("广西壮族自治区党委", Province),
            ("某某地区行署", City),
            ("某某地委", City),
            ("锡林郭勒盟", City),
            ("某某州某某市", County),
            ("江苏省苏州市张家港市", County),
            ("江苏省苏州市", City),
            ("北京市委", Province),
            ("北京市朝阳区", County),
            ("国务院研究室", Province),
            ("卫生部办公厅", Province),
            ("中央政治局", Province),
            ("第十四届全国", Province),
            ("十二届全国人大", Province),
            ("共青团中央", Province),
            ("广西", Province),
            ("新疆生产建设兵团", Province),
            ("武警贵州总队", Army),
        ]);
    }

    #[test]
    fn markers_inside_words_do_not_count() {
        check(&[
            ("江苏省镇江市", City),
            ("镇江市委", City),
            ("江苏省镇江市某某镇", Township),
            ("河南省镇平县", County),
            ("某某县乡村振兴局", County),
            ("某某县住房和城乡建设局", County),
            ("某某县市场监督管理局", County),
            ("某某县乡镇企业局", County),
            ("某某区委街道工委", County),
            ("某某市城市管理局", City),
            ("山西省乡宁县", County),
            ("杭州市", City),
            ("浙江省杭州市西湖区", County),
            ("贵州省贵阳市", City),
            ("某某县农村工作部", County),
            ("民盟某某市委", City),
            ("盐城市委", City),
            ("江苏省盐城市", City),
            ("成都市委", City),
            ("厦门市委", City),
            ("某某县城市建设局", County),
            ("某某县门市部", County),
            ("昆明市市委", City),
            ("某某县县委", County),
        ]);
    }

    #[test]
    fn inner_mongolia_units() {
        check(&[
            ("某某旗某某苏木", Township),
            ("内蒙古自治区某某盟某某旗", County),
            ("某某旗委", County),
            ("某某自治旗", County),
            ("某某县红旗公社", Commune),
            ("红旗机械厂", Enterprise),
        ]);
    }

    #[test]
    fn institutions_enterprises_schools_army() {
        check(&[
            ("某某县人民医院", PublicInstitution),
            ("某某镇中心学校", PublicInstitution),
            ("某某乡农技站", PublicInstitution),
            ("某某乡财政所", PublicInstitution),
            ("某某县农业银行", Enterprise),
            ("中国农业银行某某县支行", Enterprise),
            ("某某化肥厂", Enterprise),
            ("某某集团公司", Enterprise),
            ("某某大学", School),
            ("某某县委党校", School),
            ("中国社会科学院", PublicInstitution),
            ("某某部队", Army),
            ("某某军分区", Army),
            ("某某县区公所", County),
            ("待分配", Other),
            ("", Other),
        ]);
    }

    #[test]
    fn entries_use_the_post() {
        assert_eq!(classify_entry("某某大学", "学生"), School);
        assert_eq!(classify_entry("某某大学", "教师"), PublicInstitution);
        assert_eq!(classify_entry("省委党校研究生班", "学习"), School);
        assert_eq!(classify_entry("某某县委党校", "副校长"), PublicInstitution);
        assert_eq!(classify_entry("某某县某某乡", "学习"), School);
        assert_eq!(classify_entry("某某师", "战士"), Army);
        assert_eq!(classify_entry("", "待分配"), Other);
        assert_eq!(classify_entry("某某县某某镇", "党委书记"), Township);
    }
}
