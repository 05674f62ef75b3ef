//! Writing rosters: a dataset's teams of one cycle as the workbook a department keeps
//! (one sheet per township or sub-district: title, filing line, two-row header with the
//! 学历学位 group, 单位 merged down, 合计 row, footnote with the reference date), and the
//! empty template with an instructions sheet and data validation.
//!
//! The writer and the reader are two halves of one layout: the shipped
//! `data/sample-roster.xlsx` is the sample written here, and reading it back must give
//! the sample's findings (tests/roster_sample.rs), so any drift between the two shows.

use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};
use std::path::Path;

use crate::dataset::Dataset;
use crate::normalize::date::PartialDate;
use crate::normalize::role::{Nomination, Role};
use crate::normalize::unit_kind::UnitKind;

/// The roster's columns, in order; 学历学位 stands over the two after it.
const COLUMNS: [&str; 17] = [
    "序号",
    "单位",
    "姓名",
    "性别",
    "民族",
    "出生年月",
    "籍贯",
    "政治面貌",
    "全日制教育",
    "在职教育",
    "熟悉领域",
    "身份",
    "现任职务",
    "任现职时间",
    "拟任职务",
    "提名方式",
    "专职",
];

/// The template's columns: the writer's, with 身份证号 (read as text: a number cell
/// loses the last digits of an 18-digit number) and 任同级职务时间, which a department has
/// and a dataset does not carry.
const TEMPLATE_COLUMNS: [&str; 19] = [
    "序号",
    "单位",
    "姓名",
    "身份证号",
    "性别",
    "民族",
    "出生年月",
    "籍贯",
    "政治面貌",
    "全日制教育",
    "在职教育",
    "熟悉领域",
    "身份",
    "现任职务",
    "任现职时间",
    "任同级职务时间",
    "拟任职务",
    "提名方式",
    "专职",
];

/// The 简历 column comes last (wide).
const RESUME: &str = "简历";

fn month(d: &PartialDate) -> String {
    format!("{:04}.{:02}", d.year, d.month)
}

/// Fixed document properties, so that the same input gives the same bytes.
fn properties() -> Result<DocProperties, XlsxError> {
    let at = ExcelDateTime::from_ymd(2021, 1, 1)?;
    Ok(DocProperties::new()
        .set_author("banzi")
        .set_creation_datetime(&at))
}

/// Writes the title, filing line and the two-row header; returns the first data row.
fn header(
    ws: &mut Worksheet,
    columns: &[&str],
    title: &str,
    filing: &str,
) -> Result<u32, XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let title_format = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let last = columns.len() as u16;
    ws.merge_range(0, 0, 0, last, title, &title_format)?;
    ws.merge_range(1, 0, 1, last, filing, &Format::new())?;
    let mut c = 0u16;
    for &name in columns {
        match name {
            "全日制教育" => {
                ws.merge_range(3, c, 3, c + 1, "学历学位", &bold)?;
                ws.write_string_with_format(4, c, name, &bold)?;
            }
            "在职教育" => {
                ws.write_string_with_format(4, c, name, &bold)?;
            }
            _ => {
                ws.merge_range(3, c, 4, c, name, &bold)?;
            }
        }
        c += 1;
    }
    ws.merge_range(3, c, 4, c, RESUME, &bold)?;
    for (i, name) in columns.iter().enumerate() {
        match *name {
            "单位" => ws.set_column_width(i as u16, 16)?,
            "身份证号" => ws.set_column_width(i as u16, 21)?,
            "现任职务" | "拟任职务" => ws.set_column_width(i as u16, 24)?,
            _ => ws,
        };
    }
    ws.set_column_width(c, 60)?;
    Ok(5)
}

/// The name a unit has on its sheet: its own name without the county (`柳河镇`).
fn sheet_name(unit: &str) -> String {
    let short = super::seats::short_unit(unit);
    short.chars().take(31).collect()
}

