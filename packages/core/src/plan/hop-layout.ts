/**
 * hopLayout resolves a hop key (`[].e.[]`, plan `segments` joined by ".") against a type
 * table at compile time, as the runtime's compiled paths do against the bound table
 * (runtime/src/compiled-path.ts): one byte offset and one stride per index. Versioned loops
 * use it for their precompiled copies (docs/compiler.md, "Precompiled layouts"): the fields
 * of a path in one format, written as literals and checked against the bound table's at run time.
 */
import type { TableMember, TypeTable } from "../tables/schema.js";

/** HopLayout is a hop's byte offset and its strides, one per `[]`. */
export interface HopLayout {
  readonly o: number;
  readonly strides: readonly number[];
}

const ANONYMOUS_MEMBER = /^_anon\d+$/;

/** memberAt finds a member by name, looking into C11 anonymous structs and unions (their members are the record's own). */
function memberAt(table: TypeTable, members: readonly TableMember[], name: string): { offset: number; type: number } | undefined {
  for (const m of members) if (m.name === name && m.bitSize === undefined) return { offset: m.dataMemberLocation, type: m.type };
  for (const m of members) {
    const t = table.types[m.type];
    if (!ANONYMOUS_MEMBER.test(m.name) || t === undefined || (t.tag !== "structure_type" && t.tag !== "union_type")) continue;
    const inner = memberAt(table, t.members, name);
    if (inner !== undefined) return { offset: m.dataMemberLocation + inner.offset, type: inner.type };
  }
  return undefined;
}

/** hopLayout is the offset and strides of hop `key` from type `from` (the table's root by default); undefined when the key does not resolve (a bit-field, a wrong name). */
export function hopLayout(table: TypeTable, key: string, from: number = table.root): HopLayout | undefined {
  let t = table.types[from];
  let o = 0;
  const strides: number[] = [];
  for (const seg of key === "" ? [] : key.split(".")) {
    if (t === undefined) return undefined;
    if (seg === "[]") {
      if (t.tag !== "array_type") return undefined;
      strides.push(t.stride);
      t = table.types[t.element];
      continue;
    }
    if (t.tag !== "structure_type" && t.tag !== "union_type") return undefined;
    const m = memberAt(table, t.members, seg);
    if (m === undefined) return undefined;
    o += m.offset;
    t = table.types[m.type];
  }
  return { o, strides };
}
