import type * as t from "@babel/types";
import { Diagnostics } from "@typedc/core";
import type { DeclContext } from "./extract-context.js";
import { report, text } from "./extract-report.js";

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
export function reportNoLayout(ctx: DeclContext, site: Site, node: t.TSType, suggestion: string): void {
  const message =
    site.kind === "field"
      ? Diagnostics.Field_0_has_type_1_which_has_no_C_layout_Use_a_C_type_such_as_2
      : Diagnostics.Type_0_is_1_which_has_no_C_layout_Use_a_C_type_such_as_2;
  report(ctx, message, [site.name, text(ctx, node), suggestion], node);
}

/**
 * SUGGESTIONS says which C type to write instead of a TypeScript type without C layout, keyed by
 * Babel node type; the same table as the TS extractor's `suggestionFor` (TypeScript's `null`,
 * `true` and literal types are all its LiteralType).
 */
const SUGGESTIONS: Readonly<Record<string, string>> = {
  TSStringKeyword: "array<c_char, N>",
  TSNumberKeyword: "f64, i32 or c_int",
  TSBooleanKeyword: "bool",
  TSBigIntKeyword: "i64 or u64",
  TSArrayType: "array<T, N>",
  TSTupleType: "array<T, N>",
  TSUnionType: "union<{ a: A; b: B }>",
  TSFunctionType: "ptr<void>",
  TSConstructorType: "ptr<void>",
  TSLiteralType: "i32 or an enum",
  TSNullKeyword: "i32 or an enum",
  TSIntersectionType: "one object type literal { ... }",
};

/** suggestionFor says which C type to write instead of a type node without C layout (SPEC §2). */
export function suggestionFor(node: t.TSType): string {
  if (node.type === "TSLiteralType" && node.literal.type === "TemplateLiteral" && node.literal.expressions.length > 0) {
    return DEFAULT_SUGGESTION; // a template literal type with substitutions is TypeScript's TemplateLiteralType
  }
  return SUGGESTIONS[node.type] ?? DEFAULT_SUGGESTION;
}

const DEFAULT_SUGGESTION = "i32, f64, ptr<void> or a struct declared with C types";
