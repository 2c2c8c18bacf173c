/**
 * Waiting for another agent, written once and run two ways. The attach logic is a
 * generator that yields a WaitRequest whenever it must sleep until a word of shared
 * memory changes; `runBlocking` serves it with Atomics.wait (workers, Node's main
 * thread), `runAsync` with Atomics.waitAsync (a browser's main thread, where blocking
 * is not allowed) and returns a Promise.
 */

/** WaitRequest asks to sleep until `int32[index]` is no longer `expected`, for at most `timeoutMs`. */
export interface WaitRequest {
  readonly int32: Int32Array;
  readonly index: number;
  readonly expected: number;
  readonly timeoutMs: number;
  /** Thrown when the thread may not block (for runBlocking). */
  readonly cannotBlock: () => Error;
}

/** Steps is an attach procedure: it yields WaitRequests and returns its result. */
export type Steps<T> = Generator<WaitRequest, T, void>;

/** SPIN_SLICE_MS is how long runBlocking busy-waits at a time on memory that Atomics.wait cannot sleep on (not shared). */
const SPIN_SLICE_MS = 1;

/** runBlocking runs `steps` to completion on this thread, sleeping with Atomics.wait. */
export function runBlocking<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    blockingWait(next.value);
  }
}

/** runAsync runs `steps`, awaiting with Atomics.waitAsync (or timers where it is missing), and resolves to the result. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await asyncWait(next.value);
  }
}

// blockingWait sleeps on a shared word; where Atomics.wait is refused (a browser's
// main thread) it throws the request's error, since spinning there would hang the page.
function blockingWait(request: WaitRequest): void {
  const { int32, index, expected, timeoutMs } = request;
  if (timeoutMs <= 0) return;
  if (!(typeof SharedArrayBuffer !== "undefined" && int32.buffer instanceof SharedArrayBuffer)) {
    // Not shared: only this thread writes it, so nothing can change during a wait.
    const until = Date.now() + Math.min(timeoutMs, SPIN_SLICE_MS);
    while (Date.now() < until && Atomics.load(int32, index) === expected);
    return;
  }
  try {
    Atomics.wait(int32, index, expected, timeoutMs);
  } catch (error) {
    if (error instanceof TypeError) throw request.cannotBlock();
    throw error;
  }
}

// asyncWait resolves when the word changes or the timeout passes.
async function asyncWait(request: WaitRequest): Promise<void> {
  const { int32, index, expected, timeoutMs } = request;
  if (timeoutMs <= 0) return;
  const shared = typeof SharedArrayBuffer !== "undefined" && int32.buffer instanceof SharedArrayBuffer;
  const waitAsync = (Atomics as { waitAsync?: (a: Int32Array, i: number, v: number, t: number) => { async: boolean; value: unknown } }).waitAsync;
  if (shared && waitAsync) {
    const result = waitAsync(int32, index, expected, timeoutMs);
    if (result.async) await result.value;
    return;
  }
  // No waitAsync (or a non-shared buffer): poll on a timer.
  await new Promise((resolve) => setTimeout(resolve, Math.min(timeoutMs, 5)));
}
