/**
 * workload.ts — what every unit does to a task, the same in the shared-memory run,
 * in the message-passing run and in the checks: deterministic task contents and costs.
 */

/** TASK_RUNNING is the `state` of a runnable task (Linux; kernel.c's scan_tasks ages only these). */
export const TASK_RUNNING = 0;
/** EXIT_DEAD is the `state` of a task that has run (Linux's EXIT_DEAD). */
export const EXIT_DEAD = 16;

/** pidOf is the pid of the k-th task forked by a unit (unique across units). */
export function pidOf(unit: number, k: number): number {
  return (unit + 1) * 1_000_000 + k;
}

/** unitOfPid is the unit that forked a task. */
export function unitOfPid(pid: number): number {
  return Math.floor(pid / 1_000_000) - 1;
}

/** commOf is a task's name: at most 15 bytes, so it fits `comm[16]` with its NUL. */
export function commOf(unit: number, k: number): string {
  return `u${unit}/t${k}`;
}

/** prioOf is a task's nice-like priority (fits `prio : 8`). */
export function prioOf(pid: number): number {
  return 100 + (pid % 40);
}

/** costCyclesOf is the cycles running a task costs (charged to the runner's counters). */
export function costCyclesOf(pid: number): number {
  return 1000 + (pid % 997);
}

/** PlainTask is a task as a plain object: what the message-passing run sends. */
export interface PlainTask {
  pid: number;
  state: number;
  comm: string;
  vruntime: bigint;
  parent: number; // the parent's pid, 0 for none
  flags: number;
  prio: number;
  nr_scans: number;
  sum_exec_ns: bigint;
}

/** plainTaskOf is the k-th task of a unit as a plain object (parent: the unit's first task). */
export function plainTaskOf(unit: number, k: number): PlainTask {
  const pid = pidOf(unit, k);
  return { pid, state: TASK_RUNNING, comm: commOf(unit, k), vruntime: BigInt(k), parent: k === 0 ? 0 : pidOf(unit, 0), flags: 0, prio: prioOf(pid), nr_scans: 0, sum_exec_ns: 0n };
}

/** runPlainTask does a task's work on a plain object; returns false when the task had already run. */
export function runPlainTask(t: PlainTask, runnerUnit: number): boolean {
  if (t.state !== TASK_RUNNING) return false;
  t.state = EXIT_DEAD;
  t.sum_exec_ns += BigInt(costCyclesOf(t.pid));
  t.flags = runnerUnit + 1;
  return true;
}

/** RunReport is what a unit tells main at the end of a run. */
export interface RunReport {
  readonly unit: number;
  /** pids of the tasks this unit ran, in order. */
  readonly ran: number[];
  /** Tasks this unit took from another unit's queue. */
  steals: number;
  /** Tasks that were found already run (must stay 0). */
  doubleRuns: number;
}
