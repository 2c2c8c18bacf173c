/**
 * sizeof, alignof, offsetof for a bound view (SPEC §3): answered from the view's
 * type table, so the same expression gives each format's answer ("`sizeof`
 * becomes dynamic", PLOS'19 §3).
 */
import { AccessMessages, rangeError } from "./checks.js";
import type { TypePlan } from "./view-plan.js";
import { pathOf, requireState } from "./view-state.js";

/** sizeof returns the size in bytes of a view's object in its format (arrays: length × stride). */
export function sizeof(view: unknown): number {
  const s = requireState(view);
  return s.t.shape === "array" ? s.length * s.t.stride : s.t.size;
}

/** alignof returns the alignment in bytes of a view's type in its format. */
export function alignof(view: unknown): number {
  return requireState(view).t.align;
}

/**
 * offsetof returns the byte offset of a member designator (`"pid"`, `"sched.prio"`,
 * `"comm[3]"`, as C's offsetof accepts) from the start of a view's object. A
 * bit-field has no byte offset (C11 7.19p3): TypedRangeError.
 */
export function offsetof(view: unknown, designator: string): number {
  const s = requireState(view);
  let t: TypePlan = s.t;
  let byteOffset = 0;
  for (const part of designator.match(/[^.[\]]+|\[\d+\]/g) ?? [designator]) {
    if (part.startsWith("[")) {
      if (t.shape !== "array") throw rangeError(AccessMessages.UnknownMember, [t.name, part], pathOf(s));
      byteOffset += Number(part.slice(1, -1)) * t.stride;
      t = s.tp.types[t.elem];
      continue;
    }
    const m = t.shape === "record" ? t.m[part] : undefined;
    if (m === undefined) throw rangeError(AccessMessages.UnknownMember, [t.name, part], pathOf(s));
    if (m.shape === "bits") throw rangeError(AccessMessages.BitFieldOffset, [part], pathOf(s));
    byteOffset += m.off;
    t = s.tp.types[m.type];
  }
  return byteOffset;
}
