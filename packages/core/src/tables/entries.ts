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

/** makeType builds a TableType with the canonical key order for its tag; an assert throws when a tag field is missing. */
export function makeType(f: TableTypeFields): TableType {
  const common = { tag: f.tag, name: f.name, byteSize: f.byteSize, alignment: f.alignment };
  switch (f.tag) {
    case "base_type":
      return { ...common, tag: f.tag, encoding: need(f.encoding, f) };
    case "pointer_type":
      return { ...common, tag: f.tag, target: f.target === undefined ? fail(f) : f.target };
    case "array_type":
      return { ...common, tag: f.tag, element: need(f.element, f), count: need(f.count, f), stride: need(f.stride, f) };
    case "structure_type":
    case "union_type":
      return { ...common, tag: f.tag, members: need(f.members, f) };
    case "enumeration_type": {
      const encoding = need(f.encoding, f);
      if (encoding !== "signed" && encoding !== "unsigned") return fail(f);
      const enumerators = need(f.enumerators, f).map((e) => ({ name: e.name, value: e.value }));
      return { ...common, tag: f.tag, encoding, enumerators };
    }
    case "atomic_type":
      return { ...common, tag: f.tag, target: f.target === undefined || f.target === null ? fail(f) : f.target };
  }
}

/** makeMember builds a TableMember with the canonical key order; optional fields are present only when set. */
export function makeMember(m: TableMember): TableMember {
  return {
    name: m.name,
    type: m.type,
    dataMemberLocation: m.dataMemberLocation,
    byteSize: m.byteSize,
    ...(m.encoding !== undefined ? { encoding: m.encoding } : {}),
    ...(m.dataBitOffset !== undefined ? { dataBitOffset: m.dataBitOffset } : {}),
    ...(m.bitSize !== undefined ? { bitSize: m.bitSize } : {}),
  };
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
