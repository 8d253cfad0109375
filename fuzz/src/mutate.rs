//! Structure-aware mutation. A JSON input is mutated at the value level
//! (boundary numbers, odd strings and dates, nodes deleted, duplicated or
//! spliced in from another input), a query string at the parameter level,
//! and any input at the byte level; several mutations are stacked.

use serde_json::{Map, Number, Value};

/// A small, fast, seeded generator (xorshift64*): runs are reproducible
/// from `--seed`.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// Numbers at the edges of what parsers and arithmetic handle.
const NUMBERS: &[&str] = &[
    "0",
    "-0.0",
    "1",
    "-1",
    "0.5",
    "255",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "2147483647",
    "-2147483648",
    "9007199254740993",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "1e306",
    "-1e306",
    "1.7976931348623157e308",
    "5e-324",
    "1e-320",
    "90",
    "-90",
    "180",
    "-180",
    "90.0000001",
    "360",
];

/// Strings that trip up date, id, colour and text handling.
const STRINGS: &[&str] = &[
    "",
    " ",
    "NaN",
    "Infinity",
    "-inf",
    "null",
    "0000-01-01",
    "0000-01-01T00:00",
    "9999-12-31",
    "9999-12-31T23:59",
    "10000-01-01",
    "2018-01-01T00:00",
    "2020-02-29",
    "2021-02-29",
    "2021-13-01",
    "2021-12-31T24:00",
    "2021-06",
    "2021",
    "-0001-01-01",
    "exact",
    "day",
    "month",
    "year",
    "circa",
    "approximate",
    "unknown",
    "#000000",
    "#fff",
    "#zzzzzz",
    "javascript:alert(1)",
    "http://example.org/a?b=c&d",
    "<b>x</b>",
    "a,b",
    "a%2Cb",
    "%",
    "%zz",
    "\u{0}",
    "\u{200F}\u{FEFF}",
    "İ",
    "ﷺ",
    "قُدْسَيّا",
    "Ḥomṣ",
    "😀",
];

/// Gives one mutated input from `input`; `others` are inputs to splice
/// from and `words` a dictionary (keys and values seen in the seeds).
pub fn mutate(input: &[u8], others: &[&[u8]], words: &[String], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let next = match rng.below(10) {
            0..=5 => match serde_json::from_slice::<Value>(&out) {
                Ok(mut doc) => {
                    let donor = rng
                        .pick(others)
                        .and_then(|o| serde_json::from_slice::<Value>(o).ok());
                    mutate_json(&mut doc, donor.as_ref(), words, rng);
                    serde_json::to_vec(&doc).unwrap_or_else(|_| out.clone())
                }
                Err(_) => mutate_tokens(&out, words, rng),
            },
            6 | 7 => mutate_tokens(&out, words, rng),
            _ => mutate_bytes(&out, others, rng),
        };
        // Past the size limit a mutation is undone rather than cut, which
        // would only break the structure.
        if next.len() <= MAX_LEN {
            out = next;
        }
    }
    out
}

/// Inputs are kept under this size so that runs stay fast.
pub const MAX_LEN: usize = 256 * 1024;

