//! Percent-encoding of query values, and the `key=value&…` builder.

/// Percent-encodes a value for a query: UTF-8 bytes outside the
/// unreserved set (letters, digits, `-._~`) and `:/@` become `%XX`, a
/// space becomes `+`.
pub fn encode(s: &str) -> String {
    encode_with(s, b"")
}

/// [`encode`] for one item of a comma-separated list: commas are encoded
/// too.
pub(super) fn encode_item(s: &str) -> String {
    encode_with(s, b",")
}

fn encode_with(s: &str, also: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~:/@".contains(&b);
        if keep && !also.contains(&b) {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xF)] as char);
        }
    }
    out
}

/// Decodes a percent-encoded query value (`+` is a space). A malformed
/// escape is kept as written and invalid UTF-8 replaced by �, each with a
/// warning pushed to `warnings`.
pub fn decode(s: &str, warnings: &mut Vec<String>) -> String {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut bad_escape = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => {
                        bad_escape = true;
                        out.push(b'%');
                    }
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    if bad_escape {
        warnings.push(format!(
            "{} has a % that does not start an escape like %20; kept as written",
            quoted(s)
        ));
    }
    match String::from_utf8(out) {
        Ok(text) => text,
        Err(e) => {
            warnings.push(format!(
                "{} does not decode to UTF-8 text; the invalid bytes are replaced",
                quoted(s)
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// Longest value quoted whole in a warning.
const QUOTED_MAX: usize = 80;

/// A value for a warning, `"…"`-quoted and shortened when long, so that a
/// huge parameter cannot make a huge message.
pub(super) fn quoted(s: &str) -> String {
    match head(s) {
        None => format!("{s:?}"),
        Some(head) => format!("{head:?}… ({} bytes)", s.len()),
    }
}

/// A parameter name for a warning: as it is, or its start when long.
pub(super) fn shortened(s: &str) -> String {
    match head(s) {
        None => s.to_owned(),
        Some(head) => format!("{head}…"),
    }
}

/// The first [`QUOTED_MAX`] bytes (to a character boundary) of a longer
/// string.
fn head(s: &str) -> Option<&str> {
    if s.len() <= QUOTED_MAX {
        return None;
    }
    let mut end = QUOTED_MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end)
}

/// Builds `key=value&…`.
#[derive(Default)]
pub(super) struct Query {
    out: String,
}

impl Query {
    /// A value already safe in a query.
    pub fn raw(&mut self, key: &str, value: &str) {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        self.out.push_str(key);
        self.out.push('=');
        self.out.push_str(value);
    }

    pub fn text(&mut self, key: &str, value: &str) {
        self.raw(key, &encode(value));
    }

    pub fn list(&mut self, key: &str, ids: &[String]) {
        let items: Vec<String> = ids.iter().map(|id| encode_item(id)).collect();
        self.raw(key, &items.join(","));
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// The length of a list as [`Query::list`] writes it (with one comma per
/// item, to compare two lists).
pub(super) fn encoded_list_len(ids: &[String]) -> usize {
    ids.iter().map(|id| encode_item(id).len() + 1).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_utf8_and_reserved_characters() {
        assert_eq!(encode("deir ez-zor"), "deir+ez-zor");
        assert_eq!(encode("a&b=c+d%"), "a%26b%3Dc%2Bd%25");
        assert_eq!(encode("https://x.org/a.json"), "https://x.org/a.json");
        assert_eq!(encode("قدسيا"), "%D9%82%D8%AF%D8%B3%D9%8A%D8%A7");
        assert_eq!(encode_item("a,b"), "a%2Cb");
        let mut w = Vec::new();
        for s in ["قُدْسَيّا a+b", "x,y&z", "%", "é"] {
            assert_eq!(decode(&encode(s), &mut w), s);
        }
        assert!(w.is_empty());
    }

    #[test]
    fn decoding_forgives_with_a_warning() {
        let mut w = Vec::new();
        assert_eq!(decode("100%25", &mut w), "100%");
        assert_eq!(decode("%41%62", &mut w), "Ab");
        assert!(w.is_empty());
        assert_eq!(decode("50%", &mut w), "50%");
        assert_eq!(decode("%zz", &mut w), "%zz");
        assert_eq!(w.len(), 2);
        assert_eq!(decode("%FF", &mut w), "\u{FFFD}");
        assert_eq!(w.len(), 3);
    }

    #[test]
    fn long_values_are_shortened_in_warnings() {
        assert_eq!(quoted("abc"), "\"abc\"");
        let long = "د".repeat(100);
        let q = quoted(&long);
        assert!(q.len() < 120, "{q}");
        assert!(q.ends_with("… (200 bytes)"), "{q}");
    }
}
