/**
 * A CompiledRef read or written outside compiled code (compiled-ref.ts): a call typedc does not
 * follow (docs/compiler.md, "Known limits"), or plain JavaScript handed a compiled object. Its
 * members and elements throw TypedProtectionError 5133 with the access path instead of reading
 * `undefined` or making a stray property; everything else about the object stays as it was.
 * The program is compiled by both plugins and run.
 */
import { transformSync } from "@babel/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { TypedProtectionError, toPlain } from "@typedc/runtime";
import { transformFiles } from "@typedc/tsc-plugin";
import typedc from "../packages/babel-plugin/src/index.js";

const SOURCE = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, array } from "@typedc/runtime";
interface Task { pid: i32; prio: i32; tags: array<i32, 2> }
const tasks: __typed<array<Task, 4>> = __typed("uncompiled", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "x86_64-linux" });
function pick(i: number): __typed<Task> { return tasks[i]; }
function tagsOf(i: number): __typed<array<i32, 2>> { return tasks[i].tags; }
const make = () => pick;
// Compiled: pick's return type is known.
export function set(i: number, pid: number): __typed<Task> { const t = pick(i); t.pid = pid; t.tags[1] = pid * 2; return t; }
// Not compiled: g's type is what make() returns, which typedc does not follow.
export function unfollowed(i: number) { const g = make(); return g(i).pid; }
export function tags(i: number): __typed<array<i32, 2>> { return tagsOf(i); }
`;

const dir = mkdtempSync(join(__dirname, ".tmp-uncompiled-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "input.ts");
writeFileSync(file, SOURCE);

/** compiled is the program's ES module output by each plugin. */
function compiled(): Record<"tsc" | "babel", string> {
  const result = transformFiles({
    ts,
    fileNames: [file],
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
    options: { baseDir: dir },
  });
  expect(result.diagnostics.filter((d: { category: string }) => d.category === "error")).toEqual([]);
  const babel = transformSync(SOURCE, { filename: file, babelrc: false, configFile: false, sourceType: "module", plugins: [[typedc, { baseDir: dir }]], presets: ["@babel/preset-typescript"] })!.code!;
  return { tsc: result.outputs.get(file)!.js as string, babel };
}

const outputs = compiled();

/** expect5133 runs `f` and checks that it throws 5133 naming `path` read or written. */
function expect5133(f: () => unknown, path: string, how: "read" | "written"): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(TypedProtectionError);
  expect((error as TypedProtectionError).code).toBe(5133);
  expect((error as Error).message).toContain(`'${path}' was ${how} outside compiled code`);
}

describe.each(["tsc", "babel"] as const)("a compiled object outside compiled code (%s plugin)", (plugin) => {
  const load = async () => {
    const path = join(dir, `out.${plugin}.mjs`);
    writeFileSync(path, outputs[plugin]);
    return (await import(pathToFileURL(path).href)) as Record<string, (...args: number[]) => any>;
  };

  it("a member read through a call typedc does not follow throws 5133 with the path", async () => {
    const mod = await load();
    mod.set!(1, 7);
    expect5133(() => mod.unfollowed!(1), "tasks[i].pid", "read");
  });

  it("plain JavaScript given a CompiledRef: members and elements throw, the rest is an ordinary object", async () => {
    const mod = await load();
    const ref = mod.set!(2, 9);
    expect5133(() => ref.pid, "tasks[i].pid", "read");
    expect5133(() => (ref.prio = 3), "tasks[i].prio", "written");
    expect(Object.keys(ref)).not.toContain("prio"); // no stray property
    const tags = mod.tags!(2);
    expect5133(() => tags[1], "tasks[i].tags[1]", "read");
    expect5133(() => (tags[0] = 1), "tasks[i].tags[0]", "written");
    // What is not a member keeps its meaning: awaiting it, printing it, own properties, other names.
    expect(await Promise.resolve(ref)).toBe(ref);
    expect(String(ref)).toBe("[object Object]");
    expect(ref.nope).toBeUndefined();
    expect("pid" in ref).toBe(false);
    ref.note = "mine";
    expect(ref.note).toBe("mine");
    // The runtime's functions take it: the values are the ones compiled code wrote.
    expect(toPlain(ref)).toEqual({ pid: 9, prio: 0, tags: [0, 18] });
  });
});
