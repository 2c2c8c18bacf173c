/** Align is how a column's cells are padded: text to the left, numbers to the right. */
export type Align = "left" | "right";

/** Column is one column of a text table: its header and alignment. */
export interface Column {
  readonly header: string;
  readonly align: Align;
}

/**
 * tableText renders rows of cells under their headers, every column as wide
 * as its widest cell, two spaces between columns, trailing spaces trimmed.
 * `decorate` may colour a rendered header or cell (it must not change its width).
 */
export function tableText(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  decorate: (text: string, rowIndex: number, columnIndex: number) => string = (text) => text,
): string {
  for (const row of rows) if (row.length !== columns.length) throw new Error("assert: table row width differs from its columns");
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[], rowIndex: number): string =>
    cells
      .map((cell, i) => decorate(columns[i]!.align === "left" ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!), rowIndex, i))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header), -1), ...rows.map((r, i) => line(r, i))].join("\n");
}
