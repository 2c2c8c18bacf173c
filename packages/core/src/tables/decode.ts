import { isAbiId } from "../abi/ids.js";
import type { Encoding } from "../abi/spec.js";
import { ByteReader, TableDecodeError } from "./bytes.js";
import {
  ENCODING_CODES,
  ENDIAN_CODES,
  invert,
  MEMBER_HAS_ENCODING,
  MEMBER_IS_BITFIELD,
  TABLE_FORMAT_VERSION,
  TABLE_MAGIC,
  TAG_CODES,
} from "./codes.js";
import { makeMember, makeTable, makeType } from "./entries.js";
import type { TableMember, TableType, TypeTable } from "./schema.js";

const TAGS = invert(TAG_CODES);
const ENCODINGS = invert(ENCODING_CODES);
const ENDIANS = invert(ENDIAN_CODES);
const HASH_BYTES = 8;
// Smallest encodings, used to bound counts by the bytes left (no unbounded allocation).
const MIN_TYPE_BYTES = 5;
const MIN_MEMBER_BYTES = 5;
const MIN_ENUMERATOR_BYTES = 2;

// Decoder reads one table body; every index it reads is checked against what it refers to.
class Decoder {
  private strings: string[] = [];
  private typeCount = 0;

  constructor(private readonly r: ByteReader) {}

  table(): Omit<TypeTable, "hash"> & { hash: "" } {
    this.header();
    const stringCount = this.r.count("string count", 1);
    for (let i = 0; i < stringCount; i++) this.strings.push(this.r.string(`string ${i}`));
    const format = this.string("format");
    if (!isAbiId(format)) throw new TableDecodeError(`unknown format '${format}'`);
    const endian = this.code(ENDIANS, "endian");
    const pointerSize = this.r.uint("pointerSize");
    const root = this.r.uint("root");
    this.typeCount = this.r.count("type count", MIN_TYPE_BYTES);
    if (root >= this.typeCount) throw new TableDecodeError(`root ${root} is out of range (${this.typeCount} types)`);
    const types: TableType[] = [];
    for (let i = 0; i < this.typeCount; i++) types.push(this.type(i));
    return { ...makeTable({ format, endian, pointerSize, root, types, hash: "" }), hash: "" };
  }

  private header(): void {
    for (const expected of TABLE_MAGIC) {
      if (this.r.byte("magic") !== expected) throw new TableDecodeError("not an encoded type table (bad magic)");
    }
    const version = this.r.uint("version");
    if (version !== TABLE_FORMAT_VERSION) {
      throw new TableDecodeError(`unsupported table format version ${version} (this build reads ${TABLE_FORMAT_VERSION})`);
    }
  }

  private string(what: string): string {
    const index = this.r.uint(what);
    const s = this.strings[index];
    if (s === undefined) throw new TableDecodeError(`${what}: string index ${index} is out of range (${this.strings.length} strings)`);
    return s;
  }

  private typeIndex(what: string): number {
    const index = this.r.uint(what);
    if (index >= this.typeCount) throw new TableDecodeError(`${what}: type index ${index} is out of range (${this.typeCount} types)`);
    return index;
  }

  private code<K extends string>(names: ReadonlyMap<number, K>, what: string): K {
    const at = this.r.position;
    const byte = this.r.byte(what);
    const name = names.get(byte);
    if (name === undefined) throw new TableDecodeError(`unknown ${what} code ${byte} at byte ${at}`);
    return name;
  }

