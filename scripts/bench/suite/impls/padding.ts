/**
 * padding: the peers lay fields out one after another (no C alignment rules),
 * so the suite gives each of them Rec's layout from the core: the gaps before
 * each field and after the last one, to be filled with the peer's "reserved"/
 * "seek" construct.
 */
import type { RecLayout } from "../model.js";

/** FieldSlot is one field of Rec with the padding bytes before it. */
export interface FieldSlot {
  readonly name: "a" | "b" | "c" | "d" | "e";
  readonly gapBefore: number;
}

/** fieldSlots returns Rec's fields in order with their leading gaps, and the tail padding. */
export function fieldSlots(layout: RecLayout): { slots: FieldSlot[]; tail: number } {
  const slots: FieldSlot[] = [];
  let end = 0;
  for (const name of layout.order as FieldSlot["name"][]) {
    const f = layout.fields[name];
    slots.push({ name, gapBefore: f.byteOffset - end });
    end = f.byteOffset + f.byteSize;
  }
  return { slots, tail: layout.byteSize - end };
}

/** assertPeerLayout aborts a peer's row when the layout it built differs from the core's. */
export function assertPeerLayout(peer: string, layout: RecLayout, byteSize: number, offsets: Readonly<Record<string, number>>): void {
  const wrong = Object.entries(offsets).filter(([k, v]) => layout.fields[k as FieldSlot["name"]].byteOffset !== v);
  if (byteSize !== layout.byteSize || wrong.length > 0) {
    throw new Error(`${peer}: its layout (size ${byteSize}, offsets ${JSON.stringify(offsets)}) differs from the core's (${JSON.stringify(layout.fields)})`);
  }
}
