//! Dates as cadre records write them: `1985-03-07`, `1985-03`, `1985.03`, `198503`,
//! `1985年3月`, `1985.3`, with month precision kept as such.
//!
//! Most cadre forms (任免审批表) give birth and career dates to the month only. A
//! month-precision date stands for the first of that month in arithmetic, and that is
//! used for both ends of a career spell, so `1998.07--2003.12` followed by
//! `2003.12--2008.05` neither overlaps nor leaves a gap. The precision is kept so that
//! normalised tables show what the source said.

use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::num::NonZeroU32;

/// How precise a date was in its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Month,
    Day,
}

impl Precision {
    pub fn label(self) -> &'static str {
        match self {
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A date given to the month or to the day.
///
/// Eight bytes, and so is an `Option` of it (with `u32` month and day they were 16). The
/// work histories, 4.7 million rows at 40,000 units, hold theirs as [`PackedDate`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// `None` when the source gave only the month.
    pub day: Option<u8>,
}

const _: () = assert!(std::mem::size_of::<Option<PartialDate>>() == 8);

/// Why a text is not a date; the message is what `rejected.csv` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

/// Years outside this range are typing errors in personnel data, not real dates.
const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1900..=2100;

impl PartialDate {
    /// A month-precision date (`month` 1 to 12; a month out of range is read as
    /// December in arithmetic, see [`PartialDate::to_naive`]).
    pub fn month(year: i32, month: u32) -> PartialDate {
        PartialDate {
            year,
            month: u8::try_from(month).unwrap_or(u8::MAX),
            day: None,
        }
    }

    /// The common case, `YYYY-MM` with a valid year and month, without allocating; any
    /// other text (or an invalid one) goes the general way, which says what is wrong.
    fn parse_iso_month(text: &str) -> Option<PartialDate> {
        let &[y0, y1, y2, y3, b'-', m0, m1] = text.as_bytes() else {
            return None;
        };
        let digits = [y0, y1, y2, y3, m0, m1];
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let [y0, y1, y2, y3, m0, m1] = digits.map(|b| (b - b'0') as i32);
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
        let month = (m0 * 10 + m1) as u32;
        (YEAR_RANGE.contains(&year) && (1..=12).contains(&month))
            .then(|| PartialDate::month(year, month))
    }

