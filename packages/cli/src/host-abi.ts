import type { AbiId } from "@typedc/core";

/**
 * HOST_ABIS maps Node's `${process.platform}-${process.arch}` to the data format
 * (SPEC §5) whose C ABI that platform uses. Platforms not listed (macOS, BSDs)
 * have no exact match among the 12 formats.
 */
export const HOST_ABIS: Readonly<Record<string, AbiId>> = {
  "linux-x64": "x86_64-linux",
  "linux-arm64": "aarch64-linux",
  "linux-ia32": "i386-linux",
  "linux-arm": "armv7-linux",
  "linux-riscv64": "riscv64-linux",
  "linux-ppc64": "ppc64le-linux", // Node ships ppc64 builds for little-endian Linux only
  "linux-s390x": "s390x-linux",
  "linux-mips": "mips-linux",
  "win32-x64": "x86_64-windows",
};

/** FALLBACK_HOST_ABI is the default format on a platform that HOST_ABIS does not list. */
export const FALLBACK_HOST_ABI: AbiId = "x86_64-linux";

/** hostAbi returns the data format of the given platform and architecture (default: this process's). */
export function hostAbi(platform: string = process.platform, arch: string = process.arch): AbiId {
  return HOST_ABIS[`${platform}-${arch}`] ?? FALLBACK_HOST_ABI;
}
