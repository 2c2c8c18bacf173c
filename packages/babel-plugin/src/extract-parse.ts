import { parse } from "@babel/parser";
import type * as t from "@babel/types";
import { Diagnostics, createDiagnostic, type Diagnostic } from "@typedc/core";
import { spanLoc, type SourceText } from "./extract-text.js";

/** ParsedFile is a file's text and either its Babel AST or the syntax error (code 1005) that stopped the parser. */
export type ParsedFile =
  | { readonly ok: true; readonly source: SourceText; readonly program: t.Program }
  | { readonly ok: false; readonly source: SourceText; readonly error: Diagnostic };

/** isDeclarationFile tells whether a file name is a TypeScript declaration file (`.d.ts`, `.d.mts`, `.d.cts`, `.d.*.ts`). */
export function isDeclarationFile(fileName: string): boolean {
  return /\.d\.([^\\/]*\.)?[mc]?ts$/.test(fileName);
}

// One parse per file name and text: a file is parsed again only when its content changed.
const cache = new Map<string, ParsedFile>();

/**
 * parseFile parses a TypeScript file with @babel/parser (typescript plugin; `dts` for declaration
 * files; JSX for .tsx), cached per file name until its text changes. Babel's recoverable errors
 * (redeclarations, duplicate modifiers) are the TypeScript binder's and checker's business, not its
 * parser's, so only an error that stops the parser is a syntax error (docs/babel.md).
 */
export function parseFile(fileName: string, text: string): ParsedFile {
  const cached = cache.get(fileName);
  if (cached !== undefined && cached.source.text === text) return cached;
  const source: SourceText = { fileName, text };
  let parsed: ParsedFile;
  try {
    const file = parse(text, {
      sourceType: "module",
      errorRecovery: true,
      plugins: [["typescript", { dts: isDeclarationFile(fileName) }], ...(fileName.endsWith(".tsx") ? (["jsx"] as const) : [])],
    });
    parsed = { ok: true, source, program: file.program };
  } catch (error) {
    parsed = { ok: false, source, error: syntaxDiagnostic(source, error) };
  }
  cache.set(fileName, parsed);
  return parsed;
}

/** BabelSyntaxError is the shape of the error @babel/parser throws (`pos` is the 0-based offset). */
interface BabelSyntaxError {
  readonly message: string;
  readonly pos?: number;
}

/**
 * syntaxDiagnostic turns the parser's error into 1005 at the parser's position, with the length of
 * the token there (as TypeScript's parser reports it), and Babel's message normalised:
 * `Unexpected token, expected ";" (3:20)` → `';' expected.` (TypeScript's wording), otherwise the
 * first line without the `(line:col)` suffix, ending with a period.
 */
export function syntaxDiagnostic(source: SourceText, error: unknown): Diagnostic {
  const { message, pos } = error as BabelSyntaxError;
  if (typeof message !== "string" || typeof pos !== "number") throw error;
  const start = Math.min(pos, source.text.length);
  const end = start + tokenLength(source.text, start);
  return createDiagnostic(Diagnostics._0, [normaliseMessage(message)], spanLoc(source, start, end));
}

/** normaliseMessage maps Babel's message to the wording documented in docs/babel.md. */
export function normaliseMessage(message: string): string {
  const firstLine = message.split("\n")[0]!.replace(/\s*\(\d+:\d+\)$/, "");
  const expected = /^Unexpected token, expected "(.+)"$/.exec(firstLine);
  if (expected !== null) return `'${expected[1]}' expected.`;
  return /[.!?]$/.test(firstLine) ? firstLine : `${firstLine}.`;
}

/** tokenLength is the length of the token starting at an offset: a word, a string or one character (0 at the end). */
function tokenLength(text: string, start: number): number {
  if (start >= text.length) return 0;
  const word = /^[\p{ID_Continue}$\u200c\u200d]+/u.exec(text.slice(start, start + 256));
  if (word !== null) return word[0].length;
  const quoted = /^(["'`])(?:\\.|(?!\1)[^\\\n])*\1/.exec(text.slice(start, start + 4096));
  return quoted !== null ? quoted[0].length : 1;
}
