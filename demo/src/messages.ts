/**
 * messages.ts — what main and the workers say to each other (worker_threads messages).
 */
import type { AbiId } from "@typedc/core";
import type { AreaFact } from "./areas";
import type { PlainTask, RunReport } from "./workload";

/** WorkerInput is a worker's workerData. */
export interface WorkerInput {
  readonly unit: number;
  readonly units: number;
  readonly iterations: number;
  readonly format: AbiId;
  /** Every unit's format (workers' and the C kernel's): the counters' creator chooses among them. */
  readonly unitFormats: readonly AbiId[];
  readonly perfPolicy: "fastest" | "smallest";
  readonly strategy: "table" | "codegen";
  readonly wasmMemory: WebAssembly.Memory;
  readonly directoryOffset: number;
  readonly ctrl: SharedArrayBuffer;
  /** The compiled hot.js to use (`--compiled`), or undefined for hot.ts on dynamic views. */
  readonly compiledHot?: string;
  /** Run the message-passing workload after the shared-memory one. */
  readonly messages: boolean;
}

/** Attached: a worker bound the areas (what it created, what it morphs to). */
export interface Attached {
  readonly kind: "attached";
  readonly unit: number;
  readonly format: AbiId;
  readonly facts: AreaFact[];
  /** sizeof(Task) in the worker's own format and in the published one (from the bound view). */
  readonly sizeofTaskMine: number;
  readonly sizeofTaskPublished: number;
  /** core's compareTables(published Task, my Task): identical (no morphing) or compatible (morphs). */
  readonly taskVerdict: string;
  /** The ring size the C kernel's runq_init wrote, as this worker reads it. */
  readonly runqCapacity: number;
}

/** SharedDone: a worker finished the shared-memory run. */
export interface SharedDone {
  readonly kind: "shared-done";
  readonly report: RunReport;
  readonly firstSteal?: string;
}

/** Worker-to-main messages of the message-passing run. */
export type MpUp =
  /** A batch of forked tasks (FORK_BATCH at most, as the shared-memory run pushes them). */
  | { readonly kind: "mp-fork"; readonly unit: number; readonly tasks: PlainTask[] }
  | { readonly kind: "mp-next"; readonly unit: number }
  | { readonly kind: "mp-ran"; readonly unit: number; readonly task: PlainTask; readonly stolen: boolean }
  | { readonly kind: "mp-done"; readonly report: RunReport };

/** Main-to-worker messages of the message-passing run. */
export type MpDown =
  /** Start a message-passing run of `iterations` tasks per unit; `last`: no run follows (the first is an untimed warm-up). */
  | { readonly kind: "mp-go"; readonly iterations: number; readonly last: boolean }
  | { readonly kind: "mp-task"; readonly task: PlainTask; readonly stolen: boolean }
  | { readonly kind: "mp-none"; readonly done: boolean };

/** FromWorker is any message a worker sends. */
export type FromWorker = Attached | SharedDone | MpUp;
