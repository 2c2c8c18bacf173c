/**
 * Scalar codecs: how one scalar field is read and written, chosen from its
 * table entry (encoding, byteSize, C type name) once per table, never per access.
 * Values follow SPEC §2: integers up to 4 bytes and 8-byte `c_long`-like types are
 * numbers (exact, else TypedRangeError), `i64 u64 c_longlong c_ulonglong` bigints,
 * `bool` booleans, floats numbers (f32 rounds like C, via DataView.setFloat32).
 */
import type { Encoding } from "@typedc/core";
import { AccessMessages, checkBigIntFits, checkNumberFits, describeValue, rangeError, type PathLike } from "./checks.js";
import type { Handle } from "./primitives.js";

/** ValueKind is the JS type of a scalar field's value. */
export type ValueKind = "number" | "bigint" | "boolean";

/** ScalarCodec reads and writes one scalar at a byte address; `path`/`location` are used only when throwing. */
export interface ScalarCodec {
  /** Codec id: `i8 u8 i16 u16 i32 u32 f32 f64 bool i64 u64` (bigint), `n64 nu64` (8-byte number). */
  readonly id: string;
  /** The C type name, for messages (`c_long`, `u8`, an enum name). */
  readonly typeName: string;
  readonly byteSize: number;
  readonly value: ValueKind;
  readonly rd: (h: Handle, a: number, path?: PathLike, location?: string) => any;
  readonly wr: (h: Handle, a: number, v: unknown, path?: PathLike, location?: string) => void;
}

/** BIGINT_TYPE_NAMES are the C types whose values are bigints (SPEC §2); other 8-byte integers are exact numbers. */
export const BIGINT_TYPE_NAMES: ReadonlySet<string> = new Set(["i64", "u64", "c_longlong", "c_ulonglong"]);

const TWO_32 = 4294967296;

// Raw readers per codec id. 64-bit bigint reads use an aligned BigInt64Array when the
// format's byte order is the host's (DataView.getBigInt64 measured ~9x slower).
/** rd_i8 reads an int8_t. */
export const rd_i8 = (h: Handle, a: number): number => h.dv.getInt8(a);
/** rd_u8 reads a uint8_t. */
export const rd_u8 = (h: Handle, a: number): number => h.u8[a];
/** rd_i16 reads an int16_t in the format's byte order. */
export const rd_i16 = (h: Handle, a: number): number => h.dv.getInt16(a, h.le);
/** rd_u16 reads a uint16_t in the format's byte order. */
export const rd_u16 = (h: Handle, a: number): number => h.dv.getUint16(a, h.le);
/** rd_i32 reads an int32_t in the format's byte order. */
export const rd_i32 = (h: Handle, a: number): number => h.dv.getInt32(a, h.le);
/** rd_u32 reads a uint32_t in the format's byte order. */
export const rd_u32 = (h: Handle, a: number): number => h.dv.getUint32(a, h.le);
/** rd_f32 reads a float in the format's byte order. */
export const rd_f32 = (h: Handle, a: number): number => h.dv.getFloat32(a, h.le);
/** rd_f64 reads a double in the format's byte order. */
export const rd_f64 = (h: Handle, a: number): number => h.dv.getFloat64(a, h.le);
/** rd_i64 reads an int64_t as a bigint. */
export const rd_i64 = (h: Handle, a: number): bigint => (h.swap || (a & 7) !== 0 ? h.dv.getBigInt64(a, h.le) : h.i64[a >>> 3]);
/** rd_u64 reads a uint64_t as a bigint. */
export const rd_u64 = (h: Handle, a: number): bigint => (h.swap || (a & 7) !== 0 ? h.dv.getBigUint64(a, h.le) : h.u64[a >>> 3]);

/** rd_n64 reads a signed 8-byte integer as an exact number, or throws TypedRangeError (SPEC §4). */
export function rd_n64(h: Handle, a: number, path?: PathLike, location?: string, typeName = "c_long"): number {
  const lo = h.dv.getUint32(h.le ? a : a + 4, h.le);
  const hi = h.dv.getInt32(h.le ? a + 4 : a, h.le);
  // |hi| < 2^21 keeps hi * 2^32 + lo exact; Number.isSafeInteger then rejects -2^53.
  const v = hi * TWO_32 + lo;
  if (hi >= -2097152 && hi < 2097152 && Number.isSafeInteger(v)) return v;
  throw rangeError(AccessMessages.UnsafeRead, [h.dv.getBigInt64(a, h.le), 8, typeName], path, location);
}

