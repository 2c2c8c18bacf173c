/**
 * main.ts — `npm run demo`: a multi-kernel machine in one Node process (docs/demo.md).
 *
 * The main thread boots a wasm32 C kernel on a shared WebAssembly.Memory and puts
 * a typed memory (directory and areas) inside it; worker threads are TypeScript
 * kernel instances built for other formats. All of them fork, run and steal tasks
 * through process descriptors, run queues and per-unit counters in that memory;
 * then the same workload runs with postMessage, and invariants are checked.
 */
import type { Worker } from "node:worker_threads";
import type { AbiId } from "@typedc/core";
import { bindView, hostAbi, sizeof, type Strategy } from "@typedc/runtime";
import { AREA, openShared, publishedOf, statsView } from "./areas";
import { boot, C_FORMAT } from "./boot";
import { runBroker } from "./broker";
import { sameAsWasm32 } from "./c-compat";
import { accountedOnce, check, printChecks, type Check } from "./checks";
import { newControl } from "./control";
import type { Attached } from "./messages";
import { MAX_TASKS, parseDemoOptions, type DemoOptions } from "./options";
import { runShared } from "./shared-run";
import { nextMessage, spawnWorker } from "./spawn";
import { loadDemoTypes, sizeofIn } from "./types";
import { compileHotInWorker } from "./compile";
import { useCompiledHot } from "./hot-select";
import { checkBytes, checkScan, checkTasksAndCounters, expectedPids, type VerifyInput } from "./verify";
import { warmUp, WARMUP_TASKS } from "./warmup";

/** MP_WARMUP_ITERATIONS: an untimed message-passing run of this many tasks per unit comes first, as the shared-memory run is warmed up. */
const MP_WARMUP_ITERATIONS = WARMUP_TASKS;
import { wasmOps } from "./wasm-unit";
import { costCyclesOf, EXIT_DEAD } from "./workload";

const log = (line = "") => console.log(line);
const pad = (s: string | number, n: number) => String(s).padEnd(n);


