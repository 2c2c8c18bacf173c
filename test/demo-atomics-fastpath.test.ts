/**
 * The runtime's host-order fast paths for atomicAdd and atomicCompareExchange (one
 * Atomics call, added for the demo's counters and rings) give the same values, bytes
 * and errors as the compare-exchange loop that a format of the other byte order takes.
 */
import { describe, expect, it } from "vitest";
import type { AbiId } from "@typedc/core";
import { bindView } from "../packages/runtime/src/bind.js";
import { atomicAdd, atomicCompareExchange } from "../packages/runtime/src/atomics.js";
import { atomic, declSet, sc, struct, tableOf } from "./runtime-view-helpers.js";

const DECLS = declSet(struct("C", [["u", atomic(sc("u32"))], ["i", atomic(sc("i32"))], ["big", atomic(sc("u64"))], ["sbig", atomic(sc("i64"))]]));

function viewIn(format: AbiId): { c: any; bytes: () => number[] } {
  const table = tableOf(DECLS, "C", format);
  const n = table.types[table.root]!.byteSize;
  const bytes = new Uint8Array(new SharedArrayBuffer(n + 8));
  const c = bindView(table, { bytes, byteOffset: 8, byteLength: n });
  // Values read back in the format's own order, so both formats compare equal.
  return { c, bytes: () => [c.u, c.i, c.big, c.sbig] };
}

describe("atomics fast paths agree with the compare-exchange loop", () => {
  it("adds and compare-exchanges on x86_64-linux (host order) equal s390x-linux (swapped) over random operations", () => {
    const host = viewIn("x86_64-linux");
    const swapped = viewIn("s390x-linux");
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0), seed);
    const deltas32 = [1, -1, 0, 2 ** 31, 2 ** 32 + 7, -(2 ** 33), 4294967295];
    const deltas64 = [1n, -1n, 2n ** 63n, 2n ** 64n + 3n, -(2n ** 65n)];
    for (let step = 0; step < 400; step++) {
      const r = rnd();
      const op = r % 6;
      const d32 = deltas32[r % deltas32.length]! + (r % 1000);
      const d64 = deltas64[r % deltas64.length]! + BigInt(r % 1000);
      const both = (f: (c: any) => unknown) => expect(f(host.c)).toStrictEqual(f(swapped.c));
      if (op === 0) both((c) => atomicAdd(c, "u", d32));
      else if (op === 1) both((c) => atomicAdd(c, "i", d32));
      else if (op === 2) both((c) => atomicAdd(c, "big", d64));
      else if (op === 3) both((c) => atomicAdd(c, "sbig", d64));
      else if (op === 4) both((c) => atomicCompareExchange(c, "u", r % 2 ? c.u : r % 7, r >>> 1));
      else both((c) => atomicCompareExchange(c, "i", r % 2 ? c.i : r % 7, (r | 0) >> 1));
      expect(host.bytes()).toStrictEqual(swapped.bytes());
    }
  });

  it("wrong values still throw on the host-order path, and change nothing", () => {
    const { c } = viewIn("x86_64-linux");
    expect(() => atomicAdd(c, "u", 1.5)).toThrow();
    expect(() => atomicAdd(c, "u", 1n)).toThrow();
    expect(() => atomicAdd(c, "big", 1)).toThrow();
    expect(() => atomicCompareExchange(c, "u", 0, -1)).toThrow(); // -1 is not a u32
    expect(() => atomicCompareExchange(c, "i", 0, 2 ** 31)).toThrow();
    expect(atomicCompareExchange(c, "u", -1, 5)).toBe(0); // an expected value out of range never matches
    expect([c.u, c.i, c.big]).toStrictEqual([0, 0, 0n]);
  });
});
