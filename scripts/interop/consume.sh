#!/usr/bin/env bash
# consume.sh — builds interop/consumers/check.c for an ISA and runs it (under
# qemu-user unless the host runs it) on a file of records in that ISA's format.
#
# usage: scripts/interop/consume.sh <abi> <file> [base]
#   base: the address record 0 had in the writer (default: the "base" of a
#   records.json next to the file, else 0 = pointers are file offsets).
# Prints `OK <n> records` or the first mismatch; exits non-zero on mismatch.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/interop/isa.sh"
[ $# -ge 2 ] || { echo "usage: $0 <abi> <file> [base]" >&2; exit 2; }
abi="$1" file="$2" base="${3:-}"
if [ -z "$base" ]; then
  json="$(dirname "$file")/records.json"
  if [ -f "$json" ]; then base=$(sed -n 's/^  "base": "\([0-9]*\)",$/\1/p' "$json"); fi
  base=${base:-0}
fi
isa_check_tools "$abi"
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
isa_build "$abi" "$BUILD/check-$abi" "$ROOT/interop/consumers/check.c"
isa_run "$abi" "$BUILD/check-$abi" "$file" "$base"
