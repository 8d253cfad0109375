//! Free-text search that forgives spelling: Arabic written with or without
//! vowel marks, tatweel or hamza, English with or without accents or
//! hyphens. Both the searched text and the query go through [`normalize`];
//! a query matches when every one of its words occurs in the text.
//!
//! Words match as substrings, not whole words, because Arabic attaches
//! prepositions and the article to the word ("بقدسيا", "الزور"): the query
//! "قدسيا" must find "بقدسيا".

/// Text folded for matching: lowercase, without Arabic diacritics, tatweel
/// or Latin accents, with the Arabic letters that spellings mix up unified,
/// digits as ASCII, and any run of spaces and punctuation as one space (no
/// space at either end).
///
/// Unified forms: أ إ آ ٱ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي, Persian ک ی →
/// ك ي, Arabic-Indic and Persian digits → 0–9. Apostrophes and the
/// transliteration marks ʿ ʾ are dropped rather than made spaces, so
/// "Ma'arrat" finds "Maarrat".
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// [`normalize`], appending to `out` (for building one buffer from many
/// texts without a string each). A space is put before `s`'s words when
/// `out` already ends with a word.
pub fn normalize_into(s: &str, out: &mut String) {
    let mut w = Writer {
        gap: ends_with_word(out),
        out,
    };
    // Characters kept as they are are copied in runs, not one by one.
    let mut run: Option<usize> = None;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Lowercase ASCII letters and digits, the bulk of English text,
        // are kept without decoding a char.
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            if run.is_none() {
                w.open_word();
                run = Some(i);
            }
            i += 1;
            continue;
        }
        // So are Arabic letters (two bytes, lead byte 0xD8–0xDB).
        if (0xD8..=0xDB).contains(&b) {
            if let Some(&b1) = bytes.get(i + 1) {
                let code = (u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F);
                if u32::from(ARABIC_BLOCK[(code - 0x0600) as usize & 0xFF]) == code {
                    if run.is_none() {
                        w.open_word();
                        run = Some(i);
                    }
                    i += 2;
                    continue;
                }
            }
        }
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let at = i;
        i += c.len_utf8();
        let folded = classify(c);
        if let Fold::Char(f) = folded {
            if f == c {
                if run.is_none() {
                    w.open_word();
                    run = Some(at);
                }
                continue;
            }
        }
        if let Some(start) = run.take() {
            w.out.push_str(&s[start..at]);
        }
        match folded {
            Fold::Drop => {}
            Fold::Char(f) => w.push(f),
            Fold::Str(f) => f.chars().for_each(|f| w.push(f)),
            Fold::Space => w.separate(),
            Fold::Lower => {
                for l in c.to_lowercase() {
                    // Lowercasing may add a combining mark (İ → i̇).
                    match classify(l) {
                        Fold::Drop | Fold::Space => {}
                        Fold::Char(f) => w.push(f),
                        Fold::Str(f) => f.chars().for_each(|f| w.push(f)),
                        Fold::Lower => w.push(l),
                    }
                }
            }
        }
    }
    if let Some(start) = run {
        w.out.push_str(&s[start..]);
    }
}

fn ends_with_word(s: &str) -> bool {
    s.as_bytes().last().is_some_and(|&b| b != b' ')
}

/// Appends kept characters, putting one space between words.
struct Writer<'a> {
    out: &'a mut String,
    /// Whether a space is owed before the next kept character.
    gap: bool,
}

impl Writer<'_> {
    /// Pays the space owed before a word's next characters.
    fn open_word(&mut self) {
        if self.gap {
            self.out.push(' ');
            self.gap = false;
        }
    }

    fn push(&mut self, c: char) {
        self.open_word();
        self.out.push(c);
    }

    fn separate(&mut self) {
        self.gap = ends_with_word(self.out);
    }
}

