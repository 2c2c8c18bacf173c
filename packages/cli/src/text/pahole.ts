import { isAnonName, type FieldLayout, type RecordLayout, type RecordType } from "@typedc/core";
import type { Palette } from "../color.js";
import { declaredField, fieldTypeText, inlineRecordOf } from "./ctype-text.js";
import { recordAttributesText } from "./attributes.js";
import { CACHELINE_BYTES, summarizeRecord, type Gap, type RecordSummary } from "./holes.js";

const INDENT = "    ";

/**
 * Row is one line of a pahole listing before column alignment: a member (type,
 * name, offset comment), the closing line of an inline record, or a note
 * (hole, cache-line boundary, blank line) printed as is.
 */
type Row =
  | { readonly kind: "member"; readonly depth: number; readonly typeText: string; readonly nameText: string; readonly comment: string }
  | { readonly kind: "close"; readonly depth: number; /** what follows `}`: attributes, name and `;` */ readonly nameText: string; readonly comment: string }
  | { readonly kind: "note"; readonly depth: number; readonly text: string };

/**
 * paholeText prints one record laid out for one format the way pahole prints a
 * DWARF struct: one line per member with `/* offset size *\/` (bit-fields
 * `/* offset:bit size *\/`), `XXX … hole, try to pack` markers, 64-byte
 * cache-line boundaries, inline records expanded, and the totals underneath.
 * Given the record's declaration, member types are spelled with their member
 * attributes and the record's attributes follow the closing brace.
 */
export function paholeText(name: string, layout: RecordLayout, palette: Palette, record?: RecordType): string {
  const summary = summarizeRecord(layout);
  const rows = [...recordRows(layout, record, summary, 1, palette, true), { kind: "note" as const, depth: 1, text: "" }];
  rows.push(...totalsLines(layout, summary).map((text) => ({ kind: "note" as const, depth: 1, text: palette.dim(text) })));
  return [palette.bold(`${layout.kind} ${name} {`), ...alignRows(rows), `}${recordAttributesText(record)};`].join("\n");
}

// recordRows lists the rows of a record's members at a nesting depth; cache-line markers only at the top.
function recordRows(layout: RecordLayout, record: RecordType | undefined, summary: RecordSummary, depth: number, palette: Palette, topLevel: boolean): Row[] {
  const rows: Row[] = [];
  let lastCacheline = 0;
  layout.fields.forEach((field, index) => {
    rows.push(...holeRows(summary.holesBefore[index]!, depth, palette));
    if (topLevel) {
      const cacheline = Math.floor(field.byteOffset / CACHELINE_BYTES);
      if (cacheline > lastCacheline) {
        rows.push(...cachelineRows(cacheline, field.byteOffset, depth, palette));
        lastCacheline = cacheline;
      }
    }
    rows.push(...fieldRows(field, record, depth, palette));
  });
  return rows;
}

// fieldRows prints one member; an inline record member opens, lists its own members and closes.
function fieldRows(field: FieldLayout, record: RecordType | undefined, depth: number, palette: Palette): Row[] {
  const comment = offsetComment(field);
  const nameText = isAnonName(field.name) ? ";" : `${field.name};`;
  const declared = declaredField(record, field.name);
  if (field.inline === undefined) return [{ kind: "member", depth, typeText: fieldTypeText(field.type, declared), nameText, comment }];
  const inner = field.inline;
  const innerRecord = inlineRecordOf(declared);
  return [
    { kind: "note", depth, text: `${inner.kind} {` },
    ...recordRows(inner, innerRecord, summarizeRecord(inner), depth + 1, palette, false),
    { kind: "close", depth, nameText: `${recordAttributesText(innerRecord)}${isAnonName(field.name) ? "" : ` ${field.name}`};`, comment },
  ];
}

