/**
 * Typed globals (docs/babel.md): a binding declared for every module (`declare global { var
 * tasks: __typed<…> }` in one module) and a global function declared to return `__typed<T>`.
 * The Babel plugin compiles one file at a time and follows another file's declaration only
 * through an import, so the tsc plugin (and `typedc build`, on the same transformer) must too,
 * although its checker knows the globals: every plugin emits the same code, which leaves the
 * accesses to the runtime's dynamic view (property accesses on the value `__typed` returned).
 * The same holds for the `declare global` module's own uses of the name. Both programs still
 * run: same results, same errors.
 */
import { transformSync } from "@babel/core";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { transformFiles } from "@typedc/tsc-plugin";
import typedc from "../packages/babel-plugin/src/index.js";
import { normaliseJs } from "./babel-front.ts";
import { runCli } from "./cli-helpers.js";
import { compilerOptions, writeProject } from "./cli-build-helpers.js";

const SETUP_TS = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, array } from "@typedc/runtime";
interface Task { pid: i32; prio: i32 }
declare global {
  var tasks: __typed<array<Task, 4>>;
  function taskAt(i: number): __typed<Task>;
}
globalThis.tasks = __typed<array<Task, 4>>("tasks", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "s390x-linux" });
(globalThis as any).taskAt = (i: number) => globalThis.tasks[i];
// A use in the declaring module itself: not in scope by the file's own scoping either.
export function bumpHere(): number {
  tasks[3].prio += 5;
  return tasks[3].prio;
}
`;
// Its first line names `__typed` so that tsc's file prefilter (may-be-typed.ts) does look at the file: the
// same output then comes from name resolution, not from a skipped file.
const MAIN_TS = `// tasks, taskAt: the __typed globals setup.ts declares, used without an import
export function run(): unknown[] {
  tasks[1].pid = 7;
  tasks[2].prio += 3;
  taskAt(0).pid = taskAt(1).pid * 2;
  let error = "";
  try { tasks[4].pid = 1; } catch (e) { error = (e as Error).name + ": " + (e as Error).message.replace(/^\\S+ /, ""); }
  return [tasks[1].pid, tasks[2].prio, tasks[0].pid, tasks.length, error];
}
`;

const dir = mkdtempSync(join(__dirname, ".tmp-babel-global-"));
let project: string | undefined;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (project !== undefined) rmSync(project, { recursive: true, force: true });
});
const files = { setup: join(dir, "setup.ts"), main: join(dir, "main.ts") };
writeFileSync(files.setup, SETUP_TS);
writeFileSync(files.main, MAIN_TS);

const babel = (file: string, code: string, baseDir: string) =>
  transformSync(code, { filename: file, babelrc: false, configFile: false, sourceType: "module", plugins: [[typedc, { baseDir }]], presets: [["@babel/preset-typescript", { allowDeclareFields: true }]] })!.code!;

/** runBoth imports a compiled setup module and main module (ES modules) and returns [run()'s result, bumpHere()'s]. */
async function runBoth(setupJs: string, mainJs: string, tag: string): Promise<unknown[]> {
  const setup = join(dir, `setup.${tag}.mjs`);
  const main = join(dir, `main.${tag}.mjs`);
  writeFileSync(setup, setupJs);
  writeFileSync(main, mainJs);
  const here = (await import(pathToFileURL(setup).href)).bumpHere();
  return [...(await import(pathToFileURL(main).href)).run(), here];
}

describe("typed globals declared with declare global", () => {
  const result = transformFiles({ ts, fileNames: [files.setup, files.main], compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, sourceMap: false }, options: { baseDir: dir } });
  const tscJs = (file: string) => result.outputs.get(file)!.js as string;

  it("the tsc plugin emits the same code as the Babel plugin: the accesses are left to the dynamic view", () => {
    expect(result.diagnostics.filter((d: { category: string }) => d.category === "error")).toEqual([]);
    for (const [file, code] of [[files.setup, SETUP_TS], [files.main, MAIN_TS]] as const) {
      expect(normaliseJs(tscJs(file))).toBe(normaliseJs(babel(file, code, dir)));
    }
    // Neither followed the globals (the checker knows them; a one-file front-end cannot).
    expect(tscJs(files.main)).not.toContain("__typedc");
    expect(tscJs(files.main)).toContain("tasks[1].pid = 7");
    expect(tscJs(files.main)).toContain("taskAt(0).pid = taskAt(1).pid * 2");
    expect(tscJs(files.setup)).toContain("tasks[3].prio += 5");
  });

  it("typedc build emits the same code as the Babel plugin", () => {
    project = writeProject({ "src/setup.ts": SETUP_TS, "src/main.ts": MAIN_TS }, compilerOptions());
    const r = runCli(["build"], project);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    for (const name of ["setup", "main"]) {
      const built = readFileSync(join(project, "out", `${name}.js`), "utf8");
      const source = name === "setup" ? SETUP_TS : MAIN_TS;
      expect(normaliseJs(built)).toBe(normaliseJs(babel(join(project, "src", `${name}.ts`), source, project)));
    }
  });

  it("both outputs run: same results, same errors", async () => {
    const fromTsc = await runBoth(tscJs(files.setup), tscJs(files.main), "tsc");
    const fromBabel = await runBoth(babel(files.setup, SETUP_TS, dir), babel(files.main, MAIN_TS, dir), "babel");
    expect(fromTsc.slice(0, 4)).toEqual([7, 3, 14, 4]);
    expect(fromTsc[4]).toMatch(/^TypedBoundsError: .*Index 4 is out of range for an array of 4 elements/);
    expect(fromTsc[5]).toBe(5);
    expect(fromBabel).toEqual(fromTsc);
  });
});
