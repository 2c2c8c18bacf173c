/**
 * Element views (made by an array view's iteration, `get(i)` and index) and the record
 * view classes behind them: same reads, writes, paths and errors as any view, writes of
 * unknown members refused with a TypeError, and the one documented difference from the
 * views `__typed`/`at` return (element views are not made non-extensible; docs/runtime.md).
 */
import { describe, expect, it } from "vitest";
import * as util from "node:util";
import { bindView } from "../packages/runtime/src/bind.js";
import { toPlain } from "../packages/runtime/src/convert.js";
import { ALLOCATOR_CAPABILITY, installTable } from "../packages/runtime/src/protect.js";
import { stateOf } from "../packages/runtime/src/view-state.js";
import { TypedRangeError } from "../packages/runtime/src/errors.js";
import { arr, declSet, sc, struct, tableOf, TableBuilder } from "./runtime-view-helpers.js";

const STRATEGIES = ["table", "codegen"] as const;

// struct Rec { int32_t a; double b; int64_t d; uint16_t e[4]; struct { int8_t x; } in; } (x86_64-linux: 40 bytes)
const DECLS = declSet(
  struct("In", [["x", sc("i8")]]),
  struct("Rec", [["a", sc("i32")], ["b", sc("f64")], ["d", sc("i64")], ["e", arr(sc("u16"), 4)], ["in", { kind: "named", name: "In" }]]),
  struct("Pair", [["p", sc("u8")], ["q", sc("i32")]]),
);

function recs(strategy: (typeof STRATEGIES)[number], n = 4) {
  const table = tableOf(DECLS, "Rec", "x86_64-linux");
  const size = table.types[table.root]!.byteSize;
  const bytes = new Uint8Array(size * n + 8);
  const view = bindView(table, { bytes, byteOffset: 8, byteLength: size * n }, { count: n, strategy, name: "recs" });
  return { view, bytes, size, dv: new DataView(bytes.buffer) };
}

// sloppySet assigns a property from sloppy-mode code (where a non-extensible object ignores the write).
const sloppySet = new Function("o", "k", "v", "o[k] = v;") as (o: object, k: string, v: unknown) => void;

