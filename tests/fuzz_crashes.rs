//! Every input that ever crashed the fuzzer (fuzz/crashes/<target>/), and
//! the fuzzer's seeds, run through the same target functions the fuzzer
//! uses (fuzz/src/targets.rs, compiled here as a module), natively. A file
//! that panics again is a regression. See docs/fuzzing.md.

#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.is_file());
    paths.sort();
    paths
}

/// The crashers waiting for a fix elsewhere (fuzz/crashes/PENDING).
fn pending(root: &Path) -> Vec<PathBuf> {
    std::fs::read_to_string(root.join("PENDING"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .map(|p| root.join(p))
        .collect()
}

/// Runs every file of `fuzz/<folder>/<target>/` through its target and
/// names each one that panics, except those listed as pending. Returns
/// how many files ran.
fn replay(folder: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(folder);
    let pending = pending(&root);
    let mut ran = 0;
    let mut failed = Vec::new();
    for (name, target) in targets::TARGETS {
        for path in files(&root.join(name)) {
            let input = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let crashed = std::panic::catch_unwind(|| target(&input)).is_err();
            match (crashed, pending.contains(&path)) {
                (true, false) => failed.push(path.display().to_string()),
                (true, true) => eprintln!("pending a fix: {}", path.display()),
                (false, true) => eprintln!(
                    "{} passes now: remove its line from fuzz/crashes/PENDING",
                    path.display()
                ),
                (false, false) => {}
            }
            ran += 1;
        }
    }
    for path in &pending {
        assert!(
            path.is_file(),
            "PENDING lists a missing file {}",
            path.display()
        );
    }
    assert!(failed.is_empty(), "these inputs panic: {failed:#?}");
    ran
}

#[test]
fn no_crasher_crashes_again() {
    let ran = replay("crashes");
    // The reproducers at least: one dataset, two basemaps.
    assert!(ran >= 3, "only {ran} crashers found");
}

#[test]
fn every_seed_passes_every_check() {
    let ran = replay("seeds");
    assert!(ran >= targets::TARGETS.len(), "only {ran} seeds found");
}
