/**
 * Precompiled layouts (docs/compiler.md, "Precompiled layouts"): the values a versioned loop's
 * precompiled copy writes as literals, for each distinct layout of the `precompile` formats.
 * Front-end-neutral: the tsc and Babel plugins describe the roots their fast copy used and get
 * the same literals back.
 */
import { abiSpec } from "../abi/abis.js";
import type { AbiId } from "../abi/ids.js";
import type { CType, DeclSet } from "../ir/ctype.js";
import { buildTableOfType } from "../tables/build.js";
import { hopLayout } from "./hop-layout.js";
import type { FastLoopState } from "./loop-copies.js";
import { hoistedFieldName } from "./lowering.js";

/** LiteralRoot is a root a fast copy read through: its name, C type, hoisted paths (hop key → name) and hoisted fields. */
export interface LiteralRoot {
  readonly name: string;
  readonly type: CType;
  readonly paths: ReadonlyMap<string, string>;
  readonly fields: ReadonlySet<string>;
  /** `array`: the root's element stride is stepped (`x$stride`); `element`: a for...of variable, stepped by its own size. */
  readonly stride?: "array" | "element";
}

/** PATH_FIELDS are the hoisted fields of a path a precompiled copy writes as literals: its offset and strides. */
const PATH_FIELDS = ["o", "s0", "s1", "s2", "s3"] as const;

/**
 * layoutLiterals lays the roots out in each format and returns one map of hoisted name → value
 * per distinct layout, in the formats' order (formats with the same values share one). A format
 * in which a root has no layout gives no copy.
 */
export function layoutLiterals(decls: DeclSet, roots: readonly LiteralRoot[], formats: readonly AbiId[]): ReadonlyMap<string, number>[] {
  const variants = new Map<string, ReadonlyMap<string, number>>();
  for (const format of formats) {
    const literals = literalsIn(decls, roots, format);
    if (literals === undefined || literals.size === 0) continue;
    const key = JSON.stringify([...literals]);
    if (!variants.has(key)) variants.set(key, literals);
  }
  return [...variants.values()];
}

function literalsIn(decls: DeclSet, roots: readonly LiteralRoot[], format: AbiId): Map<string, number> | undefined {
  const literals = new Map<string, number>();
  for (const r of roots) {
    let table;
    try {
      table = buildTableOfType(decls, r.type, abiSpec(format));
    } catch {
      return undefined; // a type with no layout in this format
    }
    const root = table.types[table.root]!;
    if (r.stride === "array" && root.tag === "array_type") literals.set(hoistedFieldName(r.name, "stride"), root.stride);
    if (r.stride === "element") literals.set(hoistedFieldName(r.name, "stride"), root.byteSize);
    for (const [chainKey, pathName] of r.paths) {
      if (chainKey.includes(">")) continue; // after a pointer: another object's layout
      const hop = hopLayout(table, chainKey);
      if (hop === undefined) continue;
      PATH_FIELDS.forEach((field, k) => {
        if (r.fields.has(`${pathName}.${field}`)) literals.set(hoistedFieldName(r.name, `${pathName}.${field}`), field === "o" ? hop.o : hop.strides[k - 1] ?? 0);
      });
    }
  }
  return literals;
}

/** RefShape is what precompiledLiterals reads of a front-end's LocalRef. */
export interface RefShape {
  readonly name: string;
  readonly binding: { readonly type: CType };
  readonly paths: ReadonlyMap<string, string>;
  readonly fields: ReadonlySet<string>;
}

/** precompiledLiterals are the literals of a used fast copy's precompiled copies: its roots (typed-array and proven ones) laid out in each `formats` layout. */
export function precompiledLiterals<Node, Binding, Ref extends RefShape>(decls: DeclSet, fast: FastLoopState<Node, Binding, Ref>, formats: readonly AbiId[]): ReadonlyMap<string, number>[] {
  const roots = [...new Set<Ref>([...fast.arrays.keys(), ...fast.proven.keys()])].map((r): LiteralRoot => ({
    name: r.name, type: r.binding.type, paths: r.paths, fields: r.fields,
    stride: fast.forOf?.variable === r ? "element" : fast.proven.has(r) ? "array" : undefined,
  }));
  return layoutLiterals(decls, roots, formats);
}
