/**
 * koffi (peer): koffi.struct lays Rec out natively (the C compiler's rules for
 * the host, checked against the core's layout); records are decoded with
 * `koffi.decode(area, offset, Rec)` and written back with `koffi.encode`.
 * koffi decodes an int64 that fits a double as a number; W2 adds 1 as a BigInt.
 */
import type { BenchContext, Impl, ImplFactory } from "../impl.js";
import { assertPeerLayout } from "./padding.js";

let structCount = 0;

/** koffiPeer is the koffi peer. */
export const koffiPeer: ImplFactory = {
  id: "koffi",
  make(ctx: BenchContext): Impl {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const koffi = require("koffi");
    const { n, indices } = ctx;
    const RecType = koffi.struct(`BenchRec${++structCount}`, { a: "int32_t", b: "double", c: "uint8_t", d: "int64_t", e: koffi.array("uint16_t", 4) });
    const stride: number = koffi.sizeof(RecType);
    assertPeerLayout("koffi", ctx.layout, stride, Object.fromEntries(ctx.layout.order.map((k) => [k, koffi.offsetof(RecType, k)])));
    const area = new Uint8Array(ctx.buffer, ctx.areaByteOffset, n * stride);
    return {
      id: "koffi",
      w1() {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const v = koffi.decode(area, i * stride, RecType);
          s += v.a + v.b;
        }
        return s;
      },
      w2() {
        for (let i = 0; i < n; i++) {
          const v = koffi.decode(area, i * stride, RecType);
          v.a += 1;
          v.d = BigInt(v.d) + 1n;
          v.e[2] = i & 0xffff;
          koffi.encode(area, i * stride, RecType, v);
        }
      },
      w3() {
        let s = 0;
        for (let k = 0; k < indices.length; k++) s += koffi.decode(area, indices[k]! * stride, RecType).b;
        return s;
      },
    };
  },
};
