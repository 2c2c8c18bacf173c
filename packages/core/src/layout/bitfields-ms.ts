import type { Field } from "../ir/ctype.js";
import { typeInfo } from "./align.js";
import { assertLayout } from "./assert.js";
import type { Placement } from "./fields.js";
import { alignTo } from "./math.js";
import { msElementInfo, type MsCursor } from "./ms-cursor.js";
import type { LayoutContext } from "./context.js";

/**
 * placeMsBitfield places one bit-field by MSVC's rules (clang MicrosoftRecordLayoutBuilder::
 * layoutBitField / layoutZeroWidthBitField):
 *
 * - A non-zero-width bit-field shares the storage unit the previous bit-field opened only if
 *   that one was a non-zero-width bit-field of a type of the *same size* and the bits still fit;
 *   otherwise it opens a new unit of sizeof(T) bytes at the next multiple of its alignment.
 * - In a union every bit-field is at 0 and its alignment is ignored (only the size counts).
 * - A zero-width bit-field does nothing unless it follows a non-zero-width bit-field; then it
 *   closes the unit and rounds the size up to its type's alignment, which the record takes.
 * - Names do not matter: unnamed bit-fields are laid out like named ones.
 */
export function placeMsBitfield(ctx: LayoutContext, cursor: MsCursor, field: Field): Placement {
  assertLayout(field.type.kind === "bits", "placeMsBitfield on a non-bit-field");
  const bitWidth = field.type.bitWidth;
  if (bitWidth === 0) return placeZeroWidth(ctx, cursor, field);
  const info = msElementInfo(ctx, cursor, field, field.type.base);
  assertLayout(bitWidth <= info.byteSize * 8, `bit-field '${field.name}' is wider than its type`);
  const bitfield = (bitOffset: number): Placement => ({ kind: "bitfield", bitOffset, bitSize: bitWidth, byteSize: info.byteSize });

  if (!cursor.isUnion && cursor.lastWasBitfield && cursor.unitByteSize === info.byteSize && bitWidth <= cursor.remainingBitCount) {
    const bitOffset = cursor.byteSize * 8 - cursor.remainingBitCount;
    cursor.remainingBitCount -= bitWidth;
    return bitfield(bitOffset);
  }
  cursor.lastWasBitfield = true;
  cursor.unitByteSize = info.byteSize;
  if (cursor.isUnion) {
    cursor.byteSize = Math.max(cursor.byteSize, info.byteSize);
    return bitfield(0);
  }
  const byteOffset = alignTo(cursor.byteSize, info.byteAlign);
  cursor.byteSize = byteOffset + info.byteSize;
  cursor.byteAlign = Math.max(cursor.byteAlign, info.byteAlign);
  cursor.remainingBitCount = info.byteSize * 8 - bitWidth;
  return bitfield(byteOffset * 8);
}

// placeZeroWidth handles `T : 0` (see placeMsBitfield).
function placeZeroWidth(ctx: LayoutContext, cursor: MsCursor, field: Field): Placement {
  assertLayout(field.type.kind === "bits", "placeZeroWidth on a non-bit-field");
  const byteSize = typeInfo(ctx, field.type.base).byteSize;
  if (!cursor.lastWasBitfield) {
    return { kind: "bitfield", bitOffset: cursor.isUnion ? 0 : cursor.byteSize * 8, bitSize: 0, byteSize };
  }
  cursor.lastWasBitfield = false;
  const info = msElementInfo(ctx, cursor, field, field.type.base);
  if (cursor.isUnion) {
    cursor.byteSize = Math.max(cursor.byteSize, info.byteSize);
    return { kind: "bitfield", bitOffset: 0, bitSize: 0, byteSize };
  }
  const byteOffset = alignTo(cursor.byteSize, info.byteAlign);
  cursor.byteSize = byteOffset;
  cursor.byteAlign = Math.max(cursor.byteAlign, info.byteAlign);
  return { kind: "bitfield", bitOffset: byteOffset * 8, bitSize: 0, byteSize };
}
