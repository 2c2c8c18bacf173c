/**
 * records: W1 (field sum), W2 (update) and W3 (random reads) over 1M records.
 * Each implementation is first verified against the limit (same W1 and W3
 * results, same records after one W2: digest, and bytes for those that share the
 * area); a mismatch aborts its row with an error. Then each workload is timed
 * pair by pair against the limit (timing.ts).
 */
import { digestView } from "./data.js";
import type { AreaContext } from "./context.js";
import { NotAvailable, type Impl, type ImplFactory } from "./impl.js";
import { errorRow, measuredRow, unavailableRow, type Row } from "./results.js";
import { median, timePair, type TimingOptions } from "./timing.js";

/** RECORD_WORKLOADS are the workloads this module runs. */
export const RECORD_WORKLOADS = ["W1", "W2", "W3"] as const;

type W = (typeof RECORD_WORKLOADS)[number];

/** Expected is what the limit computes: W1's and W3's sums and the records after one W2. */
interface Expected {
  readonly w1: number;
  readonly w3: number;
  readonly digest: string;
  readonly bytes: Uint8Array;
}

function expectedOf(limit: Impl, ctx: AreaContext): Expected {
  ctx.reset();
  const w1 = limit.w1();
  const w3 = limit.w3();
  limit.w2();
  const out = { w1, w3, digest: digestView(ctx.recs, ctx.n), bytes: ctx.area.slice() };
  ctx.reset();
  return out;
}

/** verify throws unless `impl` computes what the limit computed; it leaves the initial records in place. */
export function verify(impl: Impl, expected: Expected, ctx: AreaContext): void {
  ctx.reset();
  impl.reset?.();
  const w1 = impl.w1();
  if (w1 !== expected.w1) throw new Error(`W1 gives ${w1}, the limit ${expected.w1}`);
  const w3 = impl.w3();
  if (w3 !== expected.w3) throw new Error(`W3 gives ${w3}, the limit ${expected.w3}`);
  impl.w2();
  const digest = impl.digest?.() ?? digestView(ctx.recs, ctx.n);
  if (digest !== expected.digest) throw new Error(`W2 leaves records ${digest}, the limit ${expected.digest}`);
  if (impl.digest === undefined) {
    const at = firstDifference(ctx.area, expected.bytes);
    if (at >= 0) throw new Error(`W2 leaves byte ${at} of the area at ${ctx.area[at]}, the limit ${expected.bytes[at]}`);
  }
  ctx.reset();
  impl.reset?.();
}

function firstDifference(x: Uint8Array, y: Uint8Array): number {
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return k;
  return -1;
}

/** RecordResults are the W1–W3 rows by workload and implementation id. */
export type RecordResults = Record<W, Record<string, Row>>;

/**
 * runRecordWorkloads builds the limit (the first factory) and every other
 * implementation, verifies and times each; `log` gets one line per row.
 */
export async function runRecordWorkloads(ctx: AreaContext, factories: readonly ImplFactory[], timing: TimingOptions, log: (line: string) => void): Promise<RecordResults> {
  const out: RecordResults = { W1: {}, W2: {}, W3: {} };
  const limit = await factories[0]!.make(ctx);
  const expected = expectedOf(limit, ctx);
  const limitSamples: Record<W, number[]> = { W1: [], W2: [], W3: [] };
  for (const factory of factories.slice(1)) {
    let impl: Impl;
    try {
      impl = await factory.make(ctx);
      verify(impl, expected, ctx);
    } catch (e) {
      const row = e instanceof NotAvailable ? unavailableRow(e.message) : errorRow(`${factory.id}: ${(e as Error).message}`);
      for (const w of RECORD_WORKLOADS) out[w][factory.id] = row;
      log(`${factory.id.padEnd(26)} ${row.notAvailable !== undefined ? `not available: ${row.notAvailable}` : `ERROR ${row.error}`}`);
      continue;
    }
    const line: string[] = [];
    for (const w of RECORD_WORKLOADS) {
      const key = w === "W1" ? "w1" : w === "W2" ? "w2" : "w3";
      const run = [limit[key].bind(limit), impl[key].bind(impl)];
      const t = timePair(run[0]!, run[1]!, timing);
      limitSamples[w].push(...t.limitMs);
      out[w][factory.id] = measuredRow(median(t.implMs), median(t.ratios), { reps: t.implMs.length });
      line.push(`${w} ${median(t.implMs).toFixed(2).padStart(9)} ms ${median(t.ratios).toFixed(2).padStart(7)}x`);
    }
    ctx.reset();
    impl.reset?.();
    log(`${factory.id.padEnd(26)} ${line.join("   ")}`);
  }
  for (const w of RECORD_WORKLOADS) {
    out[w] = { [factories[0]!.id]: measuredRow(median(limitSamples[w]), 1, { reps: limitSamples[w].length }), ...out[w] };
  }
  return out;
}
