//! Unit tests of the LRMX import: each fixture under `tests/data/lrmx/` with its expected
//! fields, each odd encoding and structure, the photo that must not be copied, hostile
//! input that must neither panic nor grow memory, the id and relation rules, and the
//! files an import writes.

use super::parse::{decode, lines, one_line};
use super::*;
use std::path::PathBuf;

const WANG: &[u8] = include_bytes!("../../tests/data/lrmx/wang_jianguo.lrmx");
const LI: &[u8] = include_bytes!("../../tests/data/lrmx/li_xiumei_bom.lrmx");
const CHEN: &[u8] = include_bytes!("../../tests/data/lrmx/chen_xiaoyan_gb18030.lrmx");
const ZHAO: &[u8] = include_bytes!("../../tests/data/lrmx/zhao_gang_gbk.lrmx");
const LIU: &[u8] = include_bytes!("../../tests/data/lrmx/liu_yang_empty_resume.lrmx");
const ZHANG70: &[u8] = include_bytes!("../../tests/data/lrmx/zhang_wei_1970.lrmx");
const ZHANG85: &[u8] = include_bytes!("../../tests/data/lrmx/more/ZHANG_WEI_1985.LRMX");
const SUN: &[u8] = include_bytes!("../../tests/data/lrmx/sun_li_missing_fields.lrmx");
const NOT_XML: &[u8] = include_bytes!("../../tests/data/lrmx/not_xml.lrmx");
const NOT_PERSON: &[u8] = include_bytes!("../../tests/data/lrmx/not_person.lrmx");
const TRUNCATED: &[u8] = include_bytes!("../../tests/data/lrmx/truncated.lrmx");

const ALL: [&[u8]; 11] = [
    WANG, LI, CHEN, ZHAO, LIU, ZHANG70, ZHANG85, SUN, NOT_XML, NOT_PERSON, TRUNCATED,
];

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/lrmx")
}

fn person(bytes: &[u8]) -> LrmxPerson {
    parse_person(bytes).unwrap_or_else(|e| panic!("fixture rejected: {e}"))
}

/// A minimal form with the given extra XML inside `<Person>`.
fn form(inner: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Person><XingMing>周敏</XingMing><XingBie>女</XingBie><ChuShengNianYue>198304</ChuShengNianYue><MinZu>汉族</MinZu>{inner}</Person>\n"
    )
}

// ---------------------------------------------------------------- fixtures

#[test]
fn full_utf8_form_reads_every_field() {
    let p = person(WANG);
    assert_eq!(p.encoding, "UTF-8");
    assert_eq!(p.name, "王建国");
    assert_eq!(p.gender, "男");
    assert_eq!(p.birth, "197203");
    assert_eq!(p.ethnicity, "汉族");
    assert_eq!(p.native_place, "青山县石桥乡");
    assert_eq!(p.birth_place, "青山县");
    assert_eq!(p.party_joined, "1994.06");
    assert_eq!(p.work_start, "1994.07");
    assert_eq!(p.health, "健康");
    assert_eq!(p.title, "农艺师");
    assert_eq!(p.specialties, "熟悉农村工作、基层党建");
    assert_eq!(p.education_fulltime, "大学");
    assert_eq!(p.education_parttime, "省委党校研究生");
    assert_eq!(p.current_post, "青山县柳河镇党委书记");
    assert_eq!(p.proposed_post, "青山县柳河镇党委书记（连任）");
    assert_eq!(p.proposed_removal, "");
    assert_eq!(p.reason, "换届提名");
    assert_eq!(p.appraisal, "2019、2020、2021年度考核均为称职。");
    assert_eq!(p.awards, "2018年度被评为全县优秀党务工作者。");
    assert_eq!(
        p.resume,
        "1994.07--1998.12  青山县农业局科员\n\
         1998.12--2003.12  青山县石桥乡党委委员、副乡长\n\
         2003.12--2011.06  青山县石桥乡党委副书记、乡长\n\
         2011.06--  青山县柳河镇党委书记（其间：2012.09--2014.07 在省委党校研究生班学习）"
    );
    assert_eq!(p.photo_bytes, 88);
    assert_eq!(p.family.len(), 4);
    assert_eq!(
        p.family[0],
        FamilyMember {
            relation: "妻子".into(),
            name: "李秀梅".into(),
            birth: "197405".into(),
            party: "中共党员".into(),
            work: "青山县柳河镇副镇长".into(),
        }
    );
    assert_eq!(p.family[2].birth, "");
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);

    let c = cadre_of(&p);
    assert_eq!(
        (
            c.name.as_str(),
            c.gender.as_str(),
            c.birth_date.as_str(),
            c.ethnicity.as_str(),
            c.party.as_str(),
            c.education.as_str()
        ),
        ("王建国", "男", "1972-03", "汉族", "中共党员", "研究生")
    );
    assert!(c.problems.is_empty() && c.dropped.is_empty());
    // The résumé parser reads every line of it.
    let parsed = crate::resume::parse_resume(&c.resume);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let last = parsed.entries.last().expect("entries");
    assert_eq!(
        (last.unit_name.as_str(), last.post.as_str(), last.end),
        ("青山县柳河镇", "党委书记", None)
    );
    assert_eq!(parsed.entries.len(), 6);
}

