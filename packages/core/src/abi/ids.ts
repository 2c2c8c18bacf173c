/** ABI_IDS lists the data formats of SPEC §5, in the order tools print them. */
export const ABI_IDS = [
  "x86_64-linux",
  "aarch64-linux",
  "i386-linux",
  "armv7-linux",
  "riscv32-linux",
  "riscv64-linux",
  "wasm32",
  "wasm64",
  "x86_64-windows",
  "ppc64le-linux",
  "s390x-linux",
  "mips-linux",
] as const;

export type AbiId = (typeof ABI_IDS)[number];

/** CLANG_TRIPLES maps each ABI id to the clang target triple that is its ground truth. */
export const CLANG_TRIPLES: Readonly<Record<AbiId, string>> = {
  "x86_64-linux": "x86_64-linux-gnu",
  "aarch64-linux": "aarch64-linux-gnu",
  "i386-linux": "i386-linux-gnu",
  "armv7-linux": "armv7-linux-gnueabihf",
  "riscv32-linux": "riscv32-linux-gnu",
  "riscv64-linux": "riscv64-linux-gnu",
  wasm32: "wasm32-unknown-unknown",
  wasm64: "wasm64-unknown-unknown",
  "x86_64-windows": "x86_64-pc-windows-msvc",
  "ppc64le-linux": "powerpc64le-linux-gnu",
  "s390x-linux": "s390x-linux-gnu",
  "mips-linux": "mips-linux-gnu",
};

/** isAbiId tells whether a string is one of the ABI ids of SPEC §5. */
export function isAbiId(s: string): s is AbiId {
  return (ABI_IDS as readonly string[]).includes(s);
}