describe("element views", () => {
  for (const strategy of STRATEGIES) {
    it(`${strategy}: iteration, get(i) and index read and write each element at its offset`, () => {
      const { view, dv, size } = recs(strategy);
      let i = 0;
      for (const r of view) {
        r.a = i * 10;
        r.b = i + 0.5;
        r.d = BigInt(i) << 40n;
        r.e[2] = 100 + i;
        r.in.x = i - 5;
        i++;
      }
      expect(i).toBe(4);
      for (let k = 0; k < 4; k++) {
        const at = 8 + k * size;
        expect([dv.getInt32(at, true), dv.getFloat64(at + 8, true), dv.getBigInt64(at + 16, true), dv.getUint16(at + 24 + 4, true), dv.getInt8(at + 32)])
          .toEqual([k * 10, k + 0.5, BigInt(k) << 40n, 100 + k, k - 5]);
        expect([view.get(k).a, view[k].b, view.get(k).d, view[k].e.get(2), view.get(k).in.x]).toEqual([k * 10, k + 0.5, BigInt(k) << 40n, 100 + k, k - 5]);
      }
      expect(toPlain(view.get(3))).toEqual({ a: 30, b: 3.5, d: 3n << 40n, e: [0, 0, 103, 0], in: { x: -2 } });
    });

    it(`${strategy}: an iterator's position and binding are private`, () => {
      const { view } = recs(strategy);
      view.get(1).a = 11;
      const it = view[Symbol.iterator]();
      expect(Object.keys(it)).toEqual([]);
      it.next();
      Object.assign(it, { i: 100, s: { a: -1000, length: 1e9 } }); // ignored: not the iterator's fields
      expect(it.next().value.a).toBe(11);
      expect([...it].length).toBe(2);
      expect(it.next()).toEqual({ value: undefined, done: true });
    });

    it(`${strategy}: an element keeps its member views and its binding`, () => {
      const { view } = recs(strategy);
      const r = view.get(2);
      expect(r.e).toBe(r.e);
      expect(r.in).toBe(r.in);
      expect(stateOf(r)).toBe(stateOf(r));
      expect(stateOf(r)!.a).toBe(stateOf(view)!.a + 2 * 40);
      expect(view.get(2)).not.toBe(r); // each access makes a view
    });

    it(`${strategy}: errors name the element's path`, () => {
      const { view } = recs(strategy);
      const r = [...view][3];
      expect(() => {
        r.a = 2 ** 40;
      }).toThrow(TypedRangeError);
      expect(() => {
        r.a = 2 ** 40;
      }).toThrow(/^recs\[3\]\.a: /);
      expect(() => {
        view.get(1).e[4] = 1;
      }).toThrow(/recs\[1\]\.e\[4\]: Index 4 is out of range/);
      expect(() => view.get(4)).toThrow(/recs\[4\]: Index 4 is out of range for an array of 4 elements/);
      expect(() => view.get(-1)).toThrow(/Index -1 is out of range/);
    });

    it(`${strategy}: writing an unknown member throws a TypeError, in sloppy mode too`, () => {
      const { view } = recs(strategy);
      const made = { iteration: [...view][1], get: view.get(1), index: view[1], root: bindView(tableOf(DECLS, "Rec", "x86_64-linux"), { bytes: new Uint8Array(40), byteOffset: 0, byteLength: 40 }, { strategy }) };
      for (const [how, r] of Object.entries(made)) {
        const path = how === "root" ? "Rec" : "recs[1]";
        expect(() => {
          r.typo = 1;
        }, how).toThrow(new TypeError(`${path}: Cannot set 'typo' on a typed view: it is not a member of 'Rec'.`));
        expect(() => sloppySet(r, "typo", 1), how).toThrow(TypeError);
        expect(() => sloppySet(r, "__proto__", {}), how).toThrow(TypeError);
        expect("typo" in r, how).toBe(false);
        expect(Object.keys(r), how).toEqual([]); // the binding is in private fields
        expect(Object.getOwnPropertySymbols(r), how).toEqual([]);
        expect(Object.isExtensible(r), how).toBe(how !== "root"); // the documented difference
      }
      // What differs on element views, exactly as docs/runtime.md says.
      const root = made.root;
      expect(() => Object.defineProperty(root, "a", { value: 1 })).toThrow(TypeError);
      expect(() => Object.setPrototypeOf(root, {})).toThrow(TypeError);
      const r = view.get(2);
      r.a = 5;
      Object.defineProperty(r, "a", { value: 99 }); // an own property of this one object
      expect(r.a).toBe(99);
      expect(view.get(2).a).toBe(5); // memory unchanged
      expect(toPlain(r).a).toBe(5); // the runtime reads through the binding
      Object.setPrototypeOf(r, {});
      expect(() => toPlain(r)).toThrow(expect.objectContaining({ code: 5120 }));
      // The member views of an element are made like any member view: non-extensible.
      expect(Object.isExtensible(view.get(0).in)).toBe(false);
    });

    it(`${strategy}: views behave as ordinary objects otherwise`, () => {
      const { view } = recs(strategy);
      const r = view.get(0);
      r.a = 7;
      expect(r.toJSON()).toEqual({ a: 7, b: 0, d: 0n, e: [0, 0, 0, 0], in: { x: 0 } });
      expect(JSON.stringify(r.in)).toBe('{"x":0}');
      expect(Object.prototype.toString.call(r)).toBe("[object Rec]");
      expect(util.inspect(r)).toContain("a: 7");
      expect(r instanceof Object).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(r, "a")).toBe(false);
      // An object that inherits from a view is not a view: its own writes go on.
      const child = Object.create(r);
      child.extra = 1;
      expect(child.extra).toBe(1);
      expect(() => Object.setPrototypeOf(Object.getPrototypeOf(r), {})).toThrow(TypeError);
    });
  }

  it("two record types per strategy in one process: each class reads its own layout", () => {
    const pairs = tableOf(DECLS, "Pair", "x86_64-linux");
    for (const strategy of STRATEGIES) {
      const { view } = recs(strategy);
      const bytes = new Uint8Array(8 * 3);
      const pv = bindView(pairs, { bytes, byteOffset: 0, byteLength: 24 }, { count: 3, strategy, name: "pairs" });
      for (let round = 0; round < 3; round++) {
        let k = 0;
        for (const r of view) r.a = k++ + round;
        k = 0;
        for (const p of pv) {
          p.p = 200 + k;
          p.q = 1000 - k++ - round;
        }
        expect([...view].map((r) => r.a)).toEqual([0, 1, 2, 3].map((x) => x + round));
        expect([...pv].map((p) => [p.p, p.q])).toEqual([0, 1, 2].map((x) => [200 + x, 1000 - x - round]));
      }
    }
  });
});

