import type { SourceLoc } from "../ir/ctype.js";
import { lineAndColumnOf, lineStartsOf } from "./position.js";
import type { Diagnostic } from "./types.js";

/** FormatHost gives the printer the text of a source file and the directory paths are made relative to. */
export interface FormatHost {
  getText(file: string): string | undefined;
  readonly cwd?: string;
}

/**
 * FormatOptions selects tsc's plain one-line form (default) or its `--pretty` form with the
 * source line and a `~~~` underline; `pretty` defaults to `color`.
 */
export interface FormatOptions {
  readonly color?: boolean;
  readonly pretty?: boolean;
}

// The escape sequences tsc uses (src/compiler/program.ts, ForegroundColorEscapeSequences).
const RED = "\u001b[91m";
const YELLOW = "\u001b[93m";
const GREY = "\u001b[90m";
const CYAN = "\u001b[96m";
const GUTTER = "\u001b[7m";
const RESET = "\u001b[0m";

const CATEGORY_COLORS: Readonly<Record<Diagnostic["category"], string>> = { error: RED, warning: YELLOW, suggestion: GREY };

// paint wraps text in an escape sequence and a reset, or returns it as is without color.
function paint(text: string, sequence: string, color: boolean): string {
  return color ? sequence + text + RESET : text;
}

/** displayPath is `file` relative to `cwd` when it lies inside it, with `/` separators (no Node `path`: core runs in browsers). */
export function displayPath(file: string, cwd: string | undefined): string {
  const normalized = file.replace(/\\/g, "/");
  if (cwd === undefined || cwd === "") return normalized;
  const base = cwd.replace(/\\/g, "/").replace(/\/+$/, "");
  return normalized.startsWith(base + "/") ? normalized.slice(base.length + 1) : normalized;
}

// formatLocation prints `path:line:col` (or just `path` when the text is unknown), as tsc's formatLocation.
function formatLocation(loc: SourceLoc, host: FormatHost, color: boolean): string {
  const path = paint(displayPath(loc.file, host.cwd), CYAN, color);
  const text = host.getText(loc.file);
  if (text === undefined) return path;
  const { line, column } = lineAndColumnOf(text, loc.start);
  return `${path}:${paint(String(line), YELLOW, color)}:${paint(String(column), YELLOW, color)}`;
}

// formatCodeSpan prints the lines of [start, start+length) with a gutter and an underline, as tsc's formatCodeSpan
// (spans of five lines or more show the first two, "...", and the last two).
function formatCodeSpan(text: string, loc: SourceLoc, indent: string, squiggle: string, color: boolean): string {
  const starts = lineStartsOf(text);
  const first = lineAndColumnOf(text, loc.start);
  const last = lineAndColumnOf(text, loc.start + loc.length);
  const firstLine = first.line - 1;
  const lastLine = last.line - 1;
  const elided = lastLine - firstLine >= 4;
  const gutterWidth = Math.max(elided ? 3 : 0, String(lastLine + 1).length);
  let out = "";
  for (let i = firstLine; i <= lastLine; i++) {
    out += "\n";
    if (elided && firstLine + 1 < i && i < lastLine - 1) {
      out += indent + paint("...".padStart(gutterWidth), GUTTER, color) + " \n";
      i = lastLine - 1;
    }
    const lineEnd = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const content = text.slice(starts[i]!, lineEnd).trimEnd().replace(/\t/g, " ");
    out += indent + paint(String(i + 1).padStart(gutterWidth), GUTTER, color) + " " + content + "\n";
    out += indent + paint("".padStart(gutterWidth), GUTTER, color) + " ";
    let marks: string;
    if (i === firstLine) {
      const endColumn = i === lastLine ? last.column - 1 : undefined;
      marks = content.slice(0, first.column - 1).replace(/\S/g, " ") + content.slice(first.column - 1, endColumn).replace(/./g, "~");
    } else if (i === lastLine) {
      marks = content.slice(0, last.column - 1).replace(/./g, "~");
    } else {
      marks = content.replace(/./g, "~");
    }
    out += color ? squiggle + marks + RESET : marks;
  }
  return out;
}

// formatHead prints `path:line:col - error TYPEDnnnn: message` (the location part only when there is one).
function formatHead(d: Diagnostic, host: FormatHost, color: boolean): string {
  const where = d.loc !== undefined ? formatLocation(d.loc, host, color) + " - " : "";
  const code = color ? paint(` TYPED${d.code}: `, GREY, true) : ` TYPED${d.code}: `;
  return where + paint(d.category, CATEGORY_COLORS[d.category], color) + code + d.messageText;
}

// formatPretty follows tsc's formatDiagnosticsWithColorAndContext for one diagnostic, trailing newline included.
function formatPretty(d: Diagnostic, host: FormatHost, color: boolean): string {
  let out = formatHead(d, host, color);
  const text = d.loc !== undefined ? host.getText(d.loc.file) : undefined;
  if (d.loc !== undefined && text !== undefined) {
    out += "\n" + formatCodeSpan(text, d.loc, "", CATEGORY_COLORS[d.category], color);
  }
  if (d.related !== undefined && d.related.length > 0) {
    out += "\n";
    for (const r of d.related) {
      const relatedText = r.loc !== undefined ? host.getText(r.loc.file) : undefined;
      if (r.loc !== undefined) {
        out += "\n  " + formatLocation(r.loc, host, color);
        if (relatedText !== undefined) out += formatCodeSpan(relatedText, r.loc, "    ", CYAN, color);
      }
      out += "\n    " + r.messageText;
    }
  }
  return out + "\n";
}

/**
 * formatDiagnostic prints a diagnostic as tsc does: by default the one line
 * `path:line:col - error TYPEDnnnn: message` (1-based line and column from `loc.start`;
 * `error TYPEDnnnn: message` without a location; related diagnostics are not printed,
 * as in tsc's plain form); with `color` (or `pretty`) tsc's `--pretty` block with the
 * source lines, a `~` underline and the related locations, ending in a newline.
 */
export function formatDiagnostic(d: Diagnostic, host: FormatHost, options: FormatOptions = {}): string {
  const color = options.color ?? false;
  const pretty = options.pretty ?? color;
  return pretty ? formatPretty(d, host, color) : formatHead(d, host, false);
}
