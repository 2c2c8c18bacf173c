import type { CType, DeclSet } from "../ir/ctype.js";

/**
 * resolveAliases follows `named` references to aliases until a scalar, record, enum or
 * structural type. An alias whose target is a record literal (`export type S = packed<{...}>`)
 * names that record, like a C `typedef struct {...} S;`: it resolves to `named S`.
 * An alias cycle asserts (checkDecls reports it first).
 */
export function resolveAliases(decls: DeclSet, type: CType): CType {
  let current = type;
  const seen = new Set<string>();
  while (current.kind === "named") {
    const decl = decls.types[current.name];
    if (decl === undefined) throw new Error(`assert: type '${current.name}' is not declared`);
    if (decl.kind !== "alias" || decl.target.kind === "record") return current;
    if (seen.has(decl.name)) throw new Error(`assert: alias cycle through '${decl.name}'`);
    seen.add(decl.name);
    current = decl.target;
  }
  return current;
}

/**
 * typeSpelling spells a type as the user writes it, aliases resolved (so `ptr<pid_t>` and
 * `ptr<i32>` are one table entry): `i32`, `Task`, `ptr<Task>`, `ptr<void>`, `array<u8, 16>`,
 * `atomic<i32>`, `aligned<u64, 8>`, and `{...}` / `union<{...}>` for an inline record.
 */
export function typeSpelling(decls: DeclSet, type: CType): string {
  const t = resolveAliases(decls, type);
  switch (t.kind) {
    case "scalar":
    case "named":
      return t.name;
    case "pointer":
      return `ptr<${t.target === null ? "void" : typeSpelling(decls, t.target)}>`;
    case "array":
      return `array<${typeSpelling(decls, t.element)}, ${t.count}>`;
    case "record":
      return t.record.kind === "union" ? "union<{...}>" : "{...}";
    case "bits":
      return `bits<${typeSpelling(decls, t.base)}, ${t.bitWidth}>`;
    case "atomic":
      return `atomic<${typeSpelling(decls, t.base)}>`;
    case "aligned":
      return `aligned<${typeSpelling(decls, t.base)}, ${t.byteAlign}>`;
  }
}
