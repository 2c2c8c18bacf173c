import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ts } from "ts-morph";
import { ABI_IDS, abiSpec, layoutJson, parseTablesJson, type DeclSet } from "@typedc/core";
import { extractFromFiles } from "@typedc/tsc-plugin";
import { run } from "../packages/cli/src/cli.js";
import { runCli, TASK_TS, writeTree } from "./cli-helpers.js";

let dir = "";
beforeAll(() => {
  dir = writeTree({
    "task.ts": TASK_TS,
    "notes.txt": "not TypeScript",
    "empty/readme.md": "nothing here",
    "plain.ts": "export interface Point { x: number; y: number }\n",
    "attrs.ts": `import type { u8, u64, packed, aligned } from "@typedc/runtime";\nexport type P = packed<{ a: u8; b: u64 }>;\nexport type Q = aligned<packed<{ a: u8; b: u64 }>, 4>;\nexport interface M { a: u8; b: aligned<u8, 16>; c: packed<u64>; in: packed<{ x: u8; y: u64 }> }\n`,
    "tree/a.ts": `import type { u8 } from "@typedc/runtime";\nexport interface A { a: u8 }\n`,
    "tree/sub/b.ts": `import type { u16 } from "@typedc/runtime";\nexport interface B { b: u16 }\n`,
    "tree/sub/c.d.ts": `import type { u32 } from "@typedc/runtime";\nexport interface C { c: u32 }\n`,
    "tree/node_modules/dep/d.ts": `import type { u64 } from "@typedc/runtime";\nexport interface D { d: u64 }\n`,
  });
});

