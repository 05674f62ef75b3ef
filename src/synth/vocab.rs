//! The fixed word lists the generator draws from: surnames and given-name characters,
//! place-name stems, villages, county departments, universities and majors, the
//! specialty vocabulary and ethnicities.
//!
//! Everything here is synthetic: names are assembled from common surnames and
//! given-name characters, place names from common stems, so no record describes a real
//! person. The lists are fixed arrays so that output depends only on the seed.

/// The four areas SPEC-001 asks a township team to cover.
pub const CORE_SPECIALTIES: [&str; 4] = ["党务", "经济", "社会管理", "法治"];

/// The specialty vocabulary (core areas first).
pub const SPECIALTIES: [&str; 9] = [
    "党务",
    "经济",
    "社会管理",
    "法治",
    "农林水牧",
    "城建",
    "金融财政",
    "信访",
    "环保",
];

/// Staffing (编制/来源) values that EXP-006 accepts as a source group.
pub const SOURCE_STAFFING: [&str; 3] = ["事业编制", "村干部", "大学生村官"];

pub const SURNAMES: [&str; 80] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓",
    "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "余",
    "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹",
    "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "孟",
];

pub const GIVEN_MALE: [&str; 48] = [
    "建", "国", "伟", "军", "明", "强", "磊", "勇", "涛", "斌", "鹏", "辉", "刚", "华", "平", "东",
    "峰", "杰", "宁", "文", "志", "海", "林", "波", "亮", "成", "俊", "晓", "超", "浩", "宇", "飞",
    "鑫", "正", "德", "忠", "兴", "永", "新", "旭", "阳", "山", "泽", "彬", "毅", "锋", "凯", "博",
];

pub const GIVEN_FEMALE: [&str; 40] = [
    "丽", "芳", "娜", "静", "敏", "燕", "霞", "红", "娟", "艳", "萍", "玲", "琳", "洁", "婷", "雪",
    "慧", "颖", "秀", "兰", "梅", "莉", "晶", "欣", "倩", "瑶", "月", "凤", "佳", "薇", "蕾", "丹",
    "媛", "蓉", "岚", "璐", "晓", "文", "彤", "悦",
];

/// Surnames common among Hui, Dongxiang and Salar cadres.
pub const HUI_SURNAMES: [&str; 8] = ["马", "白", "海", "丁", "冶", "韩", "穆", "沙"];

/// Mongolian given names (used as the whole name), by gender.
pub const MONGOL_MALE: [&str; 10] = [
    "巴特尔",
    "额尔敦",
    "苏和",
    "朝鲁",
    "孟和",
    "那日苏",
    "宝音",
    "特木尔",
    "阿拉坦",
    "巴图",
];
pub const MONGOL_FEMALE: [&str; 8] = [
    "乌云",
    "其其格",
    "萨仁",
    "娜仁",
    "托娅",
    "斯琴",
    "高娃",
    "塔娜",
];

/// Tibetan names (used as the whole name), by gender.
pub const TIBETAN_MALE: [&str; 6] = ["扎西", "次仁", "多吉", "丹增", "洛桑", "尼玛"];
pub const TIBETAN_FEMALE: [&str; 6] = ["卓玛", "拉姆", "央金", "措姆", "德吉", "白珍"];

/// Ethnicities of minority cadres outside a minority area.
pub const MINORITIES_GENERAL: [&str; 5] = ["回族", "蒙古族", "满族", "土家族", "藏族"];

/// Ethnicities in a Hui minority area, with weights.
pub const MINORITIES_HUI_AREA: [(&str, u32); 3] = [("回族", 14), ("东乡族", 3), ("撒拉族", 2)];

/// Characters for synthetic place names in scale mode (two of them make a stem).
pub const PLACE_CHARS: [&str; 64] = [
    "青", "石", "白", "龙", "杏", "东", "西", "南", "北", "红", "双", "槐", "柳", "松", "桃", "梨",
    "河", "山", "泉", "桥", "岭", "坪", "井", "沟", "湾", "庄", "台", "原", "川", "峪", "新", "安",
    "兴", "和", "平", "丰", "宁", "永", "清", "明", "金", "银", "马", "牛", "羊", "花", "草", "林",
    "云", "水", "沙", "黄", "长", "高", "大", "小", "上", "下", "前", "后", "中", "古", "太", "凤",
];

/// Villages (for 乡镇) and communities (for 街道).
pub const VILLAGES: [&str; 10] = [
    "王庄村",
    "李家沟村",
    "前进村",
    "新庄村",
    "杨树村",
    "河湾村",
    "张家堡村",
    "团结村",
    "红星村",
    "联合村",
];
pub const COMMUNITIES: [&str; 6] = [
    "幸福社区",
    "和平社区",
    "建设社区",
    "光明社区",
    "胜利社区",
    "滨河社区",
];

/// A county-level department: name suffix (after the county name), junior post,
/// deputy-head post, head post.
pub struct Dept {
    pub name: &'static str,
    pub junior: &'static str,
    pub deputy: &'static str,
    pub head: &'static str,
}

pub const DEPTS: [Dept; 11] = [
    Dept {
        name: "委组织部",
        junior: "干事",
        deputy: "副部长",
        head: "常务副部长",
    },
    Dept {
        name: "委宣传部",
        junior: "干事",
        deputy: "副部长",
        head: "常务副部长",
    },
    Dept {
        name: "委政法委",
        junior: "干事",
        deputy: "副书记",
        head: "常务副书记",
    },
    Dept {
        name: "农业农村局",
        junior: "科员",
        deputy: "副局长",
        head: "局长",
    },
    Dept {
        name: "财政局",
        junior: "科员",
        deputy: "副局长",
        head: "局长",
    },
    Dept {
        name: "住房和城乡建设局",
        junior: "科员",
        deputy: "副局长",
        head: "局长",
    },
    Dept {
        name: "民政局",
        junior: "科员",
        deputy: "副局长",
        head: "局长",
    },
    Dept {
        name: "司法局",
        junior: "科员",
        deputy: "副局长",
        head: "局长",
    },
    Dept {
        name: "水利局",
        junior: "科员",
        deputy: "副局长",
        head: "局长",
    },
    Dept {
        name: "信访局",
        junior: "科员",
        deputy: "副局长",
        head: "局长",
    },
    Dept {
        name: "自然资源局",
        junior: "科员",
        deputy: "副局长",
        head: "局长",
    },
];

/// Universities (four-year) and colleges (three-year).
pub const UNIVERSITIES: [&str; 6] = [
    "河西大学",
    "河西师范大学",
    "河西农业大学",
    "河西财经学院",
    "河西政法学院",
    "河西理工大学",
];
pub const COLLEGES: [&str; 3] = ["青山职业技术学院", "河西农业职业学院", "河西广播电视大学"];

/// A major that fits a specialty.
pub fn major_for(specialty: &str) -> &'static str {
    match specialty {
        "党务" => "思想政治教育",
        "经济" => "经济学",
        "社会管理" => "行政管理",
        "法治" => "法学",
        "农林水牧" => "农学",
        "城建" => "土木工程",
        "金融财政" => "财政学",
        "信访" => "汉语言文学",
        "环保" => "环境工程",
        _ => "汉语言文学",
    }
}

/// Native places outside the generated areas.
pub const OTHER_COUNTIES: [&str; 5] = ["石岭县", "云溪县", "梅岭县", "枫林县", "柏川县"];
