/**
 * CommonJS output (`module: commonjs`): every reference the transformer emits to a
 * user binding must survive TypeScript's module transform, which rewrites an
 * imported `SLOT` to `slot_1.SLOT` and an exported `table` to `exports.table`. The
 * inline index check names the index four times, the ref opens name the binding:
 * each is a clone of a source identifier (file-state.ts cloneName), so each is
 * rewritten. The program is compiled (compiler API and `typedc build`) and run.
 * `typedc build` needs the built CLI: `npx tsc -b packages/cli`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { transformFiles } from "@typedc/tsc-plugin";
import { spawnCli, writeProject } from "./cli-build-helpers.js";

/** SLOT_TS exports plain values, a typed array, and a typed `let` that is rebound. */
const SLOT_TS = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, i64, array, ptr } from "@typedc/runtime";
export interface Task { pid: i32; big: i64; parent: ptr<Task> }
export const SLOT = 2;
export const VALUE = 41;
export const BIG = 5n;
export const table: __typed<array<Task, 4>> = __typed("table", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "s390x-linux" });
export const bytes = new Uint8Array(256);
export let cur: __typed<Task> = __typed.at(bytes, 0, { format: "s390x-linux" });
export function moveTo(k: number): number {
  const next: __typed<Task> = __typed.at(bytes, 24 * k, { format: "s390x-linux" });
  cur = next;
  cur.pid = k * 10 + SLOT;
  return cur.pid;
}
`;

/** MAIN_TS uses the imported values in index positions, assigned values, compound assignments, for-of, versioned loops and pointer writes. */
const MAIN_TS = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { array } from "@typedc/runtime";
import { SLOT, VALUE, BIG, table, moveTo, type Task } from "./slot";
import { SLOT as K } from "./slot";
export function run(): unknown[] {
  const tasks: __typed<array<Task, 4>> = __typed("tasks", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "x86_64-linux" });
  tasks[SLOT].pid = VALUE;
  tasks[K].pid += VALUE;
  tasks[SLOT].big = BIG;
  tasks[SLOT].big += BIG;
  tasks[SLOT].pid++;
  tasks[1].parent = tasks[SLOT];
  let sum = 0;
  for (const t of tasks) sum += t.pid + VALUE;
  for (const t of table) t.pid = VALUE + SLOT;
  table[SLOT].parent = table[K];
  let more = 0;
  for (let i = K; i < table.length; i++) more += table[i].pid;   // versioned: an imported start and root
  for (let i = 0; i < SLOT; i++) tasks[i].pid += VALUE;          // an imported bound: typed arrays, checked indices
  more += tasks[0].pid + tasks[1].pid;
  return [tasks[SLOT].pid, String(tasks[K].big), tasks[1].parent!.pid, sum, table[SLOT].parent!.pid, table[0].pid, moveTo(3), more];
}
`;

/** EXPECTED is what run() returns: pid 41 + 41 + 1, big 5 + 5, the sum over 4 tasks, the imported table's writes. */
const EXPECTED = [83, "10", 83, 83 + 4 * 41, 43, 43, 32, 43 + 43 + 41 + 41];

/** runMain runs `main.js` in a fresh Node process (the output's own `require`s) and returns run()'s result. */
function runMain(dir: string): unknown {
  const out = execFileSync(process.execPath, ["-e", "process.stdout.write(JSON.stringify(require('./main.js').run()))"], { cwd: dir, encoding: "utf8" });
  return JSON.parse(out);
}

/** BARE_IMPORT finds an imported name left bare (not `slot_1.SLOT`): at run time a ReferenceError. */
const BARE_IMPORT = /(?<![.\w$])(SLOT|VALUE|BIG|K|table|cur)\b(?!\$| *:)/;

describe("CommonJS output", () => {
  it("compiler API: imported and exported bindings are rewritten by the module transform, and the program runs", () => {
    const root = writeProject({ "src/slot.ts": SLOT_TS, "src/main.ts": MAIN_TS });
    const src = join(root, "src");
    const r = transformFiles({
      ts,
      fileNames: [join(src, "main.ts"), join(src, "slot.ts")],
      compilerOptions: { module: ts.ModuleKind.CommonJS, sourceMap: false },
      options: { formats: ["x86_64-linux", "s390x-linux"] },
    });
    expect(r.diagnostics).toEqual([]);
    const out = join(root, "cjs");
    mkdirSync(out);
    for (const [file, emitted] of r.outputs) writeFileSync(join(out, file.slice(src.length + 1).replace(/\.ts$/, ".js")), emitted.js);
    const main = readFileSync(join(out, "main.js"), "utf8");
    const slot = readFileSync(join(out, "slot.js"), "utf8");
    // The fast index check names the index four times: every copy is the module's property.
    expect(main).toContain("(slot_1.SLOT < tasks$length && slot_1.SLOT >= 0 && (slot_1.SLOT | 0) === slot_1.SLOT ? slot_1.SLOT : __typedc$ix(slot_1.SLOT,");
    expect(main).toContain("slot_2.SLOT < tasks$length");
    expect(main).toContain("__typedc$cref(slot_1.table)");
    expect(slot).toContain("__typedc$cref(exports.table)");
    expect(slot).toContain("(exports.cur = ");
    expect(slot).toContain("cur$r = __typedc$cref(exports.cur), exports.cur)");
    const code = (js: string) => js.split("\n").filter((l) => !/^(import|export|const __typedc\$types|exports\.\w+ = (exports\.\w+ = )*void 0)/.test(l) && !l.includes("require(")).join("\n");
    expect(code(main).replace(/"[^"]*"/g, '""')).not.toMatch(BARE_IMPORT);
    expect(runMain(out)).toEqual(EXPECTED);
  }, 20_000);

  it("typedc build -p with module commonjs: the output runs", async () => {
    const root = writeProject(
      { "src/slot.ts": SLOT_TS, "src/main.ts": MAIN_TS },
      { target: "ES2022", module: "commonjs", strict: true, skipLibCheck: true, types: [], lib: ["es2022"], outDir: "out", rootDir: "src" },
    );
    const r = await spawnCli(["build", "-p", "tsconfig.json"], root);
    expect(r.stderr + r.stdout).not.toContain("error");
    expect(r.exitCode).toBe(0);
    expect(readFileSync(join(root, "out", "main.js"), "utf8")).toContain("__typedc$cref(slot_1.table)");
    expect(runMain(join(root, "out"))).toEqual(EXPECTED);
  }, 20_000);
});
