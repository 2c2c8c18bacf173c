/**
 * Conversions between typed views and plain JS values (SPEC §3): `toPlain` where a
 * typed value flows into a plain declaration, `assign` when a plain object is
 * assigned to a typed struct (field by field, with the checks of SPEC §4), and
 * `copy` from one typed object to another, across formats, field by field by name.
 */
import { AccessMessages, describeValue, formatError, rangeError } from "./checks.js";
import { childState, getMember, getValue, setMember, setValue } from "./view-make.js";
import type { TypePlan } from "./view-plan.js";
import { pathOf, requireState, stateOf, type ViewState, segText, type Seg } from "./view-state.js";

/** toPlain converts a view into plain JS data: records to objects, arrays to arrays; pointers stay views (or null). */
export function toPlain(view: unknown): any {
  return plainOf(requireState(view));
}

function plainOf(s: ViewState): any {
  if (s.t.shape === "array") {
    const elem = s.tp.types[s.t.elem];
    const out = new Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = plainValue(s, elem, s.a + i * s.t.stride, i);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const m of s.t.members) {
    out[m.name] = m.shape === "bits" ? getMember(s, m) : plainValue(s, s.tp.types[m.type], s.a + m.off, "." + m.name);
  }
  return out;
}

function plainValue(s: ViewState, t: TypePlan, a: number, seg: Seg): unknown {
  if (t.shape === "record" || t.shape === "array") return plainOf(childState(s, t.index, a, seg));
  return getValue(s, t, a, seg);
}

/**
 * assign writes a plain object into a record view (or an array-like into an array
 * view) field by field. Every key must name a member (else TypedRangeError, before
 * anything is written); values are checked as they are written, so a bad value
 * leaves the members before it written. A view as the source is a `copy`.
 */
export function assign(view: unknown, value: unknown): void {
  assignInto(requireState(view), value);
}

/** assignInto writes `value` (plain data or a view) into the record or array bound by `s`. */
export function assignInto(s: ViewState, value: unknown): void {
  const src = stateOf(value);
  if (src !== undefined) return copyState(s, src);
  if (s.t.shape === "array") return assignArray(s, value);
  if (value === null || typeof value !== "object") throw rangeError(AccessMessages.WrongValueType, [s.t.name || "struct", "object", describeValue(value)], pathOf(s));
  const entries = Object.entries(value);
  for (const [key] of entries) {
    if (!(key in s.t.m)) throw rangeError(AccessMessages.UnknownMember, [s.t.name, key], pathOf(s));
  }
  for (const [key, v] of entries) setMember(s, s.t.m[key], v);
}

function assignArray(s: ViewState, value: unknown): void {
  const items = typeof value === "object" && value !== null && Symbol.iterator in value ? [...(value as Iterable<unknown>)] : undefined;
  if (items === undefined) throw rangeError(AccessMessages.WrongValueType, [s.t.name, "array", describeValue(value)], pathOf(s));
  // A flexible array member takes up to its length; a fixed array exactly its count.
  const fits = s.t.count === 0 ? items.length <= s.length : items.length === s.length;
  if (!fits) throw rangeError(AccessMessages.LengthMismatch, [items.length, s.length], pathOf(s));
  const elem = s.tp.types[s.t.elem];
  for (let i = 0; i < items.length; i++) setValue(s, elem, s.a + i * s.t.stride, items[i], i);
}

/**
 * copy copies one typed object into another. Same table and type: the bytes are
 * copied (memmove). Otherwise member by member by name, converting each value
 * with the destination's checks; a destination member missing in the source is a
 * TypedFormatError listing every such member.
 */
export function copy(dst: unknown, src: unknown): void {
  copyState(requireState(dst), requireState(src));
}

function copyState(d: ViewState, s: ViewState): void {
  if (d.tp.table.hash === s.tp.table.hash && d.t.index === s.t.index && d.t.shape === "record") {
    if (d.h.buffer === s.h.buffer) d.h.u8.copyWithin(d.a, s.a, s.a + s.t.size);
    else d.h.u8.set(s.h.u8.subarray(s.a, s.a + s.t.size), d.a);
    return;
  }
  if (d.t.shape === "array" || s.t.shape === "array") {
    if (d.t.shape !== s.t.shape) throw formatError(AccessMessages.FormatMismatch, [s.t.name, d.t.name, "an array and a record"]);
    const items = Array.from({ length: s.length }, (_, i) => getValue(s, s.tp.types[s.t.elem], s.a + i * s.t.stride, i));
    return assignArray(d, items);
  }
  const missing = d.t.members.filter((m) => !(m.name in s.t.m)).map((m) => `${pathOf(d)}.${m.name}: missing in '${s.t.name}'`);
  if (missing.length > 0) throw formatError(AccessMessages.FormatMismatch, [s.t.name, d.t.name, `${missing.length} member(s) missing`], missing);
  for (const m of d.t.members) setMember(d, m, getMember(s, s.t.m[m.name]));
}
