//! Numbers as spreadsheets write them: Arabic-Indic digits, Arabic decimal
//! and thousands separators, decimal commas.

use std::borrow::Cow;

/// `s` with Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as
/// ASCII digits, the Arabic decimal separator ٫ as `.` and the Arabic
/// thousands separator ٬ as `,`. Borrows when there is nothing to change.
pub fn ascii_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            // Directional marks that spreadsheets leave around numbers.
            '\u{200E}' | '\u{200F}' | '\u{061C}' => ' ',
            _ => c,
        })
        .collect();
    Cow::Owned(mapped)
}

/// A count of people: a whole number, not negative ("12", "١٢", "1,204",
/// "12.0"). Empty is `Ok(None)`.
pub fn parse_count(s: &str) -> Result<Option<u32>, String> {
    let t = ascii_digits(s);
    let t = t.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let plain: String = t.chars().filter(|c| *c != ',' && *c != ' ').collect();
    let whole = plain.strip_suffix(".0").unwrap_or(&plain);
    if !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) {
        return whole
            .parse::<u32>()
            .map(Some)
            .map_err(|_| format!("{s:?} is too large a number"));
    }
    Err(format!("{s:?} is not a whole number"))
}

/// A casualty figure as the atlas writes it: `5`, `~27`, `≥37` (or
/// `>=37`), `>15`, `23–26` (or `23-26`). Empty is `Ok(None)`.
pub fn parse_figure(s: &str) -> Result<Option<super::document::Figure>, String> {
    use super::document::Figure;
    let t = ascii_digits(s);
    let t = t.trim();
    let bad = || format!("{s:?} is not a number of people (like 5, ~27, ≥37, >15 or 23–26)");
    let count = |v: &str| parse_count(v).ok().flatten().ok_or_else(bad);
    if t.is_empty() {
        return Ok(None);
    }
    let figure = if let Some(v) = t.strip_prefix('~') {
        Figure::Approx { approx: count(v)? }
    } else if let Some(v) = t.strip_prefix('≥').or(t.strip_prefix(">=")) {
        Figure::AtLeast {
            at_least: count(v)?,
        }
    } else if let Some(v) = t.strip_prefix('>') {
        Figure::MoreThan {
            more_than: count(v)?,
        }
    } else if let Some((a, b)) = t.split_once(['–', '-']) {
        let (min, max) = (count(a)?, count(b)?);
        if min > max {
            return Err(bad());
        }
        Figure::Range { min, max }
    } else {
        Figure::Exact(count(t)?)
    };
    Ok(Some(figure))
}

/// A coordinate in decimal degrees: "34.52", "٣٤٫٥٢", "34,52" (decimal
/// comma). Empty is `Ok(None)`; the range is checked by the caller.
pub fn parse_degrees(s: &str) -> Result<Option<f64>, String> {
    let t = ascii_digits(s);
    let t = t.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.trim_end_matches('°');
    let dotted: Cow<str> = if t.contains(',') && !t.contains('.') && t.matches(',').count() == 1 {
        Cow::Owned(t.replace(',', "."))
    } else {
        Cow::Borrowed(t)
    };
    match dotted.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("{s:?} is not a number of degrees")),
    }
}

/// One "lat, lon" cell ("34.52, 38.46", "34.52 38.46", "(34.52;38.46)").
pub fn parse_lat_lon(s: &str) -> Result<Option<(f64, f64)>, String> {
    let t = ascii_digits(s);
    let t = t
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if t.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = t
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let bad = || format!("{s:?} is not a \"lat, lon\" pair");
    let [lat, lon] = parts.as_slice() else {
        return Err(bad());
    };
    match (parse_degrees(lat), parse_degrees(lon)) {
        (Ok(Some(lat)), Ok(Some(lon))) => Ok(Some((lat, lon))),
        _ => Err(bad()),
    }
}

/// True when the text is written in Arabic script (any Arabic letter).
pub fn is_arabic(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}') && c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_arabic_indic_digits() {
        assert_eq!(ascii_digits("٢٠٢٠-١٢-٣٠"), "2020-12-30");
        assert_eq!(ascii_digits("۱۲"), "12");
        assert_eq!(parse_count("١٢").unwrap(), Some(12));
        assert_eq!(parse_degrees("٣٤٫٥٢").unwrap(), Some(34.52));
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(parse_count(" 1,204 ").unwrap(), Some(1204));
        assert_eq!(parse_count("7.0").unwrap(), Some(7));
        assert_eq!(parse_count("").unwrap(), None);
        assert!(parse_count("-3").is_err());
        assert!(parse_count("about 5").is_err());
        assert!(parse_count("99999999999").is_err());
    }

    #[test]
    fn figures_as_the_atlas_writes_them() {
        use crate::import::document::Figure;
        assert_eq!(parse_figure("5").unwrap(), Some(Figure::Exact(5)));
        assert_eq!(
            parse_figure("~27").unwrap(),
            Some(Figure::Approx { approx: 27 })
        );
        assert_eq!(
            parse_figure("≥37").unwrap(),
            Some(Figure::AtLeast { at_least: 37 })
        );
        assert_eq!(
            parse_figure(">15").unwrap(),
            Some(Figure::MoreThan { more_than: 15 })
        );
        assert_eq!(
            parse_figure("23–26").unwrap(),
            Some(Figure::Range { min: 23, max: 26 })
        );
        assert!(parse_figure("26-23").is_err());
        assert!(parse_figure("many").is_err());
    }

    #[test]
    fn degrees_and_pairs() {
        assert_eq!(parse_degrees("34,52").unwrap(), Some(34.52));
        assert!(parse_degrees("NaN").is_err());
        assert!(parse_degrees("north").is_err());
        assert_eq!(parse_lat_lon("34.52, 38.46").unwrap(), Some((34.52, 38.46)));
        assert_eq!(parse_lat_lon("(34.5;38.5)").unwrap(), Some((34.5, 38.5)));
        assert!(parse_lat_lon("34.5").is_err());
    }

    #[test]
    fn tells_arabic_script() {
        assert!(is_arabic("تدمر"));
        assert!(!is_arabic("Palmyra 12"));
    }
}