#[test]
fn utf8_bom_with_crlf_and_character_references() {
    assert!(LI.starts_with(b"\xEF\xBB\xBF"));
    let p = person(LI);
    assert_eq!(p.encoding, "UTF-8");
    assert_eq!(p.name, "李秀梅");
    assert_eq!(
        p.resume,
        "1995.07--2002.03  青山县柳河镇文化站干事\n2002.03--2011.09  青山县柳河镇团委书记\n2011.09--  青山县柳河镇副镇长"
    );
    let c = cadre_of(&p);
    // 中专 full-time, 大专 in service: the higher counts.
    assert_eq!(c.education, "大专");
    assert_eq!(c.gender, "女");
}

#[test]
fn gb18030_bytes_with_a_four_byte_character() {
    assert!(
        String::from_utf8(CHEN.to_vec()).is_err(),
        "the fixture must not be UTF-8"
    );
    let p = person(CHEN);
    assert_eq!(p.encoding, "gb18030");
    assert_eq!(p.name, "陈晓燕");
    assert_eq!(p.family[1].name, "陈䶮");
    assert_eq!(p.specialties, "熟悉城市管理；社区治理");
    let c = cadre_of(&p);
    assert_eq!(c.ethnicity, "苗族");
    // RuDangShiJian holds a democratic party's name instead of a date.
    assert_eq!(c.party, "民盟盟员");
    // 大学 full-time, 硕士研究生 in service.
    assert_eq!(c.education, "研究生");
    assert!(crate::resume::parse_resume(&c.resume).errors.is_empty());
}

#[test]
fn gbk_bytes_and_a_padded_two_character_name() {
    assert!(String::from_utf8(ZHAO.to_vec()).is_err());
    let p = person(ZHAO);
    assert_eq!(p.encoding, "GBK");
    assert_eq!(p.name, "赵刚");
    let c = cadre_of(&p);
    // GB/T 2261.1 code 1.
    assert_eq!(c.gender, "男");
    assert_eq!(c.ethnicity, "回族");
    assert_eq!(c.education, "大学");
    assert_eq!(p.family[0].name, "陈晓燕");
}

#[test]
fn empty_resume_and_missing_optional_fields() {
    let p = person(LIU);
    assert_eq!(p.resume, "");
    assert_eq!(p.proposed_post, "");
    let c = cadre_of(&p);
    assert_eq!((c.party.as_str(), c.education.as_str()), ("", ""));
    assert_eq!(c.native_place, "");
    assert!(c.problems.is_empty());
    // 张  伟 in the family list: padding removed for matching.
    assert_eq!(p.family[0].name, "张伟");
}

#[test]
fn political_status_field_wins_over_party_joined() {
    let p = person(ZHANG70);
    assert_eq!(p.political_status, "中共党员");
    let c = cadre_of(&p);
    assert_eq!(c.party, "中共党员");
    assert_eq!(c.ethnicity, "汉族");
    let p = person(ZHANG85);
    assert!(p.family.is_empty());
    assert_eq!(cadre_of(&p).ethnicity, "壮族");
}

#[test]
fn missing_required_fields_are_listed_not_rejected() {
    let p = person(SUN);
    let c = cadre_of(&p);
    assert_eq!(c.gender, "");
    assert_eq!(c.ethnicity, "");
    assert_eq!(c.birth_date, "1992-11");
    assert_eq!(
        c.problems,
        vec!["XingBie (gender) is empty", "MinZu (ethnicity) is empty"]
    );
}

#[test]
fn broken_fixtures_are_rejected_with_a_reason() {
    assert_eq!(
        parse_person(NOT_XML).unwrap_err(),
        "not an XML file: it starts with text, not with an element"
    );
    assert_eq!(
        parse_person(NOT_PERSON).unwrap_err(),
        "root element is <Root>, not <Person>: not a cadre form (任免审批表)"
    );
    assert_eq!(
        parse_person(TRUNCATED).unwrap_err(),
        "the file ends before </Person>: truncated?"
    );
}

// ---------------------------------------------------------------- encodings

