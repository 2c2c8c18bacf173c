/**
 * The binary format of a TypedMemory directory (docs/runtime.md, "Directory format").
 * Every number is little-endian; the fields marked atomic are read and written with
 * `Atomics` on an Int32Array, which uses the host's byte order, so TypedMemory refuses
 * to run on a big-endian host (every JS engine in use is little-endian).
 * Offsets below are bytes from the start of the directory unless the name says `absolute`.
 */

/** DIRECTORY_MAGIC is the first word of a directory: the ASCII bytes "TYPD" read as a little-endian u32. */
export const DIRECTORY_MAGIC = 0x44505954;
/** DIRECTORY_VERSION is the version of this binary format. */
export const DIRECTORY_VERSION = 1;

/** HEADER is the byte offset of each header field; the header is HEADER.byteSize bytes. */
export const HEADER = {
  magic: 0, // u32 DIRECTORY_MAGIC
  version: 4, // u16 DIRECTORY_VERSION
  headerByteSize: 6, // u16 HEADER.byteSize
  entryCapacity: 8, // u32 number of entry slots
  entryByteSize: 12, // u32 ENTRY.byteSize
  tableRegionOffset: 16, // u32 where published tables are stored, from the directory start
  tableRegionByteLength: 20, // u32
  heapStart: 24, // u32 absolute byte offset of the first byte areas may use
  heapEnd: 28, // u32 absolute byte offset one past the last byte areas may use
  checksum: 32, // 8 bytes: hashBytes(header bytes [0, 32))
  tableCursor: 40, // i32 atomic: bytes of the table region in use
  heapCursor: 44, // i32 atomic: absolute offset of the next free heap byte (as u32)
  entryCount: 48, // i32 atomic: entries claimed so far
  generation: 52, // i32 atomic: bumped and notified on every publish (waiters for a name sleep here)
  byteSize: 64, // bytes 56..63 are reserved (zero)
} as const;

/** ENTRY is the byte offset of each entry field; entry i starts at HEADER.byteSize + i * ENTRY.byteSize. */
export const ENTRY = {
  state: 0, // i32 atomic: an EntryState
  nameHash: 4, // u32 FNV-1a of the UTF-8 name: start of the probe sequence and a quick compare
  nameByteLength: 8, // u16
  kind: 10, // u8 an EntryKind
  reserved0: 11, // u8 zero
  areaByteOffset: 12, // u32 absolute
  areaByteLength: 16, // u32
  count: 20, // u32 area: element count (0 = one object); cache: capacity
  tableOffset: 24, // u32 from the directory start (inside the table region)
  tableByteLength: 28, // u32
  tableHash: 32, // 8 bytes: hashBytes(published table bytes)
  formatId: 40, // 24 bytes: ASCII format id of the creator ("armv7-linux", "unified"), zero-padded
  name: 64, // 64 bytes: UTF-8 name, zero-padded
  reserved1: 128, // 24 bytes zero
  checksum: 152, // 8 bytes: hashBytes(entry bytes [4, 152))
  byteSize: 160,
} as const;

/** FORMAT_ID_MAX_BYTES is the longest format id an entry holds. */
export const FORMAT_ID_MAX_BYTES = 24;
/** NAME_MAX_BYTES is the longest name (in UTF-8 bytes) an entry holds. */
export const NAME_MAX_BYTES = 64;
/** HASH_BYTES is the size of a stored hash (hashBytes' 16 hex digits as 8 bytes). */
export const HASH_BYTES = 8;

/** EntryState is the life cycle of a directory slot: free → claiming → reserved → published (or failed). */
export const EntryState = {
  free: 0, // never used: ends every probe sequence
  claiming: 1, // won by a creator (compareExchange), name not yet written
  reserved: 2, // name written; the creator is allocating and writing the table
  published: 3, // every field written and sealed by the checksum
  failed: 4, // the creator gave up (out of space): the name exists but has no area
} as const;
export type EntryState = (typeof EntryState)[keyof typeof EntryState];

/** EntryKind says what a published name holds. */
export const EntryKind = { area: 1, cache: 2 } as const;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];

/** DEFAULT_ENTRY_CAPACITY is the number of entry slots a directory gets unless told otherwise. */
export const DEFAULT_ENTRY_CAPACITY = 64;
/** DEFAULT_TABLE_REGION_BYTES is the room for published tables unless told otherwise. */
export const DEFAULT_TABLE_REGION_BYTES = 32 * 1024;

/** directoryByteLength returns the bytes a directory with `entryCapacity` slots and a table region of `tableRegionByteLength` needs. */
export function directoryByteLength(entryCapacity: number, tableRegionByteLength: number): number {
  return HEADER.byteSize + entryCapacity * ENTRY.byteSize + tableRegionByteLength;
}
