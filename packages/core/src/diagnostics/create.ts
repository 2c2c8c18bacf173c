import type { SourceLoc } from "../ir/ctype.js";
import type { DiagnosticMessage } from "./message.js";
import type { Diagnostic } from "./types.js";

/** formatMessage replaces each `{n}` in a catalog text with `args[n]`; an assert throws when an argument is missing. */
export function formatMessage(text: string, args: readonly (string | number)[]): string {
  return text.replace(/\{(\d+)\}/g, (_, digits: string) => {
    const arg = args[Number(digits)];
    if (arg === undefined) throw new Error(`assert: message "${text}" needs argument {${digits}}, got ${args.length}`);
    return String(arg);
  });
}

/** createDiagnostic makes a Diagnostic from a catalog message (a `Diagnostics.*` constant), its arguments and a location. */
export function createDiagnostic(
  message: DiagnosticMessage,
  args: readonly (string | number)[],
  loc?: SourceLoc,
  related?: readonly Diagnostic[],
): Diagnostic {
  const messageText = formatMessage(message.message, args);
  return {
    code: message.code,
    category: message.category,
    messageText,
    ...(loc !== undefined ? { loc } : {}),
    ...(related !== undefined && related.length > 0 ? { related } : {}),
  };
}
