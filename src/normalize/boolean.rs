//! Yes/no values as tables write them: 是/否, 有/无, 真/假, true/false, yes/no, y/n,
//! t/f, 1/0 and the tick and cross marks √/×.
//!
//! Flags such as `vetting_hold` (问题没有查清) and `fulltime` (专职) decide whether a
//! rule fires, so a value that is not clearly yes or no is rejected rather than read as
//! false. In particular a bare `x` is rejected: in a checkbox column it often means
//! "ticked", which is the opposite of the cross mark ×.

use crate::normalize::text::{code_digits, key, shown};

/// Reads a yes/no value.
///
/// True: 是, 有, 真, 对, `true`, `yes`, `y`, `t`, `1`, √ ✓ ✔. False: 否, 无, 没有, 假, 错,
/// `false`, `no`, `n`, `f`, `0`, × ✗ ✘. Latin text in any case and full-width forms are
/// accepted. An empty cell is an error (`empty value`); a loader that treats an empty
/// optional cell as "not given" checks for that before calling this.
pub fn parse(text: &str) -> Result<bool, String> {
    if text.trim().is_empty() {
        return Err("empty value".into());
    }
    let k = key(text);
    match k.as_str() {
        "是" | "有" | "真" | "对" | "true" | "yes" | "y" | "t" | "√" | "✓" | "✔" => {
            Ok(true)
        }
        "否" | "无" | "没有" | "假" | "错" | "false" | "no" | "n" | "f" | "×" | "✗" | "✘" => {
            Ok(false)
        }
        "1" | "0" if code_digits(text).is_some() => Ok(k == "1"),
        _ => Err(format!(
            "not a yes/no value {}: expected 是/否, true/false, yes/no or 1/0",
            shown(text)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_true_spelling() {
        for s in [
            "是",
            "有",
            "真",
            "对",
            "true",
            "True",
            "TRUE",
            "yes",
            "Yes",
            "y",
            "Y",
            "t",
            "T",
            "1",
            "√",
            "✓",
            "✔",
            " 是 ",
            "１",
            "ＹＥＳ",
            "\u{3000}√",
        ] {
            assert_eq!(parse(s), Ok(true), "{s:?}");
        }
    }

    #[test]
    fn every_false_spelling() {
        for s in [
            "否", "无", "没有", "假", "错", "false", "False", "FALSE", "no", "No", "n", "N", "f",
            "F", "0", "×", "✗", "✘", " 否\t", "０", "ｎｏ",
        ] {
            assert_eq!(parse(s), Ok(false), "{s:?}");
        }
    }

    #[test]
    fn rejections_say_why() {
        assert_eq!(parse(""), Err("empty value".to_string()));
        assert_eq!(parse(" \t "), Err("empty value".to_string()));
        assert_eq!(
            parse("maybe"),
            Err(
                "not a yes/no value \"maybe\": expected 是/否, true/false, yes/no or 1/0"
                    .to_string()
            )
        );
        for bad in [
            "x", "X", "2", "-1", "1.0", "01", "10", "是否", "yes no", "on", "未知", "-", "\u{200B}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
