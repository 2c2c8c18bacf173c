import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { TypeNodeKind, TypeSyntax } from "./syntax.js";

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
export function reportNoLayout<N>(syntax: TypeSyntax<N>, site: Site, node: N, suggestion: string): void {
  const message =
    site.kind === "field"
      ? Diagnostics.Field_0_has_type_1_which_has_no_C_layout_Use_a_C_type_such_as_2
      : Diagnostics.Type_0_is_1_which_has_no_C_layout_Use_a_C_type_such_as_2;
  syntax.report(message, [site.name, syntax.textOf(node), suggestion], node);
}

const DEFAULT_SUGGESTION = "i32, f64, ptr<void> or a struct declared with C types";

/** SUGGESTIONS maps the kinds of TypeScript types without C layout to the C type to write instead. */
const SUGGESTIONS: Partial<Readonly<Record<TypeNodeKind, string>>> = {
  string: "array<c_char, N>",
  number: "f64, i32 or c_int",
  boolean: "bool",
  bigint: "i64 or u64",
  array: "array<T, N>",
  union: "union<{ a: A; b: B }>",
  function: "ptr<void>",
  literal: "i32 or an enum",
  intersection: "one object type literal { ... }",
};

/**
 * suggestionFor says which C type to write instead of a TypeScript type without C layout
 * (SPEC §2: "a compile error naming the field and suggesting the C type").
 */
export function suggestionFor<N>(syntax: TypeSyntax<N>, node: N): string {
  return SUGGESTIONS[syntax.kindOf(node)] ?? DEFAULT_SUGGESTION;
}
