/**
 * chart: a small SVG bar chart of the results (no browser, no dependency): one
 * group per workload, one bar per measured row, bar length = ratio to the
 * workload's limit on a log scale, the ratio printed at the bar's end.
 */
import type { Results } from "./results.js";

const WIDTH = 900;
const BAR_HEIGHT = 14;
const GAP = 4;
const LABEL_WIDTH = 250;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 80;

// escapeXml makes text safe inside SVG.
function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const PEERS: ReadonlySet<string> = new Set(["structurae", "buffer-backed-object", "typed-struct", "restructure", "koffi"]);

// colorOf picks a bar colour by the kind of row: baselines grey, typedc blue, the JS struct libraries orange, the rest green.
function colorOf(id: string): string {
  if (id.startsWith("limit") || id === "tsc-emit" || id === "tsc-cli" || id === "babel-preset-typescript" || id.startsWith("typedc-native")) return "#888888";
  if (id.startsWith("typedc")) return "#2b7bb9";
  if (PEERS.has(id.split("@")[0]!)) return "#d9822b";
  return "#5b9a4f"; // hand-written code, plain objects, message passing, other compilers
}

/** renderChart returns the SVG text for the measured rows of every workload. */
export function renderChart(results: Results): string {
  const rows: { workload: string; id: string; ratio: number }[] = [];
  for (const [w, table] of Object.entries(results.workloads)) {
    for (const [id, row] of Object.entries(table)) if (row.ratioToLimit !== null) rows.push({ workload: w, id, ratio: row.ratioToLimit });
  }
  const maxRatio = Math.max(10, ...rows.map((r) => r.ratio));
  const minRatio = Math.min(0.1, ...rows.map((r) => r.ratio));
  const logMin = Math.log10(minRatio), logMax = Math.log10(maxRatio);
  const x = (ratio: number) => LABEL_WIDTH + ((Math.log10(ratio) - logMin) / (logMax - logMin)) * PLOT_WIDTH;
  const parts: string[] = [];
  let y = 40;
  let lastWorkload = "";
  for (const r of rows) {
    if (r.workload !== lastWorkload) {
      y += 12;
      parts.push(`<text x="4" y="${y + 10}" font-weight="bold">${escapeXml(r.workload)}</text>`);
      y += 18;
      lastWorkload = r.workload;
    }
    const x0 = x(minRatio);
    parts.push(`<text x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT - 3}" text-anchor="end">${escapeXml(r.id)}</text>`);
    parts.push(`<rect x="${x0}" y="${y}" width="${Math.max(1, x(r.ratio) - x0).toFixed(1)}" height="${BAR_HEIGHT}" fill="${colorOf(r.id)}"/>`);
    parts.push(`<text x="${(x(r.ratio) + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 3}">${r.ratio < 10 ? r.ratio.toFixed(2) : Math.round(r.ratio)}×</text>`);
    y += BAR_HEIGHT + GAP;
  }
  const height = y + 30;
  const grid: string[] = [];
  for (let p = Math.ceil(logMin); p <= Math.floor(logMax); p++) {
    const gx = x(10 ** p).toFixed(1);
    grid.push(`<line x1="${gx}" y1="30" x2="${gx}" y2="${height - 20}" stroke="#dddddd"/>`);
    grid.push(`<text x="${gx}" y="${height - 6}" text-anchor="middle" fill="#666666">${10 ** p}×</text>`);
  }
  const title = `typedc benchmarks: time relative to each workload's limit (log scale), ${escapeXml(results.mode)} mode, node ${escapeXml(results.node)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="4" y="18" font-size="13" font-weight="bold">${title}</text>`,
    ...grid,
    ...parts,
    `</svg>`,
    "",
  ].join("\n");
}