describe("typedc layout", () => {
  it("prints a pahole-style listing for one format", () => {
    const r = runCli(["layout", "task.ts", "--format", "x86_64-linux", "--type", "Task"], dir);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        "/* format: x86_64-linux (x86_64-linux-gnu) */",
        "",
        "struct Task {",
        "    i32               pid;       /*     0     4 */",
        "",
        "    /* XXX 4 bytes hole, try to pack */",
        "",
        "    c_long            state;     /*     8     8 */",
        "    array<c_char, 16> comm;      /*    16    16 */",
        "    u64               vruntime;  /*    32     8 */",
        "    ptr<Task>         parent;    /*    40     8 */",
        "    bits<u32, 3>      flags;     /*    48: 0  4 */",
        "    bits<u32, 5>      prio;      /*    48: 3  4 */",
        "    u8                tag;       /*    49     1 */",
        "",
        "    /* XXX 2 bytes hole, try to pack */",
        "",
        "    struct {",
        "        u8            x;         /*     0     1 */",
        "",
        "        /* XXX 3 bytes hole, try to pack */",
        "",
        "        u32           y;         /*     4     4 */",
        "    } pos;                       /*    52     8 */",
        "",
        "    /* size: 64, cachelines: 1, members: 9 */",
        "    /* sum members: 53, holes: 2, sum holes: 6 */",
        "    /* sum bitfield members: 8 bits, bit holes: 0, sum bit holes: 0 bits */",
        "    /* padding: 4 */",
        "};",
        "",
      ].join("\n"),
    );
  });

  it("lists every struct and union, aliases included, by default", () => {
    const r = runCli(["layout", "task.ts", "--format", "i386-linux"], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.match(/^(struct|union) \w+/gm)).toEqual(["struct Task", "union Value", "struct TaskAlias"]);
    expect(r.stdout).toContain("/* size: 48, cachelines: 1, members: 9 */");
    expect(r.stdout).toContain("/* size: 8, cachelines: 1, members: 2 */");
  });

  it("shows record attributes after the closing brace", () => {
    const r = runCli(["layout", "attrs.ts"], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("    u64 b;  /*     1     8 */\n\n    /* size: 9, cachelines: 1, members: 2 */");
    expect(r.stdout).toContain("} __attribute__((packed));\n\nstruct Q {");
    expect(r.stdout).toContain("    /* size: 12, cachelines: 1, members: 2 */");
    expect(r.stdout).toContain("} __attribute__((packed, aligned(4)));\n\nstruct M {");
  });

  it("spells member attributes as written and puts an inline record's attributes after its brace", () => {
    const r = runCli(["layout", "attrs.ts", "--type", "M"], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("    aligned<u8, 16> b;             /*    16     1 */\n");
    expect(r.stdout).toContain("    packed<u64>     c;             /*    17     8 */\n");
    expect(r.stdout).toContain("    } __attribute__((packed)) in;  /*    25     9 */\n");
  });

  it("prints several formats side by side and marks the rows that differ", () => {
    const r = runCli(["layout", "task.ts", "--format", "x86_64-linux,i386-linux", "--type", "Task"], dir);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.find((l) => l.includes("struct Task {"))).toMatch(/struct Task \{ +x86_64-linux +i386-linux$/);
    expect(lines.find((l) => l.includes(" pid;"))).toMatch(/^ +i32 +pid; +0 +4 +0 +4$/);
    expect(lines.find((l) => l.includes(" state;"))).toMatch(/^\* +c_long +state; +8 +8 +4 +4$/);
    expect(lines.find((l) => l.includes(" flags;"))).toMatch(/^\* +bits<u32, 3> +flags; +48: 0 +4 +36: 0 +4$/);
    expect(lines.find((l) => l.includes("/* size */"))).toMatch(/^\* +\/\* size \*\/ +64 +48$/);
  });

  it("prints exactly core's layoutJson for one format with --json", () => {
    const r = runCli(["layout", "task.ts", "--format", "armv7-linux", "--json"], dir);
    expect(r.exitCode).toBe(0);
    const printed = JSON.parse(r.stdout);
    const decls = extractFromFiles(ts as never, [join(dir, "task.ts")]).value as DeclSet;
    expect(printed).toEqual(layoutJson(decls, abiSpec("armv7-linux")));
    expect(Object.keys(printed)).toEqual(["Task", "Value", "TaskAlias"]);
    // SPEC §7 by hand: on armv7 (ILP32, AAPCS) long and pointers are 4 bytes but u64 is 8-aligned,
    // so the struct is 8-aligned; bit-fields carry absolute bit offsets.
    expect(printed.Task).toMatchObject({ kind: "struct", size: 48, align: 8 });
    expect(printed.Task.fields[3]).toEqual({ name: "vruntime", offset: 24, size: 8 });
    expect(printed.Task.fields[5]).toEqual({ name: "flags", offset: 36, size: 4, bitOffset: 288, bitSize: 3 });
    expect(printed.Task.fields[8].inline).toEqual({ kind: "struct", size: 8, fields: [{ name: "x", offset: 0, size: 1 }, { name: "y", offset: 4, size: 4 }] });
  });

  it("keys the JSON by format with several formats, in the order given", () => {
    const r = runCli(["layout", "task.ts", "--format", "s390x-linux,wasm32", "--json", "--type", "Value"], dir);
    expect(r.exitCode).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(Object.keys(printed)).toEqual(["s390x-linux", "wasm32"]);
    expect(printed.wasm32).toEqual({ Value: { kind: "union", size: 8, align: 4, fields: [{ name: "i", offset: 0, size: 4 }, { name: "b", offset: 0, size: 6 }] } });
  });

  it("prints every format for --format all", () => {
    const r = runCli(["layout", "task.ts", "--format", "all", "--json"], dir);
    expect(r.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual([...ABI_IDS]);
  });

  it("reads every .ts file below a directory, skipping node_modules and .d.ts", () => {
    const r = runCli(["layout", "tree", "--json"], dir);
    expect(r.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(["A", "B"]);
  });
});

describe("bad options", () => {
  it("rejects an unknown format id with the list of known ones", () => {
    const r = runCli(["layout", "task.ts", "--format", "x86_64-linux,vax-bsd"], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error TYPED1102: Unknown format 'vax-bsd'\. Known formats: all, host, x86_64-linux, aarch64-linux, .*mips-linux\.\n$/);
  });

  it("rejects a missing input, a non-TypeScript file and a directory without .ts files", () => {
    expect(runCli(["layout", "nope.ts"], dir)).toMatchObject({ exitCode: 1, stderr: "error TYPED1100: Cannot find input 'nope.ts': no such file or directory.\n" });
    expect(runCli(["layout", "notes.txt"], dir)).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^error TYPED1104: Input 'notes.txt' is not a TypeScript file/) });
    expect(runCli(["tables", "empty", "--format", "all"], dir)).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^error TYPED1101: No input files found at 'empty'/) });
  });

  it("rejects a --type that names no struct or union of the input", () => {
    const r = runCli(["layout", "task.ts", "--type", "Task,Nope"], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("error TYPED1103: Type 'Nope' is not a struct or union declared in the input. Declared: Task, Value, TaskAlias.\n");
  });

  it("prints diagnostics in tsc's pretty form when stderr is coloured", () => {
    const bad = writeTree({ "bad.ts": `import type { u8, bits } from "@typedc/runtime";\nexport interface A { flags: bits<u8, 9> }\n` });
    const r = runCli(["layout", "bad.ts"], bad, { FORCE_COLOR: "1" });
    expect(r.exitCode).toBe(1);
    const plain = r.stderr.replace(/\u001b\[[0-9;]*m/g, "");
    expect(plain).toBe(
      "bad.ts:2:22 - error TYPED2003: Bit-field 'flags' is 9 bits wide but 'u8' holds 8.\n\n" +
        "2 export interface A { flags: bits<u8, 9> }\n" +
        "                       ~~~~~~~~~~~~~~~~~~\n\n" +
        "Found 1 error.\n",
    );
  });

  it("exits 2 on usage errors found by the parser", () => {
    expect(runCli(["layout", "task.ts", "--bogus"], dir)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("unknown option '--bogus'") });
    expect(runCli(["overhead", "task.ts"], dir)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("required option '-f, --formats <abis>' not specified") });
    expect(runCli(["frobnicate"], dir)).toMatchObject({ exitCode: 2 });
    // No command at all: the help goes to stderr, as a usage error.
    expect(runCli([], dir)).toMatchObject({ exitCode: 2, stdout: "", stderr: expect.stringContaining("Usage: typedc [options] [command]") });
  });

  it("exits 0 on --version and on 'help <command>'", () => {
    expect(runCli(["--version"], dir)).toEqual({ exitCode: 0, stdout: "0.1.0\n", stderr: "" });
    expect(runCli(["help", "overhead"], dir)).toMatchObject({ exitCode: 0, stdout: expect.stringContaining("Usage: typedc overhead") });
  });

  it("exits 0 on --help and explains with an example", () => {
    for (const command of ["layout", "tables", "formats", "overhead"]) {
      const r = runCli([command, "--help"], dir);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain(`Usage: typedc ${command}`);
      expect(r.stdout).toMatch(/Examples:\n {2}\$ typedc /);
    }
  });
});

