/**
 * unit-loop.ts — one scheduling unit of the shared-memory run: fork `iterations`
 * tasks into the task cache and the unit's own run queue, run them, and when the
 * own queue is empty steal from the busiest unit (steal.ts), until every unit's
 * tasks have run. The same loop drives the TypeScript workers and the main
 * thread's wasm32 C kernel unit; only the queue operations differ (UnitOps).
 */
import type { Shared } from "./areas";
import { hot } from "./hot-select";
import { RUN_ALREADY_RAN, RUN_EMPTY } from "./hot";
import { chooseVictim, describeDecision, type UnitLoad } from "./steal";
import type { RunReport } from "./workload";

/** FORK_BATCH is how many tasks a unit forks before it pushes them on its ring (half a 64-slot ring; the message-passing run sends forks in the same batches). */
export const FORK_BATCH = 32;

/** UnitOps are the queue and counter operations of one unit (TypeScript's or the C kernel's). */
export interface UnitOps {
  /** Pushes as many of `indices[start..start+count)` as fit on `unit`'s ring; returns how many it pushed. */
  enqueueMany(unit: number, indices: Int32Array, start: number, count: number): number;
  /** Dequeues the oldest task of `from`'s ring and runs it as `unit` (state, sum_exec_ns, flags, counters): its pid, RUN_EMPTY or RUN_ALREADY_RAN. */
  runFrom(from: number, unit: number, stolen: boolean): number;
  queued(unit: number): number;
  /** Every unit's queue length and `events` counter (what a thief reads). */
  loads(units: number): UnitLoad[];
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
  /** The cache indices of the batch being forked. */
  readonly batch: Int32Array;
}

/** newUnitState starts a unit. */
export function newUnitState(): UnitState {
  return { forked: 0, ran: [], steals: 0, doubleRuns: 0, firstIndex: -1, batch: new Int32Array(FORK_BATCH) };
}

// runOne runs the oldest task of `from`'s ring as this unit; false when that ring was empty.
function runOne(ops: UnitOps, cfg: UnitConfig, st: UnitState, from: number, stolen: boolean): boolean {
  const pid = ops.runFrom(from, cfg.unit, stolen);
  if (pid === RUN_EMPTY) return false;
  if (pid === RUN_ALREADY_RAN) st.doubleRuns++;
  else {
    st.ran.push(pid);
    if (stolen) st.steals++;
  }
  return true;
}

// forkBatch allocates the next batch of tasks from the cache, writes them through this agent's
// morphing accessors, then pushes them on the own ring (running own tasks while it is full).
function forkBatch(shared: Shared, ops: UnitOps, cfg: UnitConfig, st: UnitState): void {
  const count = Math.min(FORK_BATCH, cfg.iterations - st.forked);
  for (let i = 0; i < count; i++) st.batch[i] = shared.cache.allocIndex();
  st.firstIndex = hot().writeTasks(shared.tasks, st.batch, count, cfg.unit, st.forked, st.firstIndex);
  for (let pushed = 0; pushed < count; ) {
    const n = ops.enqueueMany(cfg.unit, st.batch, pushed, count - pushed);
    pushed += n;
    if (n > 0) continue;
    // own ring full: run as many of ours as are left to push first
    for (let i = pushed; i < count && runOne(ops, cfg, st, cfg.unit, false); i++) {
      // each call ran one task
    }
  }
  st.forked += count;
}

/** totalEvents sums every unit's `events` counter. */
export function totalEvents(loads: readonly UnitLoad[]): number {
  return loads.reduce((sum, load) => sum + load.events, 0);
}

/** StepResult: "worked" did something, "idle" found nothing to do yet, "done" every task has run. */
export type StepResult = "worked" | "idle" | "done";

/** step does one unit of work: fork a batch of tasks, run one from the own queue, or steal one. */
export function step(shared: Shared, ops: UnitOps, cfg: UnitConfig, st: UnitState): StepResult {
  if (st.forked < cfg.iterations) {
    forkBatch(shared, ops, cfg, st);
    return "worked";
  }
  if (runOne(ops, cfg, st, cfg.unit, false)) return "worked";
  const loads = ops.loads(cfg.units); // every unit's queue and counters, in their published formats
  const victim = cfg.steals ? chooseVictim(loads, cfg.unit) : -1;
  if (victim < 0) return totalEvents(loads) === cfg.units * cfg.iterations ? "done" : "idle";
  if (!runOne(ops, cfg, st, victim, true)) return "idle"; // someone else took it first
  st.firstSteal ??= describeDecision(loads, victim);
  return "worked";
}

/** reportOf is what the unit tells main at the end. */
export function reportOf(cfg: UnitConfig, st: UnitState): RunReport {
  return { unit: cfg.unit, ran: st.ran, steals: st.steals, doubleRuns: st.doubleRuns };
}

/** tsOps are the unit operations of a TypeScript agent: the ring protocol and counters through typed accessors. */
export function tsOps(shared: Shared): UnitOps {
  const queued = new Int32Array(16);
  const events = new Int32Array(16);
  return {
    enqueueMany: (unit, indices, start, count) => hot().enqueueMany(shared.runq[unit]!, indices, start, count),
    runFrom: (from, unit, stolen) => hot().runFrom(shared.tasks, shared.runq[from]!, shared.perf[unit]!, unit, stolen),
    queued: (unit) => hot().runqLength(shared.runqArray, unit),
    loads: (units) => {
      hot().readLoads(shared.runqArray, shared.perfArray, units, queued, events);
      return Array.from({ length: units }, (_, u) => ({ queued: queued[u]!, events: events[u]! }));
    },
  };
}
