/**
 * Entry points of the transformer (docs/compiler.md):
 * - `typedTransformer(program, options?)` for the compiler API:
 *   `program.emit(undefined, undefined, undefined, false, { before: [typedTransformer(program)] })`;
 *   its diagnostics are read afterwards with `getDiagnostics()` (typedc form) or `getTsDiagnostics()`.
 * - the default export, what ts-patch 3 calls for `"plugins": [{ "transform": "@typedc/tsc-plugin" }]`:
 *   `(program, pluginConfig, { ts, addDiagnostic }) => TransformerFactory`; diagnostics go into tsc's
 *   own output through `addDiagnostic` (shown as `error TS(TYPEDnnnn)`, report.ts).
 * The TypeScript module is always the host's (`extras.ts`, `options.ts`): never imported here.
 */
import type * as TS from "typescript";
import { checkFileDecls, type Diagnostic, type TablesFile } from "@typedc/core";
import { extractDecls } from "./extract.js";
import { tablesOfFile } from "./emit-file.js";
import { resolveOptions, type TransformOptions } from "./options.js";
import { mayBeTyped } from "./may-be-typed.js";
import { newProgramState } from "./program-state.js";
import { toTsDiagnostic } from "./report.js";
import { transformSourceFile } from "./transformer.js";

/** TypedTransformerOptions are TransformOptions plus the TypeScript module the program was made with. */
export interface TypedTransformerOptions extends TransformOptions {
  /** The `typescript` module of the program (default: `require("typescript")` resolved from the program's directory). */
  readonly ts?: typeof TS;
}

/** TypedTransformerFactory is a `before` transformer factory that keeps what it found. */
export interface TypedTransformerFactory extends TS.TransformerFactory<TS.SourceFile> {
  /** Every typedc diagnostic so far: options, declarations (extractor), then accesses, in order. */
  getDiagnostics(): readonly Diagnostic[];
  /** The same diagnostics as ts.Diagnostics (code `(TYPEDnnnn)`). */
  getTsDiagnostics(): readonly TS.Diagnostic[];
  /** The type sets each rewritten file embeds, by file name. */
  getTables(): ReadonlyMap<string, TablesFile>;
}

/** hostTypeScript resolves the `typescript` the program's project uses (compiler API without `options.ts`). */
function hostTypeScript(program: TS.Program): typeof TS {
  const path = require.resolve("typescript", { paths: [program.getCurrentDirectory(), __dirname] });
  return require(path) as typeof TS;
}

/**
 * typedTransformer returns the `__typed` transformer for a program. Declarations are
 * extracted once, when the first file is transformed; `onDiagnostic` sees each new
 * diagnostic as it is found (ts-patch's addDiagnostic).
 */
export function typedTransformer(program: TS.Program, options: TypedTransformerOptions = {}, onDiagnostic?: (d: Diagnostic) => void): TypedTransformerFactory {
  const ts = options.ts ?? hostTypeScript(program);
  const { options: resolved, diagnostics: optionDiagnostics } = resolveOptions(withoutTs(options));
  const all: Diagnostic[] = [];
  const tables = new Map<string, TablesFile>();
  const push = (ds: readonly Diagnostic[]) => {
    for (const d of ds) {
      all.push(d);
      onDiagnostic?.(d);
    }
  };
  let state: ReturnType<typeof newProgramState> | undefined;
  // A file whose declarations failed to extract (every file, when an option is wrong) gets no declaration check, as in the Babel plugin.
  const failedFiles = new Set<string>();
  const optionsFailed = optionDiagnostics.some(isError);
  const failedBefore = (fileName: string) => optionsFailed || failedFiles.has(fileName);
  const stateOf = () => {
    if (state === undefined) {
      const extracted = extractDecls(ts, program);
      for (const d of extracted.diagnostics) if (isError(d) && d.loc !== undefined) failedFiles.add(d.loc.file);
      push(extracted.diagnostics);
      state = newProgramState(ts, program, extracted.value, resolved);
    }
    return state;
  };
  let optionsReported = false;
  const factory = ((context: TS.TransformationContext) => (sf: TS.SourceFile) => {
    if (!optionsReported) {
      optionsReported = true;
      push(optionDiagnostics);
    }
    // Declarations are extracted only once some file may hold a typed access.
    if (sf.isDeclarationFile || !mayBeTyped(ts, program.getTypeChecker(), sf)) return sf;
    const st = stateOf();
    const before = st.diagnostics.length;
    const out = transformSourceFile(st, context, sf);
    const found = st.diagnostics.slice(before);
    push(found);
    // The file's own declarations are checked as C (a struct that contains itself, a bit-field
    // wider than its type, ...) even when no type set needs them yet, as the Babel plugin and
    // `typedc check` do; after another error of the file they are not.
    if (!found.some(isError) && !failedBefore(sf.fileName)) push(checkFileDecls(st.decls, sf.fileName));
    const t = tablesOfFile(sf);
    if (t !== undefined) tables.set(sf.fileName, t);
    return out;
  }) as TypedTransformerFactory;
  factory.getDiagnostics = () => all;
  factory.getTsDiagnostics = () => all.map((d) => toTsDiagnostic(program, d));
  factory.getTables = () => tables;
  return factory;
}

/** isError tells whether a diagnostic fails the build. */
function isError(d: Diagnostic): boolean {
  return d.category === "error";
}

function withoutTs(options: TypedTransformerOptions): Record<string, unknown> {
  const { ts: _ts, ...rest } = options;
  return rest;
}

/** TspExtras is the part of ts-patch's TransformerExtras the plugin uses. */
export interface TspExtras {
  readonly ts: typeof TS;
  readonly addDiagnostic: (d: TS.Diagnostic) => number;
}

/** tspPlugin is the ts-patch 3 program-transformer entry (`type: "program"`, the default). */
export function tspPlugin(program: TS.Program, config: Record<string, unknown> | undefined, extras: TspExtras): TS.TransformerFactory<TS.SourceFile> {
  return typedTransformer(program, { ...(config ?? {}), ts: extras.ts } as TypedTransformerOptions, (d) => {
    extras.addDiagnostic(toTsDiagnostic(program, d));
  });
}
