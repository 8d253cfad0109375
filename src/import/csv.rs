//! A streaming CSV/TSV reader (RFC 4180 plus what spreadsheets write).
//!
//! Bytes go in chunk by chunk ([`CsvReader::feed`]) and records come out as
//! soon as they are complete, so a large file never has to be in memory and
//! the app can show progress. It never fails: a stray quote is kept as
//! text and an unterminated quote ends the file with a flagged record, so
//! the importer can say where the problem is.

/// One record: its fields, where it starts, and what was odd about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    text: String,
    ends: Vec<usize>,
    /// The spreadsheet row: the header is row 1. Differs from the line
    /// when quoted fields hold line breaks.
    pub row: usize,
    /// The physical line the record starts on (1-based).
    pub line: usize,
    /// The record had bytes that are not UTF-8 (replaced by U+FFFD).
    pub invalid_utf8: bool,
    /// The file ended inside a quoted field.
    pub unterminated_quote: bool,
}

impl Record {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The field at `i`, or `None` past the end (ragged rows are common).
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? };
        self.text.get(start..end)
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// A record built from fields, for tests and previews.
    pub fn from_fields<'a>(fields: impl IntoIterator<Item = &'a str>, row: usize) -> Record {
        let mut r = Record {
            row,
            line: row,
            ..Record::default()
        };
        for f in fields {
            r.text.push_str(f);
            r.ends.push(r.text.len());
        }
        r
    }

    /// A blank line: one empty field.
    fn is_blank(&self) -> bool {
        self.ends.len() == 1 && self.text.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: either a doubled quote or the end.
    QuoteInQuoted,
    /// After a CR that ended a record: a following LF belongs to it.
    AfterCr,
}

/// The streaming reader. Until the header line is complete it holds the
/// bytes back, to strip a byte-order mark and guess the separator.
#[derive(Debug)]
pub struct CsvReader {
    separator: Option<u8>,
    pending: Option<Vec<u8>>,
    /// How far `pending` has been searched for the header's end, and
    /// whether a quote was open there: each chunk is scanned once, so a
    /// long first line fed in small pieces stays linear.
    header_scan: HeaderScan,
    state: State,
    bytes: Vec<u8>,
    ends: Vec<usize>,
    row: usize,
    line: usize,
    record_line: usize,
    in_record: bool,
    utf16: bool,
}

/// Separators recognised when none is given.
pub const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

impl CsvReader {
    /// `separator`: `None` to guess it from the header line.
    pub fn new(separator: Option<u8>) -> CsvReader {
        CsvReader {
            separator,
            pending: Some(Vec::new()),
            header_scan: HeaderScan::default(),
            state: State::FieldStart,
            bytes: Vec::new(),
            ends: Vec::new(),
            row: 0,
            line: 1,
            record_line: 1,
            in_record: false,
            utf16: false,
        }
    }

    /// The separator in use (known once the header line has been read).
    pub fn separator(&self) -> Option<u8> {
        if self.pending.is_some() {
            None
        } else {
            self.separator
        }
    }

    /// The file starts with a UTF-16 byte-order mark, which this reader
    /// does not decode (spreadsheets offer "CSV UTF-8" instead).
    pub fn is_utf16(&self) -> bool {
        self.utf16
    }

    /// Feeds the next bytes; calls `on_record` for every complete record.
    pub fn feed(&mut self, chunk: &[u8], on_record: &mut dyn FnMut(&Record)) {
        if let Some(pending) = self.pending.as_mut() {
            pending.extend_from_slice(chunk);
            if !self.header_scan.complete(pending) {
                return;
            }
            self.start(on_record);
            return;
        }
        self.run(chunk, on_record);
    }

    /// Ends the input: emits the last record if it had no line break.
    pub fn finish(&mut self, on_record: &mut dyn FnMut(&Record)) {
        if self.pending.is_some() {
            self.start(on_record);
        }
        if self.utf16 {
            return;
        }
        let unterminated = matches!(self.state, State::Quoted);
        if self.in_record {
            self.end_field();
            self.emit(unterminated, on_record);
        }
        self.state = State::FieldStart;
    }

