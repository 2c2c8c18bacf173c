/**
 * makeView and the member/element accessors shared by every view: scalars are
 * read and written through their codec; records and arrays become child views;
 * pointers become views of their target. Child views share the parent's handle:
 * their extent lies inside the parent's, which was bounds-checked when the root
 * view was made, so a member access needs no further check (SPEC §4).
 */
import { AccessMessages, assert, checkArea, rangeError } from "./checks.js";
import { TypedError } from "./errors.js";
import { assignInto } from "./convert.js";
import { loadPointer, storePointer } from "./pointer.js";
import { Binding, KID_LIST_MAX, KidList, pathOf, type ViewState, segText, type Seg } from "./view-state.js";
import type { MemberPlan, TypePlan } from "./view-plan.js";
import { structClass } from "./view-struct.js";
import { arrayProxy } from "./view-array.js";

/**
 * makeView returns the view of a record or array binding, checking that it lies in its
 * area. Record views are made non-extensible (SPEC §4; element views of arrays are made
 * by view-array.ts without it, see view-record.ts).
 */
export function makeView(s: ViewState): any {
  const extent = s.t.shape === "array" ? s.length * s.t.stride : s.t.size;
  if (s.a < s.h.base || s.a + extent > s.h.end) checkArea(s.a, extent, s.h.base, s.h.end, pathOf(s));
  if (s.t.shape === "record") return Object.preventExtensions(new (structClass(s.tp, s.t, s.strategy))(s.h, s.a, s.t, s));
  assert(s.t.shape === "array", `makeView of a ${s.t.shape}`);
  return arrayProxy(s);
}

/**
 * arrayLength is the element count of an array at byte `a`: its declared count, or
 * for a flexible array member (count 0) the whole elements that fit before the area's end.
 */
export function arrayLength(s: { h: { end: number } }, t: TypePlan, a: number): number {
  if (t.count > 0 || t.stride === 0) return t.count;
  return Math.max(0, Math.floor((s.h.end - a) / t.stride));
}

/** childState is the binding of a member or element of type `typeIndex` at byte `a`. */
export function childState(s: ViewState, typeIndex: number, a: number, seg: Seg): ViewState {
  const t = s.tp.types[typeIndex];
  const length = t.shape === "array" ? arrayLength(s, t, a) : 0;
  return new Binding(s.h, a, s.tp, t, length, s.strategy, s, seg);
}

/** rethrow adds the access path to a TypedError thrown by a codec (which does not know it). */
export function rethrow(e: unknown, s: ViewState, seg: Seg): never {
  if (e instanceof TypedError && e.path === undefined) {
    const raw = e.message.replace(/ \(TYPED\d+\)$/, "");
    const Cls = e.constructor as new (code: number, message: string, o: { path?: string; location?: string }) => TypedError;
    throw new Cls(e.code, raw, { path: pathOf(s) + segText(seg), location: e.location });
  }
  throw e;
}

/** getValue reads the value of type `t` at byte `a` of a view (`seg` names it in errors). */
export function getValue(s: ViewState, t: TypePlan, a: number, seg: Seg): any {
  switch (t.shape) {
    case "record":
    case "array":
      return makeView(childState(s, t.index, a, seg));
    case "pointer":
      return loadPointer(s, t, a, seg);
    default:
      try {
        return t.codec!.rd(s.h, a);
      } catch (e) {
        rethrow(e, s, seg);
      }
  }
}

/** setValue writes `v` as the value of type `t` at byte `a` of a view. */
export function setValue(s: ViewState, t: TypePlan, a: number, v: unknown, seg: Seg): void {
  switch (t.shape) {
    case "record":
    case "array":
      return assignInto(childState(s, t.index, a, seg), v);
    case "pointer":
      return storePointer(s, t, a, v, seg);
    default:
      try {
        t.codec!.wr(s.h, a, v);
      } catch (e) {
        rethrow(e, s, seg);
      }
  }
}

/** memberView makes the view of a record or array member (not cached: callers cache it). */
export function memberView(s: ViewState, m: MemberPlan): any {
  return makeView(childState(s, m.type, s.a + m.off, "." + m.name));
}

function listToMap(kids: KidList): Map<object, any> {
  const map = new Map<object, any>();
  for (let k: KidList | undefined = kids; k !== undefined; k = k.next) map.set(k.m, k.v);
  return map;
}

/** getMember reads a member of a record view; record and array members' views are cached in the parent's state. */
export function getMember(s: ViewState, m: MemberPlan): any {
  if (m.shape === "record" || m.shape === "array") {
    const kids = s.kids;
    if (kids instanceof Map) {
      let kid = kids.get(m);
      if (kid === undefined) kids.set(m, (kid = memberView(s, m)));
      return kid;
    }
    for (let k = kids; k !== undefined; k = k.next) if (k.m === m) return k.v;
    const kid = memberView(s, m);
    s.kids = kids === undefined || kids.n < KID_LIST_MAX ? new KidList(m, kid, kids) : listToMap(kids).set(m, kid);
    return kid;
  }
  if (m.shape === "bits") {
    try {
      return m.codec!.rd(s.h, s.a + m.off);
    } catch (e) {
      rethrow(e, s, "." + m.name);
    }
  }
  return getValue(s, s.tp.types[m.type], s.a + m.off, "." + m.name);
}

/** setMember writes a member of a record view. */
export function setMember(s: ViewState, m: MemberPlan, v: unknown): void {
  if (m.shape === "bits") {
    try {
      return m.codec!.wr(s.h, s.a + m.off, v);
    } catch (e) {
      rethrow(e, s, "." + m.name);
    }
  }
  setValue(s, s.tp.types[m.type], s.a + m.off, v, "." + m.name);
}

/**
 * memberByName finds a member in a view's current plan; accessors use it when the
 * allocator has installed another table since the view's class was made (protect.ts).
 */
export function memberByName(s: ViewState, name: string): MemberPlan {
  const m = s.t.m[name];
  if (m === undefined) throw rangeError(AccessMessages.UnknownMember, [s.t.name, name], pathOf(s));
  return m;
}

/** getByName reads a member by name through the view's current plan (the slow path). */
export function getByName(s: ViewState, name: string): any {
  return getMember(s, memberByName(s, name));
}

/** setByName writes a member by name through the view's current plan (the slow path). */
export function setByName(s: ViewState, name: string, v: unknown): void {
  setMember(s, memberByName(s, name), v);
}
