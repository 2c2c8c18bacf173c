/**
 * The bump allocator that hands out area space (and table-region space) in a
 * TypedMemory. The cursor is one i32 word used as a u32 byte offset; every
 * allocation is a compareExchange on it, so concurrent creators in several agents
 * never receive overlapping ranges. Nothing is ever freed: areas live as long as the
 * memory (a typedCache recycles objects inside its own area).
 */

/** alignUp returns the smallest y >= x such that y % byteAlign == 0 (byteAlign a power of two). */
export function alignUp(x: number, byteAlign: number): number {
  if (byteAlign <= 0 || (byteAlign & (byteAlign - 1)) !== 0) throw new Error(`assert: alignment ${byteAlign} is not a power of two`);
  return Math.ceil(x / byteAlign) * byteAlign;
}

/**
 * bumpAllocate reserves `byteLength` bytes aligned to `byteAlign` from the cursor
 * at `int32[cursorIndex]` (an unsigned byte offset), never past `endByteOffset`;
 * it returns the start offset, or -1 when the range between cursor and end is too small.
 */
export function bumpAllocate(
  int32: Int32Array,
  cursorIndex: number,
  byteLength: number,
  byteAlign: number,
  endByteOffset: number,
): number {
  for (;;) {
    const seen = Atomics.load(int32, cursorIndex);
    const cursor = seen >>> 0;
    const start = alignUp(cursor, byteAlign);
    const next = start + byteLength;
    if (next > endByteOffset) return -1;
    // Exactly one agent moves the cursor from `seen`; the others retry from the value they find.
    if (Atomics.compareExchange(int32, cursorIndex, seen, next | 0) === seen) return start;
  }
}

/** bytesLeft returns how many bytes remain between the cursor at `int32[cursorIndex]` and `endByteOffset`. */
export function bytesLeft(int32: Int32Array, cursorIndex: number, endByteOffset: number): number {
  return Math.max(0, endByteOffset - (Atomics.load(int32, cursorIndex) >>> 0));
}
