//! Text folding shared by the value parsers: how a cell is compared (full-width ASCII
//! folded, Latin lower-cased, spacing and joiners dropped) and how a rejected value is
//! quoted in a reason. One place, so that every column folds text the same way.

/// A full-width ASCII character (`Ｙ`, `１`) as its ASCII form.
pub fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The text as compared: full-width ASCII folded to ASCII, Latin lower-cased, and
/// whitespace, `_`, `-`, apostrophes and zero-width characters dropped.
pub fn key(text: &str) -> String {
    key_dropping(text, &[])
}

/// [`key`], also dropping the characters of `extra` (e.g. `.` so that `Ph.D.` compares as
/// `phd`).
pub fn key_dropping(text: &str, extra: &[char]) -> String {
    text.chars()
        .map(narrow)
        .filter(|&c| {
            !(c.is_whitespace()
                || matches!(c, '_' | '-' | '\'' | '\u{2019}' | '\u{200B}' | '\u{FEFF}')
                || extra.contains(&c))
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The text as a run of ASCII digits (full-width digits folded), if it is one.
pub fn code_digits(text: &str) -> Option<String> {
    let narrowed: String = text.chars().map(narrow).collect();
    let digits = narrowed.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_string())
}

/// The value as quoted in a reason: trimmed and cut to 40 characters.
pub fn shown(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.chars().count() <= 40 {
        format!("{trimmed:?}")
    } else {
        let cut: String = trimmed.chars().take(40).chain(['…']).collect();
        format!("{cut:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(key(" Ｆｅ-ma_le "), "female");
        assert_eq!(key_dropping("Ph.D.", &['.']), "phd");
        assert_eq!(code_digits("０１"), Some("01".into()));
        assert_eq!(code_digits("1a"), None);
        assert_eq!(shown(&"长".repeat(50)).chars().count(), 43);
    }
}
