/**
 * The ABI rows (abi/abis.ts) against their own LLVM data layout strings, the data layout
 * parser/printer (abi/datalayout.ts), and the unified format (abi/unified.ts). The rows
 * against clang's answers are checked in oracle-facts.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  ABI_IDS,
  ABIS,
  CLANG_TRIPLES,
  SCALAR_NAMES,
  abiSpec,
  layoutOf,
  parseDataLayout,
  printDataLayout,
  unifiedAbi,
} from "@typedc/core";
import { bits, declSet, f, struct } from "./layout-decls.js";

describe("ABIS rows", () => {
  it("has one frozen row per ABI id with its clang triple", () => {
    expect(Object.keys(ABIS)).toEqual([...ABI_IDS]);
    for (const id of ABI_IDS) {
      const spec = abiSpec(id);
      expect(spec.id).toBe(id);
      expect(spec.triple).toBe(CLANG_TRIPLES[id]);
      expect(Object.keys(spec.scalars).sort()).toEqual([...SCALAR_NAMES].sort());
      expect(Object.isFrozen(spec)).toBe(true);
    }
  });

  it("knows the per-target quirks: char signedness, wchar_t, long, bit-field and enum rules", () => {
    const charSigned = ABI_IDS.filter((id) => ABIS[id].scalars.c_char.encoding === "signed_char");
    expect(charSigned).toEqual(["x86_64-linux", "i386-linux", "wasm32", "wasm64", "x86_64-windows", "mips-linux"]);
    expect(ABIS["aarch64-linux"].scalars.c_wchar).toEqual({ byteSize: 4, byteAlign: 4, encoding: "unsigned" });
    expect(ABIS["armv7-linux"].scalars.c_wchar.encoding).toBe("unsigned");
    expect(ABIS["riscv64-linux"].scalars.c_wchar.encoding).toBe("signed");
    expect(ABIS["x86_64-windows"].scalars.c_long.byteSize).toBe(4);
    expect(ABIS["i386-linux"].scalars.f64).toEqual({ byteSize: 8, byteAlign: 4, encoding: "float" });
    expect(ABI_IDS.filter((id) => ABIS[id].bitfields === "ms")).toEqual(["x86_64-windows"]);
    expect(ABI_IDS.filter((id) => ABIS[id].zeroWidthBitfieldAlignsRecord)).toEqual(["aarch64-linux", "armv7-linux"]);
    expect(ABI_IDS.filter((id) => ABIS[id].endian === "big")).toEqual(["s390x-linux", "mips-linux"]);
  });
});

describe("LLVM data layout strings", () => {
  it("parses endianness, pointers, integer and float alignments with LLVM's defaults", () => {
    const dl = parseDataLayout("E-m:m-p:32:32-i8:8:32-i16:16:32-i64:64-n32-S64");
    expect(dl.endian).toBe("big");
    expect(dl.pointers.get(0)).toMatchObject({ bitSize: 32, abiBitAlign: 32, prefBitAlign: 32 });
    expect(dl.ints.get(8)).toEqual({ abiBitAlign: 8, prefBitAlign: 32 });
    expect(dl.ints.get(64)).toEqual({ abiBitAlign: 64, prefBitAlign: 64 });
    expect(dl.ints.get(32)).toEqual({ abiBitAlign: 32, prefBitAlign: 32 });
    expect(dl.floats.get(64)).toEqual({ abiBitAlign: 64, prefBitAlign: 64 });
    expect(dl.nativeIntBitWidths).toEqual([32]);
    expect(dl.stackBitAlign).toBe(64);
    // LLVM's default i64 is 32:64 and the default pointer 64-bit.
    const empty = parseDataLayout("e");
    expect(empty.ints.get(64)).toEqual({ abiBitAlign: 32, prefBitAlign: 64 });
    expect(empty.pointers.get(0)?.bitSize).toBe(64);
    expect(() => parseDataLayout("e-p:x:32")).toThrow(/invalid LLVM data layout/);
  });

  it("prints every row's string back unchanged", () => {
    for (const id of ABI_IDS) {
      const text = ABIS[id].dataLayout;
      expect(printDataLayout(parseDataLayout(text))).toBe(text);
    }
  });

  it("agrees with each row's scalar sizes and alignments where the string says something", () => {
    for (const id of ABI_IDS) {
      const abi = ABIS[id];
      const dl = parseDataLayout(abi.dataLayout);
      expect(dl.endian, id).toBe(abi.endian);
      const p = dl.pointers.get(0);
      expect(p && p.bitSize / 8, id).toBe(abi.pointer.byteSize);
      expect(p && p.abiBitAlign / 8, id).toBe(abi.pointer.byteAlign);
      for (const [name, bitSize] of [["i8", 8], ["i16", 16], ["i32", 32], ["i64", 64], ["c_longlong", 64]] as const) {
        expect(abi.scalars[name].byteSize * 8, `${id} ${name}`).toBe(bitSize);
        expect(abi.scalars[name].byteAlign * 8, `${id} ${name}`).toBe(dl.ints.get(bitSize)?.abiBitAlign);
      }
      for (const [name, bitSize] of [["f32", 32], ["f64", 64], ["c_double", 64]] as const) {
        expect(abi.scalars[name].byteAlign * 8, `${id} ${name}`).toBe(dl.floats.get(bitSize)?.abiBitAlign);
      }
    }
  });
});

describe("unifiedAbi", () => {
  const unified = unifiedAbi(ABI_IDS.map((id) => ABIS[id]));

  it("takes every scalar at its largest size and alignment among the ABIs", () => {
    expect(unified.scalars.c_long).toEqual({ byteSize: 8, byteAlign: 8, encoding: "signed" });
    expect(unified.scalars.c_wchar).toMatchObject({ byteSize: 4, byteAlign: 4 });
    expect(unified.scalars.f64).toMatchObject({ byteSize: 8, byteAlign: 8 });
    expect(unified.pointer).toEqual({ byteSize: 8, byteAlign: 8, encoding: "address" });
    for (const name of SCALAR_NAMES) {
      const sizes = ABI_IDS.map((id) => ABIS[id].scalars[name].byteSize);
      expect(unified.scalars[name].byteSize, name).toBe(Math.max(...sizes));
    }
  });

  it("is little endian with SysV bit-fields, and says what it merged", () => {
    expect(unified).toMatchObject({ endian: "little", bitfields: "sysv", enums: "gcc", triple: "unified", id: "x86_64-linux" });
    expect(unified.unifiedOf).toEqual([...ABI_IDS]);
    expect(parseDataLayout(unified.dataLayout).pointers.get(0)?.bitSize).toBe(64);
  });

  it("lays out records no smaller than any of its ABIs", () => {
    const decls = declSet({ S: struct([f("a", "c_char"), f("l", "c_long"), f("d", "f64"), f("b", bits("c_int", 3))]) });
    const pair = unifiedAbi([ABIS["i386-linux"], ABIS["armv7-linux"]]);
    expect(layoutOf(decls, "S", pair).byteSize).toBe(24);
    expect(layoutOf(decls, "S", ABIS["i386-linux"]).byteSize).toBe(20);
    expect(layoutOf(decls, "S", ABIS["armv7-linux"]).byteSize).toBe(24);
  });
});
