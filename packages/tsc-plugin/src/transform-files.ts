/**
 * transformFiles: the one entry that the compiler-API path, the ts-patch path's
 * tests and the CLI's `typedc build` share: emit a program (or a program made from
 * file names) with the `__typed` transformer, in memory.
 */
import type * as TS from "typescript";
import type { Diagnostic, TablesFile } from "@typedc/core";
import type { TransformOptions } from "./options.js";
import { typedTransformer } from "./plugin.js";

/** TransformFilesInput: the TypeScript module, a program or root file names (then `compilerOptions`), and the transformer options. */
export interface TransformFilesInput {
  readonly ts: typeof TS;
  readonly program?: TS.Program;
  readonly fileNames?: readonly string[];
  readonly compilerOptions?: TS.CompilerOptions;
  readonly options?: TransformOptions;
}

/** EmittedFile is one source file's JavaScript and its source map (when the program emits maps). */
export interface EmittedFile {
  readonly js: string;
  readonly map?: string;
}

/** TransformFilesResult: outputs by source file name, each file's type sets, and every typedc diagnostic. */
export interface TransformFilesResult {
  readonly outputs: ReadonlyMap<string, EmittedFile>;
  readonly tables: ReadonlyMap<string, TablesFile>;
  readonly diagnostics: readonly Diagnostic[];
  /** tsc's own diagnostics of the emit (syntax, semantics are not computed here). */
  readonly emitDiagnostics: readonly TS.Diagnostic[];
  readonly program: TS.Program;
}

/** DEFAULT_COMPILER_OPTIONS are used with `fileNames` unless `compilerOptions` says otherwise. */
function defaultCompilerOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    sourceMap: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
  };
}

/** transformFiles emits every source file of the program with the transformer and returns the outputs in memory. */
export function transformFiles(input: TransformFilesInput): TransformFilesResult {
  const { ts } = input;
  const program = input.program ?? ts.createProgram({ rootNames: [...(input.fileNames ?? [])], options: { ...defaultCompilerOptions(ts), ...input.compilerOptions } });
  const factory = typedTransformer(program, { ...input.options, ts });
  const js = new Map<string, string>();
  const maps = new Map<string, string>();
  const writeFile: TS.WriteFileCallback = (fileName, text, _bom, _onError, sourceFiles) => {
    const source = sourceFiles?.[0]?.fileName ?? fileName;
    if (fileName.endsWith(".map")) maps.set(source, text);
    else if (/\.[cm]?js$/.test(fileName)) js.set(source, text);
  };
  const result = program.emit(undefined, writeFile, undefined, false, { before: [factory] });
  const outputs = new Map<string, EmittedFile>();
  for (const [source, text] of js) outputs.set(source, { js: text, map: maps.get(source) });
  return { outputs, tables: factory.getTables(), diagnostics: factory.getDiagnostics(), emitDiagnostics: result.diagnostics, program };
}