/// What becomes of one character.
fn classify(c: char) -> Fold {
    if c.is_ascii() {
        return match c {
            'a'..='z' | '0'..='9' => Fold::Char(c),
            'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
            // Dropped inside a word ("Ma'arrat").
            '\'' | '`' => Fold::Drop,
            _ => Fold::Space,
        };
    }
    match fold(c) {
        Fold::Lower if !c.is_alphanumeric() => Fold::Space,
        Fold::Lower if !c.is_uppercase() => Fold::Char(c),
        other => other,
    }
}

/// What becomes of one non-ASCII character.
enum Fold {
    /// Removed without leaving a space (a mark on or inside a word).
    Drop,
    Char(char),
    Str(&'static str),
    /// A separator between words.
    Space,
    /// Not in the tables: an uppercase letter to lowercase (after
    /// [`classify`]; before it, any character the general rules decide).
    Lower,
}

fn fold(c: char) -> Fold {
    match c {
        '\u{0600}'..='\u{06FF}' => arabic_from_table(c as u32),
        // Invisible format characters: zero-width (non-)joiners and space,
        // direction marks, the byte-order mark.
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' => Fold::Drop,
        // Combining Latin diacritics (decomposed accents).
        '\u{0300}'..='\u{036F}' => Fold::Drop,
        // Apostrophes and transliteration marks for ayn and hamza.
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}' | '\u{00B4}' => Fold::Drop,
        _ => latin(c),
    }
}

fn arabic_from_table(code: u32) -> Fold {
    match ARABIC_BLOCK[(code - 0x0600) as usize & 0xFF] {
        ARABIC_DROP => Fold::Drop,
        ARABIC_SPACE => Fold::Space,
        out => match char::from_u32(u32::from(out)) {
            Some(c) => Fold::Char(c),
            None => Fold::Space,
        },
    }
}

/// The Arabic block (U+0600–U+06FF), classified without Unicode tables:
/// most searched text is Arabic, and this keeps it fast.
const fn arabic(c: char) -> Fold {
    match c {
        // Harakat, tanwin, shadda, sukun, small hamza… and the superscript
        // alef: vowel marks that spellings add or leave out.
        '\u{064B}'..='\u{065F}' | '\u{0670}' => Fold::Drop,
        // Tatweel (kashida) only stretches a word.
        '\u{0640}' => Fold::Drop,
        // Number signs, Quranic marks, the Arabic letter mark.
        '\u{0600}'..='\u{0605}' | '\u{0610}'..='\u{061A}' | '\u{061C}' => Fold::Drop,
        '\u{06D6}'..='\u{06ED}' => Fold::Drop,
        // Alef with hamza above or below, with madda, alef wasla.
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Char('ا'),
        'ة' => Fold::Char('ه'),
        'ى' => Fold::Char('ي'),
        'ؤ' => Fold::Char('و'),
        'ئ' => Fold::Char('ي'),
        // Persian kaf and yeh, common in text typed on Persian keyboards.
        'ک' => Fold::Char('ك'),
        'ی' => Fold::Char('ي'),
        '٠'..='٩' => digit(c as u32 - '٠' as u32),
        '۰'..='۹' => digit(c as u32 - '۰' as u32),
        // Letters.
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' => Fold::Char(c),
        // Comma, semicolon, question mark, full stop, percent, separators,
        // signs.
        _ => Fold::Space,
    }
}

const fn digit(d: u32) -> Fold {
    match char::from_digit(d, 10) {
        Some(c) => Fold::Char(c),
        None => Fold::Space,
    }
}

/// [`arabic`] for every code point of the block, worked out at compile
/// time: the output code point, or [`ARABIC_DROP`] or [`ARABIC_SPACE`].
const ARABIC_BLOCK: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut k = 0;
    while k < 256 {
        table[k] = match char::from_u32(0x0600 + k as u32) {
            Some(c) => match arabic(c) {
                Fold::Drop => ARABIC_DROP,
                Fold::Char(f) => f as u16,
                _ => ARABIC_SPACE,
            },
            None => ARABIC_SPACE,
        };
        k += 1;
    }
    table
};
const ARABIC_DROP: u16 = 0;
const ARABIC_SPACE: u16 = 1;

