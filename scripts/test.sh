#!/usr/bin/env bash
# Sets up what the tests need, then runs every check: formatting, clippy
# (native and wasm), native tests, a short fuzzing run, the release build,
# and the browser tests in Debian's Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$REPO_ROOT/scripts/setup.sh" --tests
cd "$REPO_ROOT"

log "cargo fmt --check"
cargo fmt --all -- --check

log "cargo clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings

log "native tests"
cargo test

# The fuzzer (fuzz/, its own crate; docs/fuzzing.md): lint it, then a
# short coverage-guided run of every target (20 s each), two minutes in all.
log "fuzzer: fmt, clippy, short run"
(cd fuzz && cargo fmt --all -- --check && cargo clippy --all-targets -- -D warnings)
scripts/fuzz.sh --seconds 20

log "release build, with the browser tests' inspection hooks"
trunk build --release --features test-hooks

log "browser tests (Chromium at $CHROMIUM)"
npx playwright test --config tests/browser/playwright.config.mjs
