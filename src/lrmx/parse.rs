//! Reading one `.lrmx` file (the XML of the national cadre-form software, 干部任免审批表)
//! into an [`LrmxPerson`] holding the form's fields as text, without judging them.
//!
//! The bytes are first turned into text: a byte-order mark wins, then valid UTF-8, then
//! the encoding the XML declaration names (GB18030, GBK, GB2312 …), and GB18030 when
//! nothing is declared, since that is what older Chinese software writes. The photo
//! (`ZhaoPian`, base64, often several MB) is never copied: UTF-8 text is parsed in
//! place, and for other encodings the photo's bytes are cut out before decoding (markup
//! bytes never occur inside a GBK/GB18030 character, so the cut is safe).
//!
//! The XML is then read as a stream of events (quick-xml), tracking only the element
//! depth, so hostile nesting costs a counter, not a stack of our own. Kept fields are
//! bounded in size; anything that is not a well-formed `<Person>` document is an error
//! whose message says why, in one phrase, for the import summary. No input panics.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::borrow::Cow;

/// Largest file the import reads (a form with a large photo is a few MB).
pub const MAX_FILE_BYTES: u64 = 64 << 20;
/// Largest one-line field kept (name, posts, places …), in bytes of UTF-8.
const SHORT_LIMIT: usize = 4 << 10;
/// Largest multi-line field kept (résumé, awards, appraisal, reason), in bytes of UTF-8.
const LONG_LIMIT: usize = 256 << 10;
/// Most family members a form may list.
const MAX_FAMILY: usize = 100;

/// One family member (`JiaTingChengYuan/Item`), as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FamilyMember {
    /// `ChengWei`: the relative's relation to the person (妻子, 丈夫, 父亲, 儿子 …).
    pub relation: String,
    /// `XingMing`, with the padding spaces of two-character names removed.
    pub name: String,
    /// `ChuShengRiQi`, as written (`197405`, `1974.05`).
    pub birth: String,
    /// `ZhengZhiMianMao`.
    pub party: String,
    /// `GongZuoDanWeiJiZhiWu`: workplace and post.
    pub work: String,
}

/// The fields of one cadre form, as written (trimmed, control characters removed, one-line
/// fields on one line, the résumé with LF line ends). Normalised values come from
/// [`super::values::cadre_of`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LrmxPerson {
    /// `XingMing`.
    pub name: String,
    /// `XingBie`.
    pub gender: String,
    /// `ChuShengNianYue` (`YYYYMM`).
    pub birth: String,
    /// `MinZu`.
    pub ethnicity: String,
    /// `JiGuan`.
    pub native_place: String,
    /// `ChuShengDi`.
    pub birth_place: String,
    /// `RuDangShiJian`: a date for CPC members; democratic-party members and others
    /// have the party's name here.
    pub party_joined: String,
    /// `ZhengZhiMianMao`, which some versions of the software write.
    pub political_status: String,
    /// `CanJiaGongZuoShiJian`.
    pub work_start: String,
    /// `JianKangZhuangKuang`.
    pub health: String,
    /// `ZhuanYeJiShuZhiWu`.
    pub title: String,
    /// `ShuXiZhuanYeYouHeZhuanChang`.
    pub specialties: String,
    /// `QuanRiZhiJiaoYu_XueLi`.
    pub education_fulltime: String,
    /// `ZaiZhiJiaoYu_XueLi`.
    pub education_parttime: String,
    /// `XianRenZhiWu`.
    pub current_post: String,
    /// `NiRenZhiWu`.
    pub proposed_post: String,
    /// `NiMianZhiWu`.
    pub proposed_removal: String,
    /// `JianLi`, lines separated by `\n`.
    pub resume: String,
    /// `JiangChengQingKuang`.
    pub awards: String,
    /// `NianDuKaoHeJieGuo`.
    pub appraisal: String,
    /// `RenMianLiYou`.
    pub reason: String,
    /// `JiaTingChengYuan/Item`, in file order.
    pub family: Vec<FamilyMember>,
    /// Length of the `ZhaoPian` text in bytes (0 when there is no photo). The photo
    /// itself is not kept.
    pub photo_bytes: usize,
    /// The encoding the file was read in (`UTF-8`, `GB18030`, `GBK`, `UTF-16LE` …).
    pub encoding: &'static str,
    /// Things that did not stop the reading but that the user should know.
    pub warnings: Vec<String>,
}

