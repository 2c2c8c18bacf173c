/**
 * table-reader.ts — a small, independent reader of C data through a type table
 * (SPEC §6), used by the interop tests to check files written by real C
 * compilers against typedc's tables before (and besides) the runtime's accessors.
 *
 * Paths are C access paths as the producers print them: `bits.lo`, `grid[1][2]`,
 * `word` (a member of an anonymous `_anonN` member is reached by its own name, C11).
 */
import type { TableMember, TableType, TypeTable } from "@typedc/core";

/** ReadValue is what a read gives: number, bigint for 64-bit integers and for addresses, boolean, or null for a null pointer. */
export type ReadValue = number | bigint | boolean | null;

/** Leaf is a resolved path: where the value lives and how to decode it. */
interface Leaf {
  readonly byteOffset: number;
  /** Where the record holding a bit-field starts: DW_AT_data_bit_offset counts from there. */
  readonly holderByteOffset: number;
  readonly byteSize: number;
  readonly type: TableType;
  readonly member?: TableMember;
}

// parsePath splits `a.b[1][2]` into ["a", "b", 1, 2].
function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) parts.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return parts;
}

// findMember looks a name up in a record, descending into anonymous `_anonN` members (C11 §6.7.2.1p13);
// returns the member, its byte offset and the byte offset of the record that holds it
// (where its bit offset counts from), both from the start of `record`.
interface Found {
  readonly member: TableMember;
  readonly byteOffset: number;
  readonly holderByteOffset: number;
}
function findMember(table: TypeTable, record: TableType, name: string): Found | undefined {
  if (record.tag !== "structure_type" && record.tag !== "union_type") return undefined;
  for (const member of record.members) {
    if (member.name === name) return { member, byteOffset: member.dataMemberLocation, holderByteOffset: 0 };
    if (/^_anon\d+$/.test(member.name)) {
      const inner = findMember(table, table.types[member.type]!, name);
      if (inner) {
        const shift = member.dataMemberLocation;
        return { member: inner.member, byteOffset: shift + inner.byteOffset, holderByteOffset: shift + inner.holderByteOffset };
      }
    }
  }
  return undefined;
}

/** resolvePath finds the leaf a C access path names in the table's root type; throws on a bad path. */
function resolvePath(table: TypeTable, path: string): Leaf {
  let type = table.types[table.root]!;
  let byteOffset = 0;
  let holderByteOffset = 0;
  let member: TableMember | undefined;
  for (const part of parsePath(path)) {
    if (typeof part === "number") {
      if (type.tag !== "array_type") throw new Error(`${path}: indexing a ${type.tag}`);
      if (part >= type.count) throw new Error(`${path}: index ${part} out of ${type.count}`);
      byteOffset += part * type.stride;
      type = table.types[type.element]!;
      member = undefined;
    } else {
      const found = findMember(table, type, part);
      if (!found) throw new Error(`${path}: no member '${part}' in ${type.name || type.tag}`);
      holderByteOffset = byteOffset + found.holderByteOffset;
      byteOffset += found.byteOffset;
      member = found.member;
      type = table.types[member.type]!;
    }
  }
  return { byteOffset, holderByteOffset, byteSize: member?.byteSize ?? type.byteSize, type, member };
}

// readUnsigned reads byteSize bytes as an unsigned integer in the table's byte order.
function readUnsigned(bytes: Uint8Array, byteOffset: number, byteSize: number, little: boolean): bigint {
  let value = 0n;
  for (let i = 0; i < byteSize; i++) {
    const byte = bytes[byteOffset + (little ? byteSize - 1 - i : i)]!;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

// readBits extracts a bit-field at DWARF data_bit_offset `bitOffset` (from the record start):
// little-endian counts from the least significant bit of byte 0, big-endian from the most significant.
function readBits(bytes: Uint8Array, recordOffset: number, bitOffset: number, bitSize: number, little: boolean): bigint {
  const firstByte = Math.floor(bitOffset / 8);
  const lastByte = Math.floor((bitOffset + bitSize - 1) / 8);
  const span = readUnsigned(bytes, recordOffset + firstByte, lastByte - firstByte + 1, little);
  const spanBits = (lastByte - firstByte + 1) * 8;
  const shift = little ? bitOffset - firstByte * 8 : spanBits - (bitOffset - firstByte * 8) - bitSize;
  return (span >> BigInt(shift)) & ((1n << BigInt(bitSize)) - 1n);
}

// signExtend turns an unsigned bitSize-bit value into its two's-complement signed value.
function signExtend(value: bigint, bitSize: number): bigint {
  return value >= 1n << BigInt(bitSize - 1) ? value - (1n << BigInt(bitSize)) : value;
}

// BIGINT_NAMES are the scalar types whose JS value is a bigint (SPEC §2), even when a bit-field.
const BIGINT_NAMES = new Set(["i64", "u64", "c_longlong", "c_ulonglong"]);

/** readPath reads the value at a C access path of the record at `recordOffset` in `bytes`, decoding with `table`. */
export function readPath(bytes: Uint8Array, recordOffset: number, table: TypeTable, path: string): ReadValue {
  const leaf = resolvePath(table, path);
  const little = table.endian === "little";
  const encoding = leaf.member?.encoding ?? ("encoding" in leaf.type ? leaf.type.encoding : undefined);
  const signed = encoding === "signed" || encoding === "signed_char";
  const asBigint = BIGINT_NAMES.has(leaf.type.name);
  const bitSize = leaf.member?.bitSize;
  if (bitSize !== undefined) {
    const raw = readBits(bytes, recordOffset + leaf.holderByteOffset, leaf.member!.dataBitOffset!, bitSize, little);
    const value = signed ? signExtend(raw, bitSize) : raw;
    return asBigint ? value : Number(value);
  }
  const at = recordOffset + leaf.byteOffset;
  if (leaf.type.tag === "pointer_type") {
    const address = readUnsigned(bytes, at, leaf.byteSize, little);
    return address === 0n ? null : address;
  }
  if (encoding === "float") {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    return leaf.byteSize === 4 ? view.getFloat32(at, little) : view.getFloat64(at, little);
  }
  const raw = readUnsigned(bytes, at, leaf.byteSize, little);
  if (encoding === "boolean") return raw !== 0n;
  const value = signed ? signExtend(raw, leaf.byteSize * 8) : raw;
  return asBigint ? value : Number(value);
}