/** rd_nu64 reads an unsigned 8-byte integer as an exact number, or throws TypedRangeError. */
export function rd_nu64(h: Handle, a: number, path?: PathLike, location?: string, typeName = "c_ulong"): number {
  const lo = h.dv.getUint32(h.le ? a : a + 4, h.le);
  const hi = h.dv.getUint32(h.le ? a + 4 : a, h.le);
  if (hi < 2097152) return hi * TWO_32 + lo;
  throw rangeError(AccessMessages.UnsafeRead, [h.dv.getBigUint64(a, h.le), 8, typeName], path, location);
}

/** rd_bool reads a `_Bool`: 0 is false, 1 true, any other byte a TypedRangeError (C leaves it undefined). */
export function rd_bool(h: Handle, a: number, path?: PathLike, location?: string): boolean {
  const b = h.u8[a];
  if (b <= 1) return b === 1;
  throw rangeError(AccessMessages.InvalidBool, [b], path, location);
}

/** wr_n64 writes an exact number into a signed or unsigned 8-byte integer. */
export function wr_n64(h: Handle, a: number, v: number, signed: boolean): void {
  const lo = v >>> 0; // ToUint32 is v mod 2^32, exact for every safe integer
  const hi = Math.floor(v / TWO_32); // exact: division by a power of two
  h.dv.setUint32(h.le ? a : a + 4, lo, h.le);
  if (signed) h.dv.setInt32(h.le ? a + 4 : a, hi, h.le);
  else h.dv.setUint32(h.le ? a + 4 : a, hi, h.le);
}

const codecCache = new Map<string, ScalarCodec>();

/** scalarCodec returns the (cached, frozen) codec of a scalar of this encoding, size and C type name. */
export function scalarCodec(encoding: Encoding, byteSize: number, typeName: string): ScalarCodec {
  const key = `${encoding}/${byteSize}/${typeName}`;
  let c = codecCache.get(key);
  if (c === undefined) {
    c = Object.freeze(makeCodec(encoding, byteSize, typeName));
    codecCache.set(key, c);
  }
  return c;
}

function makeCodec(encoding: Encoding, byteSize: number, typeName: string): ScalarCodec {
  if (encoding === "float") return floatCodec(byteSize, typeName);
  if (encoding === "boolean") return boolCodec(byteSize, typeName);
  const signed = encoding === "signed" || encoding === "signed_char";
  if (byteSize === 8) return BIGINT_TYPE_NAMES.has(typeName) ? bigintCodec(signed, typeName) : number64Codec(signed, typeName);
  return smallIntCodec(signed, byteSize, typeName);
}

function floatCodec(byteSize: number, typeName: string): ScalarCodec {
  const wrongType = (v: unknown, path?: PathLike, location?: string) =>
    rangeError(AccessMessages.WrongValueType, [typeName, "number", describeValue(v)], path, location);
  if (byteSize === 4) {
    return { id: "f32", typeName, byteSize, value: "number", rd: rd_f32, wr(h, a, v, path, location) {
      if (typeof v !== "number") throw wrongType(v, path, location);
      h.dv.setFloat32(a, v, h.le); // rounds to nearest-even like C's (float) conversion
    } };
  }
  assertSize(byteSize === 8, typeName, byteSize);
  return { id: "f64", typeName, byteSize, value: "number", rd: rd_f64, wr(h, a, v, path, location) {
    if (typeof v !== "number") throw wrongType(v, path, location);
    h.dv.setFloat64(a, v, h.le);
  } };
}

function boolCodec(byteSize: number, typeName: string): ScalarCodec {
  assertSize(byteSize === 1, typeName, byteSize);
  return { id: "bool", typeName, byteSize, value: "boolean", rd: rd_bool, wr(h, a, v, path, location) {
    // A `_Bool` takes true/false (and 0/1, which C converts without loss).
    if (v === true || v === 1) h.u8[a] = 1;
    else if (v === false || v === 0) h.u8[a] = 0;
    else throw rangeError(AccessMessages.WrongValueType, [typeName, "boolean", describeValue(v)], path, location);
  } };
}

