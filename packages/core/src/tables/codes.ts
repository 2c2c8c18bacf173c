import type { Encoding } from "../abi/spec.js";
import type { TableTag } from "./schema.js";

/**
 * The byte values of the binary table form (format version 1). These numbers are
 * part of the published format: never renumber, only append.
 */

/** TABLE_MAGIC opens every encoded table: "TDCT" (typedc type table). */
export const TABLE_MAGIC: readonly number[] = [0x54, 0x44, 0x43, 0x54];

/** TABLE_FORMAT_VERSION is the version of the binary form this code writes and reads. */
export const TABLE_FORMAT_VERSION = 1;

/** TAG_CODES numbers each DWARF-like tag (DW_TAG_* names). */
export const TAG_CODES: Readonly<Record<TableTag, number>> = {
  base_type: 1,
  pointer_type: 2,
  array_type: 3,
  structure_type: 4,
  union_type: 5,
  enumeration_type: 6,
  atomic_type: 7,
};

/** ENCODING_CODES numbers each encoding (DW_ATE_* names). */
export const ENCODING_CODES: Readonly<Record<Encoding, number>> = {
  signed: 1,
  unsigned: 2,
  signed_char: 3,
  unsigned_char: 4,
  float: 5,
  boolean: 6,
  address: 7,
};

/** ENDIAN_CODES numbers the byte orders. */
export const ENDIAN_CODES = { little: 0, big: 1 } as const;

/** MEMBER_HAS_ENCODING and MEMBER_IS_BITFIELD are the bits of a member's flag byte. */
export const MEMBER_HAS_ENCODING = 1;
export const MEMBER_IS_BITFIELD = 2;

/** invert maps code numbers back to names (for the decoder). */
export function invert<K extends string>(codes: Readonly<Record<K, number>>): ReadonlyMap<number, K> {
  return new Map(Object.entries(codes).map(([name, code]) => [code as number, name as K]));
}
