/**
 * A typedCache's free list as a lock-free Treiber stack (R. K. Treiber, "Systems
 * Programming: Coping with Parallelism", IBM RJ 5118, 1986) in the cache's own header:
 * the i32 at +0 is an ABA tag and the i32 at +4 the first free object, and the pair is
 * swapped with one 64-bit Atomics.compareExchange. Every successful pop or push bumps the
 * tag, so a thread that read an old head and slept can never install a stale `next`.
 * The links (one i32 per object, -1 end, -2 allocated) are the layout docs/runtime.md fixes.
 */
import type { BufferViews } from "./buffer-views.js";
import { HOST_LITTLE_ENDIAN } from "./primitives.js";

const END = -1; // link: end of the free list
const ALLOCATED = -2; // link of an allocated object
const INUSE_BYTE_OFFSET = 8; // i32 after the pair: objects allocated (cache.inUse)

/** TreiberFreeList pops and pushes object slots of one cache without a lock. */
export class TreiberFreeList {
  readonly #views: BufferViews;
  readonly #headerAbsolute: number;
  readonly #linksAbsolute: number;
  readonly #capacity: number;
  readonly #name: string;
  #buffer: ArrayBufferLike | undefined;
  #i32!: Int32Array;
  #i64!: BigInt64Array;

  /** TreiberFreeList works on the 8-aligned header at buffer byte `headerAbsolute` and the links at `linksAbsolute`. */
  constructor(views: BufferViews, headerAbsolute: number, linksAbsolute: number, capacity: number, name: string) {
    if (headerAbsolute % 8 !== 0 || linksAbsolute % 4 !== 0) throw new Error(`assert: cache '${name}' header is not 8-aligned`);
    this.#views = views;
    this.#headerAbsolute = headerAbsolute;
    this.#linksAbsolute = linksAbsolute;
    this.#capacity = capacity;
    this.#name = name;
  }

  /** pop takes the first free slot (marking it allocated and counting it in inUse), or returns -1 when none is free. */
  pop(): number {
    this.#refresh();
    const i32 = this.#i32;
    const pair = this.#headerAbsolute / 8;
    for (;;) {
      const old = Atomics.load(this.#i64, pair);
      const head = headOf(old);
      if (head === END) return END;
      if (head < 0 || head >= this.#capacity) throw new Error(`assert: free list head ${head} of cache '${this.#name}' out of range`);
      const next = Atomics.load(i32, this.#linksAbsolute / 4 + head); // stale when someone else popped head: then the tag moved and the CAS fails
      if (Atomics.compareExchange(this.#i64, pair, old, pack(next, tagOf(old) + 1)) === old) {
        Atomics.store(i32, this.#linksAbsolute / 4 + head, ALLOCATED);
        Atomics.add(i32, (this.#headerAbsolute + INUSE_BYTE_OFFSET) / 4, 1);
        return head;
      }
    }
  }

  /** push returns an allocated slot to the list; false when it was not allocated (a double free: nothing changes). */
  push(index: number): boolean {
    this.#refresh();
    const i32 = this.#i32;
    const link = this.#linksAbsolute / 4 + index;
    // Claim the slot first, so two frees of one object cannot both push it.
    if (Atomics.compareExchange(i32, link, ALLOCATED, END) !== ALLOCATED) return false;
    const pair = this.#headerAbsolute / 8;
    for (;;) {
      const old = Atomics.load(this.#i64, pair);
      Atomics.store(i32, link, headOf(old));
      if (Atomics.compareExchange(this.#i64, pair, old, pack(index, tagOf(old) + 1)) === old) break;
    }
    Atomics.sub(i32, (this.#headerAbsolute + INUSE_BYTE_OFFSET) / 4, 1);
    return true;
  }

  // #refresh makes the whole-buffer arrays, and again only when their buffer was detached (a
  // non-shared wasm memory that grew). A shared memory's older buffers stay valid and still cover
  // the cache, which was placed before any later grow; asking a shared WebAssembly.Memory for its
  // current `buffer` costs about a microsecond, more than the pop itself.
  #refresh(): void {
    if (this.#buffer !== undefined && this.#i32.length !== 0) return;
    const buffer = this.#views.buffer;
    this.#buffer = buffer;
    this.#i32 = new Int32Array(buffer, 0, Math.floor(buffer.byteLength / 4));
    this.#i64 = new BigInt64Array(buffer, 0, Math.floor(buffer.byteLength / 8));
  }

  /** zero clears `byteLength` bytes at buffer byte `absolute` (a freshly allocated object). */
  zero(absolute: number, byteLength: number): void {
    this.#refresh();
    new Uint8Array(this.#i32.buffer, absolute, byteLength).fill(0);
  }
}

// The pair in host order: the word at +0 (tag) is the low half on a little-endian host, the high half on a big-endian one.
function headOf(pair: bigint): number {
  return HOST_LITTLE_ENDIAN ? Number(pair >> 32n) : Number(BigInt.asIntN(32, pair));
}
function tagOf(pair: bigint): number {
  return HOST_LITTLE_ENDIAN ? Number(BigInt.asUintN(32, pair)) : Number(BigInt.asUintN(32, pair >> 32n));
}
function pack(head: number, tag: number): bigint {
  const headBits = BigInt(head >>> 0);
  const tagBits = BigInt(tag >>> 0); // the tag wraps around at 2^32
  return BigInt.asIntN(64, HOST_LITTLE_ENDIAN ? (headBits << 32n) | tagBits : (tagBits << 32n) | headBits);
}
