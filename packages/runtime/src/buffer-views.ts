/**
 * BufferViews keeps typed views over the buffer a TypedMemory lives in. A
 * WebAssembly.Memory replaces its buffer when it grows (SPEC §3: "for a wasm memory"),
 * so the views are re-made whenever the source hands out a different buffer.
 */

/** MemorySource is anything a TypedMemory can live in. */
export type MemorySource = SharedArrayBuffer | ArrayBuffer | Uint8Array | WebAssembly.Memory;

/** BufferViews gives the whole-buffer views the directory, the allocator and the accessors use. */
export class BufferViews {
  readonly #source: MemorySource;
  #buffer: ArrayBufferLike | undefined;
  #bytes!: Uint8Array;
  #int32!: Int32Array;
  #data!: DataView;

  constructor(source: MemorySource) {
    this.#source = source;
    this.#refresh();
  }

  /** buffer is the current underlying buffer (a wasm memory's buffer after its last grow). */
  get buffer(): ArrayBufferLike {
    this.#refresh();
    return this.#buffer!;
  }
  /** bytes is a Uint8Array over the whole memory (for a Uint8Array source: exactly that array's range). */
  get bytes(): Uint8Array {
    this.#refresh();
    return this.#bytes;
  }
  /** int32 is an Int32Array over the whole memory, for Atomics; index = (bytes.byteOffset + byteOffset) / 4. */
  get int32(): Int32Array {
    this.#refresh();
    return this.#int32;
  }
  /** data is a DataView over the same range as `bytes`. */
  get data(): DataView {
    this.#refresh();
    return this.#data;
  }
  /** shared tells whether the memory is shared between agents (so Atomics.wait can block on it). */
  get shared(): boolean {
    return typeof SharedArrayBuffer !== "undefined" && this.buffer instanceof SharedArrayBuffer;
  }

  /** int32Index returns the Int32Array index of the 4-aligned byte offset `byteOffset` of the memory. */
  int32Index(byteOffset: number): number {
    const absolute = this.bytes.byteOffset + byteOffset;
    if (absolute % 4 !== 0) throw new Error(`assert: byte offset ${byteOffset} is not 4-aligned for Atomics`);
    return absolute / 4;
  }

  #refresh(): void {
    const source = this.#source;
    const buffer = source instanceof Uint8Array || isWasmMemory(source) ? source.buffer : source;
    if (buffer === this.#buffer) return;
    this.#buffer = buffer;
    this.#bytes = source instanceof Uint8Array ? source : new Uint8Array(buffer);
    this.#int32 = new Int32Array(buffer, 0, Math.floor(buffer.byteLength / 4));
    this.#data = new DataView(buffer, this.#bytes.byteOffset, this.#bytes.byteLength);
  }
}

// isWasmMemory: tested by class, not by a `grow` method (growable ArrayBuffers have one too).
function isWasmMemory(source: MemorySource): source is WebAssembly.Memory {
  return typeof WebAssembly !== "undefined" && source instanceof WebAssembly.Memory;
}
