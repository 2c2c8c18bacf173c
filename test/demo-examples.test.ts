/**
 * demo-examples: the README tour's examples (examples/*.ts) run as they are, with tsx
 * in a child process, and print what the fixtures and the C kernel say they must.
 * They load the built packages (packages/{core,runtime}/dist).
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { beforeAll, describe, expect, test } from "vitest";
import { abiSpec, ABI_IDS, stringifyTables, tablesToJson, type AbiId } from "@typedc/core";
import { extractFromFiles } from "@typedc/tsc-plugin";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsxCli = fileURLToPath(new URL("../node_modules/tsx/dist/cli.mjs", import.meta.url));
const dist = fileURLToPath(new URL("../packages/runtime/dist/index.js", import.meta.url));

// example runs `tsx examples/<name>.ts` and resolves with its stdout (rejects on a non-zero exit or stderr).
function example(name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [tsxCli, `examples/${name}.ts`], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error || stderr !== "") reject(new Error(`${name}: ${error?.message ?? ""}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

beforeAll(() => {
  if (!existsSync(dist)) throw new Error("build the packages first: npx tsc -b packages/core packages/runtime");
});

describe("README tour examples", () => {
  test("worker-pool: three workers in three formats share 64 Jobs published in i386-linux", async () => {
    const out = await example("worker-pool");
    expect(out).toContain("main: pool.jobs is 2816 bytes in i386-linux"); // 64 × 44
    const workers = [...out.matchAll(/^worker (\d) \((\S+)\): sizeof\(Job\) (\d+) mine, (\d+) published; ran (\d+) jobs$/gm)];
    expect(workers.map((m) => [m[2], Number(m[3]), Number(m[4])])).toEqual([
      ["x86_64-linux", 56, 44],
      ["s390x-linux", 56, 44],
      ["x86_64-windows", 44, 44],
    ]);
    expect(workers.reduce((n, m) => n + Number(m[5]), 0)).toBe(64);
    // Σ_{n<512} n² = 44608256: every job's sum of squares, written through morphing views, read back by main.
    expect(out).toMatch(/^main: 64 jobs done by [1-3] workers, total 44608256$/m);
  }, 30_000);

  test("read-armv7: the ARM program's records, read in place, equal what the program printed", async () => {
    const out = await example("read-armv7");
    const fixture = JSON.parse(readFileSync(new URL("../fixtures/interop/armv7-linux/records.json", import.meta.url), "utf8"));
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe("1040 bytes = 5 × sizeof(Rec) 208 (armv7-linux)");
    const records = lines.slice(1, 6).map((l) => JSON.parse(l));
    records.forEach((r, i) => {
      const want = fixture.records[i];
      const name = Array.from({ length: 6 }, (_, k) => want[`name[${k}]`]).filter((c: number) => c !== 0).map((c: number) => String.fromCharCode(c)).join("");
      expect(r).toEqual({ id: want.id, c: want.c, lg: want.lg, d: want.d, wc: want.wc, wide: want["bits.wide"], packed: want["pk.value"], name });
    });
    expect(records[2].c).toBe(139); // plain char is unsigned on ARM
    expect(lines[6]).toBe("next chain from record 0: 0 -> 1 -> 2 -> 3 -> 4");
  }, 30_000);

  test("wasm-c: C scans the tasks TypeScript wrote into its memory; TypeScript reads what C wrote", async () => {
    const out = await example("wasm-c");
    // kernel.c: a runnable task gains (256 - prio) * 1000 of vruntime and half of it as sum_exec_ns.
    expect(out.trim().split("\n")).toEqual([
      "C scan_tasks: 2 runnable; summary: runnable 2, min_vruntime_pid 42, max_depth 1, total_vruntime 256000",
      "  pid 1 init: vruntime 136000, sum_exec_ns 68000, nr_scans 1, parent none",
      "  pid 2 kthreadd: vruntime 1000, sum_exec_ns 0, nr_scans 1, parent 1",
      "  pid 42 sh: vruntime 119000, sum_exec_ns 58500, nr_scans 1, parent 1",
    ]);
  }, 30_000);

  test("the committed tables are `typedc tables` of the current declarations", () => {
    const tables = (file: string, names: string[], formats: readonly AbiId[]) => {
      const extracted = extractFromFiles(ts as never, [fileURLToPath(new URL(`../${file}`, import.meta.url))]);
      expect(extracted.diagnostics).toEqual([]);
      return stringifyTables(tablesToJson(extracted.value, names, formats.map((id) => abiSpec(id))));
    };
    const committed = (file: string) => readFileSync(new URL(`../examples/${file}`, import.meta.url), "utf8");
    expect(committed("pool.tables.json")).toBe(tables("examples/pool-types.ts", ["Job", "PoolControl"], ABI_IDS));
    expect(committed("records-armv7.tables.json")).toBe(tables("interop/producers/records.ts", ["Rec"], ["armv7-linux"]));
    expect(committed("kernel-wasm32.tables.json")).toBe(tables("interop/wasm/kernel.ts", ["Task", "SchedStats"], ["wasm32"]));
  }, 30_000);
});
