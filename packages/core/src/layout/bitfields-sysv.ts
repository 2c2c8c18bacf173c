import type { AbiSpec } from "../abi/spec.js";
import { isPadName, type Field } from "../ir/ctype.js";
import type { TypeInfo } from "./align.js";
import { assertLayout } from "./assert.js";
import type { Placement } from "./fields.js";
import { alignTo } from "./math.js";
import type { SysvCursor } from "./sysv-cursor.js";

/**
 * placeSysvBitfield places one bit-field as GCC and clang do on SysV/psABI targets
 * (clang ItaniumRecordLayoutBuilder::LayoutBitField, no #pragma pack):
 *
 * 1. Start at the next free bit (0 in a union).
 * 2. A packed bit-field (packed record or member) has bit alignment 1, unless it is zero-width;
 *    a member `aligned(N)` raises the alignment.
 * 3. If the field does not fit in the storage unit of its declared type that contains its first
 *    bit — a window of sizeof(T) bits starting at a multiple of the alignment — or it is
 *    zero-width, move it to the next alignment boundary. Otherwise an `aligned(N)` member still
 *    rounds it up to N.
 * 4. The record's data ends at the byte holding the field's last bit.
 * 5. The field's alignment raises the record's, except that an unnamed bit-field does not on
 *    targets where `zeroWidthBitfieldAlignsRecord` is false (x86 and most psABIs; AAPCS and
 *    AArch64 count them).
 */
export function placeSysvBitfield(
  cursor: SysvCursor,
  field: Field,
  bitWidth: number,
  base: TypeInfo,
  abi: AbiSpec,
): Placement {
  const typeBitSize = base.byteSize * 8;
  assertLayout(bitWidth >= 0 && bitWidth <= typeBitSize, `bit-field '${field.name}' is wider than its type`);
  const packed = cursor.packed || field.memberPacked === true;
  const explicitBitAlign = (field.memberAlign ?? 0) * 8;
  let fieldBitAlign = packed && bitWidth !== 0 ? 1 : base.byteAlign * 8;
  if (explicitBitAlign > 0) fieldBitAlign = Math.max(fieldBitAlign, explicitBitAlign);

  let bitOffset = cursor.isUnion ? 0 : cursor.dataBitSize - cursor.unfilledBitCount;
  if (bitWidth === 0 || (bitOffset % fieldBitAlign) + bitWidth > typeBitSize) {
    bitOffset = alignTo(bitOffset, fieldBitAlign);
  } else if (explicitBitAlign > 0) {
    bitOffset = alignTo(bitOffset, explicitBitAlign);
  }

  if (cursor.isUnion) {
    cursor.dataBitSize = Math.max(cursor.dataBitSize, alignTo(bitWidth, 8));
  } else {
    const endBit = bitOffset + bitWidth;
    cursor.dataBitSize = alignTo(endBit, 8);
    cursor.unfilledBitCount = cursor.dataBitSize - endBit;
  }

  const countsForAlign = abi.zeroWidthBitfieldAlignsRecord || !isPadName(field.name);
  if (countsForAlign) cursor.byteAlign = Math.max(cursor.byteAlign, Math.floor(fieldBitAlign / 8));
  return { kind: "bitfield", bitOffset, bitSize: bitWidth, byteSize: base.byteSize };
}