    fn start(&mut self, on_record: &mut dyn FnMut(&Record)) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        if pending.starts_with(&[0xFF, 0xFE]) || pending.starts_with(&[0xFE, 0xFF]) {
            self.utf16 = true;
        }
        if self.utf16 {
            return;
        }
        // A file saved twice by a tool that adds a byte-order mark carries
        // two: none of them is part of the first column's name.
        let mut body: &[u8] = &pending;
        while let Some(rest) = body.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            body = rest;
        }
        if self.separator.is_none() {
            self.separator = Some(sniff_separator(body));
        }
        self.run(body, on_record);
    }

    fn run(&mut self, chunk: &[u8], on_record: &mut dyn FnMut(&Record)) {
        if self.utf16 {
            return;
        }
        let sep = self.separator.unwrap_or(b',');
        let mut i = 0;
        while i < chunk.len() {
            let b = chunk[i];
            match self.state {
                State::Unquoted => {
                    // Fast path: copy up to the next byte that matters.
                    let rest = &chunk[i..];
                    let n = rest
                        .iter()
                        .position(|&c| c == sep || c == b'\n' || c == b'\r')
                        .unwrap_or(rest.len());
                    self.bytes.extend_from_slice(&rest[..n]);
                    i += n;
                    if let Some(&c) = chunk.get(i) {
                        self.delimiter(c, sep, on_record);
                        i += 1;
                    }
                    continue;
                }
                State::Quoted => {
                    let rest = &chunk[i..];
                    let n = rest.iter().position(|&c| c == b'"').unwrap_or(rest.len());
                    self.line += rest[..n].iter().filter(|&&c| c == b'\n').count();
                    self.bytes.extend_from_slice(&rest[..n]);
                    i += n;
                    if i < chunk.len() {
                        self.state = State::QuoteInQuoted;
                        i += 1;
                    }
                    continue;
                }
                State::AfterCr => {
                    self.state = State::FieldStart;
                    if b == b'\n' {
                        i += 1;
                        continue;
                    }
                }
                State::QuoteInQuoted => {
                    if b == b'"' {
                        self.bytes.push(b'"');
                        self.state = State::Quoted;
                    } else if b == sep || b == b'\n' || b == b'\r' {
                        self.delimiter(b, sep, on_record);
                    } else {
                        // Text after a closing quote: keep it, leniently.
                        self.bytes.push(b);
                        self.state = State::Unquoted;
                    }
                    i += 1;
                    continue;
                }
                State::FieldStart => {}
            }
            // FieldStart
            if !self.in_record {
                self.in_record = true;
                self.record_line = self.line;
            }
            if b == b'"' {
                self.state = State::Quoted;
            } else if b == sep || b == b'\n' || b == b'\r' {
                self.delimiter(b, sep, on_record);
            } else {
                self.bytes.push(b);
                self.state = State::Unquoted;
            }
            i += 1;
        }
    }

    fn delimiter(&mut self, b: u8, sep: u8, on_record: &mut dyn FnMut(&Record)) {
        if !self.in_record {
            self.in_record = true;
            self.record_line = self.line;
        }
        self.end_field();
        if b == sep {
            self.state = State::FieldStart;
            return;
        }
        self.emit(false, on_record);
        self.line += 1;
        self.state = if b == b'\r' {
            State::AfterCr
        } else {
            State::FieldStart
        };
    }

    fn end_field(&mut self) {
        self.ends.push(self.bytes.len());
    }

    fn emit(&mut self, unterminated: bool, on_record: &mut dyn FnMut(&Record)) {
        let bytes = std::mem::take(&mut self.bytes);
        let (text, invalid_utf8) = match String::from_utf8(bytes) {
            Ok(s) => (s, false),
            Err(e) => {
                // Offsets move when bytes are replaced: rebuild field by field.
                let raw = e.into_bytes();
                let mut text = String::with_capacity(raw.len());
                let mut start = 0;
                for end in self.ends.iter_mut() {
                    let field = raw.get(start..*end).unwrap_or_default();
                    text.push_str(&String::from_utf8_lossy(field));
                    start = *end;
                    *end = text.len();
                }
                (text, true)
            }
        };
        let record = Record {
            text,
            ends: std::mem::take(&mut self.ends),
            row: self.row + 1,
            line: self.record_line,
            invalid_utf8,
            unterminated_quote: unterminated,
        };
        self.in_record = false;
        if !record.is_blank() {
            self.row += 1;
            on_record(&record);
        }
        // Reuse the buffers' capacity for the next record.
        let Record {
            mut text, mut ends, ..
        } = record;
        text.clear();
        ends.clear();
        self.bytes = text.into_bytes();
        self.ends = ends;
    }
}

/// True once the bytes hold a line break outside quotes.
/// The search for the end of the header line (a line break outside
/// quotes), resumed where the last chunk left it.
#[derive(Clone, Copy, Debug, Default)]
struct HeaderScan {
    scanned: usize,
    quoted: bool,
}

impl HeaderScan {
    fn complete(&mut self, bytes: &[u8]) -> bool {
        for &b in bytes.get(self.scanned..).unwrap_or_default() {
            self.scanned += 1;
            match b {
                b'"' => self.quoted = !self.quoted,
                b'\n' | b'\r' if !self.quoted => return true,
                _ => {}
            }
        }
        false
    }
}

/// The separator of a file from its first line: the candidate that occurs
/// most often outside quotes (comma when none does or on a tie).
pub fn sniff_separator(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; SEPARATORS.len()];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(k) = SEPARATORS.iter().position(|&s| s == b) {
                    counts[k] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for k in 1..counts.len() {
        if counts[k] > counts[best] {
            best = k;
        }
    }
    SEPARATORS[best]
}