    /// Parses the spellings the data contract accepts.
    ///
    /// Separators `-`, `.`, `/`, `年`/`月`/`日` are accepted between the parts; a run of
    /// digits is read as `YYYY`, `YYYYMM` or `YYYYMMDD`. Full-width digits are accepted.
    /// A spreadsheet datetime such as `1985-03-07 00:00:00` keeps its date part.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        match Self::parse_iso_month(text) {
            Some(date) => Ok(date),
            None => Self::parse_general(text),
        }
    }

    fn parse_general(text: &str) -> Result<PartialDate, DateError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(DateError("empty date".into()));
        }
        let normalized: String = trimmed
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' | '。' => '.',
                '－' | '—' | '–' => '-',
                '／' => '/',
                _ => c,
            })
            .collect();
        // Drop a trailing time of day (`1985-03-07 00:00:00`, `1985-03-07T00:00:00`).
        let date_part = normalized
            .split([' ', 'T'])
            .next()
            .unwrap_or(&normalized)
            .trim_end_matches('日');
        let parts: Vec<&str> = date_part
            .split(['-', '.', '/', '年', '月'])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) || parts.is_empty() {
            return Err(DateError(format!("not a date: {trimmed:?}")));
        }
        let (year, month, day) = match parts.as_slice() {
            [digits] => match digits.len() {
                6 => (&digits[..4], &digits[4..6], None),
                8 => (&digits[..4], &digits[4..6], Some(&digits[6..8])),
                4 => return Err(DateError(format!("year without a month: {trimmed:?}"))),
                _ => return Err(DateError(format!("not a date: {trimmed:?}"))),
            },
            [y, m] => (*y, *m, None),
            [y, m, d] => (*y, *m, Some(*d)),
            _ => return Err(DateError(format!("not a date: {trimmed:?}"))),
        };
        if year.len() != 4 || month.is_empty() || month.len() > 2 {
            return Err(DateError(format!("not a date: {trimmed:?}")));
        }
        let year: i32 = year
            .parse()
            .map_err(|_| DateError(format!("not a date: {trimmed:?}")))?;
        let month: u32 = month
            .parse()
            .map_err(|_| DateError(format!("not a date: {trimmed:?}")))?;
        if !YEAR_RANGE.contains(&year) {
            return Err(DateError(format!("year {year} out of range: {trimmed:?}")));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError(format!(
                "month {month} out of range: {trimmed:?}"
            )));
        }
        let day = match day {
            None => None,
            Some(d) if d.is_empty() || d.len() > 2 => {
                return Err(DateError(format!("not a date: {trimmed:?}")))
            }
            Some(d) => {
                let d: u32 = d
                    .parse()
                    .map_err(|_| DateError(format!("not a date: {trimmed:?}")))?;
                if NaiveDate::from_ymd_opt(year, month, d).is_none() {
                    return Err(DateError(format!("no such day: {trimmed:?}")));
                }
                Some(d as u8)
            }
        };
        Ok(PartialDate::month(year, month).with_day(day))
    }

    /// The same month, to the day `day` (`None`: to the month).
    fn with_day(self, day: Option<u8>) -> PartialDate {
        PartialDate { day, ..self }
    }

    pub fn precision(&self) -> Precision {
        if self.day.is_some() {
            Precision::Day
        } else {
            Precision::Month
        }
    }

    /// The calendar date used in arithmetic: the given day, or the 1st of the month. (A
    /// hand-built invalid date falls back to the 1st of a valid month, never a panic.)
    pub fn to_naive(&self) -> NaiveDate {
        let month = u32::from(self.month);
        NaiveDate::from_ymd_opt(self.year, month, self.day.map_or(1, u32::from))
            .or_else(|| NaiveDate::from_ymd_opt(self.year, month.clamp(1, 12), 1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// Days since 1970-01-01, the physical value of a polars `Date`.
    pub fn days_since_epoch(&self) -> i32 {
        days_since_epoch(self.to_naive())
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate::month(d.year(), d.month()).with_day(Some(d.day() as u8))
    }
}

/// A [`PartialDate`] in four bytes, and so is an `Option` of it: how the work histories
/// hold their starts and ends (4.7 million rows at 40,000 units, where two
/// `PartialDate`s take 16 bytes a row). Packed dates order as the dates do.
///
/// The bits, high to low: the year plus 16,384 (15 bits), the month (8 bits), the day
/// plus one, or 0 for month precision (9 bits). Years are kept within ±16,383, far
/// beyond the 1900–2100 that parsing accepts; every month and day is kept as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PackedDate(NonZeroU32);

const _: () = assert!(std::mem::size_of::<Option<PackedDate>>() == 4);

impl PackedDate {
    const YEAR_OFFSET: i32 = 1 << 14;

    /// The date packed, as it was given.
    pub fn unpack(self) -> PartialDate {
        let bits = self.0.get();
        let day = bits & 0x1ff;
        PartialDate {
            year: (bits >> 17) as i32 - Self::YEAR_OFFSET,
            month: (bits >> 9) as u8,
            day: (day > 0).then(|| (day - 1) as u8),
        }
    }
}

impl From<PartialDate> for PackedDate {
    fn from(d: PartialDate) -> Self {
        let year =
            (d.year.clamp(1 - Self::YEAR_OFFSET, Self::YEAR_OFFSET - 1) + Self::YEAR_OFFSET) as u32;
        let day = d.day.map_or(0, |d| u32::from(d) + 1);
        let bits = year << 17 | u32::from(d.month) << 9 | day;
        // The year part is at least 1, so the bits are never zero.
        PackedDate(NonZeroU32::new(bits).unwrap_or(NonZeroU32::MIN))
    }
}

impl fmt::Display for PartialDate {
    /// `1985-03` for month precision, `1985-03-07` for day precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            None => write!(f, "{:04}-{:02}", self.year, self.month),
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
        }
    }
}

/// The month a year-only birth date (`1956`) stands for: July, the middle of the year.
///
/// Panels of officials (CPED and its kind) often give the birth year alone. Reading it
/// as 1 July makes an age at most six months off either way, where 1 January would make
/// everyone up to eleven months older than they are and tip the age limits one way. The
/// date keeps month precision (`1956-07`), and the loader counts such dates in a note.
pub const YEAR_ONLY_BIRTH_MONTH: u32 = 7;