// offsetComment is pahole's `/* offset size */`, or `/* offset:bit size */` for a bit-field (bit within that byte).
function offsetComment(field: FieldLayout): string {
  const byteOffset = String(field.byteOffset).padStart(5);
  if (field.bitOffset === undefined) return `/* ${byteOffset} ${String(field.byteSize).padStart(5)} */`;
  const bitInByte = field.bitOffset - field.byteOffset * 8;
  return `/* ${byteOffset}:${String(bitInByte).padStart(2)} ${String(field.byteSize).padStart(2)} */`;
}

// holeRows prints pahole's hole markers (bits first, as they follow a bit-field), framed by blank lines.
function holeRows(gap: Gap, depth: number, palette: Palette): Row[] {
  if (gap.byteCount === 0 && gap.bitCount === 0) return [];
  const notes: Row[] = [{ kind: "note", depth, text: "" }];
  if (gap.bitCount > 0) notes.push({ kind: "note", depth, text: palette.yellow(`/* XXX ${plural(gap.bitCount, "bit")} hole, try to pack */`) });
  if (gap.byteCount > 0) notes.push({ kind: "note", depth, text: palette.yellow(`/* XXX ${plural(gap.byteCount, "byte")} hole, try to pack */`) });
  notes.push({ kind: "note", depth, text: "" });
  return notes;
}

// cachelineRows marks the last 64-byte boundary crossed before a member, and how far back it was.
function cachelineRows(cacheline: number, byteOffset: number, depth: number, palette: Palette): Row[] {
  const boundary = cacheline * CACHELINE_BYTES;
  const ago = byteOffset - boundary;
  const text = `/* --- cacheline ${cacheline} boundary (${boundary} bytes)${ago > 0 ? ` was ${plural(ago, "byte")} ago` : ""} --- */`;
  return [{ kind: "note", depth, text: palette.cyan(text) }];
}

// totalsLines are pahole's closing comments: size and members, holes, bit-fields, padding, last cache line.
function totalsLines(layout: RecordLayout, s: RecordSummary): string[] {
  const lines = [`/* size: ${layout.byteSize}, cachelines: ${s.cachelines}, members: ${s.memberCount} */`];
  if (layout.kind === "struct") lines.push(`/* sum members: ${s.memberBytes}, holes: ${s.holeCount}, sum holes: ${s.holeBytes} */`);
  if (s.bitfieldBits > 0 || s.bitHoleCount > 0) {
    lines.push(`/* sum bitfield members: ${s.bitfieldBits} bits, bit holes: ${s.bitHoleCount}, sum bit holes: ${s.bitHoleBits} bits */`);
  }
  if (s.padding.byteCount > 0) lines.push(`/* padding: ${s.padding.byteCount} */`);
  if (s.padding.bitCount > 0) lines.push(`/* bit_padding: ${s.padding.bitCount} bits */`);
  if (s.lastCachelineBytes > 0) lines.push(`/* last cacheline: ${s.lastCachelineBytes} bytes */`);
  return lines;
}

// alignRows lays rows out in columns: types padded to the widest type, offset comments in one column.
function alignRows(rows: readonly Row[]): string[] {
  // Widths count the indent too, so that member names line up across nesting depths.
  const typeEnd = Math.max(0, ...rows.map((r) => (r.kind === "member" ? INDENT.length * r.depth + r.typeText.length : 0)));
  const left = (r: Row): string => {
    const indent = INDENT.repeat(r.depth);
    if (r.kind === "member") return `${`${indent}${r.typeText}`.padEnd(typeEnd)} ${r.nameText}`;
    if (r.kind === "close") return `${indent}}${r.nameText}`;
    return r.text === "" ? "" : `${indent}${r.text}`;
  };
  const commentColumn = Math.max(0, ...rows.map((r) => (r.kind === "note" ? 0 : left(r).length))) + 2;
  return rows.map((r) => (r.kind === "note" ? left(r) : `${left(r).padEnd(commentColumn)}${r.comment}`));
}

// plural writes "1 byte", "4 bytes".
function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
