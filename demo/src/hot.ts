/**
 * hot.ts — every access the units make per task, written against `__typed<T>`
 * parameters (SPEC §3). Compiled by the tsc plugin (the default; compile.ts), each
 * access becomes a compiled path on the bound format's table (docs/compiler.md); run as
 * it is (`--dynamic`), the arguments are the runtime's dynamic views. Read-modify-writes
 * of atomic members go through the runtime's atomics functions in both cases.
 *
 * The functions take whole batches and whole runs, as a kernel's fork and schedule paths
 * do: compiled code resolves its paths once per call (cref/cpath), so one call per task
 * instead of one per access keeps that fixed cost off the per-access path.
 */
import { atomicAdd, atomicCompareExchange } from "@typedc/runtime";
import type { __typed, array } from "@typedc/runtime";
import type { PerfUnit, RunQueue, Task } from "./kernel-types";
import { commOf, costCyclesOf, EXIT_DEAD, pidOf, prioOf, TASK_RUNNING } from "./workload";

/** Tasks is the task cache's objects as one array (the bound length is the cache's capacity; 30000 at most). */
export type Tasks = array<Task, 30000>;
/** RunQueues is the run-queue area, one ring per unit (15 units at most; the bound length is the published count). */
export type RunQueues = array<RunQueue, 15>;
/** PerfUnits is the counters area, one PerfUnit per unit (15 units at most). */
export type PerfUnits = array<PerfUnit, 15>;

/** RUN_EMPTY: runFrom found the ring empty. */
export const RUN_EMPTY = -1;
/** RUN_ALREADY_RAN: runFrom dequeued a task that had already run (an invariant violation the report counts). */
export const RUN_ALREADY_RAN = -2;

/**
 * writeTasks fills `count` freshly allocated descriptors, `indices[0..count)`, with a unit's
 * tasks k0, k0+1, …: pid, state, `comm` (its bytes and NUL, as strncpy would), vruntime,
 * `parent` (the unit's first task, at `parentIndex`; the first task itself has none) and the
 * `prio` bit-field. Returns the parent's index (`indices[0]` when the batch starts with task 0).
 */
export function writeTasks(tasks: __typed<Tasks>, indices: Int32Array, count: number, unit: number, k0: number, parentIndex: number): number {
  const parentAt = parentIndex < 0 ? indices[0]! : parentIndex; // a unit's first task is the parent of the rest
  const parent = tasks[parentAt];
  for (let i = 0; i < count; i++) {
    const index = indices[i]!;
    const k = k0 + i;
    const pid = pidOf(unit, k);
    tasks[index].pid = pid;
    tasks[index].state = TASK_RUNNING;
    const comm = commOf(unit, k); // at most 15 characters, ASCII
    for (let j = 0; j < comm.length; j++) tasks[index].comm[j] = comm.charCodeAt(j);
    tasks[index].comm[comm.length] = 0;
    tasks[index].vruntime = BigInt(k);
    tasks[index].parent = k === 0 ? null : parent; // ptr<Task>: a wasm32 address
    tasks[index].prio = prioOf(pid);
  }
  return parentAt;
}

/** runTask does a task's work in place: -1 when it had already run, else its pid. */
export function runTask(tasks: __typed<Tasks>, index: number, cycles: (pid: number) => number): number {
  if (tasks[index].state !== TASK_RUNNING) return -1;
  const pid = tasks[index].pid;
  tasks[index].state = EXIT_DEAD;
  tasks[index].sum_exec_ns += BigInt(cycles(pid));
  return pid;
}

/** prioAt reads a task's prio bit-field. */
export function prioAt(tasks: __typed<Tasks>, index: number): number {
  return tasks[index].prio;
}

/** charge adds a run to a unit's counters; `events` last, so a reader that sees it sees the rest. */
export function charge(counters: __typed<PerfUnit>, cycles: number, stolen: boolean): void {
  atomicAdd(counters, "cycles", BigInt(cycles));
  if (stolen) atomicAdd(counters, "misses", 1);
  atomicAdd(counters, "events", 1);
}

