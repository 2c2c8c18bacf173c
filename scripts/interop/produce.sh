#!/usr/bin/env bash
# produce.sh — builds interop/producers/records.c for every ISA with its cross
# gcc, runs it (under qemu-user unless the host runs it), and writes
# fixtures/interop/<abi>/{records.bin,records.json,build.txt}.
#
# usage: scripts/interop/produce.sh [abi...]    (default: every ABI in isa.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/interop/isa.sh"
ABIS=${*:-$INTEROP_ABIS}
isa_check_tools $ABIS
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT

for abi in $ABIS; do
  out="$ROOT/fixtures/interop/$abi"
  mkdir -p "$out"
  exe="$BUILD/records-$abi"
  isa_build "$abi" "$exe" "$ROOT/interop/producers/records.c"
  isa_run "$abi" "$exe" "$abi" "$out/records.bin" > "$out/records.json"
  cc=$(isa_cc "$abi")
  {
    echo "abi: $abi"
    echo "source: interop/producers/records.c"
    echo "compiler: $($cc --version | head -n 1)"
    echo "target: $($cc -dumpmachine)"
    echo "command: $cc $INTEROP_CFLAGS -o records interop/producers/records.c"
    if [ "$ISA_RAN_WITH" = native ]; then echo "ran: natively on $(uname -m)"
    else echo "ran: $($ISA_RAN_WITH --version | head -n 1) ($ISA_RAN_WITH)"; fi
    echo "file: $(file -b "$exe" | sed 's/, BuildID[^,]*//')"
  } > "$out/build.txt"
  echo "$abi: $(wc -c < "$out/records.bin") bytes, ran $ISA_RAN_WITH"
done
