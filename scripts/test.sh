#!/usr/bin/env bash
# Sets up what the tests need, then runs every check: formatting, clippy
# (native and wasm), native tests, the release build, and the browser tests
# in Debian's Chromium.
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

log "release build, with the browser tests' inspection hooks"
trunk build --release --features test-hooks

log "browser tests (Chromium at $CHROMIUM)"
npx playwright test --config tests/browser/playwright.config.mjs
