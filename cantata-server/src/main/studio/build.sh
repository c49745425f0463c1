#!/usr/bin/env bash
# Builds the studio into the server's classes (Maven calls this in generate-resources): installs the npm packages the
# lock file names (wavesurfer.js for the page, playwright-core for the browser tests) when they are missing or stale,
# then copies the page and the library into OUT. Nothing here is fetched at run time.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:?usage: build.sh OUTPUT_FOLDER}
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac # the script moves to its own folder
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "cantata: the web studio needs node and npm to build (Debian: apt-get install npm); ./cantata installs them" >&2
  exit 1
fi
cd "$HERE"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2 \
    || { echo "cantata: npm ci failed for the studio (no network to the npm registry on a first build?)" >&2; exit 1; }
fi
node build.mjs "$OUT"
