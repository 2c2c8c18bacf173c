import type { AbiId } from "../abi/ids.js";
import type { Encoding } from "../abi/spec.js";

/**
 * A TypeTable is the DWARF-like description of one declaration laid out for one
 * format (SPEC §6). It is what the compiler passes to the runtime, what
 * `typedc tables` prints, and (in its binary form) what a memory directory publishes.
 *
 * Types are stored in a flat list and refer to each other by index, so recursive
 * types (through pointers) need no special case. `types[root]` is the declaration.
 */
export interface TypeTable {
  readonly version: 1;
  readonly format: AbiId;
  readonly endian: "little" | "big";
  readonly pointerSize: number;
  readonly root: number;
  readonly types: readonly TableType[];
  /** Content hash: 16 lowercase hex digits over the binary encoding without the hash. */
  readonly hash: string;
}

export type TableTag =
  | "base_type"
  | "pointer_type"
  | "array_type"
  | "structure_type"
  | "union_type"
  | "enumeration_type"
  | "atomic_type";

interface TableTypeCommon {
  readonly name: string; // C-like spelling: "i32", "c_long", "Task", "ptr<Task>", "array<u8, 16>", "" for anonymous
  readonly byteSize: number;
  readonly alignment: number;
}

export type TableType =
  | (TableTypeCommon & { readonly tag: "base_type"; readonly encoding: Encoding })
  | (TableTypeCommon & { readonly tag: "pointer_type"; readonly target: number | null })
  | (TableTypeCommon & {
      readonly tag: "array_type";
      readonly element: number;
      readonly count: number; // 0: flexible array member
      readonly stride: number; // bytes between elements
    })
  | (TableTypeCommon & { readonly tag: "structure_type" | "union_type"; readonly members: readonly TableMember[] })
  | (TableTypeCommon & {
      readonly tag: "enumeration_type";
      readonly encoding: "signed" | "unsigned";
      readonly enumerators: readonly { readonly name: string; readonly value: number }[];
    })
  | (TableTypeCommon & { readonly tag: "atomic_type"; readonly target: number });

/** TableMember is one member of a structure or union (unnamed `_padN` bit-fields are not members). */
export interface TableMember {
  readonly name: string;
  readonly type: number;
  readonly dataMemberLocation: number; // bytes from the start of the record
  readonly byteSize: number;
  /** For scalar, enum and bit-field members: how to read the bytes. */
  readonly encoding?: Encoding;
  /** Bit-fields only: DW_AT_data_bit_offset from the start of the record, and the width. */
  readonly dataBitOffset?: number;
  readonly bitSize?: number;
}

/** A TypeSet is the tables of one declaration for every format a build targets. */
export type TypeSet = Readonly<Partial<Record<AbiId, TypeTable>>>;