/// The month a year-only career date (`2002`) stands for: January, as the résumé reader
/// reads `2002-2006年`, so that spells written `2002–2006` and `2006–` meet without a gap
/// or an overlap.
pub const YEAR_ONLY_CAREER_MONTH: u32 = 1;

/// The year of a date given as a year alone (`1956`, `1956年`, full-width digits), in
/// the contract's year range; `None` for anything else.
///
/// Read without allocating: the loaders ask it of every birth date and every work-history
/// start and end (about 11 million texts at 40,000 units), nearly all of them not one.
pub fn year_only(text: &str) -> Option<i32> {
    let mut year = 0;
    let mut digits = 0;
    for c in text.trim().trim_end_matches('年').chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        digits += 1;
        if digits > 4 {
            return None;
        }
        year = year * 10 + digit as i32;
    }
    (digits == 4 && YEAR_RANGE.contains(&year)).then_some(year)
}

/// [`PartialDate::parse`], or for a year alone the given month of it (see
/// [`YEAR_ONLY_BIRTH_MONTH`] and [`YEAR_ONLY_CAREER_MONTH`]); beside the date, whether
/// it was a year alone (the loaders count those in a note). A year alone is never a
/// date `parse` reads, so only the texts it refuses are asked about.
pub fn parse_or_year(text: &str, month: u32) -> Result<(PartialDate, bool), DateError> {
    match PartialDate::parse(text) {
        Ok(date) => Ok((date, false)),
        Err(e) => year_only(text)
            .map(|y| (PartialDate::month(y, month), true))
            .ok_or(e),
    }
}

/// Days since 1970-01-01.
pub fn days_since_epoch(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - EPOCH_DAYS_FROM_CE
}

/// The date of a polars `Date` value.
pub fn from_epoch_days(days: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(days + EPOCH_DAYS_FROM_CE).unwrap_or(NaiveDate::MIN)
}

const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// Completed years of age at `at` for someone born on `birth` (the usual reckoning:
/// the age goes up on the birthday).
pub fn age_at(birth: NaiveDate, at: NaiveDate) -> i32 {
    let mut age = at.year() - birth.year();
    if (at.month(), at.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// The `m`-th monthiversary of `from`: the same day `m` months later, or the first of
/// the month after when that month is too short (a birthday on 29 February is reached
/// on 1 March in other years, as [`age_at`] reckons it).
pub fn months_after(from: NaiveDate, m: i32) -> NaiveDate {
    let total = from.year() * 12 + from.month0() as i32 + m;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    NaiveDate::from_ymd_opt(year, month, from.day())
        .or_else(|| {
            let (y, m) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1)
        })
        .unwrap_or(NaiveDate::MAX)
}

/// Calendar length of `[from, to)` in months: the full months reached (month `m` is
/// reached on [`months_after`]`(from, m)`), plus the elapsed fraction of the month under
/// way. Negative when `to` is before `from`.
///
/// This is how 满N年 is counted: a post taken in 2016.10 (month precision, the first of
/// the month) has 60 full months, 5 years, on 2021-10-01, and 4.99 years the day before.
/// The fraction never reaches the next whole month, so a figure truncated for display
/// never crosses a threshold the calendar has not crossed.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> f64 {
    if to < from {
        return -months_between(to, from);
    }
    let mut m = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        m -= 1;
    }
    let anchor = months_after(from, m);
    let next = months_after(from, m + 1);
    let part = (to - anchor).num_days() as f64 / (next - anchor).num_days().max(1) as f64;
    m as f64 + part
}

/// Calendar length of `[from, to)` in years: [`months_between`] / 12. Whole years are
/// exact: N years are reached on the N-th anniversary.
pub fn years_between(from: NaiveDate, to: NaiveDate) -> f64 {
    months_between(from, to) / 12.0
}

