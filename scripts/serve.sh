#!/usr/bin/env bash
# Sets up what is missing, builds the app and serves it with the default
# dataset on http://127.0.0.1:8080 (rebuilding on change).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
log "serving on http://127.0.0.1:8080"
exec trunk serve --release --address 127.0.0.1 --port 8080 "$@"
