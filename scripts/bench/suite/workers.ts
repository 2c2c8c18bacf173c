/**
 * workers (W4): a worker updates all n records (W2) and the main thread then
 * reads them (W1), 10 rounds, three ways:
 *   typedc-shared-memory  one TypedMemory on a SharedArrayBuffer; the worker attaches by name
 *   postmessage-objects   the worker keeps plain objects and posts them (structured clone) each round
 *   transfer-arraybuffer  the records in an ArrayBuffer (x86_64-linux layout) transferred there and back
 * A sample is the 10 rounds (worker start-up and setup excluded). Every round's
 * sum must agree across the three; ratios are to typedc-shared-memory, pair by pair.
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { TypedMemory, __typed } from "@typedc/runtime";
import { fillRecords } from "./data.js";
import { checkedModuleFile, compiledLoops } from "./compiled.js";
import type { Model } from "./model.js";
import { errorRow, measuredRow, type Row } from "./results.js";
import { median, type TimingOptions } from "./timing.js";
import type { W4Setup } from "./w4-worker.js";

/** ROUNDS is W4's number of update/read rounds per sample. */
export const ROUNDS = 10;

type Mode = W4Setup["mode"];
const MODES: readonly Mode[] = ["typedc-shared-memory", "postmessage-objects", "transfer-arraybuffer"];

/** Runner runs one sample (ROUNDS rounds) of one mode and returns the main thread's sum after each round. */
interface Runner {
  sample(): Promise<number[]>;
  close(): Promise<number>;
}

// workerOf starts w4-worker: compiled JS directly, TypeScript (under tsx) through tsx's CommonJS hook,
// since a worker thread does not inherit tsx's loader.
function workerOf(): Worker {
  const file = path.join(__dirname, `w4-worker${path.extname(__filename)}`);
  if (file.endsWith(".js")) return new Worker(file);
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(file)});`, { eval: true });
}

function startWorker(setup: W4Setup): Promise<Worker> {
  const worker = workerOf();
  setup = { ...setup, compiledFile: checkedModuleFile() };
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (m) => (m === "ready" ? resolve(worker) : reject(new Error(`w4-worker: ${String(m)}`))));
    worker.postMessage(setup);
  });
}

// reply waits for the worker's next message (or its error), leaving no listener behind.
function reply<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      worker.off("message", onMessage);
      reject(e);
    };
    const onMessage = (m: T) => {
      worker.off("error", onError);
      resolve(m);
    };
    worker.once("error", onError);
    worker.once("message", onMessage);
  });
}

async function makeRunner(mode: Mode, model: Model, n: number): Promise<Runner> {
  const sumAB = compiledLoops(true).sumAB;
  const stride = model.layouts["x86_64-linux"]!.byteSize;
  if (mode === "typedc-shared-memory") {
    const memory = TypedMemory.create({ bytes: n * stride + (1 << 16) });
    const recs = __typed("w4.recs", { memory, type: model.types, format: "x86_64-linux", count: n });
    fillRecords(recs, n);
    const worker = await startWorker({ mode, n, types: model.types, buffer: memory.buffer as SharedArrayBuffer });
    return {
      async sample() {
        const sums: number[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          worker.postMessage("go");
          await reply(worker);
          sums.push(sumAB(recs, n));
        }
        return sums;
      },
      close: () => worker.terminate(),
    };
  }
  if (mode === "postmessage-objects") {
    const worker = await startWorker({ mode, n, types: model.types });
    return {
      async sample() {
        const sums: number[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          worker.postMessage("go");
          const objs = await reply<{ a: number; b: number }[]>(worker);
          let s = 0;
          for (let i = 0; i < n; i++) s += objs[i]!.a + objs[i]!.b;
          sums.push(s);
        }
        return sums;
      },
      close: () => worker.terminate(),
    };
  }
  let buffer = new ArrayBuffer(n * stride);
  fillRecords(__typed.at(buffer, 0, { type: model.types, format: "x86_64-linux", count: n }), n);
  const worker = await startWorker({ mode, n, types: model.types });
  return {
    async sample() {
      const sums: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        worker.postMessage(buffer, [buffer]);
        buffer = await reply<ArrayBuffer>(worker);
        sums.push(sumAB(__typed.at(buffer, 0, { type: model.types, format: "x86_64-linux", count: n, name: "recs" }), n));
      }
      return sums;
    },
    close: () => worker.terminate(),
  };
}

/** runWorkers measures W4 with n records; repetitions rotate the order of the three modes. */
export async function runWorkers(model: Model, n: number, timing: TimingOptions, log: (line: string) => void): Promise<Record<string, Row>> {
  const runners = new Map<Mode, Runner>();
  const out: Record<string, Row> = {};
  try {
    for (const mode of MODES) runners.set(mode, await makeRunner(mode, model, n));
    // Verification: one sample each (also the warm-up); the round sums must agree.
    const expected = await runners.get(MODES[0]!)!.sample();
    const failed = new Set<Mode>();
    for (const mode of MODES.slice(1)) {
      const got = await runners.get(mode)!.sample();
      const k = got.findIndex((s, r) => s !== expected[r]);
      if (k >= 0) {
        failed.add(mode);
        out[mode] = errorRow(`${mode}: round ${k + 1} sums to ${got[k]}, typed shared memory to ${expected[k]}`);
      }
    }
    for (let w = 1; w < timing.warmups; w++) for (const mode of MODES) if (!failed.has(mode)) await runners.get(mode)!.sample();
    const samples = new Map<Mode, number[]>(MODES.map((m) => [m, []]));
    for (let r = 0; r < timing.reps; r++) {
      const order = MODES.map((_, k) => MODES[(k + r) % MODES.length]!);
      for (const mode of order) {
        if (failed.has(mode)) continue;
        const t0 = performance.now();
        await runners.get(mode)!.sample();
        samples.get(mode)!.push(performance.now() - t0);
      }
    }
    const base = samples.get(MODES[0]!)!;
    for (const mode of MODES) {
      if (failed.has(mode)) continue;
      const ms = samples.get(mode)!;
      out[mode] = measuredRow(median(ms), median(ms.map((t, k) => t / base[k]!)), { limit: MODES[0], reps: ms.length, records: n, note: `${ROUNDS} rounds` });
    }
    log(`W4 ${MODES.map((m) => `${m} ${out[m]!.medianMs ?? "ERROR"} ms (${out[m]!.ratioToLimit ?? "-"}x)`).join("   ")}`);
  } finally {
    for (const r of runners.values()) await r.close();
  }
  return out;
}
