/**
 * warmup.ts — runs a unit's loop on a private scratch memory laid out in the same
 * published formats, before the timed run: the JIT compiles the accessors (the
 * runtime shares plans and view classes between equal tables) so that neither run's
 * time is mostly compilation. Nothing here touches the shared memory.
 */
import type { AbiId } from "@typedc/core";
import { __typed, typedCache, TypedMemory, type Strategy } from "@typedc/runtime";
import { AREA, openShared } from "./areas";
import { hot } from "./hot-select";
import type { PerfUnit, RunQueue, Task } from "./kernel-types";
import type { DemoTypes } from "./types";
import { newUnitState, step, tsOps } from "./unit-loop";

/** WARMUP_TASKS is how many tasks the warm-up forks and runs per round. */
export const WARMUP_TASKS = 1500;

/**
 * WARMUP_ROUNDS: V8 needs several thousand tasks before the per-task code reaches its
 * optimising tier (demo/scripts/step-cost.ts prints per-round costs: ~60, 18, 12, 11, then
 * 3-4 us per task from the fifth round of 1500), so the warm-up runs this many rounds.
 */
export const WARMUP_ROUNDS = 5;

/** Published says in which formats the real areas were published (the warm-up uses the same tables). */
export interface Published {
  readonly tasks: string;
  readonly runq: string;
  readonly perf: string;
  readonly runqCapacity: number;
}

/** warmUp forks and runs WARMUP_ROUNDS × WARMUP_TASKS tasks on scratch memories as the agent built for `format`. */
export function warmUp(types: DemoTypes, format: AbiId, published: Published, strategy: Strategy): void {
  for (let round = 0; round < WARMUP_ROUNDS; round++) warmUpRound(types, format, published, strategy);
}

// warmUpRound forks and runs WARMUP_TASKS tasks on a fresh scratch memory.
function warmUpRound(types: DemoTypes, format: AbiId, published: Published, strategy: Strategy): void {
  // A shared WebAssembly.Memory like the C kernel's, so the JIT sees the same kinds of buffers and arrays as in the run.
  const memory = TypedMemory.create({ buffer: new WebAssembly.Memory({ initial: 16, maximum: 16, shared: true }) });
  const id = (f: string) => f as AbiId; // the policies the demo uses publish ABI ids
  typedCache<Task>(AREA.tasks, { memory, type: types.Task, format: id(published.tasks), capacity: WARMUP_TASKS, create: "always" });
  __typed<RunQueue>(AREA.runq, { memory, type: types.RunQueue, format: id(published.runq), count: 1, create: "always" });
  __typed<PerfUnit>(AREA.perf, { memory, type: types.PerfUnit, format: id(published.perf), count: 1, create: "always" });
  const { shared } = openShared({ memory, types, format, strategy });
  hot().setCapacity(shared.runqArray, 0, published.runqCapacity); // what the C kernel's runq_init writes
  const ops = tsOps(shared);
  const st = newUnitState();
  const cfg = { unit: 0, units: 1, iterations: WARMUP_TASKS, steals: true };
  while (step(shared, ops, cfg, st) !== "done") {
    // every step forks, runs or finds the run over
  }
}
