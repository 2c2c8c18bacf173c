/**
 * runq.ts — the run-queue protocol of interop/wasm/kernel.c (`enqueue`, `dequeue`,
 * `runq_length`) written against a typed `RunQueue` view: TypeScript workers and
 * the wasm32 C kernel push and pop on the same ring, with the same compare-and-swap
 * steps, whatever format each side was built for.
 */
import { atomicCompareExchange, atomicLoad } from "@typedc/runtime";
import type { RunQueue } from "./kernel-types";

/** RunQueueView is a bound `RunQueue` (a dynamic view; its atomic members go through Atomics). */
export type RunQueueView = RunQueue;

const u32 = (n: number | bigint) => Number(n) >>> 0;

/** runqLength is the number of committed, not yet dequeued entries (kernel.c runq_length). */
export function runqLength(q: RunQueueView): number {
  return (u32(atomicLoad(q, "committed")) - u32(atomicLoad(q, "head"))) >>> 0;
}

/**
 * enqueue appends `value`; false when the queue is full. Claims a slot by CAS on
 * `tail`, fills it, then publishes it by advancing `committed` in claim order
 * (kernel.c enqueue). The ring size is `capacity`, which the C kernel's runq_init wrote.
 */
export function enqueue(q: RunQueueView, value: number): boolean {
  const capacity = q.capacity;
  let slot = u32(atomicLoad(q, "tail"));
  for (;;) {
    if (((slot - u32(atomicLoad(q, "head"))) >>> 0) >= capacity) return false;
    const seen = u32(atomicCompareExchange(q, "tail", slot, (slot + 1) >>> 0));
    if (seen === slot) break;
    slot = seen;
  }
  q.slots[slot % capacity] = value;
  while (u32(atomicCompareExchange(q, "committed", slot, (slot + 1) >>> 0)) !== slot) {
    // an earlier claimer has not committed yet: kernel.c spins the same way
  }
  return true;
}

/** dequeue removes the oldest committed entry; -1 when the queue is empty (kernel.c dequeue). */
export function dequeue(q: RunQueueView): number {
  const capacity = q.capacity;
  let slot = u32(atomicLoad(q, "head"));
  for (;;) {
    if (slot === u32(atomicLoad(q, "committed"))) return -1;
    const value = q.slots[slot % capacity]!;
    const seen = u32(atomicCompareExchange(q, "head", slot, (slot + 1) >>> 0));
    if (seen === slot) return value;
    slot = seen;
  }
}
