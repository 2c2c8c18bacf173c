import type { CType, DeclSet, NamedType } from "./ctype.js";

/** Underlying is what a type is once named aliases and type-level `aligned` are seen through. */
export type Underlying =
  | { readonly kind: "type"; readonly type: CType }
  | { readonly kind: "enum"; readonly decl: NamedType }
  | { readonly kind: "record"; readonly decl: NamedType }
  | { readonly kind: "unknown"; readonly name: string };

/** underlyingOf follows named aliases and `aligned` wrappers (stopping on alias cycles, which check-cycles reports). */
export function underlyingOf(decls: DeclSet, type: CType): Underlying {
  let current = type;
  const seen = new Set<string>();
  for (;;) {
    if (current.kind === "aligned") {
      current = current.base;
      continue;
    }
    if (current.kind !== "named") return { kind: "type", type: current };
    const decl = decls.types[current.name];
    if (decl === undefined || seen.has(current.name)) return { kind: "unknown", name: current.name };
    seen.add(current.name);
    if (decl.kind !== "alias") return { kind: decl.kind, decl };
    current = decl.target;
  }
}
