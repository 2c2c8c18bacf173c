/**
 * handwritten-dataview-arg: the limit's loops, literal offsets and stride included, in
 * functions that take the DataView and the area's base as arguments instead of closing
 * over them, as any hand-written function that serves more than one memory must. The
 * limit's DataView is a constant of its closure, which V8 folds into the loop; this row
 * shows what that alone is worth, and so where generic code (typedc's) can get at best.
 */
import type { BenchContext, Impl, ImplFactory } from "../impl.js";
import { assertLimitLayout } from "./limit-dataview.js";

function w1(dv: DataView, base: number, n: number): number {
  let s = 0;
  for (let i = 0, p = base; i < n; i++, p += 40) s += dv.getInt32(p, true) + dv.getFloat64(p + 8, true);
  return s;
}

function w2(dv: DataView, i64: BigInt64Array, base: number, n: number): void {
  for (let i = 0, p = base; i < n; i++, p += 40) {
    dv.setInt32(p, dv.getInt32(p, true) + 1, true);
    i64[(p + 24) >>> 3] += 1n;
    dv.setUint16(p + 36, i & 0xffff, true);
  }
}

function w3(dv: DataView, base: number, indices: Int32Array): number {
  let s = 0;
  for (let k = 0; k < indices.length; k++) s += dv.getFloat64(base + indices[k]! * 40 + 8, true);
  return s;
}

/** handwrittenDataViewArg is the limit with its memory passed in. */
export const handwrittenDataViewArg: ImplFactory = {
  id: "handwritten-dataview-arg",
  make(ctx: BenchContext): Impl {
    assertLimitLayout(ctx.layout);
    const dv = new DataView(ctx.buffer);
    const i64 = new BigInt64Array(ctx.buffer, 0, ctx.buffer.byteLength >>> 3);
    const base = ctx.areaByteOffset;
    return {
      id: "handwritten-dataview-arg",
      w1: () => w1(dv, base, ctx.n),
      w2: () => w2(dv, i64, base, ctx.n),
      w3: () => w3(dv, base, ctx.indices),
    };
  },
};