// struct P { int32_t a; long b; } as the element of an array<P, 3> root table: x86_64 (16 bytes, b at 8), i386 (8 bytes, b at 4).
function pairArrayTable(format: "x86_64-linux" | "i386-linux") {
  const wide = format === "x86_64-linux";
  const b = new TableBuilder(format, "little", wide ? 8 : 4);
  const i32 = b.base("i32", "signed", 4);
  const long = b.base("c_long", "signed", wide ? 8 : 4);
  const p = b.record("structure_type", "P", wide ? 16 : 8, wide ? 8 : 4, [["a", i32, 0], ["b", long, wide ? 8 : 4]]);
  return b.table(b.array(p, 3));
}

describe("member view caches", () => {
  // More nested members than the short list holds (view-state.ts KID_LIST_MAX): the cache becomes a Map.
  const WIDE = declSet(struct("Wide", Array.from({ length: 12 }, (_, k) => [`m${k}`, arr(sc("u8"), 2)] as const)));
  for (const strategy of STRATEGIES) {
    it(`${strategy}: each member view is made once, however many members`, () => {
      const table = tableOf(WIDE, "Wide", "x86_64-linux");
      const bytes = new Uint8Array(24 * 2);
      const view = bindView(table, { bytes, byteOffset: 0, byteLength: 48 }, { count: 2, strategy });
      for (const w of [view.get(1), bindView(table, { bytes, byteOffset: 0, byteLength: 24 }, { strategy })]) {
        const first = Array.from({ length: 12 }, (_, k) => w[`m${k}`]);
        first.forEach((m, k) => (m[1] = k));
        for (let k = 0; k < 12; k++) expect(w[`m${k}`]).toBe(first[k]);
        expect(toPlain(w)).toEqual(Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`m${k}`, [0, k]])));
      }
      expect(bytes[24 + 2 * 11 + 1]).toBe(11);
    });
  }
});

describe("element views after installTable", () => {
  for (const strategy of STRATEGIES) {
    it(`${strategy}: iteration and get(i) follow the array's new table`, () => {
      const bytes = new Uint8Array(48);
      const dv = new DataView(bytes.buffer);
      const view = bindView(pairArrayTable("x86_64-linux"), { bytes, byteOffset: 0, byteLength: 48 }, { strategy, name: "ps" });
      for (const p of view) p.b = 5;
      const before = view.get(1);
      expect(dv.getInt32(16 + 8, true)).toBe(5);
      installTable(view, pairArrayTable("i386-linux"), ALLOCATOR_CAPABILITY);
      expect(view.length).toBe(3);
      let k = 0;
      for (const p of view) p.b = 100 + k++;
      expect([4, 12, 20].map((at) => dv.getInt32(at, true))).toEqual([100, 101, 102]);
      expect(view.get(2).b).toBe(102);
      expect(view[1].b).toBe(101);
      expect(stateOf(view.get(1))!.t.size).toBe(8);
      expect(before.b).toBe(5); // a view made before the install keeps its binding
    });
  }
});
