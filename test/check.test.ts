// checkDecls: the type-model rules the layout engine relies on, on hand-written IR.
import { describe, expect, it } from "vitest";
import { checkDecls, type CType, type DeclSet, type Field, type NamedType, type SourceLoc } from "@typedc/core";

const loc = (start: number): SourceLoc => ({ file: "t.ts", start, length: 1 });
const s = (name: string): CType => ({ kind: "scalar", name } as CType);
const named = (name: string): CType => ({ kind: "named", name });
const bits = (base: CType, bitWidth: number): CType => ({ kind: "bits", base, bitWidth });
const arr = (element: CType, count: number): CType => ({ kind: "array", element, count });
const f = (name: string, type: CType, start = 0, extra: Partial<Field> = {}): Field => ({ name, type, loc: loc(start), ...extra });
const struct = (name: string, fields: Field[], kind: "struct" | "union" = "struct", extra: object = {}): NamedType =>
  ({ kind: "record", name, record: { kind, packed: false, ...extra, fields }, loc: loc(0) }) as NamedType;
const decls = (...types: NamedType[]): DeclSet => ({ types: Object.fromEntries(types.map((t) => [t.name, t])) });
const codes = (d: DeclSet) => checkDecls(d).map((x) => [x.code, x.messageText, x.loc?.start]);

