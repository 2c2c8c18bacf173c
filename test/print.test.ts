/**
 * printTs and printC on small DeclSets: SPEC §2 attribute placement, and C that
 * means the same layout (member vs record vs type-level attributes, unnamed
 * bit-fields, anonymous members, flexible arrays, declarators).
 */
import { describe, expect, it } from "vitest";
import type { CType, DeclSet, Field, RecordType } from "../packages/core/src/ir/ctype.js";
import { printC, printTs } from "../packages/core/src/ir/print.js";

const i32: CType = { kind: "scalar", name: "i32" };
const u64: CType = { kind: "scalar", name: "u64" };
const c_int: CType = { kind: "scalar", name: "c_int" };
const struct = (fields: Field[], extra: Partial<RecordType> = {}): RecordType => ({ kind: "struct", packed: false, fields, ...extra });

const DECLS: DeclSet = {
  types: {
    Color: { kind: "enum", name: "Color", members: [{ name: "Red", value: -1 }, { name: "Green", value: 7 }] },
    // Uses Inner by value before Inner is declared: C must print Inner first.
    Outer: {
      kind: "record", name: "Outer",
      record: struct([
        { name: "inner", type: { kind: "named", name: "Inner" } },
        { name: "a", type: { kind: "aligned", base: u64, byteAlign: 8 }, memberAlign: 4, memberPacked: true },
        { name: "flags", type: { kind: "bits", base: c_int, bitWidth: 3 } },
        { name: "_pad0", type: { kind: "bits", base: c_int, bitWidth: 0 } },
        { name: "color", type: { kind: "bits", base: { kind: "named", name: "Color" }, bitWidth: 2 } },
        { name: "_anon0", type: { kind: "record", record: { kind: "union", packed: false, fields: [{ name: "x", type: i32 }, { name: "y", type: u64 }] } } },
        { name: "self", type: { kind: "pointer", target: { kind: "named", name: "Outer" } } },
        { name: "opaque", type: { kind: "pointer", target: null } },
        { name: "rows", type: { kind: "pointer", target: { kind: "array", element: i32, count: 4 } } },
        { name: "grid", type: { kind: "array", element: { kind: "array", element: i32, count: 3 }, count: 2 } },
        { name: "counter", type: { kind: "atomic", base: { kind: "scalar", name: "c_long" } } },
        { name: "tail", type: { kind: "array", element: { kind: "scalar", name: "c_ssize_t" }, count: 0 } },
      ]),
    },
    Inner: { kind: "record", name: "Inner", record: { kind: "union", packed: true, byteAlign: 8, fields: [{ name: "w", type: { kind: "scalar", name: "c_wchar" } }] } },
    InnerAlias: { kind: "alias", name: "InnerAlias", target: { kind: "named", name: "Inner" } },
    Plain: { kind: "record", name: "Plain", record: struct([{ name: "b", type: { kind: "scalar", name: "bool" } }]) },
  },
};

describe("printTs", () => {
  const text = printTs(DECLS);

  it("imports exactly the C types it uses, as types", () => {
    expect(text.split("\n")[0]).toBe(
      'import type { i32, u64, bool, c_int, c_long, c_ssize_t, c_wchar, ptr, array, bits, union, packed, aligned, atomic } from "@typedc/runtime";',
    );
  });

  it("spells enums, interfaces, record attributes and aliases as SPEC §2 does", () => {
    expect(text).toContain("export enum Color {\n  Red = -1,\n  Green = 7,\n}");
    expect(text).toContain("export type Inner = aligned<packed<union<{\n  w: c_wchar;\n}>>, 8>;");
    expect(text).toContain("export type InnerAlias = Inner;");
    expect(text).toContain("export interface Plain {\n  b: bool;\n}");
  });

  it("puts member attributes outermost and type-level aligned inside them", () => {
    expect(text).toContain("  a: aligned<packed<aligned<u64, 8>>, 4>;\n");
    expect(text).toContain("  _pad0: bits<c_int, 0>;\n  color: bits<Color, 2>;\n");
    expect(text).toContain("  _anon0: union<{\n    x: i32;\n    y: u64;\n  }>;\n");
    expect(text).toContain("  rows: ptr<array<i32, 4>>;\n  grid: array<array<i32, 3>, 2>;\n");
    expect(text).toContain("  opaque: ptr<void>;\n");
    expect(text).toContain("  tail: array<c_ssize_t, 0>;\n");
  });

  it("refuses IR that has no TypeScript spelling", () => {
    const record = { kind: "record", record: struct([{ name: "x", type: i32 }]) } as const;
    const bad: DeclSet = { types: { S: { kind: "record", name: "S", record: struct([{ name: "r", type: record, memberAlign: 8 }]) } } };
    expect(() => printTs(bad)).toThrow(/inline record field 'r'/);
    const top: DeclSet = { types: { S: { kind: "record", name: "S", record: struct([{ name: "a", type: { kind: "aligned", base: u64, byteAlign: 8 } }]) } } };
    expect(() => printTs(top)).toThrow(/member attribute/);
  });
});

describe("printC", () => {
  const text = printC(DECLS);

  it("needs no header: builtin type macros only", () => {
    expect(text).not.toContain("#include");
    expect(text).toContain("__WCHAR_TYPE__ w;");
    expect(text).toContain("__INTPTR_TYPE__ tail[];");
  });

  it("prints enumerators qualified by their enum, and forward declarations", () => {
    expect(text).toContain("enum Color {\n  Color__Red = -1,\n  Color__Green = 7,\n};");
    expect(text).toContain("struct Outer;\nunion Inner;\nstruct Plain;");
  });

  it("prints a record used by value before its user, and aliases as typedefs", () => {
    expect(text.indexOf("union __attribute__((packed, aligned(8))) Inner {")).toBeGreaterThan(-1);
    expect(text.indexOf("union __attribute__((packed, aligned(8))) Inner {")).toBeLessThan(text.indexOf("struct Outer {"));
    expect(text).toContain("typedef union Inner InnerAlias;");
  });

  it("keeps member, record and type-level attributes apart", () => {
    expect(text).toContain("typedef __UINT64_TYPE__ __typedc_aligned_0 __attribute__((aligned(8)));");
    expect(text).toContain("  __typedc_aligned_0 a __attribute__((packed, aligned(4)));\n");
  });

  it("prints bit-fields, unnamed bit-fields and anonymous members without declarators", () => {
    expect(text).toContain("  int flags : 3;\n  int : 0;\n  enum Color color : 2;\n");
    expect(text).toContain("  union {\n    __INT32_TYPE__ x;\n    __UINT64_TYPE__ y;\n  };\n");
  });

  it("builds C declarators inside out", () => {
    expect(text).toContain("  struct Outer *self;\n  void *opaque;\n  __INT32_TYPE__ (*rows)[4];\n  __INT32_TYPE__ grid[2][3];\n");
    expect(text).toContain("  _Atomic(long) counter;\n");
  });

  it("refuses a cycle by value", () => {
    const cyclic: DeclSet = { types: { A: { kind: "record", name: "A", record: struct([{ name: "a", type: { kind: "named", name: "A" } }]) } } };
    expect(() => printC(cyclic)).toThrow(/cycle by value/);
  });
});