/// How a field's text is cleaned and bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    Line,
    Lines,
}

/// A kept top-level field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Gender,
    Birth,
    Ethnicity,
    NativePlace,
    BirthPlace,
    PartyJoined,
    PoliticalStatus,
    WorkStart,
    Health,
    Title,
    Specialties,
    EducationFulltime,
    EducationParttime,
    CurrentPost,
    ProposedPost,
    ProposedRemoval,
    Resume,
    Awards,
    Appraisal,
    Reason,
}

/// The top-level elements kept, with their field and cleaning.
const FIELDS: &[(&str, Field, Kind)] = &[
    ("XingMing", Field::Name, Kind::Name),
    ("XingBie", Field::Gender, Kind::Line),
    ("ChuShengNianYue", Field::Birth, Kind::Line),
    ("MinZu", Field::Ethnicity, Kind::Line),
    ("JiGuan", Field::NativePlace, Kind::Line),
    ("ChuShengDi", Field::BirthPlace, Kind::Line),
    ("RuDangShiJian", Field::PartyJoined, Kind::Line),
    ("ZhengZhiMianMao", Field::PoliticalStatus, Kind::Line),
    ("CanJiaGongZuoShiJian", Field::WorkStart, Kind::Line),
    ("JianKangZhuangKuang", Field::Health, Kind::Line),
    ("ZhuanYeJiShuZhiWu", Field::Title, Kind::Line),
    (
        "ShuXiZhuanYeYouHeZhuanChang",
        Field::Specialties,
        Kind::Line,
    ),
    (
        "QuanRiZhiJiaoYu_XueLi",
        Field::EducationFulltime,
        Kind::Line,
    ),
    ("ZaiZhiJiaoYu_XueLi", Field::EducationParttime, Kind::Line),
    ("XianRenZhiWu", Field::CurrentPost, Kind::Line),
    ("NiRenZhiWu", Field::ProposedPost, Kind::Line),
    ("NiMianZhiWu", Field::ProposedRemoval, Kind::Line),
    ("JianLi", Field::Resume, Kind::Lines),
    ("JiangChengQingKuang", Field::Awards, Kind::Lines),
    ("NianDuKaoHeJieGuo", Field::Appraisal, Kind::Lines),
    ("RenMianLiYou", Field::Reason, Kind::Lines),
];

/// The fields of a family member.
const MEMBER_FIELDS: &[(&str, usize, Kind)] = &[
    ("ChengWei", 0, Kind::Line),
    ("XingMing", 1, Kind::Name),
    ("ChuShengRiQi", 2, Kind::Line),
    ("ZhengZhiMianMao", 3, Kind::Line),
    ("GongZuoDanWeiJiZhiWu", 4, Kind::Line),
];

impl LrmxPerson {
    fn slot(&mut self, field: Field) -> &mut String {
        match field {
            Field::Name => &mut self.name,
            Field::Gender => &mut self.gender,
            Field::Birth => &mut self.birth,
            Field::Ethnicity => &mut self.ethnicity,
            Field::NativePlace => &mut self.native_place,
            Field::BirthPlace => &mut self.birth_place,
            Field::PartyJoined => &mut self.party_joined,
            Field::PoliticalStatus => &mut self.political_status,
            Field::WorkStart => &mut self.work_start,
            Field::Health => &mut self.health,
            Field::Title => &mut self.title,
            Field::Specialties => &mut self.specialties,
            Field::EducationFulltime => &mut self.education_fulltime,
            Field::EducationParttime => &mut self.education_parttime,
            Field::CurrentPost => &mut self.current_post,
            Field::ProposedPost => &mut self.proposed_post,
            Field::ProposedRemoval => &mut self.proposed_removal,
            Field::Resume => &mut self.resume,
            Field::Awards => &mut self.awards,
            Field::Appraisal => &mut self.appraisal,
            Field::Reason => &mut self.reason,
        }
    }
}

impl FamilyMember {
    fn slot(&mut self, index: usize) -> &mut String {
        match index {
            0 => &mut self.relation,
            1 => &mut self.name,
            2 => &mut self.birth,
            3 => &mut self.party,
            _ => &mut self.work,
        }
    }
}

