import type * as t from "@babel/types";
import { createDiagnostic, type DiagnosticMessage } from "@typedc/core";
import type { DeclContext } from "./extract-context.js";
import { locOf, textOf } from "./extract-text.js";

/** report adds a catalog diagnostic located at a node of the declaration being converted. */
export function report(ctx: DeclContext, message: DiagnosticMessage, args: readonly (string | number)[], node: t.Node): void {
  ctx.diagnostics.push(createDiagnostic(message, args, locOf(ctx.scope.file.source, node)));
}

/** text is the message text of a node of the declaration being converted (whitespace collapsed, at most 60 characters). */
export function text(ctx: DeclContext, node: t.Node): string {
  return textOf(ctx.scope.file.source, node);
}
