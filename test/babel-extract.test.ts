// The Babel extractor against the TypeScript one: for every layout fixture and for inline
// sources (good and bad), extractDeclsBabel gives the same DeclSet and the same diagnostics
// (codes, texts, locations) as extractFromFiles / extractDecls with TypeScript 6.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { SCALAR_NAMES, checkDecls, type DeclSet, type Result } from "@typedc/core";
import { extractDecls, extractFromFiles } from "@typedc/tsc-plugin";
import { extractDeclsBabel } from "../packages/babel-plugin/src/index.js";
import { extractProject, writeProject } from "./extract-helpers.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/layout", import.meta.url));

/** inputsUnder lists every input.ts below a folder. */
function inputsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return inputsUnder(path);
    return entry === "input.ts" ? [path] : [];
  });
}

/** both extracts a project with TypeScript and with Babel (root: the first file). */
function both(files: Record<string, string>): { tsc: Result<DeclSet>; babel: Result<DeclSet>; root: string } {
  const tsc = extractProject(ts, files);
  const root = tsc.names[Object.keys(files)[0]!]!;
  return { tsc: { value: tsc.value, diagnostics: tsc.diagnostics }, babel: extractDeclsBabel(root), root };
}

/** expectSame asserts deep equality, declaration order (the `Name$2` order) included. */
function expectSame(tsc: Result<DeclSet>, babel: Result<DeclSet>): void {
  expect(babel).toEqual(tsc);
  expect(Object.keys(babel.value.types)).toEqual(Object.keys(tsc.value.types));
}

const REPO = fileURLToPath(new URL("..", import.meta.url));

/** EXTRACT_FROM_FILES_OPTIONS are extractFromFiles' default compiler options (packages/tsc-plugin/src/extract.ts). */
const EXTRACT_FROM_FILES_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ["lib.es2022.d.ts"],
};

const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** extractFromFilesCached is extractFromFiles(ts, [file]) with every file parsed once for all calls (none changes during the test). */
function extractFromFilesCached(file: string): Result<DeclSet> {
  const host = ts.createCompilerHost(EXTRACT_FROM_FILES_OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) => {
    if (!parsedFiles.has(name)) parsedFiles.set(name, getSourceFile(name, version, onError, create));
    return parsedFiles.get(name);
  };
  return extractDecls(ts, ts.createProgram({ rootNames: [file], options: EXTRACT_FROM_FILES_OPTIONS, host }), [file]);
}

const IMPORTS = `import type { ${[...SCALAR_NAMES].join(", ")}, ptr, array, union, bits, packed, aligned, atomic } from "@typedc/runtime";\n`;

