/**
 * Corners the random fixtures rarely reach: aligned bit-fields, aligned typedefs that raise
 * alignment, zero-width bit-fields in unions, enums beyond 32 bits. Expected numbers are clang
 * 19's (`-Xclang -fdump-record-layouts`, sizeof/_Alignof) for the C quoted in each test.
 */
import { describe, expect, it } from "vitest";
import { ABIS, layoutOf, enumSpec } from "@typedc/core";
import { alignedType, bits, declSet, enumDecl, f, named, shape, struct, union } from "./layout-decls.js";

const x64 = ABIS["x86_64-linux"];
const i386 = ABIS["i386-linux"];
const win = ABIS["x86_64-windows"];
const a64 = ABIS["aarch64-linux"];

describe("aligned bit-fields", () => {
  // struct SA { char a:3; int b:3 __attribute__((aligned(8))); }: b at byte 8 on every target.
  const decls = declSet({
    SA: struct([f("a", bits("c_char", 3)), f("b", bits("c_int", 3), { memberAlign: 8 })]),
    MA: struct([f("a", "c_char"), f("b", bits("c_int", 3), { memberAlign: 8 })]),
    UA: union([f("a", "c_char"), f("b", bits("c_int", 3), { memberAlign: 8 })]),
  });

  it("rounds an aligned bit-field up to its alignment even when it fits (SysV and MSVC)", () => {
    for (const abi of [x64, i386, win]) {
      expect(shape(layoutOf(decls, "SA", abi))).toEqual({ size: 16, align: 8, fields: [["a", 0, 0, 3], ["b", 8, 64, 3]] });
      expect(shape(layoutOf(decls, "MA", abi))).toEqual({ size: 16, align: 8, fields: [["a", 0], ["b", 8, 64, 3]] });
    }
  });

  it("ignores it in an MSVC union (union UA { char a; int b:3 __attribute__((aligned(8))); }: 4/1; SysV 8/8)", () => {
    expect(shape(layoutOf(decls, "UA", win))).toEqual({ size: 4, align: 1, fields: [["a", 0], ["b", 0, 0, 3]] });
    expect(shape(layoutOf(decls, "UA", x64))).toEqual({ size: 8, align: 8, fields: [["a", 0], ["b", 0, 0, 3]] });
  });
});

describe("aligned typedefs and zero-width bit-fields in unions", () => {
  it("raises alignment with an aligned typedef (typedef int __attribute__((aligned(16))) i16a; struct RA { char a; i16a b; })", () => {
    const decls = declSet({ RA: struct([f("a", "c_char"), f("b", alignedType("c_int", 16))]) });
    for (const abi of [x64, i386, win, a64]) {
      expect(shape(layoutOf(decls, "RA", abi))).toEqual({ size: 32, align: 16, fields: [["a", 0], ["b", 16]] });
    }
  });

  it("union UZ { char a:3; int :0; short b:2; }: 2/2 on x86, 4/4 on AArch64, 4/1 on MSVC", () => {
    const decls = declSet({ UZ: union([f("a", bits("c_char", 3)), f("_pad0", bits("c_int", 0)), f("b", bits("c_short", 2))]) });
    expect(shape(layoutOf(decls, "UZ", x64))).toEqual({ size: 2, align: 2, fields: [["a", 0, 0, 3], ["b", 0, 0, 2]] });
    expect(shape(layoutOf(decls, "UZ", a64))).toEqual({ size: 4, align: 4, fields: [["a", 0, 0, 3], ["b", 0, 0, 2]] });
    expect(shape(layoutOf(decls, "UZ", win))).toEqual({ size: 4, align: 1, fields: [["a", 0, 0, 3], ["b", 0, 0, 2]] });
  });
});

describe("enums beyond 32 bits", () => {
  it("widens a GCC enum to long / long long; MSVC keeps int (enum Big { BA = 0x100000000 })", () => {
    const decls = declSet({ EB: struct([f("a", "c_char"), f("b", named("Big"))]) }, [
      enumDecl("Big", [2 ** 32]),
      enumDecl("NegBig", [-(2 ** 32)]),
    ]);
    expect(shape(layoutOf(decls, "EB", x64))).toEqual({ size: 16, align: 8, fields: [["a", 0], ["b", 8]] });
    expect(shape(layoutOf(decls, "EB", i386))).toEqual({ size: 12, align: 4, fields: [["a", 0], ["b", 4]] });
    expect(shape(layoutOf(decls, "EB", win))).toEqual({ size: 8, align: 4, fields: [["a", 0], ["b", 4]] });
    expect(enumSpec(decls, "NegBig", i386)).toEqual({ byteSize: 8, byteAlign: 4, encoding: "signed" });
    expect(enumSpec(decls, "Big", x64).encoding).toBe("unsigned");
  });
});
