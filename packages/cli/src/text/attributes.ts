import type { RecordType } from "@typedc/core";

/**
 * recordAttributesText spells a record's attributes as C does after its closing
 * brace (`} __attribute__((packed, aligned(8)));`), so that a listing shows why
 * its offsets are what they are; "" when it has none.
 */
export function recordAttributesText(record: RecordType | undefined): string {
  if (record === undefined) return "";
  const attributes = [...(record.packed ? ["packed"] : []), ...(record.byteAlign !== undefined ? [`aligned(${record.byteAlign})`] : [])];
  return attributes.length === 0 ? "" : ` __attribute__((${attributes.join(", ")}))`;
}
