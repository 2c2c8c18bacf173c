import type { CType } from "../ir/ctype.js";

/**
 * FieldLayout is where one member lives in one ABI.
 *
 * - `byteOffset`: from the start of the enclosing record (0 for union members);
 *   for a bit-field, floor(bitOffset / 8).
 * - `byteSize`: sizeof the member's type; a whole array; 0 for a flexible array member;
 *   for a bit-field, sizeof its base type.
 * - `bitOffset`/`bitSize`: bit-fields only; `bitOffset` counts from the start of the
 *   enclosing record like DWARF's DW_AT_data_bit_offset (big-endian: bit 0 is the most
 *   significant bit of byte 0).
 * - `inline`: the layout of an inline record member, offsets relative to that record.
 * - `type`: the member's C type with names resolved only as far as the IR has them.
 */
export interface FieldLayout {
  readonly name: string;
  readonly type: CType;
  readonly byteOffset: number;
  readonly byteSize: number;
  readonly bitOffset?: number;
  readonly bitSize?: number;
  readonly inline?: RecordLayout;
}

/**
 * RecordLayout is a struct or union laid out for one ABI. `fields` lists members in
 * declaration order and omits `_padN` unnamed bit-fields; anonymous `_anonN` members
 * are listed as a field with an `inline` layout.
 */
export interface RecordLayout {
  readonly kind: "struct" | "union";
  readonly byteSize: number;
  readonly byteAlign: number;
  readonly fields: readonly FieldLayout[];
}
