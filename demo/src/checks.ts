/**
 * checks.ts — the invariants the demo ends with, printed as PASS/FAIL lines.
 */

/** Check is one invariant's outcome. */
export interface Check {
  readonly ok: boolean;
  readonly what: string;
  readonly detail: string;
}

/** check makes a Check. */
export function check(ok: boolean, what: string, detail: string): Check {
  return { ok, what, detail };
}

/** printChecks prints every check as a PASS or FAIL line and returns how many failed. */
export function printChecks(checks: readonly Check[], log: (line: string) => void): number {
  for (const c of checks) log(`${c.ok ? "PASS" : "FAIL"} ${c.what}: ${c.detail}`);
  return checks.filter((c) => !c.ok).length;
}

/** accountedOnce checks that the runners' lists hold every expected pid exactly once. */
export function accountedOnce(expected: readonly number[], ranLists: readonly (readonly number[])[]): { ok: boolean; detail: string } {
  const seen = new Map<number, number>();
  for (const list of ranLists) for (const pid of list) seen.set(pid, (seen.get(pid) ?? 0) + 1);
  const missing = expected.filter((pid) => !seen.has(pid));
  const twice = [...seen].filter(([, n]) => n > 1).map(([pid]) => pid);
  const expectedSet = new Set(expected);
  const unknown = [...seen.keys()].filter((pid) => !expectedSet.has(pid));
  const runs = ranLists.reduce((n, l) => n + l.length, 0);
  const ok = missing.length === 0 && twice.length === 0 && unknown.length === 0;
  const sample = (xs: number[]) => xs.slice(0, 5).join(",") + (xs.length > 5 ? ",..." : "");
  const detail = ok
    ? `${expected.length} tasks, ${runs} runs, none missing or repeated`
    : `${missing.length} missing (${sample(missing)}), ${twice.length} run twice (${sample(twice)}), ${unknown.length} unknown (${sample(unknown)})`;
  return { ok, detail };
}
