/**
 * step-cost.ts — what one task costs a unit, operation by operation, on one thread
 * (a private scratch memory laid out like the demo's areas, no contention;
 * the same batches as unit-loop.ts):
 * `npx tsx demo/scripts/step-cost.ts [--dynamic] [--tasks N] [--rounds R] [--format id]`.
 * Prints the median over rounds of ns per task for each operation the unit does.
 */
import type { AbiId } from "@typedc/core";
import { __typed, typedCache, TypedMemory } from "@typedc/runtime";
import { AREA, openShared } from "../src/areas";
import { compileHot } from "../src/compile";
import { hot, useCompiledHot } from "../src/hot-select";
import type { PerfUnit, RunQueue, Task } from "../src/kernel-types";
import { loadDemoTypes } from "../src/types";
import { FORK_BATCH } from "../src/unit-loop";

const args = process.argv.slice(2);
const numberArg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const TASKS = numberArg("--tasks", 2000);
const ROUNDS = numberArg("--rounds", 9);
const format = (args.includes("--format") ? args[args.indexOf("--format") + 1] : "x86_64-linux") as AbiId;
const compiled = !args.includes("--dynamic");
if (compiled) useCompiledHot(compileHot().hotPath);

const types = loadDemoTypes();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const roundTotals: number[] = [];
const samples = new Map<string, number[]>();
const record = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), (ms * 1e6) / TASKS]);

for (let round = 0; round < ROUNDS; round++) {
  // --wasm: the memory is a shared WebAssembly.Memory, as in the demo (the C kernel's).
  const memory = args.includes("--wasm") ? TypedMemory.create({ buffer: new WebAssembly.Memory({ initial: 16, maximum: 16, shared: true }) }) : TypedMemory.create({ bytes: 1 << 20 });
  typedCache<Task>(AREA.tasks, { memory, type: types.Task, format: "wasm32", capacity: TASKS, create: "always" });
  __typed<RunQueue>(AREA.runq, { memory, type: types.RunQueue, format: "wasm32", count: 1, create: "always" });
  __typed<PerfUnit>(AREA.perf, { memory, type: types.PerfUnit, format: "x86_64-linux", count: 1, create: "always" });
  const { shared } = openShared({ memory, types, format, strategy: "table" });
  const h = hot();
  h.setCapacity(shared.runqArray, 0, 64);
  const batch = new Int32Array(FORK_BATCH);
  let alloc = 0, write = 0, push = 0, ran = 0, loads = 0, parent = -1;
  const queued = new Int32Array(1), events = new Int32Array(1);
  for (let k = 0; k < TASKS; k += FORK_BATCH) {
    const n = Math.min(FORK_BATCH, TASKS - k);
    let t = performance.now();
    for (let i = 0; i < n; i++) batch[i] = shared.cache.allocIndex();
    alloc += performance.now() - t;
    t = performance.now();
    parent = h.writeTasks(shared.tasks, batch, n, 0, k, parent);
    write += performance.now() - t;
    t = performance.now();
    if (h.enqueueMany(shared.runq[0]!, batch, 0, n) !== n) throw new Error("assert: the ring is emptied after every batch");
    push += performance.now() - t;
    t = performance.now();
    for (let i = 0; i < n; i++) if (h.runFrom(shared.tasks, shared.runq[0]!, shared.perf[0]!, 0, false) < 0) throw new Error("assert: a task is queued");
    ran += performance.now() - t;
    t = performance.now();
    for (let i = 0; i < n; i++) h.readLoads(shared.runqArray, shared.perfArray, 1, queued, events);
    loads += performance.now() - t;
  }
  record("cache.allocIndex", alloc);
  record("writeTasks (batched)", write);
  record("enqueueMany (batched)", push);
  record("runFrom (dequeue, run, flags, 3 atomic adds)", ran);
  record("one unit's load (readLoads, 1 unit)", loads);
  roundTotals.push(((alloc + write + push + ran + loads) * 1e6) / TASKS);
}
let total = 0;
console.log(`ns per task, median of ${ROUNDS} rounds of ${TASKS} tasks (${compiled ? "compiled" : "dynamic views"}, agent ${format})`);
for (const [name, xs] of samples) {
  const m = median(xs.slice(1)); // the first round is mostly JIT compilation
  total += m;
  console.log(`  ${name.padEnd(40)} ${m.toFixed(0).padStart(7)}`);
}
console.log(`  ${"total".padEnd(40)} ${total.toFixed(0).padStart(7)}`);
console.log(`  per round (the first ones include JIT compilation): ${roundTotals.map((t) => t.toFixed(0)).join(" ")}`);
