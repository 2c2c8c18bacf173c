/**
 * structurae (peer): an ObjectView class from a JSON schema (int32, float64,
 * uint8, bigint64, an array of 4 uint16), padding from the core's layout as
 * uint8 arrays; one view (a DataView subclass) per record over the area,
 * created before timing. Fields are read with `get(name)`, written with `set(name, value)`.
 */
import type { BenchContext, Impl, ImplFactory } from "../impl.js";
import { assertPeerLayout, fieldSlots } from "./padding.js";

const FIELD: Readonly<Record<string, object>> = {
  a: { type: "integer", btype: "int32" },
  b: { type: "number", btype: "float64" },
  c: { type: "integer", btype: "uint8" },
  d: { type: "integer", btype: "bigint64" },
  e: { type: "array", maxItems: 4, items: { type: "integer", btype: "uint16" } },
};
const padding = (bytes: number) => ({ type: "array", maxItems: bytes, items: { type: "integer", btype: "uint8" } });

/** structurae is the structurae peer (ESM-only, loaded with import()). */
export const structurae: ImplFactory = {
  id: "structurae",
  async make(ctx: BenchContext): Promise<Impl> {
    const { View } = await import("structurae");
    const { n, indices } = ctx;
    const { slots, tail } = fieldSlots(ctx.layout);
    const properties: Record<string, object> = {};
    slots.forEach((s, k) => {
      if (s.gapBefore > 0) properties[`_pad${k}`] = padding(s.gapBefore);
      properties[s.name] = FIELD[s.name]!;
    });
    if (tail > 0) properties._tail = padding(tail);
    const RecView: any = new View().create({ $id: `BenchRec${n}`, type: "object", properties } as any);
    const stride: number = RecView.viewLength;
    const offsets = Object.fromEntries(slots.map((f) => [f.name, RecView.layout[f.name].start]));
    assertPeerLayout("structurae", ctx.layout, stride, offsets);
    const recs: any[] = new Array(n);
    for (let i = 0; i < n; i++) recs[i] = new RecView(ctx.buffer, ctx.areaByteOffset + i * stride, stride);
    return {
      id: "structurae",
      w1() {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const r = recs[i];
          s += r.get("a") + r.get("b");
        }
        return s;
      },
      w2() {
        for (let i = 0; i < n; i++) {
          const r = recs[i];
          r.set("a", r.get("a") + 1);
          r.set("d", r.get("d") + 1n);
          // `r.getView("e").set(2, v)` adds the view's byteOffset twice (ArrayView.set in 4.0.2)
          // and throws past the first record, so the array is read, changed and written whole.
          const e = r.get("e");
          e[2] = i & 0xffff;
          r.set("e", e);
        }
      },
      w3() {
        let s = 0;
        for (let k = 0; k < indices.length; k++) s += recs[indices[k]!].get("b");
        return s;
      },
    };
  },
};
