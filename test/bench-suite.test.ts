/**
 * The benchmark suite (scripts/bench/suite, issue #7) in its tiny mode: every
 * implementation verifies against the limit and results.json has the documented
 * shape. Also: a wrong implementation is reported as an error row, never timed.
 * Spawns the suite under tsx (it uses the built packages, like the CLI tests).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadModel } from "../scripts/bench/suite/model.js";
import { makeContext } from "../scripts/bench/suite/context.js";
import { runRecordWorkloads } from "../scripts/bench/suite/records.js";
import { limitDataView } from "../scripts/bench/suite/impls/limit-dataview.js";
import { median } from "../scripts/bench/suite/timing.js";
import type { Impl, ImplFactory } from "../scripts/bench/suite/impl.js";

const ROOT = path.resolve(__dirname, "..");
const RECORD_IMPLS = [
  "limit-dataview", "handwritten-typedarrays", "handwritten-dataview-arg", "typedc-table", "typedc-table-unchecked", "typedc-codegen", "typedc-precompiled",
  "typedc-dynamic-view", "plain-objects", "structurae", "buffer-backed-object", "typed-struct", "restructure", "koffi",
];

describe("bench suite, tiny mode", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "typedc-bench-test-"));
  const run = spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/bench/suite/main.ts", "--mode", "tiny", "--out", out], { cwd: ROOT, encoding: "utf8" });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("exits 0: no implementation failed its verification", () => {
    expect(run.stderr).not.toMatch(/FAILED/);
    expect(run.status).toBe(0);
  });

  it("writes results.json with machine, node, date and every workload's rows", () => {
    const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    expect(results.machine).toMatchObject({ cpu: expect.any(String), cores: expect.any(Number), memoryGiB: expect.any(Number), os: expect.any(String) });
    expect(results.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(results.date))).toBe(false);
    expect(Object.keys(results.workloads)).toEqual(["W1", "W2", "W3", "W4", "W5", "W6"]);
    for (const w of ["W1", "W2", "W3"]) {
      expect(Object.keys(results.workloads[w]).sort()).toEqual([...RECORD_IMPLS].sort());
      for (const [id, row] of Object.entries<any>(results.workloads[w])) {
        if (row.notAvailable !== undefined) {
          expect(id).toBe("typedc-precompiled");
          continue;
        }
        expect(row.error).toBeUndefined();
        expect(row.medianMs).toBeGreaterThan(0);
        expect(row.ratioToLimit).toBeGreaterThan(0);
      }
      expect(results.workloads[w]["limit-dataview"].ratioToLimit).toBe(1);
    }
    expect(Object.keys(results.workloads.W4).sort()).toEqual(["postmessage-objects", "transfer-arraybuffer", "typedc-shared-memory"]);
    expect(Object.keys(results.workloads.W5).sort()).toEqual(
      ["limit-dataview", "typedc-convert", "typedc-morph", "typedc-native"].flatMap((k) => [`${k}@1k`, `${k}@2k`]).sort(),
    );
    for (const id of ["tsc-emit", "tsc+typedc-plugin", "typedc-build", "babel-preset-typescript", "babel+typedc-plugin"]) {
      const row = results.workloads.W6[id];
      if (id === "tsc-emit" || id === "babel-preset-typescript") expect(row.medianMs).toBeGreaterThan(0);
      else if (row !== undefined) expect(row.medianMs !== null || typeof row.notAvailable === "string").toBe(true);
    }
    for (const table of Object.values<any>(results.workloads)) for (const row of Object.values<any>(table)) expect(row.error).toBeUndefined();
  });

  it("writes the markdown table and the SVG chart", () => {
    const md = fs.readFileSync(path.join(out, "benchmarks.md"), "utf8");
    expect(md).toMatch(/^# Benchmarks/);
    expect(md).toContain("| `typedc-table` |");
    expect(md).toContain("## Goals (issue #7)");
    const svg = fs.readFileSync(path.join(out, "chart.svg"), "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<rect /g)!.length).toBeGreaterThan(20);
  });
});

describe("bench suite verification", () => {
  it("aborts a row whose results differ from the limit's, and does not time it", async () => {
    const ctx = makeContext(loadModel(), 500);
    // offByOne skips the last record in W1 and updates nothing in W2.
    const offByOne: ImplFactory = {
      id: "off-by-one",
      make(): Impl {
        const limit = limitDataView.make({ ...ctx, n: ctx.n - 1 }) as Impl;
        return { id: "off-by-one", w1: limit.w1, w2: () => undefined, w3: () => 0 };
      },
    };
    const wrongUpdate: ImplFactory = {
      id: "wrong-update",
      make(): Impl {
        const limit = limitDataView.make(ctx) as Impl;
        return { id: "wrong-update", w1: limit.w1, w3: limit.w3, w2: () => ctx.area.fill(1, 0, 1) };
      },
    };
    const lines: string[] = [];
    const rows = await runRecordWorkloads(ctx, [limitDataView, offByOne, wrongUpdate], { reps: 1, warmups: 0 }, (l) => lines.push(l));
    expect(rows.W1["off-by-one"]!.error).toMatch(/W1 gives .* the limit/);
    expect(rows.W2["wrong-update"]!.error).toMatch(/W2 leaves/);
    expect(rows.W1["off-by-one"]!.medianMs).toBeNull();
    expect(rows.W1["limit-dataview"]!.ratioToLimit).toBe(1);
  });

  it("takes the median of the repetitions", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
