import { describe, expect, it } from "vitest";
import { bindView } from "../packages/runtime/src/bind.js";
import { TableBuilder, region } from "./runtime-view-helpers.js";

// struct Task { int32_t pid; long state; char comm[16]; uint64_t vruntime; } on x86_64-linux and armv7-linux.
function taskTable(format: "x86_64-linux" | "armv7-linux" | "mips-linux") {
  const wide = format === "x86_64-linux";
  const b = new TableBuilder(format, format === "mips-linux" ? "big" : "little", wide ? 8 : 4);
  const i32 = b.base("i32", "signed", 4);
  const long = b.base("c_long", "signed", wide ? 8 : 4);
  const chr = b.base("c_char", format === "x86_64-linux" ? "signed_char" : "unsigned_char", 1);
  const comm = b.array(chr, 16);
  const u64 = b.base("u64", "unsigned", 8);
  const task = wide
    ? b.record("structure_type", "Task", 40, 8, [["pid", i32, 0], ["state", long, 8], ["comm", comm, 16], ["vruntime", u64, 32]])
    : b.record("structure_type", "Task", 32, 8, [["pid", i32, 0], ["state", long, 4], ["comm", comm, 8], ["vruntime", u64, 24]]);
  return b.table(task);
}

describe("bindView struct fields", () => {
  for (const format of ["x86_64-linux", "armv7-linux", "mips-linux"] as const) {
    for (const strategy of ["table", "codegen"] as const) {
      it(`${format} ${strategy}: reads and writes each field at its offset`, () => {
        const table = taskTable(format);
        const r = region(256, 64, table.types[table.root].byteSize);
        const t = bindView(table, r, { name: "task", strategy });
        const le = table.endian === "little";
        const dv = new DataView(r.bytes.buffer);
        t.pid = -42;
        t.state = 7;
        t.vruntime = 123456789012345n;
        t.comm[0] = 65;
        const off = format === "x86_64-linux" ? { state: 8, comm: 16, vr: 32 } : { state: 4, comm: 8, vr: 24 };
        expect(dv.getInt32(64, le)).toBe(-42);
        expect(format === "x86_64-linux" ? Number(dv.getBigInt64(64 + off.state, le)) : dv.getInt32(64 + off.state, le)).toBe(7);
        expect(dv.getBigUint64(64 + off.vr, le)).toBe(123456789012345n);
        expect(dv.getUint8(64 + off.comm)).toBe(65);
        expect([t.pid, t.state, t.vruntime, t.comm[0], t.comm.length]).toEqual([-42, 7, 123456789012345n, 65, 16]);
      });
    }
  }
});

import { arr, bits, declSet, inline, named, ptr, sc, seededRandom, struct, tableOf } from "./runtime-view-helpers.js";
import { toPlain } from "../packages/runtime/src/convert.js";
import type { AbiId } from "@typedc/core";

const MIXED = declSet(
  struct("Rec", [
    ["a", sc("i32")], ["b", sc("f64")], ["c", sc("u8")], ["d", sc("i64")], ["e", arr(sc("u16"), 4)],
    ["l", sc("c_ulong")], ["f", bits(sc("u32"), 11)], ["g", bits(sc("i16"), 3)], ["h", sc("f32")],
    ["i", inline("struct", [["x", sc("i8")], ["y", sc("c_short")]])], ["next", ptr(named("Rec"))], ["ok", sc("bool")],
  ]),
);