describe("typedc tables", () => {
  it("writes the tables file that loadTypes reads, one type set per struct", () => {
    const r = runCli(["tables", "task.ts", "--format", "x86_64-linux,mips-linux", "--out", "out/tables.json"], dir);
    expect(r).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^error TYPED1105: Cannot write 'out\/tables.json': /) });
    const ok = runCli(["tables", "task.ts", "--format", "x86_64-linux,mips-linux", "--out", "tables.json"], dir);
    expect(ok).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    const file = parseTablesJson(readFileSync(join(dir, "tables.json"), "utf8"));
    expect(Object.keys(file.types)).toEqual(["Task", "Value", "TaskAlias"]);
    expect(Object.keys(file.types.Task!)).toEqual(["x86_64-linux", "mips-linux"]);
    const mips = file.types.Task!["mips-linux"]!;
    expect(mips).toMatchObject({ format: "mips-linux", endian: "big", pointerSize: 4 });
    expect(mips.types[mips.root]).toMatchObject({ tag: "structure_type", name: "Task", byteSize: 48, alignment: 8 });
  });

  it("prints to stdout without --out, restricted by --type", () => {
    const r = runCli(["tables", "task.ts", "--format", "wasm32", "--type", "Value"], dir);
    expect(r.exitCode).toBe(0);
    expect(Object.keys(parseTablesJson(r.stdout).types)).toEqual(["Value"]);
  });
});

