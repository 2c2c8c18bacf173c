/**
 * SysV/psABI records (GCC/clang rules) for hand-picked quirks. Every expected number was
 * printed by clang 19 (`clang-19 --target=<triple> -fsyntax-only -Xclang -fdump-record-layouts`)
 * for the equivalent C declaration quoted in each test.
 */
import { describe, expect, it } from "vitest";
import { ABIS, layoutOf, layoutRecord, sizeAlignOf, enumSpec, LayoutAssertError } from "@typedc/core";
import { alignedType, array, atomic, declSet, enumDecl, f, inline, named, shape, struct, t, union } from "./layout-decls.js";

const x64 = ABIS["x86_64-linux"];
const i386 = ABIS["i386-linux"];
const win = ABIS["x86_64-windows"];
const arm = ABIS["armv7-linux"];

describe("SysV structs", () => {
  it("i386 aligns double and long long members to 4 (struct S1 { char a; double d; long long q; })", () => {
    const decls = declSet({ S1: struct([f("a", "c_char"), f("d", "f64"), f("q", "c_longlong")]) });
    expect(shape(layoutOf(decls, "S1", i386))).toEqual({ size: 20, align: 4, fields: [["a", 0], ["d", 4], ["q", 12]] });
    expect(shape(layoutOf(decls, "S1", x64))).toEqual({ size: 24, align: 8, fields: [["a", 0], ["d", 8], ["q", 16]] });
    expect(shape(layoutOf(decls, "S1", arm))).toEqual({ size: 24, align: 8, fields: [["a", 0], ["d", 8], ["q", 16]] });
  });

  it("packs a packed record (struct __attribute__((packed)) S2 { u8 a; u32 b; u64 c; })", () => {
    const decls = declSet({ S2: struct([f("a", "u8"), f("b", "u32"), f("c", "u64")], { packed: true }) });
    for (const abi of [x64, i386, win]) {
      expect(shape(layoutOf(decls, "S2", abi))).toEqual({ size: 13, align: 1, fields: [["a", 0], ["b", 1], ["c", 5]] });
    }
  });

  it("honours a member aligned(4) inside a packed record (S3)", () => {
    const decls = declSet({ S3: struct([f("a", "u8"), f("b", "u32", { memberAlign: 4 }), f("c", "u16")], { packed: true }) });
    expect(shape(layoutOf(decls, "S3", x64))).toEqual({ size: 12, align: 4, fields: [["a", 0], ["b", 4], ["c", 8]] });
  });

  it("record aligned(N) raises alignment and rounds size, never lowers (S4 aligned(16), S5 aligned(1))", () => {
    const decls = declSet({
      S4: struct([f("a", "u8")], { byteAlign: 16 }),
      S5: struct([f("a", "u32")], { byteAlign: 1 }),
    });
    expect(shape(layoutOf(decls, "S4", x64))).toEqual({ size: 16, align: 16, fields: [["a", 0]] });
    expect(shape(layoutOf(decls, "S5", x64))).toEqual({ size: 4, align: 4, fields: [["a", 0]] });
  });

  it("member aligned(8) raises a member's alignment (S8 { u8 a; u8 b __attribute__((aligned(8))); })", () => {
    const decls = declSet({ S8: struct([f("a", "u8"), f("b", "u8", { memberAlign: 8 })]) });
    expect(shape(layoutOf(decls, "S8", x64))).toEqual({ size: 16, align: 8, fields: [["a", 0], ["b", 8]] });
  });

  it("member packed drops a member's alignment (S9 { char a; int b __attribute__((packed)); })", () => {
    const decls = declSet({ S9: struct([f("a", "c_char"), f("b", "c_int", { memberPacked: true })]) });
    expect(shape(layoutOf(decls, "S9", x64))).toEqual({ size: 5, align: 1, fields: [["a", 0], ["b", 1]] });
  });

  it("gives a flexible array member size 0 and its element alignment (S6 { u32 n; u64 data[]; })", () => {
    const decls = declSet({ S6: struct([f("n", "u32"), f("data", array("u64", 0))]) });
    const l64 = layoutOf(decls, "S6", x64);
    expect(shape(l64)).toEqual({ size: 8, align: 8, fields: [["n", 0], ["data", 8]] });
    expect(l64.fields[1]?.byteSize).toBe(0);
    expect(shape(layoutOf(decls, "S6", i386))).toEqual({ size: 4, align: 4, fields: [["n", 0], ["data", 4]] });
  });

  it("ignores an over-aligned record's alignment inside a packed record (P { char a; struct R8 r; } packed)", () => {
    const decls = declSet({
      R8: struct([f("x", "c_char")], { byteAlign: 8 }),
      P: struct([f("a", "c_char"), f("r", named("R8"))], { packed: true }),
    });
    expect(shape(layoutOf(decls, "P", x64))).toEqual({ size: 9, align: 1, fields: [["a", 0], ["r", 1]] });
  });

  it("lets an aligned typedef lower alignment (typedef long long __attribute__((aligned(2))) ll2)", () => {
    const decls = declSet({
      L: struct([f("a", "c_char"), f("b", alignedType("c_longlong", 2))]),
      AR: struct([f("a", "c_char"), f("b", array(alignedType("c_longlong", 2), 2))]),
    });
    expect(shape(layoutOf(decls, "L", x64))).toEqual({ size: 10, align: 2, fields: [["a", 0], ["b", 2]] });
    expect(shape(layoutOf(decls, "AR", x64))).toEqual({ size: 18, align: 2, fields: [["a", 0], ["b", 2]] });
  });

  it("aligns _Atomic long long to 8 on i386 (AT { char a; _Atomic long long b; })", () => {
    const decls = declSet({ AT: struct([f("a", "c_char"), f("b", atomic("c_longlong"))]) });
    expect(shape(layoutOf(decls, "AT", i386))).toEqual({ size: 16, align: 8, fields: [["a", 0], ["b", 8]] });
  });
});

