/**
 * wasm-unit.ts — the C kernel as a scheduling unit: its run-queue operations are
 * kernel.c's `enqueue`/`dequeue`/`runq_length` on the same rings the TypeScript
 * workers use, it marks the runner with `task_set_flags` (C bit-fields) and counts
 * with `perf_add` (C11 atomics) when the counters' published layout is wasm32's.
 */
import type { Shared } from "./areas";
import { hot } from "./hot-select";
import type { UnitOps } from "./unit-loop";
import type { KernelExports } from "./wasm-kernel";

/** wasmOps are the C kernel's unit operations; `tsCharge` counts when the counters are not in wasm32 layout. */
export function wasmOps(shared: Shared, k: KernelExports, countersInC: boolean, tsCharge: UnitOps["charge"]): UnitOps {
  const runqStride = k.runq_sizeof();
  const queue = (unit: number) => shared.runqBase + unit * runqStride; // a wasm32 pointer to struct runq
  return {
    enqueue: (unit, index) => k.enqueue(queue(unit), index) === 0,
    dequeue: (unit) => k.dequeue(queue(unit)),
    queued: (unit) => k.runq_length(queue(unit)),
    charge: countersInC ? (unit, cycles, stolen) => void k.perf_add(shared.perfBase, unit, BigInt(cycles), stolen ? 1 : 0) : tsCharge,
    markRunner: (index, unit) => k.task_set_flags(shared.tasksBase + index * shared.taskStride, unit + 1, hot().prioAt(shared.tasks, index)),
  };
}
