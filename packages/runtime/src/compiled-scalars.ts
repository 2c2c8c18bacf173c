/**
 * Monomorphic scalar accessors for compiled code (docs/compiler.md, "Speed"): one
 * small function per fixed-size C type, so V8 inlines each access site into a
 * single DataView load or store (the shared codecs of scalars.ts are polymorphic
 * across types). The format's byte order is the handle's `le`. A write that does
 * not fit falls back to the path's codec, which throws the right TypedRangeError.
 */
import type { CompiledPath } from "./compiled-path.js";
import type { Handle } from "./primitives.js";

/** r_i8 reads an int8_t. */
export const r_i8 = (h: Handle, a: number): number => h.dv.getInt8(a);
/** r_u8 reads a uint8_t. */
export const r_u8 = (h: Handle, a: number): number => h.u8[a]!;
/** r_i16 reads an int16_t in the format's byte order. */
export const r_i16 = (h: Handle, a: number): number => h.dv.getInt16(a, h.le);
/** r_u16 reads a uint16_t in the format's byte order. */
export const r_u16 = (h: Handle, a: number): number => h.dv.getUint16(a, h.le);
/** r_i32 reads an int32_t in the format's byte order. */
export const r_i32 = (h: Handle, a: number): number => h.dv.getInt32(a, h.le);
/** r_u32 reads a uint32_t in the format's byte order. */
export const r_u32 = (h: Handle, a: number): number => h.dv.getUint32(a, h.le);
/** r_f32 reads a float in the format's byte order. */
export const r_f32 = (h: Handle, a: number): number => h.dv.getFloat32(a, h.le);
/** r_f64 reads a double in the format's byte order. */
export const r_f64 = (h: Handle, a: number): number => h.dv.getFloat64(a, h.le);

/** w_i8 writes an int8_t (checked: an integer in -128..127). */
export function w_i8(h: Handle, a: number, v: number, p: CompiledPath, path: string, location: string): void {
  if (((v << 24) >> 24) === v) h.dv.setInt8(a, v);
  else p.wr(h, a, v, path, location);
}
/** w_u8 writes a uint8_t (checked: an integer in 0..255). */
export function w_u8(h: Handle, a: number, v: number, p: CompiledPath, path: string, location: string): void {
  if ((v & 0xff) === v) h.u8[a] = v;
  else p.wr(h, a, v, path, location);
}
/** w_i16 writes an int16_t. */
export function w_i16(h: Handle, a: number, v: number, p: CompiledPath, path: string, location: string): void {
  if (((v << 16) >> 16) === v) h.dv.setInt16(a, v, h.le);
  else p.wr(h, a, v, path, location);
}
/** w_u16 writes a uint16_t. */
export function w_u16(h: Handle, a: number, v: number, p: CompiledPath, path: string, location: string): void {
  if ((v & 0xffff) === v) h.dv.setUint16(a, v, h.le);
  else p.wr(h, a, v, path, location);
}
/** w_i32 writes an int32_t. */
export function w_i32(h: Handle, a: number, v: number, p: CompiledPath, path: string, location: string): void {
  if ((v | 0) === v) h.dv.setInt32(a, v, h.le);
  else p.wr(h, a, v, path, location);
}
/** w_u32 writes a uint32_t. */
export function w_u32(h: Handle, a: number, v: number, p: CompiledPath, path: string, location: string): void {
  if (v >>> 0 === v) h.dv.setUint32(a, v, h.le);
  else p.wr(h, a, v, path, location);
}
/** w_f32 writes a float (rounded like C's conversion). */
export function w_f32(h: Handle, a: number, v: number, p: CompiledPath, path: string, location: string): void {
  if (typeof v === "number") h.dv.setFloat32(a, v, h.le);
  else p.wr(h, a, v, path, location);
}
/** w_f64 writes a double. */
export function w_f64(h: Handle, a: number, v: number, p: CompiledPath, path: string, location: string): void {
  if (typeof v === "number") h.dv.setFloat64(a, v, h.le);
  else p.wr(h, a, v, path, location);
}