describe("extractDeclsBabel equals the TypeScript extractor", () => {
  const inputs = inputsUnder(FIXTURES).sort();

  it("finds the layout fixtures (random, quirks, headers)", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(40);
    expect(inputs.some((f) => f.includes("/headers/"))).toBe(true);
  });

  it("on every layout fixture (1,000+ records)", () => {
    let records = 0;
    for (const file of inputs) {
      const tsc = extractProject(ts, { "input.ts": readFileSync(file, "utf8") });
      const babel = extractDeclsBabel(tsc.names["input.ts"]!);
      expectSame({ value: tsc.value, diagnostics: tsc.diagnostics }, babel);
      records += Object.keys(babel.value.types).length;
    }
    expect(records).toBeGreaterThan(1000);
  });

  it("on fixture files in place, as extractFromFiles reads them", () => {
    for (const file of inputs.filter((f) => /headers[\\/](elf|net)|quirks[\\/]enums/.test(f))) {
      expectSame(extractFromFiles(ts, [file]), extractDeclsBabel(file));
    }
  });

  it("on the repository's own TypeScript sources that declare C types (demo/, examples/)", () => {
    const listed = execFileSync("git", ["ls-files", "demo/*.ts", "examples/*.ts"], { cwd: REPO, encoding: "utf8" });
    const files = listed.split("\n").filter((f) => f.endsWith(".ts")).map((f) => join(REPO, f));
    expect(files.length).toBeGreaterThan(5);
    expectSame(extractFromFiles(ts, [files[0]!]), extractFromFilesCached(files[0]!)); // the cache changes nothing
    let records = 0;
    for (const file of files) {
      const babel = extractDeclsBabel(file);
      expectSame(extractFromFilesCached(file), babel);
      records += Object.keys(babel.value.types).length;
    }
    expect(records).toBeGreaterThan(5);
  });

  it.each([
    ["every scalar", `export interface All {\n${SCALAR_NAMES.map((n) => `  f_${n}: ${n};`).join("\n")}\n}\n`],
    ["pointers, arrays, atomics, inline records", `export interface Node { next: ptr<Node>; data: ptr<void>; grid: array<array<u8, 4>, 3>; refs: array<ptr<Node>, 2>; count: atomic<i32>; pos: { x: f32; y: f32 }; tail: array<u16, 0> }\n`],
    ["record attributes", `export type Hdr = packed<{ magic: u32; len: u16 }>;\nexport type Line = aligned<{ data: array<u8, 60> }, 64>;\nexport type Both = aligned<packed<{ a: u8; b: u32 }>, 4>;\nexport type U = aligned<packed<union<{ a: u8; b: u32 }>>, 8>;\nexport type V = union<{ i: i32; f: f32 }>;\nexport type Plain = { a: u8 };\n`],
    ["member attributes", `export interface S { a: u8; b: aligned<u32, 16>; c: packed<u64>; d: aligned<packed<u64>, 2>; e: array<aligned<u64, 8>, 2>; f: aligned<bits<u32, 3>, 4>; g: packed<{ x: u8; y: u32 }>; h: aligned<{ x: u8 }, 32>; i: (u8); j: array<(u16), 0x10> }\n`],
    ["bit-fields and anonymous members", `export enum Mode { A, B }\nexport interface Flags { ready: bits<u32, 1>; _pad0: bits<u32, 0>; mode: bits<Mode, 2>; _anon0: union<{ raw: u32; half: u16 }>; _anon1: { lo: u8; hi: u8 } }\n`],
    ["enum values and aliases", `export const enum Prio { Low = -1, Mid, High = 1 << 4, Top = High * 2 + 1, Masked = ~Top & 0xff, P = Prio.Mid + Prio["High"] }\nexport type pid_t = i32;\nexport type word = aligned<u64, 8>;\nexport interface Proc { pid: pid_t; prio: Prio; w: word }\nexport type Process = Proc;\nexport type ProcAgain = Process;\n`],
    ["enum constants from consts and other enums", `const BASE = 0x100;\nconst NEXT = BASE + 1;\nexport enum A { X = BASE, Y, Z = NEXT * 2 }\nexport enum B { P = A.Z + 1, Q = A["X"] | 1, R = 2 ** 4 % 7, S = -(3) >>> 28, T = 7 >> 1, U = 5 ^ 3 }\nexport interface S { a: A; b: B; c: u8 }\n`],
    ["plain TypeScript mixed in", `export interface Props { name: string; size: number; onClick(): void; onKey: (code: i32) => void; [k: string]: u8 | string | (() => void) }\nexport type Cb = (x: i32, t: Task) => void;\nexport interface Holder { label: string; t: Task }\nexport interface Task { pid: i32; owner: Owner }\nexport interface Owner { uid: u32 }\nexport interface Pair { a: Task; b: Task }\nexport enum Color { Red = "red" }\nexport enum Dir { Up, Down }\nexport interface UsesDir { d: Dir }\n`],
    ["renamed and namespace runtime imports, default export, class merge, comments, CRLF", `import type { i32 as int32, u8 as byte } from "@typedc/runtime";\nimport type * as c from "@typedc/runtime";\r\n/** doc 🚀 */\r\nexport default interface D {\r\n  /* é */ a: int32; // x\r\n  b: c.i32; \"q\": byte;\r\n  readonly r: c.array<c.u16, 2>;\r\n}\r\nclass K {}\ninterface K { k: u8 }\nexport interface Use { k: K; d: D }\n`],
    ["ambient and forward-referencing enums", `declare enum A { X, Y = 2 }\ndeclare const enum B { X, Y }\nenum C { P = Q, Q = 5, R = C.P }\nenum Str { S = "a" + "b", T = \`x\`, U = 1 + "2" }\nexport interface S { a: A; b: B; c: C; s: Str; n: u8 }\n`],
    ["type parameters shadow names", `type T = u16;\nexport interface Box<T> { v: T; w: u8 }\nexport interface Plain { t: T }\n`],
    ["namespaces", `namespace N { export interface X { a: u8; y: Y; e: E } interface Y { b: u16 } export enum E { A = 1, B } }\nexport interface S { x: N.X; p: ptr<N.X>; z: N.Y }\n`],
    ["dotted, exported and ambient namespaces", `namespace A.B { export interface X { a: u8 } }\nexport namespace M { export type T = u32; export const K = 4; export enum E { A = K, B } }\ndeclare namespace D { interface X { a: u8 } }\nexport interface S { x: A.B.X; t: M.T; e: M.E; d: D.X }\n`],
    ["a namespace member shadows a module declaration", `interface X { q: u32 }\nnamespace N { export interface X { a: u8; o: X } }\nexport interface S { x: N.X; y: X }\n`],
    ["declare global", `declare global { interface G { a: u8 } }\nexport interface S { g: G; a: u8 }\n`],
    ["conflicting declarations of one name (TypeScript's binder gives the later its own symbol)", `type S = { a: u8 };\ntype S = { b: u16 };\ninterface X { s: S }\n`],
    ["generic constraint and accessor count as C types", `export interface G<T extends u8> { a: u8 }\nexport interface Acc { get v(): u8 }\nexport type Typed = { t: __typedLike }\n`],
  ])("on %s", (_label, text) => {
    const { tsc, babel } = both({ "main.ts": IMPORTS + text });
    expectSame(tsc, babel);
  });

  it("on a file of plain TypeScript (nothing, no diagnostics)", () => {
    const { tsc, babel } = both({ "plain.ts": `export interface A { s: string; n?: number; f(): void; [k: string]: unknown }\nexport type B = A | null;\nexport enum E { X, Y }\n` });
    expect(babel.diagnostics).toEqual([]);
    expectSame(tsc, babel);
  });

  it("across modules: renamed, namespace and re-exported imports, .js specifiers, index files", () => {
    const { tsc, babel } = both({
      "main.ts": `import type { Task as T, Queue } from "./lib/index.js";\nimport type * as rt from "@typedc/runtime";\nimport type { int32 } from "./ctypes";\nimport type * as lib from "./lib";\nimport taskModule = require("./lib/task");\nexport interface Cpu { current: ptr<T>; rq: Queue; id: rt.u16; n: int32; q2: lib.Queue; d: lib.Dev; t2: taskModule.Task }\nimport type { ptr } from "@typedc/runtime";\n`,
      "ctypes.ts": `export type { i32 as int32 } from "@typedc/runtime";\n`,
      "lib/index.ts": `export type { Task } from "./task";\nexport * from "./queue";\nexport { Device as Dev } from "./dev.js";\n`,
      "lib/task.ts": `import type { i32 } from "@typedc/runtime";\nexport interface Task { pid: i32 }\n`,
      "lib/queue.ts": `import type { array, u8 } from "@typedc/runtime";\nimport type { Task } from "./task";\nexport interface Queue { slots: array<u8, 8>; first: Task }\n`,
      "lib/dev.ts": `import type { u8 } from "@typedc/runtime";\nimport { Mode } from "./mode";\nexport interface Device { m: Mode; id: u8 }\n`,
      "lib/mode.ts": `import { BASE } from "./consts";\nexport enum Mode { On = BASE, Off }\n`,
      "lib/consts.ts": `export const BASE = 40 + 2;\n`,
    });
    expect(babel.diagnostics).toEqual([]);
    expectSame(tsc, babel);
  });

  it("follows a namespace exported by another module", () => {
    const { tsc, babel } = both({
      "main.ts": IMPORTS + `import { Kernel } from "./kernel";\nexport interface S { t: Kernel.Task; q: ptr<Kernel.Sched.Queue> }\n`,
      "kernel.ts": `import type { i32, u8 } from "@typedc/runtime";\nexport namespace Kernel { export interface Task { pid: i32 } export namespace Sched { export interface Queue { n: u8 } } }\n`,
    });
    expect(babel.diagnostics).toEqual([]);
    expectSame(tsc, babel);
  });

  it("qualifies a later declaration whose name is taken (Name$2), in program order", () => {
    const { tsc, babel } = both({
      "a.ts": `import type { u8 } from "@typedc/runtime";\nimport type { Point as CPoint } from "./c";\nimport type { Point as BPoint } from "./b";\nexport interface Point { x: u8; b: BPoint; c: CPoint }\n`,
      "b.ts": `import type { u16 } from "@typedc/runtime";\nexport interface Point { x: u16 }\n`,
      "c.ts": `import type { u32 } from "@typedc/runtime";\nimport type { Point as BPoint } from "./b";\nexport interface Point { x: u32; b: BPoint }\n`,
    });
    expect(Object.keys(babel.value.types)).toEqual(["Point", "Point$2", "Point$3"]);
    expectSame(tsc, babel);
  });

  it("follows declarations of external libraries that use C types, and their enums", () => {
    const { tsc, babel } = both({
      "main.ts": `import type { u8 } from "@typedc/runtime";\nimport type { KHdr, KMode, KPlain } from "kernel-types";\nexport interface S { h: KHdr; m: KMode; a: u8 }\nexport interface Bad { a: u8; p: KPlain }\n`,
      "node_modules/kernel-types/package.json": `{ "name": "kernel-types", "types": "index.d.ts" }`,
      "node_modules/kernel-types/index.d.ts": `import type { u32 } from "@typedc/runtime";\nexport interface KHdr { magic: u32 }\nexport declare enum KMode { Off = 0, On = 1 }\nexport interface KPlain { name: string }\n`,
    });
    expect(babel.diagnostics.map((d) => d.code)).toEqual([1001]);
    expectSame(tsc, babel);
  });
});

