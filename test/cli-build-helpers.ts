/**
 * Temporary TypeScript projects for the `typedc build`/`check`/`run` tests: a
 * tsconfig.json, sources, and node_modules linked to the workspace's so that
 * `@typedc/runtime` (and its declarations) resolve as in a user's project.
 */
import { spawn } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { writeTree } from "./cli-helpers.js";

/** CLI is the built command (`npx tsc -b packages/cli` first). */
export const CLI = join(__dirname, "..", "packages", "cli", "dist", "main.js");

/** DECLS_TS declares the struct the projects use. */
export const DECLS_TS = `import type { i32, u64, c_long, c_char, array } from "@typedc/runtime";
export interface Task { pid: i32; state: c_long; vruntime: u64; comm: array<c_char, 8> }
`;

/** MAIN_TS reads and writes typed memory through an imported declaration (and type-checks: no `__typed(...)` call). */
export const MAIN_TS = `import type { __typed, array } from "@typedc/runtime";
import type { Task } from "./decls.js";

export function bump(tasks: __typed<array<Task, 4>>, i: number): number {
  tasks[i].pid += 1;
  return tasks[i].pid;
}
`;

/** compilerOptions are the base options of the test projects (tsconfig spelling). */
export function compilerOptions(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, skipLibCheck: true, types: [], lib: ["es2022"], outDir: "out", rootDir: "src", ...extra };
}

/** writeProject writes a project (tsconfig.json from `options`, plus files) and links node_modules; returns its folder. */
export function writeProject(files: Readonly<Record<string, string>>, options: Record<string, unknown> = compilerOptions(), include: readonly string[] = ["src"]): string {
  const root = writeTree({ "tsconfig.json": JSON.stringify({ compilerOptions: options, include }, null, 2), ...files });
  symlinkSync(join(__dirname, "..", "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** Spawned is the outcome of one run of the built CLI. */
export interface Spawned {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** spawnCli runs the built CLI in `cwd` and collects its output. */
export function spawnCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
