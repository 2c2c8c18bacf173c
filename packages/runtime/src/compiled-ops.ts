/**
 * Operations compiled code calls besides a path's `rd`/`wr` (docs/compiler.md):
 * index and area checks that return their operand (so they sit inside an
 * address expression), pointer loads, stores and dereferences, and atomic
 * read-modify-write. Paths and locations are constant strings, turned into a
 * message only when throwing (SPEC §4: `src/sched.ts:42:7 tasks[1024].pid`).
 */
import { AccessMessages, boundsError, checkArea, describeValue, rangeError } from "./checks.js";
import { compareExchangeRaw, decodeRaw, encodeRaw, loadRaw, atomicAligned } from "./atomics-codec.js";
import { OpaquePointer, storePointer } from "./pointer.js";
import type { Handle } from "./primitives.js";
import { ptrGet } from "./compiled.js";
import type { CompiledPath } from "./compiled-path.js";
import { CompiledRef } from "./compiled-ref.js";
import type { ViewState } from "./view-state.js";

/** pathWith fills the `#` of a path template with the offending index (`tasks[#].pid` → `tasks[1024].pid`). */
function pathWith(template: string, i: unknown): string {
  return template.replace("#", describeValue(i));
}

/** ix returns `i` if it is an integer index in [0, count), else throws TypedBoundsError naming the path and location. */
export function ix(i: number, count: number, path: string, location: string): number {
  if (i >>> 0 === i && i < count) return i;
  throw boundsError(AccessMessages.IndexOutOfRange, [describeValue(i), count], pathWith(path, i), location);
}

/** ixf returns `i` if it is a non-negative integer (an index into a flexible array member, whose end is checked by `ca`). */
export function ixf(i: number, path: string, location: string): number {
  if (i >>> 0 === i) return i;
  throw boundsError(AccessMessages.IndexOutOfRange, [describeValue(i), "unbounded"], pathWith(path, i), location);
}

/** MAX_INT32_ADDRESS: byte addresses up to here survive `addr >> k` (the fast copy's typed array index). */
const MAX_INT32_ADDRESS = 0x7fffffff;

/**
 * tal ("typed arrays line up") is the guard of a versioned loop (docs/compiler.md, "Loop
 * versioning"): true when the bound format's byte order is the host's, every path's scalar
 * at `a` is aligned to its size for every index, and the memory is below 2 GiB (byte
 * addresses are int32), so the loop's fast copy may read and write `h.i32[addr >> 2]`
 * instead of `h.dv.getInt32(addr, h.le)`.
 */
export function tal(h: Handle, a: number, ...paths: CompiledPath[]): boolean {
  if (h.swap || h.buffer.byteLength > MAX_INT32_ADDRESS) return false;
  for (const p of paths) {
    const m = p.size - 1;
    if (((a + p.o) & m) !== 0 || (p.s0 & m) !== 0 || (p.s1 & m) !== 0 || (p.s2 & m) !== 0 || (p.s3 & m) !== 0) return false;
    for (const s of p.s) if ((s & m) !== 0) return false;
  }
  return true;
}

/** ca returns byte address `a` if `size` bytes there lie in the handle's area, else throws TypedBoundsError. */
export function ca(h: Handle, a: number, size: number, path: string, location: string): number {
  if (a >= h.base && a + size <= h.end) return a;
  checkArea(a, size, h.base, h.end, path, location);
  return a;
}

/** flen is the length of a flexible array member starting at byte `a` with elements of `stride` bytes: what fits before the area's end. */
export function flen(h: Handle, a: number, stride: number): number {
  return stride === 0 ? 0 : Math.max(0, Math.floor((h.end - a) / stride));
}

/** setr writes `v` through path `p` at byte `a` and returns `v` (an assignment used as an expression). */
export function setr(p: CompiledPath, h: Handle, a: number, v: unknown, path: string, location: string): any {
  p.wr(h, a, v, path, location);
  return v;
}