describe("table and codegen strategies give identical results", () => {
  for (const format of ["x86_64-linux", "i386-linux", "s390x-linux", "mips-linux", "x86_64-windows"] as AbiId[]) {
    it(format, () => {
      const table = tableOf(MIXED, "Rec", format);
      const size = table.types[table.root]!.byteSize;
      const count = 8;
      const mk = (strategy: "table" | "codegen") => {
        const bytes = new Uint8Array(new SharedArrayBuffer(size * count + 8));
        return { bytes, v: bindView(table, { bytes, byteOffset: 8, byteLength: size * count }, { name: "recs", count, strategy }) };
      };
      const A = mk("table");
      const B = mk("codegen");
      const rnd = seededRandom(99);
      const values: Record<string, () => unknown> = {
        a: () => Math.floor(rnd() * 2 ** 33) - 2 ** 32, b: () => rnd() * 1e6, c: () => Math.floor(rnd() * 300), d: () => BigInt(Math.floor(rnd() * 2 ** 50)) - 2n ** 49n,
        l: () => Math.floor(rnd() * 2 ** 34), f: () => Math.floor(rnd() * 2100), g: () => Math.floor(rnd() * 10) - 5, h: () => rnd() * 3, ok: () => rnd() < 0.5,
      };
      const outcome = (f: () => unknown) => {
        try {
          return { value: f() };
        } catch (e) {
          return { error: (e as Error).message };
        }
      };
      for (let n = 0; n < 2000; n++) {
        const i = Math.floor(rnd() * (count + 1));
        const keys = Object.keys(values);
        const k = keys[Math.floor(rnd() * keys.length)]!;
        const v = values[k]!();
        const ra = outcome(() => (A.v[i][k] = v));
        const rb = outcome(() => (B.v[i][k] = v));
        expect(rb, `${k} = ${v}`).toEqual(ra);
        if (rnd() < 0.1) {
          const j = Math.floor(rnd() * count);
          A.v[i % count].next = A.v[j];
          B.v[i % count].next = B.v[j];
          A.v[i % count].i.y = j;
          B.v[i % count].i.y = j;
          A.v[i % count].e[j % 4] = n;
          B.v[i % count].e[j % 4] = n;
        }
      }
      expect(B.bytes).toEqual(A.bytes);
      expect(outcome(() => toPlain(B.v))).toEqual(outcome(() => toPlain(A.v)));
      expect(B.v[3].next?.a).toEqual(A.v[3].next?.a);
    });
  }
});

import { ptrGet, ptrSet, ref, viewOf } from "../packages/runtime/src/compiled.js";
import { idx, RUNTIME_CONTRACT_VERSION } from "../packages/runtime/src/primitives.js";
import { OpaquePointer } from "../packages/runtime/src/pointer.js";
import { vi } from "vitest";

