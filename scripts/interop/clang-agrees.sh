#!/usr/bin/env bash
# clang-agrees.sh — compiles the records producer with clang-19 for each ABI's
# clang triple (SPEC §5: clang is typedc's layout truth), links it with that
# ISA's cross gcc, runs it, and compares its layout and values with the gcc
# output committed in fixtures/interop/<abi>/records.json (addresses aside:
# `next` is compared as an offset from `base`). Writes
# fixtures/interop/clang-agrees.txt.
#
# usage: scripts/interop/clang-agrees.sh [abi...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/interop/isa.sh"
ABIS=${*:-$INTEROP_ABIS}
isa_check_tools $ABIS
CLANG=${CLANG:-clang-19}
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT

# clang_triple prints the clang target of an ABI id (packages/core/src/abi/ids.ts CLANG_TRIPLES).
clang_triple() {
  sed -n "s/^ *\"\{0,1\}$1\"\{0,1\}: \"\([^\"]*\)\",$/\1/p" "$ROOT/packages/core/src/abi/ids.ts"
}

{
  echo "clang: $("$CLANG" --version | head -n 1)"
  echo "compared with: fixtures/interop/<abi>/records.json (cross gcc)"
} > "$BUILD/summary.txt"
for abi in $ABIS; do
  cc=$(isa_cc "$abi")
  gnu=${cc%-gcc}
  sysroot=/usr/$gnu
  [ -d "$sysroot/include" ] || sysroot=/
  triple=$(clang_triple "$abi")
  "$CLANG" --target="$triple" --sysroot="$sysroot" -std=c11 -O1 -Wall -Wextra -fno-pic -c \
    -o "$BUILD/records-$abi.o" "$ROOT/interop/producers/records.c"
  "$cc" -static -no-pie -o "$BUILD/records-$abi" "$BUILD/records-$abi.o"
  isa_run "$abi" "$BUILD/records-$abi" "$abi" "$BUILD/records-$abi.bin" > "$BUILD/records-$abi.json"
  verdict=$(node -e '
    const [clangFile, gccFile] = process.argv.slice(1);
    const a = JSON.parse(require("fs").readFileSync(clangFile, "utf8")), b = JSON.parse(require("fs").readFileSync(gccFile, "utf8"));
    const norm = (j) => ({ size: j.recordSize, align: j.recordAlign, layout: j.layout,
      records: j.records.map((r) => ({ ...r, next: r.next === null ? null : String(BigInt(r.next) - BigInt(j.base)) })) });
    const x = norm(a), y = norm(b), diffs = [];
    if (JSON.stringify(x.layout) !== JSON.stringify(y.layout) || x.size !== y.size || x.align !== y.align) diffs.push("layout");
    x.records.forEach((r, i) => { for (const k of Object.keys(r)) if (JSON.stringify(r[k]) !== JSON.stringify(y.records[i][k])) diffs.push(i + ":" + k); });
    console.log(diffs.length ? "DIFFERS " + diffs.join(" ") : "same layout and values");
  ' "$BUILD/records-$abi.json" "$ROOT/fixtures/interop/$abi/records.json")
  echo "$abi ($triple, ran $ISA_RAN_WITH): $verdict" | tee -a "$BUILD/summary.txt"
done
cp "$BUILD/summary.txt" "$ROOT/fixtures/interop/clang-agrees.txt"
