import type { AbiId } from "@typedc/core";

/** NativeCost is one type in one native format and what the unified format costs over it. */
export interface NativeCost {
  readonly byteSize: number;
  /** unified byteSize − native byteSize. */
  readonly overheadBytes: number;
  /** overheadBytes as a percentage of the native size, rounded to 0.01; null when the native size is 0. */
  readonly overheadPercent: number | null;
}

/** OverheadEntry is one type's (or the total's) sizes and costs. */
export interface OverheadEntry {
  readonly name: string;
  readonly unifiedByteSize: number;
  readonly native: Readonly<Partial<Record<AbiId, NativeCost>>>;
}

/** OverheadReport is the paper's Table 1: per type and in total, the unified format's cost over each native format. */
export interface OverheadReport {
  readonly formats: readonly AbiId[];
  readonly types: readonly OverheadEntry[];
  readonly total: OverheadEntry;
}

/** TypeSizes is the input: a type's byteSize in each native format and in the unified format. */
export interface TypeSizes {
  readonly name: string;
  readonly nativeByteSizes: Readonly<Partial<Record<AbiId, number>>>;
  readonly unifiedByteSize: number;
}

/**
 * overheadReport computes, for each type and for the sum over all types, how
 * many bytes (and what percentage) the unified format — every type at its
 * largest size and alignment among `formats` — costs over each native format.
 */
export function overheadReport(formats: readonly AbiId[], types: readonly TypeSizes[]): OverheadReport {
  const entries = types.map((t) => entryOf(t.name, formats, t.nativeByteSizes, t.unifiedByteSize));
  const totals: Partial<Record<AbiId, number>> = {};
  for (const id of formats) totals[id] = types.reduce((sum, t) => sum + nativeSize(t.nativeByteSizes, id), 0);
  const unifiedTotal = types.reduce((sum, t) => sum + t.unifiedByteSize, 0);
  return { formats, types: entries, total: entryOf("total", formats, totals, unifiedTotal) };
}

// entryOf prices one row: the unified size against each native size.
function entryOf(name: string, formats: readonly AbiId[], sizes: Readonly<Partial<Record<AbiId, number>>>, unifiedByteSize: number): OverheadEntry {
  const native: Partial<Record<AbiId, NativeCost>> = {};
  for (const id of formats) {
    const byteSize = nativeSize(sizes, id);
    const overheadBytes = unifiedByteSize - byteSize;
    native[id] = { byteSize, overheadBytes, overheadPercent: byteSize === 0 ? null : Math.round((overheadBytes / byteSize) * 10000) / 100 };
  }
  return { name, unifiedByteSize, native };
}

// nativeSize reads a type's size in one format; every format must have one.
function nativeSize(sizes: Readonly<Partial<Record<AbiId, number>>>, id: AbiId): number {
  const size = sizes[id];
  if (size === undefined) throw new Error(`assert: no native size for format ${id}`);
  return size;
}
