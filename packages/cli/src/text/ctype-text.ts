import type { CType } from "@typedc/core";

/**
 * ctypeText spells a C type the way the user writes it in a declaration
 * (STYLE §4: `c_long`, `ptr<Task>`, `array<c_char, 16>`); an inline record is
 * abbreviated to `struct {…}` / `union {…}` because printers expand it anyway.
 */
export function ctypeText(type: CType): string {
  switch (type.kind) {
    case "scalar":
      return type.name;
    case "named":
      return type.name;
    case "pointer":
      return `ptr<${type.target === null ? "void" : ctypeText(type.target)}>`;
    case "array":
      return `array<${ctypeText(type.element)}, ${type.count}>`;
    case "record":
      return `${type.record.kind} {…}`;
    case "bits":
      return `bits<${ctypeText(type.base)}, ${type.bitWidth}>`;
    case "atomic":
      return `atomic<${ctypeText(type.base)}>`;
    case "aligned":
      return `aligned<${ctypeText(type.base)}, ${type.byteAlign}>`;
  }
}