describe("compiled-code entry points", () => {
  const LIST = declSet(struct("Node", [["v", sc("c_long")], ["next", ptr(named("Node"))], ["data", ptr(null)]]));

  it("ref exposes handle, address and plans; ptrGet/ptrSet follow and store pointers", () => {
    expect(RUNTIME_CONTRACT_VERSION).toBe(1);
    for (const format of ["x86_64-linux", "mips-linux"] as AbiId[]) {
      const table = tableOf(LIST, "Node", format);
      const size = table.types[table.root]!.byteSize;
      const bytes = new Uint8Array(new SharedArrayBuffer(size * 4));
      const nodes = bindView(table, { bytes, byteOffset: 0, byteLength: size * 4 }, { count: 4, name: "nodes" });
      const R = ref(nodes);
      const E = R.tp.types[R.t.elem]!;
      const next = E.m.next!;
      const nextPlan = R.tp.types[next.type]!;
      idx(2, R.length, "nodes");
      ptrSet(R.h, nextPlan, R.a + 0 * R.t.stride + next.off, R.a + 2 * R.t.stride);
      expect(nodes[0].next).not.toBeNull();
      nodes[2].v = 77;
      expect(nodes[0].next.v).toBe(77);
      const target = ptrGet(R.h, R.tp, nextPlan, R.a + next.off);
      expect(target).toBe(R.a + 2 * R.t.stride);
      expect(E.m.v!.codec!.rd(R.h, target + E.m.v!.off)).toBe(77);
      expect(ptrGet(R.h, R.tp, nextPlan, R.a + R.t.stride + next.off)).toBe(-1);
      expect(viewOf(R.h, R.tp, E, target).v).toBe(77);
      nodes[1].data = nodes[3];
      expect(nodes[1].data).toBeInstanceOf(OpaquePointer);
      expect(nodes[1].data.address).toBe(3 * size);
      nodes[1].data = null;
      expect(nodes[1].data).toBeNull();
    }
  });

  it("codegen falls back to the table strategy where new Function is refused (CSP)", () => {
    const table = tableOf(declSet(struct("Csp", [["x", sc("i32")]])), "Csp", "x86_64-linux");
    let refused = 0;
    vi.stubGlobal("Function", function () {
      refused++;
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
    });
    try {
      const bytes = new Uint8Array(4);
      const v = bindView(table, { bytes, byteOffset: 0, byteLength: 4 }, { strategy: "codegen" });
      v.x = -5;
      expect(v.x).toBe(-5);
      expect(refused).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

import { offsetof } from "../packages/runtime/src/sizeof.js";

describe("arrays, unions, flexible array members", () => {
  const DECLS = declSet(
    struct("Msg", [["n", sc("u32")], ["grid", arr(arr(sc("i8"), 3), 2)], ["items", arr(sc("u16"), 0)]]),
    struct("U", [["i", sc("u32")], ["f", sc("f32")], ["b", arr(sc("u8"), 4)]], { kind: "union" }),
  );

  it("a flexible array member holds what fits before the end of the area", () => {
    const table = tableOf(DECLS, "Msg", "x86_64-linux");
    const size = table.types[table.root]!.byteSize;
    const bytes = new Uint8Array(64);
    const m = bindView(table, { bytes, byteOffset: 0, byteLength: size + 10 });
    expect([size, offsetof(m, "items")]).toEqual([12, 10]); // the member starts inside the tail padding
    expect(m.items.length).toBe(6); // (12 + 10 - 10) / 2
    m.items[5] = 65535;
    expect(new DataView(bytes.buffer).getUint16(20, true)).toBe(65535);
    expect(() => m.items[6]).toThrow(/Index 6 is out of range for an array of 6 elements/);
    m.items = [1, 2];
    expect([...m.items]).toEqual([1, 2, 0, 0, 0, 65535]);
  });

  it("nested arrays index like C (row-major) and unions overlay their members", () => {
    const msg = tableOf(DECLS, "Msg", "mips-linux");
    const bytes = new Uint8Array(32);
    const m = bindView(msg, { bytes, byteOffset: 0, byteLength: msg.types[msg.root]!.byteSize });
    m.grid[1][2] = -3;
    expect(bytes[4 + 1 * 3 + 2]).toBe(253);
    expect(m.grid.length).toBe(2);
    expect(m.grid[1].length).toBe(3);
    const ut = tableOf(DECLS, "U", "s390x-linux");
    const u = bindView(ut, { bytes: new Uint8Array(4), byteOffset: 0, byteLength: 4 });
    u.f = 1;
    expect(u.i).toBe(0x3f800000);
    expect([...u.b]).toEqual([0x3f, 0x80, 0, 0]); // big-endian
  });
});

import { fieldAccessors } from "../packages/runtime/src/codegen.js";

describe("fieldAccessors (generated per-member functions)", () => {
  it("agree with the codecs on every format, including their errors", () => {
    for (const format of ["x86_64-linux", "mips-linux", "i386-linux"] as AbiId[]) {
      const table = tableOf(MIXED, "Rec", format);
      const size = table.types[table.root]!.byteSize;
      const tpA = new Uint8Array(size);
      const tpB = new Uint8Array(size);
      const view = bindView(table, { bytes: tpA, byteOffset: 0, byteLength: size });
      const R = ref(bindView(table, { bytes: tpB, byteOffset: 0, byteLength: size }));
      const acc = fieldAccessors(R.tp, R.t);
      expect(Object.keys(acc).sort()).toEqual(["a", "b", "c", "d", "f", "g", "h", "l", "next", "ok"]);
      const rnd = seededRandom(5);
      for (let n = 0; n < 300; n++) {
        const k = ["a", "b", "c", "h", "l", "g", "f"][n % 7]!;
        const v = k === "b" || k === "h" ? rnd() * 100 : Math.floor(rnd() * 70000) - 35000;
        let ea: unknown, eb: unknown;
        try { view[k] = v; } catch (e) { ea = (e as Error).constructor; }
        try { acc[k]!.set(R.h, R.a, v); } catch (e) { eb = (e as Error).constructor; }
        expect(eb, `${format} ${k} = ${v}`).toBe(ea);
        expect(acc[k]!.get(R.h, R.a)).toEqual(view[k]);
      }
      expect(tpB).toEqual(tpA);
    }
  });
});
