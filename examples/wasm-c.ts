/**
 * wasm-c.ts — shares structs with C compiled to WebAssembly.
 *
 * interop/wasm/kernel.wasm is interop/wasm/kernel.c built by clang-19 for wasm32
 * (scripts/interop/build-wasm.sh). Its `struct task` is `Task` in
 * interop/wasm/kernel.ts; the wasm32 tables are examples/kernel-wasm32.tables.json
 * (`npx typedc tables interop/wasm/kernel.ts --type Task,SchedStats --format wasm32 --out examples/kernel-wasm32.tables.json`).
 * TypeScript writes a task table straight into the module's memory, C scans it,
 * and TypeScript reads what C wrote: one copy of the bytes, no marshalling.
 *
 *   npx tsx examples/wasm-c.ts
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { __typed, loadTypes, readCString, sizeof, writeCString } from "@typedc/runtime";
import type { array, __typed as Typed } from "@typedc/runtime";
import type { SchedStats, Task } from "../interop/wasm/kernel";

interface Kernel {
  readonly __heap_base: WebAssembly.Global;
  scan_tasks(tbl: number, n: number, out: number): number;
}

const types = loadTypes(readFileSync(path.join(__dirname, "kernel-wasm32.tables.json"), "utf8"));
const memory = new WebAssembly.Memory({ initial: 32, maximum: 32, shared: true }); // the module imports a shared 2 MiB memory
const wasm = new WebAssembly.Module(readFileSync(path.join(__dirname, "../interop/wasm/kernel.wasm")));
const kernel = new WebAssembly.Instance(wasm, { env: { memory } }).exports as unknown as Kernel;

// Everything above __heap_base belongs to JavaScript: put 3 tasks and the summary there.
const tableAddress = Math.ceil((kernel.__heap_base.value as number) / 8) * 8;
const tasks: Typed<array<Task, 3>> = __typed.at(memory, tableAddress, { type: types.Task!, format: "wasm32", count: 3 });
const statsAddress = tableAddress + sizeof(tasks);
const stats: Typed<SchedStats> = __typed.at(memory, statsAddress, { type: types.SchedStats!, format: "wasm32" });

const rows = [
  { pid: 1, state: 0, comm: "init", prio: 120 },
  { pid: 2, state: 1, comm: "kthreadd", prio: 100 },
  { pid: 42, state: 0, comm: "sh", prio: 139 },
];
rows.forEach((row, i) => {
  const t = tasks[i]!;
  t.pid = row.pid;
  t.state = row.state; // long: 4 bytes in wasm32
  writeCString(t.comm, row.comm);
  t.vruntime = 1000n * BigInt(i);
  t.parent = i === 0 ? null : tasks[0]!; // a wasm32 pointer: the C code follows it
  t.prio = row.prio; // bit-field prio : 8
});

// C reads the TypeScript-written structs, ages the runnable tasks and writes a summary.
const runnable = kernel.scan_tasks(tableAddress, rows.length, statsAddress);
console.log(`C scan_tasks: ${runnable} runnable; summary: runnable ${stats.runnable}, min_vruntime_pid ${stats.min_vruntime_pid}, max_depth ${stats.max_depth}, total_vruntime ${stats.total_vruntime}`);
for (const t of tasks) {
  console.log(`  pid ${t.pid} ${readCString(t.comm)}: vruntime ${t.vruntime}, sum_exec_ns ${t.sum_exec_ns}, nr_scans ${t.nr_scans}, parent ${t.parent === null ? "none" : t.parent.pid}`);
}
