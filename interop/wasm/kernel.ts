/**
 * kernel.ts — the typedc declarations (SPEC §2) of the structs in interop/wasm/kernel.c,
 * shared between TypeScript and the wasm32 kernel in one WebAssembly.Memory.
 */
import type { i32, u32, u64, c_char, c_long, ptr, array, bits, atomic } from "@typedc/runtime";

/** Task is `struct task`, one entry of the task table. */
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

/** PerfUnit is `struct perf_unit`, one unit's counters, updated with atomics. */
export interface PerfUnit {
  cycles: atomic<u64>;
  events: atomic<u32>;
  misses: atomic<u32>;
}

/** RunQueue is `struct runq`, a bounded ring of pids. */
export interface RunQueue {
  head: atomic<u32>;
  tail: atomic<u32>;
  committed: atomic<u32>;
  capacity: u32;
  slots: array<i32, 64>;
}

/** SchedStats is `struct sched_stats`, the summary `scan_tasks` writes. */
export interface SchedStats {
  runnable: i32;
  min_vruntime_pid: i32;
  max_depth: i32;
  comm_hash: u32;
  total_vruntime: u64;
}
