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
      // Host byte order: the loaded integer is the value (no scratch round trip); u32 reads as unsigned.
      if (!h.swap && n === 4 && (inner.id === "i32" || inner.id === "u32")) return inner.id === "u32" ? Atomics.load(h.i32, a / 4) >>> 0 : Atomics.load(h.i32, a / 4);
      return decodeRaw(inner, h.le, loadRaw(h, a, n), path, location);
    },
    wr(h, a, v, path, location) {
      if (!atomicAligned(a, n)) return inner.wr(h, a, v, path, location);
      Atomics.store(cellArray(h, n) as any, a / n, encodeRaw(inner, h.le, v, path, location) as any);
    },
  };
}

/**
 * addHostOrder adds `delta` to the aligned atomic integer at `a` with one Atomics.add when the
 * format has the host's byte order, and returns the previous value; undefined when that fast path
 * does not apply (other byte order, packed member, 8-byte `number` codec, a delta of the wrong type),
 * and the caller takes the compare-exchange loop, which also reports the errors.
 */
export function addHostOrder(h: Handle, a: number, inner: ScalarCodec, delta: number | bigint): number | bigint | undefined {
  if (h.swap) return undefined;
  const n = inner.byteSize;
  if (a % n !== 0) return undefined;
  switch (inner.id) {
    case "i32":
      return typeof delta === "number" && Number.isInteger(delta) ? Atomics.add(h.i32, a / 4, delta) : undefined;
    case "u32":
      return typeof delta === "number" && Number.isInteger(delta) ? Atomics.add(h.i32, a / 4, delta) >>> 0 : undefined;
    case "i64":
      return typeof delta === "bigint" ? Atomics.add(h.i64, a / 8, delta) : undefined;
    case "u64":
      return typeof delta === "bigint" ? BigInt.asUintN(64, Atomics.add(h.i64, a / 8, delta)) : undefined;
    default:
      return undefined; // 1- and 2-byte members and 8-byte numbers keep the general path
  }
}

// inRange32 tells whether a value is exactly representable in a 4-byte integer codec (so it needs no check).
function inRange32(id: string, v: unknown): v is number {
  return typeof v === "number" && (id === "i32" ? (v | 0) === v : v >>> 0 === v);
}

/**
 * compareExchangeHostOrder is one Atomics.compareExchange on an aligned 4-byte integer of the host's
 * byte order whose expected and replacement values are in range; it returns the previous value, or
 * undefined when that fast path does not apply (the caller's checked loop handles the rest).
 */
export function compareExchangeHostOrder(h: Handle, a: number, inner: ScalarCodec, expected: unknown, replacement: unknown): number | undefined {
  const id = inner.id;
  if (h.swap || a % 4 !== 0 || (id !== "i32" && id !== "u32") || !inRange32(id, expected) || !inRange32(id, replacement)) return undefined;
  const seen = Atomics.compareExchange(h.i32, a / 4, expected | 0, replacement | 0);
  return id === "u32" ? seen >>> 0 : seen;
}
