//! A roster's 拟任职务 cell as seats: 党委副书记、镇长 is two seats (党委 deputy
//! secretary, 政府 head), each with the body its title implies, and how the person came
//! to it (提名方式, read or inferred from 现任职务).
//!
//! 组织委员, 宣传委员, 统战委员 and a 党委's 人武部长 are 党委委员 by office, so
//! 党委委员、组织委员 is one 党委 seat; 党委委员、副镇长 is two (data contract §5).
//! 党委委员、纪委书记 is one post too: the 纪委书记 on the 党委 (body 党委, as a slate
//! writes a 纪委书记 who sits on the party committee); a 纪委书记 alone is a 纪委 seat.

use crate::normalize::role::{Body, Nomination, Role};

/// One seat of a person on the slate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// The title as written (one part of the cell).
    pub post: String,
    pub role: Role,
    pub body: Body,
}

/// Splits a cell that lists posts: at 、 ， , ； ; / and 兼 (not 兼职).
pub fn split(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '兼' && chars.peek() != Some(&'职') {
            if chars.peek() == Some(&'任') {
                chars.next();
            }
            parts.push(String::new());
        } else if "、，,；;/\n".contains(c) {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The body a title implies; the title's own words win (人大…, 纪委…, …政府).
pub fn body_of(post: &str, role: Role) -> Body {
    let explicit = [
        ("纪委", Body::Discipline),
        ("纪工委", Body::Discipline),
        ("监委", Body::Discipline),
        ("人大", Body::PeoplesCongress),
        ("政协", Body::Cppcc),
    ];
    if let Some(&(_, b)) = explicit.iter().find(|(w, _)| post.contains(w)) {
        return b;
    }
    match role {
        Role::Secretary
        | Role::DeputySecretary
        | Role::DeputySecretaryPartyBuilding
        | Role::OrganizationMember
        | Role::ArmedForcesHead
        | Role::Member => Body::PartyCommittee,
        Role::Head | Role::DeputyHead => Body::Government,
        Role::PcHead | Role::PcDeputyHead => Body::PeoplesCongress,
        Role::DisciplineSecretary | Role::DisciplineDeputySecretary => Body::Discipline,
        Role::CppccChair | Role::CppccViceChair => Body::Cppcc,
    }
}

/// The seats of a 拟任职务 cell, or the part that names no post banzi knows.
pub fn seats(text: &str) -> Result<Vec<Seat>, String> {
    let parts = split(text);
    if parts.is_empty() {
        return Err("拟任职务 is empty".into());
    }
    let mut out: Vec<Seat> = Vec::new();
    let mut offices: Vec<&String> = Vec::new();
    for part in &parts {
        match Role::parse(part) {
            Ok(role) => out.push(Seat {
                post: part.clone(),
                role,
                body: body_of(part, role),
            }),
            Err(_) if is_office(part) => offices.push(part),
            Err(e) => return Err(format!("{part}: {e}")),
        }
    }
    // 区委常委、组织部部长: the office is the standing-committee member's portfolio, part
    // of that seat; without a 常委 seat beside it, it is a post banzi does not know.
    if let Some(office) = offices.first() {
        if !out.iter().any(is_standing_committee) {
            let e = Role::parse(office).err().unwrap_or_default();
            return Err(format!("{office}: {e}"));
        }
    }
    // A plain 党委委员 beside a post that is a 党委 seat by office is the same seat.
    let by_office = out.iter().any(|s| {
        s.body == Body::PartyCommittee
            && matches!(s.role, Role::OrganizationMember | Role::ArmedForcesHead)
            || s.role == Role::Member && !is_plain_member(&s.post)
    });
    let plain_member = out
        .iter()
        .any(|s| s.role == Role::Member && is_plain_member(&s.post));
    // 党委委员、纪委书记: the 纪委书记 sits on the 党委; one post, counted there (as a
    // slate writes it: body 党委, post 纪委书记).
    if plain_member && out.iter().any(|s| s.role == Role::DisciplineSecretary) {
        for s in out
            .iter_mut()
            .filter(|s| s.role == Role::DisciplineSecretary)
        {
            s.body = Body::PartyCommittee;
        }
        out.retain(|s| !(s.role == Role::Member && is_plain_member(&s.post)));
    }
    if by_office {
        out.retain(|s| !(s.role == Role::Member && is_plain_member(&s.post)));
    }
    // 纪委书记、监委主任 (and the like) is one seat under two names.
    let mut seen: Vec<(Role, Body)> = Vec::new();
    out.retain(|s| {
        let fresh = !seen.contains(&(s.role, s.body));
        seen.push((s.role, s.body));
        fresh
    });
    Ok(out)
}

/// A county's or city's office that a standing-committee member heads (组织部部长,
/// 政法委书记, 区委秘书长, 统战部部长, 军分区政委): no seat of its own.
fn is_office(part: &str) -> bool {
    ["部长", "委书记", "秘书长", "政委", "司令员", "校长", "主任"]
        .iter()
        .any(|w| part.ends_with(w) && part.chars().count() > w.chars().count())
}

/// A 常委 seat: a member of a county's or city's standing committee.
fn is_standing_committee(s: &Seat) -> bool {
    s.role == Role::Member && s.post.ends_with("常委")
}

/// 党委委员 / 委员 / 党工委委员, as opposed to 宣传委员 and the other offices.
fn is_plain_member(post: &str) -> bool {
    let t: String = post.chars().filter(|c| !c.is_whitespace()).collect();
    t.ends_with("党委委员") || t.ends_with("党工委委员") || t == "委员"
}

/// Reads a 提名方式 cell: one kind for every seat, or one per seat (`继续提名、新提拔`).
pub fn nominations(text: &str, seats: usize) -> Result<Vec<Nomination>, String> {
    let parts = split(text);
    let kinds: Vec<Nomination> = parts
        .iter()
        .map(|p| Nomination::parse(p))
        .collect::<Result<_, _>>()?;
    match kinds.len() {
        1 => Ok(vec![kinds[0]; seats]),
        n if n == seats => Ok(kinds),
        n => Err(format!("{n} nominations for {seats} seats")),
    }
}

/// Rank of a role for comparing a current and a proposed post: principal, team member.
fn rank(role: Role) -> u8 {
    match role {
        Role::Secretary | Role::Head | Role::PcHead | Role::CppccChair => 2,
        _ => 1,
    }
}

/// 新提拔 / 继续提名 / 交流 from what the person holds now (`current`, 现任职务) and where
/// (`here`: whether the current post is in the team's own unit).
pub fn infer_nomination(
    current: Option<&str>,
    unit: &str,
    district: Option<&str>,
    seat: &Seat,
) -> Nomination {
    let Some(current) = current else {
        return Nomination::New;
    };
    for part in split(current) {
        let here = super::current::held(&part, unit, district).here;
        let Ok(role) = Role::parse(&part) else {
            continue;
        };
        if here && (role == seat.role || rank(role) >= rank(seat.role)) {
            return Nomination::Continued;
        }
        if !here && rank(role) >= rank(seat.role) {
            return Nomination::Exchanged;
        }
    }
    Nomination::New
}

/// `青山县柳河镇` → `柳河镇`: the unit's own name without the county in front.
pub fn short_unit(unit: &str) -> String {
    for mark in ["县", "区", "市", "旗"] {
        if let Some(i) = unit.rfind(mark) {
            let rest = &unit[i + mark.len()..];
            if rest.chars().count() >= 2 {
                return rest.to_string();
            }
        }
    }
    unit.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(Role, Body)> {
        seats(text)
            .unwrap()
            .into_iter()
            .map(|s| (s.role, s.body))
            .collect()
    }

    #[test]
    fn cells_split_into_seats_with_bodies() {
        use Body::*;
        use Role::*;
        assert_eq!(
            roles("党委副书记、镇长"),
            [(DeputySecretary, PartyCommittee), (Head, Government)]
        );
        assert_eq!(
            roles("党委委员、组织委员"),
            [(OrganizationMember, PartyCommittee)]
        );
        assert_eq!(
            roles("党委委员，副镇长"),
            [(Member, PartyCommittee), (DeputyHead, Government)]
        );
        assert_eq!(
            roles("党委委员、人武部长"),
            [(ArmedForcesHead, PartyCommittee)]
        );
        assert_eq!(roles("党委委员、宣传委员"), [(Member, PartyCommittee)]);
        assert_eq!(roles("人大主席"), [(PcHead, PeoplesCongress)]);
        assert_eq!(
            roles("党委委员、纪委书记"),
            [(DisciplineSecretary, PartyCommittee)]
        );
        assert_eq!(roles("纪委书记"), [(DisciplineSecretary, Discipline)]);
        assert_eq!(roles("副书记"), [(DeputySecretary, PartyCommittee)]);
        assert_eq!(roles("区委常委、组织部部长"), [(Member, PartyCommittee)]);
        assert_eq!(roles("市委常委、政法委书记"), [(Member, PartyCommittee)]);
        assert_eq!(
            roles("区纪委副书记、区监委副主任"),
            [(DisciplineDeputySecretary, Discipline)]
        );
        assert!(seats("副镇长、组织部部长")
            .unwrap_err()
            .starts_with("组织部部长"));
        assert!(seats("党委委员、镇长助理")
            .unwrap_err()
            .starts_with("镇长助理"));
    }

    #[test]
    fn nomination_from_current_post() {
        let seat = |t: &str| seats(t).unwrap().remove(0);
        let unit = "青山县柳河镇";
        assert_eq!(
            infer_nomination(Some("柳河镇党委副书记"), unit, None, &seat("党委副书记")),
            Nomination::Continued
        );
        assert_eq!(
            infer_nomination(Some("党委副书记、镇长"), unit, None, &seat("党委书记")),
            Nomination::Continued
        );
        assert_eq!(
            infer_nomination(Some("副镇长"), unit, None, &seat("镇长")),
            Nomination::New
        );
        assert_eq!(
            infer_nomination(Some("石桥镇党委书记"), unit, None, &seat("党委书记")),
            Nomination::Exchanged
        );
        assert_eq!(
            infer_nomination(Some("县农业农村局副局长"), unit, None, &seat("副镇长")),
            Nomination::New
        );
        assert_eq!(
            infer_nomination(None, unit, None, &seat("副镇长")),
            Nomination::New
        );
        assert_eq!(
            nominations("继续提名、新提拔", 2).unwrap(),
            [Nomination::Continued, Nomination::New]
        );
        assert!(nominations("新提拔、继续提名", 3).is_err());
    }
}
