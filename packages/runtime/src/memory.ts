import type { TypeTable } from "@typedc/core";
import { BufferViews, type MemorySource } from "./buffer-views.js";
import { Directory, type DirectoryLayout } from "./directory.js";
import { EntryKind, EntryState } from "./directory-format.js";
import { publishedTable } from "./directory-table.js";
import { TypedError } from "./errors.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";

/** TypedMemoryOptions say what memory to use and where its directory and heap go. */
export interface TypedMemoryOptions extends DirectoryLayout {
  /** Size of a new SharedArrayBuffer to create. */
  readonly bytes?: number;
  /** An existing memory to format: SharedArrayBuffer, ArrayBuffer, Uint8Array (a Node Buffer too) or WebAssembly.Memory. */
  readonly buffer?: MemorySource;
}

/** PublishedFormat is what `memory.query(name)` returns: the format an area or cache was published in. */
export interface PublishedFormat {
  readonly name: string;
  readonly kind: "area" | "cache";
  /** The creator's format id: an ABI id or "unified". */
  readonly format: string;
  /** The published table's content hash (16 hex digits). */
  readonly hash: string;
  /** The published type table (root: the area's type; for a cache, the object type). */
  readonly table: TypeTable;
  /** Where the area lives: byte offset in the memory and length. */
  readonly byteOffset: number;
  readonly byteLength: number;
  /** Area: element count given at creation (0: one object). Cache: capacity. */
  readonly count: number;
}

/**
 * TypedMemory is a piece of (usually shared) memory with a directory of named,
 * typed areas (SPEC §3). Create it once, hand `memory.buffer` to workers, and attach
 * there with `TypedMemory.from(buffer)`.
 */
export class TypedMemory {
  /** The directory of this memory (used by __typed and typedCache). */
  readonly directory: Directory;
  readonly #views: BufferViews;

  private constructor(views: BufferViews, directory: Directory) {
    this.#views = views;
    this.directory = directory;
  }

  /** TypedMemory.create makes a new memory (`bytes`: a fresh SharedArrayBuffer) or formats `buffer`, writing an empty directory. */
  static create(options: TypedMemoryOptions): TypedMemory {
    const views = viewsOf(options.buffer ?? newSharedBuffer(options.bytes));
    return new TypedMemory(views, Directory.format(views, options));
  }

  /** TypedMemory.from attaches to a memory formatted elsewhere; TypedIntegrityError when no valid directory is at `directoryOffset`. */
  static from(buffer: MemorySource, options: { readonly directoryOffset?: number } = {}): TypedMemory {
    const views = viewsOf(buffer);
    return new TypedMemory(views, Directory.open(views, options.directoryOffset ?? 0));
  }

  /** buffer is the underlying buffer, to hand to workers. */
  get buffer(): ArrayBufferLike {
    return this.#views.buffer;
  }

  /** bytes is a Uint8Array over the whole memory: the `bytes` of every Region bound in it. */
  get bytes(): Uint8Array {
    return this.#views.bytes;
  }

  /** query returns the published format of `name` (verified: TypedIntegrityError when altered), or undefined when it is not published. */
  query(name: string): PublishedFormat | undefined {
    const found = this.directory.find(name);
    if (!found || this.directory.state(found.index) !== EntryState.published) return undefined;
    const entry = this.directory.read(found.index);
    const table = publishedTable(entry);
    return {
      name: entry.name,
      kind: entry.kind === EntryKind.cache ? "cache" : "area",
      format: entry.formatId,
      hash: table.hash,
      table,
      byteOffset: entry.areaByteOffset,
      byteLength: entry.areaByteLength,
      count: entry.count,
    };
  }

  /** names lists the published names in this memory. */
  names(): string[] {
    return this.directory.names();
  }
}

// viewsOf wraps a memory source; a Uint8Array must start 8-aligned in its buffer, so that
// offsets that are 8-aligned in the memory are 8-aligned for Atomics and BigInt64Array too.
function viewsOf(source: MemorySource): BufferViews {
  const known = source instanceof Uint8Array || source instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== "undefined" && source instanceof SharedArrayBuffer) ||
    (typeof WebAssembly !== "undefined" && source instanceof WebAssembly.Memory);
  if (!known || (source instanceof Uint8Array && source.byteOffset % 8 !== 0)) {
    const got = source instanceof Uint8Array ? `a Uint8Array at byte offset ${source.byteOffset}` : String((source as object)?.constructor?.name ?? source);
    throw memoryError(TypedError, M.Option_0_must_be_1_got_2, ["buffer", "a SharedArrayBuffer, ArrayBuffer, WebAssembly.Memory or 8-aligned Uint8Array", got]);
  }
  return new BufferViews(source);
}

// newSharedBuffer makes the SharedArrayBuffer of TypedMemory.create({ bytes }).
function newSharedBuffer(byteLength: number | undefined): SharedArrayBuffer {
  if (byteLength === undefined || !Number.isSafeInteger(byteLength) || byteLength <= 0) {
    throw memoryError(TypedError, M.Option_0_must_be_1_got_2, ["bytes", "a positive byte count (or pass buffer)", String(byteLength)]);
  }
  return new SharedArrayBuffer(byteLength);
}
