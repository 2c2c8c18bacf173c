/**
 * pool-types.ts — the structs of examples/worker-pool.ts. Their type tables are
 * examples/pool.tables.json: `npx typedc tables examples/pool-types.ts --format all --out examples/pool.tables.json`.
 */
import type { atomic, array, c_long, i32, u8, u32 } from "@typedc/runtime";

/** Job is one unit of work: inputs, the result, and which worker computed it. */
export interface Job {
  id: u32;
  input: array<i32, 8>;
  sum: c_long; // 4 bytes on i386-linux and x86_64-windows, 8 on x86_64-linux and s390x-linux
  worker: u8;
}

/** PoolControl hands out jobs: a worker claims the next one with an atomic add. */
export interface PoolControl {
  next: atomic<u32>;
  done: atomic<u32>;
}
