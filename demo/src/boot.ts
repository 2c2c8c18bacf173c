/**
 * boot.ts — the main thread boots the machine: instantiates the wasm32 C kernel on
 * a shared WebAssembly.Memory, formats a typed memory inside it (directory in a
 * reserved range above the module's data and stack), and creates the areas the C
 * kernel works on, in the C kernel's format, wasm32 (chosen by id).
 */
import { __typed, typedCache, TypedMemory } from "@typedc/runtime";
import { AREA, DIRECTORY_LAYOUT, directoryOffsetOf } from "./areas";
import type { SchedStats, Task } from "./kernel-types";
import type { DemoTypes } from "./types";
import { instantiateKernel, loadKernelModule, newKernelMemory, type WasmKernel } from "./wasm-kernel";

/** C_FORMAT is the format of the C kernel: what clang lays out for wasm32-unknown-unknown. */
export const C_FORMAT = "wasm32" as const;

/** Booted is the machine after boot. */
export interface Booted {
  readonly module: WebAssembly.Module;
  readonly kernel: WasmKernel;
  readonly memory: TypedMemory;
  readonly directoryOffset: number;
}

/** boot instantiates the kernel, formats the typed memory and creates the task cache, the run queues and the stats area. */
export function boot(types: DemoTypes, units: number, iterations: number): Booted {
  const module = loadKernelModule();
  const kernel = instantiateKernel(module, newKernelMemory());
  const directoryOffset = directoryOffsetOf(kernel.heapBase);
  const memory = TypedMemory.create({ buffer: kernel.memory, directoryOffset, ...DIRECTORY_LAYOUT });
  typedCache<Task>(AREA.tasks, { memory, type: types.Task, format: C_FORMAT, capacity: units * iterations, create: "always" });
  const runq = __typed.open(AREA.runq, { memory, type: types.RunQueue, format: C_FORMAT, count: units, create: "always" });
  const runqStride = runq.byteLength / units;
  for (let u = 0; u < units; u++) kernel.exports.runq_init(runq.byteOffset + u * runqStride); // C initialises, TypeScript reads `capacity`
  __typed<SchedStats>(AREA.stats, { memory, type: types.SchedStats, format: C_FORMAT, create: "always" });
  return { module, kernel, memory, directoryOffset };
}
