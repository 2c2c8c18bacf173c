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
  /** CPU time the whole process (every thread) used during the run (process.cpuUsage). */
  readonly cpuMs: number;
  readonly reports: RunReport[];
  /** Each unit's first stealing decision, if it stole. */
  readonly firstSteals: (string | undefined)[];
}

const SLICE_STEPS = 64;
/** IDLE_MS is how long an idle unit sleeps before it looks again (workers: napMs; both runs alike). */
export const IDLE_MS = 1;

/** runShared waits for the workers to be ready, starts them together, runs the C unit, and collects the reports. */
export async function runShared(workers: readonly Worker[], ctrl: Int32Array, shared: Shared, ops: UnitOps, cfg: UnitConfig, timeoutMs: number): Promise<SharedRunResult> {
  const deadline = Date.now() + timeoutMs;
  while (Atomics.load(ctrl, CTRL.ready) < workers.length) {
    if (Date.now() > deadline) throw new Error("workers did not get ready");
    await new Promise((r) => setTimeout(r, 2));
  }
  const reports = workers.map((w) => nextMessage(w, "shared-done", timeoutMs));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  Atomics.store(ctrl, CTRL.go, 1);
  Atomics.notify(ctrl, CTRL.go);
  const st = newUnitState();
  for (let finished = false; !finished; ) {
    let idle = false;
    for (let i = 0; i < SLICE_STEPS; i++) {
      const r = step(shared, ops, cfg, st);
      if (r === "done") finished = true;
      idle = r === "idle";
      if (r !== "worked") break;
    }
    if (Date.now() > deadline) throw new Error(`shared-memory run timed out after ${timeoutMs} ms`);
    // Idle (its queue drained, others still running): sleep a millisecond as an idle worker does
    // (napMs), instead of spinning on the event loop and taking a core from the workers.
    if (!finished) await new Promise((r) => (idle ? setTimeout(r, IDLE_MS) : setImmediate(r)));
  }
  const done = await Promise.all(reports);
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpuStarted);
  return { ms, cpuMs, reports: [...done.map((d) => d.report), reportOf(cfg, st)], firstSteals: [...done.map((d) => d.firstSteal), st.firstSteal] };
}

/** cpuMsSince is the user and system CPU time of the whole process (every thread) since `start`, in ms. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
