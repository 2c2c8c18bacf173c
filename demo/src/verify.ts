/**
 * verify.ts — the invariants of the shared-memory run, read back from the shared
 * areas by TypeScript and by the C kernel.
 */
import { atomicLoad, readCString, TypedMemory } from "@typedc/runtime";
import { AREA, type Shared } from "./areas";
import { accountedOnce, check, type Check } from "./checks";
import type { SchedStats } from "./kernel-types";
import { hot } from "./hot-select";
import type { KernelExports } from "./wasm-kernel";
import { costCyclesOf, EXIT_DEAD, pidOf, type RunReport } from "./workload";

/** VerifyInput is what the checks look at. */
export interface VerifyInput {
  readonly shared: Shared;
  readonly stats: SchedStats;
  readonly kernel: KernelExports;
  readonly wasmMemory: WebAssembly.Memory;
  readonly directoryOffset: number;
  readonly units: number;
  readonly iterations: number;
  readonly reports: readonly RunReport[];
  readonly countersInC: boolean;
}

/** expectedPids lists every task the units fork. */
export function expectedPids(units: number, iterations: number): number[] {
  const pids: number[] = [];
  for (let u = 0; u < units; u++) for (let k = 0; k < iterations; k++) pids.push(pidOf(u, k));
  return pids;
}

/** fnv1aComm folds a comm string into kernel.c's FNV-1a hash (each byte up to the NUL). */
function fnv1aComm(hash: number, comm: string): number {
  for (const byte of new TextEncoder().encode(comm)) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  return hash;
}

/** ScanSummary is what the C kernel's scan_tasks wrote, for printing. */
export interface ScanSummary {
  readonly runnable: number;
  readonly maxDepth: number;
  readonly commHash: number;
  readonly totalVruntime: bigint;
}

/** checkTasksAndCounters checks the task table, the counters and the queues after the run. */
export function checkTasksAndCounters(v: VerifyInput): Check[] {
  const { shared, units, iterations, reports } = v;
  const total = units * iterations;
  const checks: Check[] = [];
  const once = accountedOnce(expectedPids(units, iterations), reports.map((r) => r.ran));
  checks.push(check(once.ok, "every task accounted for exactly once", once.detail));
  // Each task says who ran it (flags = unit + 1, written by TypeScript or by C's task_set_flags).
  const runnerOf = new Map<number, number>();
  reports.forEach((r) => r.ran.forEach((pid) => runnerOf.set(pid, r.unit)));
  let wrongState = 0;
  let wrongRunner = 0;
  let wrongExec = 0;
  for (let i = 0; i < total; i++) {
    const t = shared.tasks[i]!;
    if (t.state !== EXIT_DEAD) wrongState++;
    if (t.flags !== (runnerOf.get(t.pid) ?? -2) + 1) wrongRunner++;
    if (t.sum_exec_ns !== BigInt(costCyclesOf(t.pid))) wrongExec++;
  }
  const doubleRuns = reports.reduce((n, r) => n + r.doubleRuns, 0);
  checks.push(check(wrongState + wrongRunner + wrongExec + doubleRuns === 0, "every descriptor ran once, by the unit its flags name", `${total} descriptors: ${wrongState} not exited, ${wrongRunner} with a wrong runner, ${wrongExec} with a wrong sum_exec_ns, ${doubleRuns} found already run`));
  // Counters: exact totals, per unit and overall, whichever side (TS Atomics or C11 atomics) added them.
  const perUnit = reports.map((r) => ({
    events: r.ran.length,
    cycles: r.ran.reduce((n, pid) => n + BigInt(costCyclesOf(pid)), 0n),
    misses: r.steals,
  }));
  let counterErrors = 0;
  let cyclesTotal = 0n;
  for (let u = 0; u < units; u++) {
    const p = shared.perf[u]!;
    const got = { events: Number(atomicLoad(p, "events")), cycles: atomicLoad(p, "cycles") as bigint, misses: Number(atomicLoad(p, "misses")) };
    const want = perUnit.find((_, i) => reports[i]!.unit === u)!;
    if (got.events !== want.events || got.cycles !== want.cycles || got.misses !== want.misses) counterErrors++;
    cyclesTotal += got.cycles;
  }
  const expectedCycles = expectedPids(units, iterations).reduce((n, pid) => n + BigInt(costCyclesOf(pid)), 0n);
  const cTotal = v.countersInC ? v.kernel.perf_total_cycles(shared.perfBase, units) : undefined;
  checks.push(
    check(
      counterErrors === 0 && cyclesTotal === expectedCycles && (cTotal === undefined || cTotal === expectedCycles),
      "counter totals exact",
      `${units} units: ${counterErrors} with wrong events/cycles/misses; cycles ${cyclesTotal} (expected ${expectedCycles})` +
        (cTotal === undefined ? "" : `; C perf_total_cycles ${cTotal}`),
    ),
  );
  const queued = Array.from({ length: units }, (_, u) => v.kernel.runq_length(shared.runqBase + u * v.kernel.runq_sizeof()));
  const tsQueued = Array.from({ length: units }, (_, u) => hot().runqLength(shared.runqArray, u));
  checks.push(check(queued.every((n) => n === 0) && tsQueued.every((n) => n === 0), "run queues empty", `C runq_length [${queued.join(", ")}], TypeScript [${tsQueued.join(", ")}]`));
  checks.push(check(shared.cache.inUse === total, "task cache holds every descriptor", `inUse ${shared.cache.inUse} of ${shared.cache.capacity}`));
  return checks;
}

