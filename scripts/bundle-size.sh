#!/usr/bin/env bash
# Prints the size of the release bundle in dist/ (run `trunk build --release`
# first, or scripts/test.sh), raw and gzipped (gzip -9), by kind.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT/dist"
printf '%-8s %-44s %10s %10s\n' kind file raw gzip
total_raw=0; total_gz=0
row() {
  local kind=$1 file=$2 raw gz
  raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-8s %-44s %10d %10d\n' "$kind" "$file" "$raw" "$gz"
}
for f in *.wasm; do row wasm "$f"; done
for f in *.js; do row js "$f"; done
for f in *.css; do row css "$f"; done
row html index.html
[[ -f embed/host.js ]] && row host embed/host.js
for f in data/*.json; do row data "$f"; done
printf '%-8s %-44s %10d %10d\n' total "" "$total_raw" "$total_gz"
