/**
 * The oracle pipeline itself. The DWARF reader on a fixed llvm-dwarfdump text (runs
 * everywhere); and, where clang-19 is installed (not in CI), a fresh clang run on two
 * fixtures must reproduce their committed expected.json and input.c.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DeclSet } from "../packages/core/src/ir/ctype.js";
import { printC } from "../packages/core/src/ir/print.js";
import { CLANG, DWARFDUMP } from "../scripts/oracle/clang.js";
import { dieName, enumeratorValues, parseDwarfDump, typeByteSize } from "../scripts/oracle/dwarf.js";
import { expectedFromDwarf } from "../scripts/oracle/expected-from-dwarf.js";
import { LAYOUT_FIXTURES } from "../scripts/oracle/fixture-files.js";
import { loadFixtureDecls } from "../scripts/oracle/load-fixture.js";
import { oracleLayouts } from "../scripts/oracle/oracle-layouts.js";

// A trimmed `llvm-dwarfdump-19 --debug-info` of
// `struct S { char c; int b : 3; struct S *next; short v[2][3]; int tail[]; };` for s390x-linux-gnu.
const DUMP = `
x.o:	file format elf64-s390

.debug_info contents:
0x00000000: Compile Unit: length = 0x00000099, format = DWARF32, version = 0x0005, unit_type = DW_UT_compile, abbr_offset = 0x0000, addr_size = 0x08 (next unit at 0x0000009d)

0x0000000c: DW_TAG_compile_unit
              DW_AT_name	("x.c")

0x0000001a:   DW_TAG_enumeration_type
                DW_AT_byte_size	(0x04)

0x00000022:     DW_TAG_enumerator
                  DW_AT_name	("__typedc_align__S")
                  DW_AT_const_value	(8)

0x00000025:     DW_TAG_enumerator
                  DW_AT_name	("__typedc_size__S")
                  DW_AT_const_value	(32)

0x00000028:     NULL

0x00000030:   DW_TAG_structure_type
                DW_AT_name	("S")
                DW_AT_byte_size	(0x20)

0x00000035:     DW_TAG_member
                  DW_AT_name	("c")
                  DW_AT_type	(0x00000070 "char")
                  DW_AT_data_member_location	(0x00)

0x0000003e:     DW_TAG_member
                  DW_AT_name	("b")
                  DW_AT_type	(0x00000074 "int")
                  DW_AT_bit_size	(0x03)
                  DW_AT_data_bit_offset	(0x08)

0x00000048:     DW_TAG_member
                  DW_AT_name	("next")
                  DW_AT_type	(0x00000078 "S *")
                  DW_AT_data_member_location	(0x08)

0x00000051:     DW_TAG_member
                  DW_AT_name	("v")
                  DW_AT_type	(0x0000007d "short[2][3]")
                  DW_AT_data_member_location	(0x10)

0x0000005a:     DW_TAG_member
                  DW_AT_name	("tail")
                  DW_AT_type	(0x00000090 "int[]")
                  DW_AT_data_member_location	(0x1c)

0x00000063:     NULL

0x00000070:   DW_TAG_base_type
                DW_AT_name	("char")
                DW_AT_byte_size	(0x01)

0x00000074:   DW_TAG_base_type
                DW_AT_name	("int")
                DW_AT_byte_size	(0x04)

0x00000078:   DW_TAG_pointer_type
                DW_AT_type	(0x00000030 "S")

0x0000007d:   DW_TAG_array_type
                DW_AT_type	(0x00000098 "short")

0x00000082:     DW_TAG_subrange_type
                  DW_AT_count	(0x02)

0x00000086:     DW_TAG_subrange_type
                  DW_AT_count	(0x03)

0x0000008a:     NULL

0x00000090:   DW_TAG_array_type
                DW_AT_type	(0x00000074 "int")

0x00000094:     DW_TAG_subrange_type

0x00000096:     NULL

0x00000098:   DW_TAG_base_type
                DW_AT_name	("short")
                DW_AT_byte_size	(0x02)

0x0000009c:   NULL
`;

const S_DECLS: DeclSet = {
  types: {
    S: {
      kind: "record", name: "S",
      record: {
        kind: "struct", packed: false,
        fields: [
          { name: "c", type: { kind: "scalar", name: "c_char" } },
          { name: "b", type: { kind: "bits", base: { kind: "scalar", name: "c_int" }, bitWidth: 3 } },
          { name: "next", type: { kind: "pointer", target: { kind: "named", name: "S" } } },
          { name: "v", type: { kind: "array", element: { kind: "array", element: { kind: "scalar", name: "c_short" }, count: 3 }, count: 2 } },
          { name: "tail", type: { kind: "array", element: { kind: "scalar", name: "c_int" }, count: 0 } },
        ],
      },
    },
  },
};

describe("DWARF reader", () => {
  const unit = parseDwarfDump(DUMP);

  it("builds the DIE tree with pointer size from the unit header", () => {
    expect(unit.addrByteSize).toBe(8);
    expect(unit.root.children.map((d) => d.tag)).toContain("DW_TAG_structure_type");
    const s = unit.root.children.find((d) => dieName(d) === "S")!;
    expect(s.children.map((d) => dieName(d))).toEqual(["c", "b", "next", "v", "tail"]);
    expect(typeByteSize(unit, unit.byOffset.get(0x78)!)).toBe(8); // pointer: addr_size
    expect(typeByteSize(unit, unit.byOffset.get(0x7d)!)).toBe(12); // short[2][3]
    expect(typeByteSize(unit, unit.byOffset.get(0x90)!)).toBe(0); // flexible
  });

  it("turns it into SPEC §7 JSON", () => {
    expect(expectedFromDwarf(unit, S_DECLS, ["S"], enumeratorValues(unit))).toEqual({
      S: {
        kind: "struct", size: 32, align: 8,
        fields: [
          { name: "c", offset: 0, size: 1 },
          { name: "b", offset: 1, size: 4, bitOffset: 8, bitSize: 3 },
          { name: "next", offset: 8, size: 8 },
          { name: "v", offset: 16, size: 12 },
          { name: "tail", offset: 28, size: 0 },
        ],
      },
    });
  });

  it("refuses a DWARF record whose members do not match the IR", () => {
    const renamed: DeclSet = JSON.parse(JSON.stringify(S_DECLS).replace('"name":"next"', '"name":"link"'));
    expect(() => expectedFromDwarf(unit, renamed, ["S"], enumeratorValues(unit))).toThrow(/member 2 is 'next', IR says 'link'/);
  });
});

// clangMissing tells why a fresh clang run is impossible here (CI has no clang).
function clangMissing(): string | undefined {
  try {
    execFileSync(CLANG, ["--version"], { stdio: "ignore" });
    execFileSync(DWARFDUMP, ["--version"], { stdio: "ignore" });
    return undefined;
  } catch {
    return `${CLANG} or ${DWARFDUMP} is not installed`;
  }
}

const missing = clangMissing();

describe("fresh clang run", () => {
  for (const fixture of ["quirks/ms-bitfield-units"]) {
    it.skipIf(missing !== undefined)(`reproduces ${fixture}/expected.json${missing ? ` (skipped: ${missing})` : ""}`, async () => {
      const dir = join(LAYOUT_FIXTURES, fixture);
      const decls = await loadFixtureDecls(dir);
      const committedC = readFileSync(join(dir, "input.c"), "utf8");
      expect(committedC.slice(committedC.indexOf("\n") + 1)).toBe(printC(decls));
      expect(oracleLayouts(decls, dir)).toEqual(JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")));
    });
  }
});
