/**
 * Calls through function-type aliases and callable interfaces (docs/compiler.md, "Known limits"):
 * the scoping cases the fixtures do not show, compiled by both plugins. Each project must give
 * the same diagnostics (code, file, place, text) and the same code in the tsc plugin (compiler
 * API, TypeScript 6.0) and the Babel plugin, and the codes expected here: a call is followed
 * (no diagnostic, the output reads the field through the call's result) or reported (1218).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "@typedc/core";
import { normaliseJs, runBabel } from "./babel-front.ts";
import { runCompilerApi } from "./fixtures-run.ts";
import type { Fixture } from "./fixtures-helpers.ts";

const HEADER = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, array } from "@typedc/runtime";
export interface Task { pid: i32 }
export const tasks: __typed<array<Task, 4>> = __typed("calls", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "x86_64-linux" });
export function pick(i: number): __typed<Task> { return tasks[i]; }
`;

const root = mkdtempSync(join(__dirname, ".tmp-alias-calls-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Both is what each plugin made of a project's input.ts: its code and its diagnostics (code, file, start, text). */
interface Both {
  readonly tsc: { readonly js?: string; readonly diagnostics: readonly string[] };
  readonly babel: { readonly js?: string; readonly diagnostics: readonly string[] };
}

/** compile writes a project (file name → source; `input` is compiled) and compiles input.ts with both plugins. */
function compile(project: string, sources: Record<string, string>): Both {
  const dir = join(root, project);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, `${name}.ts`), text);
  const fx: Fixture = { name: project, dir, input: join(dir, "input.ts"), options: { formats: ["x86_64-linux"] } };
  const show = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${(d.loc?.file ?? "").slice(dir.length)}:${d.loc?.start} ${d.messageText}`);
  const tsc = runCompilerApi(ts, fx);
  const babel = runBabel(fx, sources.input!);
  return {
    tsc: { js: tsc.js === undefined ? undefined : normaliseJs(tsc.js), diagnostics: show(tsc.diagnostics) },
    babel: { js: babel.js, diagnostics: show(babel.diagnostics) },
  };
}

/** codesOf is the typedc codes reported, in order. */
function codesOf(both: Both): number[] {
  return both.tsc.diagnostics.map((d) => Number(d.split(" ")[0]));
}

/** expectSame compares the two plugins' diagnostics and (without errors, unless `sameJs` is false) their code. */
function expectSame(both: Both, sameJs = true): void {
  expect(both.babel.diagnostics).toEqual(both.tsc.diagnostics);
  // With errors a file has no output (the Babel plugin leaves it as it was).
  if (sameJs && both.tsc.diagnostics.length === 0) expect(both.babel.js).toEqual(both.tsc.js);
}

describe("calls through aliases and interfaces: both plugins, same scoping", () => {
  it("follows a local alias that shadows a module one of the same name", () => {
    const both = compile("local-shadow", {
      input: `${HEADER}
type Get = (i: number) => number;
export function local(i: number) {
  type Get = (i: number) => __typed<Task>;
  const get: Get = pick;
  return get(i).pid;
}
export function outer(get: Get) { return get(0).toFixed(); }
`,
    });
    expectSame(both);
    expect(codesOf(both)).toEqual([]);
    expect(both.tsc.js).toMatch(/__typedc\$cref\(get\(i\)\)/);
  });

  it("follows an alias declared in a namespace, inside it and through its name", () => {
    const both = compile("namespace", {
      input: `${HEADER}
export namespace N {
  export type Get = (i: number) => __typed<Task>;
  export function inside(get: Get) { return get(0).pid; }
}
export function outside(get: N.Get) { return get(1).pid; }
`,
    });
    // TypeScript and preset-typescript lower a namespace differently (`var N`, `_N`): the typed code is compared.
    expectSame(both, false);
    expect(codesOf(both)).toEqual([]);
    for (const js of [both.tsc.js, both.babel.js]) {
      expect(js).toMatch(/__typedc\$cref\(get\(0\)\), __typedc\$r_i32/);
      expect(js).toMatch(/__typedc\$cref\(get\(1\)\), __typedc\$r_i32/);
    }
  });

  it("follows an interface imported through `export *` and a namespace import", () => {
    const both = compile("namespace-import", {
      shapes: `import type { __typed } from "@typedc/runtime";
import type { Task } from "./input";
export interface Picker { (i: number): __typed<Task> }
`,
      all: `export * from "./shapes";\n`,
      input: `${HEADER}
import type * as s from "./all";
export function viaNamespace(get: s.Picker) { return get(2).pid; }
`,
    });
    expectSame(both);
    expect(codesOf(both)).toEqual([]);
    expect(both.tsc.js).toMatch(/__typedc\$cref\(get\(2\)\)/);
  });

  it("reports a call through a type parameter whose constraint returns __typed, and not one without", () => {
    const both = compile("type-parameter", {
      input: `${HEADER}
type Get = (i: number) => __typed<Task>;
export function constrained<G extends Get>(get: G) { return get(0).pid; }
export function shadowing<Get>(get: Get) { return get; }
`,
    });
    expectSame(both);
    expect(codesOf(both)).toEqual([1218]);
  });

  it("gives no shape to a cycle of aliases (a TypeScript error) and a name that does not resolve", () => {
    const both = compile("cycle", {
      input: `${HEADER}
type A = B;
type B = A;
export function cyclic(get: A) { return get; }
export function unknown(get: Missing) { return get(0); }
`,
    });
    expectSame(both);
    expect(codesOf(both)).toEqual([]);
  });

  it("reports 1217 for a class property typed by an imported generic alias, at the reference", () => {
    const both = compile("class-property", {
      shapes: `import type { __typed } from "@typedc/runtime";
export type Get<T> = (i: number) => __typed<T>;
`,
      input: `${HEADER}
import type { Get } from "./shapes";
export class Pool { declare get: Get<Task>; }
`,
    });
    expectSame(both);
    expect(both.tsc.diagnostics).toEqual([expect.stringMatching(/^1217 \/input\.ts:\d+ 'get' returns '__typed<T>'/)]);
  });

  it("follows a variable without an annotation that holds an imported function, through an imported one too", () => {
    const both = compile("held-imported", {
      held: `import { pick } from "./input";
export const fetch = pick;
export const generic = <G extends (i: number) => unknown>(g: G) => g;
`,
      input: `${HEADER}
import { fetch, generic } from "./held";
const again = fetch;
export function viaHeld(i: number) { return again(i).pid + fetch(i).pid; }
export function notHeld(i: number) { const g = generic(pick); return g(i); }
`,
    });
    expectSame(both);
    expect(codesOf(both)).toEqual([]);
    expect(both.tsc.js).toMatch(/__typedc\$cref\(again\(i\)\)/);
    expect(both.tsc.js).toMatch(/__typedc\$cref\(fetch\(i\)\)/);
    // `generic(pick)` is a call, not a name: `g` is not followed (and nothing of it is accessed).
    expect(both.tsc.js).toContain("return g(i);");
  });
});
