/**
 * steal.ts — the work-stealing decision: an idle unit reads every other unit's
 * queue length and performance counters (in shared memory: another unit's area,
 * in its published format) and picks the unit to take work from.
 */

/** UnitLoad is what an idle unit sees of one unit. */
export interface UnitLoad {
  readonly queued: number;
  /** Tasks the unit has run so far (its `events` counter). */
  readonly events: number;
}

/**
 * chooseVictim picks the unit with the most queued tasks; on a tie, the one that
 * has run fewest tasks (it is the slowest to drain its queue). -1: nothing to steal.
 */
export function chooseVictim(loads: readonly UnitLoad[], self: number): number {
  let victim = -1;
  loads.forEach((load, unit) => {
    if (unit === self || load.queued === 0) return;
    const best = victim < 0 ? undefined : loads[victim]!;
    if (!best || load.queued > best.queued || (load.queued === best.queued && load.events < best.events)) victim = unit;
  });
  return victim;
}

/** describeDecision prints a stealing decision: every unit's queue and counters, and the victim. */
export function describeDecision(loads: readonly UnitLoad[], victim: number): string {
  const units = loads.map((l, u) => `u${u} ${l.queued}q/${l.events}run`).join(", ");
  return `[${units}] -> steal from u${victim}`;
}
