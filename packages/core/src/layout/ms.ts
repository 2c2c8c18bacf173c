import type { Field, RecordType } from "../ir/ctype.js";
import { isFlexibleArray } from "./align.js";
import { placeMsBitfield } from "./bitfields-ms.js";
import type { LayoutContext, RecordResult } from "./context.js";
import { fieldLayoutOf, type Placement } from "./fields.js";
import { alignTo } from "./math.js";
import { msElementInfo, type MsCursor } from "./ms-cursor.js";
import type { FieldLayout } from "./types.js";

// MSVC gives an empty C struct size 4 (clang MicrosoftRecordLayoutBuilder, MinEmptyStructSize),
// or its alignment when an `aligned` attribute at least that large is in play.
const MS_MIN_EMPTY_STRUCT_BYTE_SIZE = 4;

// placeMsMember places an ordinary member (clang MicrosoftRecordLayoutBuilder::layoutField):
// at 0 in a union, else at the next multiple of its adjusted alignment; it ends a bit-field run.
function placeMsMember(ctx: LayoutContext, cursor: MsCursor, field: Field): Placement {
  cursor.lastWasBitfield = false;
  const info = msElementInfo(ctx, cursor, field, field.type);
  const byteSize = isFlexibleArray(field.type) ? 0 : info.byteSize;
  cursor.byteAlign = Math.max(cursor.byteAlign, info.byteAlign);
  const byteOffset = cursor.isUnion ? 0 : alignTo(cursor.byteSize, info.byteAlign);
  cursor.byteSize = Math.max(cursor.byteSize, byteOffset + byteSize);
  return { kind: "member", byteOffset, byteSize };
}

/**
 * layoutMsRecord lays out a struct or union as MSVC does for x86_64-windows (clang
 * MicrosoftRecordLayoutBuilder, C records only: no bases, no vtables). A packed record caps
 * member alignment at 1; a record `aligned(N)` and every required member alignment raise the
 * record's alignment, and the size is rounded to max(min(alignment, pack), required).
 */
export function layoutMsRecord(ctx: LayoutContext, record: RecordType): RecordResult {
  const cursor: MsCursor = {
    isUnion: record.kind === "union",
    maxFieldByteAlign: record.packed ? 1 : 0,
    byteSize: 0,
    byteAlign: 1,
    requiredByteAlign: 1,
    lastWasBitfield: false,
    unitByteSize: 0,
    remainingBitCount: 0,
  };
  const fields: FieldLayout[] = [];
  for (const field of record.fields) {
    const placement = field.type.kind === "bits" ? placeMsBitfield(ctx, cursor, field) : placeMsMember(ctx, cursor, field);
    const layout = fieldLayoutOf(ctx, field, placement);
    if (layout !== undefined) fields.push(layout);
  }
  // clang MicrosoftRecordLayoutBuilder::layout (C records): first round the size to the
  // alignment the members gave (uncapped by `packed`: a packed record with an aligned
  // bit-field is padded to it), then finalizeLayout rounds again to
  // max(min(alignment, pack), required).
  let byteSize = alignTo(cursor.byteSize, cursor.byteAlign);
  // The record's own `aligned(N)` joins the required alignment only now.
  cursor.requiredByteAlign = Math.max(cursor.requiredByteAlign, record.byteAlign ?? 1);
  const byteAlign = Math.max(cursor.byteAlign, cursor.requiredByteAlign);
  let roundingByteAlign = cursor.maxFieldByteAlign > 0 ? Math.min(byteAlign, cursor.maxFieldByteAlign) : byteAlign;
  roundingByteAlign = Math.max(roundingByteAlign, cursor.requiredByteAlign);
  byteSize = alignTo(byteSize, roundingByteAlign);
  if (byteSize === 0) {
    byteSize = cursor.requiredByteAlign >= MS_MIN_EMPTY_STRUCT_BYTE_SIZE ? byteAlign : MS_MIN_EMPTY_STRUCT_BYTE_SIZE;
  }
  return { layout: { kind: record.kind, byteSize, byteAlign, fields }, requiredByteAlign: cursor.requiredByteAlign };
}
