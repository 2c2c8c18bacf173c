/**
 * CompiledRef: how code compiled by the typedc front-ends holds a typed object
 * (docs/compiler.md). It is a handle, a byte address and the plans of the bound
 * format, with no accessors: compiled code reads and writes through paths
 * (compiled-path.ts). It answers the runtime's view state, so every function that
 * takes a view (`sizeof`, `toPlain`, `copy`, `readCString`, `atomicAdd`, a cache's
 * `free`, ...) takes a CompiledRef too.
 */
import type { Handle } from "./primitives.js";
import { arrayLength } from "./view-make.js";
import type { TablePlan, TypePlan } from "./view-plan.js";
import { pathOf, requireState, STATE, type ViewState } from "./view-state.js";

/** CompiledRef is a typed object as compiled code holds it: handle, byte address, plans, array length, access path. */
export class CompiledRef {
  readonly h: Handle;
  /** Byte index of the object in the memory's buffer. */
  readonly a: number;
  readonly tp: TablePlan;
  readonly t: TypePlan;
  /** Arrays: the element count (declared, published, or what fits for a flexible array member). */
  readonly length: number;
  /** The access path, for messages (`tasks[3]`). */
  readonly p: string;
  constructor(h: Handle, a: number, tp: TablePlan, t: TypePlan, length: number, p: string) {
    this.h = h;
    this.a = a;
    this.tp = tp;
    this.t = t;
    this.length = length;
    this.p = p;
  }
  /** The view state the runtime's view functions read (view-state.ts `stateOf`). */
  get [STATE](): ViewState {
    return { h: this.h, a: this.a, tp: this.tp, t: this.t, length: this.length, strategy: "table", parent: null, seg: this.p };
  }
}

/**
 * cref opens a typed value for compiled code: a CompiledRef stays as it is, a view
 * (from `__typed`, `__typed.at`, `cache.alloc()` or plain JS) is opened once, and
 * null or undefined stays as it is (a null `ptr<T>` read, a `let` not yet assigned).
 * Anything else throws TypedRangeError.
 */
export function cref(v: unknown): CompiledRef {
  if (v instanceof CompiledRef || v === null || v === undefined) return v as CompiledRef;
  const s = requireState(v);
  return new CompiledRef(s.h, s.a, s.tp, s.t, s.length, pathOf(s));
}

/** sub is the CompiledRef of the record or array of plan `t` at byte `a` inside `r` (already bounds-checked by the caller). */
export function sub(r: CompiledRef, a: number, t: TypePlan, p: string): CompiledRef {
  return new CompiledRef(r.h, a, r.tp, t, t.shape === "array" ? arrayLength(r, t, a) : 0, p);
}

/** rsize is `sizeof` of an opened object in its bound format (arrays: length × stride). */
export function rsize(r: CompiledRef): number {
  return r.t.shape === "array" ? r.length * r.t.stride : r.t.size;
}
