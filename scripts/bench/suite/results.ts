/**
 * results: the shape of docs/bench/results.json (issue #7):
 * `{ machine, node, date, workloads: { W1: { "<impl>": { medianMs, ratioToLimit } } } }`,
 * a row being either measured, not available (with the reason) or failed (with the error).
 */
import * as os from "node:os";

/** Row is one implementation's result in one workload. */
export interface Row {
  /** Median duration of one run (W4: all rounds; W6: one build), ms; null when not measured. */
  readonly medianMs: number | null;
  /** Median of the per-repetition ratios to the workload's limit (its baseline in W5/W6); null when not measured. */
  readonly ratioToLimit: number | null;
  /** The row this one's ratio is taken against, when it is not `limit-dataview`. */
  readonly limit?: string;
  readonly reps?: number;
  /** Records (W1–W5) or modules (W6) one run handles, when it differs from the document's `records`. */
  readonly records?: number;
  readonly notAvailable?: string;
  readonly error?: string;
  readonly note?: string;
}

/** Results is the whole document. */
export interface Results {
  readonly machine: { readonly cpu: string; readonly cores: number; readonly memoryGiB: number; readonly os: string };
  readonly node: string;
  readonly date: string;
  readonly mode: string;
  readonly records: number;
  readonly workloads: Record<string, Record<string, Row>>;
  readonly notes: string[];
}

/** machineInfo describes the machine the suite ran on. */
export function machineInfo(): Results["machine"] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** measuredRow builds a row from medians. */
export function measuredRow(medianMs: number, ratioToLimit: number, extra: Partial<Row> = {}): Row {
  return { medianMs: round(medianMs), ratioToLimit: round(ratioToLimit), ...extra };
}

/** unavailableRow is a row that cannot be measured in this checkout. */
export function unavailableRow(reason: string): Row {
  return { medianMs: null, ratioToLimit: null, notAvailable: reason };
}

/** errorRow is a row aborted by a failed verification or a thrown error. */
export function errorRow(error: string): Row {
  return { medianMs: null, ratioToLimit: null, error };
}

// round keeps 4 significant digits (enough for timing noise).
function round(x: number): number {
  return Number(x.toPrecision(4));
}
