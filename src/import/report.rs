//! What an import did with every row: loaded, left out (outside the map),
//! or skipped with a located reason.

use std::collections::BTreeMap;
use std::fmt;

/// A problem in one row, located by spreadsheet row (the header is row 1)
/// and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: Option<String>,
    pub message: String,
}

impl RowProblem {
    pub fn new(row: usize, column: Option<&str>, message: impl Into<String>) -> RowProblem {
        RowProblem {
            row,
            column: column.map(str::to_owned),
            message: message.into(),
        }
    }
}

impl fmt::Display for RowProblem {
    /// `row 214, column event_date: "31/02/2021" is not a date`
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.column {
            Some(c) => write!(f, "row {}, column {}: {}", self.row, c, self.message),
            None => write!(f, "row {}: {}", self.row, self.message),
        }
    }
}

/// At most this many problems are kept with their text; the rest are
/// counted (a file of a million bad rows must not fill memory).
pub const KEPT_PROBLEMS: usize = 10_000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The format the file was read as ("ACLED", "UCDP GED", …).
    pub format: String,
    /// Data rows read (the header not counted).
    pub rows: usize,
    pub loaded: usize,
    /// Rows outside the map's country, by country as the file names it.
    pub left_out: BTreeMap<String, usize>,
    /// The country rows were kept to, if any ("Syria").
    pub kept_to: Option<String>,
    pub skipped: usize,
    /// Why rows were skipped (the first [`KEPT_PROBLEMS`]).
    pub skip_reasons: Vec<RowProblem>,
    /// Rows loaded with a change or a doubt worth knowing (renamed
    /// duplicate ids, swapped coordinates put right…).
    pub warnings: Vec<RowProblem>,
    pub warning_count: usize,
}

impl ImportReport {
    pub fn skip(&mut self, problem: RowProblem) {
        self.skipped += 1;
        if self.skip_reasons.len() < KEPT_PROBLEMS {
            self.skip_reasons.push(problem);
        }
    }

    pub fn warn(&mut self, problem: RowProblem) {
        self.warning_count += 1;
        if self.warnings.len() < KEPT_PROBLEMS {
            self.warnings.push(problem);
        }
    }

    pub fn leave_out(&mut self, country: &str) {
        let name = if country.trim().is_empty() {
            "outside the map".to_owned()
        } else {
            country.trim().to_owned()
        };
        *self.left_out.entry(name).or_insert(0) += 1;
    }

    pub fn left_out_total(&self) -> usize {
        self.left_out.values().sum()
    }

    /// Every row is accounted for.
    pub fn balances(&self) -> bool {
        self.loaded + self.left_out_total() + self.skipped == self.rows
    }

    /// "3,912 rows outside Syria were left out: Iraq 1,630, Yemen 904, …"
    /// (largest first), or `None` when none were.
    pub fn left_out_notice(&self) -> Option<String> {
        let total = self.left_out_total();
        if total == 0 {
            return None;
        }
        let mut by_count: Vec<(&String, &usize)> = self.left_out.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = by_count
            .iter()
            .take(5)
            .map(|(c, n)| format!("{c} {}", thousands(**n)))
            .collect();
        let more = if by_count.len() > 5 { ", …" } else { "" };
        let place = self.kept_to.as_deref().unwrap_or("the map");
        let rows = if total == 1 { "row" } else { "rows" };
        let were = if total == 1 { "was" } else { "were" };
        Some(format!(
            "{} {rows} outside {place} {were} left out: {}{more}",
            thousands(total),
            shown.join(", ")
        ))
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(
            f,
            "{}: {} rows read, {} loaded, {} left out, {} skipped",
            self.format,
            thousands(self.rows),
            thousands(self.loaded),
            thousands(self.left_out_total()),
            thousands(self.skipped)
        )?;
        if let Some(notice) = self.left_out_notice() {
            writeln!(f, "{notice}")?;
        }
        for p in &self.skip_reasons {
            writeln!(f, "skipped: {p}")?;
        }
        if self.skipped > self.skip_reasons.len() {
            writeln!(
                f,
                "… and {} more skipped rows",
                self.skipped - self.skip_reasons.len()
            )?;
        }
        for p in &self.warnings {
            writeln!(f, "note: {p}")?;
        }
        if self.warning_count > self.warnings.len() {
            writeln!(
                f,
                "… and {} more notes",
                self.warning_count - self.warnings.len()
            )?;
        }
        Ok(())
    }
}

/// 1234567 → "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_problem_reads_like_a_sentence() {
        let p = RowProblem::new(214, Some("event_date"), "\"31/02/2021\" is not a date");
        assert_eq!(
            p.to_string(),
            "row 214, column event_date: \"31/02/2021\" is not a date"
        );
    }

    #[test]
    fn left_out_notice_lists_largest_first() {
        let mut r = ImportReport {
            kept_to: Some("Syria".into()),
            ..ImportReport::default()
        };
        for _ in 0..1630 {
            r.leave_out("Iraq");
        }
        for _ in 0..904 {
            r.leave_out("Yemen");
        }
        assert_eq!(
            r.left_out_notice().as_deref(),
            Some("2,534 rows outside Syria were left out: Iraq 1,630, Yemen 904")
        );
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }
}
