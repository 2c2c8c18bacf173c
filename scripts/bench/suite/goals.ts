/**
 * goals: issue #7's targets, checked against a results document (never used to
 * change what is measured): each goal is met, missed, or not measurable here.
 */
import type { Results, Row } from "./results.js";

/** GoalCheck is one goal's verdict with the numbers behind it. */
export interface GoalCheck {
  readonly goal: string;
  readonly status: "met" | "missed" | "not measured";
  readonly detail: string;
}

const PEERS = ["structurae", "buffer-backed-object", "typed-struct", "restructure", "koffi"];

function ratio(row: Row | undefined): number | null {
  return row?.ratioToLimit ?? null;
}

function check(goal: string, values: (number | null)[], ok: (v: number) => boolean, describe: (v: number) => string): GoalCheck {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0 || known.length < values.length) return { goal, status: "not measured", detail: known.map(describe).join(", ") || "no measurement" };
  return { goal, status: known.every(ok) ? "met" : "missed", detail: known.map(describe).join(", ") };
}

const x = (v: number) => `${v.toFixed(2)}×`;

/** checkGoals evaluates every goal of issue #7 on `results`. */
export function checkGoals(results: Results): GoalCheck[] {
  const w = results.workloads;
  const out: GoalCheck[] = [];
  const rec = ["W1", "W2", "W3"].filter((k) => w[k] !== undefined);
  for (const k of rec) {
    out.push(check(`${k}: typedc-table ≤ 1.2× the limit (bounds checks on)`, [ratio(w[k]!["typedc-table"])], (v) => v <= 1.2, x));
    out.push(check(`${k}: typedc-codegen ≤ 1.05× the limit`, [ratio(w[k]!["typedc-codegen"])], (v) => v <= 1.05, x));
    const table = ratio(w[k]!["typedc-table"]);
    const peerFactors = PEERS.map((p) => {
      const r = ratio(w[k]![p]);
      return r === null || table === null ? null : r / table;
    });
    const peerRecords = w[k]![PEERS[0]!]?.records;
    const peerGoal = check(`${k}: every peer ≥ 30× slower than typedc-table`, peerFactors, (v) => v >= 30, (v) => `${v.toFixed(0)}×`);
    out.push(peerRecords === undefined ? peerGoal : { ...peerGoal, detail: `${peerGoal.detail} (peers: ${PEERS.join(", ")}, on ${peerRecords} records)` });
  }
  if (w.W4 !== undefined) {
    // The goal is set at 1M records; fewer (quick mode) is reported, not judged.
    const row = w.W4["postmessage-objects"];
    const goal = "W4: typed shared memory ≥ 20× faster than postMessage of objects at 1M records";
    const records = row?.records ?? results.records;
    if (row?.ratioToLimit != null && records < 1_000_000) out.push({ goal, status: "not measured", detail: `${x(row.ratioToLimit)} at ${records} records (\`npm run bench:full\` measures 1M)` });
    else out.push(check(goal, [ratio(row)], (v) => v >= 20, x));
  }
  if (w.W5 !== undefined) {
    const morph = Object.entries(w.W5).filter(([k]) => k.startsWith("typedc-morph@"));
    out.push(check("W5: morphing within 1.1× of native reading at every size", morph.map(([, r]) => ratio(r)), (v) => v <= 1.1, x));
    const convert = Object.entries(w.W5).filter(([k]) => k.startsWith("typedc-convert@")).map(([, r]) => r.medianMs);
    const grows = convert.every((v, i) => v !== null && (i === 0 || v > convert[i - 1]!));
    out.push({ goal: "W5: converting grows with size", status: convert.length < 2 ? "not measured" : grows ? "met" : "missed", detail: convert.map((v) => `${v} ms`).join(" → ") });
  }
  if (w.W6 !== undefined) {
    for (const id of ["tsc+typedc-plugin", "typedc-build", "babel+typedc-plugin"]) {
      const row = w.W6[id];
      out.push(row?.notAvailable !== undefined
        ? { goal: `W6: ${id} ≤ 1.3× its baseline`, status: "not measured", detail: row.notAvailable }
        : check(`W6: ${id} ≤ 1.3× its baseline`, [ratio(row)], (v) => v <= 1.3, x));
    }
  }
  return out;
}
