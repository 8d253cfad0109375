# Sourced by the other scripts: tool paths and versions in one place.
# shellcheck shell=bash
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$REPO_ROOT/node_modules/.bin:$PATH"
# Trunk's newest releases need a newer rustc than this machine's; 0.21.x builds.
TRUNK_VERSION="0.21.14"
# Browser tests use Debian's Chromium and never download a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