/// Accented Latin letters (Latin-1, Latin Extended-A and the dotted
/// letters of Arabic transliteration), either case, to plain lowercase.
fn latin(c: char) -> Fold {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'ð' | 'ḍ' | 'Ď' | 'Đ' | 'Ð' | 'Ḍ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => 'e',
        'ğ' | 'ġ' | 'Ğ' | 'Ġ' => 'g',
        'ḥ' | 'ḫ' | 'Ḥ' | 'Ḫ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            'i'
        }
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'ṣ' | 'Ś' | 'Š' | 'Ş' | 'Ṣ' => 's',
        'ţ' | 'ť' | 'ṭ' | 'Ţ' | 'Ť' | 'Ṭ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            'u'
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'ź' | 'ż' | 'ž' | 'ẓ' | 'Ź' | 'Ż' | 'Ž' | 'Ẓ' => 'z',
        'ß' => return Fold::Str("ss"),
        'æ' | 'Æ' => return Fold::Str("ae"),
        'œ' | 'Œ' => return Fold::Str("oe"),
        'þ' | 'Þ' => return Fold::Str("th"),
        _ => return Fold::Lower,
    };
    Fold::Char(plain)
}

/// The most distinct words a query holds; later ones are ignored. Real
/// searches are a few words; the cap keeps a crafted `q=` of thousands of
/// words from costing words × words here and words × text per incident.
pub const MAX_QUERY_WORDS: usize = 32;

/// The words of a query after normalisation, without repeats and without
/// words that another word of the query contains (they add nothing to an
/// AND of substrings). Only the first [`MAX_QUERY_WORDS`] distinct words
/// count. Empty when the query has nothing to search for. Linear in the
/// query's length.
pub fn query_words(query: &str) -> Vec<String> {
    let normalized = normalize(query);
    let mut words: Vec<&str> = Vec::with_capacity(MAX_QUERY_WORDS);
    for w in normalized.split(' ').filter(|w| !w.is_empty()) {
        // At most MAX_QUERY_WORDS to look through: constant time.
        if !words.contains(&w) {
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
            words.push(w);
        }
    }
    // Longest first, so a word is dropped when a longer one contains it;
    // the longest words are also the rarest, which makes checks fail fast.
    // The sort is stable: words of one length stay in the order typed.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut kept: Vec<String> = Vec::with_capacity(words.len());
    for w in words {
        if !kept.iter().any(|k| k.contains(w)) {
            kept.push(w.to_owned());
        }
    }
    kept
}

/// Whether a normalised text contains every word (already normalised, as
/// [`query_words`] gives them). No words match everything.
pub fn contains_all(haystack_normalized: &str, words: &[String]) -> bool {
    words
        .iter()
        .all(|w| haystack_normalized.contains(w.as_str()))
}

/// Whether a normalised text matches a query as typed: every word of the
/// query, normalised, occurs in it.
pub fn matches(haystack_normalized: &str, query: &str) -> bool {
    contains_all(haystack_normalized, &query_words(query))
}

