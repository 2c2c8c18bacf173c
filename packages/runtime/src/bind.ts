/**
 * bindView: the dynamic view of a table's root type over an area (SPEC §3, "without
 * the compiler the result is a dynamic view ... with the same checks"). TypedMemory,
 * `__typed(...)`, `at` and the slab allocator all bind through it.
 */
import type { TypeTable } from "@typedc/core";
import { assert } from "./checks.js";
import { makeHandle } from "./primitives.js";
import { deepFreeze } from "./protect.js";
import type { Region } from "./region.js";
import { arrayPlan, planOf } from "./view-plan.js";
import { arrayLength, makeView } from "./view-make.js";
import { Binding, type Strategy } from "./view-state.js";

/** BindOptions choose the morph strategy, the access-path root and an optional element count. */
export interface BindOptions {
  /** `table` (default): accessors from the plan, no eval. `codegen`: accessors generated with `new Function`. */
  readonly strategy?: Strategy;
  /** Root of access paths in error messages (`tasks` gives `tasks[1024].pid`); default the type name. */
  readonly name?: string;
  /** View `count` consecutive root objects as an array (stride = the root's size). */
  readonly count?: number;
}

/**
 * bindView returns the view of `table`'s root type over `region` (a record view, or
 * an array view when the root is an array or `count` is given). The table is deeply
 * frozen; the area must hold the whole object (else TypedBoundsError).
 */
export function bindView(table: TypeTable, region: Region, options: BindOptions = {}): any {
  const tp = planOf(deepFreeze(table));
  const t = options.count === undefined ? tp.root : arrayPlan(tp, tp.root.index, options.count);
  assert(t.shape === "record" || t.shape === "array", `bindView of a ${t.shape} root`);
  const h = makeHandle(region, table.endian);
  const a = h.base;
  const length = t.shape === "array" ? arrayLength({ h }, t, a) : 0;
  return makeView(new Binding(h, a, tp, t, length, options.strategy ?? "table", null, options.name ?? t.name));
}
