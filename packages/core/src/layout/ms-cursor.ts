import type { Field } from "../ir/ctype.js";
import { baseElementRecord, desugar, typeInfo } from "./align.js";
import type { LayoutContext } from "./context.js";

/**
 * MsCursor is the running state of an MSVC record layout (clang MicrosoftRecordLayoutBuilder):
 * sizes in bytes; `maxFieldByteAlign` is 1 in a packed record, 0 for "no cap";
 * `requiredByteAlign` is the alignment forced by `aligned` attributes (1 on 64-bit targets
 * to start with); `lastWasBitfield`, `unitByteSize` and `remainingBitCount` describe the
 * storage unit the last non-zero-width bit-field opened.
 */
export interface MsCursor {
  readonly isUnion: boolean;
  readonly maxFieldByteAlign: number;
  byteSize: number;
  byteAlign: number;
  requiredByteAlign: number;
  lastWasBitfield: boolean;
  unitByteSize: number;
  remainingBitCount: number;
}

/** MsElementInfo is a member's size and alignment after MSVC's adjustments. */
export interface MsElementInfo {
  readonly byteSize: number;
  readonly byteAlign: number;
}

/**
 * msElementInfo mirrors clang MicrosoftRecordLayoutBuilder::getAdjustedElementInfo: start from
 * the *desugared* type (an aligned typedef's own alignment is ignored here...), collect the
 * "required" alignment (member `aligned(N)`, an aligned typedef, and for ordinary members the
 * required alignment of a record element), cap by `packed`, then raise to the required
 * alignment again (...but it comes back here, so an aligned typedef or over-aligned record
 * member keeps its alignment even inside a packed record). For bit-fields the required
 * alignment also raises the natural one and does not propagate to the record.
 */
export function msElementInfo(ctx: LayoutContext, cursor: MsCursor, field: Field, declaredType: Field["type"]): MsElementInfo {
  const isBitfield = field.type.kind === "bits";
  const natural = typeInfo(ctx, desugar(ctx, declaredType));
  let byteAlign = natural.byteAlign;
  let required = field.memberAlign ?? 1;
  const sugared = typeInfo(ctx, declaredType);
  if (sugared.alignRequired) required = Math.max(required, sugared.byteAlign);
  if (isBitfield) {
    byteAlign = Math.max(byteAlign, required);
  } else {
    const record = baseElementRecord(ctx, declaredType);
    if (record !== undefined) required = Math.max(required, ctx.record(record).requiredByteAlign);
    cursor.requiredByteAlign = Math.max(cursor.requiredByteAlign, required);
  }
  if (cursor.maxFieldByteAlign > 0) byteAlign = Math.min(byteAlign, cursor.maxFieldByteAlign);
  if (field.memberPacked === true) byteAlign = 1;
  byteAlign = Math.max(byteAlign, required);
  return { byteSize: natural.byteSize, byteAlign };
}
