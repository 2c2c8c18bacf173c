import { SCALAR_NAMES, type ScalarName } from "../ir/ctype.js";
import { buildDataLayout } from "./datalayout.js";
import type { AbiSpec, ScalarSpec } from "./spec.js";

// widest merges one scalar across ABIs: the largest size and the largest alignment.
// The encoding is the first ABI's (the creator's), so that e.g. plain `char` keeps the
// signedness of the format listed first; sizes never shrink, so every value of that
// ABI still fits.
function widest(specs: readonly ScalarSpec[]): ScalarSpec {
  const first = specs[0];
  if (first === undefined) throw new Error("unifiedAbi: no ABI to merge");
  return {
    byteSize: Math.max(...specs.map((s) => s.byteSize)),
    byteAlign: Math.max(...specs.map((s) => s.byteAlign)),
    encoding: first.encoding,
  };
}

/**
 * unifiedAbi merges several formats into the "unified" format of SPEC §3: every scalar
 * and pointer at its largest size and alignment among the ABIs (the paper's
 * common-format baseline). The choices where no "largest" exists are fixed, not merged:
 * little endian, SysV (GCC/clang) bit-fields, GCC enums; unnamed and zero-width
 * bit-fields raise the record's alignment if they do in any of the ABIs (the larger
 * alignment). The row's `id` is the first ABI's; `unifiedOf` lists them all.
 */
export function unifiedAbi(abis: readonly AbiSpec[]): AbiSpec {
  const first = abis[0];
  if (first === undefined) throw new Error("unifiedAbi: no ABI to merge");
  const scalars = Object.fromEntries(
    SCALAR_NAMES.map((name) => [name, widest(abis.map((a) => a.scalars[name]))]),
  ) as Record<ScalarName, ScalarSpec>;
  const pointer = widest(abis.map((a) => a.pointer));
  return Object.freeze({
    id: first.id,
    triple: "unified",
    endian: "little",
    dataLayout: buildDataLayout({
      endian: "little",
      pointerBitSize: pointer.byteSize * 8,
      pointerBitAlign: pointer.byteAlign * 8,
      i64BitAlign: scalars.i64.byteAlign * 8,
      f64BitAlign: scalars.f64.byteAlign * 8,
      nativeIntBitWidths: [8, 16, 32, 64],
    }),
    scalars: Object.freeze(scalars),
    pointer,
    bitfields: "sysv",
    enums: "gcc",
    zeroWidthBitfieldAlignsRecord: abis.some((a) => a.zeroWidthBitfieldAlignsRecord),
    maxAtomicPromoteByteSize: Math.max(...abis.map((a) => a.maxAtomicPromoteByteSize ?? 8)),
    unifiedOf: Object.freeze(abis.map((a) => a.id)),
  });
}
