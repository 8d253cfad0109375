//! CSV export: UTF-8 with a byte-order mark (so that Excel reads Arabic
//! correctly), CRLF line ends, fields quoted when they need it.

use super::table;
use crate::dataset::Dataset;

fn push_field(out: &mut String, field: &str) {
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    let formula = field.starts_with(['=', '+', '@'])
        || (field.starts_with('-') && field.parse::<f64>().is_err());
    let needs_quotes = formula || field.contains([',', '"', '\n', '\r', ';', '\t']);
    if needs_quotes {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn push_row(out: &mut String, row: &[String]) {
    for (k, f) in row.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_field(out, f);
    }
    out.push_str("\r\n");
}

/// The incidents at `shown` as CSV text, starting with the BOM.
pub fn to_csv(dataset: &Dataset, shown: &[usize]) -> String {
    let t = table(dataset, shown);
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &t.header);
    for row in &t.rows {
        push_row(&mut out, row);
    }
    out
}
