// A process descriptor and a per-CPU run queue, as a kernel would declare them.
// Try: npx typedc layout examples/task.ts --format x86_64-linux,armv7-linux,s390x-linux
import type { i32, u32, u64, c_long, c_char, c_int, array, ptr, bits, atomic, union } from "@typedc/runtime";

export enum TaskState {
  Running = 0,
  Interruptible = 1,
  Uninterruptible = 2,
  Dead = 64,
}

export interface ListHead {
  next: ptr<ListHead>;
  prev: ptr<ListHead>;
}

export interface SchedEntity {
  load_weight: c_long;
  vruntime: u64;
  on_rq: bits<u32, 1>;
  cpu: bits<u32, 12>;
}

export interface Task {
  pid: i32;
  state: TaskState;
  comm: array<c_char, 16>;
  se: SchedEntity;
  parent: ptr<Task>;
  tasks: ListHead;
  flags: c_long;
  exit_code: c_int;
  usage: atomic<i32>;
  stat: union<{ raw: u64; split: { lo: u32; hi: u32 } }>;
}

export interface RunQueue {
  nr_running: atomic<u32>;
  cpu: i32;
  clock: u64;
  curr: ptr<Task>;
  queue: array<i32, 64>;
}
