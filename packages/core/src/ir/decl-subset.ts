/**
 * Parts of a DeclSet: what one file declares, or what one C type needs, each closed over the
 * declarations it references. Both plugins check each compiled file's own declarations with
 * checkDecls (as `typedc check` validates a project): not every module a file reaches, since
 * each of those is checked when it is compiled itself.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import { checkDecls } from "./check.js";
import type { DeclSet } from "./ctype.js";

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
  return closedOver(decls, Object.entries(decls.types).filter(([, d]) => d.loc?.file === fileName).map(([n]) => n));
}

/** referencedDecls is the part of a DeclSet that a C type needs: the declarations it names, closed over their references. */
export function referencedDecls(decls: DeclSet, type: unknown): DeclSet {
  const found = new Set<string>();
  namesReferenced(type, found);
  return closedOver(decls, [...found].filter((n) => decls.types[n] !== undefined));
}

/** closedOver is the declarations named and every declaration they reference, in the DeclSet's order. */
function closedOver(decls: DeclSet, start: readonly string[]): DeclSet {
  const names = new Set(start);
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
