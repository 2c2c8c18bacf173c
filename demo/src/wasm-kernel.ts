/**
 * wasm-kernel.ts — the wasm32 C kernel (interop/wasm/kernel.wasm, built from
 * interop/wasm/kernel.c by scripts/interop/build-wasm.sh) instantiated on a shared
 * WebAssembly.Memory that also holds the typed memory's directory and areas.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** KERNEL_WASM_PATH is the committed kernel module. */
export const KERNEL_WASM_PATH = path.join(__dirname, "..", "..", "interop", "wasm", "kernel.wasm");

/** KERNEL_PAGES is the module's maximum memory (build-wasm.sh: --max-memory=32 pages, 2 MiB). */
export const KERNEL_PAGES = 32;

/** KernelExports are the C functions of kernel.c the demo calls (every pointer is a wasm32 address). */
export interface KernelExports {
  readonly __heap_base: WebAssembly.Global;
  scan_tasks(tbl: number, n: number, out: number): number;
  task_set_flags(t: number, flags: number, prio: number): void;
  perf_add(units: number, unit: number, cycles: bigint, misses: number): number;
  perf_total_cycles(units: number, n: number): bigint;
  runq_init(q: number): void;
  enqueue(q: number, pid: number): number;
  dequeue(q: number): number;
  runq_length(q: number): number;
  task_sizeof(): number;
  offsetof_task_sum_exec_ns(): number;
  perf_unit_sizeof(): number;
  runq_sizeof(): number;
}

/** WasmKernel is one instance of the kernel and the memory it runs on. */
export interface WasmKernel {
  readonly memory: WebAssembly.Memory;
  readonly exports: KernelExports;
  /** First byte above the module's data and stack: everything from here belongs to JavaScript. */
  readonly heapBase: number;
}

/** loadKernelModule compiles kernel.wasm. */
export function loadKernelModule(): WebAssembly.Module {
  return new WebAssembly.Module(readFileSync(KERNEL_WASM_PATH));
}

/** newKernelMemory makes the shared memory the kernel imports (Atomics.wait needs `shared`). */
export function newKernelMemory(): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: KERNEL_PAGES, maximum: KERNEL_PAGES, shared: true });
}

/** instantiateKernel instantiates the module on `memory`. */
export function instantiateKernel(module: WebAssembly.Module, memory: WebAssembly.Memory): WasmKernel {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const exports = instance.exports as unknown as KernelExports;
  return { memory, exports, heapBase: exports.__heap_base.value as number };
}
