import type { TypeTable } from "@typedc/core";
import { alignUp } from "./alloc.js";
import { openSteps, type OpenOptions } from "./attach-steps.js";
import { EntryKind } from "./directory-format.js";
import { TypedError } from "./errors.js";
import { TypedMutex } from "./lock.js";
import { TreiberFreeList } from "./cache-free-list.js";
import type { TypedMemory } from "./memory.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";
import { bindView } from "./view.js";
import { stateOf } from "./view-state.js";
import { runAsync, runBlocking, type Steps } from "./wait.js";

/** TypedAllocationError: a typedCache misuse (double free, an object of another cache) or an exhausted cache. */
export class TypedAllocationError extends TypedError {}

/** DEFAULT_CACHE_CAPACITY is the number of objects of a cache created without `capacity`. */
export const DEFAULT_CACHE_CAPACITY = 256;

/** TypedCacheOptions are the options of `typedCache(name, options)`. */
export interface TypedCacheOptions extends OpenOptions {
  /** Number of objects (default DEFAULT_CACHE_CAPACITY when this call creates the cache); an attacher gets the published one. */
  readonly capacity?: number;
}

/**
 * CACHE is the layout of a cache area (docs/runtime.md, "typedCache"): a 64-byte header,
 * then one i32 link per object (the free list), then the objects, each `stride` bytes.
 */
const CACHE = {
  lock: 0, // i32: the free list's ABA tag (TreiberFreeList), or a TypedMutex word when the header is not 8-aligned
  freeHead: 4, // i32: first free object, or END (with the tag: one 8-byte word for a 64-bit compare-exchange)
  inUse: 8, // i32: objects allocated
  headerByteSize: 64,
} as const;
const END = -1; // link: end of the free list
const ALLOCATED = -2; // link of an allocated object

/** CacheLayout is where the parts of a cache area are, from the area start. */
interface CacheLayout {
  readonly capacity: number;
  readonly stride: number;
  readonly linksOffset: number;
  readonly objectsOffset: number;
  readonly byteLength: number;
  readonly byteAlign: number;
}

// cacheLayout is a function of the published table and capacity only, so every attacher
// derives the same layout without trusting mutable bytes.
function cacheLayout(table: TypeTable, capacity: number): CacheLayout {
  const root = table.types[table.root]!;
  const byteAlign = Math.max(8, root.alignment);
  const stride = alignUp(Math.max(1, root.byteSize), root.alignment);
  const objectsOffset = alignUp(CACHE.headerByteSize + 4 * capacity, byteAlign);
  return { capacity, stride, linksOffset: CACHE.headerByteSize, objectsOffset, byteLength: objectsOffset + stride * capacity, byteAlign };
}

/**
 * TypedCache is a slab cache of fixed-size objects of one type in one published format
 * (kmem_cache_create with a format, SPEC §3), shared by every agent that opens its name.
 * The free list lives in the area and is a lock-free Treiber stack (cache-free-list.ts), so
 * alloc and free are safe from any number of workers and none of them ever sleeps.
 */
export class TypedCache<T = any> {
  readonly name: string;
  /** The published object table: what every allocated view is bound with. */
  readonly table: TypeTable;
  /** The format the cache was published in. */
  readonly format: string;
  readonly capacity: number;
  /** This call created the cache. */
  readonly created: boolean;
  readonly #memory: TypedMemory;
  readonly #layout: CacheLayout;
  readonly #areaByteOffset: number;
  readonly #mutex: TypedMutex;
  readonly #freeList: TreiberFreeList | undefined;
  readonly #headerAbsolute: number;