/** pget reads the pointer that path `p` ends at (byte `a`) and returns a CompiledRef of its target, an OpaquePointer (`ptr<void>`), or null. */
export function pget(r: CompiledRef, p: CompiledPath, a: number, path: string, location: string): CompiledRef | OpaquePointer | null {
  if (p.t.target < 0) {
    const raw: number = p.rd(r.h, a, path, location);
    return raw === 0 ? null : new OpaquePointer(raw);
  }
  const target = ptrGet(r.h, r.tp, p.t, a, path, location);
  if (target < 0) return null;
  return new CompiledRef(r.h, target, r.tp, r.tp.types[p.t.target]!, 0, `(*${path})`);
}

/**
 * pderef reads the pointer that path `p` ends at and returns the byte address of its
 * target (checked to lie in the memory). A null pointer throws a TypeError, as
 * reading a member of `null` does in JavaScript.
 */
export function pderef(r: CompiledRef, p: CompiledPath, a: number, path: string, location: string): number {
  const target = ptrGet(r.h, r.tp, p.t, a, path, location);
  if (target >= 0) return target;
  throw new TypeError(`Cannot dereference '${path}': the pointer is null (${location})`);
}

/** pset stores `v` (a typed object in the same memory, an OpaquePointer for `ptr<void>`, or null) into the pointer that path `p` ends at. */
export function pset(r: CompiledRef, p: CompiledPath, a: number, v: unknown, path: string): void {
  const s: ViewState = { h: r.h, a: r.a, tp: r.tp, t: r.t, length: 0, strategy: "table", parent: null, seg: path };
  storePointer(s, p.t, a, v, "");
}

/** ATOMIC_OPS are the compound assignments compiled to an atomic read-modify-write (C11 7.17.7.5 `atomic_fetch_*`). */
const ATOMIC_OPS: Readonly<Record<string, (x: bigint, y: bigint) => bigint>> = {
  "+": (x, y) => x + y,
  "-": (x, y) => x - y,
  "&": (x, y) => x & y,
  "|": (x, y) => x | y,
  "^": (x, y) => x ^ y,
};

/**
 * armw applies `old op v` to the atomic that path `p` ends at (byte `a`) as one
 * compare-exchange loop, wrapping around like C11 atomic arithmetic, and returns the
 * new value, or the old one when `post` (`x++`). A member too misaligned for Atomics
 * (packed) is read and written plainly.
 */
export function armw(r: CompiledRef, p: CompiledPath, a: number, op: string, v: number | bigint, post: boolean, path: string, location: string): any {
  const inner = p.inner!;
  const apply = ATOMIC_OPS[op]!;
  const bitWidth = inner.byteSize * 8;
  const signed = inner.id.startsWith("i") || inner.id === "n64";
  const next = (old: number | bigint): number | bigint => {
    if (typeof v !== typeof old || (typeof v === "number" && !Number.isInteger(v))) {
      throw rangeError(AccessMessages.WrongValueType, [inner.typeName, `${inner.value} integer`, describeValue(v)], path, location);
    }
    const x = apply(BigInt(old), BigInt(v));
    const wrapped = signed ? BigInt.asIntN(bitWidth, x) : BigInt.asUintN(bitWidth, x);
    return typeof old === "bigint" ? wrapped : Number(wrapped);
  };
  const h = r.h;
  if (!atomicAligned(a, inner.byteSize)) {
    const old = inner.rd(h, a, path, location);
    const value = next(old);
    inner.wr(h, a, value, path, location);
    return post ? old : value;
  }
  for (;;) {
    const raw = loadRaw(h, a, inner.byteSize);
    const old = decodeRaw(inner, h.le, raw, path, location);
    const value = next(old);
    if (compareExchangeRaw(h, a, inner.byteSize, raw, encodeRaw(inner, h.le, value, path, location)) === raw) return post ? old : value;
  }
}