async function main(opts: DemoOptions): Promise<number> {
  const units = opts.workers + 1; // the workers, then the C kernel's unit
  const cUnit = units - 1;
  const total = units * opts.iterations;
  if (total > MAX_TASKS) {
    console.error(`error: ${units} units × ${opts.iterations} iterations = ${total} tasks; the 2 MiB wasm memory holds at most ${MAX_TASKS}`);
    return 2;
  }
  const workerFormats = Array.from({ length: opts.workers }, (_, i) => opts.formats[i % opts.formats.length]!);
  const unitFormats: AbiId[] = [...new Set([...workerFormats, C_FORMAT])]; // the counters policy chooses among these
  const unitName = (u: number) => (u === cUnit ? `u${u} [wasm32 C kernel]` : `u${u} [${workerFormats[u]}]`);
  const strategy: Strategy = opts.strategy;
  const types = loadDemoTypes();
  let compiledHot: string | undefined;
  if (opts.compiled) {
    const compiled = await compileHotInWorker(); // the TypeScript program stays out of this thread's heap
    compiledHot = compiled.hotPath;
    useCompiledHot(compiledHot);
    log(`compiled demo/src/hot.ts with the typedc tsc plugin (transformFiles) in ${compiled.ms.toFixed(0)} ms: ${compiled.files} modules in demo/.compiled`);
  }

  // Boot: the C kernel, the typed memory inside its memory, the areas it works on.
  const booted = boot(types, units, opts.iterations);
  const { kernel, memory, directoryOffset } = booted;
  const k = kernel.exports;
  log(`typedc demo: ${opts.workers} TypeScript kernel instances (worker threads) and the wasm32 C kernel share one WebAssembly.Memory`);
  const accessors = opts.compiled ? "compiled accesses (tsc plugin) on the per-task path, views elsewhere" : "dynamic views";
  log(`  ${units} units × ${opts.iterations} tasks = ${total} tasks; ${accessors}; views morph with the '${strategy}' strategy`);
  log(`  wasm memory ${kernel.memory.buffer.byteLength} bytes: C data and stack [0, ${kernel.heapBase}), directory at ${directoryOffset}, heap [${memory.directory.heapStart}, ${memory.directory.heapEnd})`);

  // Workers: each attaches as an agent built for its own format; worker 0 creates the counters.
  const ctrl = newControl();
  const workers: Worker[] = workerFormats.map((format, unit) =>
    spawnWorker({ unit, units, iterations: opts.iterations, format, unitFormats, perfPolicy: opts.perfPolicy, strategy, wasmMemory: kernel.memory, directoryOffset, ctrl: ctrl.buffer as SharedArrayBuffer, compiledHot, messages: opts.messages }),
  );
  const failures: Error[] = [];
  workers.forEach((w) => w.on("error", (e) => failures.push(e)));
  const exited = workers.map((w) => new Promise<number>((resolve) => w.once("exit", resolve))); // listen now: a worker may end early
  try {
    const attached: Attached[] = await Promise.all(workers.map((w) => nextMessage(w, "attached", opts.timeoutMs)));
    const host = hostAbi();
    const { shared } = openShared({ memory, types, format: host, strategy }); // main's TypeScript: built for the host
    const stats = statsView(memory, strategy);
    const perfEntry = memory.query(AREA.perf)!;
    const countersInC = sameAsWasm32(perfEntry.table, types.PerfUnit[C_FORMAT]!);

    log();
    log("== creation: who created each area, in which format, chosen how");
    const perfCreator = attached.find((a) => a.facts.some((f) => f.name === AREA.perf && f.created));
    const how: Record<string, [string, string]> = {
      [AREA.tasks]: ["main (C kernel host)", `by id: ${C_FORMAT}, the C kernel's format`],
      [AREA.runq]: ["main (C kernel host)", `by id: ${C_FORMAT}; C runq_init wrote it`],
      [AREA.stats]: ["main (C kernel host)", `by id: ${C_FORMAT}; C scan_tasks writes it`],
      [AREA.perf]: [perfCreator ? `worker ${perfCreator.unit} [${perfCreator.format}]` : "?", `policy '${opts.perfPolicy}' among ${unitFormats.join(",")}`],
    };
    log(`  ${pad("area", 13)} ${pad("kind", 6)} ${pad("created by", 26)} ${pad("format", 15)} ${pad("bytes", 8)} ${pad("count", 6)} chosen`);
    for (const name of Object.values(AREA)) {
      const q = memory.query(name)!;
      const [who, chosen] = how[name] ?? ["?", "?"];
      log(`  ${pad(name, 13)} ${pad(q.kind, 6)} ${pad(who, 26)} ${pad(q.format, 15)} ${pad(q.byteLength, 8)} ${pad(q.count, 6)} ${chosen}`);
    }
    log();
    log("== attach and morph: each instance's own format, the published one, sizeof(Task) in both");
    const published = sizeof(shared.tasks[0]);
    for (const a of attached) {
      const morph = a.taskVerdict === "identical" ? "identical layout, no morphing" : `${a.taskVerdict}: accessors morph`;
      log(`  worker ${a.unit} built for ${pad(a.format, 15)} sizeof(Task) ${pad(a.sizeofTaskMine, 3)} mine, ${pad(a.sizeofTaskPublished, 3)} published (${memory.query(AREA.tasks)!.format}): ${morph}; reads runq capacity ${a.runqCapacity} (written by C runq_init)`);
    }
    log(`  main   built for ${pad(host, 15)} sizeof(Task) ${pad(sizeofIn(types.Task, host), 3)} mine, ${pad(published, 3)} published; the C kernel: ${k.task_sizeof()} (clang's sizeof(struct task))`);
    log(`  C kernel counts with perf_add (C11 atomics) on ${AREA.perf}: ${countersInC ? `yes, its ${perfEntry.format} layout is wasm32's` : `no, ${perfEntry.format} is laid out differently: the C unit counts through typedc`}`);

    // The shared-memory run.
    warmUp(types, host, publishedOf(shared), strategy);
    const cfg = { unit: cUnit, units, iterations: opts.iterations, steals: false }; // the C kernel runs its own queue; workers steal
    const sharedRun = await runShared(workers, ctrl, shared, wasmOps(shared, k, countersInC), cfg, opts.timeoutMs);
    log();
    log(`== run with typed shared memory: ${sharedRun.ms.toFixed(1)} ms (process CPU ${sharedRun.cpuMs.toFixed(0)} ms, every thread)`);
    for (const r of sharedRun.reports) {
      const steal = sharedRun.firstSteals[r.unit];
      log(`  ${pad(unitName(r.unit), 25)} ran ${pad(r.ran.length, 6)} stole ${pad(r.steals, 5)}${steal ? ` first steal: ${steal}` : ""}`);
    }

    // Checks of the shared-memory run (the C kernel scans last: it increments nr_scans).
    const v: VerifyInput = { shared, stats, kernel: k, wasmMemory: kernel.memory, directoryOffset, units, iterations: opts.iterations, reports: sharedRun.reports, countersInC };
    const checks: Check[] = [];
    checks.push(check(k.task_sizeof() === sizeofIn(types.Task, C_FORMAT) && k.perf_unit_sizeof() === sizeofIn(types.PerfUnit, C_FORMAT) && k.runq_sizeof() === sizeofIn(types.RunQueue, C_FORMAT), "typedc's wasm32 layout is clang's", `sizeof Task/PerfUnit/RunQueue ${k.task_sizeof()}/${k.perf_unit_sizeof()}/${k.runq_sizeof()} from the C kernel`));
    const sizes = [...new Set(attached.map((a) => a.sizeofTaskMine))];
    checks.push(check(attached.every((a) => a.sizeofTaskPublished === published && a.runqCapacity === 64), "every instance bound the published layout", `sizeof(Task) ${published} published; own sizes ${sizes.join(", ")}`));
    checks.push(...checkTasksAndCounters(v));
    const scan = checkScan(v, memory.query(AREA.stats)!.byteOffset);
    log(`  C scan_tasks over the cache: runnable ${scan.summary.runnable}, max_depth ${scan.summary.maxDepth}, comm_hash 0x${scan.summary.commHash.toString(16)}, total_vruntime ${scan.summary.totalVruntime}`);
    checks.push(...scan.checks);
    checks.push(...checkBytes(v));
    checks.push(reapAll(shared, total));

    // The same workload with message passing.
    let ratioLine: string | undefined;
    let cpuLine: string | undefined;
    if (opts.messages) {
      await runBroker(workers, units, MP_WARMUP_ITERATIONS, opts.timeoutMs, false); // untimed: the JIT warms up the message path too
      const mp = await runBroker(workers, units, opts.iterations, opts.timeoutMs);
      log();
      log(`== run with message passing (postMessage of plain objects): ${mp.ms.toFixed(1)} ms (process CPU ${mp.cpuMs.toFixed(0)} ms, every thread)`);
      for (const r of mp.reports) log(`  ${pad(unitName(r.unit), 25)} ran ${pad(r.ran.length, 6)} stole ${r.steals}`);
      const once = accountedOnce(expectedPids(units, opts.iterations), mp.reports.map((r) => r.ran));
      checks.push(check(once.ok, "message passing: every task accounted for exactly once", once.detail));
      const expectedCycles = expectedPids(units, opts.iterations).reduce((n, pid) => n + costCyclesOf(pid), 0);
      const cycles = mp.cycles.reduce((a, b) => a + b, 0);
      const allDead = [...mp.table.values()].every((t) => t.state === EXIT_DEAD);
      checks.push(check(cycles === expectedCycles && mp.events.reduce((a, b) => a + b, 0) === total && allDead && mp.queued.every((n) => n === 0), "message passing: counters exact, queues empty", `cycles ${cycles} (expected ${expectedCycles}), ${mp.table.size} descriptors`));
      ratioLine = `RATIO message passing / typed shared memory = ${(mp.ms / sharedRun.ms).toFixed(2)} (shared memory ${sharedRun.ms.toFixed(1)} ms, message passing ${mp.ms.toFixed(1)} ms, ${total} tasks)`;
      cpuLine = `CPU RATIO message passing / typed shared memory = ${(mp.cpuMs / sharedRun.cpuMs).toFixed(2)} (process CPU time, every thread: shared memory ${sharedRun.cpuMs.toFixed(0)} ms, message passing ${mp.cpuMs.toFixed(0)} ms)`;
    }
    const exitCodes = await Promise.all(exited);
    const clean = failures.length === 0 && exitCodes.every((c) => c === 0);
    checks.push(check(clean, "no worker failed", failures.map((e) => e.message).join("; ") || `${workers.length} workers exited with codes ${exitCodes.join(", ")}`));

    log();
    log("== invariants");
    const failed = printChecks(checks, log);
    if (ratioLine) log(ratioLine);
    if (cpuLine) log(cpuLine);
    log(failed === 0 ? `all ${checks.length} checks passed` : `${failed} of ${checks.length} checks FAILED`);
    return failed === 0 ? 0 : 1;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** reapAll frees every descriptor back to the cache (as an exiting kernel's reaper would) and checks none is left. */
function reapAll(shared: ReturnType<typeof openShared>["shared"], total: number): Check {
  for (let i = 0; i < total; i++) {
    const region = { bytes: shared.memory.bytes, byteOffset: shared.tasksBase + i * shared.taskStride, byteLength: shared.taskStride, addressBase: 0 };
    const object = bindView(shared.cache.table, region); // a view of exactly one cache object, as cache.free wants
    shared.cache.free(object);
  }
  return check(shared.cache.inUse === 0, "every descriptor reaped", `${total} freed, inUse ${shared.cache.inUse}`);
}

process.exitCode = 1; // until main() finishes: an event loop that empties early must not look like success
main(parseDemoOptions(process.argv.slice(2))).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(`FAIL demo stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
