/**
 * broker.ts — the message-passing run: the same workload with no shared memory.
 * Main keeps the task table, the run queues and the counters as plain objects;
 * workers send each forked task, ask for work, and send each task back after
 * running it (postMessage structured-clones every object on the way).
 */
import type { Worker } from "node:worker_threads";
import type { MpDown, MpUp } from "./messages";
import { cpuMsSince, IDLE_MS } from "./shared-run";
import { chooseVictim } from "./steal";
import { plainTaskOf, runPlainTask, type PlainTask, type RunReport } from "./workload";

/** BrokerResult is what the message-passing run produced. */
export interface BrokerResult {
  readonly ms: number;
  /** CPU time the whole process (every thread) used during the run. */
  readonly cpuMs: number;
  readonly reports: RunReport[];
  readonly table: ReadonlyMap<number, PlainTask>;
  readonly events: readonly number[];
  readonly cycles: readonly number[];
  /** Tasks each unit stole (the counters' `misses`). */
  readonly misses: readonly number[];
  readonly queued: readonly number[];
}

// Fifo is a queue with O(1) pops.
class Fifo<T> {
  #items: T[] = [];
  #head = 0;
  get length(): number {
    return this.#items.length - this.#head;
  }
  push(x: T): void {
    this.#items.push(x);
  }
  shift(): T | undefined {
    return this.#head < this.#items.length ? this.#items[this.#head++] : undefined;
  }
}

const SLICE_STEPS = 64; // main's own unit runs this many steps between message turns

/** runBroker runs the message-passing workload with `workers` (units 0..n-1) and main as the last unit; `last`: the workers stop after it. */
export function runBroker(workers: readonly Worker[], units: number, iterations: number, timeoutMs: number, last = true): Promise<BrokerResult> {
  const mainUnit = units - 1;
  const total = units * iterations;
  const queues = Array.from({ length: units }, () => new Fifo<PlainTask>());
  const events = new Array<number>(units).fill(0);
  const cycles = new Array<number>(units).fill(0);
  const misses = new Array<number>(units).fill(0);
  const table = new Map<number, PlainTask>();
  const reports: RunReport[] = [];
  const mine: RunReport = { unit: mainUnit, ran: [], steals: 0, doubleRuns: 0 };
  const totalEvents = () => events.reduce((a, b) => a + b, 0);
  const loads = () => queues.map((q, u) => ({ queued: q.length, events: events[u]! }));
  // take gives a unit its next task: its own queue first, else the busiest unit's.
  const take = (unit: number): { task: PlainTask; stolen: boolean } | undefined => {
    const own = queues[unit]!.shift();
    if (own) return { task: own, stolen: false };
    const victim = chooseVictim(loads(), unit);
    return victim < 0 ? undefined : { task: queues[victim]!.shift()!, stolen: true };
  };
  const ran = (unit: number, task: PlainTask, stolen: boolean) => {
    table.set(task.pid, task);
    cycles[unit]! += Number(task.sum_exec_ns); // a task runs once, so its sum_exec_ns is its cost
    if (stolen) misses[unit]! += 1;
    events[unit]! += 1;
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const timer = setTimeout(() => reject(new Error(`message-passing run timed out after ${timeoutMs} ms`)), timeoutMs);
    let forked = 0;
    let mainDone = false;
    const listeners: ((m: MpUp) => void)[] = [];
    const finish = () => {
      if (!mainDone || reports.length !== workers.length) return;
      clearTimeout(timer);
      workers.forEach((w, i) => w.off("message", listeners[i]!)); // a later run has its own
      reports.push(mine);
      resolve({ ms: performance.now() - started, cpuMs: cpuMsSince(cpuStarted), reports, table, events, cycles, misses, queued: queues.map((q) => q.length) });
    };
    workers.forEach((w) => {
      const send = (m: MpDown) => w.postMessage(m);
      const listener = (m: MpUp) => {
        if (m.kind === "mp-fork") {
          for (const task of m.tasks) {
            table.set(task.pid, task);
            queues[m.unit]!.push(task);
          }
        } else if (m.kind === "mp-next") {
          const next = take(m.unit);
          send(next ? { kind: "mp-task", task: next.task, stolen: next.stolen } : { kind: "mp-none", done: totalEvents() === total });
        } else if (m.kind === "mp-ran") ran(m.unit, m.task, m.stolen);
        else if (m.kind === "mp-done") {
          reports.push(m.report);
          finish();
        }
      };
      listeners.push(listener);
      w.on("message", listener);
      send({ kind: "mp-go", iterations, last });
    });
    // Main's own unit: fork its tasks, run its queue, steal; a slice per event-loop turn.
    const slice = () => {
      let idle = false;
      for (let i = 0; i < SLICE_STEPS; i++) {
        if (forked < iterations) {
          const t = plainTaskOf(mainUnit, forked++);
          table.set(t.pid, t);
          queues[mainUnit]!.push(t);
          continue;
        }
        const own = queues[mainUnit]!.shift(); // like the C kernel's unit, main runs only its own queue
        const next = own && { task: own, stolen: false };
        if (!next) {
          idle = true;
          break;
        }
        if (!runPlainTask(next.task, mainUnit)) mine.doubleRuns++;
        else {
          mine.ran.push(next.task.pid);
          if (next.stolen) mine.steals++;
        }
        ran(mainUnit, next.task, next.stolen);
      }
      if (!mainDone && forked === iterations && totalEvents() === total) {
        mainDone = true;
        finish();
      } else if (idle) setTimeout(slice, IDLE_MS); // as the shared-memory run's idle units: sleep, do not spin
      else setImmediate(slice);
    };
    setImmediate(slice);
  });
}
