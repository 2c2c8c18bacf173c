/**
 * Access primitives (docs/runtime-contract.md, RUNTIME_CONTRACT_VERSION 1): the
 * handle that compiled code and the dynamic views read memory through, and the
 * scalar read/write functions per encoding. Addresses are byte indices into the
 * memory's underlying buffer (`h.u8`, `h.dv` cover the whole buffer), so one
 * handle serves every area of a memory and aligned typed arrays need no rebasing.
 */
import type { Region } from "./region.js";
import { checkRegion, } from "./region.js";
import { AccessMessages, boundsError, checkArea, checkIndex, pathText, type PathLike } from "./checks.js";

/** RUNTIME_CONTRACT_VERSION is the version of the contract between compiled code and the runtime. */
export const RUNTIME_CONTRACT_VERSION = 1;

/** HOST_LITTLE_ENDIAN tells the byte order of the running platform (what typed arrays and Atomics use). */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** MemoryViews are the views over one buffer, created once per buffer and shared by every handle. */
export interface MemoryViews {
  readonly buffer: ArrayBufferLike;
  readonly dv: DataView;
  readonly u8: Uint8Array;
  readonly i8: Int8Array;
  readonly i16: Int16Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  readonly i64: BigInt64Array;
  readonly u64: BigUint64Array;
  /** The buffer is a SharedArrayBuffer (Atomics.wait is possible). */
  readonly shared: boolean;
}

/**
 * Handle is what every access goes through: the memory's views, the byte order of
 * the bound format, the area `[base, end)` and the memory `[memStart, memEnd)`
 * (byte indices into the buffer). It is frozen; compiled code may hoist its fields.
 */
export interface Handle extends MemoryViews {
  /** The bound format is little-endian (the `littleEndian` argument of every DataView call). */
  readonly le: boolean;
  /** The format's byte order differs from the host's: typed arrays and Atomics need a byte swap. */
  readonly swap: boolean;
  readonly base: number;
  readonly end: number;
  readonly memStart: number;
  readonly memEnd: number;
  /** Pointer value of the memory's first byte (Region.addressBase). */
  readonly addressBase: number;
}

const viewsByBuffer = new WeakMap<ArrayBufferLike, MemoryViews>();

/** memoryViews returns the (cached) views over a whole buffer. */
export function memoryViews(buffer: ArrayBufferLike): MemoryViews {
  let v = viewsByBuffer.get(buffer);
  if (v === undefined) {
    const n = buffer.byteLength;
    v = Object.freeze({
      buffer,
      dv: new DataView(buffer),
      u8: new Uint8Array(buffer),
      i8: new Int8Array(buffer),
      i16: new Int16Array(buffer, 0, n >>> 1),
      u16: new Uint16Array(buffer, 0, n >>> 1),
      i32: new Int32Array(buffer, 0, n >>> 2),
      u32: new Uint32Array(buffer, 0, n >>> 2),
      f32: new Float32Array(buffer, 0, n >>> 2),
      f64: new Float64Array(buffer, 0, Math.floor(n / 8)),
      i64: new BigInt64Array(buffer, 0, Math.floor(n / 8)),
      u64: new BigUint64Array(buffer, 0, Math.floor(n / 8)),
      shared: typeof SharedArrayBuffer !== "undefined" && buffer instanceof SharedArrayBuffer,
    });
    viewsByBuffer.set(buffer, v);
  }
  return v;
}

/** makeHandle returns the handle for an area of a memory in a format of the given byte order. */
export function makeHandle(region: Region, endian: "little" | "big"): Handle {
  checkRegion(region);
  const views = memoryViews(region.bytes.buffer);
  const memStart = region.bytes.byteOffset;
  const le = endian === "little";
  return Object.freeze({
    ...views,
    le,
    swap: le !== HOST_LITTLE_ENDIAN,
    base: memStart + region.byteOffset,
    end: memStart + region.byteOffset + region.byteLength,
    memStart,
    memEnd: memStart + region.bytes.byteLength,
    addressBase: region.addressBase ?? 0,
  });
}

/** subHandle returns a handle over the same memory and format for the area [byteAddress, byteAddress + byteLength). */
export function subHandle(h: Handle, byteAddress: number, byteLength: number): Handle {
  return Object.freeze({ ...h, base: byteAddress, end: byteAddress + byteLength });
}

/** chk throws TypedBoundsError unless [a, a + size) is inside the handle's area; `path` is built only when throwing. */
export function chk(h: Handle, a: number, size: number, path?: PathLike, location?: string): void {
  if (a >= h.base && a + size <= h.end) return;
  checkArea(a, size, h.base, h.end, path, location);
}

/**
 * idx throws TypedBoundsError unless `i` is an integer index in [0, count). `arrayPath`
 * names the array (`tasks`); the error's path is `tasks[1024]`, built only when throwing,
 * so compiled code passes a constant and allocates nothing per access.
 */
export function idx(i: number, count: number, arrayPath?: PathLike, location?: string): void {
  if (i >>> 0 === i && i < count) return;
  checkIndex(i, count, () => `${pathText(arrayPath) ?? ""}[${i}]`, location);
}

/** ptrTarget maps a pointer value to a byte index of the buffer, checking that `byteSize` bytes there are in the memory. */
export function ptrTarget(h: Handle, pointer: number, byteSize: number, typeName: string, path?: PathLike, location?: string): number {
  const a = h.memStart + (pointer - h.addressBase);
  if (a >= h.memStart && a + byteSize <= h.memEnd) return a;
  throw boundsError(AccessMessages.PointerOutOfMemory, [pointer, typeName, byteSize], path, location);
}
