/** What a C type looks like as a JS value (SPEC §2 table, "JS value" column). */
import type { CType, DeclSet } from "../ir/ctype.js";
import { isEnumType, resolveType } from "./resolve.js";
import { printCType } from "./spell.js";
import type { ValueInfo, ValueKind } from "./types.js";

/** BIGINT_SCALARS are the scalars whose JS value is a bigint (SPEC §2); other 8-byte integers are exact numbers. */
const BIGINT_SCALARS: ReadonlySet<string> = new Set(["i64", "u64", "c_longlong", "c_ulonglong"]);
/** CHAR_SCALARS are the 1-byte character types a C string can live in. */
const CHAR_SCALARS: ReadonlySet<string> = new Set(["c_char", "c_schar", "c_uchar", "i8", "u8"]);

/**
 * FIXED_SCALARS maps the scalars whose size and kind are the same in all 12 formats
 * (SPEC §2, §5: `int` is 4 bytes, `short` 2 in ILP32, LP64 and LLP64) to the suffix of
 * their monomorphic runtime accessors; only byte order changes between formats.
 */
const FIXED_SCALARS: Readonly<Record<string, string>> = {
  i8: "i8", u8: "u8", i16: "i16", u16: "u16", i32: "i32", u32: "u32", f32: "f32", f64: "f64",
  c_schar: "i8", c_uchar: "u8", c_short: "i16", c_ushort: "u16", c_int: "i32", c_uint: "u32", c_float: "f32", c_double: "f64",
};

/** FIXED_BIGINT_SCALARS are the 64-bit integers of the same size in all 12 formats (`long long` is 8 bytes everywhere) and their typed array. */
const FIXED_BIGINT_SCALARS: Readonly<Record<string, string>> = { i64: "i64", u64: "u64", c_longlong: "i64", c_ulonglong: "u64" };

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
      const fast = t.kind === "scalar" ? FIXED_SCALARS[t.name] : undefined;
      const arrayView = t.kind === "scalar" ? fast ?? FIXED_BIGINT_SCALARS[t.name] : undefined;
      if (value !== undefined) return { shape: "scalar", typeName, type: t, value, ...(fast !== undefined ? { fast } : {}), ...(arrayView !== undefined ? { arrayView } : {}) };
      return { shape: "record", typeName, type: t };
    }
  }
}