// Bad inputs: each must give the same diagnostics (code, text, file, start, length) in both front-ends.
const BAD: readonly (readonly [string, string])[] = [
  ["string field", `interface S {\n  id: u32;\n  bad: string;\n}\n`],
  ["number, boolean, bigint, array, union, function, literal, null, intersection fields", `interface S { id: u32; a: number; b: boolean; c: bigint; d: u8[]; e: [u8]; f: u8 | u32; g: () => void; h: 3; i: null; j: { a: u8 } & { b: u8 }; k: undefined; l: keyof S; m: typeof x; n: new () => S }\nconst x = 1;\n`],
  ["optional field", `interface S {\n  id?: u32;\n}\n`],
  ["method, accessor, index and call signatures", `interface S {\n  id: u32;\n  run(): void;\n  [key: string]: u32;\n  (x: u8): void;\n  new (): S;\n  [k](): void;\n}\nconst k = "a";\n`],
  ["bits<u8, 9> and bits with a bad width", `interface S { a: bits<u8, 9>; b: bits<u32, W>; c: bits<u32, -1> }\ntype W = 3;\n`],
  ["unknown type name", `interface S { id: u32; x: c_lnog; y: Foo.Bar }\n`],
  ["library type", `interface S { id: u32; when: Date; r: Record<string, u8>; p: Promise<u8> }\n`],
  ["array length, alignment and arity", `type N = 4;\ninterface S { a: array<u8, N>; b: array<u8, 1.5>; c: aligned<u32, 0>; d: array<u8>; e: aligned<u32>; f: packed<u8, 2>; g: ptr<u8, u8> }\n`],
  ["bits, packed and union out of place", `interface T { x: u8 }\ninterface S { a: array<bits<u32, 3>, 2>; b: array<packed<u32>, 2>; c: union<T>; d: ptr<union<u8>> }\n`],
  ["computed, quoted and numeric field names", `const k = "a";\ninterface S { id: u8; [k]: u32; "ok_name": u8; "my-field": u32; 3: u8; [ "x" ]: u8 }\n`],
  ["field without annotation", `interface S {\n  id: u8;\n  x;\n}\n`],
  ["alias without C layout", `type Name = string;\ntype Cb = () => void;\ninterface S { id: u8; n: Name; c: Cb }\n`],
  ["merged declarations", `interface S { a: u8 }\ninterface S { b: u32 }\nenum E { A }\nenum E { B = 2 }\ninterface U { e: E; s: S }\n`],
  ["generic and extending interfaces", `interface Box<T> { id: u32; v: T }\ninterface Base { id: u32 }\ninterface D extends Base, Box<u8> { x: u8 }\n`],
  ["enum members without integer values", `enum E { A = 1, B = "b", C = 1.5, D, F = 1 / 0, G = NaN, H = \`t\${1}\`, I = "x".length, J, K = K, L = M, M = 3 }\ninterface S { e: E; id: u8 }\n`],
  ["local shadowing of a C type name", `type i32x = number;\ninterface S { a: u8; b: i32x }\n`],
  ["__typed inside a struct", `import type { __typed } from "@typedc/runtime";\ninterface T { a: u8 }\ninterface S { id: u8; t: __typed<T> }\n`],
  ["class and value names used as types", `class K { a = 1 }\nconst v = 1;\ninterface S { id: u8; k: K; v: v }\n`],
  ["qualified names that name no type", `enum E { A }\nclass K {}\ninterface I { a: u8 }\ninterface S { id: u8; a: E.A; b: E.Nope; c: K.X; d: I.a; e: Missing.X }\n`],
  ["cycle by value (checkDecls)", `interface A { b: B; n: u8 }\ninterface B { a: A }\ninterface C { self: C; id: u8 }\n`],
  ["unresolvable import", `import type { Task } from "./missing";\ninterface S { id: u32; t: ptr<Task> }\n`],
];