/// Reads a whole text at once (tests, previews, small files).
pub fn read_all(bytes: &[u8], separator: Option<u8>) -> Vec<Record> {
    let mut out = Vec::new();
    let mut reader = CsvReader::new(separator);
    reader.feed(bytes, &mut |r| out.push(r.clone()));
    reader.finish(&mut |r| out.push(r.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(records: &[Record]) -> Vec<Vec<&str>> {
        records.iter().map(|r| r.fields().collect()).collect()
    }

    #[test]
    fn reads_quotes_doubled_quotes_and_line_breaks() {
        let text = "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n";
        let records = read_all(text.as_bytes(), None);
        assert_eq!(
            fields(&records),
            vec![
                vec!["a", "b", "c"],
                vec!["1", "x, y", "say \"hi\""],
                vec!["2", "two\nlines", "z"]
            ]
        );
        assert_eq!(records[2].row, 3);
        assert_eq!(records[2].line, 3);
    }

    #[test]
    fn strips_bom_and_handles_crlf_cr_and_missing_final_break() {
        let text = "\u{feff}a;b\r\n1;2\r3;4";
        let records = read_all(text.as_bytes(), None);
        assert_eq!(
            fields(&records),
            vec![vec!["a", "b"], vec!["1", "2"], vec!["3", "4"]]
        );
    }

    #[test]
    fn strips_every_leading_bom() {
        // Found by the fuzzer: a second mark stayed in the first name.
        let text = "\u{feff}\u{feff}date,lat\n1,2\n";
        let records = read_all(text.as_bytes(), None);
        assert_eq!(fields(&records), vec![vec!["date", "lat"], vec!["1", "2"]]);
    }

    #[test]
    fn a_header_fed_in_pieces_reads_as_a_whole() {
        // A quoted line break does not end the header; the scan resumes
        // where each piece left it, inside or outside quotes.
        let text = b"\"a\nb\";c\n1;2\n";
        let mut reader = CsvReader::new(None);
        let mut out = Vec::new();
        for piece in text.chunks(1) {
            reader.feed(piece, &mut |r| {
                out.push(r.fields().map(str::to_owned).collect::<Vec<_>>())
            });
        }
        reader.finish(&mut |r| out.push(r.fields().map(str::to_owned).collect()));
        assert_eq!(out, vec![vec!["a\nb", "c"], vec!["1", "2"]]);
        assert_eq!(
            fields(&read_all(text, None)),
            vec![vec!["a\nb", "c"], vec!["1", "2"]]
        );
    }

    #[test]
    fn sniffs_comma_semicolon_and_tab() {
        assert_eq!(sniff_separator(b"a,b,c\n"), b',');
        assert_eq!(sniff_separator(b"a;b;\"c,d,e\"\n"), b';');
        assert_eq!(sniff_separator(b"a\tb\tc"), b'\t');
        assert_eq!(sniff_separator(b"single"), b',');
    }

    #[test]
    fn the_same_records_whatever_the_chunking() {
        let text = "\u{feff}h1,h2\r\n\"a\"\"b\",\"c\r\nd\"\r\n\r\n1,2\r\n";
        let whole = read_all(text.as_bytes(), None);
        for size in 1..8 {
            let mut out = Vec::new();
            let mut reader = CsvReader::new(None);
            for chunk in text.as_bytes().chunks(size) {
                reader.feed(chunk, &mut |r| out.push(r.clone()));
            }
            reader.finish(&mut |r| out.push(r.clone()));
            assert_eq!(out, whole, "chunks of {size}");
        }
        assert_eq!(whole.len(), 3, "the blank line is not a record");
        assert_eq!(whole[2].line, 5);
    }

    #[test]
    fn flags_unterminated_quotes_and_bad_utf8_without_panicking() {
        let records = read_all(b"a,b\n1,\"open", None);
        assert!(records[1].unterminated_quote);
        assert_eq!(records[1].get(1), Some("open"));
        let records = read_all(b"a,b\n\xff\xfe,ok\n", None);
        assert!(records[1].invalid_utf8);
        assert_eq!(records[1].get(1), Some("ok"));
        assert!(read_all(b"\xff\xfea\0,\0b\0", None).is_empty());
        let mut reader = CsvReader::new(None);
        reader.feed(b"\xff\xfea\0\n\0", &mut |_| {});
        assert!(reader.is_utf16());
    }

    #[test]
    fn never_panics_on_arbitrary_bytes() {
        // A cheap deterministic fuzz: every byte pattern of a small alphabet.
        let alphabet = [b'"', b',', b'\n', b'\r', b'a', 0xC3, 0xA9, 0xFF];
        let mut state: u64 = 7;
        for _ in 0..3000 {
            let mut bytes = Vec::new();
            for _ in 0..(state % 17) {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                bytes.push(alphabet[(state >> 33) as usize % alphabet.len()]);
            }
            for r in read_all(&bytes, None) {
                for f in r.fields() {
                    assert!(f.len() <= bytes.len() * 3);
                }
            }
        }
    }
}
