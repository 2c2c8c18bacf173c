/**
 * core/plan hopLayout: the compile-time resolution of a hop key that precompiled loop copies
 * write as literals must equal the run-time resolution of the same key against the same table
 * (runtime/src/compiled-path.ts), in every format, or a precompiled copy's layout check would
 * never pass (or, worse, pass on the wrong values). Also: the `precompile` option is checked.
 */
import { describe, expect, test } from "vitest";
import { ABI_IDS, abiSpec, buildTableOfType, hopLayout, resolveGeneratorOptions, type CType, type DeclSet } from "@typedc/core";
import { cpath, planOf } from "@typedc/runtime";

const scalar = (name: string): CType => ({ kind: "scalar", name } as CType);
const named = (name: string): CType => ({ kind: "named", name });
const decls: DeclSet = {
  types: {
    Sched: { kind: "record", name: "Sched", record: { kind: "struct", packed: false, fields: [{ name: "vruntime", type: scalar("u64") }, { name: "prio", type: scalar("i32") }] } },
    Task: {
      kind: "record", name: "Task", record: {
        kind: "struct", packed: false, fields: [
          { name: "pid", type: scalar("i32") },
          { name: "state", type: scalar("c_long") },
          { name: "comm", type: { kind: "array", element: scalar("c_char"), count: 16 } },
          { name: "se", type: named("Sched") },
          { name: "grid", type: { kind: "array", element: { kind: "array", element: scalar("u16"), count: 3 }, count: 2 } },
          { name: "_anon0", type: { kind: "record", record: { kind: "union", packed: false, fields: [{ name: "asInt", type: scalar("u32") }, { name: "asDouble", type: scalar("f64") }] } } },
          { name: "last", type: scalar("i64") },
        ],
      },
    },
  },
};
const tasks: CType = { kind: "array", element: named("Task"), count: 8 };
const KEYS = ["[].pid", "[].state", "[].comm.[]", "[].se.vruntime", "[].se.prio", "[].grid.[].[]", "[].asInt", "[].asDouble", "[].last", "[]"];

describe("hopLayout", () => {
  test.each(ABI_IDS)("%s: every key resolves as the runtime resolves it", (format) => {
    const table = buildTableOfType(decls, tasks, abiSpec(format));
    const tp = planOf(table);
    for (const key of KEYS) {
      const run = cpath(tp, tp.root, key);
      const hop = hopLayout(table, key);
      expect(hop, key).toBeDefined();
      expect([hop!.o, ...[0, 1, 2, 3].map((k) => hop!.strides[k] ?? 0)], `${format} ${key}`).toEqual([run.o, run.s0, run.s1, run.s2, run.s3]);
    }
  });
  test("a key that does not resolve: undefined, not a wrong layout", () => {
    const table = buildTableOfType(decls, tasks, abiSpec("x86_64-linux"));
    expect(hopLayout(table, "[].nope")).toBeUndefined();
    expect(hopLayout(table, "pid")).toBeUndefined(); // the root is an array
    expect(hopLayout(table, "[].pid.[]")).toBeUndefined();
  });
  test("layouts differ where the formats do (i386: i64 aligned to 4)", () => {
    const x64 = hopLayout(buildTableOfType(decls, tasks, abiSpec("x86_64-linux")), "[].last")!;
    const i386 = hopLayout(buildTableOfType(decls, tasks, abiSpec("i386-linux")), "[].last")!;
    expect(x64.o).not.toBe(i386.o);
    expect(x64.strides[0]).not.toBe(i386.strides[0]);
  });
});

describe("the precompile option", () => {
  test("defaults to none; takes ABI ids; reports unknown ones (2502) and wrong values (2503) by name", () => {
    expect(resolveGeneratorOptions({}).options.precompile).toEqual([]);
    expect(resolveGeneratorOptions({ precompile: ["i386-linux", "i386-linux", "wasm32"] }).options.precompile).toEqual(["i386-linux", "wasm32"]);
    const bad = resolveGeneratorOptions({ precompile: ["pdp11"] });
    expect(bad.options.precompile).toEqual([]);
    expect(bad.diagnostics.map((d) => [d.code, d.messageText])).toEqual([[2502, expect.stringContaining("Option 'precompile' of @typedc/tsc-plugin lists unknown format 'pdp11'")]]);
    expect(resolveGeneratorOptions({ precompile: "x86_64-linux" }).diagnostics.map((d) => d.code)).toEqual([2503]);
  });
});
