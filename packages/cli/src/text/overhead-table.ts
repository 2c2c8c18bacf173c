import type { Palette } from "../color.js";
import type { NativeCost, OverheadEntry, OverheadReport } from "../overhead.js";
import { tableText, type Column } from "./table.js";

/**
 * overheadTableText prints an overhead report as the paper's Table 1: one row
 * per type and a total row; columns are the size in each native format, the
 * unified size, and the unified format's cost over each native format
 * (`+bytes (percent)`).
 */
export function overheadTableText(report: OverheadReport, palette: Palette): string {
  const columns: Column[] = [
    { header: "type", align: "left" },
    ...report.formats.map((id) => ({ header: id, align: "right" as const })),
    { header: "unified", align: "right" },
    ...report.formats.map((id) => ({ header: `over ${id}`, align: "right" as const })),
  ];
  const row = (e: OverheadEntry): string[] => [
    e.name,
    ...report.formats.map((id) => String(e.native[id]!.byteSize)),
    String(e.unifiedByteSize),
    ...report.formats.map((id) => costText(e.native[id]!)),
  ];
  const rows = [...report.types.map(row), row(report.total)];
  const totalIndex = rows.length - 1;
  const firstCost = 2 + report.formats.length;
  return tableText(columns, rows, (text, r, c) => {
    if (r === -1 || r === totalIndex) return palette.bold(text);
    return c >= firstCost && /\+[1-9]/.test(text) ? palette.yellow(text) : text;
  });
}

// costText writes `+12 (33.33%)`, `+0 (0%)`, or `+4 (n/a)` over an empty native type.
function costText(cost: NativeCost): string {
  const sign = cost.overheadBytes >= 0 ? "+" : "";
  const percent = cost.overheadPercent === null ? "n/a" : `${cost.overheadPercent}%`;
  return `${sign}${cost.overheadBytes} (${percent})`;
}
