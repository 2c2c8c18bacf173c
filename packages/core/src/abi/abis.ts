import type { ScalarName } from "../ir/ctype.js";
import { CLANG_TRIPLES, type AbiId } from "./ids.js";
import type { AbiSpec, Encoding, ScalarSpec } from "./spec.js";

/**
 * DataModel is the handful of facts in which the C data formats of SPEC §5 differ.
 * Every number below was read back from clang 19 for the ABI's triple
 * (`sizeof`, `offsetof(struct { char c; T x; }, x)`, `(T)-1 < 0`, `target datalayout`).
 */
interface DataModel {
  readonly endian: "little" | "big";
  readonly dataLayout: string;
  /** sizeof(long) = sizeof(unsigned long). */
  readonly longByteSize: 4 | 8;
  /** sizeof(void*) = sizeof(size_t) = sizeof(ptrdiff_t) = sizeof(intptr_t). */
  readonly pointerByteSize: 4 | 8;
  /** Alignment of 8-byte integers and double as struct members (4 on i386 SysV psABI §2.1). */
  readonly eightByteAlign: 4 | 8;
  /** Plain `char` is signed (x86, wasm, mips) or unsigned (arm, aarch64, riscv, ppc, s390x). */
  readonly charSigned: boolean;
  /** `wchar_t`: int on most Linux targets, unsigned int on arm/aarch64 Linux, unsigned short on Windows. */
  readonly wchar: { readonly byteSize: 2 | 4; readonly signed: boolean };
  readonly bitfields: AbiSpec["bitfields"];
  readonly enums: AbiSpec["enums"];
  /** clang TargetInfo::useZeroLengthBitfieldAlignment (AAPCS, AArch64). */
  readonly zeroWidthBitfieldAlignsRecord: boolean;
  /** clang TargetInfo::getMaxAtomicPromoteWidth / 8 (measured: `_Alignof(_Atomic struct { char c[N]; })`). */
  readonly maxAtomicPromoteByteSize: number;
}

/** DATA_MODELS holds one row per ABI: the facts, not code (STYLE §3). */
const DATA_MODELS: Readonly<Record<AbiId, DataModel>> = {
  "x86_64-linux": {
    endian: "little", longByteSize: 8, pointerByteSize: 8, eightByteAlign: 8, charSigned: true,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 16,
    dataLayout: "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128",
  },
  "aarch64-linux": {
    endian: "little", longByteSize: 8, pointerByteSize: 8, eightByteAlign: 8, charSigned: false,
    wchar: { byteSize: 4, signed: false }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: true,
    maxAtomicPromoteByteSize: 16,
    dataLayout: "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32",
  },
  "i386-linux": {
    endian: "little", longByteSize: 4, pointerByteSize: 4, eightByteAlign: 4, charSigned: true,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 8,
    dataLayout: "e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-i128:128-f64:32:64-f80:32-n8:16:32-S128",
  },
  "armv7-linux": {
    endian: "little", longByteSize: 4, pointerByteSize: 4, eightByteAlign: 8, charSigned: false,
    wchar: { byteSize: 4, signed: false }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: true,
    maxAtomicPromoteByteSize: 8,
    dataLayout: "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64",
  },
  "riscv32-linux": {
    endian: "little", longByteSize: 4, pointerByteSize: 4, eightByteAlign: 8, charSigned: false,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 16,
    dataLayout: "e-m:e-p:32:32-i64:64-n32-S128",
  },
  "riscv64-linux": {
    endian: "little", longByteSize: 8, pointerByteSize: 8, eightByteAlign: 8, charSigned: false,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 16,
    dataLayout: "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128",
  },
  wasm32: {
    endian: "little", longByteSize: 4, pointerByteSize: 4, eightByteAlign: 8, charSigned: true,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 8,
    dataLayout: "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-n32:64-S128-ni:1:10:20",
  },
  wasm64: {
    endian: "little", longByteSize: 8, pointerByteSize: 8, eightByteAlign: 8, charSigned: true,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 8,
    dataLayout: "e-m:e-p:64:64-p10:8:8-p20:8:8-i64:64-n32:64-S128-ni:1:10:20",
  },
  "x86_64-windows": {
    endian: "little", longByteSize: 4, pointerByteSize: 8, eightByteAlign: 8, charSigned: true,
    wchar: { byteSize: 2, signed: false }, bitfields: "ms", enums: "msvc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 16,
    dataLayout: "e-m:w-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128",
  },
  "ppc64le-linux": {
    endian: "little", longByteSize: 8, pointerByteSize: 8, eightByteAlign: 8, charSigned: false,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 16,
    dataLayout: "e-m:e-Fn32-i64:64-n32:64-S128-v256:256:256-v512:512:512",
  },
  "s390x-linux": {
    endian: "big", longByteSize: 8, pointerByteSize: 8, eightByteAlign: 8, charSigned: false,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 16,
    dataLayout: "E-m:e-i1:8:16-i8:8:16-i64:64-f128:64-v128:64-a:8:16-n32:64",
  },
  "mips-linux": {
    endian: "big", longByteSize: 4, pointerByteSize: 4, eightByteAlign: 8, charSigned: true,
    wchar: { byteSize: 4, signed: true }, bitfields: "sysv", enums: "gcc", zeroWidthBitfieldAlignsRecord: false,
    maxAtomicPromoteByteSize: 4,
    dataLayout: "E-m:m-p:32:32-i8:8:32-i16:16:32-i64:64-n32-S64",
  },
};

