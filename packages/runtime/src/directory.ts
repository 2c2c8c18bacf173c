import { alignUp, bumpAllocate, bytesLeft } from "./alloc.js";
import {
  DEFAULT_ENTRY_CAPACITY,
  DEFAULT_TABLE_REGION_BYTES,
  DIRECTORY_MAGIC,
  DIRECTORY_VERSION,
  ENTRY,
  EntryState,
  HEADER,
  NAME_MAX_BYTES,
  directoryByteLength,
} from "./directory-format.js";
import type { EntryFields } from "./directory-entry.js";
import { checksumMatches, encodeName, nameMatches, readFields, readName, writeFields, writeName } from "./directory-entry.js";
import { fnv1a32, sealMatches, sealOf } from "./directory-hash.js";
import { TypedBoundsError, TypedError, TypedIntegrityError } from "./errors.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";
import type { BufferViews } from "./buffer-views.js";

/** DirectoryLayout says where a directory and the heap it allocates from live in a memory. */
export interface DirectoryLayout {
  /** Byte offset of the directory in the memory (8-aligned). Default 0. */
  readonly directoryOffset?: number;
  /** Number of entry slots (names). Default 64. */
  readonly entryCapacity?: number;
  /** Bytes reserved for published type tables. Default 32 KiB. */
  readonly tableRegionByteLength?: number;
  /** First byte areas may use. Default: right after the directory. */
  readonly heapOffset?: number;
  /** Bytes areas may use. Default: up to the end of the memory. */
  readonly heapByteLength?: number;
}

/** ProbeResult is where a name lives in the directory. */
export interface ProbeResult {
  readonly index: number;
  /** True when this call claimed the slot: the caller must publish or fail it. */
  readonly claimed: boolean;
}

/** PublishedEntry is a verified, published directory entry and a copy of its table bytes. */
export interface PublishedEntry extends EntryFields {
  readonly index: number;
  readonly name: string;
  readonly tableBytes: Uint8Array;
}

/** CLAIM_SPIN_MS bounds how long a prober waits for a claimed slot's name to appear (the claimer writes it right away). */
const CLAIM_SPIN_MS = 2000;

/**
 * Directory is the table of named areas at the start of a TypedMemory
 * (docs/runtime.md, "Directory format"). Names are placed by open addressing
 * (FNV-1a of the name, linear probing) and entries are never removed, so a name is
 * present iff it is found before the first free slot of its probe sequence; a slot is
 * taken with Atomics.compareExchange, so of several racing creators exactly one wins.
 */
export class Directory {
  readonly views: BufferViews;
  /** Byte offset of the directory in the memory. */
  readonly byteOffset: number;
  readonly entryCapacity: number;
  readonly tableRegionOffset: number; // from the directory start
  readonly tableRegionByteLength: number;
  readonly heapStart: number; // absolute
  readonly heapEnd: number; // absolute

  private constructor(views: BufferViews, byteOffset: number) {
    this.views = views;
    this.byteOffset = byteOffset;
    const data = views.data;
    this.entryCapacity = data.getUint32(byteOffset + HEADER.entryCapacity, true);
    this.tableRegionOffset = data.getUint32(byteOffset + HEADER.tableRegionOffset, true);
    this.tableRegionByteLength = data.getUint32(byteOffset + HEADER.tableRegionByteLength, true);
    this.heapStart = data.getUint32(byteOffset + HEADER.heapStart, true);
    this.heapEnd = data.getUint32(byteOffset + HEADER.heapEnd, true);
  }

