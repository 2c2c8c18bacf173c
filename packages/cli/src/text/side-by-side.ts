import { isAnonName, type FieldLayout, type Field, type RecordLayout, type RecordType } from "@typedc/core";
import type { Palette } from "../color.js";
import { recordAttributesText } from "./attributes.js";
import { declaredField, fieldTypeText, inlineRecordOf } from "./ctype-text.js";
import { summarizeRecord, type Gap, type RecordSummary } from "./holes.js";

const INDENT = "    ";
/** The width of an offset/size cell: `%5d:%2d %4d` for a bit-field, `%5d    %4d` otherwise. */
const CELL_WIDTH = 13;

/** FormatLayout is one record laid out for one format, the input of a side-by-side listing. */
export interface FormatLayout {
  readonly format: string;
  readonly layout: RecordLayout;
}

/**
 * Row is one line of the listing: text on the left (member, hole or total
 * label) and one cell per format, or no cells for a structural line.
 */
interface Row {
  readonly left: string;
  readonly cells?: readonly string[];
  readonly style?: "hole" | "total";
  /** For a member row: its parts, so that names can be lined up across rows (see alignMembers). */
  readonly member?: { readonly depth: number; readonly typeText: string; readonly nameText: string };
}

/**
 * sideBySideText prints one record laid out for several formats in columns, one
 * per format: each member's offset and size (`offset:bit size` for bit-fields),
 * the holes before members, and the totals (size, alignment, holes, padding).
 * A row whose cells are not all equal is marked `*` in the left margin and its
 * differing cells are highlighted. Given the record's declaration, member
 * types carry their member attributes and record attributes follow the brace.
 */
export function sideBySideText(name: string, layouts: readonly FormatLayout[], palette: Palette, record?: RecordType): string {
  if (layouts.length === 0) throw new Error("assert: sideBySideText needs at least one format");
  const rows: Row[] = [
    ...alignMembers(recordRows(layouts.map((l) => l.layout), record, 1)),
    { left: "" },
    ...totalRows(layouts.map((l) => l.layout)),
  ];
  const header: Row = { left: palette.bold(`${layouts[0]!.layout.kind} ${name} {`), cells: layouts.map((l) => l.format) };
  const leftWidth = Math.max(...[header, ...rows].map((r) => visibleLength(r.left)));
  const widths = layouts.map((l) => Math.max(CELL_WIDTH, l.format.length));
  const lines = [renderRow(header, leftWidth, widths, palette, false), ...rows.map((r) => renderRow(r, leftWidth, widths, palette, true))];
  return [...lines, `}${recordAttributesText(record)};`].join("\n");
}

// recordRows lists the members of the same record in every format, with hole rows where any format has a hole.
function recordRows(layouts: readonly RecordLayout[], record: RecordType | undefined, depth: number): Row[] {
  const first = layouts[0]!;
  for (const l of layouts) {
    if (l.fields.length !== first.fields.length || l.fields.some((f, i) => f.name !== first.fields[i]!.name)) {
      throw new Error("assert: layouts of one record in several formats list different members");
    }
  }
  const summaries = layouts.map((l) => summarizeRecord(l));
  const rows: Row[] = [];
  first.fields.forEach((field, index) => {
    const holes = summaries.map((s) => s.holesBefore[index]!);
    if (holes.some((g) => g.byteCount > 0 || g.bitCount > 0)) {
      rows.push({ left: `${INDENT.repeat(depth)}/* XXX hole */`, cells: holes.map(gapText), style: "hole" });
    }
    rows.push(...fieldRows(field, declaredField(record, field.name), layouts.map((l) => l.fields[index]!), depth));
  });
  return rows;
}

