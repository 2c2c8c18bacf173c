/**
 * demo-hot: the batched per-task paths of demo/src/hot.ts (on dynamic views, in-process,
 * on a scratch memory in the demo's published formats): enqueueMany claims and commits
 * n slots at once and stops at a full ring, also across the u32 wrap of the ring
 * counters; runFrom runs in FIFO order, charges the counters and reports an empty ring
 * and a task that already ran; writeTasks writes what the C kernel expects.
 */
import { describe, expect, test } from "vitest";
import type { AbiId } from "@typedc/core";
import { __typed, typedCache, TypedMemory, readCString } from "@typedc/runtime";
import { AREA, openShared } from "../demo/src/areas.ts";
import * as hot from "../demo/src/hot.ts";
import type { PerfUnit, RunQueue, Task } from "../demo/src/kernel-types.ts";
import { loadDemoTypes } from "../demo/src/types.ts";
import { costCyclesOf, EXIT_DEAD, pidOf, prioOf } from "../demo/src/workload.ts";

const types = loadDemoTypes();

function scratch(format: AbiId, perfFormat: AbiId) {
  const memory = TypedMemory.create({ bytes: 1 << 18 });
  typedCache<Task>(AREA.tasks, { memory, type: types.Task, format: "wasm32", capacity: 200, create: "always" });
  __typed<RunQueue>(AREA.runq, { memory, type: types.RunQueue, format: "wasm32", count: 2, create: "always" });
  __typed<PerfUnit>(AREA.perf, { memory, type: types.PerfUnit, format: perfFormat, count: 2, create: "always" });
  const { shared } = openShared({ memory, types, format, strategy: "table" });
  hot.setCapacity(shared.runqArray, 0, 64);
  hot.setCapacity(shared.runqArray, 1, 64);
  return shared;
}

describe("demo hot paths", () => {
  for (const perfFormat of ["x86_64-linux", "s390x-linux"] as AbiId[]) {
    test(`fork a batch, push it, run it (counters in ${perfFormat})`, () => {
      const shared = scratch("i386-linux", perfFormat);
      const indices = Int32Array.from({ length: 40 }, () => shared.cache.allocIndex());
      expect(hot.writeTasks(shared.tasks, indices, 40, 1, 0, -1)).toBe(indices[0]);
      const t5 = shared.tasks[indices[5]!]!;
      expect([t5.pid, t5.prio, readCString(t5.comm), t5.vruntime]).toEqual([pidOf(1, 5), prioOf(pidOf(1, 5)), "u1/t5", 5n]);
      expect(shared.tasks[indices[0]!]!.parent).toBeNull();
      expect(t5.parent).not.toBeNull();
      // 40 fit, then only 24 of the next 40: the ring holds 64.
      expect(hot.enqueueMany(shared.runq[0]!, indices, 0, 40)).toBe(40);
      expect(hot.enqueueMany(shared.runq[0]!, indices, 0, 40)).toBe(24);
      expect(hot.enqueueMany(shared.runq[0]!, indices, 0, 1)).toBe(0);
      expect(hot.runqLength(shared.runqArray, 0)).toBe(64);
      const pids = Array.from({ length: 40 }, () => hot.runFrom(shared.tasks, shared.runq[0]!, shared.perf[1]!, 1, true));
      expect(pids).toEqual(Array.from({ length: 40 }, (_, k) => pidOf(1, k))); // FIFO
      expect(shared.tasks[indices[5]!]!.state).toBe(EXIT_DEAD);
      expect(shared.tasks[indices[5]!]!.flags).toBe(2);
      expect(shared.tasks[indices[5]!]!.sum_exec_ns).toBe(BigInt(costCyclesOf(pidOf(1, 5))));
      // The 24 pushed twice have run: dequeuing them again is RUN_ALREADY_RAN, and charges nothing.
      expect(hot.runFrom(shared.tasks, shared.runq[0]!, shared.perf[1]!, 1, false)).toBe(hot.RUN_ALREADY_RAN);
      const perf = shared.perf[1]!;
      expect([perf.events, perf.misses]).toEqual([40, 40]);
      expect(perf.cycles).toBe(BigInt(pids.reduce((n, pid) => n + costCyclesOf(pid), 0)));
      const queued = new Int32Array(2);
      const events = new Int32Array(2);
      hot.readLoads(shared.runqArray, shared.perfArray, 2, queued, events);
      expect([...queued, ...events]).toEqual([23, 0, 0, 40]);
    });
  }

  test("the ring counters wrap around 2^32 as kernel.c's u32 arithmetic does", () => {
    const shared = scratch("x86_64-linux", "x86_64-linux");
    const ring = shared.runq[1]!;
    ring.head = ring.tail = ring.committed = 2 ** 32 - 3;
    const indices = Int32Array.from({ length: 6 }, () => shared.cache.allocIndex());
    hot.writeTasks(shared.tasks, indices, 6, 0, 0, -1);
    expect(hot.enqueueMany(shared.runq[1]!, indices, 0, 6)).toBe(6);
    expect([ring.tail, ring.committed]).toEqual([3, 3]);
    expect(hot.runqLength(shared.runqArray, 1)).toBe(6);
    const pids = Array.from({ length: 7 }, () => hot.runFrom(shared.tasks, shared.runq[1]!, shared.perf[0]!, 0, false));
    expect(pids).toEqual([...Array.from({ length: 6 }, (_, k) => pidOf(0, k)), hot.RUN_EMPTY]);
  });
});
