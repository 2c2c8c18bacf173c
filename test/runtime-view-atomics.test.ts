/** atomic<T> members through Atomics, on the host's byte order and the other one. */
import { describe, expect, it } from "vitest";
import type { AbiId } from "@typedc/core";
import { bindView } from "../packages/runtime/src/bind.js";
import { atomicAdd, atomicCompareExchange, atomicExchange, atomicLoad, atomicStore, atomicSub } from "../packages/runtime/src/atomics.js";
import { atomic, declSet, sc, struct, tableOf } from "./runtime-view-helpers.js";

const DECLS = declSet(
  struct("Counters", [
    ["flag", atomic(sc("u8"))],
    ["refs", atomic(sc("i32"))],
    ["hits", atomic(sc("u64"))],
    ["seq", atomic(sc("c_long"))],
    ["plain", sc("u16")],
  ]),
);

describe("atomics", () => {
  for (const format of ["x86_64-linux", "s390x-linux", "i386-linux"] as AbiId[]) {
    it(`${format}: Atomics operations keep the format's bytes`, () => {
      const table = tableOf(DECLS, "Counters", format);
      const n = table.types[table.root]!.byteSize;
      const bytes = new Uint8Array(new SharedArrayBuffer(n + 8));
      const c = bindView(table, { bytes, byteOffset: 8, byteLength: n });
      const le = table.endian === "little";
      const dv = new DataView(bytes.buffer);
      c.refs = 41;
      expect(dv.getInt32(8 + 4, le)).toBe(41);
      expect(atomicAdd(c, "refs", 1)).toBe(41);
      expect(dv.getInt32(8 + 4, le)).toBe(42);
      expect(atomicSub(c, "refs", 50)).toBe(42);
      expect(c.refs).toBe(-8);
      atomicStore(c, "refs", 2147483647);
      expect(atomicAdd(c, "refs", 1)).toBe(2147483647);
      expect(atomicLoad(c, "refs")).toBe(-2147483648); // C11 atomic arithmetic wraps around
      expect(atomicCompareExchange(c, "refs", 5, 6)).toBe(-2147483648);
      expect(c.refs).toBe(-2147483648);
      expect(atomicCompareExchange(c, "refs", -2147483648, 6)).toBe(-2147483648);
      expect(c.refs).toBe(6);
      expect(atomicExchange(c, "flag", 255)).toBe(0);
      expect(atomicAdd(c, "flag", 1)).toBe(255);
      expect(c.flag).toBe(0);
      expect(atomicAdd(c, "hits", 2n ** 64n - 1n)).toBe(0n);
      const hitsOff = 8; // _Atomic uint64_t is 8-aligned on every format here
      expect(le ? dv.getBigUint64(8 + hitsOff, true) : dv.getBigUint64(8 + hitsOff, false)).toBe(2n ** 64n - 1n);
      expect(c.hits).toBe(2n ** 64n - 1n);
      atomicAdd(c, "seq", 3);
      expect(c.seq).toBe(3);
      expect(() => atomicAdd(c, "refs", 1n)).toThrow(/takes a number integer, got 1n/);
      expect(() => atomicStore(c, "refs", 2 ** 31)).toThrow(/does not fit/);
      expect(() => atomicAdd(c, "nope", 1)).toThrow(/has no member 'nope'/);
    });
  }

  it("plain integer members can be used atomically too; floats cannot", () => {
    const table = tableOf(declSet(struct("P", [["n", sc("u16")], ["x", sc("f32")]])), "P", "mips-linux");
    const bytes = new Uint8Array(new SharedArrayBuffer(8));
    const p = bindView(table, { bytes, byteOffset: 0, byteLength: 8 });
    atomicAdd(p, "n", 258);
    expect([bytes[0], bytes[1]]).toEqual([1, 2]);
    expect(() => atomicAdd(p, "x", 1)).toThrow("Member 'x' of 'P' is not an integer that Atomics can access. (TYPED5147)");
  });
});
