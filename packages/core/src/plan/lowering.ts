/**
 * The front-end-neutral facts of the `__typed` lowering (docs/compiler.md "Lowerings"), shared
 * by the tsc and Babel plugins so that both emit the same names and calls: the runtime calls
 * that make typed values and where their options go, the reserved names of compiled code, how
 * a ref's hoisted fields are read, and which DataView accessor each fixed-size scalar uses.
 */

/** TYPED_RUNTIME_CALLS are the runtime calls that return a typed object of their type argument (or of the binding's annotation). */
export const TYPED_RUNTIME_CALLS: ReadonlySet<string> = new Set(["__typed", "__typed.at", "__typed.async"]);
/** CACHE_RUNTIME_CALLS are the runtime calls that return a typed cache. */
export const CACHE_RUNTIME_CALLS: ReadonlySet<string> = new Set(["typedCache", "typedCacheAsync"]);
/** ASYNC_RUNTIME_CALLS return a Promise of the typed object or cache: typed only under `await`. */
export const ASYNC_RUNTIME_CALLS: ReadonlySet<string> = new Set(["__typed.async", "typedCacheAsync"]);
/** OPTIONS_ARGUMENT_INDEX is the index of the options argument of each typed runtime call (where `type` is inserted). */
export const OPTIONS_ARGUMENT_INDEX: Readonly<Record<string, number>> = { "__typed": 1, "__typed.at": 2, "__typed.async": 1, typedCache: 1, typedCacheAsync: 1 };

/** RUNTIME_NAMESPACE is the namespace compiled code imports `@typedc/runtime` as (reserved name). */
export const RUNTIME_NAMESPACE = "__typedc";
/** TYPE_SETS_CONSTANT is the per-file constant holding the file's type sets (reserved name). */
export const TYPE_SETS_CONSTANT = "__typedc$types";

/** REF_FIELD_PATHS are the hoistable fields of a CompiledRef and the properties each is read through (`dv` is `ref.h.dv`). */
export const REF_FIELD_PATHS: Readonly<Record<string, readonly string[]>> = {
  h: ["h"], a: ["a"], dv: ["h", "dv"], le: ["h", "le"], length: ["length"],
  // The element stride of a root array (a versioned loop steps its element address by it).
  stride: ["t", "stride"],
  // The memory's typed arrays, used by versioned loops (ARRAY_VIEW_SHIFTS).
  i8: ["h", "i8"], u8: ["h", "u8"], i16: ["h", "i16"], u16: ["h", "u16"], i32: ["h", "i32"], u32: ["h", "u32"],
  f32: ["h", "f32"], f64: ["h", "f64"], i64: ["h", "i64"], u64: ["h", "u64"],
};

/**
 * ARRAY_VIEW_SHIFTS: for each typed array of a memory (plan `arrayView`), log2 of its element
 * size. In a versioned loop's fast copy the element at byte address `a` is `view[a >>> shift]`.
 */
export const ARRAY_VIEW_SHIFTS: Readonly<Record<string, number>> = {
  i8: 0, u8: 0, i16: 1, u16: 1, i32: 2, u32: 2, f32: 2, f64: 3, i64: 3, u64: 3,
};

/** hoistedFieldName is the local constant of a hoisted field of binding `binding`: `x$a`, `x$dv`, or for a path field `x$p0.o` → `x$p0o`. */
export function hoistedFieldName(binding: string, field: string): string {
  const dot = field.indexOf(".");
  return dot < 0 ? `${binding}$${field}` : `${field.slice(0, dot)}${field.slice(dot + 1)}`;
}

/** hopKey is the runtime key of a hop (`["[]", "se", "vruntime"]` → `[].se.vruntime`). */
export function hopKey(segments: readonly string[]): string {
  return segments.join(".");
}

/** DATAVIEW_ACCESSORS: the DataView getter of each fixed-size scalar (plan `fast`), and whether it takes the byte order. */
export const DATAVIEW_ACCESSORS: Readonly<Record<string, readonly [getter: string, ordered: boolean]>> = {
  i8: ["getInt8", false], u8: ["getUint8", false], i16: ["getInt16", true], u16: ["getUint16", true],
  i32: ["getInt32", true], u32: ["getUint32", true], f32: ["getFloat32", true], f64: ["getFloat64", true],
};

/**
 * FitTest is how a write checks that value `v` of a fixed-size scalar stores without loss (else the
 * path's codec throws the TypedRangeError): `(v << s) >> s === v`, `(v & m) === v`, `(v | 0) === v`,
 * `v >>> 0 === v`, `typeof v === "number"`, or for a 64-bit integer
 * `typeof v === "bigint" && BigInt.asIntN(64, v) === v` (`asUintN` unsigned).
 */
export type FitTest =
  | { readonly kind: "shift"; readonly bits: number }
  | { readonly kind: "mask"; readonly mask: number }
  | { readonly kind: "int32" }
  | { readonly kind: "uint32" }
  | { readonly kind: "number" }
  | { readonly kind: "bigint"; readonly signed: boolean };

/** FIT_TESTS is the fit test of each fixed-size scalar. */
export const FIT_TESTS: Readonly<Record<string, FitTest>> = {
  i8: { kind: "shift", bits: 24 }, u8: { kind: "mask", mask: 255 }, i16: { kind: "shift", bits: 16 }, u16: { kind: "mask", mask: 65535 },
  i32: { kind: "int32" }, u32: { kind: "uint32" }, f32: { kind: "number" }, f64: { kind: "number" },
  i64: { kind: "bigint", signed: true }, u64: { kind: "bigint", signed: false },
};
