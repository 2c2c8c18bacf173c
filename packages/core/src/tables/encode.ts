import { ByteWriter } from "./bytes.js";
import {
  ENCODING_CODES,
  ENDIAN_CODES,
  MEMBER_HAS_ENCODING,
  MEMBER_IS_BITFIELD,
  TABLE_FORMAT_VERSION,
  TABLE_MAGIC,
  TAG_CODES,
} from "./codes.js";
import type { TableMember, TableType, TypeTable } from "./schema.js";

/**
 * The binary form (version 1), in order:
 *   magic "TDCT" · version · string table (count, then length-prefixed UTF-8 strings,
 *   in order of first use) · format (string index) · endian byte · pointerSize · root ·
 *   type count · types · hash (8 bytes, big-endian, the 16 hex digits of `hash`).
 * Integers are unsigned LEB128 varints, enumerator values zigzag varints. A type is
 * tag byte · name (string index) · byteSize · alignment · its tag's fields (see writeType).
 */

// collectStrings assigns each distinct string an index in order of first use.
function collectStrings(t: TypeTable): Map<string, number> {
  const strings = new Map<string, number>();
  const add = (s: string) => {
    if (!strings.has(s)) strings.set(s, strings.size);
  };
  add(t.format);
  for (const type of t.types) {
    add(type.name);
    if (type.tag === "structure_type" || type.tag === "union_type") for (const m of type.members) add(m.name);
    if (type.tag === "enumeration_type") for (const e of type.enumerators) add(e.name);
  }
  return strings;
}

// writeMember: name · type · dataMemberLocation · byteSize · flags · [encoding] · [dataBitOffset · bitSize].
function writeMember(w: ByteWriter, m: TableMember, strings: Map<string, number>): void {
  w.uint(strings.get(m.name)!);
  w.uint(m.type);
  w.uint(m.dataMemberLocation);
  w.uint(m.byteSize);
  const isBitfield = m.dataBitOffset !== undefined || m.bitSize !== undefined;
  w.byte((m.encoding !== undefined ? MEMBER_HAS_ENCODING : 0) | (isBitfield ? MEMBER_IS_BITFIELD : 0));
  if (m.encoding !== undefined) w.byte(ENCODING_CODES[m.encoding]);
  if (isBitfield) {
    if (m.dataBitOffset === undefined || m.bitSize === undefined) throw new Error(`assert: bit-field '${m.name}' needs dataBitOffset and bitSize`);
    w.uint(m.dataBitOffset);
    w.uint(m.bitSize);
  }
}

// writeType writes the common fields, then: base encoding byte; pointer target+1 (0 = void);
// array element · count · stride; record member count · members; enum encoding byte ·
// enumerator count · (name · zigzag value)*; atomic target.
function writeType(w: ByteWriter, type: TableType, strings: Map<string, number>): void {
  w.byte(TAG_CODES[type.tag]);
  w.uint(strings.get(type.name)!);
  w.uint(type.byteSize);
  w.uint(type.alignment);
  switch (type.tag) {
    case "base_type":
      w.byte(ENCODING_CODES[type.encoding]);
      return;
    case "pointer_type":
      w.uint(type.target === null ? 0 : type.target + 1);
      return;
    case "array_type":
      w.uint(type.element);
      w.uint(type.count);
      w.uint(type.stride);
      return;
    case "structure_type":
    case "union_type":
      w.uint(type.members.length);
      for (const m of type.members) writeMember(w, m, strings);
      return;
    case "enumeration_type":
      w.byte(ENCODING_CODES[type.encoding]);
      w.uint(type.enumerators.length);
      for (const e of type.enumerators) {
        w.uint(strings.get(e.name)!);
        w.int(e.value);
      }
      return;
    case "atomic_type":
      w.uint(type.target);
      return;
  }
}

/** encodeTableBody returns the binary form of a table without its trailing hash: what the hash is computed over. */
export function encodeTableBody(t: TypeTable): Uint8Array {
  const w = new ByteWriter();
  for (const byte of TABLE_MAGIC) w.byte(byte);
  w.uint(TABLE_FORMAT_VERSION);
  const strings = collectStrings(t);
  w.uint(strings.size);
  for (const s of strings.keys()) w.string(s);
  w.uint(strings.get(t.format)!);
  w.byte(ENDIAN_CODES[t.endian]);
  w.uint(t.pointerSize);
  w.uint(t.root);
  w.uint(t.types.length);
  for (const type of t.types) writeType(w, type, strings);
  return w.finish();
}

/** hashDigitsToBytes turns 16 hex digits into 8 bytes (big-endian); an assert throws on anything else. */
export function hashDigitsToBytes(hash: string): Uint8Array {
  if (!/^[0-9a-f]{16}$/.test(hash)) throw new Error(`assert: table hash '${hash}' is not 16 lowercase hex digits`);
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = parseInt(hash.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** encodeTable returns the compact binary form of a table (what a memory directory publishes), its stored hash last. */
export function encodeTable(t: TypeTable): Uint8Array {
  const body = encodeTableBody(t);
  const out = new Uint8Array(body.length + 8);
  out.set(body);
  out.set(hashDigitsToBytes(t.hash), body.length);
  return out;
}
