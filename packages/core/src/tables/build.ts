import type { AbiSpec } from "../abi/spec.js";
import type { CType, DeclSet } from "../ir/ctype.js";
import { enumSpec, layoutRecord, sizeAlignOf } from "../layout/index.js";
import { buildTableOfTypeWith, buildTableWith, buildTypeSetWith, type LayoutEngine } from "./builder.js";
import { cachedTable } from "./cache.js";

export { clearTableCache } from "./cache.js";
import type { TypeSet, TypeTable } from "./schema.js";

/** LAYOUT_ENGINE is the clang-exact layout engine of core/src/layout, as the table builder uses it. */
export const LAYOUT_ENGINE: LayoutEngine = { layoutRecord, sizeAlignOf, enumSpec };

/**
 * buildTable returns the type table (SPEC §6) of the named declaration (a record, an alias
 * of one, or an enum) laid out for `abi`, hash filled. Same input, same table, byte for byte.
 */
export function buildTable(decls: DeclSet, name: string, abi: AbiSpec): TypeTable {
  return buildTableWith(LAYOUT_ENGINE, decls, name, abi);
}

/**
 * buildTableOfType returns the type table of any C type, e.g. the `array<Task, 1024>` of a
 * `__typed` binding: the compilers' per-file tables. Built once per content and AbiSpec in a
 * process (cache.ts), and then the same frozen object.
 */
export function buildTableOfType(decls: DeclSet, type: CType, abi: AbiSpec): TypeTable {
  return cachedTable(decls, type, abi, () => buildTableOfTypeWith(LAYOUT_ENGINE, decls, type, abi));
}

/** buildTypeSet returns the tables of one declaration for every ABI given, keyed by ABI id in that order. */
export function buildTypeSet(decls: DeclSet, name: string, abis: readonly AbiSpec[]): TypeSet {
  return buildTypeSetWith(LAYOUT_ENGINE, decls, name, abis);
}
