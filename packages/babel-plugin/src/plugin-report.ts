import type { NodePath, PluginPass } from "@babel/core";
import type * as t from "@babel/types";
import { formatDiagnostic, lineAndColumnOf, type Diagnostic } from "@typedc/core";
import { readTextFile } from "./extract-program.js";

/** FrameFile is the part of Babel's File used here (its typings omit `buildCodeFrameError`, which Babel 7 has). */
interface FrameFile {
  readonly code: string;
  buildCodeFrameError(node: { loc?: unknown } | undefined, message: string): Error;
}

/** messageOf is how the plugin words a diagnostic: `TYPEDnnnn: message`, the code and text of the tsc plugin and the CLI. */
export function messageOf(d: Diagnostic): string {
  return `TYPED${d.code}: ${d.messageText}`;
}

/**
 * codeFrameError makes the error that fails a Babel build for a diagnostic: in the file being
 * compiled, a code frame at the node the diagnostic spans (found by a nested traverse, so before
 * any other plugin changes the tree), else at its line and column; in another file (an imported
 * declaration), the tsc-style line `path:line:col - error TYPEDnnnn: message`.
 */
export function codeFrameError(program: NodePath<t.Program>, state: PluginPass, fileName: string, d: Diagnostic): Error {
  const file = state.file as unknown as FrameFile;
  const loc = d.loc;
  if (loc === undefined || loc.file !== fileName) {
    const line = formatDiagnostic(d, { getText: (name) => (name === fileName ? file.code : readTextFile(name)), cwd: state.cwd });
    return file.buildCodeFrameError(undefined, line.trimEnd());
  }
  const end = loc.start + loc.length;
  let found: NodePath | undefined;
  program.traverse({
    enter(path) {
      const { start, end: nodeEnd } = path.node;
      if (start == null || nodeEnd == null || start > loc.start || nodeEnd < end) path.skip();
      else if (start === loc.start && nodeEnd === end) found = path;
    },
  });
  if (found !== undefined) return found.buildCodeFrameError(messageOf(d));
  const code = file.code;
  const from = lineAndColumnOf(code, loc.start);
  const to = lineAndColumnOf(code, end);
  // Babel's locations count columns from 0; core's from 1.
  const at = { loc: { start: { line: from.line, column: from.column - 1 }, end: { line: to.line, column: to.column - 1 } } };
  return file.buildCodeFrameError(at, messageOf(d));
}
