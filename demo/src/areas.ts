/**
 * areas.ts — the named areas the kernel instances share, and how an agent opens
 * them: the directory sits in a reserved range of the wasm memory (above the C
 * module's data and stack), every area comes from the heap after it.
 */
import type { AbiId } from "@typedc/core";
import { __typed, bindView, typedCache, TypedMemory, type FormatChoice, type Strategy, type TypedCache } from "@typedc/runtime";
import type { PerfUnit, RunQueue, SchedStats, Task } from "./kernel-types";
import type { DemoTypes } from "./types";

/** AREA names the shared areas (global names in the memory's directory). */
export const AREA = {
  tasks: "kernel.tasks", // typedCache<Task>: the process descriptors
  runq: "sched.runq", // array<RunQueue, units>: one run queue per unit
  perf: "sched.perf", // array<PerfUnit, units>: per-unit counters (atomic)
  stats: "sched.stats", // SchedStats: what the C kernel's scan_tasks writes
} as const;

/** DIRECTORY_LAYOUT: 16 names and 16 KiB of tables are plenty (docs/runtime.md: 64 + 160·N + tables bytes). */
export const DIRECTORY_LAYOUT = { entryCapacity: 16, tableRegionByteLength: 16 * 1024 } as const;

/** DIRECTORY_ALIGN: the directory starts on a cache line above the module's own memory. */
const DIRECTORY_ALIGN = 64;

/** directoryOffsetOf is where the directory goes in the kernel's memory: the first aligned byte above __heap_base. */
export function directoryOffsetOf(heapBase: number): number {
  return Math.ceil(heapBase / DIRECTORY_ALIGN) * DIRECTORY_ALIGN;
}

/** WAIT_MS: how long an attacher waits for another agent to publish a name. */
export const WAIT_MS = 20_000;

/** Shared is one agent's bindings of the shared areas, in the published formats. */
export interface Shared {
  readonly memory: TypedMemory;
  readonly cache: TypedCache<Task>;
  /** Every object of the cache, by index, as one array view (allocated or not). */
  readonly tasks: Task[];
  /** Each unit's run queue and counters, bound once (a view per element, reused). */
  readonly runq: readonly RunQueue[];
  readonly perf: readonly PerfUnit[];
  /** The same areas as whole arrays: what hot.ts's typed functions take. */
  readonly runqArray: RunQueue[];
  readonly perfArray: PerfUnit[];
  /** Absolute byte offsets (wasm32 pointers) of the cache's first object and of each area. */
  readonly tasksBase: number;
  readonly taskStride: number;
  readonly runqBase: number;
  readonly perfBase: number;
}

/** alignUp rounds byteOffset up to a multiple of byteAlign. */
export const alignUp = (byteOffset: number, byteAlign: number) => Math.ceil(byteOffset / byteAlign) * byteAlign;

/**
 * cacheObjects finds the objects of a typedCache from its published entry: the
 * layout docs/runtime.md ("Slab cache") fixes — a 64-byte header, one i32 link per
 * object, then the objects aligned to max(8, alignof T), sizeof T apart.
 */
export function cacheObjects(memory: TypedMemory, name: string): { base: number; stride: number; capacity: number } {
  const entry = memory.query(name);
  if (!entry || entry.kind !== "cache") throw new Error(`assert: ${name} is not a published cache`);
  const root = entry.table.types[entry.table.root]!;
  const stride = alignUp(Math.max(1, root.byteSize), root.alignment);
  const objectsOffset = alignUp(64 + 4 * entry.count, Math.max(8, root.alignment));
  if (objectsOffset + stride * entry.count !== entry.byteLength) throw new Error(`assert: cache ${name} is not laid out as docs/runtime.md says`);
  return { base: entry.byteOffset + objectsOffset, stride, capacity: entry.count };
}

