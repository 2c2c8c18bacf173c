/**
 * typed-struct (peer): a compiled Struct (Int32LE, Float64LE, UInt8, BigInt64LE,
 * UInt16Array) with `seek` over the padding from the core's layout; one instance
 * per record over a Buffer that shares the area's memory, created before timing.
 */
import { Struct } from "typed-struct";
import type { BenchContext, Impl, ImplFactory } from "../impl.js";
import { assertPeerLayout, fieldSlots } from "./padding.js";

/** typedStruct is the typed-struct peer. */
export const typedStruct: ImplFactory = {
  id: "typed-struct",
  make(ctx: BenchContext): Impl {
    const { n, indices } = ctx;
    const { slots, tail } = fieldSlots(ctx.layout);
    let s: any = new Struct("Rec");
    for (const slot of slots) {
      if (slot.gapBefore > 0) s = s.seek(slot.gapBefore);
      if (slot.name === "a") s = s.Int32LE("a");
      else if (slot.name === "b") s = s.Float64LE("b");
      else if (slot.name === "c") s = s.UInt8("c");
      else if (slot.name === "d") s = s.BigInt64LE("d");
      else s = s.UInt16Array("e", 4);
    }
    if (tail > 0) s = s.seek(tail);
    const RecStruct = s.compile();
    const stride: number = RecStruct.baseSize;
    const offsets = Object.fromEntries(slots.map((f) => [f.name, RecStruct.getOffsetOf(f.name)]));
    assertPeerLayout("typed-struct", ctx.layout, stride, offsets);
    const area = Buffer.from(ctx.buffer, ctx.areaByteOffset, n * stride);
    const recs: any[] = new Array(n);
    for (let i = 0; i < n; i++) recs[i] = new RecStruct(area.subarray(i * stride, (i + 1) * stride), false);
    return {
      id: "typed-struct",
      w1() {
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const r = recs[i];
          sum += r.a + r.b;
        }
        return sum;
      },
      w2() {
        for (let i = 0; i < n; i++) {
          const r = recs[i];
          r.a += 1;
          r.d += 1n;
          r.e[2] = i & 0xffff;
        }
      },
      w3() {
        let sum = 0;
        for (let k = 0; k < indices.length; k++) sum += recs[indices[k]!].b;
        return sum;
      },
    };
  },
};
