/**
 * core/plan: access plans are the front-end-neutral half of compiled accesses
 * (the tsc and Babel plugins share them), so their rules are tested here directly.
 */
import { describe, expect, test } from "vitest";
import { Diagnostics, planAccess, typedChainLength, valueInfoOf, type AccessStep, type CType, type DeclSet } from "@typedc/core";

const scalar = (name: string): CType => ({ kind: "scalar", name } as CType);
const named = (name: string): CType => ({ kind: "named", name });
const decls: DeclSet = {
  types: {
    Sched: { kind: "record", name: "Sched", record: { kind: "struct", packed: false, fields: [{ name: "vruntime", type: scalar("u64") }, { name: "prio", type: scalar("i32") }] } },
    pid_t: { kind: "alias", name: "pid_t", target: scalar("i32") },
    State: { kind: "enum", name: "State", members: [{ name: "A", value: 0 }] },
    Task: {
      kind: "record", name: "Task", record: {
        kind: "struct", packed: false, fields: [
          { name: "pid", type: named("pid_t") },
          { name: "state", type: named("State") },
          { name: "comm", type: { kind: "array", element: scalar("c_char"), count: 16 } },
          { name: "se", type: named("Sched") },
          { name: "parent", type: { kind: "pointer", target: named("Task") } },
          { name: "opaque", type: { kind: "pointer", target: null } },
          { name: "flags", type: { kind: "bits", base: scalar("u32"), bitWidth: 3 } },
          { name: "hits", type: { kind: "atomic", base: scalar("i32") } },
          { name: "_anon0", type: { kind: "record", record: { kind: "union", packed: false, fields: [{ name: "asInt", type: scalar("u32") }, { name: "asFloat", type: scalar("f32") }] } } },
          { name: "tail", type: { kind: "array", element: scalar("u8"), count: 0 } },
        ],
      },
    },
  },
};
const tasks: CType = { kind: "array", element: named("Task"), count: 1024 };
const idx: AccessStep = { kind: "index" };
const m = (name: string): AccessStep => ({ kind: "member", name });
const path = (k: number) => `p${k}`;

describe("planAccess", () => {
  test("tasks[i].se.vruntime: one hop, the first index against the bound length, a bigint scalar", () => {
    const r = planAccess(decls, tasks, [idx, m("se"), m("vruntime")], path);
    expect(r.ok && r.plan).toEqual({
      hops: [{ segments: ["[]", "se", "vruntime"], indices: [{ kind: "rootLength" }], end: r.ok ? r.plan.result : undefined }],
      result: { shape: "scalar", typeName: "u64", type: scalar("u64"), value: "bigint", arrayView: "u64" },
    });
  });
  test("nested arrays are checked against their declared count; a flexible array member against the area", () => {
    const r1 = planAccess(decls, tasks, [idx, m("comm"), idx], path);
    expect(r1.ok && r1.plan.hops[0]!.indices).toEqual([{ kind: "rootLength" }, { kind: "count", count: 16 }]);
    const r2 = planAccess(decls, named("Task"), [m("tail"), idx], path);
    expect(r2.ok && r2.plan.hops[0]!.indices).toEqual([{ kind: "area" }]);
  });
  test("a member step on a pointer dereferences it: one more hop", () => {
    const r = planAccess(decls, named("Task"), [m("parent"), m("parent"), m("pid")], path);
    expect(r.ok && r.plan.hops.map((h) => h.segments)).toEqual([["parent"], ["parent"], ["pid"]]);
    expect(r.ok && r.plan.hops[0]!.end.shape).toBe("pointer");
  });
  test("aliases, enums, bit-fields, atomics and anonymous members resolve to their values", () => {
    const shape = (steps: AccessStep[]) => { const r = planAccess(decls, named("Task"), steps, path); return r.ok ? [r.plan.result.shape, r.plan.result.value, r.plan.result.fast] : r.error.message.code; };
    expect(shape([m("pid")])).toEqual(["scalar", "number", "i32"]);
    expect(shape([m("state")])).toEqual(["scalar", "number", undefined]);
    expect(shape([m("flags")])).toEqual(["bits", "number", undefined]);
    expect(shape([m("hits")])).toEqual(["atomic", "number", undefined]);
    expect(shape([m("asFloat")])).toEqual(["scalar", "number", "f32"]);
    expect(shape([m("comm"), idx])).toEqual(["scalar", "number", undefined]); // c_char's signedness is per format
  });
  test("mistakes are reported at their step with the catalog message", () => {
    const err = (root: CType, steps: AccessStep[]) => { const r = planAccess(decls, root, steps, path); return r.ok ? undefined : [r.error.step, r.error.message.code, r.error.args]; };
    expect(err(named("Task"), [m("se"), m("nice")])).toEqual([1, Diagnostics._0_has_no_member_1.code, ["Sched", "nice"]]);
    expect(err(named("Task"), [m("se"), idx])).toEqual([1, Diagnostics._0_has_type_1_which_is_not_an_array_it_cannot_be_indexed.code, ["p1", "Sched"]]);
    expect(err(named("Task"), [m("opaque"), m("x")])).toEqual([1, Diagnostics._0_is_a_ptr_void_it_cannot_be_dereferenced_Declare_it_as_ptr_T.code, ["p1"]]);
    expect(err(named("Task"), [m("parent"), idx])).toEqual([1, Diagnostics._0_has_type_1_which_is_not_an_array_it_cannot_be_indexed.code, ["p1", "ptr<Task>"]]);
  });
});

describe("typedChainLength", () => {
  test("stops at a scalar value and before an array's .length; a missing member still counts", () => {
    expect(typedChainLength(decls, named("Task"), [m("pid"), m("toFixed")])).toBe(1);
    expect(typedChainLength(decls, named("Task"), [m("comm"), m("length")])).toBe(1);
    expect(typedChainLength(decls, tasks, [idx, m("se"), m("nice")])).toBe(3);
    expect(typedChainLength(decls, tasks, [m("length")])).toBe(0);
  });
});

describe("valueInfoOf", () => {
  test("char arrays are marked for C strings; pointers keep their target", () => {
    expect(valueInfoOf(decls, { kind: "array", element: scalar("c_char"), count: 16 }).charArray).toBe(true);
    expect(valueInfoOf(decls, { kind: "pointer", target: named("Task") })).toMatchObject({ shape: "pointer", typeName: "ptr<Task>", target: named("Task") });
    expect(valueInfoOf(decls, { kind: "aligned", base: scalar("u64"), byteAlign: 8 })).toMatchObject({ shape: "scalar", value: "bigint", typeName: "aligned<u64, 8>" });
  });
});
