// The content-keyed table cache of core (tables/cache.ts) that the Babel and tsc plugins build
// their per-file tables through: a hit gives what a fresh build gives, and any change of the
// type, of a declaration it reaches or of the AbiSpec is a miss.
import { beforeEach, describe, expect, it } from "vitest";
import type { AbiSpec, CType, DeclSet } from "@typedc/core";
import { ABIS } from "../packages/core/src/abi/abis";
import { buildTableOfType, clearTableCache, LAYOUT_ENGINE } from "../packages/core/src/tables/build";
import { buildTableOfTypeWith } from "../packages/core/src/tables/builder";
import { ByteWriter } from "../packages/core/src/tables/bytes";
import { encodeTable } from "../packages/core/src/tables/encode";
import { array, decls, f, named, ptr, s, struct } from "./tables-decls";

const x64 = ABIS["x86_64-linux"];
const arm = ABIS["armv7-linux"];
/** fresh is the table built without the cache. */
const fresh = (d: DeclSet, type: CType, abi: AbiSpec = x64) => buildTableOfTypeWith(LAYOUT_ENGINE, d, type, abi);
/** copy is a deep copy: equal content in new objects (what a rebuild's extractor makes). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** allFrozen tells whether an object and every object reachable from it is frozen. */
const allFrozen = (value: unknown): boolean =>
  typeof value !== "object" || value === null || (Object.isFrozen(value) && Object.values(value).every(allFrozen));
const item = (fieldType: CType, loc = { file: "/p/a.ts", start: 10, length: 40 }): DeclSet => ({
  types: {
    Item: { kind: "record", name: "Item", record: struct([f("id", s("i32")), f("v", fieldType), f("next", ptr(named("Item")))]), loc },
    Other: { kind: "record", name: "Other", record: struct([f("x", s("u8"))]) },
  },
});

beforeEach(() => clearTableCache());

describe("buildTableOfType's table cache", () => {
  it("gives the table a fresh build gives, byte for byte, for every type of the test declarations", () => {
    for (const name of Object.keys(decls.types)) {
      for (const abi of [x64, arm]) {
        const type = array(named(name), 3);
        const cold = buildTableOfType(decls, type, abi);
        expect(JSON.stringify(cold)).toBe(JSON.stringify(fresh(decls, type, abi)));
        expect(encodeTable(cold)).toEqual(encodeTable(fresh(decls, type, abi)));
      }
    }
  });

  it("returns the same frozen table for the same content in new objects (a rebuild, another file)", () => {
    const first = buildTableOfType(item(s("u16")), array(named("Item"), 64), x64);
    const again = buildTableOfType(copy(item(s("u16"))), array(named("Item"), 64), x64);
    expect(again).toBe(first);
    expect(allFrozen(first)).toBe(true);
    const withEnum = buildTableOfType(decls, named("Task"), x64); // records, enums, bit-fields, pointers, arrays
    expect(withEnum.types.some((t) => t.tag === "enumeration_type")).toBe(true);
    expect(allFrozen(withEnum)).toBe(true);
  });

  it("misses when a field the type reaches changes, and gives the changed table", () => {
    const before = buildTableOfType(item(s("u16")), named("Item"), x64);
    const changed = item(s("u64"));
    const after = buildTableOfType(changed, named("Item"), x64);
    expect(after).not.toBe(before);
    expect(after).toEqual(fresh(changed, named("Item")));
    expect(after.hash).not.toBe(before.hash);
  });

  it("misses when a declaration reached through another one changes (closed over references)", () => {
    const withInner = (width: CType): DeclSet => ({
      types: {
        Inner: { kind: "record", name: "Inner", record: struct([f("w", width)]) },
        Outer: { kind: "record", name: "Outer", record: struct([f("p", ptr(named("Inner")))]) },
      },
    });
    const a = buildTableOfType(withInner(s("i8")), named("Outer"), x64);
    const b = buildTableOfType(withInner(s("f64")), named("Outer"), x64);
    expect(b).not.toBe(a);
    expect(b).toEqual(fresh(withInner(s("f64")), named("Outer")));
  });

  it("misses when the declaration moves in its file or to another file, and when the type or the ABI differs", () => {
    const base = buildTableOfType(item(s("u16")), named("Item"), x64);
    expect(buildTableOfType(item(s("u16"), { file: "/p/a.ts", start: 11, length: 40 }), named("Item"), x64)).not.toBe(base);
    expect(buildTableOfType(item(s("u16"), { file: "/p/b.ts", start: 10, length: 40 }), named("Item"), x64)).not.toBe(base);
    expect(buildTableOfType(item(s("u16")), array(named("Item"), 2), x64)).not.toBe(base);
    const other = buildTableOfType(item(s("u16")), named("Item"), arm);
    expect(other).not.toBe(base);
    expect(other).toEqual(fresh(item(s("u16")), named("Item"), arm));
    // A changed AbiSpec object (same id, another pointer size) is another ABI, not the cached one's.
    const wide: AbiSpec = { ...arm, pointer: { ...arm.pointer, byteSize: 8, byteAlign: 8 } };
    expect(buildTableOfType(item(s("u16")), named("Item"), wide)).toEqual(fresh(item(s("u16")), named("Item"), wide));
  });

  it("does not let declarations the type does not reach change the key", () => {
    const a = buildTableOfType(item(s("u16")), named("Item"), x64);
    const d = item(s("u16"));
    const b = buildTableOfType({ types: { ...d.types, Other: { kind: "record", name: "Other", record: struct([f("x", s("u64"))]) } } }, named("Item"), x64);
    expect(b).toBe(a);
  });

  it("does not cache a type whose JSON would not tell inputs apart (NaN, Infinity, -0)", () => {
    for (const count of [NaN, Infinity, -0]) {
      const type = array(s("u8"), count);
      let first: unknown;
      let second: unknown;
      try {
        first = buildTableOfType({ types: {} }, type, x64);
        second = buildTableOfType({ types: {} }, array(s("u8"), count), x64);
      } catch {
        continue; // not laid out at all: nothing was cached either
      }
      expect(second).not.toBe(first);
    }
  });

  it("caches no failed build: the same call throws again", () => {
    const broken = array(named("Missing"), 2);
    expect(() => buildTableOfType({ types: {} }, broken, x64)).toThrow();
    expect(() => buildTableOfType({ types: {} }, broken, x64)).toThrow();
  });
});

describe("ByteWriter.string", () => {
  it("writes ASCII and non-ASCII strings as length-prefixed UTF-8", () => {
    for (const text of ["", "i32", "array<Task, 16>", "é", "名前", "a😀b", "\u007f\u0080", "x".repeat(300)]) {
      const w = new ByteWriter();
      w.string(text);
      const utf8 = new TextEncoder().encode(text);
      const prefix = new ByteWriter();
      prefix.uint(utf8.length);
      expect(w.finish()).toEqual(new Uint8Array([...prefix.finish(), ...utf8]));
    }
  });
});
