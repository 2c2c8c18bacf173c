/**
 * Atomic operations on `atomic<T>` members (SPEC §3, C11 7.17.7): load, store,
 * exchange, compare-exchange and fetch-add/sub, through `Atomics` on the memory.
 * Read-modify-write operations are compare-exchange loops on the member's bytes,
 * which is what makes them correct on a format of the other byte order too.
 * Arithmetic wraps around like C11 atomic arithmetic (7.17.7.5p3); a result
 * that is not exact in JS (8-byte `c_long`) throws TypedRangeError.
 */
import { AccessMessages, describeValue, rangeError, type PathLike } from "./checks.js";
import { addHostOrder, atomicAligned, compareExchangeHostOrder, compareExchangeRaw, decodeRaw, encodeRaw, loadRaw } from "./atomics-codec.js";
import type { ScalarCodec } from "./scalars.js";
import { pathOf, requireState, type ViewState } from "./view-state.js";

interface AtomicRef {
  readonly s: ViewState;
  readonly a: number;
  readonly inner: ScalarCodec;
  readonly field: string;
}

// refPath names the member for an error, lazily (PathLike): building the name, or even a closure, per call costs more than the fast paths.
function refPath(r: AtomicRef): PathLike {
  return () => `${pathOf(r.s)}.${r.field}`;
}

function atomicRef(view: unknown, field: string): AtomicRef {
  const s = requireState(view);
  const m = s.t.shape === "record" ? s.t.m[field] : undefined;
  if (m === undefined) throw rangeError(AccessMessages.UnknownMember, [s.t.name, field], pathOf(s));
  const t = s.tp.types[m.type];
  const inner = t.shape === "atomic" ? s.tp.types[t.target].codec : t.shape === "scalar" ? t.codec : null;
  const integer = inner !== null && inner.value !== "boolean" && !inner.id.startsWith("f");
  if (!integer || m.shape === "bits") throw rangeError(AccessMessages.NotAtomicMember, [field, s.t.name], `${pathOf(s)}.${field}`);
  return { s, a: s.a + m.off, inner: inner!, field };
}

/** atomicLoad reads an atomic member with Atomics.load. */
export function atomicLoad(view: unknown, field: string): number | bigint {
  const r = atomicRef(view, field);
  if (!atomicAligned(r.a, r.inner.byteSize)) return r.inner.rd(r.s.h, r.a, refPath(r));
  return decodeRaw(r.inner, r.s.h.le, loadRaw(r.s.h, r.a, r.inner.byteSize), refPath(r));
}

/** atomicStore writes an atomic member (checked like a plain write). */
export function atomicStore(view: unknown, field: string, value: number | bigint): void {
  update(atomicRef(view, field), () => value);
}

/** atomicExchange stores `value` and returns the previous value. */
export function atomicExchange(view: unknown, field: string, value: number | bigint): number | bigint {
  return update(atomicRef(view, field), () => value);
}

/** atomicCompareExchange stores `replacement` if the member equals `expected`; returns the previous value. */
export function atomicCompareExchange(view: unknown, field: string, expected: number | bigint, replacement: number | bigint): number | bigint {
  const r = atomicRef(view, field);
  const seen = compareExchangeHostOrder(r.s.h, r.a, r.inner, expected, replacement);
  if (seen !== undefined) return seen;
  let result: number | bigint = expected;
  update(r, (old) => {
    result = old;
    return old === expected ? replacement : old;
  });
  return result;
}

/** atomicAdd adds `delta` (wrapping around like C11) and returns the previous value. */
export function atomicAdd(view: unknown, field: string, delta: number | bigint): number | bigint {
  const r = atomicRef(view, field);
  // Host byte order, aligned: one Atomics.add, which wraps like C11 (7.17.7.5p3) by itself.
  const old = addHostOrder(r.s.h, r.a, r.inner, delta);
  if (old !== undefined) return old;
  return update(r, (old) => wrapAdd(r, old, delta));
}

/** atomicSub subtracts `delta` (wrapping around like C11) and returns the previous value. */
export function atomicSub(view: unknown, field: string, delta: number | bigint): number | bigint {
  const r = atomicRef(view, field);
  if (typeof delta !== r.inner.value) throw rangeError(AccessMessages.WrongValueType, [r.inner.typeName, r.inner.value, describeValue(delta)], refPath(r));
  return update(r, (old) => wrapAdd(r, old, -(delta as number)));
}

function wrapAdd(r: AtomicRef, old: number | bigint, delta: number | bigint): number | bigint {
  if (typeof delta !== typeof old || (typeof delta === "number" && !Number.isInteger(delta))) {
    throw rangeError(AccessMessages.WrongValueType, [r.inner.typeName, `${r.inner.value} integer`, describeValue(delta)], refPath(r));
  }
  const bitWidth = r.inner.byteSize * 8;
  const signed = r.inner.id.startsWith("i") || r.inner.id === "n64";
  const sum = BigInt(old) + BigInt(delta);
  const wrapped = signed ? BigInt.asIntN(bitWidth, sum) : BigInt.asUintN(bitWidth, sum);
  return typeof old === "bigint" ? wrapped : Number(wrapped);
}

// update runs a compare-exchange loop: read, compute, store only if unchanged. Returns the old value.
function update(r: AtomicRef, next: (old: any) => number | bigint): any {
  const { s, a, inner } = r;
  const path = refPath(r);
  const n = inner.byteSize;
  if (!atomicAligned(a, n)) {
    // Not naturally aligned (packed): Atomics cannot reach it; plain access (docs/runtime-contract.md).
    const old = inner.rd(s.h, a, path);
    inner.wr(s.h, a, next(old), path);
    return old;
  }
  for (;;) {
    const raw = loadRaw(s.h, a, n);
    const old = decodeRaw(inner, s.h.le, raw, path);
    const replacement = encodeRaw(inner, s.h.le, next(old), path);
    if (compareExchangeRaw(s.h, a, n, raw, replacement) === raw) return old;
  }
}