/// Whether every text matching `narrower` also matches `wider`: each word
/// of `wider` occurs inside some word of `narrower`. Lets a search that
/// grows as the reader types check only what the last one let through.
pub fn narrows(narrower: &[String], wider: &[String]) -> bool {
    wider
        .iter()
        .all(|w| narrower.iter().any(|n| n.contains(w.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(normalize("  Deir ez-Zor, (SYRIA)!  "), "deir ez zor syria");
        assert_eq!(normalize("Ḥomṣ — Qudsāyā"), "homs qudsaya");
        assert_eq!(normalize("Straße Œuvre"), "strasse oeuvre");
        assert_eq!(normalize("Ma'arrat al-Nu\u{2019}man"), "maarrat al numan");
        // A decomposed é is a plain e plus a combining accent.
        assert_eq!(normalize("Cafe\u{0301}"), "cafe");
        assert_eq!(normalize("İdlib"), "idlib");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("—"), "");
    }

    #[test]
    fn folds_arabic_spelling_variants() {
        assert_eq!(normalize("قُدْسَيّا"), "قدسيا");
        assert_eq!(normalize("المحطة الثالثة"), "المحطه الثالثه");
        assert_eq!(normalize("إدلب"), "ادلب");
        assert_eq!(normalize("كبـــاجب"), "كباجب");
        assert_eq!(normalize("دير الزّور"), "دير الزور");
        assert_eq!(normalize("مُصطفى"), "مصطفي");
        assert_eq!(normalize("مسؤول، رئيس"), "مسوول رييس");
        assert_eq!(normalize("٢٠٢٢/٠١/٠٣"), "2022 01 03");
        assert_eq!(normalize("۱۲"), "12");
        assert_eq!(normalize("\u{200F}حلب\u{200C}"), "حلب");
    }

    #[test]
    fn appends_with_one_space_between_texts() {
        let mut buf = String::new();
        normalize_into("Bus ambush", &mut buf);
        normalize_into("", &mut buf);
        normalize_into("  near T3 ", &mut buf);
        normalize_into("قرب المحطة", &mut buf);
        assert_eq!(buf, "bus ambush near t3 قرب المحطه");
    }

    #[test]
    fn every_query_word_must_occur() {
        let hay = normalize("Bus ambush near the T3 pumping station, Homs desert");
        assert!(matches(&hay, "t3 BUS"));
        assert!(matches(&hay, "pump"), "a word matches inside a longer one");
        assert!(!matches(&hay, "bus kabajeb"));
        assert!(matches(&hay, "  "), "an empty query matches everything");
        let ar = normalize("كمين لحافلة قرب المحطة الثالثة في بادية حمص");
        assert!(matches(&ar, "المحطه الثالثه"));
        assert!(
            matches(&ar, "حافلة"),
            "attached prepositions do not hide a word"
        );
        assert!(!matches(&ar, "حافلة دير"));
    }

    #[test]
    fn the_pairs_readers_type_differently_match_both_ways() {
        let pairs = [
            ("قدسيا", "قُدْسَيّا"),
            ("المحطة الثالثة", "المحطه الثالثه"),
            ("إدلب", "ادلب"),
            ("كباجب", "كبـــاجب"),
            ("دير الزور", "دير الزّور"),
            ("Deir ez-Zor", "deir ez zor"),
        ];
        for (a, b) in pairs {
            assert!(matches(&normalize(a), b), "{a} ∋ {b}");
            assert!(matches(&normalize(b), a), "{b} ∋ {a}");
        }
    }

    /// `n` distinct words of four letters: none contains another.
    fn distinct_words(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                (0..4)
                    .map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_query_keeps_at_most_max_query_words_in_the_order_typed() {
        let words = distinct_words(30_000);
        let query = words.join(" ");
        let started = std::time::Instant::now();
        let kept = query_words(&query);
        eprintln!(
            "query_words, 30,000 distinct words: {:?}",
            started.elapsed()
        );
        assert_eq!(kept.len(), MAX_QUERY_WORDS);
        // All the same length, so the first ones typed, in order.
        assert_eq!(kept, words[..MAX_QUERY_WORDS]);
        // Repeats do not use up the cap; a contained word does ("bus" in
        // "ambush"), then is dropped.
        let padded = format!("{} {}", "bus ambush ".repeat(1000), words[..40].join(" "));
        let kept = query_words(&padded);
        assert_eq!(kept.len(), MAX_QUERY_WORDS - 1);
        assert_eq!(kept[0], "ambush");
        assert_eq!(kept[1..], words[..MAX_QUERY_WORDS - 2]);
    }

    #[test]
    fn query_words_drop_repeats_and_contained_words() {
        assert_eq!(query_words("bus Bus attack at"), vec!["attack", "bus"]);
        // "bus" occurs in "ambush", so "ambush" alone says it all.
        assert_eq!(query_words("bus ambush"), vec!["ambush"]);
        assert!(query_words(" ، . ").is_empty());
        let typed = query_words("deir ez");
        let more = query_words("deir ez zor");
        assert!(narrows(&more, &typed));
        assert!(narrows(&query_words("buses"), &query_words("bus")));
        assert!(!narrows(&typed, &more));
    }
}
