/**
 * context: the typed area the W1–W3 implementations share: `bench.recs`, an
 * array<Rec, n> in x86_64-linux created with `__typed.open` in a TypedMemory
 * over a SharedArrayBuffer, filled with data.ts's initial records.
 */
import { TypedMemory, __typed } from "@typedc/runtime";
import { fillRecords, seededIndices } from "./data.js";
import type { BenchContext } from "./impl.js";
import type { Model } from "./model.js";

/** AreaContext is a BenchContext plus the area's bytes and a way back to the initial records. */
export interface AreaContext extends BenchContext {
  readonly area: Uint8Array;
  /** reset restores the initial records (untimed). */
  reset(): void;
}

// DIRECTORY_SLACK_BYTES leaves room for the memory's directory and table region before the heap.
const DIRECTORY_SLACK_BYTES = 1 << 16;

/** makeContext creates the area for n records and fills it. */
export function makeContext(model: Model, n: number): AreaContext {
  const layout = model.layouts["x86_64-linux"]!;
  const memory = TypedMemory.create({ bytes: n * layout.byteSize + DIRECTORY_SLACK_BYTES });
  const opened = __typed.open("bench.recs", { memory, type: model.types, format: "x86_64-linux", count: n });
  const recs = opened.view;
  fillRecords(recs, n);
  const areaByteOffset = memory.bytes.byteOffset + opened.byteOffset;
  const area = new Uint8Array(memory.buffer, areaByteOffset, n * layout.byteSize);
  const initial = area.slice();
  return {
    n, model, layout, memory, recs, area,
    buffer: memory.buffer as SharedArrayBuffer,
    areaByteOffset,
    indices: seededIndices(n, n),
    reset: () => area.set(initial),
  };
}