#[test]
fn encodings_are_detected_in_order() {
    let text = form("<JianLi>2001.07--  青山县柳河镇科员</JianLi>");
    // Declared GB18030, bytes really GB18030.
    let gb = text.replace("UTF-8", "GB18030");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&gb);
    let p = parse_person(&bytes).unwrap();
    assert_eq!((p.name.as_str(), p.encoding), ("周敏", "gb18030"));
    assert!(p.warnings.is_empty());
    // GB2312 label: decoded as GBK (a superset).
    let gb2312 = text.replace("UTF-8", "gb2312");
    let (bytes, _, _) = encoding_rs::GBK.encode(&gb2312);
    assert_eq!(parse_person(&bytes).unwrap().encoding, "GBK");
    // Declared GBK, bytes UTF-8: read as UTF-8, with a warning.
    let p = parse_person(text.replace("UTF-8", "GBK").as_bytes()).unwrap();
    assert_eq!((p.name.as_str(), p.encoding), ("周敏", "UTF-8"));
    assert_eq!(
        p.warnings,
        vec!["declares encoding \"GBK\" but its bytes are UTF-8; read as UTF-8"]
    );
    // No declaration, not UTF-8: GB18030 with a warning.
    let bare = text.split_once('\n').unwrap().1;
    let (bytes, _, _) = encoding_rs::GB18030.encode(bare);
    let p = parse_person(&bytes).unwrap();
    assert_eq!((p.name.as_str(), p.encoding), ("周敏", "gb18030"));
    assert_eq!(
        p.warnings,
        vec!["not UTF-8 and no encoding declared; read as GB18030"]
    );
    // Declared UTF-8, bytes GBK.
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let p = parse_person(&bytes).unwrap();
    assert_eq!(p.name, "周敏");
    assert_eq!(
        p.warnings,
        vec!["declares encoding \"UTF-8\" but is not valid in it; read as GB18030"]
    );
    // An unknown label.
    let unknown = text.replace("UTF-8", "x-chinese-local");
    let (bytes, _, _) = encoding_rs::GBK.encode(&unknown);
    let p = parse_person(&bytes).unwrap();
    assert_eq!((p.name.as_str(), p.encoding), ("周敏", "gb18030"));
    assert_eq!(
        p.warnings,
        vec!["declares an unknown encoding \"x-chinese-local\" and is not UTF-8; read as GB18030"]
    );
    // UTF-16 with and without a byte-order mark.
    let utf16 = text.replace("UTF-8", "UTF-16");
    let le: Vec<u8> = utf16.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = utf16.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    for (bytes, enc) in [
        ([b"\xFF\xFE".as_slice(), &le].concat(), "UTF-16LE"),
        ([b"\xFE\xFF".as_slice(), &be].concat(), "UTF-16BE"),
        (le.clone(), "UTF-16LE"),
        (be.clone(), "UTF-16BE"),
    ] {
        let p = parse_person(&bytes).unwrap();
        assert_eq!((p.name.as_str(), p.encoding), ("周敏", enc));
    }
}

#[test]
fn undecodable_bytes_are_rejected() {
    assert_eq!(parse_person(b"").unwrap_err(), "empty file");
    assert_eq!(parse_person(b" \r\n\t").unwrap_err(), "empty file");
    assert_eq!(
        parse_person(b"\xEF\xBB\xBF<Person>\xFF</Person>").unwrap_err(),
        "starts with a UTF-8 byte-order mark but is not UTF-8 (invalid byte at offset 11)"
    );
    assert_eq!(
        parse_person(b"<Person>\x00</Person>").unwrap_err(),
        "binary data (NUL bytes), not an XML text file"
    );
    // 0xFF is never valid in GB18030.
    assert_eq!(
        parse_person(b"<Person>\xFF\xFF</Person>").unwrap_err(),
        "neither UTF-8 nor gb18030 text"
    );
    // A PNG renamed .lrmx.
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
    assert!(parse_person(png).is_err());
}

// ---------------------------------------------------------------- the photo

/// A base64 "photo" of `n` bytes, with the line breaks some software writes.
fn photo(n: usize) -> String {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(n + n / 76 * 2);
    for i in 0..n {
        s.push(alphabet[(i * 7 + i / 64) % 64] as char);
        if i % 76 == 75 {
            s.push_str("\r\n");
        }
    }
    s
}

