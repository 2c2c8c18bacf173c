/**
 * The entry points compiled code uses besides the primitives (docs/runtime-contract.md):
 * `ref` opens a view into its handle, address and plan, which compiled code then
 * accesses directly; `ptrGet`/`ptrSet` follow and store pointers; `viewOf` turns an
 * address back into a dynamic view where a typed value escapes to plain code.
 */
import { ptrTarget, type Handle } from "./primitives.js";
import type { PathLike } from "./checks.js";
import { arrayLength, makeView } from "./view-make.js";
import type { TablePlan, TypePlan } from "./view-plan.js";
import { requireState, type Strategy } from "./view-state.js";

/** Ref is an opened view: handle, byte address, type plan, table plan, and (arrays) length. */
export interface Ref {
  readonly h: Handle;
  readonly a: number;
  readonly t: TypePlan;
  readonly tp: TablePlan;
  readonly length: number;
}

/** ref opens a view (record or array) for compiled code. */
export function ref(view: unknown): Ref {
  const s = requireState(view);
  return Object.freeze({ h: s.h, a: s.a, t: s.t, tp: s.tp, length: s.length });
}

/**
 * ptrGet reads the pointer of plan `p` (a pointer type) at byte `a` and returns the
 * byte address of its target, checked to hold the whole target in the memory, or -1 for null.
 */
export function ptrGet(h: Handle, tp: TablePlan, p: TypePlan, a: number, path?: PathLike, location?: string): number {
  const raw: number = p.codec!.rd(h, a, path, location);
  if (raw === 0) return -1;
  const target = p.target < 0 ? undefined : tp.types[p.target];
  return ptrTarget(h, raw, target?.size ?? 0, target?.name ?? "void", path, location);
}

/** ptrSet stores a pointer to byte address `targetAddress` (-1 for null) at byte `a`. */
export function ptrSet(h: Handle, p: TypePlan, a: number, targetAddress: number, path?: PathLike, location?: string): void {
  p.codec!.wr(h, a, targetAddress < 0 ? 0 : targetAddress - h.memStart + h.addressBase, path, location);
}

/** viewOf returns a dynamic view of the record or array of plan `t` at byte `a` (bounds-checked against h's area). */
export function viewOf(h: Handle, tp: TablePlan, t: TypePlan, a: number, name = t.name, strategy: Strategy = "table"): any {
  return makeView({ h, a, tp, t, length: t.shape === "array" ? arrayLength({ h }, t, a) : 0, strategy, parent: null, seg: name });
}
