/** Spelling of C types in the user's syntax, for messages and access plans. */
import type { CType } from "../ir/ctype.js";

/** printCType spells a C type as the user writes it (`array<c_char, 16>`, `ptr<Task>`, `{ ... }` for an inline record). */
export function printCType(type: CType): string {
  switch (type.kind) {
    case "scalar":
      return type.name;
    case "named":
      return type.name;
    case "pointer":
      return `ptr<${type.target === null ? "void" : printCType(type.target)}>`;
    case "array":
      return `array<${printCType(type.element)}, ${type.count}>`;
    case "bits":
      return `bits<${printCType(type.base)}, ${type.bitWidth}>`;
    case "atomic":
      return `atomic<${printCType(type.base)}>`;
    case "aligned":
      return `aligned<${printCType(type.base)}, ${type.byteAlign}>`;
    case "record":
      return type.record.kind === "union" ? "union<{ ... }>" : "{ ... }";
  }
}
