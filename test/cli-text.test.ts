import { describe, expect, it } from "vitest";
import type { CType, FieldLayout, RecordLayout } from "@typedc/core";
import { paletteFor } from "../packages/cli/src/color.js";
import { summarizeRecord } from "../packages/cli/src/text/holes.js";
import { paholeText } from "../packages/cli/src/text/pahole.js";
import { sideBySideText } from "../packages/cli/src/text/side-by-side.js";
import { formatsTableText, type FormatRow } from "../packages/cli/src/text/formats-table.js";
import { overheadReport } from "../packages/cli/src/overhead.js";
import { overheadTableText } from "../packages/cli/src/text/overhead-table.js";

// Hand-made layouts (what layoutOf returns), so the printers are tested on their own.
const plain = paletteFor(false);
const scalar = (name: "i32" | "u8" | "u16" | "u32" | "f64" | "c_long" | "c_char"): CType => ({ kind: "scalar", name });
const field = (name: string, type: CType, byteOffset: number, byteSize: number, extra: Partial<FieldLayout> = {}): FieldLayout => ({ name, type, byteOffset, byteSize, ...extra });
const bits = (name: string, base: "u32" | "u8", bitWidth: number, byteSize: number, bitOffset: number): FieldLayout =>
  field(name, { kind: "bits", base: scalar(base), bitWidth }, Math.floor(bitOffset / 8), byteSize, { bitOffset, bitSize: bitWidth });

// struct Task { i32 pid; c_long state; array<c_char, 16> comm; ptr<Task> parent; u8 flag; } on x86_64-linux (LP64).
const taskLp64: RecordLayout = {
  kind: "struct",
  byteSize: 48,
  byteAlign: 8,
  fields: [
    field("pid", scalar("i32"), 0, 4),
    field("state", scalar("c_long"), 8, 8),
    field("comm", { kind: "array", element: scalar("c_char"), count: 16 }, 16, 16),
    field("parent", { kind: "pointer", target: { kind: "named", name: "Task" } }, 32, 8),
    field("flag", scalar("u8"), 40, 1),
  ],
};
// The same struct on i386-linux (ILP32).
const taskIlp32: RecordLayout = {
  kind: "struct",
  byteSize: 32,
  byteAlign: 4,
  fields: [
    field("pid", scalar("i32"), 0, 4),
    field("state", scalar("c_long"), 4, 4),
    field("comm", { kind: "array", element: scalar("c_char"), count: 16 }, 8, 16),
    field("parent", { kind: "pointer", target: { kind: "named", name: "Task" } }, 24, 4),
    field("flag", scalar("u8"), 28, 1),
  ],
};

describe("summarizeRecord", () => {
  it("finds holes before members and trailing padding", () => {
    const s = summarizeRecord(taskLp64);
    expect(s.holesBefore.map((g) => g.byteCount)).toEqual([0, 4, 0, 0, 0]);
    expect(s).toMatchObject({ holeCount: 1, holeBytes: 4, memberBytes: 37, memberCount: 5, cachelines: 1, lastCachelineBytes: 48 });
    expect(s.padding).toEqual({ byteCount: 7, bitCount: 0 });
  });

  it("counts bit holes between bit-fields in bits and whole-byte holes in bytes", () => {
    // struct { u32 a:3; u32 b:2; u8 c; f64 d; } : a at bits 0..3, b at 3..5, c at byte 1, d at byte 8
    const layout: RecordLayout = {
      kind: "struct",
      byteSize: 16,
      byteAlign: 8,
      fields: [bits("a", "u32", 3, 4, 0), bits("b", "u32", 2, 4, 3), field("c", scalar("u8"), 1, 1), field("d", scalar("f64"), 8, 8)],
    };
    const s = summarizeRecord(layout);
    expect(s.holesBefore).toEqual([
      { byteCount: 0, bitCount: 0 },
      { byteCount: 0, bitCount: 0 },
      { byteCount: 0, bitCount: 3 },
      { byteCount: 6, bitCount: 0 },
    ]);
    expect(s).toMatchObject({ bitfieldBits: 5, bitHoleCount: 1, bitHoleBits: 3, holeCount: 1, holeBytes: 6, memberBytes: 9 });
    expect(s.padding).toEqual({ byteCount: 0, bitCount: 0 });
  });

  it("gives a union no holes, only padding after its largest member", () => {
    const layout: RecordLayout = { kind: "union", byteSize: 8, byteAlign: 4, fields: [field("a", scalar("u8"), 0, 1), field("b", scalar("u16"), 0, 2), field("c", { kind: "array", element: scalar("u8"), count: 5 }, 0, 5)] };
    const s = summarizeRecord(layout);
    expect(s.holeCount).toBe(0);
    expect(s.padding).toEqual({ byteCount: 3, bitCount: 0 });
  });
});