/// Writes the teams of `cycle` of a dataset as a roster workbook, one sheet per
/// township or sub-district, in unit order.
pub fn dataset_roster(ds: &Dataset, cycle: &str, path: &Path) -> Result<usize, String> {
    let err = |e: XlsxError| format!("{}: {e}", path.display());
    let Some(&c) = ds.cycles.index.get(cycle) else {
        return Err(format!("the dataset has no cycle {cycle}"));
    };
    let as_of = ds.cycles.as_of[c as usize];
    let mut wb = Workbook::new();
    wb.set_properties(&properties().map_err(err)?);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let mut units: Vec<u32> = (0..ds.slate.len())
        .filter(|&i| ds.slate.cycle[i] == c)
        .map(|i| ds.slate.unit[i])
        .collect();
    units.sort_by(|a, b| ds.units.unit_id[*a as usize].cmp(&ds.units.unit_id[*b as usize]));
    units.dedup();
    for &u in &units {
        let ui = u as usize;
        let unit = &ds.units.name[ui];
        let district = ds.units.parent_id[ui]
            .as_deref()
            .and_then(|p| ds.units.name_of(p))
            .unwrap_or("");
        let level = match ds.units.kind[ui] {
            UnitKind::Subdistrict => "街道",
            _ => "乡镇",
        };
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(unit)).map_err(err)?;
        let title = format!(
            "{district}{cycle}年{level}领导班子换届人选名册（{}）",
            sheet_name(unit)
        );
        let filing = format!(
            "填报单位：中共{district}委组织部　　填报时间：{}年{}月",
            as_of.format("%Y"),
            as_of.format("%-m")
        );
        let first = header(ws, &COLUMNS, &title, &filing).map_err(err)?;
        // Persons in slate order, each with their seats.
        let mut persons: Vec<u32> = Vec::new();
        for i in (0..ds.slate.len()).filter(|&i| ds.slate.cycle[i] == c && ds.slate.unit[i] == u) {
            if !persons.contains(&ds.slate.person[i]) {
                persons.push(ds.slate.person[i]);
            }
        }
        let mut row = first;
        for (k, &p) in persons.iter().enumerate() {
            let pi = p as usize;
            let seats: Vec<usize> = (0..ds.slate.len())
                .filter(|&i| {
                    ds.slate.cycle[i] == c && ds.slate.unit[i] == u && ds.slate.person[i] == p
                })
                .collect();
            let joined = |f: &dyn Fn(usize) -> String| -> String {
                let parts: Vec<String> = seats.iter().map(|&i| f(i)).collect();
                if parts.iter().all(|x| *x == parts[0]) {
                    parts[0].clone()
                } else {
                    parts.join("、")
                }
            };
            let posts = seats
                .iter()
                .map(|&i| seat_title(ds, i))
                .collect::<Vec<_>>()
                .join("、");
            let nomination = joined(&|i| {
                ds.slate.nomination[i]
                    .map(Nomination::label_zh)
                    .unwrap_or("")
                    .to_string()
            });
            let fulltime = joined(&|i| match ds.slate.fulltime[i] {
                Some(true) => "是".into(),
                Some(false) => "否".into(),
                None => String::new(),
            });
            let (current, since) = current_posts(ds, p, as_of);
            let values: [String; 17] = [
                (k + 1).to_string(),
                unit.clone(),
                ds.cadres.name[pi].to_string(),
                ds.cadres.gender[pi].label_zh().to_string(),
                ds.cadres.ethnicity[pi].to_string(),
                month(&ds.cadres.birth[pi]),
                ds.cadres.native_place[pi]
                    .as_deref()
                    .cloned()
                    .unwrap_or_default(),
                ds.cadres.party[pi]
                    .map(|x| x.to_string())
                    .unwrap_or_default(),
                ds.cadres.education[pi]
                    .map(|e| e.label_zh().to_string())
                    .unwrap_or_default(),
                String::new(),
                ds.cadres.specialties[pi].replace(';', "、"),
                ds.cadres.staffing[pi]
                    .as_deref()
                    .cloned()
                    .unwrap_or_default(),
                current,
                since,
                posts,
                nomination,
                fulltime,
            ];
            for (j, v) in values.iter().enumerate() {
                if j == 1 {
                    continue;
                }
                ws.write_string_with_format(row, j as u16, v, &cell)
                    .map_err(err)?;
            }
            ws.write_string_with_format(
                row,
                COLUMNS.len() as u16,
                ds.cadres.resume[pi].as_deref().unwrap_or(""),
                &cell,
            )
            .map_err(err)?;
            row += 1;
        }
        if persons.len() > 1 {
            ws.merge_range(first, 1, row - 1, 1, unit, &cell)
                .map_err(err)?;
        } else if !persons.is_empty() {
            ws.write_string_with_format(first, 1, unit, &cell)
                .map_err(err)?;
        }
        ws.write_string_with_format(row, 0, "合计", &cell)
            .map_err(err)?;
        ws.write_string_with_format(row, 2, format!("{}人", persons.len()), &cell)
            .map_err(err)?;
        ws.write_string(
            row + 2,
            0,
            format!(
                "注：年龄计算截至{}年{}月{}日。",
                as_of.format("%Y"),
                as_of.format("%-m"),
                as_of.format("%-d")
            ),
        )
        .map_err(err)?;
    }
    wb.save(path).map_err(err)?;
    Ok(units.len())
}