#[test]
fn several_mb_photo_is_skipped_in_utf8() {
    let big = photo(8 << 20);
    let text = form(&format!(
        "<ZhaoPian>{big}</ZhaoPian><JianLi>2001.07--  青山县柳河镇科员</JianLi>"
    ));
    let p = parse_person(text.as_bytes()).unwrap();
    assert_eq!(p.photo_bytes, big.len());
    assert_eq!(p.resume, "2001.07--  青山县柳河镇科员");
    // UTF-8 is parsed in place: the decoded text borrows the input.
    assert!(matches!(
        decode(text.as_bytes()).unwrap().text,
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn several_mb_photo_is_cut_out_before_decoding_gb18030() {
    let big = photo(8 << 20);
    let text = form(&format!(
        "<ZhaoPian>{big}</ZhaoPian><JianLi>2001.07--  青山县柳河镇科员</JianLi>"
    ))
    .replace("UTF-8", "GB18030");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    let decoded = decode(&bytes).unwrap();
    assert_eq!(decoded.photo_bytes, big.len());
    assert!(
        decoded.text.len() < 1000,
        "the photo was decoded: {} bytes",
        decoded.text.len()
    );
    let p = parse_person(&bytes).unwrap();
    assert_eq!(p.photo_bytes, big.len());
    assert_eq!(p.name, "周敏");
    assert_eq!(p.resume, "2001.07--  青山县柳河镇科员");
}

#[test]
fn photo_variants_do_not_confuse_the_cut() {
    // Empty photo, photo with an attribute, a field whose name starts like ZhaoPian.
    for inner in [
        "<ZhaoPian/><JianLi>a</JianLi>",
        "<ZhaoPian></ZhaoPian><JianLi>a</JianLi>",
        "<ZhaoPian type=\"jpg\">QUJD</ZhaoPian><JianLi>a</JianLi>",
        "<ZhaoPianLeiXing>jpg</ZhaoPianLeiXing><ZhaoPian>QUJD</ZhaoPian><JianLi>a</JianLi>",
    ] {
        let text = form(inner).replace("UTF-8", "GBK");
        let (bytes, _, _) = encoding_rs::GBK.encode(&text);
        let p = parse_person(&bytes).unwrap_or_else(|e| panic!("{inner}: {e}"));
        assert_eq!(p.resume, "a", "{inner}");
        assert_eq!(p.name, "周敏", "{inner}");
    }
    // An unclosed photo is a truncated file.
    let text = form("<ZhaoPian>QUJD")
        .replace("</Person>\n", "")
        .replace("UTF-8", "GBK");
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    assert!(parse_person(&bytes).is_err());
}

// ---------------------------------------------------------------- XML structure

#[test]
fn structure_errors_have_reasons() {
    let cases: &[(&str, &str)] = &[
        (
            "<Person/>",
            "<Person> has no XingMing, XingBie or ChuShengNianYue: nothing to import",
        ),
        (
            "<Person></Person>",
            "<Person> has no XingMing, XingBie or ChuShengNianYue: nothing to import",
        ),
        (
            "<Person><XingMing>甲</XingMing></Person><Person/>",
            "a second root element <Person> after </Person>",
        ),
        (
            "<?xml version=\"1.0\"?><!-- only a comment -->",
            "no XML element: not a cadre form",
        ),
        (
            "<Person><XingMing>甲</XingMing>",
            "the file ends before </Person>: truncated?",
        ),
    ];
    for (text, reason) in cases {
        assert_eq!(
            parse_person(text.as_bytes()).unwrap_err(),
            *reason,
            "{text}"
        );
    }
    let err = parse_person(b"<Person><XingMing>a</XingBie></Person>").unwrap_err();
    assert!(err.starts_with("not well-formed XML (at byte"), "{err}");
    let err = parse_person(b"<Person><XingMing>a</XingMing></Person></Extra>").unwrap_err();
    assert!(err.starts_with("not well-formed XML"), "{err}");
}

#[test]
fn entities_cdata_namespaces_and_duplicates() {
    let p = parse_person(
        form(
            "<JianLi><![CDATA[2001.07--  青山县柳河镇科员 <b>]]></JianLi>\
             <XianRenZhiWu>A&amp;B &#x4E2D;&#20013; &lt;x&gt; &nbsp;&copy;</XianRenZhiWu>\
             <XingMing>另一个名字</XingMing>",
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(p.resume, "2001.07--  青山县柳河镇科员 <b>");
    assert_eq!(p.current_post, "A&B 中中 <x> &copy;");
    assert_eq!(p.name, "周敏");
    assert_eq!(
        p.warnings,
        vec![
            "<XingMing> given twice; the first is kept".to_string(),
            "1 unknown entity or character reference(s) kept as written".to_string()
        ]
    );
    let p = parse_person(
        "<p:Person xmlns:p=\"urn:x\"><p:XingMing>王 五</p:XingMing><p:XingBie>男</p:XingBie></p:Person>"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!((p.name.as_str(), p.gender.as_str()), ("王五", "男"));
    // Text after the root is ignored with a warning; a DOCTYPE is not expanded.
    let p = parse_person(
        b"<!DOCTYPE Person [<!ENTITY a \"aaaaaaaaaa\">]><Person><XingMing>&a;</XingMing></Person>tail",
    )
    .unwrap();
    assert_eq!(p.name, "&a;");
    assert!(p
        .warnings
        .iter()
        .any(|w| w == "text after </Person> ignored"));
}

#[test]
fn repeated_oddities_give_one_warning_each() {
    let dup = "<XingMing>乙</XingMing><!--x-->tail".repeat(10_000);
    let p = parse_person(form(&dup).as_bytes()).unwrap();
    assert_eq!(p.name, "周敏");
    assert_eq!(
        p.warnings,
        vec!["<XingMing> given twice; the first is kept"]
    );
}

#[test]
fn nested_markup_inside_fields_keeps_the_field() {
    let p = parse_person(
        form("<JianLi>2001.07--<a><b><c>x</c></b></a>  青山县柳河镇科员</JianLi>").as_bytes(),
    )
    .unwrap();
    assert_eq!(p.resume, "2001.07--x  青山县柳河镇科员");
    // Unknown elements anywhere are skipped; family items need the JiaTingChengYuan parent.
    let p = parse_person(
        form("<Other><Item><XingMing>乙</XingMing></Item></Other><JiaTingChengYuan><Item/><Item><ChengWei>父亲</ChengWei><Extra>1</Extra></Item></JiaTingChengYuan>")
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(p.family.len(), 1);
    assert_eq!(p.family[0].relation, "父亲");
}

#[test]
fn deep_nesting_costs_no_recursion() {
    let depth = 200_000;
    let mut text = String::from("<Person><XingMing>甲</XingMing>");
    text.push_str(&"<a>".repeat(depth));
    text.push_str(&"</a>".repeat(depth));
    text.push_str("</Person>");
    assert_eq!(parse_person(text.as_bytes()).unwrap().name, "甲");
    // Unclosed.
    let mut text = String::from("<Person><XingMing>甲</XingMing>");
    text.push_str(&"<a>".repeat(depth));
    assert!(parse_person(text.as_bytes()).is_err());
}

#[test]
fn oversized_fields_and_family_lists_are_refused() {
    let name = "甲".repeat(5000);
    let err = parse_person(form(&format!("<JianLi>{name}</JianLi>")).as_bytes());
    assert!(err.is_ok(), "a 15 kB résumé is fine");
    let err = parse_person(format!("<Person><XingMing>{name}</XingMing></Person>").as_bytes())
        .unwrap_err();
    assert_eq!(
        err,
        "<XingMing> is longer than 4096 bytes: not a cadre form field"
    );
    let huge = "2001.07--  青山县柳河镇科员\n".repeat(20_000);
    let err = parse_person(form(&format!("<JianLi>{huge}</JianLi>")).as_bytes()).unwrap_err();
    assert_eq!(
        err,
        "<JianLi> is longer than 262144 bytes: not a cadre form field"
    );
    let items = "<Item><ChengWei>子</ChengWei></Item>".repeat(101);
    let err =
        parse_person(form(&format!("<JiaTingChengYuan>{items}</JiaTingChengYuan>")).as_bytes())
            .unwrap_err();
    assert_eq!(
        err,
        "more than 100 family members (JiaTingChengYuan/Item): not a cadre form"
    );
}

/// A small xorshift generator, so the mutation test is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn mutated_and_truncated_fixtures_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let interesting: &[&[u8]] = &[
        b"<",
        b">",
        b"</",
        b"/>",
        b"&",
        b"&#",
        b";",
        b"<![CDATA[",
        b"]]>",
        b"<!--",
        b"-->",
        b"<?",
        b"?>",
        b"\"",
        b"\xFF",
        b"\x00",
        b"\xEF\xBB\xBF",
        b"<Item>",
        b"</Item>",
        b"<ZhaoPian>",
        b"</ZhaoPian>",
        b"<JiaTingChengYuan>",
        b"&#xD800;",
        b"&#0;",
    ];
    for round in 0..4000 {
        let base = ALL[round % ALL.len()];
        let mut bytes = base.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(4) {
                0 => {
                    let piece = interesting[rng.below(interesting.len())];
                    bytes.splice(at..at, piece.iter().copied());
                }
                1 if at < bytes.len() => {
                    bytes[at] = rng.next() as u8;
                }
                2 => {
                    let end = (at + rng.below(40)).min(bytes.len());
                    bytes.drain(at..end);
                }
                _ => bytes.truncate(at),
            }
        }
        if let Ok(p) = parse_person(&bytes) {
            let _ = cadre_of(&p);
        }
    }
    for base in [WANG, CHEN, ZHAO, LI] {
        for cut in 0..base.len() {
            if let Ok(p) = parse_person(&base[..cut]) {
                let _ = cadre_of(&p);
            }
        }
    }
}

// ---------------------------------------------------------------- values

fn with(fields: &[(&str, &str)]) -> LrmxPerson {
    let mut p = LrmxPerson {
        name: "周敏".into(),
        gender: "女".into(),
        birth: "198304".into(),
        ethnicity: "汉族".into(),
        ..LrmxPerson::default()
    };
    for (k, v) in fields {
        let v = v.to_string();
        match *k {
            "party_joined" => p.party_joined = v,
            "political_status" => p.political_status = v,
            "education_fulltime" => p.education_fulltime = v,
            "education_parttime" => p.education_parttime = v,
            "gender" => p.gender = v,
            "birth" => p.birth = v,
            "ethnicity" => p.ethnicity = v,
            "name" => p.name = v,
            other => panic!("unknown field {other}"),
        }
    }
    p
}

#[test]
fn party_comes_from_the_status_or_the_entry_date() {
    let cases = [
        ("1995.06", "中共党员"),
        ("199506", "中共党员"),
        ("1995年6月", "中共党员"),
        ("民盟", "民盟盟员"),
        ("1998.06 九三学社", "九三学社社员"),
        ("无党派", "无党派人士"),
        ("群众", "群众"),
        ("2020.06（预备）", "中共预备党员"),
        ("2020.06 预备党员", "中共预备党员"),
        ("", ""),
    ];
    for (joined, label) in cases {
        let c = cadre_of(&with(&[("party_joined", joined)]));
        assert_eq!(c.party, label, "{joined}");
        assert!(c.dropped.is_empty(), "{joined}: {:?}", c.dropped);
    }
    let c = cadre_of(&with(&[("party_joined", "1995.13")]));
    assert_eq!(c.party, "1995.13");
    assert_eq!(
        c.dropped,
        vec!["RuDangShiJian (party) \"1995.13\": RuDangShiJian is neither a date nor a party: \"1995.13\""]
    );
    let c = cadre_of(&with(&[
        ("party_joined", "1995.06"),
        ("political_status", "群众"),
    ]));
    assert_eq!(c.party, "群众");
    let c = cadre_of(&with(&[("political_status", "党员?")]));
    assert_eq!(c.party, "党员?");
    assert_eq!(c.dropped.len(), 1);
    assert!(c.dropped[0].starts_with("ZhengZhiMianMao (party) \"党员?\": unknown party"));
}

#[test]
fn education_is_the_higher_level() {
    let cases = [
        (("大学", "研究生"), "研究生"),
        (("研究生", "大学"), "研究生"),
        (("中专", ""), "中专"),
        (("", "在职大学"), "大学"),
        (("肄业", "大专"), "大专"),
        (("", ""), ""),
    ];
    for ((full, part), label) in cases {
        let c = cadre_of(&with(&[
            ("education_fulltime", full),
            ("education_parttime", part),
        ]));
        assert_eq!(c.education, label, "{full}/{part}");
        assert!(c.dropped.is_empty());
    }
    let c = cadre_of(&with(&[
        ("education_fulltime", "私塾"),
        ("education_parttime", ""),
    ]));
    assert_eq!(c.education, "私塾");
    assert_eq!(c.dropped.len(), 1);
}

#[test]
fn required_values_are_normalised_or_kept_as_written() {
    let c = cadre_of(&with(&[
        ("gender", "2"),
        ("birth", "1983.4"),
        ("ethnicity", "03"),
    ]));
    assert_eq!(
        (
            c.gender.as_str(),
            c.birth_date.as_str(),
            c.ethnicity.as_str()
        ),
        ("女", "1983-04", "回族")
    );
    let c = cadre_of(&with(&[
        ("gender", "9"),
        ("birth", "1983"),
        ("ethnicity", "火星族"),
        ("name", " "),
    ]));
    assert_eq!(
        (
            c.gender.as_str(),
            c.birth_date.as_str(),
            c.ethnicity.as_str()
        ),
        ("9", "1983", "火星族")
    );
    assert_eq!(c.problems.len(), 4);
    assert_eq!(c.problems[0], "XingMing (name) is empty");
    assert!(c.problems[1].starts_with("XingBie (gender) \"9\": gender code 9"));
    assert!(
        c.problems[2].starts_with("ChuShengNianYue (birth_date) \"1983\": year without a month")
    );
    assert!(c.problems[3].starts_with("MinZu (ethnicity) \"火星族\": unknown ethnicity"));
}

#[test]
fn text_cleaning() {
    assert_eq!(normalize_name(" 张　 三 "), "张三");
    assert_eq!(normalize_name("阿依古丽•买买提"), "阿依古丽·买买提");
    assert_eq!(normalize_name(" John  Smith\n"), "John Smith");
    assert_eq!(
        one_line(" 青山县\r\n柳河镇\t党委书记\u{7}\u{200b} "),
        "青山县 柳河镇 党委书记"
    );
    assert_eq!(
        lines("\r\n\r\n1998.07--2003.12  甲乡副乡长 \r\n\t（其间：学习）\r2003.12--  乙镇镇长\u{0}\r\n \r\n"),
        "1998.07--2003.12  甲乡副乡长\n （其间：学习）\n2003.12--  乙镇镇长"
    );
    assert_eq!(lines(""), "");
}

// ---------------------------------------------------------------- ids

#[test]
fn ids_are_stable_hashes_of_name_and_birth_month() {
    assert_eq!(base_id("王建国", "197203", "x.lrmx"), "LFC1D725E5AFC");
    // The same person however the form spells the name or the month.
    assert_eq!(base_id("王 建国", "1972.03", "other.lrmx"), "LFC1D725E5AFC");
    assert_eq!(base_id("王建国", "1972年3月", "y.lrmx"), "LFC1D725E5AFC");
    assert_ne!(base_id("王建国", "197204", "x.lrmx"), "LFC1D725E5AFC");
    // Without a name the file name is hashed.
    assert_eq!(base_id("", "197203", "a.lrmx"), base_id(" ", "", "a.lrmx"));
    assert_ne!(
        base_id("", "197203", "a.lrmx"),
        base_id("", "197203", "b.lrmx")
    );
    let id = base_id("王建国", "197203", "");
    assert_eq!(id.len(), 13);
    assert!(id.starts_with('L') && id[1..].chars().all(|c| c.is_ascii_hexdigit()));
}

// ---------------------------------------------------------------- import

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn import_of_the_fixture_folder() {
    let out = tempfile::tempdir().unwrap();
    let s = import(&[fixtures()], out.path()).unwrap();
    assert_eq!(s.files, 11);
    assert_eq!(s.persons, 8);
    assert_eq!(s.relations, 5);
    let rejected: Vec<(String, &str)> = s
        .rejected
        .iter()
        .map(|(p, r)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                r.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rejected,
        vec![
            (
                "not_person.lrmx".to_string(),
                "root element is <Root>, not <Person>: not a cadre form (任免审批表)"
            ),
            (
                "not_xml.lrmx".to_string(),
                "not an XML file: it starts with text, not with an element"
            ),
            (
                "truncated.lrmx".to_string(),
                "the file ends before </Person>: truncated?"
            ),
        ]
    );
    assert_eq!(s.incomplete.len(), 1);
    assert!(s.incomplete[0].0.ends_with("sun_li_missing_fields.lrmx"));
    assert_eq!(
        s.incomplete[0].1,
        "XingBie (gender) is empty; MinZu (ethnicity) is empty"
    );
    assert!(s
        .notes
        .iter()
        .any(|n| n.ends_with("wang_jianguo.lrmx: family member 张伟 (妹夫) could be any of LEFEA6C662FF4, LDE8C64D19FD9; no relation written")));

    let cadres = read(&out.path().join("cadres.csv"));
    let mut lines = cadres.lines();
    assert_eq!(
        lines.next(),
        Some("person_id,name,gender,birth_date,ethnicity,party,education,specialties,native_place,resume")
    );
    assert!(cadres.contains("\nL3A4F2AA0399A,赵刚,男,1988-11,回族,中共党员,大学,,青山县,\"2010.07--2015.03  青山县柳河镇科员\n2015.03--  青山县柳河镇党委委员、副镇长\"\n"));
    assert!(cadres.contains("\nL8782575FCC02,刘洋,男,1995-07,汉族,,,,,\n"));
    assert!(cadres.contains("\nL9B2612693730,孙丽,,1992-11,,,大学,,,2015.07--  青山县柳河镇科员\n"));
    assert!(!cadres.contains('\r'));
    assert_eq!(
        read(&out.path().join("relations.csv")),
        "person_id,relative_id,relation\n\
         L94DDE35ABA99,L3A4F2AA0399A,丈夫\n\
         LF87F3B298343,LFC1D725E5AFC,丈夫\n\
         L8782575FCC02,LEFEA6C662FF4,舅舅\n\
         LFC1D725E5AFC,LF87F3B298343,妻子\n\
         L3A4F2AA0399A,L94DDE35ABA99,妻子\n"
    );
    let report = read(&out.path().join("lrmx_import.csv"));
    assert!(report.starts_with(
        "file,status,person_id,name,current_post,proposed_post,proposed_removal,reason,notes\n"
    ));
    assert!(report.contains(
        ",imported,LFC1D725E5AFC,王建国,青山县柳河镇党委书记,青山县柳河镇党委书记（连任）,,,\n"
    ));
    assert!(report.contains("not_xml.lrmx,rejected,,,,,,\"not an XML file: it starts with text, not with an element\",\n"));
    assert_eq!(report.lines().count(), 12);
    // No temporary file is left behind, and nothing but the three tables is written.
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["cadres.csv", "lrmx_import.csv", "relations.csv"]);
    let shown = s.to_string();
    assert!(shown.starts_with("lrmx import: 11 file(s) read, 8 person(s) written (1 incomplete), 5 relation(s), 3 file(s) rejected\n"));
}

#[test]
fn import_is_deterministic_and_order_free() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let dir = fixtures();
    import(std::slice::from_ref(&dir), a.path()).unwrap();
    // The same files named one by one, in another order, some twice.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.reverse();
    files.push(dir.join("more"));
    files.push(dir.join("wang_jianguo.lrmx"));
    let s = import(&files, b.path()).unwrap();
    assert_eq!(s.persons, 8);
    for name in ["cadres.csv", "relations.csv"] {
        assert_eq!(
            read(&a.path().join(name)),
            read(&b.path().join(name)),
            "{name}"
        );
    }
}

#[test]
fn same_person_twice_gets_a_suffix_and_a_note() {
    let input = tempfile::tempdir().unwrap();
    std::fs::create_dir(input.path().join("2016")).unwrap();
    std::fs::create_dir(input.path().join("2021")).unwrap();
    std::fs::write(input.path().join("2016/wang.lrmx"), WANG).unwrap();
    std::fs::write(input.path().join("2021/wang.lrmx"), WANG).unwrap();
    std::fs::write(input.path().join("2021/li.lrmx"), LI).unwrap();
    let out = tempfile::tempdir().unwrap();
    let s = import(&[input.path().to_path_buf()], out.path()).unwrap();
    assert_eq!(s.persons, 3);
    let cadres = read(&out.path().join("cadres.csv"));
    let ids: Vec<&str> = cadres.lines().filter_map(|l| l.split(',').next()).collect();
    assert!(ids.contains(&"LFC1D725E5AFC") && ids.contains(&"LFC1D725E5AFC-2"));
    assert!(s.notes.iter().any(|n| n.contains(
        "both 王建国 born 1972-03; imported as two persons (LFC1D725E5AFC and LFC1D725E5AFC-2)"
    )));
    // 李秀梅 names 王建国 as her husband; two persons match: no relation from her side.
    // Both 王建国 forms name her; each gets its row.
    assert_eq!(
        read(&out.path().join("relations.csv")),
        "person_id,relative_id,relation\n\
         LFC1D725E5AFC,LF87F3B298343,妻子\n\
         LFC1D725E5AFC-2,LF87F3B298343,妻子\n"
    );
    assert!(s.notes.iter().any(|n| n
        .contains("family member 王建国 (丈夫) could be any of LFC1D725E5AFC, LFC1D725E5AFC-2")));
}

/// Writes a form with a family list into `dir`.
fn family_form(
    dir: &std::path::Path,
    file: &str,
    name: &str,
    birth: &str,
    family: &[(&str, &str, &str)],
) {
    let items: String = family
        .iter()
        .map(|(rel, n, b)| format!("<Item><ChengWei>{rel}</ChengWei><XingMing>{n}</XingMing><ChuShengRiQi>{b}</ChuShengRiQi></Item>"))
        .collect();
    let text = format!(
        "<Person><XingMing>{name}</XingMing><XingBie>男</XingBie><ChuShengNianYue>{birth}</ChuShengNianYue><MinZu>汉族</MinZu><JiaTingChengYuan>{items}</JiaTingChengYuan></Person>"
    );
    std::fs::write(dir.join(file), text).unwrap();
}

#[test]
fn relation_matching_rules() {
    let input = tempfile::tempdir().unwrap();
    let d = input.path();
    family_form(
        d,
        "a.lrmx",
        "甲",
        "197001",
        &[
            ("儿子", "乙", "199505"),  // exact name and month: linked
            ("女儿", "丙", ""),        // name only, unique: linked
            ("父亲", "丁", "194001"),  // the only 丁 was born 1945-02: not linked
            ("兄弟", "戊", "197203"),  // two 戊, one born 1972-03: that one
            ("堂弟", "己", ""),        // two 己, no date: ambiguous
            ("表弟", "庚", "1980.01"), // the only 庚 has an unreadable birth: linked
            ("", "辛", ""),            // no relation word: 亲属
            ("本人", "甲", "197001"),  // the form's own person: never linked
        ],
    );
    family_form(d, "b.lrmx", "乙", "1995.05", &[]);
    family_form(d, "c.lrmx", "丙", "199901", &[]);
    family_form(d, "d.lrmx", "丁", "194502", &[]);
    family_form(d, "e1.lrmx", "戊", "197203", &[]);
    family_form(d, "e2.lrmx", "戊", "197811", &[]);
    family_form(d, "f1.lrmx", "己", "198001", &[]);
    family_form(d, "f2.lrmx", "己", "198102", &[]);
    family_form(d, "g.lrmx", "庚", "不详", &[]);
    family_form(d, "h.lrmx", "辛", "196001", &[]);
    let out = tempfile::tempdir().unwrap();
    let s = import(&[d.to_path_buf()], out.path()).unwrap();
    let ids: std::collections::HashMap<String, String> = read(&out.path().join("cadres.csv"))
        .lines()
        .skip(1)
        .map(|l| {
            let mut f = l.split(',');
            let id = f.next().unwrap().to_string();
            let name = f.next().unwrap().to_string();
            let birth = f.nth(1).unwrap().to_string();
            (format!("{name}{birth}"), id)
        })
        .collect();
    let rel = |n: &str, r: &str| format!("{},{},{r}", ids["甲1970-01"], ids[n]);
    let expected = [
        "person_id,relative_id,relation".to_string(),
        rel("乙1995-05", "儿子"),
        rel("丙1999-01", "女儿"),
        rel("戊1972-03", "兄弟"),
        rel("庚不详", "表弟"),
        rel("辛1960-01", "亲属"),
    ]
    .join("\n")
        + "\n";
    assert_eq!(read(&out.path().join("relations.csv")), expected);
    assert_eq!(s.relations, 5);
    assert!(s
        .notes
        .iter()
        .any(|n| n.contains("family member 己 (堂弟) could be any of")));
    assert_eq!(s.incomplete.len(), 1, "庚 has an unreadable birth date");
}

#[test]
fn unreadable_inputs_are_listed_and_the_rest_imported() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("wang.lrmx"), WANG).unwrap();
    std::fs::write(input.path().join("notes.txt"), "not collected").unwrap();
    std::fs::write(input.path().join("named.xml"), LI).unwrap();
    let out = tempfile::tempdir().unwrap();
    let missing = input.path().join("missing");
    let s = import(
        &[
            input.path().to_path_buf(),
            missing.clone(),
            input.path().join("named.xml"),
        ],
        &out.path().join("new/dataset"),
    )
    .unwrap();
    // The folder gives wang.lrmx only; a file named directly is read whatever its name.
    assert_eq!((s.files, s.persons, s.relations), (2, 2, 2));
    assert_eq!(
        s.rejected,
        vec![(missing, "no such file or folder".to_string())]
    );
    assert!(out.path().join("new/dataset/cadres.csv").is_file());
}