describe("SysV unions, inline records, names", () => {
  it("puts union members at 0 (union U7 { u8 a; u32 b; u8 c[5]; })", () => {
    const decls = declSet({ U7: union([f("a", "u8"), f("b", "u32"), f("c", array("u8", 5))]) });
    const l = layoutOf(decls, "U7", x64);
    expect(shape(l)).toEqual({ size: 8, align: 4, fields: [["a", 0], ["b", 0], ["c", 0]] });
    expect(l.fields.map((fl) => fl.byteSize)).toEqual([1, 4, 5]);
  });

  it("lists an anonymous member with its inline layout, offsets relative to it", () => {
    const inner = union([f("x", "u16"), f("y", "u64")]);
    const decls = declSet({ A: struct([f("tag", "u8"), f("_anon0", inline(inner)), f("z", "u8")]) });
    const l = layoutOf(decls, "A", i386);
    expect(shape(l)).toEqual({ size: 16, align: 4, fields: [["tag", 0], ["_anon0", 4], ["z", 12]] });
    expect(l.fields[1]?.inline && shape(l.fields[1].inline)).toEqual({ size: 8, align: 4, fields: [["x", 0], ["y", 0]] });
    expect(l.fields[1]?.inline).toBe(layoutRecord(decls, inner, i386));
  });

  it("follows an alias naming a record (export type T = S) and memoises per (DeclSet, ABI)", () => {
    const decls = declSet({ S: struct([f("a", "u32")]) }, [{ kind: "alias", name: "T", target: named("S") }]);
    expect(layoutOf(decls, "T", x64)).toBe(layoutOf(decls, "S", x64));
    expect(() => layoutOf(decls, "Nope", x64)).toThrow(LayoutAssertError);
  });

  it("throws an assert on a record that contains itself by value", () => {
    const decls = declSet({ Loop: struct([f("self", named("Loop"))]) });
    expect(() => layoutOf(decls, "Loop", x64)).toThrow(/contains itself/);
  });
});

describe("sizeAlignOf and enumSpec", () => {
  it("sizes arrays as count × element and pointers per ABI", () => {
    const decls = declSet({});
    expect(sizeAlignOf(decls, array(array("u16", 3), 5), x64)).toEqual({ byteSize: 30, byteAlign: 2 });
    expect(sizeAlignOf(decls, { kind: "pointer", target: null }, i386)).toEqual({ byteSize: 4, byteAlign: 4 });
    expect(sizeAlignOf(decls, t("c_long"), win)).toEqual({ byteSize: 4, byteAlign: 4 });
    expect(sizeAlignOf(decls, array("u64", 0), x64)).toEqual({ byteSize: 0, byteAlign: 8 });
  });

  it("makes a C enum unsigned int unless an enumerator is negative; MSVC always int", () => {
    const decls = declSet({}, [enumDecl("Pos", [0, 2147483647]), enumDecl("Neg", [-1, 7])]);
    expect(enumSpec(decls, "Pos", x64)).toEqual({ byteSize: 4, byteAlign: 4, encoding: "unsigned" });
    expect(enumSpec(decls, "Neg", x64)).toEqual({ byteSize: 4, byteAlign: 4, encoding: "signed" });
    expect(enumSpec(decls, "Pos", win)).toEqual({ byteSize: 4, byteAlign: 4, encoding: "signed" });
    expect(sizeAlignOf(decls, named("Pos"), i386)).toEqual({ byteSize: 4, byteAlign: 4 });
  });
});
