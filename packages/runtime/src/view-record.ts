/**
 * Record views hold their binding in private fields of their own (handle, address,
 * type plan, and the full binding or their array's), so that making a view is one allocation
 * and an accessor reads the address with no indirection. The full ViewState the
 * view functions use (stateOf, paths, member caches) is built on first demand and kept.
 *
 * Two kinds of classes, both found through their prototype (recordReaders):
 * - `table` strategy (no eval): one subclass of RecordBase per record type; all share
 *   RecordBase's private fields and readers, so accessors stay monomorphic on them. A
 *   derived constructor costs ~20 ns more per view than a base one, but without eval a
 *   per-type prototype needs a per-type class, and only a subclass keeps the fields shared.
 * - `codegen`: a class generated per record type (codegen.ts) with its own private fields,
 *   constructor and accessors, so their type feedback is never shared with another type.
 *   (Classes stamped from one class literal would share the literal's feedback and go
 *   polymorphic as soon as two record types are used: measured 17 -> 280 ms per 1M views.)
 *
 * Protection (SPEC §4): a guard (a Proxy) sits in each class prototype's chain, after
 * the members, so writing a name that is not a member reaches its `set` trap and
 * throws a TypeError, in sloppy mode too. Views are also made non-extensible
 * (makeView), except element views made by an array's iteration, `get(i)` and index
 * (view-array.ts elementGet): Object.preventExtensions costs ~50 ns, more than the
 * whole element view, and the guard alone already refuses their unknown members.
 */
import { assert } from "./checks.js";
import type { Handle } from "./primitives.js";
import type { TypePlan } from "./view-plan.js";
import { Binding, pathOf, type ViewState } from "./view-state.js";

/**
 * RecordViewClass constructs a record view at byte `a` of type `t`. `x` is the view's full
 * binding (then `x.t === t`), or for an element view the binding of its array (an array
 * plan, so `x.t !== t`), from which the full binding is made on first demand (ownBinding).
 * Four fields: every one costs in the construction of each element view.
 */
export type RecordViewClass = new (h: Handle, a: number, t: TypePlan, x: ViewState) => object;

/** RecordReaders read and replace the private binding of one record view class's instances. */
export interface RecordReaders {
  readonly h: (v: object) => Handle;
  readonly a: (v: object) => number;
  readonly t: (v: object) => TypePlan;
  /** The view's full binding, built on first demand and kept (so its member caches persist). */
  readonly state: (v: object) => ViewState;
  /** Whether `v` has the class's private fields. */
  readonly has: (v: object) => boolean;
  /** Installs a new binding (protect.ts `installTable` through view-state.ts `replaceState`). */
  readonly replace: (v: object, s: ViewState) => void;
}

// Readers by prototype: module-private, so user code cannot reach a binding through them.
const readersByProto = new WeakMap<object, RecordReaders>();

/** recordReaders returns the readers of a record view, or undefined for anything else. */
export function recordReaders(v: object): RecordReaders | undefined {
  for (let p = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) {
    const r = readersByProto.get(p);
    if (r !== undefined) return r.has(v) ? r : undefined;
  }
  return undefined;
}

/** ownBinding is the full binding of a record view from its `x` field (see RecordViewClass). */
export function ownBinding(h: Handle, a: number, t: TypePlan, x: ViewState): ViewState {
  if (x.t === t) return x;
  assert(x.t.shape === "array", "a record view made without its binding is an element of an array");
  // The element's index (an integer below 2^32: heaps end below 4 GiB); `>>> 0` keeps it a small integer for V8.
  return new Binding(h, a, x.tp, t, 0, x.strategy, x, ((a - x.a) / x.t.stride) >>> 0);
}

/** ElementIteratorClass iterates the elements of an array binding whose elements are one record class's views. */
export type ElementIteratorClass = new (s: ViewState) => IterableIterator<any>;

/** ElementAccess is what codegen generates with a record class for arrays of its records (view-array.ts). */
export interface ElementAccess {
  readonly iterator: ElementIteratorClass;
  /** `arr.get` bound to an array binding: index check, then the element's view. */
  readonly getter: (s: ViewState) => (i: number) => any;
}

// Generated with a record class (codegen.ts): their `new C` sees one class only.
const elementAccess = new WeakMap<RecordViewClass, ElementAccess>();

/** registerElementAccess records the element functions generated for a record class. */
export function registerElementAccess(C: RecordViewClass, a: ElementAccess): void {
  elementAccess.set(C, a);
}

/** elementAccessOf returns the element functions generated for a record class, if any. */
export function elementAccessOf(C: RecordViewClass): ElementAccess | undefined {
  return elementAccess.get(C);
}

/** registerRecordClass makes a record class's prototype chain end in the unknown-member guard and records its readers. */
export function registerRecordClass(proto: object, r: RecordReaders): void {
  Object.setPrototypeOf(proto, unknownMemberGuard(r));
  readersByProto.set(proto, r);
}

let baseReaders!: RecordReaders;

/** RecordBase is the base class of the table strategy's record views. */
class RecordBase {
  #h: Handle;
  #a: number;
  #t: TypePlan;
  #x: ViewState;
  constructor(h: Handle, a: number, t: TypePlan, x: ViewState) {
    this.#h = h;
    this.#a = a;
    this.#t = t;
    this.#x = x;
  }
  static {
    baseReaders = {
      h: (v) => (v as RecordBase).#h,
      a: (v) => (v as RecordBase).#a,
      t: (v) => (v as RecordBase).#t,
      state: (v) => {
        const o = v as RecordBase;
        return (o.#x = ownBinding(o.#h, o.#a, o.#t, o.#x));
      },
      has: (v) => #h in v,
      replace: (v, s) => {
        const o = v as RecordBase;
        o.#x = s;
        o.#h = s.h;
        o.#a = s.a;
        o.#t = s.t;
      },
    };
  }
}
registerRecordClass(RecordBase.prototype, baseReaders);

/** newTableRecordClass makes a record view class of the table strategy (members: decorateRecordPrototype) and gives its readers. */
export function newTableRecordClass(): { C: RecordViewClass; r: RecordReaders } {
  return { C: class extends RecordBase {}, r: baseReaders };
}

// unknownMemberGuard is the prototype at the end of a record class's chain: a write of a
// name that no member answers lands in its `set` trap with the view as receiver. Writes
// through objects that merely inherit from a view go on as usual.
// Its target is an empty object whose prototype is Object.prototype, so the chain still
// ends in Object.prototype (`view instanceof Object`, `hasOwnProperty`, ...).
function unknownMemberGuard(r: RecordReaders): object {
  return new Proxy(Object.create(Object.prototype) as object, {
    set(target, prop, value, receiver) {
      if (typeof receiver !== "object" || receiver === null || !r.has(receiver)) return Reflect.set(target, prop, value, receiver);
      throw new TypeError(`${pathOf(r.state(receiver))}: Cannot set '${String(prop)}' on a typed view: it is not a member of '${r.t(receiver).name}'.`);
    },
  });
}
