import type { SourceLoc } from "../ir/ctype.js";

/**
 * Diagnostic is a user mistake found by a stage (a broken invariant is an assert
 * that throws instead). Core stages return `{ value, diagnostics }` and carry on
 * after an error, so one run reports every problem. Line and column are computed
 * only when printing (see format.ts).
 *
 * Code ranges: 1xxx extraction, 2xxx type model, 3xxx layout/ABI,
 * 4xxx compatibility, 5xxx runtime.
 */
export interface Diagnostic {
  readonly code: number; // stable; never reused
  readonly category: "error" | "warning" | "suggestion";
  readonly messageText: string; // formatted from the catalog
  readonly loc?: SourceLoc;
  readonly related?: readonly Diagnostic[];
}

/** Result is what a core stage returns: a value (possibly partial) and every diagnostic it found. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}