// fieldRows prints one member in every format; an inline record opens, lists its members and closes.
function fieldRows(field: FieldLayout, declared: Field | undefined, perFormat: readonly FieldLayout[], depth: number): Row[] {
  const indent = INDENT.repeat(depth);
  const nameText = isAnonName(field.name) ? "" : ` ${field.name}`;
  const cells = perFormat.map(offsetCell);
  if (field.inline === undefined) {
    const typeText = fieldTypeText(field.type, declared);
    return [{ left: `${indent}${typeText}${nameText};`, cells, member: { depth, typeText, nameText: `${nameText.trim()};` } }];
  }
  return [
    { left: `${indent}${field.inline.kind} {` },
    ...recordRows(perFormat.map((f) => f.inline!), inlineRecordOf(declared), depth + 1),
    { left: `${indent}}${recordAttributesText(inlineRecordOf(declared))}${nameText};`, cells },
  ];
}

// alignMembers pads member types to a common width (indent included), so that member names line up as in pahole.
function alignMembers(rows: readonly Row[]): Row[] {
  const typeEnd = Math.max(0, ...rows.map((r) => (r.member ? INDENT.length * r.member.depth + r.member.typeText.length : 0)));
  return rows.map((r) => {
    if (r.member === undefined) return r;
    const typed = `${INDENT.repeat(r.member.depth)}${r.member.typeText}`.padEnd(typeEnd);
    return { ...r, left: `${typed} ${r.member.nameText}` };
  });
}

// offsetCell is a member's `offset size`, or `offset:bit size` for a bit-field (bit within that byte).
function offsetCell(field: FieldLayout): string {
  const byteOffset = String(field.byteOffset).padStart(5);
  const byteSize = String(field.byteSize).padStart(4);
  if (field.bitOffset === undefined) return `${byteOffset}    ${byteSize}`;
  return `${byteOffset}:${String(field.bitOffset - field.byteOffset * 8).padStart(2)} ${byteSize}`;
}

// gapText writes a hole or padding as bytes, bits, or both; empty when there is none.
function gapText(gap: Gap): string {
  const parts: string[] = [];
  if (gap.byteCount > 0) parts.push(String(gap.byteCount));
  if (gap.bitCount > 0) parts.push(`${gap.byteCount > 0 ? "+" : ""}${gap.bitCount} bits`);
  return parts.join(" ");
}

// totalRows are the per-format totals under the members.
function totalRows(layouts: readonly RecordLayout[]): Row[] {
  const summaries: readonly RecordSummary[] = layouts.map((l) => summarizeRecord(l));
  const total = (label: string, cell: (l: RecordLayout, s: RecordSummary) => string): Row => ({
    left: `${INDENT}/* ${label} */`,
    cells: layouts.map((l, i) => cell(l, summaries[i]!)),
    style: "total",
  });
  return [
    total("size", (l) => String(l.byteSize)),
    total("align", (l) => String(l.byteAlign)),
    total("cachelines", (_, s) => String(s.cachelines)),
    total("holes (sum)", (_, s) => `${s.holeCount} (${s.holeBytes})`),
    total("padding", (_, s) => gapText(s.padding) || "0"),
  ];
}

// renderRow pads the left text and right-aligns the cells; marks and highlights cells that differ between formats.
function renderRow(row: Row, leftWidth: number, widths: readonly number[], palette: Palette, markDifferences: boolean): string {
  const cells = row.cells ?? [];
  const differs = markDifferences && cells.some((c) => c !== cells[0]);
  const gutter = differs ? palette.yellow("*") : " ";
  const left = row.style === "hole" ? palette.yellow(row.left) : row.style === "total" ? palette.dim(row.left) : row.left;
  if (cells.length === 0) return `${gutter} ${left}`.trimEnd();
  const rendered = cells.map((c, i) => {
    const padded = c.padStart(widths[i]!);
    return differs && c !== cells[0] ? palette.yellow(padded) : padded;
  });
  return `${gutter} ${left}${" ".repeat(leftWidth - visibleLength(row.left))}  ${rendered.join("  ")}`.trimEnd();
}

// visibleLength is the printed width of a string, ANSI colour sequences excluded.
function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, "").length;
}
