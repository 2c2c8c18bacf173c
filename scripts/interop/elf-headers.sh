#!/usr/bin/env bash
# elf-headers.sh — cross-compiles the records producer for armv7 (ELF32, little
# endian), aarch64 (ELF64, little endian) and s390x (ELF64, big endian) and
# commits, per ABI, the ELF header plus the program header table (the first
# e_phoff + e_phnum * e_phentsize bytes) with `readelf -h` and `readelf -l` of
# those bytes, so a test can read them through Elf32_Ehdr/Elf64_Ehdr
# declarations and compare with readelf without any cross tool.
#
# usage: scripts/interop/elf-headers.sh    → fixtures/interop/elf/<abi>/{head.bin,readelf-h.txt,readelf-l.txt}
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/interop/isa.sh"
ABIS="armv7-linux aarch64-linux s390x-linux"
isa_check_tools $ABIS
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
for abi in $ABIS; do
  out="$ROOT/fixtures/interop/elf/$abi"
  mkdir -p "$out"
  exe="$BUILD/records-$abi"
  isa_build "$abi" "$exe" "$ROOT/interop/producers/records.c"
  # e_phoff, e_phentsize, e_phnum as readelf decodes them (any endianness, ELF32 or ELF64).
  phoff=$(LC_ALL=C readelf -h "$exe" | sed -n 's/^ *Start of program headers: *\([0-9]*\).*/\1/p')
  phentsize=$(LC_ALL=C readelf -h "$exe" | sed -n 's/^ *Size of program headers: *\([0-9]*\).*/\1/p')
  phnum=$(LC_ALL=C readelf -h "$exe" | sed -n 's/^ *Number of program headers: *\([0-9]*\).*/\1/p')
  head -c $((phoff + phnum * phentsize)) "$exe" > "$out/head.bin"
  LC_ALL=C readelf -h "$exe" > "$out/readelf-h.txt"
  LC_ALL=C readelf -lW "$exe" > "$out/readelf-l.txt"
  {
    echo "abi: $abi"
    echo "source: interop/producers/records.c"
    echo "compiler: $($(isa_cc "$abi") --version | head -n 1)"
    echo "command: $(isa_cc "$abi") $INTEROP_CFLAGS -o records interop/producers/records.c"
    echo "head.bin: the first $((phoff + phnum * phentsize)) bytes (ELF header + $phnum program headers at $phoff)"
    echo "readelf: $(readelf --version | head -n 1)"
  } > "$out/build.txt"
  echo "$abi: $(wc -c < "$out/head.bin") bytes"
done
