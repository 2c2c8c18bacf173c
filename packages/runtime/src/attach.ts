import type { TypeTable } from "@typedc/core";
import { at } from "./at.js";
import { arrayTableOf, openSteps, type Opened, type OpenOptions } from "./attach-steps.js";
import { EntryKind } from "./directory-format.js";
import { TypedError } from "./errors.js";
import type { __typed as TypedBinding } from "./ctypes.js";
import type { TypedMemory } from "./memory.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";
import type { Region } from "./region.js";
import { bindView } from "./view.js";
import { runAsync, runBlocking, type Steps } from "./wait.js";

/** TypedOptions are the options of `__typed(name, options)` (SPEC §3). */
export interface TypedOptions extends OpenOptions {
  /**
   * Make the area an array of `count` objects of T (`array<T, count>`), for sizes known
   * only at run time. An attacher may leave it out and gets the published count.
   */
  readonly count?: number;
}

/** AREA_MIN_ALIGN: every area starts 8-aligned, so 64-bit Atomics work on any 8-aligned field of it. */
const AREA_MIN_ALIGN = 8;

/**
 * __typed creates or attaches the named typed area (SPEC §3) and returns a
 * bounds-checked view of it laid out in the published format. A creator publishes
 * its `format`; an attacher binds to whatever was published (morphing). With
 * `create: "never"` and `wait`, it blocks with Atomics.wait until the name is
 * published: use `__typed.async` where blocking is not allowed (a browser's main thread).
 */
function typed<T = any>(name: string, options: TypedOptions): T {
  return runBlocking(areaSteps<T>(name, options));
}

/** __typed.async is __typed that waits with Atomics.waitAsync and returns a Promise of the view. */
function typedAsync<T = any>(name: string, options: TypedOptions): Promise<T> {
  return runAsync(areaSteps<T>(name, options));
}

/** TypedArea is what `__typed.open` returns: the view and how the call got it. */
export interface TypedArea<T = any> {
  readonly view: T;
  /** This call created (and published) the area; false: it attached to another agent's. */
  readonly created: boolean;
  /** The published format id (an ABI id or "unified"). */
  readonly format: string;
  /** Where the area lives in the memory. */
  readonly byteOffset: number;
  readonly byteLength: number;
}

/** __typed.open is __typed that also tells whether this call created the area and in which format it is published. */
function typedOpen<T = any>(name: string, options: TypedOptions): TypedArea<T> {
  return runBlocking(openedSteps<T>(name, options));
}

/** __typed<T> (the type) marks a binding whose value lives in typed memory laid out as T (ctypes.ts). */
export type __typed<T> = TypedBinding<T>;
/** __typed creates or attaches a named typed area (see `typed`); `__typed.async` is its non-blocking form. */
export const __typed: typeof typed & { async: typeof typedAsync; open: typeof typedOpen; at: typeof at } = Object.assign(typed, {
  async: typedAsync,
  open: typedOpen,
  at, // __typed.at (SPEC §3) is at.ts's `at`
});

// areaSteps opens the area and binds the view over it.
function* areaSteps<T>(name: string, options: TypedOptions): Steps<T> {
  return (yield* openedSteps<T>(name, options)).view;
}

function* openedSteps<T>(name: string, options: TypedOptions): Steps<TypedArea<T>> {
  const count = options.count;
  if (count !== undefined && (!Number.isSafeInteger(count) || count < 1)) {
    throw memoryError(TypedError, M.Option_0_must_be_1_got_2, ["count", "a positive integer", String(count)]);
  }
  const opened = yield* openSteps(name, options, areaSpec(count ?? 0), (mine, published) => wrapCount(mine, count, published));
  const { entry } = opened;
  const view = bindArea<T>(options.memory, opened);
  return { view, created: opened.created, format: entry.formatId, byteOffset: entry.areaByteOffset, byteLength: entry.areaByteLength };
}

// areaSpec: an area is exactly sizeof(T) bytes (T already wrapped as array<T, count>).
function areaSpec(count: number) {
  return {
    kind: EntryKind.area,
    count,
    byteLength: (table: TypeTable) => Math.max(1, table.types[table.root]!.byteSize),
    byteAlign: (table: TypeTable) => Math.max(AREA_MIN_ALIGN, table.types[table.root]!.alignment),
  };
}

// wrapCount makes T into array<T, count> when the caller (or, for an attacher that gave
// no count, the publisher) asked for a run-time count.
function wrapCount(mine: TypeTable, count: number | undefined, published?: TypeTable): TypeTable {
  if (count !== undefined) return arrayTableOf(mine, count);
  const publishedRoot = published?.types[published.root];
  const mineRoot = mine.types[mine.root]!;
  if (publishedRoot?.tag === "array_type" && mineRoot.tag !== "array_type") return arrayTableOf(mine, publishedRoot.count);
  return mine;
}

/** areaRegion returns the Region of a published area in `memory`. */
export function areaRegion(memory: TypedMemory, opened: Opened): Region {
  return { bytes: memory.bytes, byteOffset: opened.entry.areaByteOffset, byteLength: opened.entry.areaByteLength, addressBase: 0 };
}

function bindArea<T>(memory: TypedMemory, opened: Opened): T {
  return bindView(opened.table, areaRegion(memory, opened), { name: opened.entry.name }) as T;
}