/// Loads the dataset at `dataset` and writes its latest cycle as a roster workbook
/// (`banzi gen --sample --roster data/sample-roster.xlsx`).
pub fn latest_cycle_roster(dataset: &Path, path: &Path) -> Result<usize, String> {
    let ds = crate::dataset::load(dataset, &crate::dataset::LoadOptions::default())
        .map_err(|e| e.to_string())?;
    let latest = (0..ds.cycles.len())
        .max_by_key(|&i| ds.cycles.as_of[i])
        .map(|i| ds.cycles.cycle[i].clone())
        .ok_or_else(|| format!("{}: no cycle", dataset.display()))?;
    dataset_roster(&ds, &latest, path)
}

/// The title of a seat as a roster writes it: the slate's post, prefixed with 党委 where
/// the bare word would name another body's post (委员 → 党委委员).
fn seat_title(ds: &Dataset, i: usize) -> String {
    use crate::normalize::role::Body;
    let post = ds.slate.post[i].trim();
    let committee = if ds.units.kind[ds.slate.unit[i] as usize] == UnitKind::Subdistrict {
        "党工委委员"
    } else {
        "党委委员"
    };
    match (ds.slate.role[i], ds.slate.body[i], post) {
        (Role::Member, _, "委员") => committee.into(),
        // A 纪委书记 who sits on the 党委 (as the slate says, body 党委): a roster says
        // so in full, and reads back as a 党委 seat and a 纪委 seat.
        (Role::DisciplineSecretary, Body::PartyCommittee, _) => format!("{committee}、{post}"),
        _ => post.to_string(),
    }
}

/// The posts a person holds on the reference date (现任职务) and since when.
fn current_posts(ds: &Dataset, p: u32, as_of: chrono::NaiveDate) -> (String, String) {
    let at = PartialDate::month(
        chrono::Datelike::year(&as_of),
        chrono::Datelike::month(&as_of),
    );
    let careers = &ds.careers;
    let mut posts: Vec<String> = Vec::new();
    let mut since: Option<PartialDate> = None;
    for i in (0..careers.len()).filter(|&i| careers.person[i] == p) {
        let on = careers.start(i) <= at && careers.end(i).is_none_or(|e| e > at);
        if !on || careers.unit_kind[i] == UnitKind::School {
            continue;
        }
        let text = format!("{}{}", &careers.unit_name[i], &careers.post[i]);
        if !posts.contains(&text) {
            posts.push(text);
        }
        since = Some(since.map_or(careers.start(i), |s| s.min(careers.start(i))));
    }
    (
        posts.join("、"),
        since.map(|s| month(&s)).unwrap_or_default(),
    )
}

/// The 拟任职务 titles banzi knows, for the template's list.
const TITLES: [&str; 40] = [
    "党委书记",
    "党委副书记",
    "党委专职副书记",
    "镇长",
    "乡长",
    "副镇长",
    "副乡长",
    "人大主席",
    "人大副主席",
    "纪委书记",
    "纪委副书记",
    "组织委员",
    "宣传委员",
    "统战委员",
    "人武部长",
    "党委委员",
    "党工委书记",
    "党工委副书记",
    "办事处主任",
    "办事处副主任",
    "人大工委主任",
    "纪工委书记",
    "党委副书记、镇长",
    "党委委员、副镇长",
    "县委书记",
    "区委书记",
    "县委副书记",
    "区委副书记",
    "县长",
    "区长",
    "常务副县长",
    "常务副区长",
    "副县长",
    "副区长",
    "县委常委",
    "区委常委",
    "县人大常委会主任",
    "县人大常委会副主任",
    "县政协主席",
    "县纪委书记、县监委主任",
];

