/**
 * demo-compiled: `npm run demo` (compiled is the default; `--compiled` says so) — the
 * per-task code (demo/src/hot.ts) compiled by the tsc plugin's transformFiles — keeps
 * every invariant, and what it runs really is compiled code (compiled paths, no dynamic
 * view accessors).
 * Needs the built packages (packages/{core,runtime,tsc-plugin}/dist).
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, test } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsxCli = fileURLToPath(new URL("../node_modules/tsx/dist/cli.mjs", import.meta.url));
const dist = fileURLToPath(new URL("../packages/tsc-plugin/dist/index.js", import.meta.url));

beforeAll(() => {
  if (!existsSync(dist)) throw new Error("build the packages first: npx tsc -b packages/core packages/runtime packages/tsc-plugin");
});

test("the default (compiled): every invariant PASS with hot.ts compiled by the tsc plugin", async () => {
  const ran = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, [tsxCli, "demo/src/main.ts", "--workers", "2", "--iterations", "150", "--formats", "s390x-linux,x86_64-windows"], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    ),
  );
  expect(ran.stderr).toBe("");
  expect(ran.code).toBe(0);
  expect(ran.stdout).toMatch(/^compiled demo\/src\/hot\.ts with the typedc tsc plugin \(transformFiles\) in \d+ ms: \d+ modules in demo\/\.compiled$/m);
  expect(ran.stdout).toContain("compiled accesses (tsc plugin) on the per-task path");
  expect(ran.stdout.split("\n").filter((l) => l.startsWith("FAIL"))).toEqual([]);
  expect(ran.stdout).toContain("PASS every task accounted for exactly once: 450 tasks, 450 runs, none missing or repeated");
  expect(ran.stdout).toContain("PASS C kernel reads what TypeScript wrote");
  expect(ran.stdout).toMatch(/^RATIO message passing \/ typed shared memory = \d+\.\d\d/m);
  // The module the threads loaded is the plugin's output: compiled paths, not property accessors.
  const hot = readFileSync(new URL("../demo/.compiled/hot.js", import.meta.url), "utf8");
  expect(hot).toContain("__typedc$cpath(");
  expect(hot).toMatch(/\$dv\.setInt32\(/); // tasks[index].pid = pid: one DataView store
  // Paths are resolved once per call, before the batch loop, not per task.
  const writeTasks = /function writeTasks[\s\S]*?\n}/.exec(hot)?.[0] ?? "";
  expect(writeTasks.split("for (let i = 0")[1]).not.toContain("__typedc$cpath(");
}, 60_000);
