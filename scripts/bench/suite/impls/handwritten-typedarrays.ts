/**
 * handwritten-typedarrays: hand-written code over typed arrays (Int32Array,
 * Float64Array, BigInt64Array, Uint16Array) of the whole buffer, with element
 * indices computed from the core's layout of Rec (host byte order, which is the
 * area's: x86_64-linux on a little-endian host).
 */
import type { BenchContext, Impl, ImplFactory } from "../impl.js";

// wordIndex is byteOffset / elementSize, asserting the field is aligned for a typed array of that element size.
function wordIndex(byteOffset: number, elementSize: number): number {
  if (byteOffset % elementSize !== 0) throw new Error(`handwritten-typedarrays: byte ${byteOffset} is not ${elementSize}-aligned`);
  return byteOffset / elementSize;
}

/** handwrittenTypedArrays indexes typed arrays with offsets from the layout. */
export const handwrittenTypedArrays: ImplFactory = {
  id: "handwritten-typedarrays",
  make(ctx: BenchContext): Impl {
    const { buffer, n, indices } = ctx;
    const { byteSize: stride, fields } = ctx.layout;
    const base = ctx.areaByteOffset;
    const i32 = new Int32Array(buffer, 0, buffer.byteLength >>> 2);
    const f64 = new Float64Array(buffer, 0, buffer.byteLength >>> 3);
    const i64 = new BigInt64Array(buffer, 0, buffer.byteLength >>> 3);
    const u16 = new Uint16Array(buffer, 0, buffer.byteLength >>> 1);
    const a0 = wordIndex(base + fields.a.byteOffset, 4), sa = wordIndex(stride, 4);
    const b0 = wordIndex(base + fields.b.byteOffset, 8), sb = wordIndex(stride, 8);
    const d0 = wordIndex(base + fields.d.byteOffset, 8), sd = sb;
    const e2 = wordIndex(base + fields.e.byteOffset + 2 * fields.e.elementByteSize, 2), se = wordIndex(stride, 2);
    return {
      id: "handwritten-typedarrays",
      w1() {
        let s = 0;
        for (let i = 0, ia = a0, ib = b0; i < n; i++, ia += sa, ib += sb) s += i32[ia]! + f64[ib]!;
        return s;
      },
      w2() {
        for (let i = 0, ia = a0, id = d0, ie = e2; i < n; i++, ia += sa, id += sd, ie += se) {
          i32[ia]! += 1;
          i64[id]! += 1n;
          u16[ie] = i & 0xffff;
        }
      },
      w3() {
        let s = 0;
        for (let k = 0; k < indices.length; k++) s += f64[b0 + indices[k]! * sb]!;
        return s;
      },
    };
  },
};
