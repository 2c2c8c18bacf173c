/**
 * hot-select.ts — which hot.ts the units call: the TypeScript source as it is
 * (dynamic views, the default) or its output from the tsc plugin (`--compiled`:
 * compiled accesses). Every thread selects before its first step.
 */
import * as source from "./hot";

/** HotModule is hot.ts's exports. */
export type HotModule = typeof source;

let selected: HotModule = source;

/** hot returns the selected implementation. */
export function hot(): HotModule {
  return selected;
}

/** useCompiledHot switches this thread to the compiled hot.js at `path` (from compile.ts). */
export function useCompiledHot(path: string): void {
  selected = require(path) as HotModule;
}
