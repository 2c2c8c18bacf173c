/**
 * wasm-unit.ts — the C kernel as a scheduling unit: its run-queue operations are
 * kernel.c's `enqueue`/`dequeue`/`runq_length` on the same rings the TypeScript
 * workers use, it marks the runner with `task_set_flags` (C bit-fields) and counts
 * with `perf_add` (C11 atomics) when the counters' published layout is wasm32's.
 */
import type { Shared } from "./areas";
import { RUN_ALREADY_RAN, RUN_EMPTY } from "./hot";
import { hot } from "./hot-select";
import type { UnitOps } from "./unit-loop";
import type { KernelExports } from "./wasm-kernel";
import { costCyclesOf } from "./workload";

/** wasmOps are the C kernel's unit operations; when the counters are not in wasm32 layout the unit charges them through typedc (hot.ts's charge). */
export function wasmOps(shared: Shared, k: KernelExports, countersInC: boolean): UnitOps {
  const runqStride = k.runq_sizeof();
  const queue = (unit: number) => shared.runqBase + unit * runqStride; // a wasm32 pointer to struct runq
  const charge = countersInC
    ? (unit: number, cycles: number, stolen: boolean) => void k.perf_add(shared.perfBase, unit, BigInt(cycles), stolen ? 1 : 0)
    : (unit: number, cycles: number, stolen: boolean) => hot().charge(shared.perf[unit]!, cycles, stolen);
  return {
    enqueueMany: (unit, indices, start, count) => {
      let pushed = 0;
      while (pushed < count && k.enqueue(queue(unit), indices[start + pushed]!) === 0) pushed++;
      return pushed;
    },
    runFrom: (from, unit, stolen) => {
      const index = k.dequeue(queue(from));
      if (index < 0) return RUN_EMPTY;
      const pid = hot().runTask(shared.tasks, index, costCyclesOf); // the task's work: TypeScript's, on the same bytes
      if (pid < 0) return RUN_ALREADY_RAN;
      k.task_set_flags(shared.tasksBase + index * shared.taskStride, unit + 1, hot().prioAt(shared.tasks, index));
      charge(unit, costCyclesOf(pid), stolen);
      return pid;
    },
    queued: (unit) => k.runq_length(queue(unit)),
    loads: (units) => Array.from({ length: units }, (_, u) => ({ queued: k.runq_length(queue(u)), events: hot().eventsOf(shared.perfArray, u) })),
  };
}
