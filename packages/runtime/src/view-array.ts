/**
 * Array views: a Proxy so that `arr[i]` works on the dynamic layer (compiled code
 * uses the primitives instead). Indices are checked against the length
 * (TypedBoundsError); any other write or property definition is refused
 * (TypedProtectionError). `get(i)`, `set(i, v)`, `length` and iteration are methods.
 */
import { AccessMessages, checkIndex, protectionError } from "./checks.js";
import { toPlain } from "./convert.js";
import { getValue, setValue } from "./view-make.js";
import type { TypePlan } from "./view-plan.js";
import { elementAccessOf, type ElementAccess, type RecordViewClass } from "./view-record.js";
import { fastState, pathOf, registerArrayViewState, requireState, STATE, TARGET, type ViewState } from "./view-state.js";
import { structClass } from "./view-struct.js";

/**
 * Elements is how an array view's elements are made, decided once per binding (kept in
 * `ViewState.el`). A class, not a literal (see Binding in view-state.ts).
 */
class Elements {
  /** The binding this was made for (a copied binding, e.g. installTable's, makes its own). */
  declare readonly of: ViewState;
  /** The element type. */
  declare readonly t: TypePlan;
  /** Record elements: their view class; null for any other element type. */
  declare readonly C: RecordViewClass | null;
  /** The element functions generated with the element class (codegen), else undefined. */
  declare readonly gen: ElementAccess | undefined;
  /** `arr.get` and `arr.set` through the proxy, bound to this binding on first use. */
  declare get: ((i: number) => any) | undefined;
  declare set: ((i: number, v: unknown) => void) | undefined;
  // (fields assigned here, not by initializers: see Binding in view-state.ts)
  constructor(of: ViewState, t: TypePlan, C: RecordViewClass | null) {
    this.of = of;
    this.t = t;
    this.C = C;
    this.gen = C === null ? undefined : elementAccessOf(C);
    this.get = undefined;
    this.set = undefined;
  }
}

function elementsOf(s: ViewState): Elements {
  let e = s.el as Elements | undefined;
  if (e === undefined || e.of !== s) {
    const t = s.tp.types[s.t.elem];
    e = new Elements(s, t, t.shape === "record" ? structClass(s.tp, t, s.strategy) : null);
    s.el = e;
  }
  return e;
}

/**
 * elementGet reads element `i` of an array view. A record element's view is made here
 * directly: it lies inside the array's extent, which was checked when the array view
 * was made, and it is not made non-extensible (its class's guard still refuses writes
 * of unknown members, view-record.ts).
 */
export function elementGet(s: ViewState, i: number): any {
  if (!(i >>> 0 === i && i < s.length)) checkIndex(i, s.length, `${pathOf(s)}[${i}]`);
  const e = elementsOf(s);
  const a = s.a + i * s.t.stride;
  if (e.C !== null) return new e.C(s.h, a, e.t, s);
  return getValue(s, e.t, a, i);
}

/** elementSet writes element `i` of an array view. */
export function elementSet(s: ViewState, i: number, v: unknown): void {
  if (!(i >>> 0 === i && i < s.length)) checkIndex(i, s.length, `${pathOf(s)}[${i}]`);
  setValue(s, s.tp.types[s.t.elem], s.a + i * s.t.stride, v, i);
}

/** ArrayView is the target of an array proxy; its methods work on the proxy and on the target. */
export class ArrayView {
  // The binding, private: user code can neither read nor replace it (SPEC §4, protect.ts).
  #s: ViewState;
  constructor(s: ViewState) {
    this.#s = s;
  }
  static {
    registerArrayViewState(
      (v) => (v as ArrayView).#s,
      (v, s) => {
        (v as ArrayView).#s = s;
      },
      (v) => #s in v,
    );
  }
  /** length is the number of elements. */
  get length(): number {
    return requireState(this).length;
  }
  /** get reads element i. */
  get(i: number): any {
    return elementGet(requireState(this), i);
  }
  /** set writes element i. */
  set(i: number, v: unknown): void {
    elementSet(requireState(this), i, v);
  }
  [Symbol.iterator](): IterableIterator<any> {
    const s = requireState(this);
    const gen = elementsOf(s).gen;
    return gen !== undefined ? new gen.iterator(s) : new ElementIterator(s);
  }
  /** toJSON converts the array to a plain JS array. */
  toJSON(): unknown {
    return toPlain(this);
  }
  [Symbol.for("nodejs.util.inspect.custom")](): unknown {
    return toPlain(this);
  }
  get [Symbol.toStringTag](): string {
    return requireState(this).t.name;
  }
}
Object.freeze(ArrayView.prototype);

