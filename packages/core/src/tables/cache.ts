import type { AbiSpec } from "../abi/spec.js";
import type { CType, DeclSet } from "../ir/ctype.js";
import type { TypeTable } from "./schema.js";

/**
 * A process-wide cache of built type tables by content. A table is a function of the C type,
 * the declarations the type reaches (closed over their references) and the AbiSpec, nothing
 * else; so a table is keyed by the JSON of the type and of those declarations, per AbiSpec
 * object. A compiler in watch mode or a bundler (file after file, rebuild after rebuild) then
 * lays out and hashes a declaration once per format, not once per program or file; a changed
 * declaration (a field, an attribute, even its source position) is another key.
 *
 * Cached tables are deep-frozen (every caller gets the same object; tables are read-only).
 * A type whose JSON would not tell two inputs apart (a non-finite number or -0, which JSON
 * prints as `null` and `0`) is not cached. A property set to undefined counts as absent (the
 * IR's optional fields are read with `=== undefined`).
 */

const MAX_TABLES = 4000;
let tables = new WeakMap<AbiSpec, Map<string, TypeTable>>();
let size = 0;

// The content key of a type in a DeclSet, memoised per (DeclSet, CType) object pair, as the layout
// engine memoises layouts (both objects are immutable); null: not cacheable.
const keys = new WeakMap<DeclSet, WeakMap<CType, string | null>>();

/** cachedTable returns the table of `type` for `abi` built earlier from the same content, or builds it with `build` and keeps it. */
export function cachedTable(decls: DeclSet, type: CType, abi: AbiSpec, build: () => TypeTable): TypeTable {
  const key = contentKey(decls, type);
  if (key === null) return build();
  const known = tables.get(abi)?.get(key);
  if (known !== undefined) return known;
  const table = freezeTable(build());
  if (size >= MAX_TABLES) clearTableCache();
  let byKey = tables.get(abi);
  if (byKey === undefined) tables.set(abi, (byKey = new Map()));
  byKey.set(key, table);
  size++;
  return table;
}

/** clearTableCache forgets every cached table (when the cache is full; tests use it to measure cold builds). */
export function clearTableCache(): void {
  tables = new WeakMap();
  size = 0;
}

// freezeTable deep-freezes a table by its schema (what deepFreeze does, without walking every key of every object).
function freezeTable(table: TypeTable): TypeTable {
  for (const type of table.types) {
    if (Object.isFrozen(type)) continue; // a shared scalar entry, or an entry seen already
    if (type.tag === "structure_type" || type.tag === "union_type") {
      for (const m of type.members) Object.freeze(m);
      Object.freeze(type.members);
    } else if (type.tag === "enumeration_type") {
      for (const e of type.enumerators) Object.freeze(e);
      Object.freeze(type.enumerators);
    }
    Object.freeze(type);
  }
  Object.freeze(table.types);
  return Object.freeze(table);
}

// contentKey is the JSON of the type and of the declarations it reaches (name and declaration, in the order
// found: a function of the content, and the table depends on the declarations by name only), or null.
function contentKey(decls: DeclSet, type: CType): string | null {
  let byType = keys.get(decls);
  if (byType === undefined) keys.set(decls, (byType = new WeakMap()));
  let key = byType.get(type);
  if (key === undefined) {
    key = computeKey(decls, type);
    byType.set(type, key);
  }
  return key;
}

function computeKey(decls: DeclSet, type: CType): string | null {
  const names = new Set<string>();
  if (!walk(type, names)) return null;
  // Closed over the references of the declarations found; a name with no declaration stays out (the build throws for it).
  const reached: unknown[] = [];
  for (const name of names) {
    const decl = decls.types[name];
    if (decl === undefined) continue;
    reached.push(name, decl);
    if (!walk(decl, names)) return null; // adds the names it references: the loop visits them too
  }
  return JSON.stringify([type, reached]);
}

// walk adds every `{ kind: "named", name }` under a value; false when JSON would not print it faithfully
// (a number that is not finite or is -0, a bigint, a function or a symbol).
function walk(value: unknown, names: Set<string>): boolean {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "string":
    case "boolean":
    case "undefined":
      return true;
    case "object":
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!walk(v, names)) return false;
    return true;
  }
  const o = value as Record<string, unknown>;
  if (o.kind === "named" && typeof o.name === "string") names.add(o.name);
  for (const k in o) if (!walk(o[k], names)) return false;
  return true;
}
