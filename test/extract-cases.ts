// Cases for the TypeScript declaration extractor: SPEC §2 constructs → C type IR, across modules,
// run by one small test file per TypeScript module.
import type * as TS from "typescript";
import { describe, expect, it } from "vitest";
import { SCALAR_NAMES, type CType, type NamedType } from "@typedc/core";
import { extractDecls, extractFromFiles } from "@typedc/tsc-plugin";
import { brief, extractProject, stripLocs, testOptions, writeProject } from "./extract-helpers.js";

const IMPORTS = `import type { ${[...SCALAR_NAMES].join(", ")}, ptr, array, union, bits, packed, aligned, atomic } from "@typedc/runtime";\n`;

const s = (name: string): CType => ({ kind: "scalar", name } as CType);
const named = (name: string): CType => ({ kind: "named", name });
const struct = (name: string, fields: object[], extra: object = {}): NamedType =>
  ({ kind: "record", name, record: { kind: "struct", packed: false, ...extra, fields } }) as NamedType;

/** defineExtractTests defines the tests for one TypeScript module (`typescript` 6, `typescript-5.9`, ts-morph's bundled one). */
export function defineExtractTests(label: string, ts: typeof TS): void {
  describe(`extractDecls with ${label}`, () => {
    const extract = (text: string, withRuntime = true) => extractProject(ts, { "main.ts": IMPORTS + text }, { withRuntime });

    it("maps every scalar C type", () => {
      const body = SCALAR_NAMES.map((n) => `  f_${n}: ${n};`).join("\n");
      const r = extract(`export interface All {\n${body}\n}\n`);
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types)).toEqual({ All: struct("All", SCALAR_NAMES.map((n) => ({ name: `f_${n}`, type: s(n) }))) });
    });

    it("maps pointers, arrays, flexible arrays, atomics and inline records", () => {
      const r = extract(`
  export interface Node {
    next: ptr<Node>;
    data: ptr<void>;
    cb: ptr<void>;
    grid: array<array<u8, 4>, 3>;
    refs: array<ptr<Node>, 2>;
    count: atomic<i32>;
    pos: { x: f32; y: f32 };
    tail: array<u16, 0>;
  }
  `);
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types)).toEqual({
        Node: struct("Node", [
          { name: "next", type: { kind: "pointer", target: named("Node") } },
          { name: "data", type: { kind: "pointer", target: null } },
          { name: "cb", type: { kind: "pointer", target: null } },
          { name: "grid", type: { kind: "array", count: 3, element: { kind: "array", count: 4, element: s("u8") } } },
          { name: "refs", type: { kind: "array", count: 2, element: { kind: "pointer", target: named("Node") } } },
          { name: "count", type: { kind: "atomic", base: s("i32") } },
          { name: "pos", type: { kind: "record", record: { kind: "struct", packed: false, fields: [{ name: "x", type: s("f32") }, { name: "y", type: s("f32") }] } } },
          { name: "tail", type: { kind: "array", count: 0, element: s("u16") } },
        ]),
      });
    });

    it("reads record attributes around object literals (packed, aligned, union, nested in any order)", () => {
      const r = extract(`
  export type Hdr = packed<{ magic: u32; len: u16 }>;
  export type Line = aligned<{ data: array<u8, 60> }, 64>;
  export type Both = aligned<packed<{ a: u8; b: u32 }>, 4>;
  export type U = aligned<packed<union<{ a: u8; b: u32 }>>, 8>;
  export type V = union<{ i: i32; f: f32 }>;
  export type Plain = { a: u8 };
  `);
      expect(r.diagnostics).toEqual([]);
      const rec = (kind: string, packed: boolean, byteAlign: number | undefined, fields: object[]) => ({ kind, packed, ...(byteAlign ? { byteAlign } : {}), fields });
      expect(stripLocs(r.value.types)).toEqual({
        Hdr: { kind: "record", name: "Hdr", record: rec("struct", true, undefined, [{ name: "magic", type: s("u32") }, { name: "len", type: s("u16") }]) },
        Line: { kind: "record", name: "Line", record: rec("struct", false, 64, [{ name: "data", type: { kind: "array", count: 60, element: s("u8") } }]) },
        Both: { kind: "record", name: "Both", record: rec("struct", true, 4, [{ name: "a", type: s("u8") }, { name: "b", type: s("u32") }]) },
        U: { kind: "record", name: "U", record: rec("union", true, 8, [{ name: "a", type: s("u8") }, { name: "b", type: s("u32") }]) },
        V: { kind: "record", name: "V", record: rec("union", false, undefined, [{ name: "i", type: s("i32") }, { name: "f", type: s("f32") }]) },
        Plain: { kind: "record", name: "Plain", record: rec("struct", false, undefined, [{ name: "a", type: s("u8") }]) },
      });
    });

    it("reads member attributes on fields and type-level aligned deeper inside", () => {
      const r = extract(`
  export interface S {
    a: u8;
    b: aligned<u32, 16>;
    c: packed<u64>;
    d: aligned<packed<u64>, 2>;
    e: array<aligned<u64, 8>, 2>;
    f: aligned<bits<u32, 3>, 4>;
    g: packed<{ x: u8; y: u32 }>;
    h: aligned<{ x: u8 }, 32>;
  }
  `);
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types)).toEqual({
        S: struct("S", [
          { name: "a", type: s("u8") },
          { name: "b", type: s("u32"), memberAlign: 16 },
          { name: "c", type: s("u64"), memberPacked: true },
          { name: "d", type: s("u64"), memberAlign: 2, memberPacked: true },
          { name: "e", type: { kind: "array", count: 2, element: { kind: "aligned", base: s("u64"), byteAlign: 8 } } },
          { name: "f", type: { kind: "bits", base: s("u32"), bitWidth: 3 }, memberAlign: 4 },
          { name: "g", type: { kind: "record", record: { kind: "struct", packed: true, fields: [{ name: "x", type: s("u8") }, { name: "y", type: s("u32") }] } } },
          { name: "h", type: { kind: "record", record: { kind: "struct", packed: false, byteAlign: 32, fields: [{ name: "x", type: s("u8") }] } } },
        ]),
      });
    });

    it("maps bit-fields, unnamed bit-fields and anonymous members", () => {
      const r = extract(`
  export enum Mode { A, B }
  export interface Flags {
    ready: bits<u32, 1>;
    _pad0: bits<u32, 0>;
    mode: bits<Mode, 2>;
    _anon0: union<{ raw: u32; half: u16 }>;
    _anon1: { lo: u8; hi: u8 };
  }
  `);
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types.Flags)).toEqual(
        struct("Flags", [
          { name: "ready", type: { kind: "bits", base: s("u32"), bitWidth: 1 } },
          { name: "_pad0", type: { kind: "bits", base: s("u32"), bitWidth: 0 } },
          { name: "mode", type: { kind: "bits", base: named("Mode"), bitWidth: 2 } },
          { name: "_anon0", type: { kind: "record", record: { kind: "union", packed: false, fields: [{ name: "raw", type: s("u32") }, { name: "half", type: s("u16") }] } } },
          { name: "_anon1", type: { kind: "record", record: { kind: "struct", packed: false, fields: [{ name: "lo", type: s("u8") }, { name: "hi", type: s("u8") }] } } },
        ]),
      );
    });

    it("computes enum values and follows user aliases", () => {
      const r = extract(`
  export const enum Prio { Low = -1, Mid, High = 1 << 4, Top = High * 2 + 1 }
  export type pid_t = i32;
  export type word = aligned<u64, 8>;
  export interface Proc { pid: pid_t; prio: Prio; w: word }
  export type Process = Proc;
  export type ProcAgain = Process;
  `);
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types)).toEqual({
        Prio: { kind: "enum", name: "Prio", members: [{ name: "Low", value: -1 }, { name: "Mid", value: 0 }, { name: "High", value: 16 }, { name: "Top", value: 33 }] },
        pid_t: { kind: "alias", name: "pid_t", target: s("i32") },
        word: { kind: "alias", name: "word", target: { kind: "aligned", base: s("u64"), byteAlign: 8 } },
        Proc: struct("Proc", [{ name: "pid", type: named("pid_t") }, { name: "prio", type: named("Prio") }, { name: "w", type: named("word") }]),
        Process: { kind: "alias", name: "Process", target: named("Proc") },
        ProcAgain: { kind: "alias", name: "ProcAgain", target: named("Process") },
      });
    });

    it("keeps locations: a field points at its declaration, a type at its name", () => {
      const r = extract(`export interface P {\n  x: i32;\n}\n`);
      const p = r.value.types.P!;
      const text = IMPORTS + `export interface P {\n  x: i32;\n}\n`;
      expect(p.loc).toEqual({ file: r.names["main.ts"], start: text.indexOf("P {"), length: 1 });
      const field = p.kind === "record" ? p.record.fields[0]! : undefined;
      expect(field?.loc).toEqual({ file: r.names["main.ts"], start: text.indexOf("x: i32;"), length: "x: i32;".length });
    });

    it("counts only declarations that use C types, and plain ones they reach or that reach only them", () => {
      const r = extract(`
  export interface Props { name: string; size: number; onClick(): void; onKey: (code: i32) => void; [k: string]: u8 | string | (() => void) }
  export type Cb = (x: i32, t: Task) => void;
  export interface Holder { label: string; t: Task }
  export interface Task { pid: i32; owner: Owner }
  export interface Owner { uid: u32 }
  export interface Pair { a: Task; b: Task }
  export enum Color { Red = "red" }
  export enum Dir { Up, Down }
  export interface UsesDir { d: Dir }
  `);
      expect(r.diagnostics).toEqual([]);
      expect(Object.keys(r.value.types)).toEqual(["Task", "Owner", "Pair", "Dir", "UsesDir"]);
    });

    it("produces no diagnostics for a file of plain TypeScript", () => {
      const r = extractProject(ts, { "plain.ts": `export interface A { s: string; n?: number; f(): void; [k: string]: unknown }\nexport type B = A | null;\nexport enum Dir { Up, Down }\nexport interface UsesDir { d: Dir }\n` });
      expect(r.diagnostics).toEqual([]);
      expect(r.value.types).toEqual({});
    });

    it("follows imports, re-exports, renamed and namespace imports across files", () => {
      const r = extractProject(
        ts,
        {
          "main.ts": `import type { Task as T, Queue } from "./lib/index";\nimport type * as rt from "@typedc/runtime";\nimport type { int32 } from "./ctypes";\nexport interface Cpu { current: ptr<T>; rq: Queue; id: rt.u16; n: int32 }\nimport type { ptr } from "@typedc/runtime";\n`,
          "ctypes.ts": `export type { i32 as int32 } from "@typedc/runtime";\n`,
          "lib/index.ts": `export type { Task } from "./task";\nexport * from "./queue";\n`,
          "lib/task.ts": `import type { i32 } from "@typedc/runtime";\nexport interface Task { pid: i32 }\n`,
          "lib/queue.ts": `import type { array, u8 } from "@typedc/runtime";\nimport type { Task } from "./task";\nexport interface Queue { slots: array<u8, 8>; first: Task }\n`,
        },
        { roots: ["main.ts"] },
      );
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types)).toEqual({
        Cpu: struct("Cpu", [
          { name: "current", type: { kind: "pointer", target: named("Task") } },
          { name: "rq", type: named("Queue") },
          { name: "id", type: s("u16") },
          { name: "n", type: s("i32") },
        ]),
        Task: struct("Task", [{ name: "pid", type: s("i32") }]),
        Queue: struct("Queue", [{ name: "slots", type: { kind: "array", count: 8, element: s("u8") } }, { name: "first", type: named("Task") }]),
      });
    });

    it("follows declarations of external libraries that use C types, and their enums", () => {
      const r = extractProject(
        ts,
        {
          "main.ts": `import type { u8 } from "@typedc/runtime";\nimport type { KHdr, KMode, KPlain } from "kernel-types";\nexport interface S { h: KHdr; m: KMode; a: u8 }\nexport interface Bad { a: u8; p: KPlain }\n`,
          "node_modules/kernel-types/package.json": `{ "name": "kernel-types", "types": "index.d.ts" }`,
          "node_modules/kernel-types/index.d.ts": `import type { u32 } from "@typedc/runtime";\nexport interface KHdr { magic: u32 }\nexport declare enum KMode { Off = 0, On = 1 }\nexport interface KPlain { name: string }\n`,
        },
        { roots: ["main.ts"] },
      );
      expect(brief(r.diagnostics)).toEqual([
        "1001 4:34 Field 'p' has type 'KPlain', which has no C layout. Use a C type such as i32, f64, ptr<void> or a struct declared with C types.",
      ]);
      expect(stripLocs(r.value.types)).toEqual({
        S: struct("S", [{ name: "h", type: named("KHdr") }, { name: "m", type: named("KMode") }, { name: "a", type: s("u8") }]),
        Bad: struct("Bad", [{ name: "a", type: s("u8") }]),
        KHdr: struct("KHdr", [{ name: "magic", type: s("u32") }]),
        KMode: { kind: "enum", name: "KMode", members: [{ name: "Off", value: 0 }, { name: "On", value: 1 }] },
      });
    });

    it("qualifies a later declaration whose name is taken (Name$2)", () => {
      const r = extractProject(
        ts,
        {
          "a.ts": `import type { u8 } from "@typedc/runtime";\nimport type { Point as BPoint } from "./b";\nexport interface Point { x: u8; other: BPoint }\n`,
          "b.ts": `import type { u16 } from "@typedc/runtime";\nexport interface Point { x: u16 }\n`,
        },
        { roots: ["a.ts"] },
      );
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types)).toEqual({
        Point: struct("Point", [{ name: "x", type: s("u8") }, { name: "other", type: named("Point$2") }]),
        Point$2: struct("Point$2", [{ name: "x", type: s("u16") }]),
      });
    });

    it("reads C types from syntax: a local 'i32 = number' is not the runtime's", () => {
      const r = extractProject(ts, { "m.ts": `import type { u8 } from "@typedc/runtime";\ntype i32 = number;\nexport interface S { a: u8; b: i32 }\n` });
      expect(brief(r.diagnostics)).toEqual(["1020 2:12 Type 'i32' is 'number', which has no C layout. Use a C type such as f64, i32 or c_int."]);
    });

    it("falls back to imported names when @typedc/runtime cannot be resolved", () => {
      const r = extract(`export interface S { a: u8; p: ptr<S>; n: array<c_long, 2> }\n`, false);
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types)).toEqual({
        S: struct("S", [
          { name: "a", type: s("u8") },
          { name: "p", type: { kind: "pointer", target: named("S") } },
          { name: "n", type: { kind: "array", count: 2, element: s("c_long") } },
        ]),
      });
    });

    it("searches every non-declaration file of the program when no roots are given, but not the runtime's", () => {
      const { names } = writeProject({
        "a.ts": `import type { u8 } from "@typedc/runtime";\nimport type { B } from "./b";\nexport interface A { x: u8 }\n`,
        "b.ts": `import type { u16 } from "@typedc/runtime";\nexport interface B { y: u16 }\n`,
      });
      const program = ts.createProgram({ rootNames: [names["a.ts"]!], options: testOptions(ts) });
      expect(program.getSourceFiles().some((f) => f.fileName.endsWith("runtime/src/ctypes.ts"))).toBe(true);
      const r = extractDecls(ts, program);
      expect(r.diagnostics).toEqual([]);
      expect(Object.keys(r.value.types).sort()).toEqual(["A", "B"]);
    });

    it("extracts the given files with extractFromFiles", () => {
      const { names } = writeProject({ "x.ts": `import type { u8 } from "@typedc/runtime";\nexport interface X { a: u8 }\n` });
      const r = extractFromFiles(ts, [names["x.ts"]!]);
      expect(r.diagnostics).toEqual([]);
      expect(stripLocs(r.value.types)).toEqual({ X: struct("X", [{ name: "a", type: s("u8") }]) });
    });
  });
}
