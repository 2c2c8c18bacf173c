/**
 * Four places where the Babel plugin, without a checker, used to compile differently from the
 * tsc plugin (the tsc behaviour is the reference). Each case compiles the same project with
 * both plugins, compares every file's output (test/babel-front.ts's normalisation), and runs
 * both outputs: same results, same errors.
 *
 * 1. An imported typed binding is named in compiled code by its local import name
 *    (`import { ltasks as lt }`, `export { t as u }`, a default import), not by the exporter's
 *    name, which is not in scope in the importer (a ReferenceError at run time).
 * 2. `export *` never re-exports `default` (ES modules): `import d from "./b"` where b only has
 *    `export * from "./a"` names no declaration of a.
 * 3. A `var` declared in a namespace (maybe in a block of it) is in scope in the namespace.
 * 4. `this.x` in a static member (method, property initializer, static block) is the class,
 *    not an instance: an instance property of the same name does not make it typed.
 */
import { transformSync } from "@babel/core";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { transformFiles } from "@typedc/tsc-plugin";
import typedc from "../packages/babel-plugin/src/index.js";
import { normaliseJs } from "./babel-front.ts";

const HEADER = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, array } from "@typedc/runtime";
export interface Task { pid: i32; prio: i32 }
const memory = TypedMemory.create({ bytes: 1 << 16 });
`;

const root = mkdtempSync(join(__dirname, ".tmp-babel-parity-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Compiled is one project compiled by both plugins: each file's ES module output, by plugin. */
interface Compiled {
  readonly dir: string;
  readonly names: readonly string[];
  readonly tsc: Map<string, string>;
  readonly babel: Map<string, string>;
}

/** compile writes a project's files (name → TypeScript source) and compiles them with the tsc plugin (one program) and the Babel plugin (file by file). */
function compile(project: string, sources: Record<string, string>): Compiled {
  const dir = join(root, project);
  mkdirSync(dir);
  const names = Object.keys(sources);
  for (const name of names) writeFileSync(join(dir, `${name}.ts`), sources[name]!);
  const result = transformFiles({
    ts,
    fileNames: names.map((n) => join(dir, `${n}.ts`)),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, sourceMap: false },
    options: { baseDir: dir },
  });
  expect(result.diagnostics.filter((d: { category: string }) => d.category === "error")).toEqual([]);
  const tsc = new Map<string, string>();
  const babel = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, `${name}.ts`);
    tsc.set(name, result.outputs.get(file)!.js as string);
    const out = transformSync(sources[name]!, {
      filename: file,
      babelrc: false,
      configFile: false,
      sourceType: "module",
      plugins: [[typedc, { baseDir: dir }]],
      presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
    });
    babel.set(name, out!.code!);
  }
  return { dir, names, tsc, babel };
}

/** expectSameOutputs compares each file's two outputs, normalised. */
function expectSameOutputs(c: Compiled): void {
  for (const name of c.names) expect({ name, js: normaliseJs(c.babel.get(name)!) }).toEqual({ name, js: normaliseJs(c.tsc.get(name)!) });
}

/**
 * babelThroughTs is a file's Babel output with TypeScript's syntax kept (the typedc plugin
 * without preset-typescript), then lowered by `ts.transpileModule`: for code that
 * preset-typescript lowers differently from TypeScript (a namespace becomes `let N; (function
 * (_N) {…})`, TypeScript's `var N; (function (N) {…})`), so that only typedc's part differs.
 */
function babelThroughTs(c: Compiled, name: string, source: string): string {
  const out = transformSync(source, {
    filename: join(c.dir, `${name}.ts`),
    babelrc: false,
    configFile: false,
    sourceType: "module",
    plugins: [[typedc, { baseDir: c.dir }], "@babel/plugin-syntax-typescript"],
  })!.code!;
  return ts.transpileModule(out, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

/** relinked rewrites the project's relative imports (`"./a"`) to the files written for one plugin. */
function relinked(js: string, names: readonly string[], tag: string, ext: string): string {
  let out = js;
  for (const n of names) out = out.replaceAll(`"./${n}"`, `"./${n}.${tag}.${ext}"`);
  return out;
}

/** runEsm writes one plugin's outputs as ES modules and imports `entry`. */
async function runEsm(c: Compiled, which: "tsc" | "babel", entry: string): Promise<Record<string, any>> {
  for (const n of c.names) writeFileSync(join(c.dir, `${n}.${which}.mjs`), relinked(c[which].get(n)!, c.names, which, "mjs"));
  return import(pathToFileURL(join(c.dir, `${entry}.${which}.mjs`)).href);
}

/** runCjs writes one plugin's outputs as CommonJS (the same ES module → CommonJS conversion for both) and requires `entry`. */
function runCjs(c: Compiled, which: "tsc" | "babel", entry: string): Record<string, any> {
  for (const n of c.names) {
    const cjs = ts.transpileModule(c[which].get(n)!, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    writeFileSync(join(c.dir, `${n}.${which}.cjs`), relinked(cjs, c.names, which, "cjs"));
  }
  return createRequire(join(c.dir, "entry.cjs"))(join(c.dir, `${entry}.${which}.cjs`));
}

describe("1: an imported typed binding is named by its local import name", () => {
  const c = compile("import-names", {
    a: `${HEADER}export let ltasks: __typed<array<Task, 4>> = __typed<array<Task, 4>>("lt", { memory });