  /** Directory.format writes an empty directory into `views` as `layout` says and returns it. */
  static format(views: BufferViews, layout: DirectoryLayout = {}): Directory {
    assertLittleEndianHost();
    const memoryByteLength = views.bytes.byteLength;
    const byteOffset = checkedOption("directoryOffset", layout.directoryOffset ?? 0, "an 8-aligned byte offset", (n) => n % 8 === 0);
    const entryCapacity = checkedOption("entryCapacity", layout.entryCapacity ?? DEFAULT_ENTRY_CAPACITY, "an integer >= 1", (n) => n >= 1);
    const tableBytes = checkedOption("tableRegionByteLength", layout.tableRegionByteLength ?? DEFAULT_TABLE_REGION_BYTES, "a multiple of 8", (n) => n % 8 === 0);
    const byteLength = directoryByteLength(entryCapacity, tableBytes);
    if (byteOffset + byteLength > memoryByteLength) {
      throw memoryError(TypedBoundsError, M.Memory_of_0_bytes_cannot_hold_a_directory_of_1_bytes_at_byte_offset_2, [memoryByteLength, byteLength, byteOffset]);
    }
    const heapStart = checkedOption("heapOffset", layout.heapOffset ?? alignUp(byteOffset + byteLength, 64), "an 8-aligned byte offset", (n) => n % 8 === 0);
    const heapEnd = heapStart + checkedOption("heapByteLength", layout.heapByteLength ?? Math.max(0, memoryByteLength - heapStart), "a byte count", () => true);
    // Heap offsets are stored as u32 (docs/runtime.md), so a heap ends below 4 GiB.
    const overlaps = heapStart < byteOffset + byteLength && byteOffset < heapEnd;
    if (overlaps || heapEnd > memoryByteLength || heapEnd > 0xffff_fff8) {
      throw memoryError(TypedBoundsError, M.The_memory_range_0_1_is_outside_the_buffer_of_2_bytes, [heapStart, heapEnd, memoryByteLength]);
    }
    const { bytes, data } = views;
    bytes.fill(0, byteOffset, byteOffset + byteLength);
    data.setUint32(byteOffset + HEADER.magic, DIRECTORY_MAGIC, true);
    data.setUint16(byteOffset + HEADER.version, DIRECTORY_VERSION, true);
    data.setUint16(byteOffset + HEADER.headerByteSize, HEADER.byteSize, true);
    data.setUint32(byteOffset + HEADER.entryCapacity, entryCapacity, true);
    data.setUint32(byteOffset + HEADER.entryByteSize, ENTRY.byteSize, true);
    data.setUint32(byteOffset + HEADER.tableRegionOffset, HEADER.byteSize + entryCapacity * ENTRY.byteSize, true);
    data.setUint32(byteOffset + HEADER.tableRegionByteLength, tableBytes, true);
    data.setUint32(byteOffset + HEADER.heapStart, heapStart, true);
    data.setUint32(byteOffset + HEADER.heapEnd, heapEnd, true);
    bytes.set(sealOf(bytes.subarray(byteOffset, byteOffset + HEADER.checksum)), byteOffset + HEADER.checksum);
    data.setUint32(byteOffset + HEADER.heapCursor, heapStart, true);
    return new Directory(views, byteOffset);
  }

  /** Directory.open validates the directory header at `byteOffset` (TypedIntegrityError when it is not one) and returns it. */
  static open(views: BufferViews, byteOffset = 0): Directory {
    assertLittleEndianHost();
    const { bytes, data } = views;
    const corrupt = (why: string) => memoryError(TypedIntegrityError, M.No_valid_typed_memory_directory_at_byte_offset_0_1, [byteOffset, why]);
    if (byteOffset % 8 !== 0 || byteOffset + HEADER.byteSize > bytes.byteLength) throw corrupt("the header does not fit in the memory");
    if (data.getUint32(byteOffset + HEADER.magic, true) !== DIRECTORY_MAGIC) throw corrupt("bad magic number");
    if (!sealMatches(bytes, byteOffset + HEADER.checksum, sealOf(bytes.subarray(byteOffset, byteOffset + HEADER.checksum)))) {
      throw corrupt("header checksum mismatch");
    }
    if (data.getUint16(byteOffset + HEADER.version, true) !== DIRECTORY_VERSION) throw corrupt("unsupported version");
    if (data.getUint16(byteOffset + HEADER.headerByteSize, true) !== HEADER.byteSize) throw corrupt("unexpected header size");
    if (data.getUint32(byteOffset + HEADER.entryByteSize, true) !== ENTRY.byteSize) throw corrupt("unexpected entry size");
    const directory = new Directory(views, byteOffset);
    const end = byteOffset + directory.tableRegionOffset + directory.tableRegionByteLength;
    const expectedTableRegion = HEADER.byteSize + directory.entryCapacity * ENTRY.byteSize;
    if (directory.tableRegionOffset !== expectedTableRegion || end > bytes.byteLength) throw corrupt("table region out of range");
    if (directory.heapStart > directory.heapEnd || directory.heapEnd > bytes.byteLength) throw corrupt("heap out of range");
    return directory;
  }

  /** byteLength is the size of the directory (header, entries and table region). */
  get byteLength(): number {
    return directoryByteLength(this.entryCapacity, this.tableRegionByteLength);
  }

  /** entryByteOffset returns the byte offset in the memory of entry `index`. */
  entryByteOffset(index: number): number {
    return this.byteOffset + HEADER.byteSize + index * ENTRY.byteSize;
  }

