/**
 * worker.ts — a TypeScript kernel instance built for one format (workerData.format):
 * it attaches to the areas in the wasm memory, morphs to their published formats,
 * runs its unit of the shared-memory workload, then the same workload by messages.
 */
import { parentPort, workerData } from "node:worker_threads";
import { compareTables } from "@typedc/core";
import { sizeof, TypedMemory } from "@typedc/runtime";
import { openShared, publishedOf } from "./areas";
import { useCompiledHot } from "./hot-select";
import { CTRL, napMs } from "./control";
import type { Attached, MpDown, MpUp, SharedDone, WorkerInput } from "./messages";
import { sizeofIn, loadDemoTypes } from "./types";
import { FORK_BATCH, newUnitState, reportOf, step, tsOps, type UnitConfig } from "./unit-loop";
import { warmUp } from "./warmup";
import { plainTaskOf, runPlainTask, type RunReport } from "./workload";

const input = workerData as WorkerInput;
if (input.compiledHot !== undefined) useCompiledHot(input.compiledHot);
const port = parentPort!;
const ctrl = new Int32Array(input.ctrl);
const types = loadDemoTypes();
const cfg: UnitConfig = { unit: input.unit, units: input.units, iterations: input.iterations, steals: true };

// Attach: worker 0 creates the counters with a format policy among every unit's format.
const memory = TypedMemory.from(input.wasmMemory, { directoryOffset: input.directoryOffset });
const createPerf = input.unit === 0 ? { format: { policy: input.perfPolicy, among: input.unitFormats }, units: input.units } : undefined;
const { shared, facts } = openShared({ memory, types, format: input.format, strategy: input.strategy, createPerf });
const attached: Attached = {
  kind: "attached",
  unit: input.unit,
  format: input.format,
  facts,
  sizeofTaskMine: sizeofIn(types.Task, input.format),
  sizeofTaskPublished: sizeof(shared.tasks[0]),
  taskVerdict: compareTables(shared.cache.table, types.Task[input.format]!).verdict,
  runqCapacity: shared.runq[input.unit]!.capacity,
};
port.postMessage(attached);

// Warm the accessors up on a scratch memory in the same formats, so the timed run is not mostly JIT compilation.
warmUp(types, input.format, publishedOf(shared), input.strategy);

// Shared-memory run: wait for "go", then fork, run and steal until every task has run.
Atomics.add(ctrl, CTRL.ready, 1);
Atomics.notify(ctrl, CTRL.ready);
Atomics.wait(ctrl, CTRL.go, 0);
const ops = tsOps(shared);
const st = newUnitState();
for (;;) {
  const r = step(shared, ops, cfg, st);
  if (r === "done") break;
  if (r === "idle") napMs(ctrl, 1);
}
const done: SharedDone = { kind: "shared-done", report: reportOf(cfg, st), firstSteal: st.firstSteal };
port.postMessage(done);

// Message-passing run: the same tasks as plain objects; main keeps the queues and counters.
const send = (m: MpUp) => port.postMessage(m);
let waiting: ((m: MpDown) => void) | undefined;
const inbox: MpDown[] = [];
port.on("message", (m: MpDown) => {
  if (waiting) {
    const w = waiting;
    waiting = undefined;
    w(m);
  } else inbox.push(m);
});
const receive = (): Promise<MpDown> => (inbox.length > 0 ? Promise.resolve(inbox.shift()!) : new Promise((resolve) => (waiting = resolve)));

// messagePassingRun does one run (main sends an untimed warm-up run first); true when it was the last.
async function messagePassingRun(): Promise<boolean> {
  const go = await receive();
  if (go.kind !== "mp-go") throw new Error(`assert: expected mp-go, got ${go.kind}`);
  const report: RunReport = { unit: cfg.unit, ran: [], steals: 0, doubleRuns: 0 };
  for (let k = 0; k < go.iterations; k += FORK_BATCH) {
    const tasks = Array.from({ length: Math.min(FORK_BATCH, go.iterations - k) }, (_, i) => plainTaskOf(cfg.unit, k + i));
    send({ kind: "mp-fork", unit: cfg.unit, tasks }); // forks go in the batches the shared-memory run pushes
  }
  for (;;) {
    send({ kind: "mp-next", unit: cfg.unit });
    const m = await receive();
    if (m.kind === "mp-task") {
      if (!runPlainTask(m.task, cfg.unit)) report.doubleRuns++;
      else {
        report.ran.push(m.task.pid);
        if (m.stolen) report.steals++;
      }
      send({ kind: "mp-ran", unit: cfg.unit, task: m.task, stolen: m.stolen });
    } else if (m.kind === "mp-none") {
      if (m.done) break;
      await new Promise((r) => setTimeout(r, 1));
    }
  }
  send({ kind: "mp-done", report });
  return go.last;
}
async function messagePassingRuns(): Promise<void> {
  while (!(await messagePassingRun())) {
    // the warm-up run: the next one is timed
  }
}
if (input.messages) void messagePassingRuns().then(() => port.close());
else port.close();