#[test]
fn nothing_readable_is_an_error_and_writes_nothing() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = import(&[input.path().to_path_buf()], out.path()).unwrap_err();
    assert_eq!(err.to_string(), "no .lrmx file found");
    std::fs::write(input.path().join("x.lrmx"), NOT_XML).unwrap();
    std::fs::write(input.path().join("y.LrMx"), NOT_PERSON).unwrap();
    let err = import(&[input.path().to_path_buf()], out.path())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("none of the 2 .lrmx file(s) could be read; nothing written\n  "),
        "{err}"
    );
    assert!(err.contains("x.lrmx: not an XML file"), "{err}");
    assert!(err.contains("y.LrMx: root element is <Root>"), "{err}");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn big_photo_file_imports() {
    let input = tempfile::tempdir().unwrap();
    let text =
        form(&format!("<ZhaoPian>{}</ZhaoPian>", photo(6 << 20))).replace("UTF-8", "GB18030");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(input.path().join("photo.lrmx"), &bytes).unwrap();
    let out = tempfile::tempdir().unwrap();
    let s = import(&[input.path().to_path_buf()], out.path()).unwrap();
    assert_eq!(s.persons, 1);
    let cadres = read(&out.path().join("cadres.csv"));
    assert!(cadres.len() < 300, "{cadres}");
    assert!(cadres.contains(",周敏,女,1983-04,汉族,"));
}
