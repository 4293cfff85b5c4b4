#!/usr/bin/env bash
# Compares every output of two builds byte for byte (see outputs.sh). Exit 0 when identical.
#   tests/golden/compare.sh build-before build
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
A=$(mktemp -d) B=$(mktemp -d)
bash "$HERE/outputs.sh" "$1" "$A/out"
bash "$HERE/outputs.sh" "$2" "$B/out"
if diff -r "$A/out" "$B/out" >"$B/diff.txt"; then
  echo "identical: $(find "$A/out" -type f | wc -l) files"
  rm -rf "$A" "$B"
else
  head -c 20000 "$B/diff.txt"
  echo "DIFFERENT (full diff in $B/diff.txt; outputs in $A/out and $B/out)"
  exit 1
fi
