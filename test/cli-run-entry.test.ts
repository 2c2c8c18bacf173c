/**
 * `typedc run` (the built command): a TypeScript program whose main thread creates
 * a typed area in one format and whose worker (started with `new URL("./worker.ts",
 * import.meta.url)`, so it needs the same module hooks) attaches to it asking for
 * another format and morphs; a bounds error reported at the `.ts` line and column
 * in its message and its source-mapped stack; typedc errors stop the load; exit
 * code and arguments pass through.
 */
import { describe, expect, it } from "vitest";
import { DECLS_TS, spawnCli, writeProject } from "./cli-build-helpers.js";

const MAIN_TS = `import { Worker } from "node:worker_threads";
import { __typed, TypedMemory, sizeof } from "@typedc/runtime";
import type { array } from "@typedc/runtime";
import type { Task } from "./decls";

const memory = TypedMemory.create({ bytes: 1 << 16 });
const tasks: __typed<array<Task, 4>> = __typed("tasks", { memory, format: "s390x-linux" });
tasks[1].pid = 41;
tasks[1].state = -7;
tasks[1].vruntime = 1000n;
const worker = new Worker(new URL("./worker.ts", import.meta.url), { workerData: memory.buffer });
worker.on("message", (fromWorker) => {
  const main = { format: memory.query("tasks")?.format, sizeofTask: sizeof(tasks[0]), pid: tasks[1].pid, vruntime: String(tasks[1].vruntime), pid2: tasks[2].pid };
  console.log(JSON.stringify({ main, worker: fromWorker, args: process.argv.slice(2) }));
  process.exitCode = 5;
});
worker.on("error", (e) => {
  console.error("worker failed:", e);
  process.exitCode = 1;
});
`;

const WORKER_TS = `import { parentPort, workerData } from "node:worker_threads";
import { __typed, TypedMemory, sizeof } from "@typedc/runtime";
import type { array } from "@typedc/runtime";
import type { Task } from "./decls.js";

const memory = TypedMemory.from(workerData as SharedArrayBuffer);
const tasks: __typed<array<Task, 4>> = __typed("tasks", { memory, format: "i386-linux", create: "never" });
tasks[1].pid += 1;
tasks[1].vruntime += 10n;
tasks[2].pid = 7;
parentPort!.postMessage({ format: memory.query("tasks")?.format, sizeofTask: sizeof(tasks[0]), pid: tasks[1].pid, state: tasks[1].state });
`;

const OOB_TS = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { array } from "@typedc/runtime";
import type { Task } from "./decls";
const memory = TypedMemory.create({ bytes: 1 << 16 });
const tasks: __typed<array<Task, 4>> = __typed("tasks", { memory, format: "x86_64-linux" });
let i = 4;
export const pid = tasks[i].pid;
`;

const BAD_TS = `import type { __typed } from "@typedc/runtime";
import type { Task } from "./decls";
export function f(t: __typed<Task>) {
  return t.nope;
}
console.log("should not run");
`;

/** CJS_TS is a CommonJS entry (no "type": "module") with a value import written without extension. */
const CJS_TS = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { array } from "@typedc/runtime";
import type { Task } from "./decls";
import { SLOT } from "./slot";
const slot = SLOT;
const tasks: __typed<array<Task, 4>> = __typed("tasks", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "mips-linux" });
tasks[slot].vruntime = 5n;
tasks[slot].vruntime *= 3n;
console.log(typeof require, typeof module, String(tasks[slot].vruntime));
`;

/** project writes an ES-module project ("type": "module") with the entry files. */
function project(files: Record<string, string>): string {
  const options = { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, skipLibCheck: true, types: [], lib: ["es2022"] }; // no @types/node: type errors do not stop a run, and the program builds faster
  return writeProject({ "package.json": '{ "type": "module" }\n', "src/decls.ts": DECLS_TS, ...files }, options);
}

describe.concurrent("typedc run", () => {
  it("runs a main thread and a worker built for another format over one area, with the program's arguments and exit code", async () => {
    const root = project({ "src/main.ts": MAIN_TS, "src/worker.ts": WORKER_TS });
    const r = await spawnCli(["run", "src/main.ts", "one", "--two"], root);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(5);
    expect(JSON.parse(r.stdout)).toEqual({
      // The worker asked for i386-linux (Task: 24 bytes there) and morphed to the creator's s390x-linux layout (32).
      main: { format: "s390x-linux", sizeofTask: 32, pid: 42, vruntime: "1010", pid2: 7 },
      worker: { format: "s390x-linux", sizeofTask: 32, pid: 42, state: -7 },
      args: ["one", "--two"],
    });
  });

  it("reports a bounds error at the .ts line and column, in the message and the source-mapped stack", async () => {
    const root = project({ "src/oob.ts": OOB_TS });
    const r = await spawnCli(["run", "src/oob.ts"], root);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("TypedBoundsError: src/oob.ts:7:20 tasks[4].pid: Index 4 is out of range for an array of 4 elements.");
    expect(r.stderr).toMatch(/^\s+at .*\/src\/oob\.ts:7:20\)?$/m);
  });

  it("stops before running a file with a typedc error, printed as tsc prints it", async () => {
    const root = project({ "src/bad.ts": BAD_TS });
    const r = await spawnCli(["run", "src/bad.ts"], root);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/src\/bad\.ts:4:12 - error TYPED1201: 'Task' has no member 'nope'\./);
  });

  it("runs CommonJS TypeScript by Node's rules, with extensionless imports of .ts files", async () => {
    const options = { target: "ES2022", strict: true, skipLibCheck: true, types: [], lib: ["es2022"] };
    const root = writeProject({ "package.json": "{}\n", "src/decls.ts": DECLS_TS, "src/slot.ts": "export const SLOT: number = 2;\n", "src/main.ts": CJS_TS }, options);
    const r = await spawnCli(["run", "src/main.ts"], root);
    expect(r).toEqual({ exitCode: 0, stdout: "function object 15\n", stderr: "" });
  });

  it("reports a missing entry (1109)", async () => {
    const root = project({});
    const missing = await spawnCli(["run", "src/none.ts"], root);
    expect(missing).toEqual({ exitCode: 1, stdout: "", stderr: "error TYPED1109: Cannot find entry file 'src/none.ts'.\n" });
  });
});
