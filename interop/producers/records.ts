/**
 * records.ts — the typedc declarations (SPEC §2) of interop/producers/records.h.
 *
 * Each declaration means exactly the C layout next to it in records.h, in every
 * format; the committed fixtures/interop/<abi>/records.json hold the layout the
 * real cross compilers chose, and test/interop-producers.test.ts compares.
 */
import type {
  i16, i32, i64, u8, u16, u32, u64, f32, bool,
  c_char, c_schar, c_uchar, c_short, c_ushort, c_int, c_uint, c_long, c_ulong,
  c_longlong, c_ulonglong, c_float, c_double, c_wchar,
  ptr, array, union, bits, packed, aligned,
} from "@typedc/runtime";

/** Color is `enum Color`: a negative enumerator makes it a signed `int`. */
export enum Color {
  Neg = -2,
  Red = 1,
  Green = 2,
  Blue = 300,
}

/** Bits is `struct Bits`: SysV bit-fields, signed, wide, zero-width and unnamed. */
export interface Bits {
  lo: bits<u32, 3>;
  s5: bits<i32, 5>;
  mid: bits<u32, 20>;
  wide: bits<u64, 40>; // does not fit the rest of its unit: moves (to bit 64; bit 32 on i386)
  sw: bits<i64, 33>;
  _pad0: bits<u32, 0>; // uint32_t : 0;
  b4: bits<u8, 4>;
  _pad1: bits<u8, 2>; // uint8_t : 2;
  cross: bits<u16, 7>; // straddles a byte boundary
}

/** Packed is `struct __attribute__((packed)) Packed`. */
export type Packed = packed<{
  tag: u8;
  value: u32;
  port: u16;
  big: i64;
}>;

/** Num is `union Num`. */
export type Num = union<{
  i: i32;
  f: f32;
  bytes: array<u8, 4>;
}>;

/** Pair is `struct __attribute__((aligned(8))) Pair`: alignment 8, size rounded up to 8. */
export type Pair = aligned<{ x: i16; y: i16 }, 8>;

/** Rec is `struct Rec`, the record the producers write. */
export interface Rec {
  id: i32;
  c: c_char;
  sc: c_schar;
  uc: c_uchar;
  flag: bool;
  sh: c_short;
  ush: c_ushort;
  in: c_int;
  uin: c_uint;
  lg: c_long;
  ulg: c_ulong;
  ll: c_longlong;
  ull: c_ulonglong;
  i64: i64;
  u64: u64;
  f: c_float;
  d: c_double;
  wc: c_wchar;
  color: Color;
  bits: Bits;
  odd: u8;
  pk: Packed;
  loose: packed<u32>; // member attribute: uint32_t loose __attribute__((packed));
  num: Num;
  _anon0: union<{ word: u32; octets: array<u8, 4> }>; // C11 anonymous union
  pair: Pair;
  grid: array<array<i16, 4>, 3>; // int16_t grid[3][4];
  tag: u8;
  al: aligned<i32, 16>; // member attribute: int32_t al __attribute__((aligned(16)));
  next: ptr<Rec>;
  name: array<c_char, 6>;
}
