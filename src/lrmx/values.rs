//! From a form's fields to a `cadres` row as a user would type it: each value goes
//! through banzi's normaliser (`crate::normalize`) and is written as the normalised label
//! (男/女, `1972-03`, 汉族, 中共党员, 研究生 …).
//!
//! A value the normaliser cannot read is written as it stands, so that `banzi check`
//! rejects the row (required column) or drops the value (optional column) with its own
//! reason, which keeps the data contract's row accounting in one place; the import only
//! lists such persons in its summary. Two values need more than a normaliser: the party
//! comes from `ZhengZhiMianMao` when the form has it, else from `RuDangShiJian` (a date
//! means a CPC member, a party's name is that party), and the education is the higher of
//! the full-time and the in-service level.

use super::parse::{normalize_name, LrmxPerson};
use crate::normalize::{date::PartialDate, education, ethnicity, gender, party};

/// One `cadres` row, without its `person_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cadre {
    pub name: String,
    pub gender: String,
    pub birth_date: String,
    pub ethnicity: String,
    pub party: String,
    pub education: String,
    pub specialties: String,
    pub native_place: String,
    pub resume: String,
    /// Required values that are missing or unreadable (`banzi check` will reject the
    /// row); one phrase each, naming the form's field.
    pub problems: Vec<String>,
    /// Optional values that are unreadable (`banzi check` will drop them).
    pub dropped: Vec<String>,
}

/// The outcome of normalising one value.
enum Value {
    Empty,
    Read(String),
    Unread { raw: String, reason: String },
}

impl Value {
    /// What goes into the CSV cell.
    fn cell(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Read(s) => s.clone(),
            Value::Unread { raw, .. } => raw.clone(),
        }
    }
}

fn normalised(raw: &str, parse: impl Fn(&str) -> Result<String, String>) -> Value {
    let raw = raw.trim();
    if raw.is_empty() {
        return Value::Empty;
    }
    match parse(raw) {
        Ok(label) => Value::Read(label),
        Err(reason) => Value::Unread {
            raw: raw.to_string(),
            reason,
        },
    }
}

/// The birth date as the contract writes it (`1972-03`), if readable.
pub fn birth_label(raw: &str) -> Result<String, String> {
    PartialDate::parse(raw)
        .map(|d| d.to_string())
        .map_err(|e| e.to_string())
}

/// The normalised `cadres` row of a form.
pub fn cadre_of(p: &LrmxPerson) -> Cadre {
    let mut c = Cadre {
        name: normalize_name(&p.name),
        specialties: p.specialties.clone(),
        native_place: p.native_place.clone(),
        resume: p.resume.clone(),
        ..Cadre::default()
    };
    if c.name.is_empty() {
        c.problems.push("XingMing (name) is empty".into());
    }
    let required = [
        (
            "XingBie (gender)",
            normalised(&p.gender, |t| {
                gender::parse(t).map(|g| g.label_zh().to_string())
            }),
        ),
        (
            "ChuShengNianYue (birth_date)",
            normalised(&p.birth, birth_label),
        ),
        (
            "MinZu (ethnicity)",
            normalised(&p.ethnicity, |t| {
                ethnicity::parse(t).map(|e| e.name().to_string())
            }),
        ),
    ];
    for (i, (what, value)) in required.into_iter().enumerate() {
        match &value {
            Value::Empty => c.problems.push(format!("{what} is empty")),
            Value::Unread { raw, reason } => c.problems.push(format!("{what} {raw:?}: {reason}")),
            Value::Read(_) => {}
        }
        let cell = value.cell();
        match i {
            0 => c.gender = cell,
            1 => c.birth_date = cell,
            _ => c.ethnicity = cell,
        }
    }
    let (party_field, party_value) = party_of(p);
    if let Value::Unread { raw, reason } = &party_value {
        c.dropped
            .push(format!("{party_field} (party) {raw:?}: {reason}"));
    }
    c.party = party_value.cell();
    let education_value = education_of(p);
    if let Value::Unread { raw, reason } = &education_value {
        c.dropped.push(format!(
            "QuanRiZhiJiaoYu_XueLi/ZaiZhiJiaoYu_XueLi (education) {raw:?}: {reason}"
        ));
    }
    c.education = education_value.cell();
    c
}

/// The party: `ZhengZhiMianMao` when given; else `RuDangShiJian`, where a date means
/// 中共党员 and other text names the party (民盟, 无党派 …), possibly after a date.
/// Returns the form's field the value came from, and the value.
fn party_of(p: &LrmxPerson) -> (&'static str, Value) {
    let as_label = |t: &str| party::parse(t).map(|x| x.name().to_string());
    if !p.political_status.trim().is_empty() {
        return ("ZhengZhiMianMao", normalised(&p.political_status, as_label));
    }
    let value = normalised(&p.party_joined, |t| {
        let words: String = t
            .chars()
            .filter(|c| {
                !(c.is_ascii_digit()
                    || c.is_whitespace()
                    || ('０'..='９').contains(c)
                    || ".．-－—/／年月日()（）[]【】;；,，、:：".contains(*c))
            })
            .collect();
        if words.is_empty() {
            return match PartialDate::parse(t) {
                Ok(_) => Ok("中共党员".to_string()),
                Err(_) => Err(format!(
                    "RuDangShiJian is neither a date nor a party: {t:?}"
                )),
            };
        }
        match party::parse(&words) {
            Ok(found) => Ok(found.name().to_string()),
            Err(_) if words.contains("预备") && t.chars().any(|c| c.is_ascii_digit()) => {
                Ok("中共预备党员".to_string())
            }
            Err(e) => Err(e),
        }
    });
    ("RuDangShiJian", value)
}

/// The higher of the full-time and in-service education; an unreadable level is
/// reported only when neither is readable.
fn education_of(p: &LrmxPerson) -> Value {
    let as_label = |t: &str| education::parse(t).map(|e| e.label_zh().to_string());
    let full = normalised(&p.education_fulltime, as_label);
    let part = normalised(&p.education_parttime, as_label);
    let rank = |v: &Value| match v {
        Value::Read(label) => education::parse(label).map(|e| e.rank()).unwrap_or(0),
        _ => 0,
    };
    match (&full, &part) {
        (Value::Read(_), Value::Read(_)) => {
            if rank(&part) > rank(&full) {
                part
            } else {
                full
            }
        }
        (Value::Read(_), _) => full,
        (_, Value::Read(_)) => part,
        (Value::Unread { .. }, _) => full,
        (_, Value::Unread { .. }) => part,
        _ => Value::Empty,
    }
}
