/**
 * C types for `__typed` declarations (SPEC §2). These are *types only*: the
 * compilers read them from annotation syntax (an alias such as `type i32 = number`
 * is invisible to the type checker), and the JS value types below are what user
 * code sees when it reads or writes a field.
 */

export type i8 = number;
export type u8 = number;
export type i16 = number;
export type u16 = number;
export type i32 = number;
export type u32 = number;
export type i64 = bigint;
export type u64 = bigint;
export type f32 = number;
export type f64 = number;
export type bool = boolean;

export type c_char = number;
export type c_schar = number;
export type c_uchar = number;
export type c_short = number;
export type c_ushort = number;
export type c_int = number;
export type c_uint = number;
export type c_long = number;
export type c_ulong = number;
export type c_size_t = number;
export type c_ssize_t = number;
export type c_ptrdiff_t = number;
export type c_intptr_t = number;
export type c_uintptr_t = number;
export type c_longlong = bigint;
export type c_ulonglong = bigint;
export type c_float = number;
export type c_double = number;
export type c_wchar = number;

/** `T *`: reads give a bounds-checked handle or null; `ptr<void>` for opaque and function pointers. */
export type ptr<T> = (T extends void ? unknown : T) | null;

/** `T x[N]`; `array<T, 0>` as the last field is a flexible array member. Nest for more dimensions. */
export interface array<T, N extends number> extends Iterable<T> {
  [index: number]: T;
  readonly length: number;
  /** The declared element count (0 for a flexible array member). */
  readonly __count?: N;
}

/** A C `union` of the members of T. */
export type union<T extends object> = T;
/** A bit-field of width W on integer type Base (`W = 0` allowed on `_padN`). */
export type bits<Base, W extends number> = Base extends bigint ? bigint : number & { readonly __bits?: W };
/** `__attribute__((packed))` on a record literal or on a member. */
export type packed<T> = T;
/** `__attribute__((aligned(N)))` on a record literal, a member, or (deeper) a type. */
export type aligned<T, N extends number> = T & { readonly __aligned?: N };
/** `_Atomic T` for an integer T: accesses go through `Atomics`. */
export type atomic<T> = T;

/** `__typed<T>` marks a binding whose value lives in typed memory laid out as T. */
export type __typed<T> = T;
