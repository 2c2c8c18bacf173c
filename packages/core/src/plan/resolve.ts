/**
 * Resolution of C types for planning: follow named aliases and type-level
 * `aligned` (neither changes what an access reads), and find members by name the
 * way C does, through C11 anonymous members (6.7.2.1p13).
 */
import { isAnonName, isPadName, type CType, type DeclSet, type Field, type RecordType } from "../ir/ctype.js";
import { printCType } from "./spell.js";

/** resolveType strips aliases (`type pid_t = i32`) and type-level `aligned<T, N>` until a scalar, pointer, array, record, atomic, bits or named record/enum remains. */
export function resolveType(decls: DeclSet, type: CType): CType {
  let t = type;
  for (let hops = 0; ; hops++) {
    if (hops > 1000) throw new Error(`assert: alias chain too long at '${printCType(type)}'`);
    if (t.kind === "aligned") t = t.base;
    else if (t.kind === "named" && decls.types[t.name]?.kind === "alias") t = (decls.types[t.name] as { target: CType }).target;
    else return t;
  }
}

/** recordOfType returns the record body of a resolved record type (inline or named), or undefined. */
export function recordOfType(decls: DeclSet, type: CType): RecordType | undefined {
  if (type.kind === "record") return type.record;
  if (type.kind === "named") {
    const named = decls.types[type.name];
    return named?.kind === "record" ? named.record : undefined;
  }
  return undefined;
}

/** isEnumType tells whether a resolved type names an enum. */
export function isEnumType(decls: DeclSet, type: CType): boolean {
  return type.kind === "named" && decls.types[type.name]?.kind === "enum";
}

/**
 * findMember looks a member up by name: a direct member (never a `_padN`), else a
 * member of an anonymous member, depth first in declaration order (C11 6.7.2.1p13).
 * It returns the chain of fields to walk (`[_anon0, x]`) so offsets add up in every format.
 */
export function findMember(decls: DeclSet, record: RecordType, name: string): readonly Field[] | undefined {
  for (const f of record.fields) {
    if (f.name === name && !isPadName(f.name)) return [f];
  }
  for (const f of record.fields) {
    if (!isAnonName(f.name)) continue;
    const inner = recordOfType(decls, resolveType(decls, f.type));
    const found = inner === undefined ? undefined : findMember(decls, inner, name);
    if (found !== undefined) return [f, ...found];
  }
  return undefined;
}
