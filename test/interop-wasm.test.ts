/**
 * interop-wasm: a wasm32 C kernel (interop/wasm/kernel.c, built by clang-19) and
 * JavaScript share one WebAssembly.Memory. JavaScript lays out a task table with a
 * plain DataView at the offsets clang chose (read from the kernel's offsetof exports),
 * the kernel works on it, and JavaScript reads the results back.
 */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { ABIS, buildTypeSet, layoutJson } from "@typedc/core";
import { __typed, atomicAdd, atomicLoad, readCString, sizeof, writeCString } from "@typedc/runtime";
import { extractFromFiles } from "@typedc/tsc-plugin";

const WASM_PATH = new URL("../interop/wasm/kernel.wasm", import.meta.url);
const PAGES = 32; // scripts/interop/build-wasm.sh: --max-memory=32 pages

interface KernelExports {
  readonly __heap_base: WebAssembly.Global;
  scan_tasks(tbl: number, n: number, out: number): number;
  task_set_flags(t: number, flags: number, prio: number): void;
  perf_add(units: number, unit: number, cycles: bigint, misses: number): number;
  perf_total_cycles(units: number, n: number): bigint;
  runq_init(q: number): void;
  enqueue(q: number, pid: number): number;
  dequeue(q: number): number;
  runq_length(q: number): number;
  [helper: string]: unknown;
}

const wasmModule = new WebAssembly.Module(readFileSync(WASM_PATH));

/** instantiate creates a shared memory and one kernel instance on it. */
function instantiate() {
  const memory = new WebAssembly.Memory({ initial: PAGES, maximum: PAGES, shared: true });
  const instance = new WebAssembly.Instance(wasmModule, { env: { memory } });
  const kernel = instance.exports as unknown as KernelExports;
  const helper = (name: string): number => (kernel[name] as () => number)();
  const heapBase = kernel.__heap_base.value as number;
  return { memory, kernel, helper, heapBase, view: new DataView(memory.buffer) };
}

/** alignUp returns the smallest multiple of byteAlign that is >= byteOffset. */
const alignUp = (byteOffset: number, byteAlign: number) => Math.ceil(byteOffset / byteAlign) * byteAlign;

describe("wasm32 kernel layout (clang-19, wasm32-unknown-unknown)", () => {
  const { helper } = instantiate();

  it("lays struct task out as the wasm32 C ABI says: ILP32, 8-aligned u64", () => {
    // wasm32 BasicCABI: long and pointers are 4 bytes, uint64_t is 8-aligned,
    // so 4 bytes of padding precede vruntime (offset 24, not 20) and sum_exec_ns.
    expect({
      size: helper("task_sizeof"),
      align: helper("task_alignof"),
      pid: helper("offsetof_task_pid"),
      state: helper("offsetof_task_state"),
      comm: helper("offsetof_task_comm"),
      vruntime: helper("offsetof_task_vruntime"),
      parent: helper("offsetof_task_parent"),
      flagsBit: helper("task_flags_bit_offset"),
      prioBit: helper("task_prio_bit_offset"),
      nrScans: helper("offsetof_task_nr_scans"),
      sumExec: helper("offsetof_task_sum_exec_ns"),
    }).toEqual({ size: 56, align: 8, pid: 0, state: 4, comm: 8, vruntime: 24, parent: 32, flagsBit: 288, prioBit: 292, nrScans: 40, sumExec: 48 });
  });

  it("lays out the counters, run queue and summary", () => {
    expect([helper("perf_unit_sizeof"), helper("offsetof_perf_unit_events"), helper("offsetof_perf_unit_misses")]).toEqual([16, 8, 12]);
    expect([helper("runq_sizeof"), helper("offsetof_runq_committed"), helper("offsetof_runq_slots")]).toEqual([16 + 64 * 4, 8, 16]);
    expect([helper("sched_stats_sizeof"), helper("offsetof_sched_stats_total_vruntime")]).toEqual([24, 16]);
  });
});