/// Truncates to 2 decimals, so that printed and compared values agree and 9.997 years is
/// never shown, or counted, as 10 (满10年 means completed years).
pub fn trunc2(x: f64) -> f64 {
    (x * 100.0 + 1e-9).floor() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_month_fast_path_agrees_with_the_general_parser() {
        for year in ["0000", "1899", "1900", "1985", "2100", "2101", "19a5"] {
            for month in ["00", "01", "09", "12", "13", "1x", "99"] {
                let text = format!("{year}-{month}");
                let general = PartialDate::parse_general(&text);
                match PartialDate::parse_iso_month(&text) {
                    Some(fast) => assert_eq!(Ok(fast), general, "{text}"),
                    None => assert!(general.is_err(), "{text} fell through but is valid"),
                }
            }
        }
    }

    fn ok(text: &str) -> String {
        PartialDate::parse(text).unwrap().to_string()
    }

    #[test]
    fn accepted_spellings() {
        assert_eq!(ok("1985-03-07"), "1985-03-07");
        assert_eq!(ok("1985-03"), "1985-03");
        assert_eq!(ok("1985.03"), "1985-03");
        assert_eq!(ok("198503"), "1985-03");
        assert_eq!(ok("19850307"), "1985-03-07");
        assert_eq!(ok("1985年3月"), "1985-03");
        assert_eq!(ok("1985年3月7日"), "1985-03-07");
        assert_eq!(ok("1985.3"), "1985-03");
        assert_eq!(ok("1985/3/7"), "1985-03-07");
        assert_eq!(ok(" １９８５．０３ "), "1985-03");
        assert_eq!(ok("1985-03-07 00:00:00"), "1985-03-07");
    }

    #[test]
    fn a_year_alone_is_read_as_the_allocating_reading_read_it() {
        // The reading before `year_only` stopped allocating, kept as the oracle.
        fn by_copy(text: &str) -> Option<i32> {
            let t: String = text
                .trim()
                .trim_end_matches('年')
                .chars()
                .map(|c| match c {
                    '０'..='９' => {
                        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
                    }
                    _ => c,
                })
                .collect();
            if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let year: i32 = t.parse().ok()?;
            YEAR_RANGE.contains(&year).then_some(year)
        }
        for text in [
            "1956",
            " 1956 ",
            "1956年",
            "1956年年",
            "１９５６",
            "１９5６年",
            "195６",
            "1899",
            "2101",
            "2100",
            "0000",
            "956",
            "19560",
            "1956-07",
            "1956.7",
            "年",
            "",
            "  ",
            "19 56",
            "１９５",
            "a956",
            "1956\u{3000}",
            "\u{3000}1956",
            "+956",
            "-956",
            "٢٠٢٠",
        ] {
            assert_eq!(year_only(text), by_copy(text), "{text:?}");
            // `parse_or_year` asks only about the texts `parse` refuses: a year alone
            // must be one of them.
            let year_alone = year_only(text).is_some();
            assert!(!year_alone || PartialDate::parse(text).is_err(), "{text:?}");
            assert_eq!(
                parse_or_year(text, YEAR_ONLY_BIRTH_MONTH).is_ok_and(|(_, y)| y),
                year_alone,
                "{text:?}"
            );
        }
        assert_eq!(year_only("１９５６年"), Some(1956));
        assert_eq!(year_only("1956-07"), None);
    }

    #[test]
    fn month_precision_is_kept() {
        let d = PartialDate::parse("1985.03").unwrap();
        assert_eq!(d.precision(), Precision::Month);
        assert_eq!(d.to_naive(), NaiveDate::from_ymd_opt(1985, 3, 1).unwrap());
        assert_eq!(
            PartialDate::parse("1985-03-07").unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn rejected_spellings_say_why() {
        for bad in [
            "",
            "abc",
            "1985",
            "1985-13",
            "1985-00",
            "1985-02-30",
            "85.03",
            "1850.01",
            "1985.03.07.01",
            "2021-9-",
        ] {
            let err = PartialDate::parse(bad);
            if bad == "2021-9-" {
                // A trailing separator is tolerated: the parts are 2021 and 9.
                assert_eq!(err.unwrap().to_string(), "2021-09");
                continue;
            }
            assert!(err.is_err(), "{bad:?} should be rejected");
        }
        assert!(PartialDate::parse("1985-13")
            .unwrap_err()
            .0
            .contains("month 13"));
    }

    #[test]
    fn epoch_days_round_trip() {
        let d = NaiveDate::from_ymd_opt(2021, 12, 31).unwrap();
        assert_eq!(
            days_since_epoch(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()),
            0
        );
        assert_eq!(from_epoch_days(days_since_epoch(d)), d);
    }

    #[test]
    fn age_goes_up_on_the_birthday() {
        let birth = NaiveDate::from_ymd_opt(1986, 12, 31).unwrap();
        assert_eq!(
            age_at(birth, NaiveDate::from_ymd_opt(2021, 12, 30).unwrap()),
            34
        );
        assert_eq!(
            age_at(birth, NaiveDate::from_ymd_opt(2021, 12, 31).unwrap()),
            35
        );
    }
}

#[cfg(test)]
mod calendar {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_anniversary_is_a_whole_number_of_years() {
        // Month precision: 2016.10 stands for 2016-10-01.
        assert_eq!(years_between(d(2016, 10, 1), d(2021, 10, 1)), 5.0);
        assert_eq!(trunc2(years_between(d(2016, 10, 1), d(2021, 9, 30))), 4.99);
        assert!(years_between(d(2016, 10, 1), d(2021, 10, 2)) > 5.0);
        assert_eq!(trunc2(years_between(d(2016, 10, 1), d(2021, 10, 2))), 5.0);
        // Day precision.
        assert_eq!(years_between(d(2011, 7, 15), d(2021, 7, 15)), 10.0);
        assert_eq!(trunc2(years_between(d(2011, 7, 15), d(2021, 7, 14))), 9.99);
    }

    #[test]
    fn the_29th_of_february_is_reached_on_the_1st_of_march() {
        let leap = d(2016, 2, 29);
        assert_eq!(months_after(leap, 12), d(2017, 3, 1));
        assert_eq!(months_after(leap, 48), d(2020, 2, 29));
        assert!(years_between(leap, d(2021, 2, 28)) < 5.0);
        assert_eq!(years_between(leap, d(2021, 3, 1)), 5.0);
        assert_eq!(age_at(leap, d(2021, 2, 28)), 4);
        assert_eq!(age_at(leap, d(2021, 3, 1)), 5);
        // And the 31st of a month is reached on the 1st of the month after a short one.
        assert_eq!(months_after(d(2021, 1, 31), 1), d(2021, 3, 1));
        assert_eq!(months_between(d(2021, 1, 31), d(2021, 3, 1)), 1.0);
    }

    #[test]
    fn time_to_come_is_negative() {
        assert_eq!(years_between(d(2021, 10, 1), d(2016, 10, 1)), -5.0);
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (1940i32..2040, 1u32..=12, 1u32..=31).prop_filter_map("a real date", |(y, m, day)| {
            NaiveDate::from_ymd_opt(y, m, day)
        })
    }

    proptest! {
        #[test]
        fn whole_years_agree_with_the_age(birth in date(), at in date()) {
            prop_assume!(birth <= at);
            prop_assert_eq!(years_between(birth, at).floor() as i32, age_at(birth, at));
            prop_assert_eq!(trunc2(years_between(birth, at)).floor() as i32, age_at(birth, at));
        }

        #[test]
        fn months_grow_with_the_date_and_whole_months_fall_on_monthiversaries(from in date(), to in date()) {
            prop_assume!(from <= to);
            let m = months_between(from, to);
            let later = months_between(from, to.succ_opt().unwrap());
            prop_assert!(later > m, "{m} then {later}");
            let whole = m.floor() as i32;
            prop_assert!(months_after(from, whole) <= to);
            prop_assert!(months_after(from, whole + 1) > to);
            prop_assert_eq!(m == m.floor(), months_after(from, whole) == to);
        }

        #[test]
        fn packed_dates_read_back_and_order_as_the_dates(
            a in (-16383i32..=16383, any::<u8>(), proptest::option::of(any::<u8>())),
            b in (-16383i32..=16383, any::<u8>(), proptest::option::of(any::<u8>())),
        ) {
            let [a, b] = [a, b].map(|(year, month, day)| PartialDate { year, month, day });
            let [pa, pb] = [a, b].map(PackedDate::from);
            prop_assert_eq!(pa.unpack(), a);
            prop_assert_eq!(pb.unpack(), b);
            prop_assert_eq!(pa.cmp(&pb), a.cmp(&b));
        }
    }
}
