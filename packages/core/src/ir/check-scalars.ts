import type { ScalarName } from "./ctype.js";

/**
 * MAX_BIT_WIDTH is, per scalar, the widest bit-field it can hold in any of the 12 formats
 * (C11 6.7.2.1p4: a width may not exceed the width of its type), or null when it is not an
 * integer type. `_Bool` holds 1 bit. Types whose size varies (`c_long`, `c_wchar`, …) use their
 * largest size here; a width that fits only some formats is reported by the layout stage (3xxx).
 */
export const MAX_BIT_WIDTH: Readonly<Record<ScalarName, number | null>> = {
  i8: 8, u8: 8, i16: 16, u16: 16, i32: 32, u32: 32, i64: 64, u64: 64,
  f32: null, f64: null,
  bool: 1,
  c_char: 8, c_schar: 8, c_uchar: 8, c_short: 16, c_ushort: 16, c_int: 32, c_uint: 32,
  c_long: 64, c_ulong: 64, c_size_t: 64, c_ssize_t: 64, c_ptrdiff_t: 64, c_intptr_t: 64, c_uintptr_t: 64,
  c_longlong: 64, c_ulonglong: 64,
  c_float: null, c_double: null,
  c_wchar: 32,
};

/** ENUM_BIT_WIDTH is the width of an enum's compatible type in every format: `int` or `unsigned int` (checkDecls keeps values in 32 bits). */
export const ENUM_BIT_WIDTH = 32;

/** isAtomicScalar tells whether `atomic<T>` is allowed on a scalar: integer types, not `bool` or floats (SPEC §2). */
export function isAtomicScalar(name: ScalarName): boolean {
  const bitWidth = MAX_BIT_WIDTH[name];
  return bitWidth !== null && name !== "bool";
}
