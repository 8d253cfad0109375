//! Proleptic Gregorian calendar arithmetic on civil dates.

use std::fmt;

/// Seconds since 1970-01-01T00:00 (civil time, no zone).
pub type Seconds = i64;

pub const MINUTE: Seconds = 60;
pub const HOUR: Seconds = 3_600;
pub const DAY: Seconds = 86_400;

/// A calendar date with an optional time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDateTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    /// False when only the date was given.
    pub has_time: bool,
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's
/// days_from_civil: exact for every year, no tables).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day number since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDateTime {
    pub fn date(year: i32, month: u32, day: u32) -> CivilDateTime {
        CivilDateTime {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            has_time: false,
        }
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. The error says what was
    /// expected, for a located validation message.
    pub fn parse(input: &str) -> Result<CivilDateTime, String> {
        let expected =
            || format!("expected a date like 2020-12-30 (or 2020-12-30T16:00), got {input:?}");
        let (date, time) = match input.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (input, None),
        };
        let mut parts = date.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(expected());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(expected());
        }
        let (Some(year), Some(month), Some(day)) = (digits(y), digits(m), digits(d)) else {
            return Err(expected());
        };
        let year = year as i32;
        if !(1..=12).contains(&month) {
            return Err(format!("{input:?} has no month {month}"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(format!("{input:?} is not a day of the calendar"));
        }
        let mut out = CivilDateTime::date(year, month, day);
        if let Some(time) = time {
            let Some((h, mi)) = time.split_once(':') else {
                return Err(expected());
            };
            let (Some(hour), Some(minute)) = (digits(h), digits(mi)) else {
                return Err(expected());
            };
            if h.len() != 2 || mi.len() != 2 || hour > 23 || minute > 59 {
                return Err(format!("{input:?} has no time of day {time}"));
            }
            out.hour = hour;
            out.minute = minute;
            out.has_time = true;
        }
        Ok(out)
    }

    pub fn to_seconds(self) -> Seconds {
        days_from_civil(self.year, self.month, self.day) * DAY
            + Seconds::from(self.hour) * HOUR
            + Seconds::from(self.minute) * MINUTE
    }

    pub fn from_seconds(t: Seconds) -> CivilDateTime {
        let days = t.div_euclid(DAY);
        let rest = t.rem_euclid(DAY);
        let (year, month, day) = civil_from_days(days);
        CivilDateTime {
            year,
            month,
            day,
            hour: (rest / HOUR) as u32,
            minute: ((rest % HOUR) / MINUTE) as u32,
            has_time: rest != 0,
        }
    }
}

impl fmt::Display for CivilDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if self.has_time {
            write!(f, "T{:02}:{:02}", self.hour, self.minute)?;
        }
        Ok(())
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_day_numbers() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2020, 12, 30), 18_626);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
    }

    #[test]
    fn days_round_trip_across_centuries() {
        for days in (-200_000..200_000).step_by(37) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn parses_dates_and_times() {
        let d = CivilDateTime::parse("2020-12-30T16:00").expect("valid");
        assert_eq!(
            (d.year, d.month, d.day, d.hour, d.has_time),
            (2020, 12, 30, 16, true)
        );
        assert_eq!(d.to_string(), "2020-12-30T16:00");
        assert_eq!(CivilDateTime::from_seconds(d.to_seconds()), d);
        assert!(!CivilDateTime::parse("2021-06-01").expect("valid").has_time);
    }

    #[test]
    fn rejects_malformed_dates_with_the_input_in_the_message() {
        for bad in [
            "30/12",
            "2020-13-01",
            "2021-02-29",
            "2020-1-5",
            "",
            "2020-12-30T25:00",
        ] {
            let err = CivilDateTime::parse(bad).expect_err(bad);
            assert!(err.contains(&format!("{bad:?}")), "{err}");
        }
        assert!(CivilDateTime::parse("2020-02-29").is_ok());
    }
}
