/**
 * hot.ts — every access the units make per task, written against `__typed<T>`
 * parameters (SPEC §3). Run as it is (tsx), the arguments are the runtime's dynamic
 * views; compiled by the tsc plugin (`--compiled`, compile.ts), each access becomes a
 * compiled path on the bound format's table (docs/compiler.md). Read-modify-writes of
 * atomic members go through the runtime's atomics functions in both cases.
 */
import { atomicAdd, atomicCompareExchange, writeCString } from "@typedc/runtime";
import type { __typed, array } from "@typedc/runtime";
import type { PerfUnit, RunQueue, Task } from "./kernel-types";
import { EXIT_DEAD, TASK_RUNNING } from "./workload";

/** Tasks is the task cache's objects as one array (the bound length is the cache's capacity; 30000 at most). */
export type Tasks = array<Task, 30000>;
/** RunQueues is the run-queue area, one ring per unit (15 units at most; the bound length is the published count). */
export type RunQueues = array<RunQueue, 15>;
/** PerfUnits is the counters area, one PerfUnit per unit (15 units at most). */
export type PerfUnits = array<PerfUnit, 15>;

/** writeTask fills a freshly allocated descriptor; `parentIndex` < 0: no parent. */
export function writeTask(tasks: __typed<Tasks>, index: number, pid: number, k: number, comm: string, prio: number, parentIndex: number): void {
  const t = tasks[index];
  t.pid = pid;
  t.state = TASK_RUNNING;
  writeCString(t.comm, comm);
  t.vruntime = BigInt(k);
  t.parent = parentIndex < 0 ? null : tasks[parentIndex]; // ptr<Task>: a wasm32 address
  t.prio = prio;
}

/** runTask does a task's work in place: -1 when it had already run, else its pid. */
export function runTask(tasks: __typed<Tasks>, index: number, cycles: (pid: number) => number): number {
  const t = tasks[index];
  if (t.state !== TASK_RUNNING) return -1;
  const pid = t.pid;
  t.state = EXIT_DEAD;
  t.sum_exec_ns += BigInt(cycles(pid));
  return pid;
}

/** setRunner writes the unit that ran a task into its 4-bit flags. */
export function setRunner(tasks: __typed<Tasks>, index: number, unit: number): void {
  tasks[index].flags = unit + 1;
}

/** prioAt reads a task's prio bit-field. */
export function prioAt(tasks: __typed<Tasks>, index: number): number {
  return tasks[index].prio;
}

/** charge adds a run to a unit's counters; `events` last, so a reader that sees it sees the rest. */
export function charge(perf: __typed<PerfUnits>, unit: number, cycles: number, stolen: boolean): void {
  atomicAdd(perf[unit], "cycles", BigInt(cycles));
  if (stolen) atomicAdd(perf[unit], "misses", 1);
  atomicAdd(perf[unit], "events", 1);
}

/** eventsOf reads a unit's `events` counter (an atomic load). */
export function eventsOf(perf: __typed<PerfUnits>, unit: number): number {
  return perf[unit].events;
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
 * enqueue appends `value` to a unit's ring; false when it is full. Claims a slot by CAS
 * on `tail`, fills it, then publishes it by advancing `committed` in claim order
 * (kernel.c enqueue). The ring size is `capacity`, which the C kernel's runq_init wrote.
 */
export function enqueue(q: __typed<RunQueues>, unit: number, value: number): boolean {
  const capacity = q[unit].capacity;
  let slot = q[unit].tail;
  for (;;) {
    if (((slot - q[unit].head) >>> 0) >= capacity) return false;
    const seen = u32(atomicCompareExchange(q[unit], "tail", slot, (slot + 1) >>> 0));
    if (seen === slot) break;
    slot = seen;
  }
  q[unit].slots[slot % capacity] = value;
  while (u32(atomicCompareExchange(q[unit], "committed", slot, (slot + 1) >>> 0)) !== slot) {
    // an earlier claimer has not committed yet: kernel.c spins the same way
  }
  return true;
}

/** dequeue removes the oldest committed entry of a unit's ring; -1 when it is empty (kernel.c dequeue). */
export function dequeue(q: __typed<RunQueues>, unit: number): number {
  const capacity = q[unit].capacity;
  let slot = q[unit].head;
  for (;;) {
    if (slot === q[unit].committed) return -1;
    const value = q[unit].slots[slot % capacity];
    const seen = u32(atomicCompareExchange(q[unit], "head", slot, (slot + 1) >>> 0));
    if (seen === slot) return value;
    slot = seen;
  }
}
