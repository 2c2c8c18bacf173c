import type { Field, RecordType } from "../ir/ctype.js";
import { isFlexibleArray, typeInfo } from "./align.js";
import { placeSysvBitfield } from "./bitfields-sysv.js";
import type { LayoutContext, RecordResult } from "./context.js";
import { fieldLayoutOf, type Placement } from "./fields.js";
import { alignTo } from "./math.js";
import type { SysvCursor } from "./sysv-cursor.js";
import type { FieldLayout } from "./types.js";

// placeSysvMember places an ordinary (non-bit-field) member (clang ItaniumRecordLayoutBuilder::LayoutField):
// its type's alignment, 1 if the record or the member is packed (even for an over-aligned record
// or aligned typedef), raised by a member `aligned(N)` (never lowered); at offset 0 in a union,
// else at the next multiple of that alignment after the data so far. A flexible array has size 0
// but keeps its element alignment.
function placeSysvMember(ctx: LayoutContext, cursor: SysvCursor, field: Field): Placement {
  const info = typeInfo(ctx, field.type);
  const byteSize = isFlexibleArray(field.type) ? 0 : info.byteSize;
  const packed = cursor.packed || field.memberPacked === true;
  const byteAlign = Math.max(packed ? 1 : info.byteAlign, field.memberAlign ?? 1);
  const dataByteSize = cursor.dataBitSize / 8;
  const byteOffset = cursor.isUnion ? 0 : alignTo(dataByteSize, byteAlign);
  cursor.dataBitSize = cursor.isUnion ? Math.max(cursor.dataBitSize, byteSize * 8) : (byteOffset + byteSize) * 8;
  cursor.unfilledBitCount = 0;
  cursor.byteAlign = Math.max(cursor.byteAlign, byteAlign);
  return { kind: "member", byteOffset, byteSize };
}

/**
 * layoutSysvRecord lays out a struct or union by the SysV/psABI rules GCC and clang share
 * (all SPEC §5 formats but x86_64-windows): members in order, bit-fields by
 * `placeSysvBitfield`; the record's alignment is the largest member alignment, raised by a
 * record `aligned(N)` (never lowered); its size is the data size rounded up to it.
 */
export function layoutSysvRecord(ctx: LayoutContext, record: RecordType): RecordResult {
  const cursor: SysvCursor = {
    isUnion: record.kind === "union",
    packed: record.packed,
    dataBitSize: 0,
    unfilledBitCount: 0,
    byteAlign: 1,
  };
  const fields: FieldLayout[] = [];
  for (const field of record.fields) {
    const placement =
      field.type.kind === "bits"
        ? placeSysvBitfield(cursor, field, field.type.bitWidth, typeInfo(ctx, field.type.base), ctx.abi)
        : placeSysvMember(ctx, cursor, field);
    const layout = fieldLayoutOf(ctx, field, placement);
    if (layout !== undefined) fields.push(layout);
  }
  const byteAlign = Math.max(cursor.byteAlign, record.byteAlign ?? 1);
  const byteSize = alignTo(cursor.dataBitSize / 8, byteAlign);
  return { layout: { kind: record.kind, byteSize, byteAlign, fields }, requiredByteAlign: byteAlign };
}