  private type(i: number): TableType {
    const where = `type ${i}`;
    const tag = this.code(TAGS, `${where} tag`);
    const name = this.string(`${where} name`);
    const byteSize = this.r.uint(`${where} byteSize`);
    const alignment = this.r.uint(`${where} alignment`);
    const common = { tag, name, byteSize, alignment };
    switch (tag) {
      case "base_type":
        return makeType({ ...common, encoding: this.code(ENCODINGS, `${where} encoding`) });
      case "pointer_type": {
        const target = this.r.uint(`${where} target`);
        if (target > this.typeCount) throw new TableDecodeError(`${where} target: type index ${target - 1} is out of range`);
        return makeType({ ...common, target: target === 0 ? null : target - 1 });
      }
      case "array_type":
        return makeType({
          ...common,
          element: this.typeIndex(`${where} element`),
          count: this.r.uint(`${where} count`),
          stride: this.r.uint(`${where} stride`),
        });
      case "structure_type":
      case "union_type": {
        const n = this.r.count(`${where} member count`, MIN_MEMBER_BYTES);
        const members: TableMember[] = [];
        for (let m = 0; m < n; m++) members.push(this.member(`${where} member ${m}`));
        return makeType({ ...common, members });
      }
      case "enumeration_type": {
        const encoding = this.code(ENCODINGS, `${where} encoding`);
        if (encoding !== "signed" && encoding !== "unsigned") throw new TableDecodeError(`${where}: enum encoding '${encoding}'`);
        const n = this.r.count(`${where} enumerator count`, MIN_ENUMERATOR_BYTES);
        const enumerators: { name: string; value: number }[] = [];
        for (let e = 0; e < n; e++) {
          enumerators.push({ name: this.string(`${where} enumerator ${e} name`), value: this.r.int(`${where} enumerator ${e} value`) });
        }
        return makeType({ ...common, encoding, enumerators });
      }
      case "atomic_type":
        return makeType({ ...common, target: this.typeIndex(`${where} target`) });
    }
  }

  private member(where: string): TableMember {
    const name = this.string(`${where} name`);
    const type = this.typeIndex(`${where} type`);
    const dataMemberLocation = this.r.uint(`${where} dataMemberLocation`);
    const byteSize = this.r.uint(`${where} byteSize`);
    const flags = this.r.byte(`${where} flags`);
    if ((flags & ~(MEMBER_HAS_ENCODING | MEMBER_IS_BITFIELD)) !== 0) throw new TableDecodeError(`${where}: unknown flags ${flags}`);
    let encoding: Encoding | undefined;
    if (flags & MEMBER_HAS_ENCODING) encoding = this.code(ENCODINGS, `${where} encoding`);
    let dataBitOffset: number | undefined;
    let bitSize: number | undefined;
    if (flags & MEMBER_IS_BITFIELD) {
      dataBitOffset = this.r.uint(`${where} dataBitOffset`);
      bitSize = this.r.uint(`${where} bitSize`);
    }
    return makeMember({ name, type, dataMemberLocation, byteSize, encoding, dataBitOffset, bitSize });
  }
}

// hashHex prints 8 bytes as 16 lowercase hex digits.
function hashHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/**
 * decodeTable reads a table written by encodeTable. Malformed input (bad magic or
 * version, truncation, an index out of range, an unknown code, trailing bytes) throws
 * TableDecodeError; every count is bounded by the bytes left, so decoding never loops
 * or allocates beyond the input's size. It does not check the hash: use
 * tableHashMatches on the result (the runtime raises TypedIntegrityError when it fails).
 */
export function decodeTable(bytes: Uint8Array): TypeTable {
  if (!(bytes instanceof Uint8Array)) throw new TableDecodeError("decodeTable expects a Uint8Array");
  if (bytes.length < TABLE_MAGIC.length + 1 + HASH_BYTES) throw new TableDecodeError(`too short for an encoded type table (${bytes.length} bytes)`);
  const bodyEnd = bytes.length - HASH_BYTES;
  const r = new ByteReader(bytes, bodyEnd);
  const table = new Decoder(r).table();
  if (r.remaining !== 0) throw new TableDecodeError(`${r.remaining} unexpected bytes after the last type (at byte ${r.position})`);
  return { ...table, hash: hashHex(bytes.subarray(bodyEnd)) };
}