// ElementIterator walks an array view's elements (a class: generators are slower in V8).
// Record elements are made here directly, as elementGet makes them (i < length needs no other check).
class ElementIterator implements IterableIterator<any> {
  // Private: a forged binding here would make views outside the array's checked extent.
  #i: number;
  readonly #s: ViewState;
  readonly #e: Elements;
  constructor(s: ViewState) {
    this.#i = 0;
    this.#s = s;
    this.#e = elementsOf(s);
  }
  next(): IteratorResult<any> {
    const i = this.#i;
    const s = this.#s;
    if (i >= s.length) return { value: undefined, done: true };
    this.#i = i + 1;
    const C = this.#e.C;
    return { value: C !== null ? new C(s.h, s.a + i * s.t.stride, this.#e.t, s) : elementGet(s, i), done: false };
  }
  [Symbol.iterator](): IterableIterator<any> {
    return this;
  }
}

// numericIndex returns the number a canonical numeric property key denotes (`"3"`, `"-1"`, `"1.5"`), else undefined.
// Plain decimal indices (the common case) are parsed without allocating.
function numericIndex(prop: string): number | undefined {
  const n = prop.length;
  let c = prop.charCodeAt(0);
  if (c >= 48 && c <= 57 && n <= 9 && (c !== 48 || n === 1)) {
    let v = c - 48;
    for (let k = 1; k < n; k++) {
      c = prop.charCodeAt(k);
      if (c < 48 || c > 57) return slowNumericIndex(prop);
      v = v * 10 + (c - 48);
    }
    return v;
  }
  return (c >= 48 && c <= 57) || c === 45 ? slowNumericIndex(prop) : undefined;
}

function slowNumericIndex(prop: string): number | undefined {
  const v = Number(prop);
  return String(v) === prop ? v : undefined;
}

const handler: ProxyHandler<ArrayView> = {
  get(target, prop) {
    if (typeof prop === "string") {
      // `arr.get(i)` / `arr.set(i, v)` first: the usual way to loop without the index trap.
      if (prop === "get" || prop === "set") return boundMethod(fastState(target), prop);
      const i = numericIndex(prop);
      if (i !== undefined) return elementGet(fastState(target), i);
    } else if (prop === STATE) return fastState(target);
    else if (prop === TARGET) return target;
    return Reflect.get(target, prop, target);
  },
  set(target, prop, value) {
    const i = typeof prop === "string" ? numericIndex(prop) : undefined;
    if (i === undefined) throw protectionError(AccessMessages.ProtectedView, [String(prop), fastState(target).t.name], () => pathOf(fastState(target)));
    elementSet(fastState(target), i, value);
    return true;
  },
  has(target, prop) {
    if (typeof prop === "string") {
      const i = numericIndex(prop);
      if (i !== undefined) return Number.isInteger(i) && i >= 0 && i < fastState(target).length;
    }
    return Reflect.has(target, prop);
  },
  ownKeys(target) {
    const n = fastState(target).length;
    const keys: string[] = [];
    for (let i = 0; i < n; i++) keys.push(String(i));
    return keys;
  },
  getOwnPropertyDescriptor(target, prop) {
    const i = typeof prop === "string" ? numericIndex(prop) : undefined;
    const s = fastState(target);
    if (i === undefined || !Number.isInteger(i) || i < 0 || i >= s.length) return undefined;
    return { value: elementGet(s, i), writable: true, enumerable: true, configurable: true };
  },
  defineProperty(target, prop) {
    throw protectionError(AccessMessages.ProtectedView, [String(prop), fastState(target).t.name], () => pathOf(fastState(target)));
  },
  deleteProperty(target, prop) {
    throw protectionError(AccessMessages.ProtectedView, [String(prop), fastState(target).t.name], () => pathOf(fastState(target)));
  },
  setPrototypeOf() {
    return false;
  },
  preventExtensions() {
    return false;
  },
};

// boundMethod returns `get`/`set` bound to the array's state (cached in it), so that
// `arr.get(i)` through the proxy does not look the state up again on every call.
function boundMethod(s: ViewState, name: "get" | "set"): (...args: any[]) => any {
  const e = elementsOf(s);
  if (name === "get") return (e.get ??= e.gen !== undefined ? e.gen.getter(s) : (i: number) => elementGet(s, i));
  return (e.set ??= (i: number, v: unknown) => elementSet(s, i, v));
}

/** arrayProxy returns the indexable view of an array binding. */
export function arrayProxy(s: ViewState): any {
  return new Proxy(new ArrayView(s), handler);
}
