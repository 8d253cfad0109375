#!/usr/bin/env bash
# Fuzzes the targets in fuzz/ (docs/fuzzing.md), coverage-guided through
# LLVM SanitizerCoverage on stable Rust, with overflow checks on.
#
#   scripts/fuzz.sh                       every target, 30 s each
#   scripts/fuzz.sh --minutes 30 dataset  one target, 30 minutes
#   scripts/fuzz.sh --seconds 30 --no-coverage url
#
# Crashing inputs are saved to fuzz/crashes/<target>/ (commit them: plain
# `cargo test` replays them); the exit status is 1 if a run found one.
# Inputs that reached new coverage go to fuzz/corpus/<target>/ (not in git)
# and seed later runs.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT/fuzz"

seconds=30
coverage=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --no-coverage) coverage=0; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

# Its own target dir: the instrumenting rustflags rebuild every dependency.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$REPO_ROOT/target-fuzz}"
# An explicit --target keeps the rustflags off build scripts and proc
# macros, which the compiler loads and which must not need the hooks.
host="$(rustc -vV | sed -n 's/^host: //p')"
if [ "$coverage" = 1 ]; then
  export RUSTFLAGS="-C passes=sancov-module -C llvm-args=-sanitizer-coverage-level=3 -C llvm-args=-sanitizer-coverage-inline-8bit-counters"
  dir="$CARGO_TARGET_DIR/$host/fuzz"
else
  export RUSTFLAGS=""
  export CARGO_TARGET_DIR="$CARGO_TARGET_DIR/plain"
  dir="$CARGO_TARGET_DIR/$host/fuzz"
fi
log "building the fuzzer (profile fuzz, coverage=$coverage)"
cargo build --profile fuzz --target "$host" --bin fuzz-atlas

if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <("$dir/fuzz-atlas" --list)
fi
status=0
for t in "${targets[@]}"; do
  log "fuzzing $t for $seconds s"
  "$dir/fuzz-atlas" "$t" --seconds "$seconds" --corpus "$REPO_ROOT/fuzz/corpus/$t" || status=1
done
exit "$status"