  /** stateIndex returns the Int32Array index (in views.int32) of entry `index`'s state word, for Atomics. */
  stateIndex(index: number): number {
    return this.views.int32Index(this.entryByteOffset(index) + ENTRY.state);
  }

  /** generationIndex returns the Int32Array index of the header's publish counter, where waiters for a name sleep. */
  generationIndex(): number {
    return this.views.int32Index(this.byteOffset + HEADER.generation);
  }

  /** state returns entry `index`'s state (TypedIntegrityError when it is not a known state). */
  state(index: number): EntryState {
    const state = Atomics.load(this.views.int32, this.stateIndex(index));
    if (state < EntryState.free || state > EntryState.failed) throw this.#corruptEntry(index, `unknown state ${state}`);
    return state as EntryState;
  }

  /** find returns where `name` lives, or undefined when it does not exist (yet). */
  find(name: string): ProbeResult | undefined {
    return this.#probe(name, false);
  }

  /** claim returns where `name` lives, claiming a free slot for it when it does not exist yet. */
  claim(name: string): ProbeResult {
    const result = this.#probe(name, true);
    if (!result) throw memoryError(TypedError, M.The_directory_is_full_0_entries_cannot_create_1, [this.entryCapacity, name]);
    return result;
  }

  /** allocateArea reserves `byteLength` bytes aligned to `byteAlign` in the heap for `name` and zeroes them. */
  allocateArea(name: string, byteLength: number, byteAlign: number): number {
    const cursor = this.views.int32Index(this.byteOffset + HEADER.heapCursor);
    const start = bumpAllocate(this.views.int32, cursor, byteLength, byteAlign, this.heapEnd);
    if (start < 0) {
      throw memoryError(TypedError, M.Out_of_typed_memory_0_needs_1_bytes_2_are_left, [name, byteLength, bytesLeft(this.views.int32, cursor, this.heapEnd)]);
    }
    this.views.bytes.fill(0, start, start + byteLength); // wasm and reused buffers are not zero
    return start;
  }

  /** publish stores `tableBytes` in the table region, seals the fields of claimed entry `index`, publishes it and wakes its waiters. */
  publish(index: number, name: string, fields: Omit<EntryFields, "tableOffset" | "tableByteLength" | "tableSeal">, tableBytes: Uint8Array): void {
    const tableOffset = this.#storeTable(name, tableBytes);
    const { bytes, data, int32 } = this.views;
    writeFields(data, bytes, this.entryByteOffset(index), {
      ...fields,
      tableOffset,
      tableByteLength: tableBytes.length,
      tableSeal: sealOf(tableBytes),
    });
    this.#setState(index, EntryState.published);
    Atomics.add(int32, this.generationIndex(), 1);
    Atomics.notify(int32, this.generationIndex());
  }

  /** fail marks claimed entry `index` as failed (its creator could not finish) and wakes its waiters. */
  fail(index: number): void {
    this.#setState(index, EntryState.failed);
    Atomics.add(this.views.int32, this.generationIndex(), 1);
    Atomics.notify(this.views.int32, this.generationIndex());
  }

  /** read verifies published entry `index` (checksum, ranges, table hash; TypedIntegrityError on any mismatch) and returns it. */
  read(index: number): PublishedEntry {
    const { bytes, data } = this.views;
    const at = this.entryByteOffset(index);
    const state = this.state(index);
    if (state !== EntryState.published) throw new Error(`assert: read of entry ${index} in state ${state}`);
    if (!checksumMatches(bytes, at)) throw this.#corruptEntry(index, "entry checksum mismatch");
    const name = readName(data, bytes, at);
    const fields = readFields(data, bytes, at);
    if (typeof fields === "string") throw this.#corruptEntry(index, fields);
    const areaEnd = fields.areaByteOffset + fields.areaByteLength;
    if (fields.areaByteOffset < this.heapStart || areaEnd > this.heapEnd) throw this.#corruptEntry(index, "area outside the heap");
    const tableStart = fields.tableOffset;
    const tableEnd = tableStart + fields.tableByteLength;
    if (tableStart < this.tableRegionOffset || tableEnd > this.tableRegionOffset + this.tableRegionByteLength) {
      throw this.#corruptEntry(index, "table outside the table region");
    }
    const tableBytes = bytes.slice(this.byteOffset + tableStart, this.byteOffset + tableEnd);
    if (!sealMatches(sealOf(tableBytes), 0, fields.tableSeal)) {
      throw memoryError(TypedIntegrityError, M.The_published_table_of_0_is_corrupt_1, [name, "its bytes do not match the hash in its directory entry"]);
    }
    return { ...fields, index, name, tableBytes };
  }

