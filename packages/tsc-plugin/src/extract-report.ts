import type * as TS from "typescript";
import { createDiagnostic, type DiagnosticMessage } from "@typedc/core";
import type { ExtractContext } from "./extract-context.js";
import { locOf } from "./extract-loc.js";

/** report adds a catalog diagnostic located at a node to the context. */
export function report(ctx: ExtractContext, message: DiagnosticMessage, args: readonly (string | number)[], node: TS.Node): void {
  ctx.diagnostics.push(createDiagnostic(message, args, locOf(node)));
}
