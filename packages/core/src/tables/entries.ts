import type { AbiId } from "../abi/ids.js";
import type { Encoding } from "../abi/spec.js";
import type { TableMember, TableType, TypeTable } from "./schema.js";

// Every table object is made here, so the builder, the binary decoder and the JSON
// validator produce objects with the same keys in the same order: the same table
// prints as the same JSON, byte for byte.

/** TableTypeFields is a TableType without its tag-specific discrimination enforced (decoder/validator input). */
export interface TableTypeFields {
  readonly tag: TableType["tag"];
  readonly name: string;
  readonly byteSize: number;
  readonly alignment: number;
  readonly encoding?: Encoding;
  readonly target?: number | null;
  readonly element?: number;
  readonly count?: number;
  readonly stride?: number;
  readonly members?: readonly TableMember[];
  readonly enumerators?: readonly { readonly name: string; readonly value: number }[];
}

/**
 * makeType builds a TableType with the canonical key order for its tag; an assert throws when a tag field is missing.
 * Object literals written out per tag (no spreads): the builder makes thousands per program.
 */
export function makeType(f: TableTypeFields): TableType {
  switch (f.tag) {
    case "base_type":
      return { tag: f.tag, name: f.name, byteSize: f.byteSize, alignment: f.alignment, encoding: need(f.encoding, f) };
    case "pointer_type":
      return { tag: f.tag, name: f.name, byteSize: f.byteSize, alignment: f.alignment, target: f.target === undefined ? fail(f) : f.target };
    case "array_type":
      return { tag: f.tag, name: f.name, byteSize: f.byteSize, alignment: f.alignment, element: need(f.element, f), count: need(f.count, f), stride: need(f.stride, f) };
    case "structure_type":
    case "union_type":
      return { tag: f.tag, name: f.name, byteSize: f.byteSize, alignment: f.alignment, members: need(f.members, f) };
    case "enumeration_type": {
      const encoding = need(f.encoding, f);
      if (encoding !== "signed" && encoding !== "unsigned") return fail(f);
      const enumerators = need(f.enumerators, f).map((e) => ({ name: e.name, value: e.value }));
      return { tag: f.tag, name: f.name, byteSize: f.byteSize, alignment: f.alignment, encoding, enumerators };
    }
    case "atomic_type":
      return { tag: f.tag, name: f.name, byteSize: f.byteSize, alignment: f.alignment, target: f.target === undefined || f.target === null ? fail(f) : f.target };
  }
}

/** makeMember builds a TableMember with the canonical key order; optional fields are present only when set (added in that order). */
export function makeMember(m: TableMember): TableMember {
  // The common shapes as literals (one hidden class each); bit-fields take the general path.
  if (m.dataBitOffset === undefined && m.bitSize === undefined) {
    return m.encoding !== undefined
      ? { name: m.name, type: m.type, dataMemberLocation: m.dataMemberLocation, byteSize: m.byteSize, encoding: m.encoding }
      : { name: m.name, type: m.type, dataMemberLocation: m.dataMemberLocation, byteSize: m.byteSize };
  }
  const out: { -readonly [K in keyof TableMember]: TableMember[K] } = { name: m.name, type: m.type, dataMemberLocation: m.dataMemberLocation, byteSize: m.byteSize };
  if (m.encoding !== undefined) out.encoding = m.encoding;
  if (m.dataBitOffset !== undefined) out.dataBitOffset = m.dataBitOffset;
  if (m.bitSize !== undefined) out.bitSize = m.bitSize;
  return out;
}

/** makeTable builds a TypeTable with the canonical key order. */
export function makeTable(t: {
  format: AbiId;
  endian: "little" | "big";
  pointerSize: number;
  root: number;
  types: readonly TableType[];
  hash: string;
}): TypeTable {
  return { version: 1, format: t.format, endian: t.endian, pointerSize: t.pointerSize, root: t.root, types: t.types, hash: t.hash };
}

// need returns a required tag field or asserts.
function need<T>(value: T | undefined, f: TableTypeFields): T {
  return value === undefined ? fail(f) : value;
}

function fail(f: TableTypeFields): never {
  throw new Error(`assert: table type '${f.name}' (${f.tag}) lacks a field its tag needs`);
}
