/**
 * `ptr<T>` members (SPEC §3): a pointer stores an address in the memory's address
 * space (Region.addressBase: for a wasm memory, the wasm pointer itself). Reading
 * gives a view of T over exactly sizeof(T) bytes at that address, checked against
 * the memory, or null for 0; `ptr<void>` reads give an OpaquePointer. Writing takes
 * a view in the same memory (of T, unless `ptr<void>`), an OpaquePointer, or null.
 */
import { AccessMessages, describeValue, rangeError } from "./checks.js";
import { ptrTarget, subHandle } from "./primitives.js";
import { makeView, rethrow } from "./view-make.js";
import type { TypePlan } from "./view-plan.js";
import { pathOf, stateOf, type ViewState, segText, type Seg } from "./view-state.js";

/** OpaquePointer is the value of a non-null `ptr<void>`: an address with no type to view it as. */
export class OpaquePointer {
  /** address is the pointer value in the memory's address space. */
  readonly address: number;
  constructor(address: number) {
    this.address = address;
    Object.freeze(this);
  }
}

/** loadPointer reads the pointer of type `t` at byte `a` and returns a view of its target, or null. */
export function loadPointer(s: ViewState, t: TypePlan, a: number, seg: Seg): any {
  let raw: number;
  try {
    raw = t.codec!.rd(s.h, a);
  } catch (e) {
    rethrow(e, s, seg);
  }
  if (raw === 0) return null;
  if (t.target < 0) return new OpaquePointer(raw);
  const target = s.tp.types[t.target];
  const path = () => pathOf(s) + segText(seg);
  const at = ptrTarget(s.h, raw, target.size, target.name, path);
  const h = subHandle(s.h, at, target.size);
  const length = 0;
  return makeView({ h, a: at, tp: s.tp, t: target, length, strategy: s.strategy, parent: s, seg: seg });
}

/** storePointer writes `v` (a view in the same memory, an OpaquePointer or null) into the pointer of type `t` at byte `a`. */
export function storePointer(s: ViewState, t: TypePlan, a: number, v: unknown, seg: Seg): void {
  const raw = pointerValue(s, t, v, seg);
  try {
    t.codec!.wr(s.h, a, raw);
  } catch (e) {
    rethrow(e, s, seg);
  }
}

function pointerValue(s: ViewState, t: TypePlan, v: unknown, seg: Seg): number {
  if (v === null) return 0;
  const targetName = t.target < 0 ? "void" : s.tp.types[t.target].name;
  if (v instanceof OpaquePointer && t.target < 0) return v.address;
  const vs = stateOf(v);
  const sameMemory = vs !== undefined && vs.h.buffer === s.h.buffer && vs.h.memStart === s.h.memStart && vs.h.memEnd === s.h.memEnd;
  const sameType = vs !== undefined && (t.target < 0 || vs.t.name === targetName);
  if (!sameMemory || !sameType) throw rangeError(AccessMessages.ForeignPointer, [targetName, describeValue(v)], pathOf(s) + segText(seg));
  return vs.a - vs.h.memStart + vs.h.addressBase;
}
