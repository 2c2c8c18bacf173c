/**
 * The C type model (SPEC §2): what a `__typed` declaration means, independent of
 * any ABI and of any front-end. Plain, immutable, JSON-serialisable data.
 *
 * Front-ends (tsc extractor, Babel extractor) produce a `DeclSet`; the layout
 * engine turns it into per-ABI layouts; the table builder into type tables.
 */

/** SCALAR_NAMES lists every scalar C type, spelled as the user writes it. */
export const SCALAR_NAMES = [
  "i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64",
  "f32", "f64", "bool",
  "c_char", "c_schar", "c_uchar", "c_short", "c_ushort", "c_int", "c_uint",
  "c_long", "c_ulong", "c_size_t", "c_ssize_t", "c_ptrdiff_t", "c_intptr_t", "c_uintptr_t",
  "c_longlong", "c_ulonglong", "c_float", "c_double", "c_wchar",
] as const;

export type ScalarName = (typeof SCALAR_NAMES)[number];

/** Source position kept in the IR: byte offsets; line/column are computed only when printing. */
export interface SourceLoc {
  readonly file: string;
  readonly start: number; // 0-based character offset in the file text
  readonly length: number;
}

/**
 * CType is the type of a field or of an array element.
 *
 * - `scalar`: one of SCALAR_NAMES.
 * - `pointer`: `ptr<T>`; `target` null means `ptr<void>` (also function pointers and opaque types).
 * - `array`: `array<T, N>`; `count` 0 as the last field of a struct is a flexible array member.
 * - `record`: an inline `{ ... }` (or `union<{...}>`, `packed<{...}>`, `aligned<{...}, N>`) record.
 * - `named`: a reference to a named record, enum or alias in the DeclSet (this is how cycles
 *   through pointers are expressed; a cycle *by value* is a diagnostic).
 * - `bits`: `bits<Base, W>`, only directly as a field's type; base is an integer scalar or an enum.
 * - `atomic`: `atomic<T>` with T an integer scalar (or a named alias of one).
 * - `aligned`: a type-level `aligned<T, N>` (like an aligned typedef, e.g. `__aligned_u64`),
 *   i.e. any `aligned` that is not the outermost wrapper of a field's type nor around a record literal.
 */
export type CType =
  | { readonly kind: "scalar"; readonly name: ScalarName }
  | { readonly kind: "pointer"; readonly target: CType | null }
  | { readonly kind: "array"; readonly element: CType; readonly count: number }
  | { readonly kind: "record"; readonly record: RecordType }
  | { readonly kind: "named"; readonly name: string }
  | { readonly kind: "bits"; readonly base: CType; readonly bitWidth: number }
  | { readonly kind: "atomic"; readonly base: CType }
  | { readonly kind: "aligned"; readonly base: CType; readonly byteAlign: number };

/**
 * RecordType is a struct or union body with its record attributes
 * (`packed<{...}>` → packed, `aligned<{...}, N>` → byteAlign).
 */
export interface RecordType {
  readonly kind: "struct" | "union";
  readonly packed: boolean;
  /** `__attribute__((aligned(N)))` on the record; raises alignment and rounds size up. */
  readonly byteAlign?: number;
  readonly fields: readonly Field[];
}

/**
 * Field is one member, in declaration (= layout) order.
 *
 * Names `_pad0`, `_pad1`, … with a `bits` type are unnamed bit-fields (`int :3;`):
 * they take part in layout but are not members. Names `_anon0`, … with an inline
 * record type are C11 anonymous members.
 */
export interface Field {
  readonly name: string;
  readonly type: CType;
  /** Member attribute `__attribute__((aligned(N)))`: the outermost `aligned<T, N>` of the field's type. */
  readonly memberAlign?: number;
  /** Member attribute `__attribute__((packed))`: a `packed<T>` (T not a record literal) directly under it. */
  readonly memberPacked?: boolean;
  readonly loc?: SourceLoc;
}

/** EnumMember is one enumerator with its integer value. */
export interface EnumMember {
  readonly name: string;
  readonly value: number;
}

/** NamedType is a top-level declaration: interface / object type alias, enum, or alias of another type. */
export type NamedType =
  | { readonly kind: "record"; readonly name: string; readonly record: RecordType; readonly loc?: SourceLoc }
  | { readonly kind: "enum"; readonly name: string; readonly members: readonly EnumMember[]; readonly loc?: SourceLoc }
  | { readonly kind: "alias"; readonly name: string; readonly target: CType; readonly loc?: SourceLoc };

/**
 * DeclSet is every declaration a front-end found, keyed by name (declaration order kept).
 * Names are unique within a DeclSet; a front-end that meets two declarations with the same
 * name from different modules qualifies the later one (`Name$2`) and reports nothing.
 */
export interface DeclSet {
  readonly types: Readonly<Record<string, NamedType>>;
}

/** isPadName tells whether a field name denotes an unnamed bit-field (`_pad0`, `_pad1`, …). */
export function isPadName(name: string): boolean {
  return /^_pad\d+$/.test(name);
}

/** isAnonName tells whether a field name denotes a C11 anonymous member (`_anon0`, …). */
export function isAnonName(name: string): boolean {
  return /^_anon\d+$/.test(name);
}
