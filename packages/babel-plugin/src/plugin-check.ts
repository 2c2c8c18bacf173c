/**
 * The declaration check the plugin adds to the tsc plugin's diagnostics (core's checkDecls, as
 * the CLI validates declarations): run on the declarations of the file being compiled and what
 * they reference, not on every module it reaches (each of those is checked when it is compiled).
 */
import { checkDecls, type DeclSet, type Diagnostic } from "@typedc/core";

/** namesReferenced adds every `{ kind: "named", name }` under a value (the C type IR's references). */
function namesReferenced(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) namesReferenced(v, out);
  } else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.kind === "named" && typeof o.name === "string") out.add(o.name);
    for (const key in o) if (key !== "loc") namesReferenced(o[key], out);
  }
}

/** ownDecls is the part of a DeclSet that a file declares, closed over the names it references. */
export function ownDecls(decls: DeclSet, fileName: string): DeclSet {
  const names = new Set(Object.entries(decls.types).filter(([, d]) => d.loc?.file === fileName).map(([n]) => n));
  const queue = [...names];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const found = new Set<string>();
    namesReferenced(decls.types[name], found);
    for (const n of found) if (!names.has(n) && decls.types[n] !== undefined) (names.add(n), queue.push(n));
  }
  const types: Record<string, DeclSet["types"][string]> = {};
  for (const [n, d] of Object.entries(decls.types)) if (names.has(n)) types[n] = d;
  return { types };
}

/** checkFileDecls is checkDecls of the file's own declarations and what they reference. */
export function checkFileDecls(decls: DeclSet, fileName: string): Diagnostic[] {
  return checkDecls(ownDecls(decls, fileName));
}