/// Reads one cadre form from the bytes of a `.lrmx` file.
///
/// Errors are one phrase saying why the file is not a readable cadre form (not XML,
/// not `<Person>`, truncated, undecodable, a field too long to be genuine).
pub fn parse_person(bytes: &[u8]) -> Result<LrmxPerson, String> {
    let decoded = decode(bytes)?;
    let mut person = walk(&decoded.text)?;
    person.encoding = decoded.encoding;
    person.photo_bytes = person.photo_bytes.saturating_add(decoded.photo_bytes);
    let mut warnings = decoded.warnings;
    warnings.append(&mut person.warnings);
    person.warnings = warnings;
    Ok(person)
}

/// A file's text, ready for the XML reader.
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    /// Bytes of photo cut out before decoding (non-UTF-8 files only).
    pub photo_bytes: usize,
    pub warnings: Vec<String>,
}

fn plain<'a>(text: Cow<'a, str>, encoding: &'static str) -> Decoded<'a> {
    Decoded {
        text,
        encoding,
        photo_bytes: 0,
        warnings: Vec::new(),
    }
}

/// Turns a file's bytes into text; see the module documentation for the order of
/// preference. Borrows UTF-8 input; for other encodings the photo is cut out first.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| plain(Cow::Borrowed(s), "UTF-8"))
            .map_err(|e| {
                format!(
                    "starts with a UTF-8 byte-order mark but is not UTF-8 (invalid byte at offset {})",
                    e.valid_up_to() + 3
                )
            });
    }
    let utf16 = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some((encoding_rs::UTF_16LE, rest))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Some((encoding_rs::UTF_16BE, rest))
    } else if bytes.starts_with(b"<\0") {
        Some((encoding_rs::UTF_16LE, bytes))
    } else if bytes.starts_with(b"\0<") {
        Some((encoding_rs::UTF_16BE, bytes))
    } else {
        None
    };
    if let Some((enc, rest)) = utf16 {
        return enc
            .decode_without_bom_handling_and_without_replacement(rest)
            .map(|text| plain(Cow::Owned(text.into_owned()), enc.name()))
            .ok_or_else(|| format!("not valid {} text", enc.name()));
    }
    if bytes.contains(&0) {
        return Err("binary data (NUL bytes), not an XML text file".into());
    }
    let declared = declared_encoding(bytes);
    let declared_enc = declared
        .as_deref()
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    if let Ok(text) = std::str::from_utf8(bytes) {
        let mut d = plain(Cow::Borrowed(text), "UTF-8");
        if let (Some(label), Some(enc)) = (&declared, declared_enc) {
            if enc != encoding_rs::UTF_8 && !bytes.is_ascii() {
                d.warnings.push(format!(
                    "declares encoding {label:?} but its bytes are UTF-8; read as UTF-8"
                ));
            }
        }
        return Ok(d);
    }
    let (enc, warnings) = match (declared.as_deref(), declared_enc) {
        (Some(_), Some(enc))
            if enc.is_ascii_compatible()
                && enc != encoding_rs::UTF_8
                && enc != encoding_rs::REPLACEMENT =>
        {
            (enc, Vec::new())
        }
        (Some(label), None) => (
            encoding_rs::GB18030,
            vec![format!(
                "declares an unknown encoding {label:?} and is not UTF-8; read as GB18030"
            )],
        ),
        (Some(label), Some(_)) => (
            encoding_rs::GB18030,
            vec![format!(
                "declares encoding {label:?} but is not valid in it; read as GB18030"
            )],
        ),
        (None, _) => (
            encoding_rs::GB18030,
            vec!["not UTF-8 and no encoding declared; read as GB18030".to_string()],
        ),
    };
    let (head, tail, photo_bytes) = match photo_span(bytes) {
        Some((start, end)) => (&bytes[..start], &bytes[end..], end - start),
        None => (bytes, &bytes[..0], 0),
    };
    let fail = || format!("neither UTF-8 nor {} text", enc.name());
    let mut text = enc
        .decode_without_bom_handling_and_without_replacement(head)
        .ok_or_else(fail)?
        .into_owned();
    text.push_str(
        &enc.decode_without_bom_handling_and_without_replacement(tail)
            .ok_or_else(fail)?,
    );
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding: enc.name(),
        photo_bytes,
        warnings,
    })
}

