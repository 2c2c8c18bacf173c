/**
 * SysV/psABI bit-fields (GCC/clang), AAPCS/AArch64 unnamed and zero-width bit-fields, and
 * big-endian bit offsets. Expected numbers are clang 19's (`-Xclang -fdump-record-layouts`,
 * and `llvm-dwarfdump-19` DW_AT_data_bit_offset for the big-endian case) for the C quoted.
 */
import { describe, expect, it } from "vitest";
import { ABIS, layoutOf } from "@typedc/core";
import { bits, declSet, enumDecl, f, named, shape, struct, union } from "./layout-decls.js";

const x64 = ABIS["x86_64-linux"];
const i386 = ABIS["i386-linux"];
const arm = ABIS["armv7-linux"];
const a64 = ABIS["aarch64-linux"];
const s390x = ABIS["s390x-linux"];
const mips = ABIS["mips-linux"];
const ALL_SYSV = Object.values(ABIS).filter((abi) => abi.bitfields === "sysv");

describe("SysV bit-fields", () => {
  it("packs bit-fields that fit the storage unit of their type (BF1 { u8 a:3; u16 b:9; i32 c:20; })", () => {
    const decls = declSet({ BF1: struct([f("a", bits("u8", 3)), f("b", bits("u16", 9)), f("c", bits("i32", 20))]) });
    for (const abi of ALL_SYSV) {
      expect(shape(layoutOf(decls, "BF1", abi))).toEqual({
        size: 4,
        align: 4,
        fields: [["a", 0, 0, 3], ["b", 0, 3, 9], ["c", 1, 12, 20]],
      });
    }
    expect(layoutOf(decls, "BF1", x64).fields.map((fl) => fl.byteSize)).toEqual([1, 2, 4]);
  });

  it("moves a bit-field that would straddle its unit to the next boundary (BF2 { u32 a:30; u32 b:4; })", () => {
    const decls = declSet({ BF2: struct([f("a", bits("u32", 30)), f("b", bits("u32", 4))]) });
    expect(shape(layoutOf(decls, "BF2", x64))).toEqual({ size: 8, align: 4, fields: [["a", 0, 0, 30], ["b", 4, 32, 4]] });
  });

  it("uses the 4-byte alignment of long long as the unit boundary on i386 (BF3 { u8 x; u32 a:24; long long b:40; })", () => {
    const decls = declSet({ BF3: struct([f("x", "u8"), f("a", bits("u32", 24)), f("b", bits("c_longlong", 40))]) });
    expect(shape(layoutOf(decls, "BF3", x64))).toEqual({ size: 16, align: 8, fields: [["x", 0], ["a", 1, 8, 24], ["b", 8, 64, 40]] });
    expect(shape(layoutOf(decls, "BF3", i386))).toEqual({ size: 12, align: 4, fields: [["x", 0], ["a", 1, 8, 24], ["b", 4, 32, 40]] });
  });

  it("places packed bit-fields at the next bit (struct __attribute__((packed)) PB { char a; int b:31; })", () => {
    const decls = declSet({ PB: struct([f("a", "c_char"), f("b", bits("c_int", 31))], { packed: true }) });
    for (const abi of Object.values(ABIS)) {
      expect(shape(layoutOf(decls, "PB", abi))).toEqual({ size: 5, align: 1, fields: [["a", 0], ["b", 1, 8, 31]] });
    }
  });

  it("member-packed bit-field follows the previous one at the next bit", () => {
    // struct { char a : 7; int b : 30 __attribute__((packed)); }: b at bit 7, size 5 (clang 19, x86_64).
    const decls = declSet({ MP: struct([f("a", bits("c_char", 7)), f("b", bits("c_int", 30), { memberPacked: true })]) });
    expect(shape(layoutOf(decls, "MP", x64))).toEqual({ size: 5, align: 1, fields: [["a", 0, 0, 7], ["b", 0, 7, 30]] });
  });

  it("puts union bit-fields at 0 and counts their type's alignment (union BU { int a:3; u8 b; })", () => {
    const decls = declSet({ BU: union([f("a", bits("c_int", 3)), f("b", "u8")]) });
    expect(shape(layoutOf(decls, "BU", x64))).toEqual({ size: 4, align: 4, fields: [["a", 0, 0, 3], ["b", 0]] });
  });

  it("lays out bits<enum, W> with the enum's type (4 bytes)", () => {
    const decls = declSet({ BE: struct([f("a", "u8"), f("e", bits(named("Color"), 3))]) }, [enumDecl("Color", [0, 1, 2])]);
    const l = layoutOf(decls, "BE", x64);
    expect(shape(l)).toEqual({ size: 4, align: 4, fields: [["a", 0], ["e", 1, 8, 3]] });
    expect(l.fields[1]?.byteSize).toBe(4);
  });
});

