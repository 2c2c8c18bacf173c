/**
 * The JSON form of layouts printed by `typedc layout --json` (SPEC §7): a rename of
 * `RecordLayout` (`byteOffset` → `offset`, …) for every named struct and union,
 * aliases included, per ABI.
 */
import type { AbiSpec } from "../abi/spec.js";
import type { DeclSet } from "../ir/ctype.js";
import { layoutOf, recordOf } from "./index.js";
import type { FieldLayout, RecordLayout } from "./types.js";

/** LayoutFieldJson is one member in SPEC §7's `--json` shape. */
export interface LayoutFieldJson {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  readonly bitOffset?: number;
  readonly bitSize?: number;
  readonly inline?: InlineLayoutJson;
}

/** InlineLayoutJson is the layout of an inline record member (offsets relative to that record). */
export interface InlineLayoutJson {
  readonly kind: "struct" | "union";
  readonly size: number;
  readonly fields: readonly LayoutFieldJson[];
}

/** LayoutJson is one named struct or union in SPEC §7's `--json` shape. */
export interface LayoutJson {
  readonly kind: "struct" | "union";
  readonly size: number;
  readonly align: number;
  readonly fields: readonly LayoutFieldJson[];
}

/** layoutJson returns SPEC §7's one-format object: every named struct and union of `decls` (aliases of them included). */
export function layoutJson(decls: DeclSet, abi: AbiSpec): Record<string, LayoutJson> {
  const out: Record<string, LayoutJson> = {};
  for (const name of recordTypeNames(decls)) {
    const layout = layoutOf(decls, name, abi);
    out[name] = { kind: layout.kind, size: layout.byteSize, align: layout.byteAlign, fields: fieldsJson(layout) };
  }
  return out;
}

/** layoutJsonAll returns SPEC §7's several-format object `{ "<ABI id>": layoutJson(...) }`, in the order of `abis`. */
export function layoutJsonAll(decls: DeclSet, abis: readonly AbiSpec[]): Record<string, Record<string, LayoutJson>> {
  const out: Record<string, Record<string, LayoutJson>> = {};
  for (const abi of abis) out[abi.id] = layoutJson(decls, abi);
  return out;
}

/**
 * recordTypeNames lists, in declaration order, the named types SPEC §7 prints: records, and
 * aliases that name a record (`export type T = S;`, through any chain of aliases).
 */
export function recordTypeNames(decls: DeclSet): string[] {
  return Object.keys(decls.types).filter((name) => recordOf(decls, name) !== undefined);
}

// fieldsJson renames each FieldLayout into SPEC §7's keys, in SPEC §7's key order.
function fieldsJson(layout: RecordLayout): LayoutFieldJson[] {
  return layout.fields.map(fieldJson);
}

// fieldJson renames one member; optional keys appear only when present.
function fieldJson(f: FieldLayout): LayoutFieldJson {
  const out: { -readonly [K in keyof LayoutFieldJson]: LayoutFieldJson[K] } = {
    name: f.name,
    offset: f.byteOffset,
    size: f.byteSize,
  };
  if (f.bitOffset !== undefined) out.bitOffset = f.bitOffset;
  if (f.bitSize !== undefined) out.bitSize = f.bitSize;
  if (f.inline !== undefined) out.inline = { kind: f.inline.kind, size: f.inline.byteSize, fields: fieldsJson(f.inline) };
  return out;
}
