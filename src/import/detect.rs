//! Recognising a file's format by its content, then by its extension.

use super::{acled, ucdp, Columns};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Acled,
    Ucdp,
    GeoJson,
    /// Any other CSV/TSV, read through a column mapping.
    Spreadsheet,
    /// The atlas's own dataset JSON.
    Dataset,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Acled => "ACLED",
            Format::Ucdp => "UCDP GED",
            Format::GeoJson => "GeoJSON",
            Format::Spreadsheet => "spreadsheet",
            Format::Dataset => "Incident Atlas dataset",
        }
    }

    /// The spelling of `--format`.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "acled" => Some(Format::Acled),
            "ucdp" | "ged" | "ucdp-ged" => Some(Format::Ucdp),
            "geojson" => Some(Format::GeoJson),
            "csv" | "tsv" | "sheet" | "spreadsheet" => Some(Format::Spreadsheet),
            "json" | "dataset" => Some(Format::Dataset),
            _ => None,
        }
    }
}

/// A CSV file's flavour from its header: ACLED or UCDP when at least three
/// of their telltale columns are there.
pub fn csv_format(columns: &Columns) -> Format {
    let score = |names: &[&str]| names.iter().filter(|n| columns.has(n)).count();
    let a = score(&acled::TELLTALE);
    let u = score(&ucdp::TELLTALE);
    if a >= 3 && a >= u {
        Format::Acled
    } else if u >= 3 {
        Format::Ucdp
    } else {
        Format::Spreadsheet
    }
}

/// The format of a file: JSON by its first character (a dataset has
/// `"format": "incident-atlas"`, GeoJSON a `"type"`), anything else is
/// CSV/TSV. The extension only decides when the content cannot.
pub fn detect(bytes: &[u8], file_name: Option<&str>) -> Format {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let head = &body[..body.len().min(4096)];
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') || first == Some(&b'[') {
        let text = String::from_utf8_lossy(head);
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.contains("\"format\":\"incident-atlas\"") {
            return Format::Dataset;
        }
        if compact.contains("\"type\":\"FeatureCollection\"")
            || compact.contains("\"type\":\"Feature\"")
            || compact.contains("\"features\":")
        {
            return Format::GeoJson;
        }
        let ext = file_name
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_ascii_lowercase());
        return match ext.as_deref() {
            Some("geojson") => Format::GeoJson,
            _ => Format::Dataset,
        };
    }
    // The CSV flavour is decided by the header once it is read.
    let records = super::csv::read_all(first_line(body), None);
    match records.first() {
        Some(header) => csv_format(&Columns::new(header)),
        None => Format::Spreadsheet,
    }
}

fn first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(bytes.len());
    &bytes[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_by_content() {
        assert_eq!(
            detect(
                b"{\"format\": \"incident-atlas\", \"version\": 1}",
                Some("x.txt")
            ),
            Format::Dataset
        );
        assert_eq!(
            detect(
                b"{ \"type\": \"FeatureCollection\", \"features\": [] }",
                Some("a.json")
            ),
            Format::GeoJson
        );
        assert_eq!(detect(b"{}", Some("a.geojson")), Format::GeoJson);
        assert_eq!(
            detect(b"\xEF\xBB\xBFevent_id_cnty,event_date,sub_event_type,geo_precision,time_precision\n", Some("a.txt")),
            Format::Acled
        );
        assert_eq!(
            detect(
                b"id;date_start;type_of_violence;where_prec;date_prec;best\n",
                None
            ),
            Format::Ucdp
        );
        assert_eq!(
            detect("التاريخ,المكان\n".as_bytes(), Some("x.csv")),
            Format::Spreadsheet
        );
    }
}