describe("extractDeclsBabel reports bad inputs as the TypeScript extractor does", () => {
  it.each(BAD)("%s", (_label, text) => {
    const { tsc, babel } = both({ "main.ts": IMPORTS + text });
    expect([...tsc.diagnostics, ...checkDecls(tsc.value)].length).toBeGreaterThan(0);
    expectSame(tsc, babel);
    expect(checkDecls(babel.value)).toEqual(checkDecls(tsc.value));
  });

  it("cycle by value: the shared checkDecls reports it for both", () => {
    const { tsc, babel } = both({ "main.ts": IMPORTS + `interface A { b: B; n: u8 }\ninterface B { a: A }\n` });
    const checked = checkDecls(babel.value);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked).toEqual(checkDecls(tsc.value));
  });

  it("errors inside an imported declaration are reported at their own file", () => {
    const { tsc, babel } = both({
      "main.ts": IMPORTS + `import type { Other } from "./other";\nimport type { Missing } from "./other";\ninterface S { id: u8; o: Other; m: Missing }\n`,
      "other.ts": `export interface Other { name: string }\n`,
    });
    expect(babel.diagnostics.map((d) => d.code).sort()).toEqual([1001, 1012]);
    expect(babel.diagnostics.find((d) => d.code === 1001)!.loc!.file).toMatch(/other\.ts$/);
    expectSame(tsc, babel);
  });

  it("a syntax error: code 1005 at the same place; Babel stops at the first one", () => {
    const { tsc, babel } = both({ "main.ts": IMPORTS + `interface S { id: u32; }\ninterface T { a: u8 b: }\n` });
    const first = (r: Result<DeclSet>) => r.diagnostics.map((d) => ({ code: d.code, loc: d.loc }))[0];
    expect(first(babel)).toEqual(first(tsc));
    expect(babel.diagnostics.map((d) => d.messageText)).toEqual(["';' expected."]);
    expect(tsc.diagnostics[0]!.messageText).toBe("';' expected.");
  });

  it("a syntax error in an imported module: its 1005 first, at the same place", () => {
    const { tsc, babel } = both({
      "main.ts": IMPORTS + `import type { Other } from "./other";\ninterface S { id: u8; o: Other }\n`,
      "other.ts": `import type { u8 } from "@typedc/runtime";\nexport interface Other { a: u8 b: u8 }\n`,
    });
    expect(babel.diagnostics).toHaveLength(1);
    expect(babel.diagnostics[0]).toEqual(tsc.diagnostics[0]);
    expect(babel.diagnostics[0]!.loc!.file).toMatch(/other\.ts$/);
  });

  it.each([
    [`interface S { a: u8 }\nlet x = ;\n`],
    [`interface S { a: array<u8 }\n`],
    [`enum E { A = 1 B }\n`],
    [`interface S { a: u8 }}\n`],
  ])("a syntax error at the same code and start: %j", (text) => {
    const { tsc, babel } = both({ "main.ts": IMPORTS + text });
    expect(babel.diagnostics).toHaveLength(1);
    expect(babel.diagnostics[0]!.code).toBe(1005);
    expect(babel.diagnostics[0]!.loc).toEqual(tsc.diagnostics[0]!.loc);
  });
});

describe("extractDeclsBabel's file cache", () => {
  it("reads a file again when its content changes", () => {
    const { names } = writeProject({ "m.ts": `import type { u8 } from "@typedc/runtime";\nexport interface A { x: u8 }\n` });
    const file = names["m.ts"]!;
    expect(Object.keys(extractDeclsBabel(file).value.types)).toEqual(["A"]);
    writeFileSync(file, `import type { u8 } from "@typedc/runtime";\nexport interface B { y: u8 }\n`);
    expect(Object.keys(extractDeclsBabel(file).value.types)).toEqual(["B"]);
  });

  it("reads through the readFile and resolve hooks", () => {
    const files: Record<string, string> = {
      "/virtual/main.ts": `import type { u8 } from "@typedc/runtime";\nimport type { T } from "types";\nexport interface A { t: T; x: u8 }\n`,
      "/virtual/types.ts": `import type { u16 } from "@typedc/runtime";\nexport interface T { y: u16 }\n`,
    };
    const r = extractDeclsBabel("/virtual/main.ts", { readFile: (f) => files[f], resolve: (spec) => (spec === "types" ? "/virtual/types.ts" : undefined) });
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.value.types)).toEqual(["A", "T"]);
  });
});