/// Writes the empty roster template: the layout above with room for 200 persons, data
/// validation on 性别, 民族, 提名方式 and 拟任职务, and an instructions sheet.
pub fn template(path: &Path) -> Result<(), String> {
    let err = |e: XlsxError| format!("{}: {e}", path.display());
    let mut wb = Workbook::new();
    wb.set_properties(&properties().map_err(err)?);
    let lists = wb.add_worksheet();
    lists.set_name("选项").map_err(err)?;
    let ethnicities: Vec<String> = crate::normalize::ethnicity::Ethnicity::ALL
        .iter()
        .map(|e| e.to_string())
        .collect();
    for (i, title) in TITLES.iter().enumerate() {
        lists.write_string(i as u32, 0, *title).map_err(err)?;
    }
    for (i, name) in ethnicities.iter().enumerate() {
        lists.write_string(i as u32, 1, name).map_err(err)?;
    }
    let ws = wb.add_worksheet();
    ws.set_name("名册").map_err(err)?;
    let first = header(
        ws,
        &TEMPLATE_COLUMNS,
        "某某县2021年乡镇领导班子换届人选名册",
        "填报单位：　　　　填报时间：　　年　　月",
    )
    .map_err(err)?;
    let last = first + 199;
    let col = |name: &str| {
        TEMPLATE_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap_or(0) as u16
    };
    // 身份证号 as text, so that Excel keeps all 18 digits (and a final X).
    let text = Format::new().set_num_format("@");
    for r in first..=last {
        ws.write_blank(r, col("身份证号"), &text).map_err(err)?;
    }
    let gender = DataValidation::new()
        .allow_list_strings(&["男", "女"])
        .map_err(err)?;
    ws.add_data_validation(first, col("性别"), last, col("性别"), &gender)
        .map_err(err)?;
    let nomination = DataValidation::new()
        .allow_list_strings(&["新提拔", "继续提名", "平级转任", "交流"])
        .map_err(err)?;
    ws.add_data_validation(first, col("提名方式"), last, col("提名方式"), &nomination)
        .map_err(err)?;
    let ethnicity = DataValidation::new().allow_list_formula(
        format!("选项!$B$1:$B${}", ethnicities.len())
            .as_str()
            .into(),
    );
    ws.add_data_validation(first, col("民族"), last, col("民族"), &ethnicity)
        .map_err(err)?;
    // 拟任职务 may list several posts (党委副书记、镇长): the list helps, it does not bind.
    let titles = DataValidation::new()
        .allow_list_formula(format!("选项!$A$1:$A${}", TITLES.len()).as_str().into())
        .show_error_message(false);
    ws.add_data_validation(first, col("拟任职务"), last, col("拟任职务"), &titles)
        .map_err(err)?;
    ws.write_string(last + 2, 0, "注：年龄计算截至2021年9月30日。")
        .map_err(err)?;
    ws.set_active(true);
    let help = wb.add_worksheet();
    help.set_name("填表说明").map_err(err)?;
    let lines = [
        "换届人选名册填表说明（banzi 读取此表：banzi check 名册.xlsx）",
        "1. 第1行写标题，含地区和年份，例如：平川区2021年乡镇领导班子换届人选名册。年份即换届年份（或用 --cycle 指定），地区即汇总规则的县区（或用 --district 指定）。",
        "2. 每人一行；一人多个拟任职务写在同一格，用顿号分开，例如：党委副书记、镇长。组织委员、宣传委员、统战委员、人武部长即党委委员，不必另写。",
        "3. 单位写乡镇、街道或县（区、市）全称，可向下合并单元格；也可以每个单位一个工作表，以单位名作表名，或在每个班子前加一行标题，如“一、平川区王家镇（9人）”。每个班子后可加“合计”行。县区班子可写：区委常委、组织部部长（部长为常委分工，不另计职务）。",
        "4. 出生年月、任现职时间、任同级职务时间写作 1985.03 或 1985年3月。任同级职务时间为任现任同一级别职务的起始时间。",
        "5. 提名方式：新提拔、继续提名、平级转任、交流；不填时 banzi 按现任职务与拟任职务推断，并注明为推断。",
        "6. 有身份证号时请填写，banzi 以身份证号识别人员；否则以姓名加出生年月识别。身份证号列须为文本格式（本模板已设置）：按数字输入的18位号码会丢失末几位，banzi 将拒收该行。",
        "7. 简历每段一行：1998.07--2003.12 某某县某某乡党委副书记。",
        "8. 表末以“注：年龄计算截至2021年9月30日”写明年龄和任职年限的计算时点（或用 --as-of 指定）。",
    ];
    help.set_column_width(0, 120).map_err(err)?;
    for (i, line) in lines.iter().enumerate() {
        help.write_string(i as u32, 0, *line).map_err(err)?;
    }
    wb.save(path).map_err(err)?;
    Ok(())
}
