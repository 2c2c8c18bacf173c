/**
 * buffer-backed-object (peer): ArrayOfBufferBackedObjects over the area, its
 * descriptors built from the core's layout (reserved bytes for the padding);
 * `e` is a nested array of { v: Uint16 }. Every record's object is created once
 * before timing (the library creates them lazily on first index access).
 */
import * as BBO from "buffer-backed-object";
import type { BenchContext, Impl, ImplFactory } from "../impl.js";
import { assertPeerLayout, fieldSlots } from "./padding.js";

const FIELD: Readonly<Record<string, () => BBO.Descriptor>> = {
  a: () => BBO.Int32(),
  b: () => BBO.Float64(),
  c: () => BBO.Uint8(),
  d: () => BBO.BigInt64(),
  e: () => BBO.NestedArrayOfBufferBackedObjects(4, { v: BBO.Uint16() }),
};

/** bufferBackedObject is the buffer-backed-object peer. */
export const bufferBackedObject: ImplFactory = {
  id: "buffer-backed-object",
  make(ctx: BenchContext): Impl {
    const { n, indices } = ctx;
    const { slots, tail } = fieldSlots(ctx.layout);
    const descriptors: Record<string, BBO.Descriptor> = {};
    let offset = 0;
    const offsets: Record<string, number> = {};
    slots.forEach((s, k) => {
      if (s.gapBefore > 0) descriptors[`_pad${k}`] = BBO.reserved(s.gapBefore);
      offset += s.gapBefore;
      offsets[s.name] = offset;
      descriptors[s.name] = FIELD[s.name]!();
      offset += descriptors[s.name]!.size;
    });
    if (tail > 0) descriptors._tail = BBO.reserved(tail);
    assertPeerLayout("buffer-backed-object", ctx.layout, BBO.structSize(descriptors), offsets);
    const recs: any[] = BBO.ArrayOfBufferBackedObjects(ctx.buffer as unknown as ArrayBuffer, descriptors, { byteOffset: ctx.areaByteOffset, length: n });
    for (let i = 0; i < n; i++) void recs[i]; // create every record's object now, not in the timed loops
    return {
      id: "buffer-backed-object",
      w1() {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const r = recs[i];
          s += r.a + r.b;
        }
        return s;
      },
      w2() {
        for (let i = 0; i < n; i++) {
          const r = recs[i];
          r.a += 1;
          r.d += 1n;
          r.e[2].v = i & 0xffff;
        }
      },
      w3() {
        let s = 0;
        for (let k = 0; k < indices.length; k++) s += recs[indices[k]!].b;
        return s;
      },
    };
  },
};
