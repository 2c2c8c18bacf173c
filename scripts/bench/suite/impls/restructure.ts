/**
 * restructure (peer): a Struct of int32le, doublele, uint8, an int64 and an
 * Array(uint16le, 4), padding from the core's layout as Reserved bytes. It
 * decodes a record into an object and encodes it back (it has no in-place field
 * access), over streams on the area. restructure has no 64-bit integer, so `d`
 * is a custom type per its README (decode/encode/size on the stream's DataView).
 */
/// <reference path="./restructure.d.ts" />
import type { BenchContext, Impl, ImplFactory } from "../impl.js";
import { assertPeerLayout, fieldSlots } from "./padding.js";

// Int64LE is restructure's custom-type contract for a little-endian int64_t.
const Int64LE = {
  size: () => 8,
  decode(stream: any): bigint {
    const v = stream.view.getBigInt64(stream.pos, true);
    stream.pos += 8;
    return v;
  },
  encode(stream: any, v: bigint): void {
    stream.view.setBigInt64(stream.pos, v, true);
    stream.pos += 8;
  },
};

/** restructure is the restructure peer. */
export const restructure: ImplFactory = {
  id: "restructure",
  async make(ctx: BenchContext): Promise<Impl> {
    const r: any = await import("restructure");
    const { n, indices } = ctx;
    const FIELD: Record<string, unknown> = { a: r.int32le, b: r.doublele, c: r.uint8, d: Int64LE, e: new r.Array(r.uint16le, 4) };
    const { slots, tail } = fieldSlots(ctx.layout);
    const fields: Record<string, unknown> = {};
    const offsets: Record<string, number> = {};
    let offset = 0;
    slots.forEach((s, k) => {
      if (s.gapBefore > 0) fields[`_pad${k}`] = new r.Reserved(r.uint8, s.gapBefore);
      offset += s.gapBefore;
      offsets[s.name] = offset;
      fields[s.name] = FIELD[s.name];
      offset += (FIELD[s.name] as any).size();
    });
    if (tail > 0) fields._tail = new r.Reserved(r.uint8, tail);
    const RecStruct = new r.Struct(fields);
    const stride: number = RecStruct.size();
    assertPeerLayout("restructure", ctx.layout, stride, offsets);
    const area = new Uint8Array(ctx.buffer, ctx.areaByteOffset, n * stride);
    const input = new r.DecodeStream(area);
    const output = new r.EncodeStream(area);
    return {
      id: "restructure",
      w1() {
        let s = 0;
        for (let i = 0; i < n; i++) {
          input.pos = i * stride;
          const v = RecStruct.decode(input);
          s += v.a + v.b;
        }
        return s;
      },
      w2() {
        for (let i = 0; i < n; i++) {
          input.pos = i * stride;
          const v = RecStruct.decode(input);
          v.a += 1;
          v.d += 1n;
          v.e[2] = i & 0xffff;
          output.pos = i * stride;
          RecStruct.encode(output, v);
        }
      },
      w3() {
        let s = 0;
        for (let k = 0; k < indices.length; k++) {
          input.pos = indices[k]! * stride;
          s += RecStruct.decode(input).b;
        }
        return s;
      },
    };
  },
};