describe("wasm32 kernel on a task table written by JavaScript", () => {
  const { kernel, helper, heapBase, view } = instantiate();
  const TASK = {
    size: helper("task_sizeof"),
    pid: helper("offsetof_task_pid"),
    state: helper("offsetof_task_state"),
    comm: helper("offsetof_task_comm"),
    vruntime: helper("offsetof_task_vruntime"),
    parent: helper("offsetof_task_parent"),
    flagsBit: helper("task_flags_bit_offset"),
    prioBit: helper("task_prio_bit_offset"),
    nrScans: helper("offsetof_task_nr_scans"),
    sumExec: helper("offsetof_task_sum_exec_ns"),
  };
  const STATS = {
    runnable: helper("offsetof_sched_stats_runnable"),
    minPid: helper("offsetof_sched_stats_min_vruntime_pid"),
    maxDepth: helper("offsetof_sched_stats_max_depth"),
    commHash: helper("offsetof_sched_stats_comm_hash"),
    total: helper("offsetof_sched_stats_total_vruntime"),
  };
  const table = alignUp(heapBase, 8);
  const tasks = [
    { pid: 1, state: 0, comm: "init", vruntime: 5000n, parent: -1, prio: 120 },
    { pid: 2, state: 1, comm: "kthreadd", vruntime: 100n, parent: 0, prio: 100 },
    { pid: 40, state: 0, comm: "sh", vruntime: 2_000_000_000_000n, parent: 0, prio: 139 },
    { pid: 41, state: 0, comm: "sixteen-chars-xx", vruntime: 1200n, parent: 2, prio: 0 }, // comm without NUL
    { pid: 42, state: -1, comm: "zombie", vruntime: 7n, parent: 3, prio: 255 },
  ];
  const stats = alignUp(table + tasks.length * TASK.size, 8);
  const taskAddr = (i: number) => table + i * TASK.size;

  // Write the table with plain DataView accesses at wasm32 offsets (little-endian).
  view.setUint8(taskAddr(0) - 1, 0xee); // a guard byte the kernel must not touch
  tasks.forEach((t, i) => {
    const at = taskAddr(i);
    view.setInt32(at + TASK.pid, t.pid, true);
    view.setInt32(at + TASK.state, t.state, true); // long: 4 bytes on wasm32
    new TextEncoder().encodeInto(t.comm, new Uint8Array(view.buffer, at + TASK.comm, 16));
    view.setBigUint64(at + TASK.vruntime, t.vruntime, true);
    view.setUint32(at + TASK.parent, t.parent < 0 ? 0 : taskAddr(t.parent), true);
    // flags:4 and prio:8 share one u32 storage unit (SysV, little-endian bit numbering).
    const word = (0b1010 << (TASK.flagsBit % 32)) | (t.prio << (TASK.prioBit % 32));
    view.setUint32(at + Math.floor(TASK.flagsBit / 32) * 4, word, true);
  });

  const runnable = kernel.scan_tasks(table, tasks.length, stats);
  const weight = (prio: number) => BigInt(256 - prio) * 1000n;
  const expectedVruntime = tasks.map((t) => (t.state === 0 ? t.vruntime + weight(t.prio) : t.vruntime));

  it("ages the runnable tasks and counts scans", () => {
    expect(runnable).toBe(3);
    tasks.forEach((t, i) => {
      const at = taskAddr(i);
      expect(view.getBigUint64(at + TASK.vruntime, true)).toBe(expectedVruntime[i]);
      expect(view.getBigUint64(at + TASK.sumExec, true)).toBe(t.state === 0 ? weight(t.prio) / 2n : 0n);
      expect(view.getUint32(at + TASK.nrScans, true)).toBe(1);
      expect(view.getInt32(at + TASK.pid, true)).toBe(t.pid);
    });
    expect(view.getUint8(taskAddr(0) - 1)).toBe(0xee);
  });

  it("writes a summary that follows parent pointers and reads comm strings", () => {
    let hash = 2166136261;
    for (const t of tasks)
      for (const byte of new TextEncoder().encode(t.comm.slice(0, 16))) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
    expect(view.getInt32(stats + STATS.runnable, true)).toBe(3);
    const runnablePids = tasks.map((t, i) => ({ pid: t.pid, v: expectedVruntime[i], runnable: t.state === 0 })).filter((t) => t.runnable);
    const minPid = runnablePids.reduce((a, b) => (b.v < a.v ? b : a)).pid;
    expect(minPid).toBe(1); // init: 5000 + 136000 < 1200 + 256000 (pid 41)
    expect(view.getInt32(stats + STATS.minPid, true)).toBe(minPid);
    expect(view.getInt32(stats + STATS.maxDepth, true)).toBe(3); // zombie → 41 → kthreadd → init
    expect(view.getUint32(stats + STATS.commHash, true)).toBe(hash);
    expect(view.getBigUint64(stats + STATS.total, true)).toBe(expectedVruntime.reduce((a, b) => a + b, 0n));
  });

  it("writes bit-fields where JavaScript reads them", () => {
    kernel.task_set_flags(taskAddr(1), 0x5, 0xc3);
    const word = view.getUint32(taskAddr(1) + Math.floor(TASK.flagsBit / 32) * 4, true);
    expect((word >>> TASK.flagsBit % 32) & 0xf).toBe(0x5);
    expect((word >>> TASK.prioBit % 32) & 0xff).toBe(0xc3);
  });
});