describe("checkDecls", () => {
  it("accepts a well-formed set (the example task declarations)", () => {
    const d = decls(
      { kind: "enum", name: "State", members: [{ name: "A", value: 0 }, { name: "B", value: 4294967295 }] },
      { kind: "alias", name: "pid_t", target: s("i32") },
      struct("List", [f("next", { kind: "pointer", target: named("List") }), f("prev", { kind: "pointer", target: named("List") })]),
      struct("Task", [
        f("pid", named("pid_t")),
        f("state", bits(named("State"), 3)),
        f("flag", bits(s("bool"), 1)),
        f("_pad0", bits(s("u32"), 0)),
        f("list", named("List")),
        f("self", { kind: "pointer", target: named("Task") }),
        f("_anon0", { kind: "record", record: { kind: "union", packed: false, fields: [f("a", s("u32")), f("b", s("f32"))] } }),
        f("usage", { kind: "atomic", base: named("pid_t") }),
        f("w", { kind: "aligned", base: s("u64"), byteAlign: 8 }, 0, { memberAlign: 16 }),
        f("data", arr(s("u8"), 0)),
      ]),
    );
    expect(checkDecls(d)).toEqual([]);
  });

  it("2003: bit-field wider than its base type in some format (bool holds 1, c_long 32, c_wchar 16, enums 32)", () => {
    const d = decls(
      { kind: "enum", name: "E", members: [{ name: "A", value: 1 }] },
      struct("S", [
        f("a", bits(s("u8"), 9), 10),
        f("b", bits(s("bool"), 2), 20),
        f("c", bits(s("c_long"), 33), 30),
        f("d", bits(named("E"), 33), 40),
        f("e", bits(s("c_wchar"), 17), 50),
        f("ok1", bits(s("u64"), 64)),
        f("ok2", bits(s("c_longlong"), 64)),
        f("ok3", bits(s("c_long"), 32)),
      ]),
    );
    expect(codes(d)).toEqual([
      [2003, "Bit-field 'a' is 9 bits wide but 'u8' holds 8.", 10],
      [2003, "Bit-field 'b' is 2 bits wide but 'bool' holds 1.", 20],
      [2003, "Bit-field 'c' is 33 bits wide but 'c_long' holds 32.", 30],
      [2003, "Bit-field 'd' is 33 bits wide but 'E' holds 32.", 40],
      [2003, "Bit-field 'e' is 17 bits wide but 'c_wchar' holds 16.", 50],
    ]);
  });

  it("2001: bit-field base that is not an integer or enum (seen through aliases)", () => {
    const d = decls({ kind: "alias", name: "real", target: s("f64") }, struct("S", [f("a", bits(named("real"), 3), 5), f("b", bits({ kind: "pointer", target: null }, 1), 6)]));
    expect(codes(d)).toEqual([
      [2001, "Bit-field 'a' has base type 'real'; a bit-field needs an integer type or an enum, such as 'bits<u32, 3>'.", 5],
      [2001, "Bit-field 'b' has base type 'ptr<void>'; a bit-field needs an integer type or an enum, such as 'bits<u32, 1>'.", 6],
    ]);
  });

  it("2002: zero width only on _padN", () => {
    expect(codes(decls(struct("S", [f("a", bits(s("u32"), 0), 3), f("_pad1", bits(s("u32"), 0), 4)])))).toEqual([
      [2002, "Bit-field 'a' has width 0; only an unnamed bit-field ('_pad0', '_pad1', …) can be 0 bits wide.", 3],
    ]);
  });

  it("2004: cycles by value through fields, arrays, inline records and aliases; pointers break them", () => {
    const d = decls(
      struct("A", [f("x", s("u8")), f("b", arr(named("B"), 2), 11)]),
      struct("B", [f("inner", { kind: "record", record: { kind: "struct", packed: false, fields: [f("a", named("AA"), 22)] } }, 21)]),
      { kind: "alias", name: "AA", target: named("A") },
      struct("Self", [f("me", named("Self"), 33)]),
      struct("Ok", [f("next", { kind: "pointer", target: named("Ok") })]),
    );
    expect(codes(d)).toEqual([
      [2004, "Type 'A' contains itself by value through 'b.inner.a'. Use 'ptr<A>' to refer to it.", 11],
      [2004, "Type 'Self' contains itself by value through 'me'. Use 'ptr<Self>' to refer to it.", 33],
    ]);
  });

  it("2005/2006/2007: flexible array members", () => {
    const d = decls(
      struct("NotLast", [f("a", arr(s("u8"), 0), 1), f("b", s("u8"))]),
      struct("InUnion", [f("a", s("u32")), f("b", arr(s("u8"), 0), 2)], "union"),
      struct("Nested", [f("n", s("u32")), f("b", arr(arr(s("u8"), 0), 2), 3)]),
      struct("Inner", [f("n", s("u32")), f("b", arr(arr(s("u8"), 2), 0), 4)]),
    );
    expect(codes(d)).toEqual([
      [2005, "Flexible array member 'a' must be the last field of a struct.", 1],
      [2006, "Flexible array member 'b' is not allowed in a union.", 2],
      [2007, "Array 'Nested.b' has length 0 where it cannot be flexible; only the outermost array type of a struct's last field may have length 0.", 3],
    ]);
  });

  it("2008: alignments must be powers of two (record, member, type-level)", () => {
    const d = decls(
      struct("R", [f("a", s("u8"))], "struct", { byteAlign: 12 }),
      struct("M", [f("a", s("u8"), 7, { memberAlign: 3 }), f("b", arr({ kind: "aligned", base: s("u64"), byteAlign: 6 }, 2), 8)]),
    );
    expect(codes(d)).toEqual([
      [2008, "Alignment 12 in 'R' is not a power of two.", 0],
      [2008, "Alignment 3 in 'M.a' is not a power of two.", 7],
      [2008, "Alignment 6 in 'M.b' is not a power of two.", 8],
    ]);
  });

  it("2009: atomic only on integer types", () => {
    const d = decls(struct("S", [f("a", { kind: "atomic", base: s("f64") }, 1), f("b", { kind: "atomic", base: s("bool") }, 2), f("c", { kind: "atomic", base: s("u64") }, 3)]));
    expect(codes(d)).toEqual([
      [2009, "'atomic<f64>' in 'S.a': atomic is only supported on integer types, such as 'atomic<i32>'.", 1],
      [2009, "'atomic<bool>' in 'S.b': atomic is only supported on integer types, such as 'atomic<i32>'.", 2],
    ]);
  });

  it("2010: _anonN needs an inline record type", () => {
    expect(codes(decls(struct("Inner", [f("x", s("u8"))]), struct("S", [f("_anon0", named("Inner"), 4)])))).toEqual([
      [2010, "Field '_anon0' is named like an anonymous member but its type is not an inline record. Write '{ ... }' or 'union<{ ... }>', or rename the field.", 4],
    ]);
  });

  it("2011/2014: enum values fit int or unsigned int; at least one member", () => {
    const d = decls(
      { kind: "enum", name: "Big", members: [{ name: "A", value: 2 ** 32 }], loc: loc(1) },
      { kind: "enum", name: "Mixed", members: [{ name: "N", value: -1 }, { name: "P", value: 2 ** 31 }], loc: loc(2) },
      { kind: "enum", name: "Empty", members: [], loc: loc(3) },
    );
    expect(codes(d)).toEqual([
      [2011, "Enumerator 'Big.A' = 4294967296 does not fit in a 32-bit int or unsigned int.", 1],
      [2011, "Enumerator 'Mixed.P' = 2147483648 does not fit in a 32-bit int or unsigned int.", 2],
      [2014, "Enum 'Empty' has no members; a C enum needs at least one enumerator.", 3],
    ]);
  });

  it("2012: references to unknown names", () => {
    expect(codes(decls(struct("S", [f("p", { kind: "pointer", target: named("Nope") }, 9)]), { kind: "alias", name: "T", target: named("Gone"), loc: loc(10) }))).toEqual([
      [2012, "Type 'S.p' refers to unknown type 'Nope'.", 9],
      [2012, "Type 'T' refers to unknown type 'Gone'.", 10],
    ]);
  });

  it("2013: bits outside a field (array element, alias)", () => {
    const d = decls(struct("S", [f("a", arr(bits(s("u8"), 3), 2), 5)]), { kind: "alias", name: "B", target: bits(s("u8"), 1), loc: loc(6) });
    expect(codes(d).map((c) => [c[0], c[2]])).toEqual([
      [2013, 5],
      [2013, 6],
    ]);
  });

  it("2015: duplicate members, counting anonymous members' fields", () => {
    const anon: CType = { kind: "record", record: { kind: "struct", packed: false, fields: [f("x", s("u8"), 2)] } };
    expect(codes(decls(struct("S", [f("x", s("u8"), 1), f("_anon0", anon), f("y", s("u8")), f("y", s("u8"), 4), f("_pad0", bits(s("u8"), 1)), f("_pad0", bits(s("u8"), 1))])))).toEqual([
      [2015, "Duplicate member 'x' in 'S'.", 2],
      [2015, "Duplicate member 'y' in 'S'.", 4],
    ]);
  });
});
