#!/usr/bin/env bash
# Installs what is missing to build (and with --tests, to test) the app.
# Safe to run again: each step is skipped when already at the right version.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

with_tests=0
[[ "${1:-}" == "--tests" ]] && with_tests=1

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# cargo install, with the crate's own lock file when it still resolves
# (some pinned dependencies get yanked), else without it.
cargo_install() {
  cargo install --locked "$@" || cargo install "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (a cold build takes about 12 minutes on 2 cores)"
  cargo_install trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
  log "installing wasm-bindgen-cli $bindgen_version"
  cargo_install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# npm: binaryen (wasm-opt for trunk), Playwright and axe for the tests.
if ! npm ls --depth=0 >/dev/null 2>&1 || [[ ! -x node_modules/.bin/wasm-opt ]]; then
  log "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund
fi

if [[ $with_tests -eq 1 && ! -x "$CHROMIUM" ]]; then
  log "installing Debian's chromium for the browser tests"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