describe("wasm32 kernel atomics on shared memory", () => {
  it("adds per-unit counters that JavaScript Atomics also update", () => {
    const { kernel, helper, heapBase, memory } = instantiate();
    const unitSize = helper("perf_unit_sizeof");
    const units = alignUp(heapBase, 8);
    expect(kernel.perf_add(units, 0, 1000n, 1)).toBe(1);
    expect(kernel.perf_add(units, 0, 2n ** 40n, 0)).toBe(2);
    expect(kernel.perf_add(units, 2, 7n, 3)).toBe(1);
    const cycles = new BigUint64Array(memory.buffer, units, (3 * unitSize) / 8);
    Atomics.add(cycles, unitSize / 8, 5n); // unit 1's cycles, from JavaScript
    const u32 = new Uint32Array(memory.buffer, units, (3 * unitSize) / 4);
    expect(Atomics.load(u32, (2 * unitSize + helper("offsetof_perf_unit_misses")) / 4)).toBe(3);
    expect(kernel.perf_total_cycles(units, 3)).toBe(1000n + 2n ** 40n + 5n + 7n);
  });

  it("keeps the run queue FIFO and bounded", () => {
    const { kernel, helper, heapBase, view } = instantiate();
    const q = alignUp(heapBase, 8);
    kernel.runq_init(q);
    for (let pid = 100; pid < 164; pid++) expect(kernel.enqueue(q, pid)).toBe(0);
    expect(kernel.enqueue(q, 999)).toBe(-1); // 64 slots
    expect(kernel.runq_length(q)).toBe(64);
    expect(view.getInt32(q + helper("offsetof_runq_slots") + 5 * 4, true)).toBe(105);
    expect([kernel.dequeue(q), kernel.dequeue(q)]).toEqual([100, 101]);
    expect(kernel.enqueue(q, 7)).toBe(0); // wraps into slot 0
    expect(view.getInt32(q + helper("offsetof_runq_slots"), true)).toBe(7);
    expect(view.getUint32(q + helper("offsetof_runq_tail"), true)).toBe(65);
  });

  it("loses no enqueue when two threads share the queue", async () => {
    const { memory, kernel, heapBase } = instantiate();
    const q = alignUp(heapBase, 8);
    kernel.runq_init(q);
    // Each worker instantiates the same module on the same memory and enqueues
    // 32 pids while the main thread dequeues; every pid must come out once.
    const code = `
      const { workerData: { bytes, memory, q, first }, parentPort } = require("node:worker_threads");
      const k = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
      let sent = 0;
      for (let pid = first; pid < first + 32; ) if (k.enqueue(q, pid) === 0) { pid++; sent++; }
      parentPort.postMessage(sent);`;
    const bytes = readFileSync(WASM_PATH);
    const workers = [1000, 2000].map((first) => new Worker(code, { eval: true, workerData: { bytes, memory, q, first } }));
    const done = Promise.all(workers.map((w) => new Promise<number>((resolve, reject) => { w.once("message", resolve); w.once("error", reject); })));
    const seen: number[] = [];
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished || kernel.runq_length(q) > 0) {
      const pid = kernel.dequeue(q);
      if (pid >= 0) seen.push(pid);
      else await new Promise((r) => setTimeout(r, 0));
    }
    expect(await done).toEqual([32, 32]);
    await Promise.all(workers.map((w) => w.terminate()));
    expect(seen.filter((p) => p < 2000)).toEqual(Array.from({ length: 32 }, (_, i) => 1000 + i));
    expect(seen.filter((p) => p >= 2000)).toEqual(Array.from({ length: 32 }, (_, i) => 2000 + i));
  });
});

