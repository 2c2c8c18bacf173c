/**
 * c-compat.ts — can the C kernel, compiled for wasm32, work on an area directly?
 * Only when the published layout of its element is byte for byte wasm32's:
 * same byte order, member offsets and sizes, and element stride (clang's layout).
 */
import type { TableType, TypeTable } from "@typedc/core";

// elementOf is the record an area holds (the element of an array area, or the root).
function elementOf(table: TypeTable): { record: TableType; stride: number } {
  const root = table.types[table.root]!;
  if (root.tag === "array_type") return { record: table.types[root.element]!, stride: root.stride };
  return { record: root, stride: root.byteSize };
}

// shapeOf lists what the C code depends on: member offsets, sizes and bit positions.
function shapeOf(table: TypeTable): string {
  const { record, stride } = elementOf(table);
  const members = "members" in record ? record.members.map((m) => `${m.name}@${m.dataMemberLocation}:${m.byteSize}:${m.dataBitOffset ?? ""}/${m.bitSize ?? ""}`) : [];
  return `${table.endian} ${record.byteSize} ${stride} ${members.join(" ")}`;
}

/** sameAsWasm32 tells whether a published table lays its records out exactly as the wasm32 table does. */
export function sameAsWasm32(published: TypeTable, wasm32: TypeTable): boolean {
  return shapeOf(published) === shapeOf(wasm32);
}
