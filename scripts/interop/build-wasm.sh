#!/usr/bin/env bash
# build-wasm.sh — compiles interop/wasm/kernel.c to interop/wasm/kernel.wasm:
# freestanding wasm32, atomics and bulk memory, memory imported and shared
# (the JavaScript side creates one shared WebAssembly.Memory for both).
#
# usage: scripts/interop/build-wasm.sh      (needs clang-19 and lld-19/wasm-ld-19)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLANG=${CLANG:-clang-19}
# 32 pages (2 MiB) at most; the module's own data and its 64 KiB stack sit in the
# low pages, everything above __heap_base belongs to the JavaScript side.
MAX_MEMORY_BYTES=$((32 * 65536))
FLAGS=(--target=wasm32 -nostdlib -O2 -matomics -mbulk-memory
  -Wl,--no-entry -Wl,--export-all -Wl,--shared-memory -Wl,--import-memory
  -Wl,--max-memory=$MAX_MEMORY_BYTES -fuse-ld=lld)
"$CLANG" "${FLAGS[@]}" -o "$ROOT/interop/wasm/kernel.wasm" "$ROOT/interop/wasm/kernel.c"
{
  echo "compiler: $("$CLANG" --version | head -n 1)"
  echo "command: $CLANG ${FLAGS[*]} -o interop/wasm/kernel.wasm interop/wasm/kernel.c"
} > "$ROOT/interop/wasm/build.txt"
echo "interop/wasm/kernel.wasm: $(wc -c < "$ROOT/interop/wasm/kernel.wasm") bytes"
