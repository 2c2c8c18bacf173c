import type * as TS from "typescript";
import { Diagnostics } from "@typedc/core";
import type { ExtractContext } from "./extract-context.js";
import { textOf } from "./extract-loc.js";
import { report } from "./extract-report.js";

/** Site names what a type annotation belongs to, for messages: a field of a record, or a named type (alias). */
export interface Site {
  readonly kind: "field" | "type";
  /** The field's name, or the named type's. */
  readonly name: string;
  /** The record that holds the field (`Task`, or `Task.stat` for an inline record); for a type, its own name. */
  readonly owner: string;
}

/** recordOwnerOf is the owner name of an inline record written at a site (`Task.stat`). */
export function recordOwnerOf(site: Site): string {
  return site.kind === "field" ? `${site.owner}.${site.name}` : site.name;
}

/** reportNoLayout reports a type with no C layout at its site (1001 for a field, 1020 for a type alias), suggesting a C type. */
export function reportNoLayout(ctx: ExtractContext, site: Site, node: TS.TypeNode, suggestion: string): void {
  const message =
    site.kind === "field"
      ? Diagnostics.Field_0_has_type_1_which_has_no_C_layout_Use_a_C_type_such_as_2
      : Diagnostics.Type_0_is_1_which_has_no_C_layout_Use_a_C_type_such_as_2;
  report(ctx, message, [site.name, textOf(node), suggestion], node);
}

/**
 * suggestionFor says which C type to write instead of a TypeScript type without C layout
 * (SPEC §2: "a compile error naming the field and suggesting the C type").
 */
export function suggestionFor(ts: typeof TS, node: TS.TypeNode): string {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return "array<c_char, N>";
    case ts.SyntaxKind.NumberKeyword:
      return "f64, i32 or c_int";
    case ts.SyntaxKind.BooleanKeyword:
      return "bool";
    case ts.SyntaxKind.BigIntKeyword:
      return "i64 or u64";
    case ts.SyntaxKind.ArrayType:
    case ts.SyntaxKind.TupleType:
      return "array<T, N>";
    case ts.SyntaxKind.UnionType:
      return "union<{ a: A; b: B }>";
    case ts.SyntaxKind.FunctionType:
    case ts.SyntaxKind.ConstructorType:
      return "ptr<void>";
    case ts.SyntaxKind.LiteralType:
      return "i32 or an enum";
    case ts.SyntaxKind.IntersectionType:
      return "one object type literal { ... }";
    default:
      return "i32, f64, ptr<void> or a struct declared with C types";
  }
}