/// How many nodes `v` holds (itself included).
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`-th node in pre-order, if there is one (`n` counts down).
fn nth<'a>(v: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
    if *n == 0 {
        return Some(v);
    }
    *n -= 1;
    match v {
        Value::Array(a) => a.iter_mut().find_map(|c| nth(c, n)),
        Value::Object(o) => o.values_mut().find_map(|c| nth(c, n)),
        _ => None,
    }
}

fn some_node<'a>(doc: &'a mut Value, rng: &mut Rng) -> Option<&'a mut Value> {
    let mut n = rng.below(count(doc));
    nth(doc, &mut n)
}

fn boundary_number(rng: &mut Rng) -> Value {
    let text = rng.pick(NUMBERS).copied().unwrap_or("0");
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn odd_string(words: &[String], rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => Value::String("a".repeat(1 << rng.below(17))),
        1 => Value::String(rng.pick(words).cloned().unwrap_or_default()),
        _ => Value::String(rng.pick(STRINGS).copied().unwrap_or("").to_owned()),
    }
}

/// Shifts the digits of a date-like string or a number a little, to walk
/// along calendar edges rather than jump.
fn nudge(v: &mut Value, rng: &mut Rng) {
    match v {
        Value::Number(n) => {
            let delta = [1i64, -1, 2, -2, 1000, -1000][rng.below(6)];
            *v = match n.as_i64() {
                Some(i) => Value::Number(Number::from(i.wrapping_add(delta))),
                None => n
                    .as_f64()
                    .and_then(|f| Number::from_f64(f * 2.0 + delta as f64))
                    .map_or(Value::Null, Value::Number),
            };
        }
        Value::String(s) => {
            let digits: Vec<usize> = s
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if let Some(&at) = rng.pick(&digits) {
                let d = char::from(b'0' + rng.below(10) as u8);
                s.replace_range(at..at + 1, &d.to_string());
            }
        }
        _ => {}
    }
}

fn mutate_json(doc: &mut Value, donor: Option<&Value>, words: &[String], rng: &mut Rng) {
    // A donor node, read before `doc` is borrowed mutably.
    let spliced = donor.and_then(|d| some_node(&mut d.clone(), rng).map(|v| v.clone()));
    let copied = some_node(doc, rng).map(|v| v.clone());
    let choice = rng.below(12);
    let Some(node) = some_node(doc, rng) else {
        return;
    };
    match choice {
        0 | 1 => *node = boundary_number(rng),
        2 | 3 => *node = odd_string(words, rng),
        4 => nudge(node, rng),
        5 => {
            *node = [
                Value::Null,
                Value::Bool(rng.chance(2)),
                Value::Array(Vec::new()),
                Value::Object(Map::new()),
            ][rng.below(4)]
            .clone()
        }
        6 => {
            if let Some(v) = spliced {
                *node = v;
            }
        }
        7 => {
            if let Some(v) = copied {
                *node = v;
            }
        }
        // Lists: drop, repeat (many incidents, many places) or reorder.
        8 => match node {
            Value::Array(a) if !a.is_empty() => {
                a.remove(rng.below(a.len()));
            }
            Value::Object(o) if !o.is_empty() => {
                let key = o.keys().nth(rng.below(o.len())).cloned();
                if let Some(k) = key {
                    o.remove(&k);
                }
            }
            _ => {}
        },
        9 => {
            if let Value::Array(a) = node {
                if let Some(item) = rng.pick(a).cloned() {
                    let most = if rng.chance(8) { 2000 } else { 4 };
                    let times = 1 + rng.below(most);
                    for _ in 0..times {
                        a.push(item.clone());
                    }
                }
            }
        }
        10 => {
            if let Value::Array(a) = node {
                if a.len() > 1 {
                    let (i, j) = (rng.below(a.len()), rng.below(a.len()));
                    a.swap(i, j);
                }
            }
        }
        _ => {
            if let Value::Object(o) = node {
                let key = rng.pick(words).cloned().unwrap_or_default();
                o.insert(key, odd_string(words, rng));
            }
        }
    }
}

/// Query strings, CSV and other text: split at separators (a query's, a
/// spreadsheet's, quotes and line ends), then replace, insert, repeat or
/// drop one token.
fn mutate_tokens(input: &[u8], words: &[String], rng: &mut Rng) -> Vec<u8> {
    let text = String::from_utf8_lossy(input);
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if matches!(
            c,
            '&' | '=' | ',' | ' ' | ':' | '\n' | '?' | ';' | '\t' | '"' | '\r'
        ) {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            tokens.push(c.to_string());
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    let token = match rng.below(3) {
        0 => rng.pick(words).cloned().unwrap_or_default(),
        1 => rng.pick(NUMBERS).copied().unwrap_or("0").to_owned(),
        _ => rng.pick(STRINGS).copied().unwrap_or("").to_owned(),
    };
    let at = rng.below(tokens.len() + 1);
    match rng.below(5) {
        0 | 1 if at < tokens.len() => tokens[at] = token,
        2 if at < tokens.len() => {
            tokens.remove(at);
        }
        3 if at < tokens.len() => {
            let repeat = tokens[at].clone();
            let most = if rng.chance(8) { 5000 } else { 3 };
            let times = 1 + rng.below(most);
            for _ in 0..times {
                tokens.insert(at, repeat.clone());
            }
        }
        _ => {
            let sep = ["&", "=", ",", " ", "", ";", "\t", "\"", "\r\n"][rng.below(9)];
            tokens.insert(at.min(tokens.len()), format!("{sep}{token}"));
        }
    }
    tokens.concat().into_bytes()
}

fn mutate_bytes(input: &[u8], others: &[&[u8]], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    let at = rng.below(out.len() + 1);
    match rng.below(6) {
        0 if at < out.len() => out[at] ^= 1 << rng.below(8),
        1 if at < out.len() => {
            out[at] = [0u8, 0x7f, 0x80, 0xff, b'"', b'\\', b'{', b'[', b'-', b'9'][rng.below(10)]
        }
        2 if at < out.len() => {
            let end = (at + 1 + rng.below(16)).min(out.len());
            out.drain(at..end);
        }
        3 => {
            let len = rng.below(32).min(out.len().saturating_sub(at));
            let chunk = out[at..at + len].to_vec();
            out.splice(at..at, chunk);
        }
        4 => {
            if let Some(other) = rng.pick(others) {
                let from = rng.below(other.len());
                let len = rng.below(256).min(other.len() - from);
                out.splice(at..at, other[from..from + len].iter().copied());
            }
        }
        _ => out.insert(at.min(out.len()), rng.below(256) as u8),
    }
    out
}

/// Keys and string values of the seeds, for the mutators to reuse.
pub fn dictionary(seeds: &[Vec<u8>]) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) if s.len() <= 64 => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|c| walk(c, out)),
            Value::Object(o) => {
                for (k, c) in o {
                    out.push(k.clone());
                    walk(c, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for seed in seeds {
        match serde_json::from_slice::<Value>(seed) {
            Ok(doc) => walk(&doc, &mut out),
            Err(_) => {
                let text = String::from_utf8_lossy(seed);
                out.extend(
                    text.split(['&', '=', ',', '\n', ';', '\t', '\r'])
                        .filter(|t| !t.is_empty() && t.len() <= 64)
                        .map(str::to_owned),
                );
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_mutations_reach_boundary_numbers_and_stay_json() {
        let seed = br#"{"lines":[[36000,33000,500,-250,1,1]],"name":{"en":"x"}}"#.to_vec();
        let words = dictionary(std::slice::from_ref(&seed));
        let mut rng = Rng::new(7);
        let (mut max, mut json) = (0, 0);
        for _ in 0..10_000 {
            let out = mutate(&seed, &[&seed], &words, &mut rng);
            max += usize::from(String::from_utf8_lossy(&out).contains("9223372036854775807"));
            json += usize::from(serde_json::from_slice::<Value>(&out).is_ok());
        }
        assert!(max > 20, "i64::MAX in {max} of 10,000");
        // Stacked byte and token mutations break the rest.
        assert!(json > 3_000, "{json} of 10,000 still JSON");
    }
}
