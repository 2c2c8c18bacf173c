/**
 * View state: what a view is bound to (handle, address, plan), kept in a private
 * field so that user code can neither read nor replace it (SPEC §4: only the
 * allocator installs or replaces the table a binding uses, see protect.ts).
 */
import { AccessMessages, describeValue, protectionError, rangeError } from "./checks.js";
import type { Handle } from "./primitives.js";
import type { TablePlan, TypePlan } from "./view-plan.js";
import { recordReaders } from "./view-record.js";

/** Strategy is how accessors are made: from the plan (`table`, no eval) or generated code (`codegen`). */
export type Strategy = "table" | "codegen";

/** ViewState is a view's binding. Its `parent` and `seg` give the access path, built only for messages. */
export interface ViewState {
  readonly h: Handle;
  /** Byte index of the object in the buffer. */
  readonly a: number;
  readonly tp: TablePlan;
  readonly t: TypePlan;
  /** Arrays: the number of elements (the declared count, or what fits for a flexible array member). */
  readonly length: number;
  readonly strategy: Strategy;
  readonly parent: ViewState | null;
  /** Path segment: the root name, `.field`, or an element index (printed `[i]`). */
  readonly seg: Seg;
  /** Views of record and array members, made on first access (same address and plan every time; view-make.ts getMember). */
  kids?: KidCache;
  /** Arrays: how elements are made (view-array.ts), decided on first access. */
  el?: object;
}

/**
 * Binding is the ViewState the views make (bindView, members, elements). A class, not an
 * object literal: V8 may decide that every object a literal makes goes straight to the
 * old generation once some objects it made lived long (allocation-site pretenuring),
 * and the per-element bindings then fill the old generation (measured: W2 7x slower).
 */
export class Binding implements ViewState {
  // `declare`d and assigned in the constructor: class fields would be defined by an
  // initializer that V8 runs as a separate call per instance.
  declare readonly h: Handle;
  declare readonly a: number;
  declare readonly tp: TablePlan;
  declare readonly t: TypePlan;
  declare readonly length: number;
  declare readonly strategy: Strategy;
  declare readonly parent: ViewState | null;
  declare readonly seg: Seg;
  declare kids?: KidCache;
  declare el?: object;
  constructor(h: Handle, a: number, tp: TablePlan, t: TypePlan, length: number, strategy: Strategy, parent: ViewState | null, seg: Seg) {
    this.h = h;
    this.a = a;
    this.tp = tp;
    this.t = t;
    this.length = length;
    this.strategy = strategy;
    this.parent = parent;
    this.seg = seg;
    this.kids = undefined;
    this.el = undefined;
  }
}

/**
 * KidCache holds a view's member views: a short list of small objects (cheap to make for
 * an element view that lives for one access, unlike a Map), then a Map past KID_LIST_MAX.
 */
export type KidCache = KidList | Map<object, any>;

/** KID_LIST_MAX is the number of member views a KidList holds before it becomes a Map. */
export const KID_LIST_MAX = 8;

/** KidList is one member view (`m` is its member plan) and the ones made before it. */
export class KidList {
  declare readonly m: object;
  declare readonly v: any;
  declare readonly next: KidList | undefined;
  declare readonly n: number;
  constructor(m: object, v: any, next: KidList | undefined) {
    this.m = m;
    this.v = v;
    this.next = next;
    this.n = next === undefined ? 1 : next.n + 1;
  }
}

/** Seg is a path segment: a name (`tasks`, `.comm`) or an element index, kept as a number until printed. */
export type Seg = string | number;

/** segText prints a path segment (`[3]` for index 3). */
export function segText(seg: Seg): string {
  return typeof seg === "number" ? `[${seg}]` : seg;
}

/** pathOf builds a view's access path (`tasks[3].comm`). */
export function pathOf(s: ViewState): string {
  let p = segText(s.seg);
  for (let q = s.parent; q !== null; q = q.parent) p = segText(q.seg) + p;
  return p;
}

/** STATE is the module-private key under which array proxies answer their state. */
export const STATE: unique symbol = Symbol("typedc.viewState");

let readState: (v: object) => ViewState;
let writeState: (v: object, s: ViewState) => void;
let hasState: (v: object) => boolean = () => false;

/**
 * registerArrayViewState is called once by ArrayView (view-array.ts, the target of array
 * proxies) with the functions that read, write and test its private binding field.
 * ArrayView is a base class: a derived constructor costs more than the whole construction.
 */
export function registerArrayViewState(read: typeof readState, write: typeof writeState, has: typeof hasState): void {
  if (readState !== undefined) throw new Error("typedc runtime invariant broken: array view state registered twice");
  readState = read;
  writeState = write;
  hasState = has;
}

/** stateOf returns the binding of a view (record view or array proxy), or undefined for anything else. */
export function stateOf(v: unknown): ViewState | undefined {
  if (v === null || typeof v !== "object") return undefined;
  if (hasState(v)) return readState(v);
  const r = recordReaders(v);
  if (r !== undefined) return r.state(v);
  return (v as { [STATE]?: ViewState })[STATE];
}

/** fastState returns the state of an ArrayView (the target of an array proxy). */
export function fastState(v: object): ViewState {
  return readState(v);
}

/** requireState returns the binding of a view or throws TypedRangeError naming what was passed. */
export function requireState(v: unknown): ViewState {
  const s = stateOf(v);
  if (s === undefined) throw rangeError(AccessMessages.NotAView, [describeValue(v)]);
  return s;
}

let capabilityToken: object | undefined;

/** registerCapability is called once by protect.ts with the allocator capability. */
export function registerCapability(token: object): void {
  if (capabilityToken !== undefined) throw new Error("typedc runtime invariant broken: capability registered twice");
  capabilityToken = token;
}

/** replaceState installs a new binding in a view; only the holder of the allocator capability may. */
export function replaceState(v: object, s: ViewState, capability: unknown): void {
  if (capability === undefined || capability !== capabilityToken) throw protectionError(AccessMessages.ProtectedTable, []);
  const r = hasState(v) ? undefined : recordReaders(v);
  if (hasState(v)) writeState(v, s);
  else if (r !== undefined) r.replace(v, s);
  else {
    const target = (v as { [STATE]?: ViewState; [TARGET]?: object })[TARGET];
    if (target === undefined) throw rangeError(AccessMessages.NotAView, [describeValue(v)]);
    writeState(target, s);
  }
}

/** TARGET is the module-private key under which array proxies answer their target. */
export const TARGET: unique symbol = Symbol("typedc.viewTarget");
