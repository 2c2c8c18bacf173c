import type { FieldLayout, RecordLayout } from "@typedc/core";

/** CACHELINE_BYTES is the cache-line size pahole assumes by default (x86-64, AArch64 and most others). */
export const CACHELINE_BYTES = 64;

/** Gap is unused space before a field (a hole) or at the end of a record (padding), split into whole bytes and leftover bits. */
export interface Gap {
  readonly byteCount: number;
  readonly bitCount: number;
}

/**
 * RecordSummary is pahole's accounting of one record: the hole before each
 * field (`holesBefore[i]`, zero for unions and for packed neighbours), the
 * trailing padding, and the totals printed under the record.
 */
export interface RecordSummary {
  readonly holesBefore: readonly Gap[];
  readonly padding: Gap;
  readonly memberCount: number;
  /** Bytes of the members that are not bit-fields. */
  readonly memberBytes: number;
  /** Bits of the bit-field members. */
  readonly bitfieldBits: number;
  /** Holes of at least one whole byte, and their sum in bytes. */
  readonly holeCount: number;
  readonly holeBytes: number;
  /** Holes with leftover bits (between bit-fields), and their sum in bits. */
  readonly bitHoleCount: number;
  readonly bitHoleBits: number;
  readonly cachelines: number;
  /** Bytes used in the last cache line; 0 when the size is a multiple of CACHELINE_BYTES. */
  readonly lastCachelineBytes: number;
}

/**
 * fieldBitSpan returns the bits a field occupies, [start, end), counted from the
 * start of its record in memory order: a bit-field its `bitSize` bits from
 * `bitOffset` (DW_AT_data_bit_offset), any other field its whole bytes.
 */
export function fieldBitSpan(field: FieldLayout): { startBit: number; endBit: number } {
  if (field.bitOffset !== undefined && field.bitSize !== undefined) {
    return { startBit: field.bitOffset, endBit: field.bitOffset + field.bitSize };
  }
  return { startBit: field.byteOffset * 8, endBit: (field.byteOffset + field.byteSize) * 8 };
}

/** isBitfield tells whether a field layout is a bit-field. */
export function isBitfield(field: FieldLayout): boolean {
  return field.bitSize !== undefined;
}

/** splitBits splits a number of bits into whole bytes and leftover bits. */
export function splitBits(bitCount: number): Gap {
  return { byteCount: Math.floor(bitCount / 8), bitCount: bitCount % 8 };
}

/**
 * summarizeRecord computes holes, padding and totals of a record layout.
 * In a struct a hole is the gap between the furthest bit used so far and the
 * next field's first bit; in a union every member starts at 0, so there are
 * no holes, only padding after the largest member.
 */
export function summarizeRecord(layout: RecordLayout): RecordSummary {
  const holesBefore: Gap[] = [];
  let usedEndBit = 0;
  for (const field of layout.fields) {
    const span = fieldBitSpan(field);
    const gapBits = layout.kind === "struct" ? Math.max(0, span.startBit - usedEndBit) : 0;
    holesBefore.push(splitBits(gapBits));
    usedEndBit = Math.max(usedEndBit, span.endBit);
  }
  const holes = holesBefore.filter((g) => g.byteCount > 0);
  const bitHoles = holesBefore.filter((g) => g.bitCount > 0);
  const plainFields = layout.fields.filter((f) => !isBitfield(f));
  return {
    holesBefore,
    padding: splitBits(Math.max(0, layout.byteSize * 8 - usedEndBit)),
    memberCount: layout.fields.length,
    memberBytes: sum(plainFields.map((f) => f.byteSize)),
    bitfieldBits: sum(layout.fields.filter(isBitfield).map((f) => f.bitSize ?? 0)),
    holeCount: holes.length,
    holeBytes: sum(holes.map((g) => g.byteCount)),
    bitHoleCount: bitHoles.length,
    bitHoleBits: sum(bitHoles.map((g) => g.bitCount)),
    cachelines: Math.ceil(layout.byteSize / CACHELINE_BYTES),
    lastCachelineBytes: layout.byteSize % CACHELINE_BYTES,
  };
}

// sum adds up numbers.
function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
