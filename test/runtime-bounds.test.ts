/** Bounds checks (SPEC §4): seeded random accesses with a canary around the area, and the error's path and location. */
import { describe, expect, it } from "vitest";
import { runBoundsFuzz } from "../scripts/fuzz/bounds-fuzz.js";
import { bindView } from "../packages/runtime/src/bind.js";
import { chk, idx, makeHandle } from "../packages/runtime/src/primitives.js";
import { TypedBoundsError, TypedError } from "../packages/runtime/src/errors.js";
import { arr, declSet, named, ptr, sc, struct, tableOf } from "./runtime-view-helpers.js";

function thrown(f: () => unknown): TypedError {
  try {
    f();
  } catch (e) {
    return e as TypedError;
  }
  throw new Error("expected a throw");
}

describe("bounds", () => {
  it("10^5 seeded random accesses: in range succeed, out of range throw, the canary never changes", () => {
    const r = runBoundsFuzz(100_000, 42);
    expect(r.accesses).toBeGreaterThanOrEqual(100_000);
    expect(r.outOfRange).toBeGreaterThan(10_000);
    expect(r.inRange).toBeGreaterThan(50_000);
  });

  const DECLS = declSet(struct("Task", [["pid", sc("i32")], ["parent", ptr(named("Task"))], ["comm", arr(sc("c_char"), 16)]]));

  it("an index past the end names the access path", () => {
    const table = tableOf(DECLS, "Task", "x86_64-linux");
    const size = table.types[table.root]!.byteSize;
    const tasks = bindView(table, { bytes: new Uint8Array(size * 1024), byteOffset: 0, byteLength: size * 1024 }, { name: "tasks", count: 1024 });
    const e = thrown(() => tasks[1024].pid);
    expect(e).toBeInstanceOf(TypedBoundsError);
    expect(e.code).toBe(5102);
    expect(e.path).toBe("tasks[1024]");
    expect(e.message).toBe("tasks[1024]: Index 1024 is out of range for an array of 1024 elements. (TYPED5102)");
    expect(thrown(() => tasks[3].comm[16]).path).toBe("tasks[3].comm[16]");
    expect(thrown(() => tasks.get(-1)).code).toBe(5102);
    expect(thrown(() => tasks.get(1.5)).message).toContain("Index 1.5 is out of range");
    expect(tasks.length).toBe(1024);
    expect([...tasks].length).toBe(1024);
  });

  it("an area that does not hold the object, and a pointer leaving the memory, are TypedBoundsErrors", () => {
    const table = tableOf(DECLS, "Task", "x86_64-linux");
    const size = table.types[table.root]!.byteSize;
    expect(thrown(() => bindView(table, { bytes: new Uint8Array(64), byteOffset: 0, byteLength: size - 1 })).message).toBe(
      `Task: Access of ${size} bytes at byte 0 is outside the area of ${size - 1} bytes. (TYPED5101)`,
    );
    expect(thrown(() => bindView(table, { bytes: new Uint8Array(16), byteOffset: 8, byteLength: size })).code).toBe(5104);
    const bytes = new Uint8Array(256);
    const t = bindView(table, { bytes, byteOffset: 0, byteLength: size }, { name: "t" });
    new DataView(bytes.buffer).setBigUint64(8, 250n, true);
    const e = thrown(() => t.parent);
    expect(e.message).toBe(`t.parent: Pointer 250 to 'Task' (${size} bytes) points outside the memory. (TYPED5103)`);
    new DataView(bytes.buffer).setBigUint64(8, 64n, true);
    expect(thrown(() => t.parent.comm[16]).path).toBe("t.parent.comm[16]");
    t.parent.pid = 9; // pointers may leave the area, not the memory
    expect(new DataView(bytes.buffer).getInt32(64, true)).toBe(9);
  });

  it("the compiled-code primitives carry the source location and build the path lazily", () => {
    const h = makeHandle({ bytes: new Uint8Array(64), byteOffset: 16, byteLength: 32 }, "little");
    let built = 0;
    const path = () => (built++, "tasks[1024].pid");
    chk(h, 16, 32, path);
    idx(3, 4, path);
    expect(built).toBe(0);
    const e = thrown(() => chk(h, 44, 8, path, "src/sched.ts:42:7"));
    expect(e.message).toBe("src/sched.ts:42:7 tasks[1024].pid: Access of 8 bytes at byte 28 is outside the area of 32 bytes. (TYPED5101)");
    expect(e.location).toBe("src/sched.ts:42:7");
    expect(thrown(() => idx(1024, 1024, "tasks", "src/sched.ts:42:7")).message).toBe(
      "src/sched.ts:42:7 tasks[1024]: Index 1024 is out of range for an array of 1024 elements. (TYPED5102)",
    );
  });
});