describe("wasm32 kernel through the typedc runtime (interop/wasm/kernel.ts)", () => {
  const extracted = extractFromFiles(ts as never, [new URL("../interop/wasm/kernel.ts", import.meta.url).pathname]);
  const decls = extracted.value;
  const typeOf = (name: string) => buildTypeSet(decls, name, [ABIS.wasm32]);

  it("computes the layout clang chose for wasm32", () => {
    expect(extracted.diagnostics).toEqual([]);
    const { helper } = instantiate();
    const layout = layoutJson(decls, ABIS.wasm32);
    const task = Object.fromEntries(layout.Task!.fields.map((f) => [f.name, f.bitOffset ?? f.offset]));
    expect([layout.Task!.size, layout.Task!.align]).toEqual([helper("task_sizeof"), helper("task_alignof")]);
    expect(task).toEqual({
      pid: helper("offsetof_task_pid"),
      state: helper("offsetof_task_state"),
      comm: helper("offsetof_task_comm"),
      vruntime: helper("offsetof_task_vruntime"),
      parent: helper("offsetof_task_parent"),
      flags: helper("task_flags_bit_offset"),
      prio: helper("task_prio_bit_offset"),
      nr_scans: helper("offsetof_task_nr_scans"),
      sum_exec_ns: helper("offsetof_task_sum_exec_ns"),
    });
    const offsets = (name: string) => Object.fromEntries(layout[name]!.fields.map((f) => [f.name, f.offset]));
    expect([layout.PerfUnit!.size, offsets("PerfUnit")]).toEqual([
      helper("perf_unit_sizeof"),
      { cycles: helper("offsetof_perf_unit_cycles"), events: helper("offsetof_perf_unit_events"), misses: helper("offsetof_perf_unit_misses") },
    ]);
    expect([layout.RunQueue!.size, offsets("RunQueue").slots, offsets("RunQueue").committed]).toEqual([
      helper("runq_sizeof"),
      helper("offsetof_runq_slots"),
      helper("offsetof_runq_committed"),
    ]);
    expect([layout.SchedStats!.size, offsets("SchedStats").total_vruntime]).toEqual([helper("sched_stats_sizeof"), helper("offsetof_sched_stats_total_vruntime")]);
  });

  it("shares a task table: TypeScript writes it, the kernel scans it, TypeScript reads the results", () => {
    const { memory, kernel, heapBase } = instantiate();
    const tableAddr = alignUp(heapBase, 8);
    const tasks = __typed.at(memory, tableAddr, { format: "wasm32", type: typeOf("Task"), count: 4 });
    const statsAddr = alignUp(tableAddr + sizeof(tasks), 8); // sizeof from the wasm32 table: 4 × 56
    const stats = __typed.at(memory, statsAddr, { format: "wasm32", type: typeOf("SchedStats") });
    const rows = [
      { pid: 1, state: 0, comm: "init", vruntime: 10n, parent: null, prio: 200 },
      { pid: 7, state: 0, comm: "kworker/0:1", vruntime: 3n, parent: 0, prio: 250 },
      { pid: 9, state: 2, comm: "sleeper", vruntime: 1n, parent: 1, prio: 0 },
      { pid: 12, state: 0, comm: "", vruntime: 2n ** 40n, parent: 2, prio: 100 },
    ];
    rows.forEach((row, i) => {
      const t = tasks[i];
      t.pid = row.pid;
      t.state = row.state;
      writeCString(t.comm, row.comm);
      t.vruntime = row.vruntime;
      t.parent = row.parent === null ? null : tasks[row.parent];
      t.flags = 0x3;
      t.prio = row.prio;
      t.nr_scans = 0;
      t.sum_exec_ns = 0n;
    });
    expect(sizeof(tasks)).toBe(4 * 56);
    expect(kernel.scan_tasks(tableAddr, rows.length, statsAddr)).toBe(3);
    const weight = (prio: number) => BigInt(256 - prio) * 1000n;
    rows.forEach((row, i) => {
      expect(tasks[i].vruntime).toBe(row.state === 0 ? row.vruntime + weight(row.prio) : row.vruntime);
      expect(tasks[i].nr_scans).toBe(1);
      expect(readCString(tasks[i].comm)).toBe(row.comm);
      expect(tasks[i].flags).toBe(0x3);
    });
    expect(tasks[3].parent.parent.parent.pid).toBe(1); // the kernel followed the same wasm pointers
    expect(stats.runnable).toBe(3);
    expect(stats.min_vruntime_pid).toBe(7); // 3 + 6000 beats init's 10 + 56000
    expect(stats.max_depth).toBe(3);
  });

  it("counts with atomics from both sides", () => {
    const { memory, kernel, heapBase } = instantiate();
    const unitsAddr = alignUp(heapBase, 8);
    const units = __typed.at(memory, unitsAddr, { format: "wasm32", type: typeOf("PerfUnit"), count: 2 });
    kernel.perf_add(unitsAddr, 1, 40n, 2);
    atomicAdd(units[1], "cycles", 2n);
    atomicAdd(units[1], "events", 1);
    expect(kernel.perf_add(unitsAddr, 1, 0n, 0)).toBe(3);
    expect(atomicLoad(units[1], "cycles")).toBe(42n);
    expect(atomicLoad(units[1], "misses")).toBe(2);
    expect(kernel.perf_total_cycles(unitsAddr, 2)).toBe(42n);
  });
});
