/**
 * shared-run.ts — the main thread's part of the shared-memory run: release the
 * workers, run the C kernel's unit in slices (so worker messages still arrive),
 * and collect every unit's report.
 */
import type { Worker } from "node:worker_threads";
import type { Shared } from "./areas";
import { CTRL } from "./control";
import { nextMessage } from "./spawn";
import { newUnitState, reportOf, step, type UnitConfig, type UnitOps } from "./unit-loop";
import type { RunReport } from "./workload";

/** SharedRunResult is what the shared-memory run produced. */
export interface SharedRunResult {
  readonly ms: number;
  readonly reports: RunReport[];
  /** Each unit's first stealing decision, if it stole. */
  readonly firstSteals: (string | undefined)[];
}

const SLICE_STEPS = 64;

/** runShared waits for the workers to be ready, starts them together, runs the C unit, and collects the reports. */
export async function runShared(workers: readonly Worker[], ctrl: Int32Array, shared: Shared, ops: UnitOps, cfg: UnitConfig, timeoutMs: number): Promise<SharedRunResult> {
  const deadline = Date.now() + timeoutMs;
  while (Atomics.load(ctrl, CTRL.ready) < workers.length) {
    if (Date.now() > deadline) throw new Error("workers did not get ready");
    await new Promise((r) => setTimeout(r, 2));
  }
  const reports = workers.map((w) => nextMessage(w, "shared-done", timeoutMs));
  const started = performance.now();
  Atomics.store(ctrl, CTRL.go, 1);
  Atomics.notify(ctrl, CTRL.go);
  const st = newUnitState();
  for (let finished = false; !finished; ) {
    for (let i = 0; i < SLICE_STEPS; i++) {
      const r = step(shared, ops, cfg, st);
      if (r === "done") finished = true;
      if (r !== "worked") break;
    }
    if (Date.now() > deadline) throw new Error(`shared-memory run timed out after ${timeoutMs} ms`);
    if (!finished) await new Promise((r) => setImmediate(r));
  }
  const done = await Promise.all(reports);
  const ms = performance.now() - started;
  return { ms, reports: [...done.map((d) => d.report), reportOf(cfg, st)], firstSteals: [...done.map((d) => d.firstSteal), st.firstSteal] };
}