function bigintCodec(signed: boolean, typeName: string): ScalarCodec {
  const min = signed ? -(1n << 63n) : 0n;
  const max = signed ? (1n << 63n) - 1n : (1n << 64n) - 1n;
  if (signed) {
    return { id: "i64", typeName, byteSize: 8, value: "bigint", rd: rd_i64, wr(h, a, v, path, location) {
      if (typeof v !== "bigint" || BigInt.asIntN(64, v) !== v) checkBigIntFits(v, typeName, min, max, path, location);
      if (h.swap || (a & 7) !== 0) h.dv.setBigInt64(a, v as bigint, h.le);
      else h.i64[a >>> 3] = v as bigint;
    } };
  }
  return { id: "u64", typeName, byteSize: 8, value: "bigint", rd: rd_u64, wr(h, a, v, path, location) {
    if (typeof v !== "bigint" || BigInt.asUintN(64, v) !== v) checkBigIntFits(v, typeName, min, max, path, location);
    if (h.swap || (a & 7) !== 0) h.dv.setBigUint64(a, v as bigint, h.le);
    else h.u64[a >>> 3] = v as bigint;
  } };
}

function number64Codec(signed: boolean, typeName: string): ScalarCodec {
  const min = signed ? Number.MIN_SAFE_INTEGER : 0;
  const max = Number.MAX_SAFE_INTEGER;
  return {
    id: signed ? "n64" : "nu64", typeName, byteSize: 8, value: "number",
    rd: signed
      ? (h: Handle, a: number, path?: PathLike, location?: string) => rd_n64(h, a, path, location, typeName)
      : (h: Handle, a: number, path?: PathLike, location?: string) => rd_nu64(h, a, path, location, typeName),
    wr(h, a, v, path, location) {
      checkNumberFits(v, typeName, min, max, path, location);
      wr_n64(h, a, v, signed);
    },
  };
}

// Fast fit tests per (signedness, size): true exactly when v is a number holding an
// integer of that C type (a non-number never equals its ToInt32 result).
const FITS: Readonly<Record<string, (v: any) => boolean>> = {
  s1: (v) => (v << 24) >> 24 === v,
  u1: (v) => (v & 0xff) === v,
  s2: (v) => (v << 16) >> 16 === v,
  u2: (v) => (v & 0xffff) === v,
  s4: (v) => (v | 0) === v,
  u4: (v) => v >>> 0 === v,
};

const SMALL_IO: Readonly<Record<string, { id: string; rd: (h: Handle, a: number) => number; set: (h: Handle, a: number, v: number) => void }>> = {
  s1: { id: "i8", rd: rd_i8, set: (h, a, v) => h.dv.setInt8(a, v) },
  u1: { id: "u8", rd: rd_u8, set: (h, a, v) => { h.u8[a] = v; } },
  s2: { id: "i16", rd: rd_i16, set: (h, a, v) => h.dv.setInt16(a, v, h.le) },
  u2: { id: "u16", rd: rd_u16, set: (h, a, v) => h.dv.setUint16(a, v, h.le) },
  s4: { id: "i32", rd: rd_i32, set: (h, a, v) => h.dv.setInt32(a, v, h.le) },
  u4: { id: "u32", rd: rd_u32, set: (h, a, v) => h.dv.setUint32(a, v, h.le) },
};

function smallIntCodec(signed: boolean, byteSize: number, typeName: string): ScalarCodec {
  const key = `${signed ? "s" : "u"}${byteSize}`;
  const io = SMALL_IO[key];
  assertSize(io !== undefined, typeName, byteSize);
  const fits = FITS[key];
  const bitWidth = byteSize * 8;
  const min = signed ? -(2 ** (bitWidth - 1)) : 0;
  const max = signed ? 2 ** (bitWidth - 1) - 1 : 2 ** bitWidth - 1;
  const set = io.set;
  return { id: io.id, typeName, byteSize, value: "number", rd: io.rd, wr(h, a, v, path, location) {
    if (!fits(v)) checkNumberFits(v, typeName, min, max, path, location);
    set(h, a, v as number);
  } };
}

function assertSize(ok: boolean, typeName: string, byteSize: number): asserts ok {
  if (!ok) throw new Error(`typedc runtime invariant broken: no ${byteSize}-byte encoding for '${typeName}'`);
}
