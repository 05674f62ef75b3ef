//! A column of texts held end to end in one buffer.
//!
//! The cadres' ids and names were a `Vec<String>` each: 24 bytes of `String` and a heap
//! block of its own per person, about 40 bytes for an 8-byte id. At 40,000 units (two
//! million persons) the two columns took about 160 MB and four million allocations to
//! build; end to end they take the texts' own bytes and one offset each.

use std::ops::Index;

/// Texts in order, each read back as a `&str` by its position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    bytes: String,
    /// Where each text ends in `bytes` (it starts where the one before ends).
    ends: Vec<usize>,
}

impl Texts {
    /// Room for `n` more texts of `bytes` bytes in all.
    pub fn reserve(&mut self, n: usize, bytes: usize) {
        self.ends.reserve(n);
        self.bytes.reserve(bytes);
    }

    pub fn push(&mut self, text: &str) {
        self.bytes.push_str(text);
        self.ends.push(self.bytes.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The text at `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.bytes[start..end])
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| &self[i])
    }
}

impl Index<usize> for Texts {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

impl<T: AsRef<str>> PartialEq<[T]> for Texts {
    fn eq(&self, other: &[T]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<T: AsRef<str>, const N: usize> PartialEq<[T; N]> for Texts {
    fn eq(&self, other: &[T; N]) -> bool {
        *self == other[..]
    }
}

impl<T: AsRef<str>> PartialEq<Vec<T>> for Texts {
    fn eq(&self, other: &Vec<T>) -> bool {
        *self == other[..]
    }
}

impl<'a> FromIterator<&'a str> for Texts {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Texts {
        let mut out = Texts::default();
        for text in iter {
            out.push(text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Texts;

    #[test]
    fn texts_read_back_as_pushed() {
        let words = ["P0001", "", "张三", "a,b", "P0001"];
        let texts: Texts = words.iter().copied().collect();
        assert_eq!(texts.len(), 5);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(&texts[i], *w);
            assert_eq!(texts.get(i), Some(*w));
        }
        assert_eq!(texts.get(5), None);
        assert_eq!(texts.iter().collect::<Vec<_>>(), words);
        assert!(Texts::default().is_empty());
        assert_eq!(texts, words);
        assert_ne!(texts, words[..4]);
        assert_ne!(texts, ["P0001", "", "张三", "a,b", "P0002"]);
    }
}
