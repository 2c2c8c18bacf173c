/**
 * layout-2000 times `typedc layout <file> --format all --json` on a generated
 * file of 2,000 records (scripts/bench/gen-records.ts, fixed seed): wall-clock
 * of the whole process, 5 runs, median printed. Needs the build
 * (`npm run build`); run with `npm run bench:layout`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateRecords } from "./gen-records";

const RECORD_COUNT = 2000;
const RUNS = 5;
const CLI = join(__dirname, "..", "..", "packages", "cli", "dist", "main.js");

// median returns the middle value of a list of numbers (the mean of the two middle ones for an even count).
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// timeOnce runs the CLI once and returns its wall-clock time in milliseconds; a failed run stops the benchmark.
function timeOnce(file: string): { wallMs: number; stdoutBytes: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CLI, "layout", file, "--format", "all", "--json"], { encoding: "utf8", maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`typedc exited with ${result.status}`);
  }
  const parsed = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
  const typeCount = Object.keys(Object.values(parsed)[0] ?? {}).length;
  if (Object.keys(parsed).length !== 12 || typeCount !== RECORD_COUNT) {
    throw new Error(`expected 12 formats × ${RECORD_COUNT} records, got ${Object.keys(parsed).length} × ${typeCount}`);
  }
  return { wallMs, stdoutBytes: result.stdout.length };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), "typedc-bench-"));
  try {
    const file = join(dir, "records.ts");
    writeFileSync(file, generateRecords(RECORD_COUNT));
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const { wallMs, stdoutBytes } = timeOnce(file);
      times.push(wallMs);
      bytes = stdoutBytes;
    }
    const list = times.map((t) => t.toFixed(0)).join(", ");
    console.log(`typedc layout (${RECORD_COUNT} records, 12 formats, --json): median ${median(times).toFixed(0)} ms over ${RUNS} runs [${list}] ms; ${(bytes / 1e6).toFixed(1)} MB of JSON`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
