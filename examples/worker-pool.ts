/**
 * worker-pool.ts — a worker pool sharing an array of structs in typed shared memory.
 *
 * The main thread creates `pool.jobs` (64 Jobs) in the i386-linux format and fills
 * the inputs; three workers, each built for another format, attach to it, morph to
 * i386-linux, claim jobs with an atomic counter and write the results in place.
 *
 *   npx tsx examples/worker-pool.ts
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { AbiId } from "@typedc/core";
import { __typed, atomicAdd, loadTypes, sizeof, TypedMemory } from "@typedc/runtime";
import type { array, __typed as Typed } from "@typedc/runtime";
import type { Job, PoolControl } from "./pool-types";

const types = loadTypes(readFileSync(path.join(__dirname, "pool.tables.json"), "utf8"));
const JOBS = 64;

if (isMainThread) {
  const memory = TypedMemory.create({ bytes: 1 << 16 });
  const jobs: Typed<array<Job, 64>> = __typed("pool.jobs", { memory, type: types.Job!, format: "i386-linux", count: JOBS });
  __typed("pool.control", { memory, type: types.PoolControl!, format: "i386-linux" });
  for (let i = 0; i < JOBS; i++) {
    jobs[i]!.id = i;
    for (let k = 0; k < 8; k++) jobs[i]!.input[k] = i * 8 + k;
  }
  console.log(`main: pool.jobs is ${sizeof(jobs)} bytes in ${memory.query("pool.jobs")!.format}`);

  const formats: AbiId[] = ["x86_64-linux", "s390x-linux", "x86_64-windows"];
  // The workers are this file too; tsx's CommonJS hook lets a worker thread load TypeScript.
  const entry = `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(__filename)});`;
  const workers = formats.map((format) => new Worker(entry, { eval: true, workerData: { buffer: memory.buffer, format } }));
  const next = (w: Worker) => new Promise<string>((resolve, reject) => w.once("message", resolve).once("error", reject));
  // Start together once every worker has attached, then collect one line from each.
  void Promise.all(workers.map(next)).then(() => {
    workers.forEach((w) => w.postMessage("go"));
    return Promise.all(workers.map(next));
  }).then((lines) => {
    lines.forEach((line) => console.log(line));
    let total = 0;
    const byWorker = new Map<number, number>();
    for (const job of jobs) {
      total += job.sum;
      byWorker.set(job.worker, (byWorker.get(job.worker) ?? 0) + 1);
    }
    console.log(`main: ${JOBS} jobs done by ${byWorker.size} workers, total ${total}`);
  });
} else {
  runWorker(workerData as { buffer: SharedArrayBuffer; format: AbiId });
}

// busyMs keeps the thread busy for `ms` milliseconds.
function busyMs(ms: number) {
  for (const until = performance.now() + ms; performance.now() < until; );
}

// runWorker attaches in this worker's own format, waits for "go", then claims jobs until none is left.
function runWorker({ buffer, format }: { buffer: SharedArrayBuffer; format: AbiId }): void {
  const memory = TypedMemory.from(buffer);
  // The runtime compares its own Job table with the published i386-linux one and binds to the published one.
  const jobs: Typed<array<Job, 64>> = __typed("pool.jobs", { memory, type: types.Job!, format, create: "never" });
  const control: Typed<PoolControl> = __typed("pool.control", { memory, type: types.PoolControl!, format, create: "never" });
  const me = ["x86_64-linux", "s390x-linux", "x86_64-windows"].indexOf(format) + 1;
  parentPort!.postMessage("attached");
  parentPort!.once("message", () => {
    let mine = 0;
    for (let i = Number(atomicAdd(control, "next", 1)); i < JOBS; i = Number(atomicAdd(control, "next", 1))) {
      const job = jobs[i]!;
      let sum = 0;
      for (const x of job.input) sum += x * x;
      busyMs(0.5); // stands for real work, so that every worker gets some jobs
      job.sum = sum; // c_long: 4 bytes in i386-linux, whatever this worker was built for
      job.worker = me;
      atomicAdd(control, "done", 1);
      mine++;
    }
    const own = types.Job![format]!; // the table of Job this worker was built with
    const ownSize = own.types[own.root]!.byteSize;
    parentPort!.postMessage(`worker ${me} (${format}): sizeof(Job) ${ownSize} mine, ${sizeof(jobs[0])} published; ran ${mine} jobs`);
  });
}
