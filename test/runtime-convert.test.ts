/** toPlain, assign, copy across formats, C strings, sizeof/alignof/offsetof per format. */
import { describe, expect, it } from "vitest";
import type { AbiId } from "@typedc/core";
import { bindView } from "../packages/runtime/src/bind.js";
import { assign, copy, toPlain } from "../packages/runtime/src/convert.js";
import { readCString, writeCString } from "../packages/runtime/src/strings.js";
import { alignof, offsetof, sizeof } from "../packages/runtime/src/sizeof.js";
import { TypedFormatError, TypedRangeError, type TypedError } from "../packages/runtime/src/errors.js";
import { arr, bits, declSet, inline, named, ptr, sc, struct, tableOf } from "./runtime-view-helpers.js";

const DECLS = declSet(
  struct("Task", [
    ["pid", sc("i32")],
    ["state", sc("c_long")],
    ["comm", arr(sc("c_char"), 16)],
    ["vruntime", sc("u64")],
    ["sched", inline("struct", [["prio", sc("u8")], ["weight", sc("f64")]])],
    ["nice", bits(sc("i32"), 5)],
    ["_anon0", inline("union", [["raw", sc("u32")], ["f", sc("f32")]])],
    ["parent", ptr(named("Task"))],
  ]),
  struct("Slim", [["pid", sc("i32")], ["comm", arr(sc("c_char"), 16)]]),
);

function bind(format: AbiId, name = "Task", strategy: "table" | "codegen" = "table") {
  const table = tableOf(DECLS, name, format);
  const n = table.types[table.root]!.byteSize;
  const bytes = new Uint8Array(new SharedArrayBuffer(n * 2));
  return bindView(table, { bytes, byteOffset: 0, byteLength: n }, { name: "t", strategy });
}

function thrown(f: () => unknown): TypedError {
  try {
    f();
  } catch (e) {
    return e as TypedError;
  }
  throw new Error("expected a throw");
}

const SAMPLE = { pid: 42, state: -3, vruntime: 10n, sched: { prio: 7, weight: 0.5 }, nice: -2, raw: 0x3f800000 };

describe("conversions", () => {
  it("assign writes field by field and toPlain reads everything back", () => {
    const t = bind("x86_64-linux");
    assign(t, SAMPLE);
    writeCString(t.comm, "init");
    expect(toPlain(t)).toEqual({
      pid: 42, state: -3, comm: [105, 110, 105, 116, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], vruntime: 10n,
      sched: { prio: 7, weight: 0.5 }, nice: -2, _anon0: { raw: 0x3f800000, f: 1 }, parent: null,
    });
    expect(t.f).toBe(1); // a C11 anonymous member's members are members of the struct
    expect(JSON.stringify({ pid: t.pid, sched: t.sched })).toBe('{"pid":42,"sched":{"prio":7,"weight":0.5}}');
  });

  it("assign refuses unknown keys before writing anything, and checks values", () => {
    const t = bind("x86_64-linux");
    const e = thrown(() => assign(t, { pid: 1, pdi: 2 }));
    expect(e).toBeInstanceOf(TypedRangeError);
    expect(e.message).toBe("t: Typed object 'Task' has no member 'pdi'. (TYPED5117)");
    expect(t.pid).toBe(0);
    expect(thrown(() => assign(t, { sched: { prio: 256 } })).path).toBe("t.sched.prio");
    expect(thrown(() => (t.comm = [1, 2, 3])).message).toBe("t.comm: Cannot assign 3 elements to an array of 16 elements. (TYPED5119)");
    t.sched = { prio: 9, weight: 2 };
    expect(t.sched.prio).toBe(9);
  });

  it("copy converts field by field across formats (x86_64-linux -> mips-linux, big-endian, 4-byte long)", () => {
    const src = bind("x86_64-linux");
    assign(src, SAMPLE);
    writeCString(src.comm, "kworker/0:1");
    for (const strategy of ["table", "codegen"] as const) {
      const dst = bind("mips-linux", "Task", strategy);
      copy(dst, src);
      expect(toPlain(dst)).toEqual(toPlain(src));
      expect(sizeof(dst)).not.toBe(sizeof(src));
    }
    src.state = 2 ** 40; // fits 8 bytes, not mips' 4-byte long
    expect(thrown(() => copy(bind("mips-linux"), src)).code).toBe(5111);
  });

  it("copy by name: a destination member missing in the source is a TypedFormatError", () => {
    const slim = bind("x86_64-linux", "Slim");
    const task = bind("i386-linux");
    task.pid = 5;
    writeCString(task.comm, "sh");
    copy(slim, task);
    expect([slim.pid, readCString(slim.comm)]).toEqual([5, "sh"]);
    const e = thrown(() => copy(task, slim));
    expect(e).toBeInstanceOf(TypedFormatError);
    expect(e.message.split("\n")[0]).toBe("Cannot copy 'Slim' into 'Task': 6 member(s) missing.");
    expect(e.message.endsWith("t.parent: missing in 'Slim' (TYPED5145)")).toBe(true);
    expect(e.code).toBe(5145);
    expect((e as TypedFormatError).differences[0]).toBe("t.state: missing in 'Slim'");
  });

  it("same table: copy is a byte copy", () => {
    const a = bind("s390x-linux");
    const b = bind("s390x-linux");
    assign(a, SAMPLE);
    copy(b, a);
    expect(toPlain(b)).toEqual(toPlain(a));
  });

  it("C strings never overrun N; too long throws unless truncating at a character boundary", () => {
    const t = bind("armv7-linux");
    expect(writeCString(t.comm, "héllo")).toBe(6);
    expect(readCString(t.comm)).toBe("héllo");
    const e = thrown(() => writeCString(t.comm, "0123456789abcdef"));
    expect(e.message).toBe("t.comm: String of 16 UTF-8 bytes plus its NUL does not fit in 'array<c_char, 16>' of 16 bytes. (TYPED5116)");
    expect(readCString(t.comm)).toBe("héllo");
    expect(writeCString(t.comm, "0123456789abcdé", { truncate: true })).toBe(14); // é (2 bytes) would end at byte 16
    expect(readCString(t.comm)).toBe("0123456789abcd");
    expect(t.comm[15]).toBe(0);
    expect(thrown(() => readCString(t.sched)).code).toBe(5146);
  });

  it("sizeof, alignof and offsetof answer for the view's format", () => {
    const x = bind("x86_64-linux");
    const i = bind("i386-linux");
    const w = bind("x86_64-windows");
    expect([offsetof(x, "state"), offsetof(i, "state"), offsetof(w, "state")]).toEqual([8, 4, 4]);
    expect([offsetof(x, "comm[3]"), offsetof(i, "comm[3]")]).toEqual([19, 11]);
    expect(offsetof(x, "sched.weight") - offsetof(x, "sched")).toBe(8);
    expect(offsetof(i, "sched.weight") - offsetof(i, "sched")).toBe(4); // double is 4-aligned in an i386 struct
    expect(alignof(x)).toBe(8);
    expect(alignof(i)).toBe(4);
    expect(sizeof(x.comm)).toBe(16);
    expect(sizeof(x)).toBeGreaterThan(sizeof(i));
    expect(offsetof(x, "raw")).toBe(offsetof(x, "_anon0"));
    expect(thrown(() => offsetof(x, "nice")).message).toBe("t: 'nice' is a bit-field; offsetof needs a byte-aligned member. (TYPED5121)");
    expect(thrown(() => offsetof(x, "nope")).code).toBe(5117);
    expect(thrown(() => sizeof({})).message).toBe("an object (Object) is not a typed view. (TYPED5120)");
  });
});