describe("zero-width and unnamed bit-fields: x86 vs AAPCS/AArch64", () => {
  // struct B { char a; int :0; char b; }
  const zero = declSet({
    B: struct([f("a", "c_char"), f("_pad0", bits("c_int", 0)), f("b", "c_char")]),
    C: struct([f("a", "c_char"), f("_pad0", bits("c_int", 0)), f("b", "c_char")], { packed: true }),
    A: struct([f("a", "c_char"), f("_pad0", bits("c_int", 3))]),
    E: struct([f("_pad0", bits("c_int", 0))]),
  });

  it("pads to the type boundary but leaves the record 1-aligned on x86 (B: size 5, align 1)", () => {
    expect(shape(layoutOf(zero, "B", x64))).toEqual({ size: 5, align: 1, fields: [["a", 0], ["b", 4]] });
    expect(shape(layoutOf(zero, "B", i386))).toEqual({ size: 5, align: 1, fields: [["a", 0], ["b", 4]] });
  });

  it("raises the record alignment on AAPCS and AArch64 (B: size 8, align 4)", () => {
    for (const abi of [arm, a64]) {
      expect(shape(layoutOf(zero, "B", abi))).toEqual({ size: 8, align: 4, fields: [["a", 0], ["b", 4]] });
    }
  });

  it("keeps the effect of :0 in a packed record on AAPCS (C packed: size 8 align 4; x86: 5/1)", () => {
    expect(shape(layoutOf(zero, "C", arm))).toEqual({ size: 8, align: 4, fields: [["a", 0], ["b", 4]] });
    expect(shape(layoutOf(zero, "C", x64))).toEqual({ size: 5, align: 1, fields: [["a", 0], ["b", 4]] });
  });

  it("counts an unnamed non-zero bit-field's alignment only on AAPCS/AArch64 (A { char a; int :3; })", () => {
    expect(shape(layoutOf(zero, "A", x64))).toEqual({ size: 2, align: 1, fields: [["a", 0]] });
    expect(shape(layoutOf(zero, "A", a64))).toEqual({ size: 4, align: 4, fields: [["a", 0]] });
  });

  it("gives struct E { int :0; } size 0, align 1 on x86 and align 4 on AArch64", () => {
    expect(shape(layoutOf(zero, "E", x64))).toEqual({ size: 0, align: 1, fields: [] });
    expect(shape(layoutOf(zero, "E", a64))).toEqual({ size: 0, align: 4, fields: [] });
  });
});

describe("big-endian bit offsets", () => {
  it("reports DW_AT_data_bit_offset in allocation order, the same numbers as little endian (s390x, mips)", () => {
    // llvm-dwarfdump-19 on struct { unsigned char a:3; unsigned short b:9; int c:20; } for
    // s390x-linux-gnu and mips-linux-gnu: data_bit_offset 0, 3, 12 (as on x86_64).
    const decls = declSet({ B: struct([f("a", bits("u8", 3)), f("b", bits("u16", 9)), f("c", bits("i32", 20))]) });
    for (const abi of [s390x, mips]) {
      expect(abi.endian).toBe("big");
      expect(layoutOf(decls, "B", abi).fields.map((fl) => [fl.bitOffset, fl.byteOffset])).toEqual([[0, 0], [3, 0], [12, 1]]);
    }
  });
});
