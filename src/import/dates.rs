//! Dates as ACLED, UCDP and spreadsheets write them.
//!
//! Recognised: `2020-12-30` and `2020/12/30` (with an optional time
//! `16:00`, `16:00:00`, `16:00:00.000`, after a space or `T`), `9-May-20`,
//! `09 May 2020`, `30-Dec-2020`, `May 9, 2020`, and numeric `30/12/2020`,
//! `12/30/2020`, `30.12.2020`, `30-12-2020` (two-digit years are 2000–2069
//! and 1970–1999). Arabic-Indic digits are read as digits.
//!
//! **Day or month first.** A numeric date whose first two parts are both
//! 12 or less (03/04/2020) is ambiguous. The whole column decides: if any
//! value has a first part above 12 the column is day-first; if any has a
//! second part above 12 it is month-first; if neither, day-first (the order
//! used in Syria and most of the world). An explicit choice by the user
//! overrides the column. A value that contradicts the column's order
//! (13/13/2020, or a month-first value in a day-first column) is an error.

use super::digits::ascii_digits;
use crate::time::calendar::{civil_from_days, days_from_civil, days_in_month};

/// Which part of a numeric date is the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayMonth {
    DayFirst,
    MonthFirst,
}

/// Hour and minute.
pub type TimeOfDay = (u32, u32);

/// A civil date with an optional time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub time: Option<(u32, u32)>,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Date {
        Date {
            year,
            month,
            day,
            time: None,
        }
    }

    /// The format's spelling: `2020-12-30` or `2020-12-30T16:00`.
    pub fn to_format(self) -> String {
        match self.time {
            Some((h, m)) => format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}",
                self.year, self.month, self.day, h, m
            ),
            None => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }

    /// The same day without the time.
    pub fn day_only(self) -> Date {
        Date { time: None, ..self }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    pub fn from_days(days: i64) -> Date {
        let (y, m, d) = civil_from_days(days);
        Date::new(y, m, d)
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }
}

/// What a cell holds: a date, or a numeric date whose order the column
/// must decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateCell {
    Known(Date),
    /// `a/b/year` with both `a` and `b` at most 12.
    Ambiguous {
        a: u32,
        b: u32,
        year: i32,
        time: Option<(u32, u32)>,
    },
}

impl DateCell {
    /// The date once the order is known.
    pub fn resolve(self, order: DayMonth) -> Result<Date, String> {
        match self {
            DateCell::Known(d) => Ok(d),
            DateCell::Ambiguous { a, b, year, time } => {
                let (day, month) = match order {
                    DayMonth::DayFirst => (a, b),
                    DayMonth::MonthFirst => (b, a),
                };
                let mut d = checked(year, month, day)?;
                d.time = time;
                Ok(d)
            }
        }
    }
}

/// What a column's values say about its order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OrderEvidence {
    /// Values whose first part is above 12.
    pub day_first: usize,
    /// Values whose second part is above 12.
    pub month_first: usize,
}

impl OrderEvidence {
    /// Looks at one raw value.
    pub fn observe(&mut self, raw: &str) {
        if let Some((a, b, _, _)) = numeric_parts(&ascii_digits(raw)) {
            if a > 12 && b <= 12 {
                self.day_first += 1;
            } else if b > 12 && a <= 12 {
                self.month_first += 1;
            }
        }
    }

    /// The column's order (see the module documentation); a user's choice
    /// wins.
    pub fn order(&self, chosen: Option<DayMonth>) -> DayMonth {
        match chosen {
            Some(o) => o,
            None if self.month_first > self.day_first => DayMonth::MonthFirst,
            None => DayMonth::DayFirst,
        }
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_from_name(s: &str) -> Option<u32> {
    let lower = s.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    if lower.len() < 3 {
        return None;
    }
    let k = MONTHS.iter().position(|m| lower.starts_with(m))?;
    // "Sept" and full names are fine; "Mayday" is not.
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (FULL[k].starts_with(lower) || lower == "sept").then_some(k as u32 + 1)
}

fn checked(year: i32, month: u32, day: u32) -> Result<Date, String> {
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err(format!("{year:04}-{month:02} has no day {day}"));
    }
    Ok(Date::new(year, month, day))
}

fn year_of(s: &str) -> Option<i32> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = s.parse().ok()?;
    match s.len() {
        2 if n < 70 => Some(2000 + n),
        2 => Some(1900 + n),
        4 => Some(n),
        _ => None,
    }
}

