import { isPadName, type Field } from "../ir/ctype.js";
import type { LayoutContext } from "./context.js";
import type { FieldLayout } from "./types.js";

/** Placement is where a builder put one member: bytes for ordinary members, bits for bit-fields. */
export type Placement =
  | { readonly kind: "member"; readonly byteOffset: number; readonly byteSize: number }
  | { readonly kind: "bitfield"; readonly bitOffset: number; readonly bitSize: number; readonly byteSize: number };

/**
 * fieldLayoutOf turns a placement into the FieldLayout contract, or undefined for an
 * unnamed bit-field (`_padN`, not a member: SPEC §7). A bit-field's byteOffset is
 * floor(bitOffset / 8); an inline record member carries its own layout as `inline`.
 */
export function fieldLayoutOf(ctx: LayoutContext, field: Field, placement: Placement): FieldLayout | undefined {
  if (placement.kind === "bitfield") {
    if (isPadName(field.name)) return undefined;
    return {
      name: field.name,
      type: field.type,
      byteOffset: Math.floor(placement.bitOffset / 8),
      byteSize: placement.byteSize,
      bitOffset: placement.bitOffset,
      bitSize: placement.bitSize,
    };
  }
  const base = { name: field.name, type: field.type, byteOffset: placement.byteOffset, byteSize: placement.byteSize };
  if (field.type.kind !== "record") return base;
  return { ...base, inline: ctx.record(field.type.record).layout };
}
