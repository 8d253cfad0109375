#!/usr/bin/env bash
# Prints the size of the release bundle in dist/ (run `trunk build --release`
# first, or scripts/test.sh), raw and gzipped (gzip -9), part by part, and
# the first load of the default page against its budget (issue 11).
#
#   scripts/bundle-size.sh          print only
#   scripts/bundle-size.sh --check  also exit 1 when a budget is passed
#
# The first load is what the default page requests before it can draw:
# wasm, JS (glue and loader), CSS, index.html, the basemap and the default
# dataset. Budgets are gzip -9 bytes (1 KB = 1,000 bytes).
set -euo pipefail
source "$(dirname "$0")/env.sh"

WASM_BUDGET=200000
FIRST_LOAD_BUDGET=250000

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

cd "$REPO_ROOT/dist" 2>/dev/null || { echo "no dist/: run trunk build --release first" >&2; exit 2; }
shopt -s nullglob
wasm_files=(*.wasm)
if [[ ${#wasm_files[@]} -eq 0 ]]; then
  echo "no .wasm in dist/: run trunk build --release first" >&2
  exit 2
fi

printf '%-8s %-44s %10s %10s\n' kind file raw gzip
total_raw=0; total_gz=0; wasm_gz=0
row() {
  local kind=$1 file=$2 raw gz
  raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c)
  printf '%-8s %-44s %10d %10d\n' "$kind" "$file" "$raw" "$gz"
  if [[ $kind != host ]]; then
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    if [[ $kind == wasm ]]; then wasm_gz=$((wasm_gz + gz)); fi
  fi
}
for f in "${wasm_files[@]}"; do row wasm "$f"; done
for f in *.js; do row js "$f"; done
for f in *.css; do row css "$f"; done
row html index.html
row data data/basemap.json
row data data/incidents.json
printf '%-8s %-44s %10d %10d\n' total "first load of the default page" "$total_raw" "$total_gz"
# Loaded by a host page that embeds the atlas, not by the app: not counted.
if [[ -f embed/host.js ]]; then row host embed/host.js; fi

over=0
budget() {
  local what=$1 size=$2 limit=$3
  if (( size > limit )); then
    printf 'budget   %-44s %10d %10d  OVER by %d\n' "$what" "$limit" "$size" $((size - limit))
    over=1
  else
    printf 'budget   %-44s %10d %10d  ok (%d to spare)\n' "$what" "$limit" "$size" $((limit - size))
  fi
}
echo
printf '%-8s %-44s %10s %10s\n' "" "" budget gzip
budget "wasm" "$wasm_gz" "$WASM_BUDGET"
budget "first load" "$total_gz" "$FIRST_LOAD_BUDGET"

if $check && (( over )); then
  echo "bundle-size: over budget (issue 11; docs/performance.md)" >&2
  exit 1
fi