/// The `encoding` of an XML declaration at the start of the bytes (`<?xml version="1.0"
/// encoding="GB18030"?>`), if any.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &bytes[start..bytes.len().min(start + 512)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = find(head, b"?>", 0)?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    let close = value.find(quote)?;
    Some(value[..close].to_string())
}

/// The byte range of the `ZhaoPian` element's content, found on the raw bytes (safe for
/// ASCII-compatible encodings such as GBK and GB18030, whose multi-byte characters never
/// contain `<` or `>`). `None` when there is no photo or its element is not closed.
fn photo_span(bytes: &[u8]) -> Option<(usize, usize)> {
    const OPEN: &[u8] = b"<ZhaoPian";
    const CLOSE: &[u8] = b"</ZhaoPian";
    let mut from = 0;
    while let Some(at) = find(bytes, OPEN, from) {
        let after = at + OPEN.len();
        match bytes.get(after) {
            Some(b'>') | Some(b' ') | Some(b'\t') | Some(b'\r') | Some(b'\n') => {
                let gt = find(bytes, b">", after)?;
                if bytes.get(gt.wrapping_sub(1)) == Some(&b'/') {
                    return None; // <ZhaoPian/>: empty
                }
                let close = find(bytes, CLOSE, gt + 1)?;
                return Some((gt + 1, close));
            }
            _ => from = after,
        }
    }
    None
}

/// Position of `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= haystack.len() {
        return None;
    }
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= haystack.len() {
        let rel = haystack[i..].iter().position(|&b| b == first)?;
        i += rel;
        if haystack.get(i..i + needle.len()) == Some(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// What the text currently read belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Nothing,
    Field(Field, Kind, &'static str),
    Member(usize, Kind, &'static str),
    Photo,
}

fn limit(kind: Kind) -> usize {
    match kind {
        Kind::Lines => LONG_LIMIT,
        Kind::Name | Kind::Line => SHORT_LIMIT,
    }
}

/// Reads the XML events of a decoded form.
fn walk(text: &str) -> Result<LrmxPerson, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    {
        let config = reader.config_mut();
        config.allow_dangling_amp = true;
        config.check_end_names = true;
    }
    let mut person = LrmxPerson::default();
    let mut depth: usize = 0;
    let mut root_seen = false;
    let mut root_closed = false;
    // Inside JiaTingChengYuan (depth 2) / one of its Item (depth 3).
    let mut in_family = false;
    let mut member: Option<FamilyMember> = None;
    let mut target = Target::Nothing;
    let mut buffer = String::new();
    let mut unknown_entities = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "not well-formed XML (at byte {}): {e}",
                reader.error_position()
            )
        })?;
        match event {
            Event::Start(start) if depth == 0 => {
                check_root(start.local_name().as_ref(), root_closed)?;
                root_seen = true;
                depth = 1;
            }
            Event::Empty(start) if depth == 0 => {
                check_root(start.local_name().as_ref(), root_closed)?;
                root_seen = true;
                root_closed = true;
            }
            Event::Start(start) => {
                let name = start.local_name();
                let name = name.as_ref();
                depth = depth.saturating_add(1);
                open(
                    name,
                    depth,
                    &mut in_family,
                    &mut member,
                    &mut target,
                    &mut buffer,
                    &mut person,
                )?;
            }
            Event::Empty(start) => {
                // An empty element opens and closes: handle it as both, so that an empty
                // <Item/> still counts and an empty field stays empty.
                let name = start.local_name();
                let name = name.as_ref();
                let d = depth.saturating_add(1);
                open(
                    name,
                    d,
                    &mut in_family,
                    &mut member,
                    &mut target,
                    &mut buffer,
                    &mut person,
                )?;
                close(
                    d,
                    &mut in_family,
                    &mut member,
                    &mut target,
                    &mut buffer,
                    &mut person,
                );
            }
            Event::End(_) => {
                if depth == 0 {
                    return Err("an end tag with no start tag".into());
                }
                close(
                    depth,
                    &mut in_family,
                    &mut member,
                    &mut target,
                    &mut buffer,
                    &mut person,
                );
                depth -= 1;
                if depth == 0 {
                    root_closed = true;
                }
            }
            Event::Text(t) => {
                let raw = t.into_inner();
                if depth == 0 {
                    if raw.trim().is_empty() {
                        continue;
                    }
                    if !root_seen {
                        return Err(
                            "not an XML file: it starts with text, not with an element".into()
                        );
                    }
                    warn(&mut person, "text after </Person> ignored".to_string());
                    continue;
                }
                append(&mut person, target, &mut buffer, &raw)?;
            }
            Event::CData(c) => {
                if depth == 0 {
                    return Err("character data outside the <Person> element".into());
                }
                let raw = c.into_inner();
                append(&mut person, target, &mut buffer, &raw)?;
            }
            Event::GeneralRef(r) => {
                if depth == 0 {
                    if !root_seen {
                        return Err(
                            "not an XML file: it starts with text, not with an element".into()
                        );
                    }
                    continue;
                }
                if matches!(target, Target::Nothing) {
                    continue;
                }
                let piece: Cow<'_, str> = match r.resolve_char_ref() {
                    Ok(Some(c)) => Cow::Owned(c.to_string()),
                    Err(_) => {
                        unknown_entities += 1;
                        Cow::Owned(format!("&{};", &*r))
                    }
                    Ok(None) => match &*r {
                        "lt" => Cow::Borrowed("<"),
                        "gt" => Cow::Borrowed(">"),
                        "amp" => Cow::Borrowed("&"),
                        "apos" => Cow::Borrowed("'"),
                        "quot" => Cow::Borrowed("\""),
                        "nbsp" => Cow::Borrowed(" "),
                        other => {
                            unknown_entities += 1;
                            Cow::Owned(format!("&{other};"))
                        }
                    },
                };
                append(&mut person, target, &mut buffer, &piece)?;
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if !root_seen {
        return Err("no XML element: not a cadre form".into());
    }
    if depth > 0 {
        return Err("the file ends before </Person>: truncated?".into());
    }
    if unknown_entities > 0 {
        warn(
            &mut person,
            format!("{unknown_entities} unknown entity or character reference(s) kept as written"),
        );
    }
    if person.name.is_empty() && person.gender.is_empty() && person.birth.is_empty() {
        return Err(
            "<Person> has no XingMing, XingBie or ChuShengNianYue: nothing to import".into(),
        );
    }
    Ok(person)
}

