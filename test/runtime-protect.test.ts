/** Write protection (SPEC §4): frozen tables and plans, private bindings, the allocator capability. */
import { describe, expect, it } from "vitest";
import { bindView } from "../packages/runtime/src/bind.js";
import { ALLOCATOR_CAPABILITY, installTable } from "../packages/runtime/src/protect.js";
import { planOf } from "../packages/runtime/src/view-plan.js";
import { ref } from "../packages/runtime/src/compiled.js";
import { TypedProtectionError, type TypedError } from "../packages/runtime/src/errors.js";
import * as runtime from "../packages/runtime/src/index.js";
import { arr, declSet, sc, struct, tableOf } from "./runtime-view-helpers.js";

const DECLS = declSet(struct("Task", [["pid", sc("i32")], ["state", sc("c_long")], ["comm", arr(sc("c_char"), 4)]]));

function thrown(f: () => unknown): TypedError {
  try {
    f();
  } catch (e) {
    return e as TypedError;
  }
  throw new Error("expected a throw");
}

function fresh(format: "x86_64-linux" | "i386-linux" | "mips-linux" = "x86_64-linux") {
  const table = tableOf(DECLS, "Task", format);
  const bytes = new Uint8Array(64);
  return { table, bytes, t: bindView(table, { bytes, byteOffset: 0, byteLength: 32 }, { name: "t" }) };
}

describe("protection", () => {
  it("a bound table, its plan and the handle are frozen: offsets cannot change (TypeError in strict mode)", () => {
    const { table, t } = fresh();
    const root = table.types[table.root] as { members: { dataMemberLocation: number }[] };
    expect(() => {
      root.members[1]!.dataMemberLocation = 0;
    }).toThrow(TypeError);
    const plan = planOf(table);
    expect(() => {
      (plan.root.m.state as { off: number }).off = 0;
    }).toThrow(TypeError);
    expect(() => {
      (ref(t).h as { end: number }).end = 1e9;
    }).toThrow(TypeError);
    expect(Object.isFrozen(plan.root.m.state!.codec)).toBe(true);
  });

  it("a view cannot grow members, change its prototype or redefine accessors", () => {
    const { t } = fresh();
    expect(() => {
      t.pdi = 1;
    }).toThrow(TypeError);
    expect(() => Object.setPrototypeOf(t, {})).toThrow(TypeError);
    expect(() => Object.defineProperty(Object.getPrototypeOf(t), "pid", { get: () => 0 })).toThrow(TypeError);
    expect(Object.keys(t)).toEqual([]); // no own properties: the binding is a private field
  });

  it("array views refuse anything but element writes with TypedProtectionError", () => {
    const { t } = fresh();
    const e = thrown(() => {
      t.comm.length = 1;
    });
    expect(e).toBeInstanceOf(TypedProtectionError);
    expect(e.message).toBe("t.comm: Cannot set 'length' on a typed view: it is not a member of 'array<c_char, 4>'. (TYPED5132)");
    expect(thrown(() => Object.defineProperty(t.comm, "0", { value: 1 })).code).toBe(5132);
    expect(thrown(() => delete t.comm[0]).code).toBe(5132);
  });

  it("only the allocator capability can install another table", () => {
    const { t, bytes } = fresh("x86_64-linux");
    t.state = 7;
    const other = tableOf(DECLS, "Task", "i386-linux");
    for (const fake of [undefined, {}, Object.freeze(Object.create(null))]) {
      const e = thrown(() => installTable(t, other, fake));
      expect(e).toBeInstanceOf(TypedProtectionError);
      expect(e.message).toBe("The type table of a typed view can only be replaced by the allocator. (TYPED5131)");
    }
    expect(t.state).toBe(7);
    installTable(t, other, ALLOCATOR_CAPABILITY);
    expect(t.state).toBe(0); // i386: the 4-byte long at offset 4 is the old padding
    t.state = 5;
    expect(new DataView(bytes.buffer).getInt32(4, true)).toBe(5);
    const be = tableOf(DECLS, "Task", "mips-linux");
    installTable(t, be, ALLOCATOR_CAPABILITY);
    expect(t.state).toBe(5 * 2 ** 24); // now read big-endian
    expect(Object.isFrozen(be)).toBe(true);
  });

  it("the capability is not exported from the package index", () => {
    expect(Object.values(runtime)).not.toContain(ALLOCATOR_CAPABILITY);
    expect("installTable" in runtime).toBe(false);
    expect("ALLOCATOR_CAPABILITY" in runtime).toBe(false);
  });
});
