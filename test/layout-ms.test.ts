/**
 * MSVC (x86_64-windows) records and bit-fields: clang's MicrosoftRecordLayoutBuilder rules.
 * Expected numbers are clang 19's for `--target=x86_64-pc-windows-msvc`
 * (`-Xclang -fdump-record-layouts`) on the C quoted in each test.
 */
import { describe, expect, it } from "vitest";
import { ABIS, layoutOf } from "@typedc/core";
import { alignedType, array, bits, declSet, f, named, shape, struct, union } from "./layout-decls.js";

const win = ABIS["x86_64-windows"];
const x64 = ABIS["x86_64-linux"];

describe("MSVC bit-field storage units", () => {
  it("opens a new unit when the declared type size changes (MS1 { char a:3; int b:3; char c:2; })", () => {
    const decls = declSet({ MS1: struct([f("a", bits("c_char", 3)), f("b", bits("c_int", 3)), f("c", bits("c_char", 2))]) });
    expect(shape(layoutOf(decls, "MS1", win))).toEqual({
      size: 12,
      align: 4,
      fields: [["a", 0, 0, 3], ["b", 4, 32, 3], ["c", 8, 64, 2]],
    });
    expect(shape(layoutOf(decls, "MS1", x64))).toEqual({
      size: 4,
      align: 4,
      fields: [["a", 0, 0, 3], ["b", 0, 3, 3], ["c", 0, 6, 2]],
    });
  });

  it("shares a unit between types of the same size, whatever their signedness (MS3 { unsigned a:3; int b:3; })", () => {
    const decls = declSet({ MS3: struct([f("a", bits("c_uint", 3)), f("b", bits("c_int", 3))]) });
    expect(shape(layoutOf(decls, "MS3", win))).toEqual({ size: 4, align: 4, fields: [["a", 0, 0, 3], ["b", 0, 3, 3]] });
  });

  it("BF1 { u8 a:3; u16 b:9; i32 c:20; } takes three units (size 8)", () => {
    const decls = declSet({ BF1: struct([f("a", bits("u8", 3)), f("b", bits("u16", 9)), f("c", bits("i32", 20))]) });
    expect(shape(layoutOf(decls, "BF1", win))).toEqual({
      size: 8,
      align: 4,
      fields: [["a", 0, 0, 3], ["b", 2, 16, 9], ["c", 4, 32, 20]],
    });
  });

  it("starts a bit-field after an ordinary member in a fresh unit (MSA { u8 a; int b:3; })", () => {
    const decls = declSet({ MSA: struct([f("a", "u8"), f("b", bits("c_int", 3))]) });
    expect(shape(layoutOf(decls, "MSA", win))).toEqual({ size: 8, align: 4, fields: [["a", 0], ["b", 4, 32, 3]] });
  });

  it("ignores a zero-width bit-field that does not follow a bit-field (MSB { u8 a; int :0; u8 b; })", () => {
    const decls = declSet({ MSB: struct([f("a", "u8"), f("_pad0", bits("c_int", 0)), f("b", "u8")]) });
    expect(shape(layoutOf(decls, "MSB", win))).toEqual({ size: 2, align: 1, fields: [["a", 0], ["b", 1]] });
  });

  it("closes the unit with a zero-width bit-field after a bit-field (MS2 { int a:3; int :0; int :0; char b; })", () => {
    const decls = declSet({
      MS2: struct([f("a", bits("c_int", 3)), f("_pad0", bits("c_int", 0)), f("_pad1", bits("c_int", 0)), f("b", "c_char")]),
    });
    expect(shape(layoutOf(decls, "MS2", win))).toEqual({ size: 8, align: 4, fields: [["a", 0, 0, 3], ["b", 4]] });
  });

  it("ignores bit-field alignment in unions (union U { int a:3; char b; }: size 4, align 1)", () => {
    const decls = declSet({ U: union([f("a", bits("c_int", 3)), f("b", "c_char")]) });
    expect(shape(layoutOf(decls, "U", win))).toEqual({ size: 4, align: 1, fields: [["a", 0, 0, 3], ["b", 0]] });
    expect(shape(layoutOf(decls, "U", x64))).toEqual({ size: 4, align: 4, fields: [["a", 0, 0, 3], ["b", 0]] });
  });

  it("gives an empty C struct size 4 (struct E { int :0; })", () => {
    const decls = declSet({ E: struct([f("_pad0", bits("c_int", 0))]) });
    expect(shape(layoutOf(decls, "E", win))).toEqual({ size: 4, align: 1, fields: [] });
  });
});

