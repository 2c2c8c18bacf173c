import { displayPath, formatDiagnostic, type Diagnostic } from "@typedc/core";
import { ts } from "ts-morph";
import { colorEnabled } from "../color.js";
import type { CliIo } from "../io.js";
import { fileTextHost } from "../report.js";

/** Printable is a typedc or a tsc diagnostic with what sorting needs. */
interface Printable {
  readonly file: string | undefined;
  readonly start: number;
  readonly isError: boolean;
  readonly text: (color: boolean) => string;
}

/**
 * reportBuildDiagnostics prints typedc's and tsc's diagnostics together, sorted by
 * file and position, in tsc's form: one line each, `path:line:col - error
 * TYPEDnnnn: message` or `… - error TSnnnn: message`, paths relative to the working
 * directory; on a coloured terminal tsc's `--pretty` blocks and, after errors, a
 * closing "Found N errors." line unless `summary` is false (watch prints its own).
 * It returns the number of errors.
 */
export function reportBuildDiagnostics(typed: readonly Diagnostic[], tsc: readonly ts.Diagnostic[], io: CliIo, summary = true): number {
  const color = colorEnabled(io.stderr, io.env);
  const host = fileTextHost(io.cwd);
  const items: Printable[] = [
    ...typed.map((d): Printable => ({ file: d.loc?.file, start: d.loc?.start ?? 0, isError: d.category === "error", text: (c) => formatDiagnostic(d, host, { color: c }) })),
    ...tsc.map((d): Printable => ({ file: d.file?.fileName, start: d.start ?? 0, isError: d.category === ts.DiagnosticCategory.Error, text: (c) => formatTsDiagnostic(d, io.cwd, c) })),
  ];
  items.sort(byLocation);
  for (const item of items) {
    const text = item.text(color);
    io.stderr.write(color ? `${text.trimEnd()}\n\n` : `${text.trimEnd()}\n`);
  }
  const errors = items.filter((i) => i.isError).length;
  if (summary && color && errors > 0) io.stderr.write(`${foundErrors(errors)}\n`);
  return errors;
}

/** foundErrors is tsc's summary sentence: "Found 1 error." / "Found N errors.". */
export function foundErrors(count: number): string {
  return `Found ${count} error${count === 1 ? "" : "s"}.`;
}

// byLocation orders diagnostics without a file first, then by file name and start offset (a stable sort keeps ties in order).
function byLocation(a: Printable, b: Printable): number {
  if (a.file === undefined || b.file === undefined) return (a.file === undefined ? 0 : 1) - (b.file === undefined ? 0 : 1);
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start;
}

/**
 * formatTsDiagnostic prints a tsc diagnostic like typedc's own: plain
 * `path:line:col - error TSnnnn: message` (tsc's `--pretty false` form would be
 * `path(line,col): …`; one form for both keeps the output greppable), or tsc's
 * `--pretty` block with colour.
 */
export function formatTsDiagnostic(d: ts.Diagnostic, cwd: string, color: boolean): string {
  const host: ts.FormatDiagnosticsHost = {
    getCurrentDirectory: () => cwd,
    getCanonicalFileName: (f) => f,
    getNewLine: () => "\n",
  };
  if (color) return ts.formatDiagnosticsWithColorAndContext([d], host);
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const head = `${ts.DiagnosticCategory[d.category].toLowerCase()} TS${d.code}: ${message}`;
  if (d.file === undefined || d.start === undefined) return head;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${displayPath(d.file.fileName, cwd)}:${line + 1}:${character + 1} - ${head}`;
}