describe("typedc formats", () => {
  it("prints one row per format with its facts", () => {
    const r = runCli(["formats"], dir);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1 + ABI_IDS.length);
    expect(lines.find((l) => l.startsWith("x86_64-windows "))).toMatch(/^x86_64-windows +x86_64-pc-windows-msvc +little +8 +4 +2 +signed +8 +ms +e-m:w-/);
    expect(lines.find((l) => l.startsWith("i386-linux "))).toMatch(/^i386-linux +i386-linux-gnu +little +4 +4 +4 +signed +4 +sysv /);
    expect(lines.find((l) => l.startsWith("s390x-linux "))).toMatch(/^s390x-linux +s390x-linux-gnu +big +8 +8 +4 +unsigned +8 +sysv +E-/);
  });

  it("prints the same facts as JSON", () => {
    const rows = JSON.parse(runCli(["formats", "--json"], dir).stdout);
    expect(rows.map((r: { id: string }) => r.id)).toEqual([...ABI_IDS]);
    expect(rows[8]).toEqual({
      id: "x86_64-windows", triple: "x86_64-pc-windows-msvc", endian: "little", pointerByteSize: 8, longByteSize: 4,
      wcharByteSize: 2, charSigned: true, i64ByteAlign: 8, bitfields: "ms", enums: "msvc", dataLayout: abiSpec("x86_64-windows").dataLayout,
    });
  });

  it("colours only when asked: FORCE_COLOR on, NO_COLOR off", () => {
    expect(runCli(["formats"], dir, { FORCE_COLOR: "1" }).stdout).toContain("\u001b[");
    expect(runCli(["formats"], dir, { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toContain("\u001b[");
    expect(runCli(["formats"], dir).stdout).not.toContain("\u001b[");
  });
});

describe("typedc overhead", () => {
  it("measures the unified format against each native one (paper Table 1)", () => {
    const r = runCli(["overhead", "task.ts", "--formats", "x86_64-linux,i386-linux", "--json"], dir);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.formats).toEqual(["x86_64-linux", "i386-linux"]);
    // Aliases are not counted twice: Task and Value only.
    expect(report.types.map((t: { name: string }) => t.name)).toEqual(["Task", "Value"]);
    // Unified = every scalar at its largest size and alignment: the LP64 layout here.
    expect(report.types[0]).toEqual({
      name: "Task",
      unifiedByteSize: 64,
      native: {
        "x86_64-linux": { byteSize: 64, overheadBytes: 0, overheadPercent: 0 },
        "i386-linux": { byteSize: 48, overheadBytes: 16, overheadPercent: 33.33 },
      },
    });
    expect(report.total.native["i386-linux"]).toEqual({ byteSize: 56, overheadBytes: 16, overheadPercent: 28.57 });
  });

  it("prints the table with a total row", () => {
    const r = runCli(["overhead", "task.ts", "--formats", "x86_64-linux,i386-linux"], dir);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^type +x86_64-linux +i386-linux +unified +over x86_64-linux +over i386-linux$/);
    expect(lines[1]).toMatch(/^Task +64 +48 +64 +\+0 \(0%\) +\+16 \(33\.33%\)$/);
    expect(lines.at(-1)).toMatch(/^total +72 +56 +72 +\+0 \(0%\) +\+16 \(28\.57%\)$/);
  });
});

describe("robustness", () => {
  it("warns, prints nothing and succeeds when the input declares no struct", () => {
    const r = runCli(["layout", "plain.ts", "--json"], dir);
    expect(r).toEqual({ exitCode: 0, stdout: "{}\n", stderr: "warning TYPED1107: No struct or union declarations found in 'plain.ts'.\n" });
  });

  it("turns a bug into one 'internal error' line and exit 3, with the stack only under --debug", () => {
    const failing = (args: string[]) => {
      let stderr = "";
      const exitCode = run(args, {
        stdout: { write: () => { throw new Error("disk on fire"); } },
        stderr: { write: (text: string) => (stderr += text) },
        env: {},
        cwd: dir,
      });
      return { exitCode, stderr };
    };
    const quiet = failing(["formats"]);
    expect(quiet.exitCode).toBe(3);
    expect(quiet.stderr).toBe("typedc: internal error, please report it with the input that caused it: disk on fire\n(run again with --debug for the stack trace)\n");
    const loud = failing(["--debug", "formats"]);
    expect(loud.exitCode).toBe(3);
    expect(loud.stderr).toMatch(/disk on fire\nError: disk on fire\n\s+at /);
  });
});
