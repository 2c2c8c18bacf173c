/**
 * Atomic codecs: `atomic<T>` members go through `Atomics` (SPEC §3). Atomics work in
 * the host's byte order, so a value is encoded in the format's order in a small
 * scratch area, and its bytes are moved as one host-order integer: the bytes in
 * memory are the format's, the access is a single atomic load or store. A member
 * that is not naturally aligned (packed) cannot be accessed atomically; it falls
 * back to plain DataView access (documented in docs/runtime-contract.md).
 */
import type { PathLike } from "./checks.js";
import { memoryViews, type Handle, HOST_LITTLE_ENDIAN } from "./primitives.js";
import type { ScalarCodec } from "./scalars.js";

function scratchHandle(le: boolean): Handle {
  const v = memoryViews(new ArrayBuffer(8));
  return Object.freeze({ ...v, le, swap: le !== HOST_LITTLE_ENDIAN, base: 0, end: 8, memStart: 0, memEnd: 8, addressBase: 0 });
}

const SCRATCH_LE = scratchHandle(true);
const SCRATCH_BE = scratchHandle(false);

/** AtomicCell names the host-order typed array and element index that hold an aligned atomic value. */
type CellArray = Int8Array | Int16Array | Int32Array | BigInt64Array;

function cellArray(h: Handle, byteSize: number): CellArray {
  return byteSize === 1 ? h.i8 : byteSize === 2 ? h.i16 : byteSize === 4 ? h.i32 : h.i64;
}

/** atomicAligned tells whether an atomic of `byteSize` bytes at byte `a` can use Atomics. */
export function atomicAligned(a: number, byteSize: number): boolean {
  return a % byteSize === 0;
}

/** loadRaw atomically loads the host-order integer holding the bytes at `a`. */
export function loadRaw(h: Handle, a: number, byteSize: number): number | bigint {
  return Atomics.load(cellArray(h, byteSize) as Int32Array, a / byteSize);
}

/** compareExchangeRaw atomically replaces the host-order integer at `a` if it equals `expected`; returns the old one. */
export function compareExchangeRaw(h: Handle, a: number, byteSize: number, expected: number | bigint, replacement: number | bigint): number | bigint {
  return Atomics.compareExchange(cellArray(h, byteSize) as any, a / byteSize, expected as any, replacement as any);
}

/** decodeRaw turns a host-order integer holding a value's bytes into the value, through `inner`. */
export function decodeRaw(inner: ScalarCodec, le: boolean, raw: number | bigint, path?: PathLike, location?: string): any {
  const s = le ? SCRATCH_LE : SCRATCH_BE;
  (cellArray(s, inner.byteSize) as any)[0] = raw;
  return inner.rd(s, 0, path, location);
}

/** encodeRaw checks a value with `inner` and returns the host-order integer of its bytes in the format's order. */
export function encodeRaw(inner: ScalarCodec, le: boolean, v: unknown, path?: PathLike, location?: string): number | bigint {
  const s = le ? SCRATCH_LE : SCRATCH_BE;
  inner.wr(s, 0, v, path, location);
  return cellArray(s, inner.byteSize)[0];
}

/** atomicCodec wraps an integer codec so that aligned accesses are single Atomics loads and stores. */
export function atomicCodec(inner: ScalarCodec): ScalarCodec {
  const n = inner.byteSize;
  return {
    id: `atomic_${inner.id}`, typeName: `atomic<${inner.typeName}>`, byteSize: n, value: inner.value,
    rd(h, a, path, location) {
      if (!atomicAligned(a, n)) return inner.rd(h, a, path, location);
      return decodeRaw(inner, h.le, loadRaw(h, a, n), path, location);
    },
    wr(h, a, v, path, location) {
      if (!atomicAligned(a, n)) return inner.wr(h, a, v, path, location);
      Atomics.store(cellArray(h, n) as any, a / n, encodeRaw(inner, h.le, v, path, location) as any);
    },
  };
}
