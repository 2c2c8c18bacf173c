#!/usr/bin/env bash
# ts-roundtrip.sh — the TS → C direction: writes the records in each producer
# format (by default all seven; armv7-linux and s390x-linux are the ones issue #6
# names) with the typedc runtime (scripts/interop/write-ts.ts), then runs
# interop/consumers/check.c for that ISA under qemu-user on each file.
# Pointers in these files are offsets from the file start (base 0).
#
# usage: scripts/interop/ts-roundtrip.sh [abi...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ABIS=${*:-x86_64-linux aarch64-linux i386-linux armv7-linux riscv64-linux s390x-linux mips-linux}
(cd "$ROOT" && npx tsx scripts/interop/write-ts.ts $ABIS)
for abi in $ABIS; do
  echo -n "$abi: "
  "$ROOT/scripts/interop/consume.sh" "$abi" "$ROOT/fixtures/interop/from-ts/$abi/records.bin" 0
done
