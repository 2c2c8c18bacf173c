/** What a C type looks like as a JS value (SPEC §2 table, "JS value" column). */
import type { CType, DeclSet } from "../ir/ctype.js";
import { isEnumType, resolveType } from "./resolve.js";
import { printCType } from "./spell.js";
import type { ValueInfo, ValueKind } from "./types.js";

/** BIGINT_SCALARS are the scalars whose JS value is a bigint (SPEC §2); other 8-byte integers are exact numbers. */
const BIGINT_SCALARS: ReadonlySet<string> = new Set(["i64", "u64", "c_longlong", "c_ulonglong"]);
/** CHAR_SCALARS are the 1-byte character types a C string can live in. */
const CHAR_SCALARS: ReadonlySet<string> = new Set(["c_char", "c_schar", "c_uchar", "i8", "u8"]);

/** valueKindOf is the JS type of a scalar or enum value, or undefined for anything else. */
export function valueKindOf(decls: DeclSet, type: CType): ValueKind | undefined {
  const t = resolveType(decls, type);
  if (t.kind === "scalar") return t.name === "bool" ? "boolean" : BIGINT_SCALARS.has(t.name) ? "bigint" : "number";
  if (isEnumType(decls, t)) return "number";
  return undefined;
}

/** valueInfoOf describes the value of a C type as a chain ending there sees it. */
export function valueInfoOf(decls: DeclSet, type: CType): ValueInfo {
  const t = resolveType(decls, type);
  const typeName = printCType(type);
  switch (t.kind) {
    case "bits":
      return { shape: "bits", typeName, type: t, value: valueKindOf(decls, t.base) ?? "number" };
    case "atomic":
      return { shape: "atomic", typeName, type: t, value: valueKindOf(decls, t.base) ?? "number" };
    case "pointer":
      return { shape: "pointer", typeName, type: t, target: t.target };
    case "array": {
      const element = resolveType(decls, t.element);
      const charArray = element.kind === "scalar" && CHAR_SCALARS.has(element.name);
      return { shape: "array", typeName, type: t, count: t.count, charArray };
    }
    case "record":
      return { shape: "record", typeName, type: t };
    default: {
      const value = valueKindOf(decls, t);
      if (value !== undefined) return { shape: "scalar", typeName, type: t, value };
      return { shape: "record", typeName, type: t };
    }
  }
}
