/**
 * LLVM data layout strings (LangRef "Data Layout"): `e-m:e-p:32:32-i64:64-n32-S128`.
 * Parsed like rustc's `TargetDataLayout::parse_from_llvm_datalayout_string`: the
 * specifications we need become fields, every other one is kept verbatim so that
 * printing gives the string back.
 */

/** AlignPair is an ABI and a preferred alignment, in bits. */
export interface AlignPair {
  readonly abiBitAlign: number;
  readonly prefBitAlign: number;
}

/** PointerSpec is a `p[n]:size:abi[:pref[:idx]]` specification, in bits. */
export interface PointerSpec extends AlignPair {
  readonly addressSpace: number;
  readonly bitSize: number;
  readonly indexBitSize: number;
}

/** DataLayout is a parsed LLVM data layout string. */
export interface DataLayout {
  readonly endian: "little" | "big";
  /** `p` specifications by address space; address space 0 always present (default 64:64:64). */
  readonly pointers: ReadonlyMap<number, PointerSpec>;
  /** `i<size>` specifications by bit size, LLVM defaults filled in (i64 defaults to 32:64). */
  readonly ints: ReadonlyMap<number, AlignPair>;
  /** `f<size>` specifications by bit size, LLVM defaults filled in. */
  readonly floats: ReadonlyMap<number, AlignPair>;
  /** `n` native integer widths in bits. */
  readonly nativeIntBitWidths: readonly number[];
  /** `S` natural stack alignment in bits (0 = unspecified). */
  readonly stackBitAlign: number;
  /** The specifications in source order, so that `printDataLayout` round-trips. */
  readonly specs: readonly string[];
}

// LLVM's defaults (llvm/lib/IR/DataLayout.cpp): i1:8:8 i8:8:8 i16:16:16 i32:32:32 i64:32:64.
const DEFAULT_INTS: ReadonlyArray<[number, AlignPair]> = [
  [1, { abiBitAlign: 8, prefBitAlign: 8 }],
  [8, { abiBitAlign: 8, prefBitAlign: 8 }],
  [16, { abiBitAlign: 16, prefBitAlign: 16 }],
  [32, { abiBitAlign: 32, prefBitAlign: 32 }],
  [64, { abiBitAlign: 32, prefBitAlign: 64 }],
];

// LLVM's defaults: f16:16:16 f32:32:32 f64:64:64 f128:128:128.
const DEFAULT_FLOATS: ReadonlyArray<[number, AlignPair]> = [
  [16, { abiBitAlign: 16, prefBitAlign: 16 }],
  [32, { abiBitAlign: 32, prefBitAlign: 32 }],
  [64, { abiBitAlign: 64, prefBitAlign: 64 }],
  [128, { abiBitAlign: 128, prefBitAlign: 128 }],
];

// bitsOf parses one decimal field of a specification, throwing on garbage.
function bitsOf(text: string | undefined, spec: string): number {
  if (text === undefined || !/^\d+$/.test(text)) {
    throw new Error(`invalid LLVM data layout specification '${spec}'`);
  }
  return Number(text);
}

// alignPairOf reads `abi[:pref]` (pref defaults to abi).
function alignPairOf(parts: readonly string[], spec: string): AlignPair {
  const abiBitAlign = bitsOf(parts[0], spec);
  const prefBitAlign = parts[1] === undefined ? abiBitAlign : bitsOf(parts[1], spec);
  return { abiBitAlign, prefBitAlign };
}

/** parseDataLayout parses an LLVM data layout string (throws on a malformed specification). */
export function parseDataLayout(text: string): DataLayout {
  let endian: "little" | "big" = "little";
  const pointers = new Map<number, PointerSpec>([
    [0, { addressSpace: 0, bitSize: 64, abiBitAlign: 64, prefBitAlign: 64, indexBitSize: 64 }],
  ]);
  const ints = new Map(DEFAULT_INTS);
  const floats = new Map(DEFAULT_FLOATS);
  let nativeIntBitWidths: number[] = [];
  let stackBitAlign = 0;
  const specs = text === "" ? [] : text.split("-");
  for (const spec of specs) {
    const [head = "", ...rest] = spec.split(":");
    if (head === "e" || head === "E") {
      endian = head === "e" ? "little" : "big";
    } else if (/^p\d*$/.test(head)) {
      const addressSpace = head === "p" ? 0 : Number(head.slice(1));
      const bitSize = bitsOf(rest[0], spec);
      const pair = alignPairOf(rest.slice(1), spec);
      const indexBitSize = rest[3] === undefined ? bitSize : bitsOf(rest[3], spec);
      pointers.set(addressSpace, { addressSpace, bitSize, ...pair, indexBitSize });
    } else if (/^i\d+$/.test(head)) {
      ints.set(Number(head.slice(1)), alignPairOf(rest, spec));
    } else if (/^f\d+$/.test(head)) {
      floats.set(Number(head.slice(1)), alignPairOf(rest, spec));
    } else if (/^n\d/.test(head)) {
      nativeIntBitWidths = [head.slice(1), ...rest].map((w) => bitsOf(w, spec));
    } else if (/^S\d+$/.test(head)) {
      stackBitAlign = Number(head.slice(1));
    }
    // m: (mangling), a: (aggregates), v (vectors), F (function pointers), A/G/P (address spaces),
    // ni (non-integral pointers) do not affect scalar layout; they are kept in `specs`.
  }
  return { endian, pointers, ints, floats, nativeIntBitWidths, stackBitAlign, specs };
}

/** printDataLayout prints a DataLayout back as an LLVM data layout string (specifications in source order). */
export function printDataLayout(layout: DataLayout): string {
  return layout.specs.join("-");
}

/** DataLayoutFacts is what `buildDataLayout` needs to describe a C data format. */
export interface DataLayoutFacts {
  readonly endian: "little" | "big";
  readonly pointerBitSize: number;
  readonly pointerBitAlign: number;
  readonly i64BitAlign: number;
  readonly f64BitAlign: number;
  readonly nativeIntBitWidths: readonly number[];
}

/** buildDataLayout writes a minimal LLVM data layout string for the given facts (used for synthetic formats). */
export function buildDataLayout(facts: DataLayoutFacts): string {
  const specs = [
    facts.endian === "big" ? "E" : "e",
    `p:${facts.pointerBitSize}:${facts.pointerBitAlign}`,
    `i64:${facts.i64BitAlign}`,
    `f64:${facts.f64BitAlign}`,
    `n${facts.nativeIntBitWidths.join(":")}`,
  ];
  return specs.join("-");
}