  /** names lists the published names, in slot order. */
  names(): string[] {
    const names: string[] = [];
    for (let index = 0; index < this.entryCapacity; index++) {
      if (this.state(index) === EntryState.published) names.push(this.read(index).name);
    }
    return names;
  }

  // #probe walks `name`'s probe sequence: it returns the slot holding the name, or claims the
  // first free slot (when `claim`), or returns undefined. Every published slot it passes is
  // verified, so a tampered entry on the way is reported rather than skipped.
  #probe(name: string, claim: boolean): ProbeResult | undefined {
    const nameBytes = encodeName(name);
    if (nameBytes.length < 1 || nameBytes.length > NAME_MAX_BYTES) {
      throw memoryError(TypedError, M.Name_0_is_1_UTF_8_bytes_a_directory_name_holds_1_to_2, [name, nameBytes.length, NAME_MAX_BYTES]);
    }
    const nameHash = fnv1a32(nameBytes);
    const { int32, bytes, data } = this.views;
    for (let step = 0; step < this.entryCapacity; step++) {
      const index = (nameHash + step) % this.entryCapacity;
      const at = this.entryByteOffset(index);
      let state = this.state(index);
      if (state === EntryState.free) {
        if (!claim) return undefined;
        if (Atomics.compareExchange(int32, this.stateIndex(index), EntryState.free, EntryState.claiming) === EntryState.free) {
          writeName(data, bytes, at, nameBytes, nameHash);
          this.#setState(index, EntryState.reserved);
          Atomics.add(int32, this.views.int32Index(this.byteOffset + HEADER.entryCount), 1);
          return { index, claimed: true };
        }
        state = this.state(index); // another creator took it: look at what it holds
      }
      state = this.#awaitNamed(index, state);
      if (state === EntryState.published && !checksumMatches(bytes, at)) throw this.#corruptEntry(index, "entry checksum mismatch");
      if (nameMatches(data, bytes, at, nameBytes, nameHash)) return { index, claimed: false };
    }
    return undefined;
  }

  // #awaitNamed waits while a slot is being claimed: its claimer writes the name right after
  // winning the compareExchange (and notifies), so this lasts microseconds unless that agent
  // died. It sleeps in short Atomics.waits where allowed, else spins.
  #awaitNamed(index: number, state: EntryState): EntryState {
    const deadline = Date.now() + CLAIM_SPIN_MS;
    let canSleep = this.views.shared;
    while (state === EntryState.claiming) {
      if (Date.now() > deadline) throw memoryError(TypedError, M.Timed_out_after_0_ms_waiting_for_1, [CLAIM_SPIN_MS, `directory entry ${index}`]);
      if (canSleep) {
        try {
          Atomics.wait(this.views.int32, this.stateIndex(index), EntryState.claiming, 1);
        } catch {
          canSleep = false; // not allowed to block on this thread
        }
      }
      state = this.state(index);
    }
    return state;
  }

  #setState(index: number, state: EntryState): void {
    Atomics.store(this.views.int32, this.stateIndex(index), state);
    Atomics.notify(this.views.int32, this.stateIndex(index));
  }

  #storeTable(name: string, tableBytes: Uint8Array): number {
    const cursor = this.views.int32Index(this.byteOffset + HEADER.tableCursor);
    const start = bumpAllocate(this.views.int32, cursor, tableBytes.length, 8, this.tableRegionByteLength);
    if (start < 0) {
      const left = bytesLeft(this.views.int32, cursor, this.tableRegionByteLength);
      throw memoryError(TypedError, M.The_table_region_of_the_directory_is_full_0_needs_1_bytes_2_are_left, [name, tableBytes.length, left]);
    }
    const tableOffset = this.tableRegionOffset + start;
    this.views.bytes.set(tableBytes, this.byteOffset + tableOffset);
    return tableOffset;
  }

  #corruptEntry(index: number, why: string): TypedIntegrityError {
    const name = readName(this.views.data, this.views.bytes, this.entryByteOffset(index));
    return memoryError(TypedIntegrityError, M.Directory_entry_0_1_is_corrupt_2, [index, name, why]);
  }
}

// assertLittleEndianHost: the atomic directory words use the host byte order (directory-format.ts).
function assertLittleEndianHost(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error("assert: TypedMemory needs a little-endian host");
}

function checkedOption(option: string, value: number, expected: string, ok: (n: number) => boolean): number {
  if (!Number.isSafeInteger(value) || value < 0 || !ok(value)) {
    throw memoryError(TypedError, M.Option_0_must_be_1_got_2, [option, expected, String(value)]);
  }
  return value;
}
