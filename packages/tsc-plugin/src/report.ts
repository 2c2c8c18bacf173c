/**
 * How typedc diagnostics appear in tsc's own output. tsc prints `error TS` followed by
 * a diagnostic's `code`; a typedc code is a string `(TYPEDnnnn)`, so tsc prints
 * `error TS(TYPED1201): 'Task' has no member 'foo'.` (the way typia reports through
 * ts-patch). This is settled here once and pinned by fixtures/report/tsc-display.
 */
import type * as TS from "typescript";
import type { Diagnostic } from "@typedc/core";

/** TSC_CODE_PREFIX: a typedc code shown in tsc output is `(TYPED` + number + `)`. */
export function tscCodeOf(code: number): string {
  return `(TYPED${code})`;
}

const CATEGORY = { error: 1, warning: 0, suggestion: 2 } as const; // ts.DiagnosticCategory values

/** toTsDiagnostic turns a typedc Diagnostic into a ts.Diagnostic located in `program` (no location: a global diagnostic). */
export function toTsDiagnostic(program: TS.Program, d: Diagnostic): TS.Diagnostic {
  const file = d.loc === undefined ? undefined : program.getSourceFile(d.loc.file);
  return {
    file,
    start: file === undefined ? undefined : d.loc!.start,
    length: file === undefined ? undefined : d.loc!.length,
    messageText: d.messageText,
    category: CATEGORY[d.category],
    code: tscCodeOf(d.code) as unknown as number,
    source: "typedc",
  };
}
