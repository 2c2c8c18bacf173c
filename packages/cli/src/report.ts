import * as fs from "node:fs";
import { formatDiagnostic, type Diagnostic, type FormatHost } from "@typedc/core";
import { colorEnabled } from "./color.js";
import type { CliIo } from "./io.js";

/**
 * fileTextHost is the FormatHost of the CLI: file texts read from disk (once
 * each), paths printed relative to the working directory.
 */
export function fileTextHost(cwd: string): FormatHost {
  const texts = new Map<string, string | undefined>();
  return {
    cwd,
    getText(file: string): string | undefined {
      if (!texts.has(file)) texts.set(file, readTextOrUndefined(file));
      return texts.get(file);
    },
  };
}

// readTextOrUndefined reads a UTF-8 file, or gives undefined when it cannot be read.
function readTextOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * reportDiagnostics prints diagnostics to stderr, sorted by file and position,
 * as tsc does: `path:line:col - error TYPEDnnnn: message` one per line, or,
 * when stderr is coloured, tsc's `--pretty` form (the source line underlined,
 * a blank line after each, and a closing "Found N errors." line).
 * It returns the number of errors among them.
 */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo): number {
  const host = fileTextHost(io.cwd);
  const color = colorEnabled(io.stderr, io.env);
  const errorCount = diagnostics.filter((d) => d.category === "error").length;
  for (const d of sortDiagnostics(diagnostics)) {
    const text = formatDiagnostic(d, host, { color });
    io.stderr.write(color ? `${text.trimEnd()}\n\n` : `${text}\n`);
  }
  if (color && errorCount > 0) io.stderr.write(`Found ${errorCount} error${errorCount === 1 ? "" : "s"}.\n`);
  return errorCount;
}

/** sortDiagnostics orders diagnostics without a location first, then by file name and start offset (stable). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    if (a.loc === undefined || b.loc === undefined) return (a.loc === undefined ? 0 : 1) - (b.loc === undefined ? 0 : 1);
    return a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.start - b.loc.start;
  });
}
