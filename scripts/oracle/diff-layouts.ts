/**
 * diffLayouts compares the engine's SPEC §7 multi-format layout JSON with clang's
 * (expected.json) and describes every difference as one line naming the ABI, the
 * type, the field path and both values.
 */
import type { LayoutFieldJson, LayoutJson } from "../../packages/core/src/layout/json.js";

type MultiLayout = Readonly<Record<string, Readonly<Record<string, LayoutJson>>>>;

/** LayoutDiff is one difference: where, and what clang and the engine say. */
export interface LayoutDiff {
  readonly abi: string;
  readonly type: string;
  readonly path: string;
  readonly clang: unknown;
  readonly engine: unknown;
}

/** diffLayouts returns every difference between clang's layouts and the engine's, ABI by ABI, type by type. */
export function diffLayouts(clang: MultiLayout, engine: MultiLayout): LayoutDiff[] {
  const diffs: LayoutDiff[] = [];
  for (const abi of union(Object.keys(clang), Object.keys(engine))) {
    const c = clang[abi];
    const e = engine[abi];
    if (c === undefined || e === undefined) {
      diffs.push({ abi, type: "*", path: "", clang: c === undefined ? "absent" : "present", engine: e === undefined ? "absent" : "present" });
      continue;
    }
    for (const type of union(Object.keys(c), Object.keys(e))) diffType(diffs, abi, type, c[type], e[type]);
  }
  return diffs;
}

/** formatDiff prints one difference: `x86_64-windows R3.f5 bitOffset: clang 168, engine 160`. */
export function formatDiff(d: LayoutDiff): string {
  const where = d.path === "" ? d.type : `${d.type}.${d.path}`;
  return `${d.abi} ${where}: clang ${JSON.stringify(d.clang)}, engine ${JSON.stringify(d.engine)}`;
}

/** summarizeDiffs prints how many differences each ABI has and the first `limit` of them. */
export function summarizeDiffs(diffs: readonly LayoutDiff[], limit = 12): string {
  const perAbi = new Map<string, Set<string>>();
  for (const d of diffs) perAbi.set(d.abi, (perAbi.get(d.abi) ?? new Set()).add(d.type));
  const counts = [...perAbi].map(([abi, types]) => `${abi}: ${types.size} type(s)`).join(", ");
  const shown = diffs.slice(0, limit).map((d) => "  " + formatDiff(d));
  const more = diffs.length > limit ? [`  … ${diffs.length - limit} more`] : [];
  return [`${diffs.length} difference(s) from clang (${counts}):`, ...shown, ...more].join("\n");
}

// diffType compares one named record.
function diffType(diffs: LayoutDiff[], abi: string, type: string, c: LayoutJson | undefined, e: LayoutJson | undefined): void {
  if (c === undefined || e === undefined) {
    diffs.push({ abi, type, path: "", clang: c === undefined ? "absent" : "present", engine: e === undefined ? "absent" : "present" });
    return;
  }
  for (const key of ["kind", "size", "align"] as const) {
    if (c[key] !== e[key]) diffs.push({ abi, type, path: key, clang: c[key], engine: e[key] });
  }
  diffFields(diffs, abi, type, "", c.fields, e.fields);
}

// diffFields compares member lists position by position (declaration order is layout order).
function diffFields(
  diffs: LayoutDiff[], abi: string, type: string, prefix: string,
  c: readonly LayoutFieldJson[], e: readonly LayoutFieldJson[],
): void {
  if (c.length !== e.length) {
    diffs.push({ abi, type, path: `${prefix}fields.length`, clang: c.map((f) => f.name), engine: e.map((f) => f.name) });
  }
  for (let i = 0; i < Math.min(c.length, e.length); i++) {
    const cf = c[i]!;
    const ef = e[i]!;
    const at = `${prefix}${cf.name}`;
    for (const key of ["name", "offset", "size", "bitOffset", "bitSize"] as const) {
      if (cf[key] !== ef[key]) diffs.push({ abi, type, path: `${at} ${key}`, clang: cf[key], engine: ef[key] });
    }
    if ((cf.inline === undefined) !== (ef.inline === undefined)) {
      diffs.push({ abi, type, path: `${at} inline`, clang: cf.inline !== undefined, engine: ef.inline !== undefined });
    } else if (cf.inline !== undefined && ef.inline !== undefined) {
      for (const key of ["kind", "size"] as const) {
        if (cf.inline[key] !== ef.inline[key]) diffs.push({ abi, type, path: `${at} inline.${key}`, clang: cf.inline[key], engine: ef.inline[key] });
      }
      diffFields(diffs, abi, type, `${at}.`, cf.inline.fields, ef.inline.fields);
    }
    // Any key SPEC §7 does not define is a difference too (the shapes must match exactly).
    const extra = Object.keys(ef).filter((k) => !["name", "offset", "size", "bitOffset", "bitSize", "inline"].includes(k));
    if (extra.length > 0) diffs.push({ abi, type, path: `${at} keys`, clang: [], engine: extra });
  }
}

// union returns the keys of both lists, first-seen order.
function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
