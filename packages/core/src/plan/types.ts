/**
 * Access plans: what a front-end needs to compile one access chain on a typed
 * value (`tasks[i].se.vruntime`), decided once here so that the tsc and Babel
 * plugins emit the same code. Plans are format-independent: the byte offsets
 * and strides of each step are looked up at run time from the bound format's
 * table (type-morphable code, PLOS'19 §3); only what is the same in every
 * format (member names, array counts, value kinds) is fixed at compile time.
 */
import type { CType } from "../ir/ctype.js";

/** AccessStep is one link of an access chain: `[expr]` or `.name`. */
export type AccessStep = { readonly kind: "index" } | { readonly kind: "member"; readonly name: string };

/** ValueKind is the JS type of a scalar value (SPEC §2 table). */
export type ValueKind = "number" | "bigint" | "boolean";

/**
 * ValueInfo says what a chain ends at: a scalar (`scalar`, `bits`, `atomic`), a
 * pointer (`pointer`: reads give a handle or null), or a nested object (`record`,
 * `array`: a handle, never copied).
 */
export interface ValueInfo {
  readonly shape: "scalar" | "bits" | "atomic" | "pointer" | "record" | "array";
  /** The C type as the user spells it (`u64`, `Task`, `array<c_char, 16>`, `ptr<Task>`). */
  readonly typeName: string;
  /** The resolved C type (named aliases and `aligned` stripped; records and enums stay named). */
  readonly type: CType;
  /** Scalars, bit-fields and atomics: the JS type of the value. */
  readonly value?: ValueKind;
  /** Arrays: the declared element count (0: flexible array member, length from the area). */
  readonly count?: number;
  /** Pointers: the target type, or null for `ptr<void>`. */
  readonly target?: CType | null;
  /**
   * Scalars of the same size and kind in every format (`i32`, `c_int`, `f64`, ...): the
   * suffix of the runtime's monomorphic accessors (`r_i32`/`w_i32`), which compiled code
   * calls instead of the path's generic codec. Absent for format-dependent scalars
   * (`c_long`, `c_char`, enums), 64-bit integers, `bool`, bit-fields and atomics.
   */
  readonly fast?: string;
  /**
   * Scalars of the same size and kind in every format, 64-bit integers included: the typed
   * array of the runtime's memory views (`i32`, `f64`, `i64`, ...) that holds the value when
   * its address is aligned and the format's byte order is the host's. Versioned loops read and
   * write through it (docs/compiler.md, "Loop versioning").
   */
  readonly arrayView?: string;
  /** Arrays whose elements are 1-byte characters (`readCString`/`writeCString` apply). */
  readonly charArray?: boolean;
}

/** IndexCheck is how one `[expr]` of a hop is bounds-checked: against a count fixed in every format, the bound root's length, or the area (flexible array member). */
export type IndexCheck =
  | { readonly kind: "count"; readonly count: number }
  | { readonly kind: "rootLength" }
  | { readonly kind: "area" };

/**
 * Hop is the part of a chain between two pointer dereferences: from the address of
 * an object, a run of index and member steps. `segments` is the runtime's key for
 * the hop (`["[]", "se", "vruntime"]`): the runtime resolves it against the bound
 * table into one constant byte offset and one stride per index.
 */
export interface Hop {
  readonly segments: readonly string[];
  readonly indices: readonly IndexCheck[];
  /** Where the hop ends. A hop that is not the last ends at a pointer (dereferenced by the next hop). */
  readonly end: ValueInfo;
}

/** AccessPlan is the plan of a whole chain: its hops (one more per pointer dereference) and its result. */
export interface AccessPlan {
  readonly hops: readonly Hop[];
  readonly result: ValueInfo;
}
