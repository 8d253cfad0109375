//! Decoding the document's shape into the loose `format` types, locating
//! every entry that does not decode.

use serde::Deserialize;
use serde_json::Value;

use crate::dataset::format::*;
use crate::dataset::message::{JsonKind, Message};
use crate::dataset::problem::Problem;

/// Decodes the document's shape. When the fast typed decode fails, each
/// entry is decoded on its own so that every malformed entry is reported,
/// not just the first.
pub(super) fn decode(json: &str) -> Result<RawDataset<'_>, Vec<Problem>> {
    // The plain decode is twice as fast as the path-tracking one, which is
    // only needed to locate a failure.
    let refused = match serde_json::from_str::<RawDataset>(json) {
        Ok(raw) => return Ok(raw),
        Err(e) => e,
    };
    // Errors are located on the parsed `Value`, never on the text: a
    // path-tracking decoder over the text would be a second copy of every
    // derived decoder in the wasm, and the per-entry decodes below need
    // the `Value` ones anyway.
    let value: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return Err(vec![syntax_problem(&e)]),
    };
    let Value::Object(top) = &value else {
        return Err(vec![Problem::error("", Message::NotAnObject)]);
    };
    let mut problems = Vec::new();
    if let Some(meta) = top.get("meta") {
        decode_part::<RawMeta>(meta, "meta".into(), &mut problems);
    }
    for key in ["patterns", "actors", "claimants", "sources", "incidents"] {
        match top.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let path = format!("{key}[{i}]");
                    match key {
                        "patterns" => decode_part::<RawPattern>(item, path, &mut problems),
                        "actors" => decode_part::<RawNamed>(item, path, &mut problems),
                        "claimants" => decode_part::<RawClaimant>(item, path, &mut problems),
                        "sources" => decode_part::<RawSource>(item, path, &mut problems),
                        _ => decode_part::<RawIncident>(item, path, &mut problems),
                    }
                }
            }
            Some(other) => problems.push(Problem::error(
                key,
                Message::NotAList {
                    got: JsonKind::of(other),
                },
            )),
        }
    }
    if problems.is_empty() {
        // The parts decode alone but not together (a top-level field):
        // locate it by decoding the whole `Value`.
        decode_part::<RawDataset>(&value, String::new(), &mut problems);
    }
    if problems.is_empty() {
        // Not expected (the text and its `Value` decode alike), but a
        // refused dataset always says why: serde's finding, by line.
        problems.push(Problem::error(
            format!("line {}, column {}", refused.line(), refused.column()),
            Message::Shape {
                detail: plain(&refused),
            },
        ));
    }
    Err(problems)
}

fn decode_part<'a, T: Deserialize<'a>>(value: &'a Value, path: String, out: &mut Vec<Problem>) {
    if let Err(e) = serde_path_to_error::deserialize::<_, T>(value) {
        let inner = e.path().to_string();
        let full = if inner == "." {
            path
        } else if path.is_empty() {
            inner
        } else {
            format!("{path}.{inner}")
        };
        out.push(Problem::error(
            full,
            Message::Shape {
                detail: plain(e.inner()),
            },
        ));
    }
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    Problem::error(
        format!("line {}, column {}", e.line(), e.column()),
        Message::NotJson { detail: plain(e) },
    )
}

/// serde's message without its own "at line … column …" suffix, with its
/// Rust-flavoured type names put in a reader's words.
fn plain(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    msg.replace("invalid type: ", "expected ")
        .replace("expected string, expected", "expected text, got")
        .replace(", expected a string", " where text was expected")
        .replace(", expected f64", " where a number was expected")
        .replace(", expected a sequence", " where a list was expected")
        .replace("expected a sequence", "expected a list")
}
