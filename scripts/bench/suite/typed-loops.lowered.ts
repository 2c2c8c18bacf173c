/**
 * typed-loops.lowered: typed-loops.ts lowered by hand exactly as the tsc
 * transformer's emit-access.ts lowers it (docs/compiler.md): one CompiledRef and
 * hoisted paths per binding, `a + ix(i, length) * s0 + o` addresses, `rd`/`wr`
 * through the path with constant path/location strings. `checked` chooses the
 * `boundsChecks` option (false drops the `ix` calls). This is the first version of
 * the transformer's emit (no hoisted locals, no inline reads); the suite runs the real
 * transformer output whenever packages/tsc-plugin compiles typed-loops.ts (compiled.ts),
 * and this text only when it cannot.
 */
import * as __typedc from "@typedc/runtime";

/** LoweredLoops are the three workload functions of typed-loops.ts. */
export interface LoweredLoops {
  sumAB(recs: unknown, n: number): number;
  update(recs: unknown, n: number): void;
  sumBAt(recs: unknown, indices: Int32Array): number;
}

/** checkedLoops: boundsChecks on (the default, SPEC §4). */
export const checkedLoops: LoweredLoops = {
  sumAB(recs, n) {
    const recs$r = __typedc.cref(recs), recs$p0 = __typedc.cpath(recs$r.tp, recs$r.t, "[].a"), recs$p1 = __typedc.cpath(recs$r.tp, recs$r.t, "[].b");
    let s = 0;
    for (let i = 0; i < n; i++)
      s += recs$p0.rd(recs$r.h, recs$r.a + __typedc.ix(i, recs$r.length, "recs[#].a", "typed-loops.ts:16:34") * recs$p0.s0 + recs$p0.o, "recs[i].a", "typed-loops.ts:16:34")
        + recs$p1.rd(recs$r.h, recs$r.a + __typedc.ix(i, recs$r.length, "recs[#].b", "typed-loops.ts:16:47") * recs$p1.s0 + recs$p1.o, "recs[i].b", "typed-loops.ts:16:47");
    return s;
  },
  update(recs, n) {
    const recs$r = __typedc.cref(recs), recs$p0 = __typedc.cpath(recs$r.tp, recs$r.t, "[].a"), recs$p1 = __typedc.cpath(recs$r.tp, recs$r.t, "[].d"), recs$p2 = __typedc.cpath(recs$r.tp, recs$r.t, "[].e.[]");
    var a$1, a$2;
    for (let i = 0; i < n; i++) {
      // `recs[i].a += 1` → `(a$1 = <address>, P.wr(h, a$1, P.rd(h, a$1, ...) + 1, ...))`
      a$1 = recs$r.a + __typedc.ix(i, recs$r.length, "recs[#].a", "typed-loops.ts:23:5") * recs$p0.s0 + recs$p0.o;
      recs$p0.wr(recs$r.h, a$1, recs$p0.rd(recs$r.h, a$1, "recs[i].a", "typed-loops.ts:23:5") + 1, "recs[i].a", "typed-loops.ts:23:5");
      a$2 = recs$r.a + __typedc.ix(i, recs$r.length, "recs[#].d", "typed-loops.ts:24:5") * recs$p1.s0 + recs$p1.o;
      recs$p1.wr(recs$r.h, a$2, recs$p1.rd(recs$r.h, a$2, "recs[i].d", "typed-loops.ts:24:5") + 1n, "recs[i].d", "typed-loops.ts:24:5");
      recs$p2.wr(recs$r.h, recs$r.a + __typedc.ix(i, recs$r.length, "recs[#].e[2]", "typed-loops.ts:25:5") * recs$p2.s0 + __typedc.ix(2, 4, "recs[i].e[#]", "typed-loops.ts:25:5") * recs$p2.s1 + recs$p2.o, i & 0xffff, "recs[i].e[2]", "typed-loops.ts:25:5");
    }
  },
  sumBAt(recs, indices) {
    const recs$r = __typedc.cref(recs), recs$p0 = __typedc.cpath(recs$r.tp, recs$r.t, "[].b");
    let s = 0;
    for (let k = 0; k < indices.length; k++)
      s += recs$p0.rd(recs$r.h, recs$r.a + __typedc.ix(indices[k]!, recs$r.length, "recs[#].b", "typed-loops.ts:32:49") * recs$p0.s0 + recs$p0.o, "recs[indices[k]!].b", "typed-loops.ts:32:49");
    return s;
  },
};

/** uncheckedLoops: `boundsChecks: false` (no index checks; the engine's typed-array checks remain). */
export const uncheckedLoops: LoweredLoops = {
  sumAB(recs, n) {
    const recs$r = __typedc.cref(recs), recs$p0 = __typedc.cpath(recs$r.tp, recs$r.t, "[].a"), recs$p1 = __typedc.cpath(recs$r.tp, recs$r.t, "[].b");
    let s = 0;
    for (let i = 0; i < n; i++)
      s += recs$p0.rd(recs$r.h, recs$r.a + i * recs$p0.s0 + recs$p0.o, "recs[i].a", "typed-loops.ts:16:34")
        + recs$p1.rd(recs$r.h, recs$r.a + i * recs$p1.s0 + recs$p1.o, "recs[i].b", "typed-loops.ts:16:47");
    return s;
  },
  update(recs, n) {
    const recs$r = __typedc.cref(recs), recs$p0 = __typedc.cpath(recs$r.tp, recs$r.t, "[].a"), recs$p1 = __typedc.cpath(recs$r.tp, recs$r.t, "[].d"), recs$p2 = __typedc.cpath(recs$r.tp, recs$r.t, "[].e.[]");
    var a$1, a$2;
    for (let i = 0; i < n; i++) {
      a$1 = recs$r.a + i * recs$p0.s0 + recs$p0.o;
      recs$p0.wr(recs$r.h, a$1, recs$p0.rd(recs$r.h, a$1, "recs[i].a", "typed-loops.ts:23:5") + 1, "recs[i].a", "typed-loops.ts:23:5");
      a$2 = recs$r.a + i * recs$p1.s0 + recs$p1.o;
      recs$p1.wr(recs$r.h, a$2, recs$p1.rd(recs$r.h, a$2, "recs[i].d", "typed-loops.ts:24:5") + 1n, "recs[i].d", "typed-loops.ts:24:5");
      recs$p2.wr(recs$r.h, recs$r.a + i * recs$p2.s0 + 2 * recs$p2.s1 + recs$p2.o, i & 0xffff, "recs[i].e[2]", "typed-loops.ts:25:5");
    }
  },
  sumBAt(recs, indices) {
    const recs$r = __typedc.cref(recs), recs$p0 = __typedc.cpath(recs$r.tp, recs$r.t, "[].b");
    let s = 0;
    for (let k = 0; k < indices.length; k++)
      s += recs$p0.rd(recs$r.h, recs$r.a + indices[k]! * recs$p0.s0 + recs$p0.o, "recs[indices[k]!].b", "typed-loops.ts:32:49");
    return s;
  },
};
