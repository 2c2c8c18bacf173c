/**
 * Array views: a Proxy so that `arr[i]` works on the dynamic layer (compiled code
 * uses the primitives instead). Indices are checked against the length
 * (TypedBoundsError); any other write or property definition is refused
 * (TypedProtectionError). `get(i)`, `set(i, v)`, `length` and iteration are methods.
 */
import { AccessMessages, protectionError } from "./checks.js";
import { idx } from "./primitives.js";
import { toPlain } from "./convert.js";
import { getValue, setValue } from "./view-make.js";
import { fastState, pathOf, requireState, STATE, TARGET, ViewBase, type ViewState } from "./view-state.js";

/** elementGet reads element `i` of an array view. */
export function elementGet(s: ViewState, i: number): any {
  idx(i, s.length, () => `${pathOf(s)}[${i}]`);
  return getValue(s, s.tp.types[s.t.elem], s.a + i * s.t.stride, `[${i}]`);
}

/** elementSet writes element `i` of an array view. */
export function elementSet(s: ViewState, i: number, v: unknown): void {
  idx(i, s.length, () => `${pathOf(s)}[${i}]`);
  setValue(s, s.tp.types[s.t.elem], s.a + i * s.t.stride, v, `[${i}]`);
}

/** ArrayView is the target of an array proxy; its methods work on the proxy and on the target. */
export class ArrayView extends ViewBase {
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
  *[Symbol.iterator](): IterableIterator<any> {
    const s = requireState(this);
    for (let i = 0; i < s.length; i++) yield elementGet(s, i);
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

// numericIndex returns the number a canonical numeric property key denotes (`"3"`, `"-1"`, `"1.5"`), else undefined.
function numericIndex(prop: string): number | undefined {
  const c = prop.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return undefined;
  const n = Number(prop);
  return String(n) === prop ? n : undefined;
}

const handler: ProxyHandler<ArrayView> = {
  get(target, prop) {
    if (typeof prop === "string") {
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

/** arrayProxy returns the indexable view of an array binding. */
export function arrayProxy(s: ViewState): any {
  return new Proxy(new ArrayView(s), handler);
}