/// The root element must be the one `<Person>`.
fn check_root(name: &str, root_closed: bool) -> Result<(), String> {
    if root_closed {
        return Err(format!(
            "a second root element <{}> after </Person>",
            shown(name)
        ));
    }
    if !name.eq_ignore_ascii_case("Person") {
        return Err(format!(
            "root element is <{}>, not <Person>: not a cadre form (任免审批表)",
            shown(name)
        ));
    }
    Ok(())
}

/// An element opens at `depth` (the root is depth 1).
fn open(
    name: &str,
    depth: usize,
    in_family: &mut bool,
    member: &mut Option<FamilyMember>,
    target: &mut Target,
    buffer: &mut String,
    person: &mut LrmxPerson,
) -> Result<(), String> {
    match depth {
        2 => {
            buffer.clear();
            *target = Target::Nothing;
            if name == "JiaTingChengYuan" {
                *in_family = true;
            } else if name == "ZhaoPian" {
                *target = Target::Photo;
            } else if let Some(&(tag, field, kind)) = FIELDS.iter().find(|(tag, _, _)| *tag == name)
            {
                *target = Target::Field(field, kind, tag);
            }
        }
        3 if *in_family && name == "Item" => {
            if person.family.len() >= MAX_FAMILY {
                return Err(format!(
                    "more than {MAX_FAMILY} family members (JiaTingChengYuan/Item): not a cadre form"
                ));
            }
            *member = Some(FamilyMember::default());
        }
        4 if member.is_some() => {
            buffer.clear();
            *target = MEMBER_FIELDS
                .iter()
                .find(|(tag, _, _)| *tag == name)
                .map_or(Target::Nothing, |&(tag, index, kind)| {
                    Target::Member(index, kind, tag)
                });
        }
        _ => {}
    }
    Ok(())
}