/** checkScan lets the C kernel scan the task cache and compares with what TypeScript reads (both ways). */
export function checkScan(v: VerifyInput, statsByteOffset: number): { checks: Check[]; summary: ScanSummary } {
  const { shared, units, iterations, stats } = v;
  const total = units * iterations;
  let hash = 2166136261;
  let vruntime = 0n;
  for (let i = 0; i < total; i++) {
    hash = fnv1aComm(hash, readCString(shared.tasks[i]!.comm));
    vruntime += shared.tasks[i]!.vruntime;
  }
  const runnable = v.kernel.scan_tasks(shared.tasksBase, total, statsByteOffset);
  const summary = { runnable, maxDepth: stats.max_depth, commHash: stats.comm_hash, totalVruntime: stats.total_vruntime };
  const wantDepth = iterations > 1 ? 1 : 0; // every task's parent is its unit's first task
  const cSawTs = runnable === 0 && stats.runnable === 0 && summary.commHash === hash && summary.totalVruntime === vruntime && summary.maxDepth === wantDepth;
  const checks = [
    check(cSawTs, "C kernel reads what TypeScript wrote", `scan_tasks: runnable ${runnable}, comm_hash 0x${summary.commHash.toString(16)} (TypeScript 0x${hash.toString(16)}), total_vruntime ${summary.totalVruntime} (TypeScript ${vruntime}), max_depth ${summary.maxDepth} via parent pointers (expected ${wantDepth})`),
  ];
  let scanned = 0;
  for (let i = 0; i < total; i++) if (shared.tasks[i]!.nr_scans === 1) scanned++;
  checks.push(check(scanned === total, "TypeScript reads what the C kernel wrote", `nr_scans = 1 on ${scanned} of ${total} descriptors; SchedStats read through a typed view`));
  return { checks, summary };
}

/**
 * checkBytes checks that nothing wrote outside the areas: every heap byte outside
 * every published area is still zero (the memory started zeroed), and a fresh
 * attach re-verifies every directory seal and table hash.
 */
export function checkBytes(v: VerifyInput): Check[] {
  const fresh = TypedMemory.from(v.wasmMemory, { directoryOffset: v.directoryOffset });
  const names = fresh.names();
  const sealsOk = Object.values(AREA).every((n) => names.includes(n) && fresh.query(n)!.hash === v.shared.memory.query(n)!.hash);
  const bytes = new Uint8Array(v.wasmMemory.buffer);
  const directory = v.shared.memory.directory;
  const areas = names.map((n) => fresh.query(n)!).sort((a, b) => a.byteOffset - b.byteOffset);
  let changed = 0;
  let checked = 0;
  let cursor = directory.heapStart;
  for (const a of [...areas, { byteOffset: directory.heapEnd, byteLength: 0 }]) {
    for (let i = cursor; i < a.byteOffset; i++, checked++) if (bytes[i] !== 0) changed++;
    cursor = Math.max(cursor, a.byteOffset + a.byteLength);
  }
  return [
    check(sealsOk, "directory seals and published tables intact", `a fresh TypedMemory.from re-verified ${names.length} entries: ${names.join(", ")}`),
    check(changed === 0, "no bytes changed outside the areas", `${checked} heap bytes outside ${areas.length} areas, ${changed} non-zero`),
  ];
}
