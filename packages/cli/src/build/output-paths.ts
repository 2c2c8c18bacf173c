import type { ts } from "ts-morph";

/** OutputPaths are where tsc writes a source file's JavaScript and its source map. */
export interface OutputPaths {
  readonly js: string;
  readonly map: string;
}

const commandLines = new WeakMap<ts.Program, ts.ParsedCommandLine>();

/**
 * outputPathsOf asks TypeScript where a source file's outputs go under the
 * program's options (outDir, rootDir or the common source directory, the
 * `.js`/`.mjs`/`.cjs` extension), as tsc's own emit names them. The command
 * line lists every file the program emits (imported ones too), because tsc's
 * common source directory is computed over those.
 */
export function outputPathsOf(tsModule: typeof ts, program: ts.Program, fileName: string): OutputPaths {
  let commandLine = commandLines.get(program);
  if (commandLine === undefined) {
    const emitted = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !program.isSourceFileFromExternalLibrary(sf));
    commandLine = { options: program.getCompilerOptions(), fileNames: emitted.map((sf) => sf.fileName), errors: [] };
    commandLines.set(program, commandLine);
  }
  const names = tsModule.getOutputFileNames(commandLine, fileName, !tsModule.sys.useCaseSensitiveFileNames);
  const js = names.find((n) => /\.[cm]?js$/.test(n));
  if (js === undefined) throw new Error(`TypeScript names no JavaScript output for ${fileName}`);
  return { js, map: `${js}.map` };
}
