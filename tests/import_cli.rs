//! The `atlas` command: exit codes, messages, and no half-written output.

use std::path::PathBuf;
use std::process::Command;

fn atlas(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

const ACLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/acled.csv"
);

#[test]
fn import_writes_a_valid_dataset_and_reports_every_row() {
    let out = temp("acled.json");
    let (code, _, err) = atlas(&["import", ACLED, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("9 rows read, 5 loaded, 2 left out, 2 skipped"),
        "{err}"
    );
    assert!(
        err.contains("2 rows outside Syria were left out: Iraq 1, Yemen 1"),
        "{err}"
    );
    assert!(
        err.contains("row 6, column event_date: \"31/02/2021\" is not a date"),
        "{err}"
    );
    let (code, stdout, _) = atlas(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("valid, 5 incidents"), "{stdout}");
    // And it exports.
    let csv = temp("acled-export.csv");
    let (code, _, err) = atlas(&[
        "export",
        out.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&csv)
        .unwrap()
        .starts_with(b"\xEF\xBB\xBFid,date"));
}

#[test]
fn validate_lists_located_problems_and_fails() {
    let (code, stdout, _) = atlas(&["validate", ACLED]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("skipped: row 8, column latitude: no coordinate given"),
        "{stdout}"
    );
    let bad = temp("bad.json");
    std::fs::write(&bad, r#"{"format":"incident-atlas","version":1,"meta":{"title":{"en":"t"}},"incidents":[{"id":"a"}]}"#).unwrap();
    let (code, stdout, _) = atlas(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error: incidents[0].title: is missing"),
        "{stdout}"
    );
}

#[test]
fn a_failed_import_leaves_no_output_and_bad_arguments_exit_2() {
    let empty = temp("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let out = temp("never.json");
    let (code, _, err) = atlas(&[
        "import",
        empty.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("no header row"), "{err}");
    assert!(!out.exists());
    let (code, _, err) = atlas(&["import", "/no/such/file.csv", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /no/such/file.csv"), "{err}");
    assert_eq!(atlas(&["import", ACLED]).0, 2, "no -o");
    assert_eq!(
        atlas(&["import", ACLED, "--country", "IQ", "-o", "x.json"]).0,
        2
    );
    assert_eq!(atlas(&["frobnicate"]).0, 2);
    let (code, _, err) = atlas(&["import", ACLED, "-o", "/no/such/dir/out.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot write /no/such/dir/out.json"), "{err}");
}
