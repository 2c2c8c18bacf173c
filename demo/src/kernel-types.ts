/**
 * kernel-types.ts — the structs the demo's kernel instances share (SPEC §2), the
 * same as `struct task`, `struct perf_unit`, `struct runq` and `struct sched_stats`
 * in interop/wasm/kernel.c, so the wasm32 C kernel works on the very same bytes.
 * `demo/tables.json` is `typedc tables demo/src/kernel-types.ts --format all` of this file.
 */
import type { i32, u32, u64, c_char, c_long, ptr, array, bits, atomic } from "@typedc/runtime";

/** Task is a process descriptor (`struct task`): `c_long` and `ptr` change size per format. */
export interface Task {
  pid: i32;
  state: c_long;
  comm: array<c_char, 16>;
  vruntime: u64;
  parent: ptr<Task>;
  flags: bits<u32, 4>;
  prio: bits<u32, 8>;
  nr_scans: u32;
  sum_exec_ns: u64;
}

/** PerfUnit is one scheduling unit's performance counters (`struct perf_unit`), updated with atomics. */
export interface PerfUnit {
  cycles: atomic<u64>;
  events: atomic<u32>;
  misses: atomic<u32>;
}

/** RunQueue is one unit's run queue (`struct runq`): a bounded multi-producer, multi-consumer ring. */
export interface RunQueue {
  head: atomic<u32>;
  tail: atomic<u32>;
  committed: atomic<u32>;
  capacity: u32;
  slots: array<i32, 64>;
}

/** SchedStats is the summary the C kernel's `scan_tasks` writes (`struct sched_stats`). */
export interface SchedStats {
  runnable: i32;
  min_vruntime_pid: i32;
  max_depth: i32;
  comm_hash: u32;
  total_vruntime: u64;
}
