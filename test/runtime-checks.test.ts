/**
 * SPEC §4 "no silent loss": writes that do not fit and reads that cannot be exact
 * throw TypedRangeError with the access path; each message is checked.
 */
import { describe, expect, it } from "vitest";
import { TypedRangeError, TypedError } from "../packages/runtime/src/errors.js";
import { bindView } from "../packages/runtime/src/bind.js";
import { arr, bits, declSet, named, sc, struct, tableOf } from "./runtime-view-helpers.js";
import type { AbiId } from "@typedc/core";

const DECLS = declSet(
  struct("Task", [
    ["pid", sc("i32")],
    ["state", sc("c_long")],
    ["prio", sc("u8")],
    ["ticks", sc("i64")],
    ["size", sc("c_size_t")],
    ["on", sc("bool")],
    ["nice", bits(sc("i32"), 5)],
    ["comm", arr(sc("c_char"), 16)],
  ]),
  struct("Tasks", [["list", arr(named("Task"), 4)]]),
);

function bind(format: AbiId, strategy: "table" | "codegen" = "table") {
  const table = tableOf(DECLS, "Tasks", format);
  const n = table.types[table.root]!.byteSize;
  const bytes = new Uint8Array(new SharedArrayBuffer(n));
  return { v: bindView(table, { bytes, byteOffset: 0, byteLength: n }, { name: "tasks", strategy }), bytes, table };
}

function thrown(f: () => unknown): TypedError {
  try {
    f();
  } catch (e) {
    return e as TypedError;
  }
  throw new Error("expected a throw");
}

describe("range checks", () => {
  for (const strategy of ["table", "codegen"] as const) {
    it(`2^40 into a 4-byte c_long (i386-linux, ${strategy})`, () => {
      const { v } = bind("i386-linux", strategy);
      const e = thrown(() => (v.list[1].state = 2 ** 40));
      expect(e).toBeInstanceOf(TypedRangeError);
      expect(e.code).toBe(5111);
      expect(e.path).toBe("tasks.list[1].state");
      expect(e.message).toBe("tasks.list[1].state: Value 1099511627776 does not fit in 'c_long' (-2147483648..2147483647). (TYPED5111)");
      // the same value fits an 8-byte c_long
      const { v: w } = bind("x86_64-linux", strategy);
      w.list[1].state = 2 ** 40;
      expect(w.list[1].state).toBe(2 ** 40);
    });

    it(`NaN and 1.5 into an integer, 300 into u8 (${strategy})`, () => {
      const { v, bytes } = bind("x86_64-linux", strategy);
      const before = bytes.slice();
      expect(thrown(() => (v.list[0].pid = NaN)).message).toBe("tasks.list[0].pid: Value NaN is not an integer; 'i32' holds integers only. (TYPED5112)");
      expect(thrown(() => (v.list[0].pid = 1.5)).code).toBe(5112);
      expect(thrown(() => (v.list[0].prio = 300)).message).toBe("tasks.list[0].prio: Value 300 does not fit in 'u8' (0..255). (TYPED5111)");
      expect(thrown(() => (v.list[0].prio = -1)).code).toBe(5111);
      expect(thrown(() => (v.list[0].pid = "7" as unknown as number)).message).toBe("tasks.list[0].pid: 'i32' takes a number, got \"7\". (TYPED5113)");
      expect(bytes).toEqual(before); // nothing was written
    });

    it(`i64 takes bigints in range only (${strategy})`, () => {
      const { v } = bind("x86_64-linux", strategy);
      expect(thrown(() => (v.list[2].ticks = 5)).message).toBe("tasks.list[2].ticks: 'i64' takes a bigint, got 5. (TYPED5113)");
      expect(thrown(() => (v.list[2].ticks = 2n ** 63n)).code).toBe(5111);
      v.list[2].ticks = -(2n ** 63n);
      expect(v.list[2].ticks).toBe(-(2n ** 63n));
    });

    it(`bit-fields check their width (${strategy})`, () => {
      const { v } = bind("x86_64-linux", strategy);
      v.list[0].nice = -16;
      expect(v.list[0].nice).toBe(-16);
      expect(thrown(() => (v.list[0].nice = 16)).message).toBe("tasks.list[0].nice: Value 16 does not fit in 'bits<i32, 5>' (-16..15). (TYPED5111)");
    });
  }

  it("a read of an 8-byte c_long that is not a safe integer throws", () => {
    const { v, bytes, table } = bind("x86_64-linux");
    const task = table.types.find((t) => t.name === "Task") as { members: readonly { name: string; dataMemberLocation: number }[] };
    const off = task.members.find((m) => m.name === "state")!.dataMemberLocation;
    new DataView(bytes.buffer).setBigInt64(off, 2n ** 53n, true);
    const e = thrown(() => v.list[0].state);
    expect(e).toBeInstanceOf(TypedRangeError);
    expect(e.message).toBe("tasks.list[0].state: Value 9007199254740992 read from 8-byte 'c_long' is not a safe integer. (TYPED5114)");
    new DataView(bytes.buffer).setBigInt64(off, -(2n ** 53n) + 1n, true);
    expect(v.list[0].state).toBe(-(2 ** 53) + 1);
    const sizeOff = task.members.find((m) => m.name === "size")!.dataMemberLocation;
    new DataView(bytes.buffer).setBigUint64(sizeOff, 2n ** 64n - 1n, true);
    expect(thrown(() => v.list[0].size).code).toBe(5114);
    expect(thrown(() => (v.list[0].size = -1)).code).toBe(5111);
  });

  it("bool reads 0/1 and rejects other bytes; takes true/false/0/1", () => {
    const { v, bytes, table } = bind("x86_64-linux");
    const task = table.types.find((t) => t.name === "Task") as { members: readonly { name: string; dataMemberLocation: number }[] };
    const off = task.members.find((m) => m.name === "on")!.dataMemberLocation;
    v.list[0].on = true;
    expect(bytes[off]).toBe(1);
    v.list[0].on = 0;
    expect(v.list[0].on).toBe(false);
    bytes[off] = 2;
    expect(thrown(() => v.list[0].on).message).toBe("tasks.list[0].on: Byte value 2 of a '_Bool' is neither 0 nor 1. (TYPED5115)");
    expect(thrown(() => (v.list[0].on = "yes" as unknown as boolean)).code).toBe(5113);
  });
});

import { Diagnostics } from "@typedc/core";
import { AccessMessages } from "../packages/runtime/src/checks.js";

describe("catalog", () => {
  it("every runtime accessor message is in the diagnostics catalog with the same code", () => {
    const byCode = new Map(Object.values(Diagnostics).map((d) => [d.code, d.message]));
    for (const m of Object.values(AccessMessages)) expect(byCode.get(m.code), String(m.code)).toBe(m.message);
  });
});