describe("paholeText", () => {
  it("prints members, holes, padding and totals like pahole", () => {
    expect(paholeText("Task", taskLp64, plain)).toBe(
      [
        "struct Task {",
        "    i32               pid;     /*     0     4 */",
        "",
        "    /* XXX 4 bytes hole, try to pack */",
        "",
        "    c_long            state;   /*     8     8 */",
        "    array<c_char, 16> comm;    /*    16    16 */",
        "    ptr<Task>         parent;  /*    32     8 */",
        "    u8                flag;    /*    40     1 */",
        "",
        "    /* size: 48, cachelines: 1, members: 5 */",
        "    /* sum members: 37, holes: 1, sum holes: 4 */",
        "    /* padding: 7 */",
        "    /* last cacheline: 48 bytes */",
        "};",
      ].join("\n"),
    );
  });

  it("prints bit-fields as offset:bit, bit holes, inline records and cache-line boundaries", () => {
    const inner: RecordLayout = { kind: "struct", byteSize: 4, byteAlign: 2, fields: [field("x", scalar("u8"), 0, 1), field("y", scalar("u16"), 2, 2)] };
    const layout: RecordLayout = {
      kind: "struct",
      byteSize: 80,
      byteAlign: 4,
      fields: [
        bits("a", "u32", 3, 4, 0),
        field("c", scalar("u8"), 1, 1),
        field("pos", { kind: "record", record: { kind: "struct", packed: false, fields: [] } }, 2, 4, { inline: inner }),
        field("buf", { kind: "array", element: scalar("u8"), count: 66 }, 6, 66),
        field("tail", scalar("u32"), 72, 4),
      ],
    };
    expect(paholeText("S", layout, plain)).toBe(
      [
        "struct S {",
        "    bits<u32, 3>  a;     /*     0: 0  4 */",
        "",
        "    /* XXX 5 bits hole, try to pack */",
        "",
        "    u8            c;     /*     1     1 */",
        "    struct {",
        "        u8        x;     /*     0     1 */",
        "",
        "        /* XXX 1 byte hole, try to pack */",
        "",
        "        u16       y;     /*     2     2 */",
        "    } pos;               /*     2     4 */",
        "    array<u8, 66> buf;   /*     6    66 */",
        "    /* --- cacheline 1 boundary (64 bytes) was 8 bytes ago --- */",
        "    u32           tail;  /*    72     4 */",
        "",
        "    /* size: 80, cachelines: 2, members: 5 */",
        "    /* sum members: 75, holes: 0, sum holes: 0 */",
        "    /* sum bitfield members: 3 bits, bit holes: 1, sum bit holes: 5 bits */",
        "    /* padding: 4 */",
        "    /* last cacheline: 16 bytes */",
        "};",
      ].join("\n"),
    );
  });

  it("colours hole markers only when asked", () => {
    expect(paholeText("Task", taskLp64, paletteFor(true))).toContain("\u001b[33m/* XXX 4 bytes hole, try to pack */");
    expect(paholeText("Task", taskLp64, plain)).not.toContain("\u001b[");
  });
});

describe("sideBySideText", () => {
  it("puts formats in columns and marks rows that differ", () => {
    const text = sideBySideText("Task", [{ format: "x86_64-linux", layout: taskLp64 }, { format: "i386-linux", layout: taskIlp32 }], plain);
    expect(text).toBe(
      [
        "  struct Task {                   x86_64-linux     i386-linux",
        "      i32               pid;         0       4      0       4",
        "*     /* XXX hole */                         4",
        "*     c_long            state;       8       8      4       4",
        "*     array<c_char, 16> comm;       16      16      8      16",
        "*     ptr<Task>         parent;     32       8     24       4",
        "*     u8                flag;       40       1     28       1",
        "",
        "*     /* size */                            48             32",
        "*     /* align */                            8              4",
        "      /* cachelines */                       1              1",
        "*     /* holes (sum) */                  1 (4)          0 (0)",
        "*     /* padding */                          7              3",
        "};",
      ].join("\n"),
    );
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^ {2}struct Task \{ +x86_64-linux +i386-linux$/);
    expect(lines.find((l) => l.includes(" pid;"))).toMatch(/^ {6}i32 +pid; +0 +4 +0 +4$/);
    expect(lines.find((l) => l.includes("state;"))).toMatch(/^\* {5}c_long +state; +8 +8 +4 +4$/);
    expect(lines.find((l) => l.includes("XXX hole"))).toMatch(/^\* .*XXX hole \*\/ +4$/);
    expect(lines.find((l) => l.includes("/* size */"))).toMatch(/^\* .*\/\* size \*\/ +48 +32$/);
    expect(lines.find((l) => l.includes("/* padding */"))).toMatch(/^\* .*\/\* padding \*\/ +7 +3$/);
    expect(lines.at(-1)).toBe("};");
  });

  it("does not mark rows that are equal in every format", () => {
    const text = sideBySideText("Task", [{ format: "x86_64-linux", layout: taskLp64 }, { format: "aarch64-linux", layout: taskLp64 }], plain);
    expect(text.split("\n").filter((l) => l.startsWith("*"))).toEqual([]);
  });

  it("refuses layouts whose members differ (a broken invariant)", () => {
    const other: RecordLayout = { ...taskIlp32, fields: taskIlp32.fields.slice(1) };
    expect(() => sideBySideText("Task", [{ format: "a", layout: taskLp64 }, { format: "b", layout: other }], plain)).toThrow(/assert/);
  });
});