const t: __typed<array<Task, 4>> = __typed<array<Task, 4>>("t", { memory });
export { t as u };
export default t;
/** The exporter's own view of both areas, compiled with its own names. */
export function read(): number[] { return [ltasks[1].pid, t[2].prio, t[3].pid]; }
`,
    main: `import { ltasks as lt, u, read } from "./a";
export function run(): number[] {
  lt[1].pid = 5;
  lt[1].pid += 1;
  u[2].prio = 7;
  return [lt[1].pid, u[2].prio, ...read()];
}
`,
    other: `import first from "./a";
export function run(): number { first[3].pid = 11; return first[3].pid; }
`,
  });

  it("both plugins emit the same code, which names the binding as the importer does", () => {
    expectSameOutputs(c);
    expect(c.tsc.get("main")).toContain("__typedc$cref(lt)");
    expect(c.tsc.get("main")).toContain("__typedc$cref(u)");
    expect(c.tsc.get("other")).toContain("__typedc$cref(first)");
    for (const name of ["main", "other"]) expect(c.babel.get(name)).not.toMatch(/cref\((ltasks|t)\)/);
  });

  it("both outputs run and read and write the exporter's memory", async () => {
    for (const which of ["tsc", "babel"] as const) {
      const main = await runEsm(c, which, "main");
      const other = await import(pathToFileURL(join(c.dir, `other.${which}.mjs`)).href);
      const a = await import(pathToFileURL(join(c.dir, `a.${which}.mjs`)).href);
      expect({ which, main: main.run(), other: other.run(), read: a.read() }).toEqual({ which, main: [6, 7, 6, 7, 0], other: 11, read: [6, 7, 11] });
    }
  });
});

describe("2: export * does not re-export default", () => {
  const c = compile("star-default", {
    a: `${HEADER}const tasks: __typed<array<Task, 4>> = __typed<array<Task, 4>>("tasks", { memory });
export default tasks;
export function pick(i: number): __typed<Task> { return tasks[i]; }
export function read(): number { return tasks[1].pid; }
`,
    b: `export * from "./a";
`,
    // \`d\` names nothing (TypeScript reports TS1192; an ES module would not link): neither plugin follows it.
    main: `import d, { pick, read } from "./b";
export function run(): unknown[] {
  pick(2).pid = 4;
  let error = "";
  try { d[1].pid = 3; } catch (e) { error = (e as Error).name; }
  return [error, read(), pick(2).pid];
}
`,
  });

  it("both plugins emit the same code: d is left alone, pick is followed through b", () => {
    expectSameOutputs(c);
    expect(c.tsc.get("main")).toContain("d[1].pid = 3");
    expect(c.tsc.get("main")).toContain('"pick().pid"');
  });

  it("both outputs run (as CommonJS, where d is undefined): same results, same errors", () => {
    for (const which of ["tsc", "babel"] as const) expect({ which, run: runCjs(c, which, "main").run() }).toEqual({ which, run: ["TypeError", 0, 4] });
  });
});

describe("3: a var of a namespace", () => {
  const source = `${HEADER}export namespace N {
  var t = __typed<Task>("n.t", { memory });
  t.pid = 1;
  if (t.pid > 0) { var u = __typed<Task>("n.u", { memory }); }
  u.prio = t.pid + 1;
  export function read(): number[] { t.pid += 10; return [t.pid, u.prio]; }
}
`;
  const c = compile("namespace-var", { main: source });

  it("both plugins emit the same code: the namespace's accesses are compiled", () => {
    expect(normaliseJs(babelThroughTs(c, "main", source))).toBe(normaliseJs(c.tsc.get("main")!));
    for (const js of [c.tsc.get("main")!, c.babel.get("main")!]) {
      expect(js).toContain("var t$r = __typedc$cref(t)");
      expect(js).toContain("var u$r = __typedc$cref(u)");
      expect(js).not.toContain("t.pid = 1");
      expect(js).not.toContain("u.prio = ");
    }
  });

  it("both outputs run", async () => {
    for (const which of ["tsc", "babel"] as const) expect({ which, read: (await runEsm(c, which, "main")).N.read() }).toEqual({ which, read: [11, 2] });
  });
});

describe("4: this.x in a static member is not the instance property x", () => {
  const c = compile("static-this", {
    main: `${HEADER}export class C {
  tasks: __typed<array<Task, 4>> = __typed<array<Task, 4>>("c", { memory });
  static tasks = [{ pid: 40 }, { pid: 41 }];
  static first = this.tasks[0].pid;
  static second = 0;
  static { this.second = this.tasks[1].pid; }
  static pidAt(i: number): number { return this.tasks[i].pid; }
  static later(i: number): () => number { return () => this.tasks[i].pid; }
  pidAt(i: number): number { this.tasks[i].pid = 7 * i; return this.tasks[i].pid; }
}
`,
  });

  it("both plugins emit the same code: only the instance method's accesses are compiled", () => {
    expectSameOutputs(c);
    expect(c.tsc.get("main")).toContain('"this.tasks[#].pid"');
    for (const left of ["static first = this.tasks[0].pid;", "static { this.second = this.tasks[1].pid; }", "static pidAt(i) { return this.tasks[i].pid; }", "static later(i) { return () => this.tasks[i].pid; }"]) {
      expect(c.tsc.get("main")).toContain(left);
    }
  });

  it("both outputs run: the static members read the static array", async () => {
    for (const which of ["tsc", "babel"] as const) {
      const { C } = await runEsm(c, which, "main");
      expect({ which, run: [C.first, C.second, C.pidAt(1), C.later(0)(), new C().pidAt(3)] }).toEqual({ which, run: [40, 41, 41, 40, 21] });
    }
  });
});
