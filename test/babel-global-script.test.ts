/**
 * The one place the Babel plugin sees less than the tsc plugin (docs/babel.md): a typed global
 * declared for every module (`declare global { var tasks: __typed<…> }` in one module). tsc
 * compiles its accesses in the other modules; Babel, compiling one file at a time, leaves them
 * as property accesses on the value, a dynamic view. Both programs must compute the same
 * results and throw the same errors.
 */
import { transformSync } from "@babel/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { transformFiles } from "@typedc/tsc-plugin";
import typedc from "../packages/babel-plugin/src/index.js";

const SETUP_TS = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, array } from "@typedc/runtime";
interface Task { pid: i32; prio: i32 }
declare global {
  var tasks: __typed<array<Task, 4>>;
}
globalThis.tasks = __typed<array<Task, 4>>("tasks", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "s390x-linux" });
`;
const MAIN_TS = `// tasks: the __typed global setup.ts declares (this line also makes tsc's file prefilter look here)
export function run(): unknown[] {
  tasks[1].pid = 7;
  tasks[2].prio += 3;
  let error = "";
  try { tasks[4].pid = 1; } catch (e) { error = (e as Error).name + ": " + (e as Error).message.replace(/^\\S+ /, ""); }
  return [tasks[1].pid, tasks[2].prio, tasks.length, error];
}
`;

const dir = mkdtempSync(join(__dirname, ".tmp-babel-global-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = { setup: join(dir, "setup.ts"), main: join(dir, "main.ts") };
writeFileSync(files.setup, SETUP_TS);
writeFileSync(files.main, MAIN_TS);

/** runBoth imports a compiled setup module and main module (ES modules) and returns run()'s result. */
async function runBoth(setupJs: string, mainJs: string, tag: string): Promise<unknown[]> {
  const setup = join(dir, `setup.${tag}.mjs`);
  const main = join(dir, `main.${tag}.mjs`);
  writeFileSync(setup, setupJs);
  writeFileSync(main, mainJs);
  await import(pathToFileURL(setup).href);
  return (await import(pathToFileURL(main).href)).run();
}

describe("a typed global declared with declare global", () => {
  it("tsc compiles its accesses; Babel leaves them to the dynamic view; the results and errors are the same", async () => {
    const result = transformFiles({ ts, fileNames: [files.setup, files.main], compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, sourceMap: false }, options: { baseDir: dir } });
    expect(result.diagnostics.filter((d: { category: string }) => d.category === "error")).toEqual([]);
    const tscMain = result.outputs.get(files.main)!.js as string;
    expect(tscMain).toContain("__typedc$cref(tasks)"); // the checker found the global: compiled accesses, the ref opened at each (a global may be reassigned)
    expect(tscMain).not.toContain("tasks[1].pid = 7");
    const babel = (file: string, code: string) => transformSync(code, { filename: file, babelrc: false, configFile: false, sourceType: "module", plugins: [typedc], presets: [["@babel/preset-typescript", { allowDeclareFields: true }]] })!.code!;
    const babelMain = babel(files.main, MAIN_TS);
    expect(babelMain).not.toContain("__typedc"); // Babel does not see it: plain property accesses
    expect(babelMain).toContain("tasks[1].pid = 7");
    const fromTsc = await runBoth(result.outputs.get(files.setup)!.js as string, tscMain, "tsc");
    const fromBabel = await runBoth(babel(files.setup, SETUP_TS), babelMain, "babel");
    expect(fromTsc.slice(0, 3)).toEqual([7, 3, 4]);
    expect(fromBabel.slice(0, 3)).toEqual([7, 3, 4]);
    expect(fromTsc[3]).toMatch(/^TypedBoundsError: .*tasks\[4\]\.pid: Index 4 is out of range for an array of 4 elements/);
    expect(fromBabel[3]).toMatch(/^TypedBoundsError: .*Index 4 is out of range for an array of 4 elements/);
  });
});
