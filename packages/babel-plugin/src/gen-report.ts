/** Diagnostics of the Babel code generation: the tsc plugin's codes and texts, at the same source ranges. */
import type * as t from "@babel/types";
import { createDiagnostic, type DiagnosticMessage, type SourceLoc } from "@typedc/core";
import { nodeLoc, type GenState } from "./gen-state.js";

/** report adds a diagnostic at a node, or at a span of the file being compiled. */
export function report(st: GenState, message: DiagnosticMessage, args: readonly (string | number)[], at: t.Node | SourceLoc): void {
  const loc = "type" in at ? nodeLoc(st, at) : at;
  st.diagnostics.push(createDiagnostic(message, args, loc));
}

/** operatorLoc is the span of an operator token between two operands (TypeScript's `operatorToken`; Babel has no node for it). */
export function operatorLoc(st: GenState, left: t.Node, right: t.Node, operator: string): SourceLoc {
  const text = st.file.text;
  let at = text.indexOf(operator, left.end!);
  if (at < 0 || at >= right.start!) at = left.end!;
  return { file: st.file.fileName, start: at, length: operator.length };
}