fn number(s: &str, max_len: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Splits "date time" into the date and an optional (hour, minute).
fn split_time(s: &str) -> Result<(&str, Option<TimeOfDay>), String> {
    let (date, time) = match s.rfind(['T', ' ']) {
        Some(i) if s[i + 1..].contains(':') => (&s[..i], s[i + 1..].trim()),
        _ => return Ok((s, None)),
    };
    let mut parts = time.split(':');
    let h = parts.next().and_then(|h| number(h, 2));
    let m = parts.next().and_then(|m| number(m, 2));
    let seconds_ok = parts.next().is_none_or(|sec| {
        let whole = sec.split('.').next().unwrap_or("");
        number(whole, 2).is_some_and(|v| v < 60)
    });
    match (h, m) {
        (Some(h), Some(m)) if h < 24 && m < 60 && seconds_ok && parts.next().is_none() => {
            // Midnight with no minutes is how UCDP and sheets write "no time".
            let time = if is_zero_time(time) {
                None
            } else {
                Some((h, m))
            };
            Ok((date, time))
        }
        _ => Err(format!("{time:?} is not a time of day")),
    }
}

fn is_zero_time(t: &str) -> bool {
    t.bytes().all(|b| b == b'0' || b == b':' || b == b'.')
}

/// `a/b/yyyy` style parts, when the value is a numeric date with the year
/// last.
fn numeric_parts(s: &str) -> Option<(u32, u32, i32, Option<TimeOfDay>)> {
    let (date, time) = split_time(s.trim()).ok()?;
    let sep = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 && y.len() != 2 {
        return None;
    }
    Some((number(a, 2)?, number(b, 2)?, year_of(y)?, time))
}

/// Parses one cell. The error says what is wrong, for a located message.
pub fn parse_date(raw: &str) -> Result<DateCell, String> {
    let ascii = ascii_digits(raw);
    let s = ascii.trim();
    if s.is_empty() {
        return Err("the date is missing".into());
    }
    let not_a_date = |why: String| format!("{raw:?} is not a date ({why})");
    let (date, time) = split_time(s).map_err(not_a_date)?;
    let date = date.trim().trim_end_matches(',');

    // Year first: 2020-12-30, 2020/12/30.
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    if let [y, m, d] = parts.as_slice() {
        if y.len() == 4 {
            if let (Some(year), Some(month), Some(day)) = (year_of(y), number(m, 2), number(d, 2)) {
                let mut out = checked(year, month, day).map_err(not_a_date)?;
                out.time = time;
                return Ok(DateCell::Known(out));
            }
        }
    }
    // Numeric with the year last.
    if let Some((a, b, year, time)) = numeric_parts(s) {
        if a > 12 || b > 12 {
            let (day, month) = if a > 12 { (a, b) } else { (b, a) };
            let mut out = checked(year, month, day).map_err(not_a_date)?;
            out.time = time;
            return Ok(DateCell::Known(out));
        }
        if a == 0 || b == 0 {
            return Err(not_a_date("a day or month of 0".into()));
        }
        // Both orders are valid dates when a, b ≤ 12 and the day exists.
        return Ok(DateCell::Ambiguous { a, b, year, time });
    }
    // Month names: 9-May-20, 09 May 2020, May 9, 2020.
    let words: Vec<&str> = date
        .split(['-', ' ', '/', ','])
        .filter(|w| !w.is_empty())
        .collect();
    if let [x, y, z] = words.as_slice() {
        let found = if let Some(month) = month_from_name(y) {
            number(x, 2).zip(year_of(z)).map(|(d, yr)| (yr, month, d))
        } else if let Some(month) = month_from_name(x) {
            number(y, 2).zip(year_of(z)).map(|(d, yr)| (yr, month, d))
        } else {
            None
        };
        if let Some((year, month, day)) = found {
            let mut out = checked(year, month, day).map_err(not_a_date)?;
            out.time = time;
            return Ok(DateCell::Known(out));
        }
    }
    Err(format!("{raw:?} is not a date"))
}

/// Parses a cell whose order is already decided.
pub fn parse_date_in(raw: &str, order: DayMonth) -> Result<Date, String> {
    parse_date(raw)?
        .resolve(order)
        .map_err(|why| format!("{raw:?} is not a date ({why})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(s: &str) -> Date {
        match parse_date(s) {
            Ok(DateCell::Known(d)) => d,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn acled_forms() {
        assert_eq!(known("9-May-20"), Date::new(2020, 5, 9));
        assert_eq!(known("09 May 2020"), Date::new(2020, 5, 9));
        assert_eq!(known("2020-05-09"), Date::new(2020, 5, 9));
        assert_eq!(known("May 9, 2020"), Date::new(2020, 5, 9));
        assert_eq!(known("30-Dec-2020"), Date::new(2020, 12, 30));
    }

    #[test]
    fn ucdp_forms_drop_a_midnight_time() {
        assert_eq!(known("2013-01-03 00:00:00.000"), Date::new(2013, 1, 3));
        assert_eq!(known("2013-01-03"), Date::new(2013, 1, 3));
        let with_time = known("2013-01-03 16:05:00");
        assert_eq!(with_time.time, Some((16, 5)));
        assert_eq!(with_time.to_format(), "2013-01-03T16:05");
    }

    #[test]
    fn sheet_forms() {
        assert_eq!(known("30/12/2020"), Date::new(2020, 12, 30));
        assert_eq!(known("12/30/2020"), Date::new(2020, 12, 30));
        assert_eq!(known("30.12.2020"), Date::new(2020, 12, 30));
        assert_eq!(known("2020/12/30"), Date::new(2020, 12, 30));
        assert_eq!(known("٣٠/١٢/٢٠٢٠"), Date::new(2020, 12, 30));
        assert_eq!(known("30/12/2020 14:30").time, Some((14, 30)));
    }

    #[test]
    fn ambiguous_dates_follow_the_column_unless_the_user_chooses() {
        let cell = parse_date("03/04/2020").unwrap();
        assert!(matches!(cell, DateCell::Ambiguous { .. }));
        let mut evidence = OrderEvidence::default();
        for v in ["03/04/2020", "12/25/2020", "01/02/2021"] {
            evidence.observe(v);
        }
        assert_eq!(evidence.order(None), DayMonth::MonthFirst);
        assert_eq!(
            cell.resolve(evidence.order(None)).unwrap(),
            Date::new(2020, 3, 4)
        );
        assert_eq!(
            cell.resolve(evidence.order(Some(DayMonth::DayFirst)))
                .unwrap(),
            Date::new(2020, 4, 3)
        );
        let mut none = OrderEvidence::default();
        none.observe("03/04/2020");
        assert_eq!(none.order(None), DayMonth::DayFirst);
    }

    #[test]
    fn impossible_dates_say_why() {
        let e = parse_date("31/02/2021").unwrap_err();
        assert!(e.contains("\"31/02/2021\" is not a date"), "{e}");
        assert!(parse_date("2021-02-29").is_err());
        assert!(parse_date("13/13/2020").is_err());
        assert!(parse_date("soon").is_err());
        assert!(parse_date("").is_err());
        assert!(parse_date("2020-01-01 25:00").is_err());
        assert!(parse_date("9-Mayday-20").is_err());
    }
}