/// The element at `depth` closes.
fn close(
    depth: usize,
    in_family: &mut bool,
    member: &mut Option<FamilyMember>,
    target: &mut Target,
    buffer: &mut String,
    person: &mut LrmxPerson,
) {
    match depth {
        2 => {
            if let Target::Field(field, kind, tag) = *target {
                let value = clean(buffer, kind);
                let slot = person.slot(field);
                if slot.is_empty() {
                    *slot = value;
                } else if !value.is_empty() {
                    warn(person, format!("<{tag}> given twice; the first is kept"));
                }
            }
            buffer.clear();
            *target = Target::Nothing;
            *in_family = false;
        }
        3 => {
            if let Some(m) = member.take() {
                let blank = m.relation.is_empty() && m.name.is_empty() && m.birth.is_empty();
                if !blank {
                    person.family.push(m);
                }
            }
        }
        4 if member.is_some() => {
            if let (Target::Member(index, kind, _), Some(m)) = (*target, member.as_mut()) {
                let value = clean(buffer, kind);
                let slot = m.slot(index);
                if slot.is_empty() {
                    *slot = value;
                }
            }
            buffer.clear();
            *target = Target::Nothing;
        }
        _ => {}
    }
}

/// Most distinct warnings kept per file (a hostile file could repeat one a million times).
const MAX_WARNINGS: usize = 20;

/// Records a warning once.
fn warn(person: &mut LrmxPerson, message: String) {
    if person.warnings.len() < MAX_WARNINGS && !person.warnings.contains(&message) {
        person.warnings.push(message);
    }
}

/// Adds text to the field being read, within its size limit; photo text is only counted.
fn append(
    person: &mut LrmxPerson,
    target: Target,
    buffer: &mut String,
    piece: &str,
) -> Result<(), String> {
    let (kind, tag) = match target {
        Target::Nothing => return Ok(()),
        Target::Photo => {
            person.photo_bytes = person.photo_bytes.saturating_add(piece.len());
            return Ok(());
        }
        Target::Field(_, kind, tag) | Target::Member(_, kind, tag) => (kind, tag),
    };
    let max = limit(kind);
    if buffer.len().saturating_add(piece.len()) > max {
        return Err(format!(
            "<{tag}> is longer than {max} bytes: not a cadre form field"
        ));
    }
    buffer.push_str(piece);
    Ok(())
}

/// Cleans a field's text according to its kind.
fn clean(raw: &str, kind: Kind) -> String {
    match kind {
        Kind::Name => normalize_name(raw),
        Kind::Line => one_line(raw),
        Kind::Lines => lines(raw),
    }
}

/// One line: control characters dropped, every run of whitespace (line breaks and
/// full-width spaces included) one space, trimmed.
pub(crate) fn one_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = true;
        } else if c.is_control() || is_invisible(c) {
            continue;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Multi-line text: CR-LF and lone CR become LF, other control characters go (a tab
/// becomes a space), trailing spaces of each line and blank lines at both ends go.
pub(crate) fn lines(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut out: Vec<String> = unified
        .split('\n')
        .map(|line| {
            line.chars()
                .filter(|c| !is_invisible(*c))
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|c| !c.is_control())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect();
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    let first = out
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(out.len());
    out.drain(..first);
    out.join("\n")
}

/// A person's name as it should be compared and written: names without Latin letters
/// or digits lose every space (forms pad two-character names: `张  三` is 张三); others
/// keep single spaces. Middle-dot variants in minority names become `·`.
pub fn normalize_name(raw: &str) -> String {
    let line = one_line(raw);
    let dotted: String = line
        .chars()
        .map(|c| match c {
            '•' | '・' | '‧' | '∙' | '･' | '●' => '·',
            c => c,
        })
        .collect();
    if dotted.chars().any(|c| c.is_ascii_alphanumeric()) {
        dotted
    } else {
        dotted.chars().filter(|c| !c.is_whitespace()).collect()
    }
}

/// Zero-width characters and byte-order marks, which forms carry invisibly.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{2060}'
    )
}

/// An element name as quoted in a reason: at most 40 characters.
fn shown(name: &str) -> String {
    name.chars().take(40).collect()
}
