/**
 * spawn.ts — starts the worker kernel instances. demo/src is TypeScript run by
 * tsx; a worker thread first registers tsx's CommonJS hook (`tsx/cjs`), then
 * requires worker.ts (Node 20 does not apply `--import` loaders to a worker's entry).
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { FromWorker, WorkerInput } from "./messages";

/** WORKER_PATH is the worker's entry point. */
const WORKER_PATH = path.join(__dirname, "worker.ts");

/** spawnWorker starts one worker kernel instance. */
export function spawnWorker(input: WorkerInput): Worker {
  const entry = `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(WORKER_PATH)});`;
  return new Worker(entry, { eval: true, workerData: input });
}

/**
 * nextMessage resolves with the worker's next message of `kind` (earlier ones of
 * other kinds are an error), rejecting if the worker fails or exits first.
 */
export function nextMessage<K extends FromWorker["kind"]>(worker: Worker, kind: K, timeoutMs: number): Promise<Extract<FromWorker, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no '${kind}' message from worker ${worker.threadId} after ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: FromWorker) => (m.kind === kind ? done(undefined, m) : undefined);
    const onError = (e: Error) => done(e);
    const onExit = (code: number) => done(new Error(`worker ${worker.threadId} exited with code ${code} before sending '${kind}'`));
    function done(error: Error | undefined, m?: FromWorker) {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (error) reject(error);
      else resolve(m as Extract<FromWorker, { kind: K }>);
    }
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}