// scalar builds a ScalarSpec whose member alignment equals its size, capped by `maxAlign`.
function scalar(byteSize: number, encoding: Encoding, maxAlign = 8): ScalarSpec {
  return { byteSize, byteAlign: Math.min(byteSize, maxAlign), encoding };
}

// integer is a signed or unsigned integer scalar of `byteSize` bytes.
function integer(byteSize: number, signed: boolean, maxAlign: number): ScalarSpec {
  return scalar(byteSize, signed ? "signed" : "unsigned", maxAlign);
}

// scalarsOf expands a DataModel into every scalar of SCALAR_NAMES.
// Encodings follow clang's DWARF: int8_t/signed char are DW_ATE_signed_char, uint8_t/unsigned char
// DW_ATE_unsigned_char, plain char one of the two, _Bool DW_ATE_boolean.
function scalarsOf(m: DataModel): Record<ScalarName, ScalarSpec> {
  const a8 = m.eightByteAlign;
  const long = (signed: boolean) => integer(m.longByteSize, signed, a8);
  const word = (signed: boolean) => integer(m.pointerByteSize, signed, a8);
  return {
    i8: scalar(1, "signed_char"), u8: scalar(1, "unsigned_char"),
    i16: integer(2, true, a8), u16: integer(2, false, a8),
    i32: integer(4, true, a8), u32: integer(4, false, a8),
    i64: integer(8, true, a8), u64: integer(8, false, a8),
    f32: scalar(4, "float"), f64: scalar(8, "float", a8), bool: scalar(1, "boolean"),
    c_char: scalar(1, m.charSigned ? "signed_char" : "unsigned_char"),
    c_schar: scalar(1, "signed_char"), c_uchar: scalar(1, "unsigned_char"),
    c_short: integer(2, true, a8), c_ushort: integer(2, false, a8),
    c_int: integer(4, true, a8), c_uint: integer(4, false, a8),
    c_long: long(true), c_ulong: long(false),
    c_size_t: word(false), c_ssize_t: word(true), c_ptrdiff_t: word(true),
    c_intptr_t: word(true), c_uintptr_t: word(false),
    c_longlong: integer(8, true, a8), c_ulonglong: integer(8, false, a8),
    c_float: scalar(4, "float"), c_double: scalar(8, "float", a8),
    c_wchar: integer(m.wchar.byteSize, m.wchar.signed, a8),
  };
}

// specOf turns one DataModel row into the AbiSpec contract.
function specOf(id: AbiId, m: DataModel): AbiSpec {
  return Object.freeze({
    id,
    triple: CLANG_TRIPLES[id],
    endian: m.endian,
    dataLayout: m.dataLayout,
    scalars: Object.freeze(scalarsOf(m)),
    pointer: scalar(m.pointerByteSize, "address"),
    bitfields: m.bitfields,
    enums: m.enums,
    zeroWidthBitfieldAlignsRecord: m.zeroWidthBitfieldAlignsRecord,
    maxAtomicPromoteByteSize: m.maxAtomicPromoteByteSize,
  });
}

/** ABIS holds the AbiSpec of every data format of SPEC §5, keyed by ABI id. */
export const ABIS: Readonly<Record<AbiId, AbiSpec>> = Object.freeze(
  Object.fromEntries(
    (Object.keys(DATA_MODELS) as AbiId[]).map((id) => [id, specOf(id, DATA_MODELS[id])]),
  ) as Record<AbiId, AbiSpec>,
);

/** abiSpec returns the AbiSpec of one ABI id (throws on an unknown id: callers validate user input first). */
export function abiSpec(id: AbiId): AbiSpec {
  const spec = ABIS[id];
  if (spec === undefined) throw new Error(`abiSpec: unknown ABI id '${String(id)}'`);
  return spec;
}
