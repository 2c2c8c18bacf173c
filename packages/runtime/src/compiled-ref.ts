/**
 * CompiledRef: how code compiled by the typedc front-ends holds a typed object
 * (docs/compiler.md). It is a handle, a byte address and the plans of the bound
 * format, with no accessors: compiled code reads and writes through paths
 * (compiled-path.ts). It answers the runtime's view state, so every function that
 * takes a view (`sizeof`, `toPlain`, `copy`, `readCString`, `atomicAdd`, a cache's
 * `free`, ...) takes a CompiledRef too.
 */
import { AccessMessages, protectionError } from "./checks.js";
import type { TypedProtectionError } from "./errors.js";
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
 * A CompiledRef has no accessors, so code that typedc did not rewrite would read `undefined`
 * from `ref.pid` and give `ref.pid = 1` a stray property of its own, silently: a call through
 * something the compilers do not follow (docs/compiler.md, "Known limits"), or plain JavaScript
 * handed a CompiledRef. A proxy between CompiledRef.prototype and Object.prototype makes such a
 * read or write of a member of the object's record, or of an element of its array, throw
 * TypedProtectionError (5133) with the access path; any other name is looked up in
 * Object.prototype as before (`toString`, `then`, symbols). Compiled code never reaches it: it
 * reads the own fields, which are class fields, defined rather than set, so constructing a
 * CompiledRef does not walk the prototype chain either.
 */
Object.setPrototypeOf(
  CompiledRef.prototype,
  new Proxy(Object.prototype, {
    get(target, key, receiver) {
      if (typeof key === "string" && isUncompiledAccess(receiver, key)) throw uncompiledAccess(receiver, key, "read");
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (typeof key === "string" && isUncompiledAccess(receiver, key)) throw uncompiledAccess(receiver, key, "written");
      return Reflect.set(target, key, value, receiver);
    },
  }),
);

/** isUncompiledAccess tells whether a name looked up on a CompiledRef is one of its record's members or an index of its array (`then` never is: awaiting a ref stays possible). */
function isUncompiledAccess(receiver: unknown, key: string): receiver is CompiledRef {
  if (key === "then" || !(receiver instanceof CompiledRef)) return false;
  const t = receiver.t;
  if (t.shape === "record") return Object.hasOwn(t.m, key);
  return t.shape === "array" && String(Number(key) >>> 0) === key;
}

/** uncompiledAccess is the error of a member read or written on a CompiledRef outside compiled code. */
function uncompiledAccess(ref: CompiledRef, key: string, how: "read" | "written"): TypedProtectionError {
  const path = ref.t.shape === "array" ? `${ref.p}[${key}]` : `${ref.p}.${key}`;
  return protectionError(AccessMessages.UncompiledAccess, [path, how]);
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
