/**
 * unit-loop.ts — one scheduling unit of the shared-memory run: fork `iterations`
 * tasks into the task cache and the unit's own run queue, run them, and when the
 * own queue is empty steal from the busiest unit (steal.ts), until every unit's
 * tasks have run. The same loop drives the TypeScript workers and the main
 * thread's wasm32 C kernel unit; only the queue operations differ (UnitOps).
 */
import type { Shared } from "./areas";
import { hot } from "./hot-select";
import { chooseVictim, describeDecision, type UnitLoad } from "./steal";
import { commOf, costCyclesOf, pidOf, prioOf, type RunReport } from "./workload";

/** UnitOps are the queue and counter operations of one unit (TypeScript's or the C kernel's). */
export interface UnitOps {
  enqueue(unit: number, taskIndex: number): boolean;
  dequeue(unit: number): number;
  queued(unit: number): number;
  /** Charges a run to `unit`'s counters (cycles, one event, one miss when stolen). */
  charge(unit: number, cycles: number, stolen: boolean): void;
  /** Marks the task as run by `unit` (its 4-bit flags). */
  markRunner(taskIndex: number, unit: number): void;
}

/** UnitConfig says which unit this is and how much work there is. */
export interface UnitConfig {
  readonly unit: number;
  readonly units: number;
  readonly iterations: number;
  /** Whether the unit steals from other units when its own queue is empty (the C kernel's unit does not). */
  readonly steals: boolean;
}

/** UnitState is a unit's progress, kept between steps (the main thread runs its unit in slices). */
export interface UnitState {
  forked: number;
  readonly ran: number[];
  steals: number;
  doubleRuns: number;
  firstSteal?: string;
  firstIndex: number;
}

/** newUnitState starts a unit. */
export function newUnitState(): UnitState {
  return { forked: 0, ran: [], steals: 0, doubleRuns: 0, firstIndex: -1 };
}

/** totalEvents sums every unit's `events` counter (atomic loads). */
export function totalEvents(shared: Shared, units: number): number {
  let sum = 0;
  for (let u = 0; u < units; u++) sum += hot().eventsOf(shared.perfArray, u);
  return sum;
}

// fork allocates the next task from the cache and writes it through this agent's morphing view.
function fork(shared: Shared, cfg: UnitConfig, st: UnitState): number {
  const k = st.forked;
  const pid = pidOf(cfg.unit, k);
  const index = shared.cache.allocIndex();
  hot().writeTask(shared.tasks, index, pid, k, commOf(cfg.unit, k), prioOf(pid), k === 0 ? -1 : st.firstIndex);
  if (k === 0) st.firstIndex = index;
  return index;
}

// run does one task's work in place and charges the runner.
function run(shared: Shared, ops: UnitOps, cfg: UnitConfig, st: UnitState, index: number, stolen: boolean): void {
  const pid = hot().runTask(shared.tasks, index, costCyclesOf);
  if (pid < 0) {
    st.doubleRuns++;
    return;
  }
  const cycles = costCyclesOf(pid);
  ops.markRunner(index, cfg.unit);
  ops.charge(cfg.unit, cycles, stolen);
  st.ran.push(pid);
  if (stolen) st.steals++;
}

/** loadsOf reads every unit's queue length and run count (the other units' shared counters). */
export function loadsOf(shared: Shared, ops: UnitOps, units: number): UnitLoad[] {
  const loads: UnitLoad[] = [];
  for (let u = 0; u < units; u++) loads.push({ queued: ops.queued(u), events: hot().eventsOf(shared.perfArray, u) });
  return loads;
}

/** StepResult: "worked" did something, "idle" found nothing to do yet, "done" every task has run. */
export type StepResult = "worked" | "idle" | "done";

/** step does one unit of work: fork one task, run one from the own queue, or steal one. */
export function step(shared: Shared, ops: UnitOps, cfg: UnitConfig, st: UnitState): StepResult {
  if (st.forked < cfg.iterations) {
    const index = fork(shared, cfg, st);
    while (!ops.enqueue(cfg.unit, index)) {
      const own = ops.dequeue(cfg.unit); // own queue full: run one of ours first
      if (own >= 0) run(shared, ops, cfg, st, own, false);
    }
    st.forked++;
    return "worked";
  }
  const own = ops.dequeue(cfg.unit);
  if (own >= 0) {
    run(shared, ops, cfg, st, own, false);
    return "worked";
  }
  const loads = cfg.steals ? loadsOf(shared, ops, cfg.units) : [];
  const victim = cfg.steals ? chooseVictim(loads, cfg.unit) : -1;
  if (victim < 0) return totalEvents(shared, cfg.units) === cfg.units * cfg.iterations ? "done" : "idle";
  const index = ops.dequeue(victim);
  if (index < 0) return "idle"; // someone else took it first
  st.firstSteal ??= describeDecision(loads, victim);
  run(shared, ops, cfg, st, index, true);
  return "worked";
}

/** reportOf is what the unit tells main at the end. */
export function reportOf(cfg: UnitConfig, st: UnitState): RunReport {
  return { unit: cfg.unit, ran: st.ran, steals: st.steals, doubleRuns: st.doubleRuns };
}

/** tsOps are the unit operations of a TypeScript agent: the ring protocol and counters through typed views. */
export function tsOps(shared: Shared): UnitOps {
  return {
    enqueue: (unit, index) => hot().enqueue(shared.runqArray, unit, index),
    dequeue: (unit) => hot().dequeue(shared.runqArray, unit),
    queued: (unit) => hot().runqLength(shared.runqArray, unit),
    charge: (unit, cycles, stolen) => hot().charge(shared.perfArray, unit, cycles, stolen),
    markRunner: (index, unit) => hot().setRunner(shared.tasks, index, unit),
  };
}
