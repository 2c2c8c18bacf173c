/**
 * step-cost.ts — what one task costs a unit, operation by operation, on one thread
 * (a private scratch memory laid out like the demo's areas, no contention):
 * `npx tsx demo/scripts/step-cost.ts [--compiled] [--tasks N] [--rounds R]`.
 * Prints the median over rounds of ns per task for each operation the unit does.
 */
import type { AbiId } from "@typedc/core";
import { __typed, typedCache, TypedMemory } from "@typedc/runtime";
import { AREA, openShared } from "../src/areas";
import { compileHot } from "../src/compile";
import { hot, useCompiledHot } from "../src/hot-select";
import type { PerfUnit, RunQueue, Task } from "../src/kernel-types";
import { loadDemoTypes } from "../src/types";
import { commOf, costCyclesOf, pidOf, prioOf } from "../src/workload";

const args = process.argv.slice(2);
const numberArg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const TASKS = numberArg("--tasks", 2000);
const ROUNDS = numberArg("--rounds", 9);
const format = (args.includes("--format") ? args[args.indexOf("--format") + 1] : "x86_64-linux") as AbiId;
if (args.includes("--compiled")) useCompiledHot(compileHot().hotPath);

const types = loadDemoTypes();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const samples = new Map<string, number[]>();
const record = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), (ms * 1e6) / TASKS]);

for (let round = 0; round < ROUNDS; round++) {
  const memory = TypedMemory.create({ bytes: 1 << 20 });
  typedCache<Task>(AREA.tasks, { memory, type: types.Task, format: "wasm32", capacity: TASKS, create: "always" });
  __typed<RunQueue>(AREA.runq, { memory, type: types.RunQueue, format: "wasm32", count: 1, create: "always" });
  __typed<PerfUnit>(AREA.perf, { memory, type: types.PerfUnit, format: "x86_64-linux", count: 1, create: "always" });
  const { shared } = openShared({ memory, types, format, strategy: "table" });
  const h = hot();
  h.setCapacity(shared.runqArray, 0, 64);
  const indices = new Int32Array(TASKS);
  let t = performance.now();
  for (let k = 0; k < TASKS; k++) indices[k] = shared.cache.allocIndex();
  record("cache.allocIndex", performance.now() - t);
  t = performance.now();
  for (let k = 0; k < TASKS; k++) h.writeTask(shared.tasks, indices[k]!, pidOf(0, k), k, commOf(0, k), prioOf(pidOf(0, k)), k === 0 ? -1 : indices[0]!);
  record("writeTask", performance.now() - t);
  let enq = 0, deq = 0, ran = 0, flags = 0, charged = 0, loads = 0;
  for (let k = 0; k < TASKS; k += 64) {
    const n = Math.min(64, TASKS - k);
    t = performance.now();
    for (let i = 0; i < n; i++) h.enqueue(shared.runqArray, 0, indices[k + i]!);
    enq += performance.now() - t;
    for (let i = 0; i < n; i++) {
      t = performance.now();
      const index = h.dequeue(shared.runqArray, 0);
      deq += performance.now() - t;
      t = performance.now();
      const pid = h.runTask(shared.tasks, index, costCyclesOf);
      ran += performance.now() - t;
      t = performance.now();
      h.setRunner(shared.tasks, index, 0);
      flags += performance.now() - t;
      t = performance.now();
      h.charge(shared.perfArray, 0, costCyclesOf(pid), false);
      charged += performance.now() - t;
      t = performance.now();
      h.runqLength(shared.runqArray, 0);
      h.eventsOf(shared.perfArray, 0);
      loads += performance.now() - t;
    }
  }
  record("enqueue", enq);
  record("dequeue", deq);
  record("runTask", ran);
  record("setRunner", flags);
  record("charge (3 atomic adds)", charged);
  record("one unit's load (runqLength+eventsOf)", loads);
}
let total = 0;
console.log(`ns per task, median of ${ROUNDS} rounds of ${TASKS} tasks (${args.includes("--compiled") ? "compiled" : "dynamic views"}, agent ${format})`);
for (const [name, xs] of samples) {
  const m = median(xs.slice(1)); // the first round is mostly JIT compilation
  total += m;
  console.log(`  ${name.padEnd(40)} ${m.toFixed(0).padStart(7)}`);
}
console.log(`  ${"total".padEnd(40)} ${total.toFixed(0).padStart(7)}`);
