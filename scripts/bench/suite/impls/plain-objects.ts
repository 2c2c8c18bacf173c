/**
 * plain-objects: the records as an array of ordinary JS objects
 * `{ a, b, c, d, e: number[] }`: no shared memory, no layout; the speed
 * reference for "just use objects" (and what postMessage would clone).
 */
import { Digest, initialRecord, type RecValues } from "../data.js";
import type { BenchContext, Impl, ImplFactory } from "../impl.js";

/** makeObjects returns the n initial records as plain objects. */
export function makeObjects(n: number): RecValues[] {
  const out: RecValues[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = initialRecord(i);
  return out;
}

/** digestObjects digests an array of plain records like data.ts digests an area. */
export function digestObjects(objs: readonly RecValues[]): string {
  const g = new Digest();
  for (let i = 0; i < objs.length; i++) {
    const o = objs[i]!;
    g.add(i, o.a, o.b, o.c, o.d, o.e);
  }
  return g.text();
}

/** plainObjects keeps its own array of objects. */
export const plainObjects: ImplFactory = {
  id: "plain-objects",
  make(ctx: BenchContext): Impl {
    const { n, indices } = ctx;
    let objs = makeObjects(n);
    return {
      id: "plain-objects",
      w1() {
        let s = 0;
        for (let i = 0; i < n; i++) s += objs[i]!.a + objs[i]!.b;
        return s;
      },
      w2() {
        for (let i = 0; i < n; i++) {
          const o = objs[i]!;
          o.a += 1;
          o.d += 1n;
          o.e[2] = i & 0xffff;
        }
      },
      w3() {
        let s = 0;
        for (let k = 0; k < indices.length; k++) s += objs[indices[k]!]!.b;
        return s;
      },
      digest: () => digestObjects(objs),
      reset() {
        objs = makeObjects(n);
      },
    };
  },
};
