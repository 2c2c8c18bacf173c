/**
 * The typedc benchmark suite (issue #7): typedc against hand-written code, JS
 * struct libraries and message passing. Writes results.json, benchmarks.md and
 * chart.svg.
 *
 *   npx tsx scripts/bench/suite/main.ts [--mode quick|full|tiny] [--out DIR] [--only W1,W5]
 *
 * `--out` defaults to the repository's docs/ (docs/bench/results.json,
 * docs/benchmarks.md, docs/bench/chart.svg); with `--out DIR` all three go to DIR.
 * The exit code is 1 when any row failed its verification.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { renderChart } from "./chart.js";
import { compiledSource } from "./compiled.js";
import { runCompile } from "./compile.js";
import { makeContext } from "./context.js";
import { runAdapt } from "./adapt.js";
import { IMPLEMENTATIONS, PEER_IDS } from "./impls/index.js";
import { renderMarkdown } from "./markdown.js";
import { loadModel } from "./model.js";
import { RECORD_WORKLOADS, runRecordWorkloads } from "./records.js";
import { machineInfo, type Results, type Row } from "./results.js";
import { compileLoops } from "./transform.js";
import type { TimingOptions } from "./timing.js";
import { runWorkers } from "./workers.js";

/** Mode is how much the suite measures: `full` = issue #7's sizes, `quick` = `npm run bench`, `tiny` = the self-test. */
interface Mode {
  readonly records: number;
  readonly timing: TimingOptions;
  /** Records the peers (JS struct libraries) run on: 1M in full mode, a slice in quick mode (each is 100–4000× the limit). */
  readonly peerRecords: number;
  readonly w4Records: number;
  readonly w4Timing: TimingOptions;
  readonly w5Sizes: readonly number[];
  readonly w6Modules: number;
  readonly w6Timing: TimingOptions;
  /** W6 also times `tsc -p` and `typedc build` as child processes (seconds each). */
  readonly w6Spawn: boolean;
}

const MODES: Readonly<Record<string, Mode>> = {
  full: {
    records: 1_000_000, timing: { reps: 7, warmups: 2 }, peerRecords: 1_000_000,
    w4Records: 1_000_000, w4Timing: { reps: 7, warmups: 1 }, w5Sizes: [10_000, 1_000_000, 10_000_000],
    w6Modules: 200, w6Timing: { reps: 7, warmups: 1 }, w6Spawn: true,
  },
  quick: {
    records: 1_000_000, timing: { reps: 7, warmups: 1 }, peerRecords: 20_000,
    w4Records: 100_000, w4Timing: { reps: 3, warmups: 1 }, w5Sizes: [10_000, 1_000_000],
    w6Modules: 50, w6Timing: { reps: 3, warmups: 0 }, w6Spawn: true,
  },
  tiny: {
    records: 1_000, timing: { reps: 1, warmups: 0 }, peerRecords: 1_000,
    w4Records: 1_000, w4Timing: { reps: 1, warmups: 1 }, w5Sizes: [1_000, 2_000],
    w6Modules: 3, w6Timing: { reps: 1, warmups: 0 }, w6Spawn: false,
  },
};

function argValue(name: string): string | undefined {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
}

async function main(): Promise<number> {
  const modeName = argValue("--mode") ?? "quick";
  const mode = MODES[modeName];
  if (mode === undefined) throw new Error(`unknown --mode ${modeName} (quick, full, tiny)`);
  const only = new Set((argValue("--only") ?? "W1,W2,W3,W4,W5,W6").split(","));
  const outDir = argValue("--out");
  const root = path.resolve(__dirname, "../../..");
  const files = outDir === undefined
    ? { results: path.join(root, "docs/bench/results.json"), markdown: path.join(root, "docs/benchmarks.md"), chart: path.join(root, "docs/bench/chart.svg"), chartLink: "bench/chart.svg" }
    : { results: path.join(outDir, "results.json"), markdown: path.join(outDir, "benchmarks.md"), chart: path.join(outDir, "chart.svg"), chartLink: "chart.svg" };
  const log = (line: string) => console.log(line);
  const started = performance.now();
  const notes: string[] = [];

  const transformNote = await compileLoops();
  const source = compiledSource();
  notes.push(`typedc-table rows run ${source.kind === "transformer" ? "the tsc transformer's output" : "hand-lowered code"}: ${source.note}${transformNote !== null ? ` (${transformNote})` : ""}.`);
  log(`typedc bench (${modeName}): ${source.note}`);
  const model = loadModel();
  const workloads: Record<string, Record<string, Row>> = {};

  if (RECORD_WORKLOADS.some((w) => only.has(w))) {
    const ctx = makeContext(model, mode.records);
    const own = IMPLEMENTATIONS.filter((f) => !PEER_IDS.includes(f.id));
    const rows = await runRecordWorkloads(ctx, own, mode.timing, log);
    let peerRows = rows;
    if (mode.peerRecords !== mode.records) {
      notes.push(`The peers (${PEER_IDS.join(", ")}) ran on ${mode.peerRecords} records against the limit on the same records; \`npm run bench:full\` runs them on ${MODES.full!.records}.`);
      peerRows = await runRecordWorkloads(makeContext(model, mode.peerRecords), [IMPLEMENTATIONS[0]!, ...IMPLEMENTATIONS.filter((f) => PEER_IDS.includes(f.id))], mode.timing, log);
    } else {
      peerRows = await runRecordWorkloads(ctx, [IMPLEMENTATIONS[0]!, ...IMPLEMENTATIONS.filter((f) => PEER_IDS.includes(f.id))], mode.timing, log);
    }
    for (const w of RECORD_WORKLOADS) {
      if (!only.has(w)) continue;
      workloads[w] = { ...rows[w] };
      for (const id of PEER_IDS) {
        const row = peerRows[w][id];
        if (row !== undefined) workloads[w]![id] = mode.peerRecords !== mode.records ? { ...row, records: mode.peerRecords } : row;
      }
    }
  }
  if (only.has("W4")) workloads.W4 = await runWorkers(model, mode.w4Records, mode.w4Timing, log);
  if (only.has("W5")) workloads.W5 = runAdapt(model, mode.w5Sizes, mode.timing, log);
  if (only.has("W6")) workloads.W6 = await runCompile(mode.w6Modules, mode.w6Timing, log, mode.w6Spawn);

  const results: Results = {
    machine: machineInfo(), node: process.version, date: new Date().toISOString(), mode: modeName, records: mode.records, workloads, notes,
  };
  for (const f of [files.results, files.markdown, files.chart]) fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(files.results, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(files.chart, renderChart(results));
  const fullRuns = outDir === undefined ? fs.readdirSync(path.dirname(files.results)).filter((f) => /^results-full-.*\.json$/.test(f)).sort() : [];
  fs.writeFileSync(files.markdown, renderMarkdown(results, files.chartLink, `npm run bench${modeName === "full" ? ":full" : ""}`, fullRuns));
  log(`wrote ${files.results}, ${files.markdown}, ${files.chart} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const failed = Object.values(workloads).flatMap((t) => Object.entries(t)).filter(([, r]) => r.error !== undefined);
  for (const [id, r] of failed) console.error(`FAILED ${id}: ${r.error}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