  /** @internal TypedCache objects come from typedCache(). */
  constructor(memory: TypedMemory, name: string, table: TypeTable, format: string, areaByteOffset: number, capacity: number, created: boolean) {
    this.#memory = memory;
    this.name = name;
    this.table = table;
    this.format = format;
    this.capacity = capacity;
    this.created = created;
    this.#layout = cacheLayout(table, capacity);
    this.#areaByteOffset = areaByteOffset;
    this.#mutex = new TypedMutex(memory.directory.views.int32, memory.directory.views.int32Index(areaByteOffset + CACHE.lock), `cache '${name}'`);
    const views = memory.directory.views;
    const headerAbsolute = views.bytes.byteOffset + areaByteOffset;
    this.#headerAbsolute = headerAbsolute;
    this.#freeList = headerAbsolute % 8 === 0 ? new TreiberFreeList(views, headerAbsolute, headerAbsolute + this.#layout.linksOffset, capacity, name) : undefined;
  }

  /** inUse is the number of objects allocated right now (from every agent). */
  get inUse(): number {
    return Atomics.load(this.#int32, this.#wordIndex(CACHE.inUse));
  }

  /** alloc takes a free object, zeroes it and returns a view of it; TypedAllocationError when every object is allocated. */
  alloc(): T {
    const index = this.allocIndex();
    return bindView(this.table, { bytes: this.#memory.bytes, byteOffset: this.#objectByteOffset(index), byteLength: this.#layout.stride, addressBase: 0 }, { name: `${this.name}[${index}]` }) as T;
  }

  /**
   * allocIndex takes a free object and zeroes it like alloc, but returns its slot number instead
   * of binding a view (for code that reaches the objects through one array view, or compiled paths).
   */
  allocIndex(): number {
    const index = this.#freeList ? this.#freeList.pop() : this.#mutex.withLock(() => this.#popLocked());
    if (index === END) throw memoryError(TypedAllocationError, M.Cache_0_is_exhausted_all_1_objects_are_allocated, [this.name, this.capacity]);
    const byteOffset = this.#objectByteOffset(index);
    if (this.#freeList) this.#freeList.zero(this.#headerAbsolute - this.#areaByteOffset + byteOffset, this.#layout.stride);
    else this.#memory.bytes.fill(0, byteOffset, byteOffset + this.#layout.stride);
    return index;
  }

  /** free returns an object to the cache; TypedAllocationError for a double free or an object that is not one of this cache's. */
  free(object: T): void {
    const index = this.indexOf(object);
    const freed = this.#freeList ? this.#freeList.push(index) : this.#mutex.withLock(() => this.#pushLocked(index));
    if (!freed) throw memoryError(TypedAllocationError, M.Double_free_object_1_of_cache_0_is_not_allocated, [this.name, index]);
  }

  // #popLocked and #pushLocked are the free list under the mutex: only for a cache whose header is not
  // 8-byte aligned in its buffer (a Uint8Array memory at an odd offset), where a 64-bit CAS cannot reach it.
  #popLocked(): number {
    const int32 = this.#int32;
    const head = Atomics.load(int32, this.#wordIndex(CACHE.freeHead));
    if (head === END) return END;
    if (head < 0 || head >= this.capacity) throw new Error(`assert: free list head ${head} of cache '${this.name}' out of range`);
    Atomics.store(int32, this.#wordIndex(CACHE.freeHead), Atomics.load(int32, this.#linkIndex(head)));
    Atomics.store(int32, this.#linkIndex(head), ALLOCATED);
    Atomics.add(int32, this.#wordIndex(CACHE.inUse), 1);
    return head;
  }
  #pushLocked(index: number): boolean {
    const int32 = this.#int32;
    if (Atomics.load(int32, this.#linkIndex(index)) !== ALLOCATED) return false;
    Atomics.store(int32, this.#linkIndex(index), Atomics.load(int32, this.#wordIndex(CACHE.freeHead)));
    Atomics.store(int32, this.#wordIndex(CACHE.freeHead), index);
    Atomics.sub(int32, this.#wordIndex(CACHE.inUse), 1);
    return true;
  }

  /** indexOf returns the slot number of an object of this cache; TypedAllocationError for anything else. */
  indexOf(object: T): number {
    const foreign = (why: string) => memoryError(TypedAllocationError, M.The_object_does_not_belong_to_cache_0_1, [this.name, why]);
    const state = stateOf(object);
    if (state === undefined) throw foreign("it is not a typed view");
    const bytes = this.#memory.bytes;
    if (state.h.buffer !== bytes.buffer) throw foreign("it lives in another memory");
    const objects = this.#areaByteOffset + this.#layout.objectsOffset;
    const relative = state.a - bytes.byteOffset - objects;
    const index = relative / this.#layout.stride;
    if (!Number.isInteger(index) || index < 0 || index >= this.capacity) throw foreign("it is not an object of this cache");
    if (state.t.index !== this.table.root || state.tp.table.hash !== this.table.hash) throw foreign("it is a part of an object, or of another type");
    return index;
  }

  get #int32(): Int32Array {
    return this.#memory.directory.views.int32;
  }
  #wordIndex(byteOffsetInHeader: number): number {
    return this.#memory.directory.views.int32Index(this.#areaByteOffset + byteOffsetInHeader);
  }
  #linkIndex(index: number): number {
    return this.#memory.directory.views.int32Index(this.#areaByteOffset + this.#layout.linksOffset + 4 * index);
  }
  #objectByteOffset(index: number): number {
    return this.#areaByteOffset + this.#layout.objectsOffset + index * this.#layout.stride;
  }
}

/** typedCache creates or attaches the slab cache `name` (SPEC §3, kmem_cache_create with a format). */
export function typedCache<T = any>(name: string, options: TypedCacheOptions): TypedCache<T> {
  return runBlocking(cacheSteps<T>(name, options));
}

/** typedCacheAsync is typedCache that waits with Atomics.waitAsync (for `create: "never"` with `wait` on a main thread). */
export function typedCacheAsync<T = any>(name: string, options: TypedCacheOptions): Promise<TypedCache<T>> {
  return runAsync(cacheSteps<T>(name, options));
}

function* cacheSteps<T>(name: string, options: TypedCacheOptions): Steps<TypedCache<T>> {
  const asked = options.capacity;
  if (asked !== undefined && !(Number.isSafeInteger(asked) && asked >= 1 && asked < 2 ** 31 / 8)) {
    throw memoryError(TypedError, M.Option_0_must_be_1_got_2, ["capacity", "a positive integer", String(asked)]);
  }
  const capacity = asked ?? DEFAULT_CACHE_CAPACITY; // used only if this call creates the cache
  const { memory } = options;
  const spec = {
    kind: EntryKind.cache,
    count: capacity,
    byteLength: (table: TypeTable) => cacheLayout(table, capacity).byteLength,
    byteAlign: (table: TypeTable) => cacheLayout(table, capacity).byteAlign,
    initialise: (areaByteOffset: number, table: TypeTable) => initialiseCache(memory, areaByteOffset, cacheLayout(table, capacity)),
  };
  const opened = yield* openSteps(name, options, spec, (mine) => mine);
  if (asked !== undefined && !opened.created && opened.entry.count !== asked) {
    throw memoryError(TypedError, M.Option_0_must_be_1_got_2, ["capacity", `the published capacity ${opened.entry.count}`, String(asked)]);
  }
  return new TypedCache<T>(memory, name, opened.table, opened.entry.formatId, opened.entry.areaByteOffset, opened.entry.count, opened.created);
}

// initialiseCache links every object into the free list, in order (the area is zeroed).
function initialiseCache(memory: TypedMemory, areaByteOffset: number, layout: CacheLayout): void {
  const data = memory.directory.views.data;
  const linksAt = areaByteOffset + layout.linksOffset;
  for (let i = 0; i < layout.capacity; i++) data.setInt32(linksAt + 4 * i, i + 1 < layout.capacity ? i + 1 : END, true);
  data.setInt32(areaByteOffset + CACHE.freeHead, 0, true);
}
