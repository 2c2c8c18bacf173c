/**
 * demo: `npm run demo` (demo/src/main.ts through tsx) run as a child process with
 * small parameters, its pieces in-process, and the committed tables it loads.
 * The demo's threads load the built packages (packages/{core,runtime}/dist).
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { beforeAll, describe, expect, test } from "vitest";
import { ABI_IDS, abiSpec, stringifyTables, tablesToJson } from "@typedc/core";
import { extractFromFiles } from "@typedc/tsc-plugin";
import { sameAsWasm32 } from "../demo/src/c-compat.ts";
import { accountedOnce } from "../demo/src/checks.ts";
import { chooseVictim } from "../demo/src/steal.ts";
import { loadDemoTypes } from "../demo/src/types.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsxCli = fileURLToPath(new URL("../node_modules/tsx/dist/cli.mjs", import.meta.url));
const dist = fileURLToPath(new URL("../packages/runtime/dist/index.js", import.meta.url));

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

// demo runs `tsx demo/src/main.ts ...args` from the repository root.
function demo(args: readonly string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsxCli, "demo/src/main.ts", ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(() => {
  if (!existsSync(dist)) throw new Error("build the packages first: npx tsc -b packages/core packages/runtime");
});

describe("npm run demo", () => {
  test("--dynamic, two workers and the C kernel: exit 0, every invariant PASS, a ratio line", async () => {
    const ran = await demo(["--dynamic", "--workers", "2", "--iterations", "150", "--formats", "i386-linux,s390x-linux"]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const lines = ran.stdout.split("\n");
    const pass = lines.filter((l) => l.startsWith("PASS "));
    expect(lines.filter((l) => l.startsWith("FAIL"))).toEqual([]);
    for (const what of [
      "every task accounted for exactly once",
      "counter totals exact",
      "run queues empty",
      "C kernel reads what TypeScript wrote",
      "TypeScript reads what the C kernel wrote",
      "no bytes changed outside the areas",
      "every descriptor reaped",
      "message passing: every task accounted for exactly once",
    ]) {
      expect(pass.some((l) => l.startsWith(`PASS ${what}:`)), what).toBe(true);
    }
    expect(ran.stdout).toContain("450 tasks, 450 runs, none missing or repeated");
    expect(ran.stdout).toMatch(/450 tasks; dynamic views;/);
    expect(ran.stdout).toMatch(/^RATIO message passing \/ typed shared memory = \d+\.\d\d \(shared memory [\d.]+ ms, message passing [\d.]+ ms, 450 tasks\)$/m);
    expect(ran.stdout).toMatch(/^CPU RATIO message passing \/ typed shared memory = \d+\.\d\d \(process CPU time, every thread: shared memory \d+ ms, message passing \d+ ms\)$/m);
    expect(ran.stdout).toMatch(/^== run with typed shared memory: [\d.]+ ms \(process CPU \d+ ms, every thread\)$/m);
    // Each worker reports its own format and sizeof(Task) in it against the published wasm32 one.
    expect(ran.stdout).toMatch(/worker 0 built for i386-linux +sizeof\(Task\) 52 +mine, 56 +published \(wasm32\): compatible/);
    expect(ran.stdout).toMatch(/worker 1 built for s390x-linux +sizeof\(Task\) 64 +mine, 56 +published \(wasm32\): compatible/);
    // Worker 0 created the counters with policy 'fastest' (docs/runtime.md): x86_64-linux is not among the
    // formats, i386-linux is not naturally aligned (4-aligned u64) and s390x-linux is big endian: wasm32.
    expect(ran.stdout).toMatch(/sched\.perf +area +worker 0 \[i386-linux\] +wasm32 .*policy 'fastest' among i386-linux,s390x-linux,wasm32/);
    expect(ran.stdout).toContain("C kernel counts with perf_add (C11 atomics) on sched.perf: yes");
  }, 60_000);

  test("--help lists the options; a bad option fails", async () => {
    const help = await demo(["--help"]);
    expect(help.code).toBe(0);
    for (const option of ["--workers", "--iterations", "--formats", "--strategy", "--perf-policy", "--dynamic", "--compiled", "--no-messages"]) expect(help.stdout).toContain(option);
    const bad = await demo(["--formats", "x86_64-linux,pdp11"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("unknown format pdp11");
  }, 30_000);
});

describe("demo pieces", () => {
  test("demo/tables.json is `typedc tables demo/src/kernel-types.ts --format all` of the current declarations", () => {
    const extracted = extractFromFiles(ts as never, [fileURLToPath(new URL("../demo/src/kernel-types.ts", import.meta.url))]);
    expect(extracted.diagnostics).toEqual([]);
    const fresh = stringifyTables(tablesToJson(extracted.value, ["Task", "PerfUnit", "RunQueue", "SchedStats"], ABI_IDS.map((id) => abiSpec(id))));
    expect(readFileSync(new URL("../demo/tables.json", import.meta.url), "utf8")).toBe(fresh);
  });

  test("the C kernel uses an area directly only when its layout is wasm32's", () => {
    const { PerfUnit, Task } = loadDemoTypes();
    expect(sameAsWasm32(PerfUnit["x86_64-linux"]!, PerfUnit.wasm32!)).toBe(true);
    expect(sameAsWasm32(PerfUnit["i386-linux"]!, PerfUnit.wasm32!)).toBe(true);
    expect(sameAsWasm32(PerfUnit["s390x-linux"]!, PerfUnit.wasm32!)).toBe(false); // big endian
    expect(sameAsWasm32(Task["armv7-linux"]!, Task.wasm32!)).toBe(true);
    expect(sameAsWasm32(Task["i386-linux"]!, Task.wasm32!)).toBe(false); // u64 4-aligned: 52 bytes
    expect(sameAsWasm32(Task["x86_64-windows"]!, Task.wasm32!)).toBe(false); // 8-byte pointer
  });

  test("stealing picks the busiest other unit, the slowest on a tie, nobody when all are empty", () => {
    expect(chooseVictim([{ queued: 3, events: 9 }, { queued: 0, events: 1 }, { queued: 7, events: 2 }], 1)).toBe(2);
    expect(chooseVictim([{ queued: 5, events: 9 }, { queued: 5, events: 4 }, { queued: 0, events: 0 }], 2)).toBe(1);
    expect(chooseVictim([{ queued: 9, events: 0 }, { queued: 0, events: 0 }], 0)).toBe(-1);
  });

  test("accounting finds missing, repeated and unknown tasks", () => {
    expect(accountedOnce([1, 2, 3], [[1, 3], [2]]).ok).toBe(true);
    const bad = accountedOnce([1, 2, 3], [[1, 1], [4]]);
    expect(bad.ok).toBe(false);
    expect(bad.detail).toBe("2 missing (2,3), 1 run twice (1), 1 unknown (4)");
  });
});