describe("MSVC packed and aligned", () => {
  it("keeps an over-aligned record member's alignment inside a packed record (P { char a; struct R8 r; } packed)", () => {
    const decls = declSet({
      R8: struct([f("x", "c_char")], { byteAlign: 8 }),
      P: struct([f("a", "c_char"), f("r", named("R8"))], { packed: true }),
      PA: struct([f("a", "c_char"), f("r", array(named("R8"), 2))], { packed: true }),
    });
    expect(shape(layoutOf(decls, "P", win))).toEqual({ size: 16, align: 8, fields: [["a", 0], ["r", 8]] });
    expect(shape(layoutOf(decls, "PA", win))).toEqual({ size: 24, align: 8, fields: [["a", 0], ["r", 8]] });
  });

  it("does not let a top-level aligned typedef lower alignment, but honours it in arrays and packed records", () => {
    // typedef long long __attribute__((aligned(2))) ll2;
    // struct L { char a; ll2 b; } → 16/8; packed LP → 10/2; struct AR { char a; ll2 b[2]; } → 18/2.
    const ll2 = alignedType("c_longlong", 2);
    const decls = declSet({
      L: struct([f("a", "c_char"), f("b", ll2)]),
      LP: struct([f("a", "c_char"), f("b", ll2)], { packed: true }),
      AR: struct([f("a", "c_char"), f("b", array(ll2, 2))]),
    });
    expect(shape(layoutOf(decls, "L", win))).toEqual({ size: 16, align: 8, fields: [["a", 0], ["b", 8]] });
    expect(shape(layoutOf(decls, "LP", win))).toEqual({ size: 10, align: 2, fields: [["a", 0], ["b", 2]] });
    expect(shape(layoutOf(decls, "AR", win))).toEqual({ size: 18, align: 2, fields: [["a", 0], ["b", 2]] });
  });

  it("pads a packed record with an aligned bit-field to that alignment (struct __attribute__((packed)) { char a; short f0:7 __attribute__((aligned(4))); })", () => {
    const decls = declSet({
      R24: struct([f("a", "c_char"), f("f0", bits("i16", 7), { memberAlign: 4 })], { packed: true }),
      R21: struct([f("f0", bits("i16", 7), { memberAlign: 32 }), f("f1", bits("u32", 8))], { packed: true }),
    });
    expect(shape(layoutOf(decls, "R24", win))).toEqual({ size: 8, align: 4, fields: [["a", 0], ["f0", 4, 32, 7]] });
    expect(shape(layoutOf(decls, "R21", win))).toEqual({ size: 32, align: 32, fields: [["f0", 0, 0, 7], ["f1", 2, 16, 8]] });
  });

  it("uses LLP64 sizes: long is 4 bytes, wchar_t 2 bytes unsigned", () => {
    const decls = declSet({ W: struct([f("l", "c_long"), f("w", "c_wchar"), f("p", { kind: "pointer", target: null })]) });
    expect(shape(layoutOf(decls, "W", win))).toEqual({ size: 16, align: 8, fields: [["l", 0], ["w", 4], ["p", 8]] });
    expect(win.scalars.c_wchar).toEqual({ byteSize: 2, byteAlign: 2, encoding: "unsigned" });
  });
});