describe("formatsTableText", () => {
  it("prints one aligned row per format", () => {
    const row: FormatRow = {
      id: "i386-linux", triple: "i386-linux-gnu", endian: "little", pointerByteSize: 4, longByteSize: 4, wcharByteSize: 4,
      charSigned: true, i64ByteAlign: 4, bitfields: "sysv", enums: "gcc", dataLayout: "e-m:e-p:32:32-i64:32",
    };
    const lines = formatsTableText([row, { ...row, id: "s390x-linux", triple: "s390x-linux-gnu", endian: "big", charSigned: false }], plain).split("\n");
    expect(lines[0]).toMatch(/^format +clang triple +endian +ptr +long +wchar +char +i64 align +bit-fields +data layout$/);
    expect(lines[1]).toMatch(/^i386-linux +i386-linux-gnu +little +4 +4 +4 +signed +4 +sysv +e-m:e-p:32:32-i64:32$/);
    expect(lines[2]).toMatch(/^s390x-linux +s390x-linux-gnu +big +4 +4 +4 +unsigned +4 +sysv/);
    expect(lines[1]!.indexOf("i386-linux-gnu")).toBe(lines[2]!.indexOf("s390x-linux-gnu"));
  });
});

describe("overheadReport", () => {
  const report = overheadReport(["x86_64-linux", "i386-linux"], [
    { name: "Task", nativeByteSizes: { "x86_64-linux": 48, "i386-linux": 32 }, unifiedByteSize: 48 },
    { name: "Empty", nativeByteSizes: { "x86_64-linux": 0, "i386-linux": 0 }, unifiedByteSize: 0 },
    { name: "Mixed", nativeByteSizes: { "x86_64-linux": 12, "i386-linux": 16 }, unifiedByteSize: 16 },
  ]);

  it("prices the unified size against each native size, per type and in total", () => {
    expect(report.types[0]!.native["i386-linux"]).toEqual({ byteSize: 32, overheadBytes: 16, overheadPercent: 50 });
    expect(report.types[0]!.native["x86_64-linux"]).toEqual({ byteSize: 48, overheadBytes: 0, overheadPercent: 0 });
    expect(report.types[1]!.native["x86_64-linux"]!.overheadPercent).toBeNull();
    expect(report.types[2]!.native["x86_64-linux"]).toEqual({ byteSize: 12, overheadBytes: 4, overheadPercent: 33.33 });
    expect(report.total).toEqual({
      name: "total",
      unifiedByteSize: 64,
      native: {
        "x86_64-linux": { byteSize: 60, overheadBytes: 4, overheadPercent: 6.67 },
        "i386-linux": { byteSize: 48, overheadBytes: 16, overheadPercent: 33.33 },
      },
    });
  });

  it("prints the paper's Table 1 layout", () => {
    const lines = overheadTableText(report, plain).split("\n");
    expect(lines[0]).toMatch(/^type +x86_64-linux +i386-linux +unified +over x86_64-linux +over i386-linux$/);
    expect(lines[1]).toMatch(/^Task +48 +32 +48 +\+0 \(0%\) +\+16 \(50%\)$/);
    expect(lines[2]).toMatch(/^Empty +0 +0 +0 +\+0 \(n\/a\) +\+0 \(n\/a\)$/);
    expect(lines[4]).toMatch(/^total +60 +48 +64 +\+4 \(6\.67%\) +\+16 \(33\.33%\)$/);
  });
});
