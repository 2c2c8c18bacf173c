/**
 * timing: the suite's own timing loop (issue #7): warm-up runs, then at least 7
 * repetitions in which the limit and the implementation run back to back, their
 * order alternating, so machine noise hits both; medians, and the ratio to the
 * limit as the median of the per-pair ratios.
 */

/** TimingOptions: repetitions (≥ 1; the suite uses ≥ 7 except in its tiny self-test) and warm-up runs of each side. */
export interface TimingOptions {
  readonly reps: number;
  readonly warmups: number;
}

/** PairTiming is what timePair measured, in milliseconds. */
export interface PairTiming {
  readonly limitMs: number[];
  readonly implMs: number[];
  /** implMs[k] / limitMs[k], per repetition. */
  readonly ratios: number[];
}

/** median returns the middle value (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// sink keeps results alive so that the engine cannot drop a loop whose value is unused.
let sink: unknown;

/** sinkValue returns the last value kept (for tests of the harness). */
export function sinkValue(): unknown {
  return sink;
}

/** timeOnce runs f once and returns its duration in milliseconds. */
export function timeOnce(f: () => unknown): number {
  const t0 = performance.now();
  sink = f();
  return performance.now() - t0;
}

/** timePair warms both sides up, then times them in alternating order, `reps` pairs. */
export function timePair(limit: () => unknown, impl: () => unknown, options: TimingOptions): PairTiming {
  for (let w = 0; w < options.warmups; w++) {
    timeOnce(limit);
    timeOnce(impl);
  }
  const limitMs: number[] = [];
  const implMs: number[] = [];
  for (let r = 0; r < options.reps; r++) {
    if (r % 2 === 0) {
      limitMs.push(timeOnce(limit));
      implMs.push(timeOnce(impl));
    } else {
      implMs.push(timeOnce(impl));
      limitMs.push(timeOnce(limit));
    }
  }
  return { limitMs, implMs, ratios: implMs.map((t, k) => t / limitMs[k]!) };
}
