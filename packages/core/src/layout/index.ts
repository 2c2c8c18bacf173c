/**
 * The layout engine: C records laid out for one ABI exactly as clang 19 lays them out for
 * the ABI's triple. Assumes a DeclSet accepted by `checkDecls`; an impossible state throws
 * LayoutAssertError. Results are memoised per (DeclSet, AbiSpec) object pair.
 */
import type { AbiSpec, ScalarSpec } from "../abi/spec.js";
import type { CType, DeclSet, RecordType } from "../ir/ctype.js";
import { typeInfo } from "./align.js";
import { assertLayout } from "./assert.js";
import { contextFor, type LayoutContext, type RecordBuilder } from "./context.js";
import { enumSpec as enumSpecOf } from "./enum.js";
import { layoutMsRecord } from "./ms.js";
import { layoutSysvRecord } from "./sysv.js";
import type { RecordLayout } from "./types.js";

export { LayoutAssertError } from "./assert.js";

// RECORD_BUILDERS maps AbiSpec.bitfields to its record layout strategy (STYLE §3).
const RECORD_BUILDERS: Readonly<Record<AbiSpec["bitfields"], RecordBuilder>> = {
  sysv: layoutSysvRecord,
  ms: layoutMsRecord,
};

// context returns the memo for (decls, abi).
function context(decls: DeclSet, abi: AbiSpec): LayoutContext {
  return contextFor(decls, abi, RECORD_BUILDERS[abi.bitfields]);
}

/** layoutRecord lays out one record body (named or inline) of `decls` for `abi`. */
export function layoutRecord(decls: DeclSet, record: RecordType, abi: AbiSpec): RecordLayout {
  return context(decls, abi).record(record).layout;
}

/** recordOf returns the record a name denotes: a named record, or an alias chain ending at one (`export type T = S`). */
export function recordOf(decls: DeclSet, name: string): RecordType | undefined {
  const seen = new Set<string>();
  let decl = decls.types[name];
  while (decl !== undefined && !seen.has(decl.name)) {
    seen.add(decl.name);
    if (decl.kind === "record") return decl.record;
    if (decl.kind !== "alias") return undefined;
    const target: CType = decl.target;
    if (target.kind === "record") return target.record;
    if (target.kind !== "named") return undefined;
    decl = decls.types[target.name];
  }
  return undefined;
}

/** layoutOf lays out the record a top-level name denotes (a record, or an alias of one) for `abi`. */
export function layoutOf(decls: DeclSet, name: string, abi: AbiSpec): RecordLayout {
  const record = recordOf(decls, name);
  assertLayout(record !== undefined, `'${name}' does not name a struct or union`);
  return layoutRecord(decls, record, abi);
}

/** sizeAlignOf returns sizeof and _Alignof of any CType in `abi` (arrays: count × element size; flexible arrays: 0). */
export function sizeAlignOf(decls: DeclSet, type: CType, abi: AbiSpec): { byteSize: number; byteAlign: number } {
  const info = typeInfo(context(decls, abi), type);
  return { byteSize: info.byteSize, byteAlign: info.byteAlign };
}

/** enumSpec returns the size, alignment and signedness of the C enum `enumName` in `abi` (GCC: unsigned int unless an enumerator is negative; MSVC: int). */
export function enumSpec(decls: DeclSet, enumName: string, abi: AbiSpec): ScalarSpec {
  return enumSpecOf(decls, enumName, abi);
}