/** rebindArea views a published area again with a chosen morph strategy, over its published table. */
export function rebindArea<T>(memory: TypedMemory, name: string, strategy: Strategy): T {
  const entry = memory.query(name);
  if (!entry) throw new Error(`assert: ${name} is not published`);
  return bindView(entry.table, { bytes: memory.bytes, byteOffset: entry.byteOffset, byteLength: entry.byteLength, addressBase: 0 }, { strategy, name }) as T;
}

/** OpenRequest says how one agent opens the areas. */
export interface OpenRequest {
  readonly memory: TypedMemory;
  readonly types: DemoTypes;
  /** The agent's own format: what its accessors were built for. */
  readonly format: AbiId;
  readonly strategy: Strategy;
  /** The counters area: the format choice of its creator, or undefined to attach to it. */
  readonly createPerf?: { readonly format: FormatChoice; readonly units: number };
}

/** AreaFact is what an agent learnt opening one area. */
export interface AreaFact {
  readonly name: string;
  readonly created: boolean;
  readonly published: string;
}

/**
 * openShared attaches (or, for the counters, creates) every area as an agent built
 * for `format`: the runtime compares the published table with the agent's own and
 * binds to the published one (morphing), then the views are bound again with the
 * chosen strategy.
 */
export function openShared(req: OpenRequest): { shared: Shared; facts: AreaFact[] } {
  const { memory, types, format, strategy } = req;
  const facts: AreaFact[] = [];
  const cache = typedCache<Task>(AREA.tasks, { memory, type: types.Task, format, create: "never", wait: WAIT_MS });
  facts.push({ name: AREA.tasks, created: cache.created, published: cache.format });
  const runq = __typed.open(AREA.runq, { memory, type: types.RunQueue, format, create: "never", wait: WAIT_MS });
  facts.push({ name: AREA.runq, created: runq.created, published: runq.format });
  const perfCreate = req.createPerf;
  const perf = perfCreate
    ? __typed.open(AREA.perf, { memory, type: types.PerfUnit, format: perfCreate.format, count: perfCreate.units, create: "always" })
    : __typed.open(AREA.perf, { memory, type: types.PerfUnit, format, create: "never", wait: WAIT_MS });
  facts.push({ name: AREA.perf, created: perf.created, published: perf.format });
  const objects = cacheObjects(memory, AREA.tasks);
  const region = { bytes: memory.bytes, byteOffset: objects.base, byteLength: objects.stride * objects.capacity, addressBase: 0 };
  const tasks = bindView(cache.table, region, { count: objects.capacity, strategy, name: AREA.tasks }) as Task[];
  const runqArray = rebindArea<RunQueue[]>(memory, AREA.runq, strategy);
  const perfArray = rebindArea<PerfUnit[]>(memory, AREA.perf, strategy);
  const shared: Shared = {
    memory,
    cache,
    tasks,
    runq: elementsOf(runqArray),
    perf: elementsOf(perfArray),
    runqArray,
    perfArray,
    tasksBase: objects.base,
    taskStride: objects.stride,
    runqBase: runq.byteOffset,
    perfBase: perf.byteOffset,
  };
  return { shared, facts };
}

// elementsOf binds every element of an array view once (typed arrays are iterable, SPEC §3).
function elementsOf<T>(array: Iterable<T>): readonly T[] {
  return [...array];
}

/** publishedOf tells the warm-up in which formats the areas were published. */
export function publishedOf(shared: Shared): { tasks: string; runq: string; perf: string; runqCapacity: number } {
  const format = (name: string) => shared.memory.query(name)!.format;
  return { tasks: format(AREA.tasks), runq: format(AREA.runq), perf: format(AREA.perf), runqCapacity: shared.runq[0]!.capacity };
}

/** statsView binds the C kernel's summary area. */
export function statsView(memory: TypedMemory, strategy: Strategy): SchedStats {
  return rebindArea<SchedStats>(memory, AREA.stats, strategy);
}
