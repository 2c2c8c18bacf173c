import { stringifyTables, type Diagnostic } from "@typedc/core";
import { transformFiles } from "@typedc/tsc-plugin";
import { ts } from "ts-morph";
import { outputPathsOf } from "./output-paths.js";

type PluginTs = Parameters<typeof transformFiles>[0]["ts"];
type PluginProgram = NonNullable<Parameters<typeof transformFiles>[0]["program"]>;

/** OutputFile is one file a build writes: its absolute path and text. */
export interface OutputFile {
  readonly path: string;
  readonly text: string;
  /** For JavaScript: the source file it was emitted from. */
  readonly source?: string;
}

/** EmitResult is what emitting a program gives: files to write, typedc's diagnostics and tsc's emit diagnostics. */
export interface EmitResult {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly emitDiagnostics: readonly ts.Diagnostic[];
}

/**
 * emitProgram emits a program with the `__typed` transformer through the tsc
 * plugin's `transformFiles` (the entry the compiler API and ts-patch paths
 * share, so the JavaScript is the plugin's byte for byte), names each output
 * as tsc would, adds each rewritten file's type sets as `<name>.tables.json`
 * next to its JavaScript (the JSON of `typedc tables`, what the file embeds)
 * and, when the options ask for declarations, the `.d.ts` files of a
 * declaration-only emit (the transformer runs `before` the JavaScript emit, so
 * declarations are the same with or without it), and JSON modules as tsc copies them.
 */
export function emitProgram(program: ts.Program, transformOptions: Record<string, unknown>): EmitResult {
  // ts-morph bundles its own TypeScript (6.0.2): the same API as the plugin's `typescript` types, declared apart.
  const result = transformFiles({ ts: ts as unknown as PluginTs, program: program as unknown as PluginProgram, options: transformOptions });
  const files: OutputFile[] = [];
  for (const [source, out] of result.outputs) {
    const paths = outputPathsOf(ts, program, source);
    files.push({ path: paths.js, text: out.js, source });
    if (out.map !== undefined) files.push({ path: paths.map, text: out.map });
    const tables = result.tables.get(source);
    if (tables !== undefined && Object.keys(tables.types).length > 0) {
      files.push({ path: paths.js.replace(/\.[cm]?js$/, ".tables.json"), text: stringifyTables(tables) });
    }
  }
  const emitDiagnostics = [...(result.emitDiagnostics as unknown as readonly ts.Diagnostic[])];
  if (wantsDeclarations(program.getCompilerOptions())) {
    const dts = program.emit(undefined, (fileName, text) => files.push({ path: fileName, text }), undefined, true);
    emitDiagnostics.push(...dts.diagnostics);
  }
  // JSON modules (resolveJsonModule) are copied to outDir by tsc's emit; transformFiles keeps only JavaScript.
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.endsWith(".json") || program.isSourceFileFromExternalLibrary(sf)) continue;
    const json = program.emit(sf, (fileName, text) => {
      if (fileName.endsWith(".json")) files.push({ path: fileName, text });
    });
    emitDiagnostics.push(...json.diagnostics);
  }
  return { files, diagnostics: result.diagnostics, emitDiagnostics };
}

// wantsDeclarations tells whether tsc would write declaration files (and their maps) for these options.
function wantsDeclarations(options: ts.CompilerOptions): boolean {
  return options.noEmit !== true && (options.declaration === true || options.composite === true);
}
