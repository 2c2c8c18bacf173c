/** Spelling of C types in the user's syntax, for messages, access plans and printers. */
import type { CType, RecordType } from "./ctype.js";

/** recordPlaceholder is how an inline record is abbreviated by default: `{ ... }` or `union<{ ... }>`. */
function recordPlaceholder(record: RecordType): string {
  return record.kind === "union" ? "union<{ ... }>" : "{ ... }";
}

/**
 * printCType spells a C type as the user writes it (`array<c_char, 16>`, `ptr<Task>`);
 * an inline record is abbreviated by `recordText` (default `{ ... }` / `union<{ ... }>`).
 */
export function printCType(type: CType, recordText: (record: RecordType) => string = recordPlaceholder): string {
  const spell = (t: CType): string => printCType(t, recordText);
  switch (type.kind) {
    case "scalar":
    case "named":
      return type.name;
    case "pointer":
      return `ptr<${type.target === null ? "void" : spell(type.target)}>`;
    case "array":
      return `array<${spell(type.element)}, ${type.count}>`;
    case "record":
      return recordText(type.record);
    case "bits":
      return `bits<${spell(type.base)}, ${type.bitWidth}>`;
    case "atomic":
      return `atomic<${spell(type.base)}>`;
    case "aligned":
      return `aligned<${spell(type.base)}, ${type.byteAlign}>`;
  }
}
