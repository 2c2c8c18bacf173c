import { ENTRY, EntryKind, FORMAT_ID_MAX_BYTES, HASH_BYTES, NAME_MAX_BYTES } from "./directory-format.js";
import { sealMatches, sealOf } from "./directory-hash.js";

/**
 * Reading and writing the plain (non-atomic) fields of one directory entry
 * (directory-format.ts ENTRY). The state word is handled by Directory with Atomics.
 */

/** EntryFields are the sealed fields a creator writes before it publishes an entry. */
export interface EntryFields {
  readonly kind: EntryKind;
  readonly areaByteOffset: number; // absolute
  readonly areaByteLength: number;
  readonly count: number;
  readonly formatId: string;
  readonly tableOffset: number; // from the directory start
  readonly tableByteLength: number;
  readonly tableSeal: Uint8Array; // sealOf(table bytes)
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

/** encodeName returns the UTF-8 bytes of a directory name. */
export function encodeName(name: string): Uint8Array {
  return utf8Encoder.encode(name);
}

/** nameMatches tells whether the entry at `entryByteOffset` holds the name `nameBytes` with hash `nameHash`. */
export function nameMatches(data: DataView, bytes: Uint8Array, entryByteOffset: number, nameBytes: Uint8Array, nameHash: number): boolean {
  if (data.getUint32(entryByteOffset + ENTRY.nameHash, true) !== nameHash) return false;
  if (data.getUint16(entryByteOffset + ENTRY.nameByteLength, true) !== nameBytes.length) return false;
  const at = entryByteOffset + ENTRY.name;
  for (let i = 0; i < nameBytes.length; i++) if (bytes[at + i] !== nameBytes[i]) return false;
  return true;
}

/** writeName stores a name and its hash in a freshly claimed entry (zeroing everything but the state word). */
export function writeName(data: DataView, bytes: Uint8Array, entryByteOffset: number, nameBytes: Uint8Array, nameHash: number): void {
  if (nameBytes.length > NAME_MAX_BYTES) throw new Error(`assert: name of ${nameBytes.length} bytes reached writeName`);
  bytes.fill(0, entryByteOffset + 4, entryByteOffset + ENTRY.byteSize);
  data.setUint32(entryByteOffset + ENTRY.nameHash, nameHash, true);
  data.setUint16(entryByteOffset + ENTRY.nameByteLength, nameBytes.length, true);
  bytes.set(nameBytes, entryByteOffset + ENTRY.name);
}

/** readName decodes the name stored in an entry ("" when its bytes are not valid UTF-8 or its length is out of range). */
export function readName(data: DataView, bytes: Uint8Array, entryByteOffset: number): string {
  const byteLength = data.getUint16(entryByteOffset + ENTRY.nameByteLength, true);
  if (byteLength > NAME_MAX_BYTES) return "";
  const at = entryByteOffset + ENTRY.name;
  try {
    return utf8Decoder.decode(bytes.slice(at, at + byteLength));
  } catch {
    return "";
  }
}

/** writeFields stores the sealed fields of an entry and its checksum; the caller then publishes the state. */
export function writeFields(data: DataView, bytes: Uint8Array, entryByteOffset: number, fields: EntryFields): void {
  const formatBytes = utf8Encoder.encode(fields.formatId);
  if (formatBytes.length > FORMAT_ID_MAX_BYTES || !/^[\x21-\x7e]+$/.test(fields.formatId)) {
    throw new Error(`assert: format id "${fields.formatId}" does not fit an entry`);
  }
  data.setUint8(entryByteOffset + ENTRY.kind, fields.kind);
  data.setUint32(entryByteOffset + ENTRY.areaByteOffset, fields.areaByteOffset, true);
  data.setUint32(entryByteOffset + ENTRY.areaByteLength, fields.areaByteLength, true);
  data.setUint32(entryByteOffset + ENTRY.count, fields.count, true);
  data.setUint32(entryByteOffset + ENTRY.tableOffset, fields.tableOffset, true);
  data.setUint32(entryByteOffset + ENTRY.tableByteLength, fields.tableByteLength, true);
  bytes.set(fields.tableSeal, entryByteOffset + ENTRY.tableHash);
  bytes.fill(0, entryByteOffset + ENTRY.formatId, entryByteOffset + ENTRY.formatId + FORMAT_ID_MAX_BYTES);
  bytes.set(formatBytes, entryByteOffset + ENTRY.formatId);
  bytes.set(entryChecksum(bytes, entryByteOffset), entryByteOffset + ENTRY.checksum);
}

/** entryChecksum returns the seal over bytes [4, ENTRY.checksum) of an entry: everything but the state word and the seal itself. */
export function entryChecksum(bytes: Uint8Array, entryByteOffset: number): Uint8Array {
  return sealOf(bytes.subarray(entryByteOffset + ENTRY.nameHash, entryByteOffset + ENTRY.checksum));
}

/** checksumMatches tells whether an entry's stored checksum matches its content. */
export function checksumMatches(bytes: Uint8Array, entryByteOffset: number): boolean {
  return sealMatches(bytes, entryByteOffset + ENTRY.checksum, entryChecksum(bytes, entryByteOffset));
}

/** readFields reads the sealed fields of an entry whose checksum has been verified, or returns why a field is malformed. */
export function readFields(data: DataView, bytes: Uint8Array, entryByteOffset: number): EntryFields | string {
  const kind = data.getUint8(entryByteOffset + ENTRY.kind);
  if (kind !== EntryKind.area && kind !== EntryKind.cache) return `unknown kind ${kind}`;
  const formatAt = entryByteOffset + ENTRY.formatId;
  let formatByteLength = 0;
  while (formatByteLength < FORMAT_ID_MAX_BYTES && bytes[formatAt + formatByteLength] !== 0) formatByteLength++;
  const formatId = String.fromCharCode(...bytes.subarray(formatAt, formatAt + formatByteLength));
  if (!/^[\x21-\x7e]+$/.test(formatId)) return "format id is not printable ASCII";
  return {
    kind,
    areaByteOffset: data.getUint32(entryByteOffset + ENTRY.areaByteOffset, true),
    areaByteLength: data.getUint32(entryByteOffset + ENTRY.areaByteLength, true),
    count: data.getUint32(entryByteOffset + ENTRY.count, true),
    formatId,
    tableOffset: data.getUint32(entryByteOffset + ENTRY.tableOffset, true),
    tableByteLength: data.getUint32(entryByteOffset + ENTRY.tableByteLength, true),
    tableSeal: bytes.slice(entryByteOffset + ENTRY.tableHash, entryByteOffset + ENTRY.tableHash + HASH_BYTES),
  };
}
