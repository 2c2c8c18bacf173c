/**
 * limit-dataview: the hand-written limit. One DataView, literal offsets and a
 * literal stride for x86_64-linux (a=0 b=8 c=16 d=24 e=32, sizeof 40), literal
 * little-endian; `d` through an aligned BigInt64Array, as a hand-writer would
 * (DataView.getBigInt64 is several times slower). No bounds checks beyond the engine's.
 */
import type { BenchContext, Impl, ImplFactory } from "../impl.js";
import type { RecLayout } from "../model.js";

/** assertLimitLayout aborts when the core's layout of Rec is not what the literals below assume. */
export function assertLimitLayout(layout: RecLayout): void {
  const f = layout.fields;
  const ok = layout.byteSize === 40 && f.a.byteOffset === 0 && f.b.byteOffset === 8 && f.c.byteOffset === 16 && f.d.byteOffset === 24 && f.e.byteOffset === 32;
  if (!ok) throw new Error(`limit-dataview: its literal offsets do not match the core's layout ${JSON.stringify(layout)}`);
}

/** limitDataView is the limit every ratio is taken against. */
export const limitDataView: ImplFactory = {
  id: "limit-dataview",
  make(ctx: BenchContext): Impl {
    assertLimitLayout(ctx.layout);
    const dv = new DataView(ctx.buffer);
    const i64 = new BigInt64Array(ctx.buffer, 0, ctx.buffer.byteLength >>> 3);
    const base = ctx.areaByteOffset;
    const n = ctx.n;
    const indices = ctx.indices;
    return {
      id: "limit-dataview",
      w1() {
        let s = 0;
        for (let i = 0, p = base; i < n; i++, p += 40) s += dv.getInt32(p, true) + dv.getFloat64(p + 8, true);
        return s;
      },
      w2() {
        for (let i = 0, p = base; i < n; i++, p += 40) {
          dv.setInt32(p, dv.getInt32(p, true) + 1, true);
          i64[(p + 24) >>> 3] += 1n;
          dv.setUint16(p + 36, i & 0xffff, true);
        }
      },
      w3() {
        let s = 0;
        for (let k = 0; k < indices.length; k++) s += dv.getFloat64(base + indices[k]! * 40 + 8, true);
        return s;
      },
    };
  },
};