/** eventsOf reads a unit's `events` counter (an atomic load). */
export function eventsOf(perf: __typed<PerfUnits>, unit: number): number {
  return perf[unit].events;
}

/** readLoads reads every unit's queue length and `events` counter into `queued` and `events` (what a thief looks at). */
export function readLoads(q: __typed<RunQueues>, perf: __typed<PerfUnits>, units: number, queued: Int32Array, events: Int32Array): void {
  for (let u = 0; u < units; u++) {
    queued[u] = (q[u].committed - q[u].head) >>> 0;
    events[u] = perf[u].events;
  }
}

const u32 = (n: number | bigint) => Number(n) >>> 0;

/** setCapacity sets a ring's size (what kernel.c's runq_init does). */
export function setCapacity(q: __typed<RunQueues>, unit: number, capacity: number): void {
  q[unit].capacity = capacity;
}

/** runqLength is the number of committed, not yet dequeued entries (kernel.c runq_length). */
export function runqLength(q: __typed<RunQueues>, unit: number): number {
  return (q[unit].committed - q[unit].head) >>> 0;
}

/**
 * enqueueMany appends as many of `indices[start..start+count)` as fit to a ring and returns how
 * many it appended (0 when the ring is full). It claims the slots with one CAS on `tail`, fills
 * them, then publishes them by advancing `committed` in claim order — kernel.c's enqueue
 * protocol, n slots at a time (a C enqueuer claiming after us waits for `committed` to pass
 * our last slot, as it waits for any earlier claimer). The ring size is `capacity` (runq_init).
 * The ring is a view bound once per unit (areas.ts), so no view is made per call.
 */
export function enqueueMany(ring: __typed<RunQueue>, indices: Int32Array, start: number, count: number): number {
  const capacity = ring.capacity;
  let slot = ring.tail;
  let n = 0;
  for (;;) {
    n = Math.min(count, capacity - ((slot - ring.head) >>> 0));
    if (n <= 0) return 0;
    const seen = u32(atomicCompareExchange(ring, "tail", slot, (slot + n) >>> 0));
    if (seen === slot) break;
    slot = seen;
  }
  for (let i = 0; i < n; i++) ring.slots[((slot + i) >>> 0) % capacity] = indices[start + i]!;
  while (u32(atomicCompareExchange(ring, "committed", slot, (slot + n) >>> 0)) !== slot) {
    // an earlier claimer has not committed yet: kernel.c spins the same way
  }
  return n;
}

/**
 * runFrom is a unit's schedule path: dequeue the oldest task of a ring (the unit's own, or a
 * victim's when `stolen`; kernel.c dequeue), run it (EXIT_DEAD, its cost into sum_exec_ns),
 * write the runner into its 4-bit flags and charge the runner's `counters`. Returns its pid,
 * RUN_EMPTY or RUN_ALREADY_RAN. `ring` and `counters` are views bound once per unit.
 */
export function runFrom(tasks: __typed<Tasks>, ring: __typed<RunQueue>, counters: __typed<PerfUnit>, unit: number, stolen: boolean): number {
  const capacity = ring.capacity;
  let slot = ring.head;
  let index = -1;
  for (;;) {
    if (slot === ring.committed) return RUN_EMPTY;
    index = ring.slots[slot % capacity];
    const seen = u32(atomicCompareExchange(ring, "head", slot, (slot + 1) >>> 0));
    if (seen === slot) break;
    slot = seen;
  }
  if (tasks[index].state !== TASK_RUNNING) return RUN_ALREADY_RAN;
  const pid = tasks[index].pid;
  const cycles = costCyclesOf(pid);
  tasks[index].state = EXIT_DEAD;
  tasks[index].sum_exec_ns += BigInt(cycles);
  tasks[index].flags = unit + 1;
  atomicAdd(counters, "cycles", BigInt(cycles));
  if (stolen) atomicAdd(counters, "misses", 1);
  atomicAdd(counters, "events", 1);
  return pid;
}
