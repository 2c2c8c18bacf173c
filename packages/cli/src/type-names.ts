import { createDiagnostic, Diagnostics, recordOf, type DeclSet, type Diagnostic, type Result } from "@typedc/core";

/**
 * recordNames lists, in declaration order, the names of the DeclSet that
 * denote a struct or union: record declarations and aliases of them
 * (`export type T = S;` is a C typedef, SPEC §2), which SPEC §7 lists too.
 */
export function recordNames(decls: DeclSet): string[] {
  return Object.keys(decls.types).filter((name) => recordOf(decls, name) !== undefined);
}

/** recordDeclNames lists only the record declarations themselves, aliases left out (each struct counted once). */
export function recordDeclNames(decls: DeclSet): string[] {
  return Object.values(decls.types).filter((t) => t.kind === "record").map((t) => t.name);
}

/**
 * selectTypes applies a `--type` filter (names separated by commas) to the
 * available names; a name that is not among them is a diagnostic. Without a
 * filter every available name is selected.
 */
export function selectTypes(available: readonly string[], filter: string | undefined): Result<string[]> {
  if (filter === undefined) return { value: [...available], diagnostics: [] };
  const wanted = filter.split(",").map((w) => w.trim()).filter((w) => w !== "");
  const diagnostics: Diagnostic[] = [];
  for (const name of wanted) {
    if (!available.includes(name)) {
      const declared = available.length === 0 ? "none" : available.join(", ");
      diagnostics.push(createDiagnostic(Diagnostics.Type_0_is_not_a_struct_or_union_declared_in_the_input_Declared_1, [name, declared]));
    }
  }
  return { value: available.filter((name) => wanted.includes(name)), diagnostics };
}
