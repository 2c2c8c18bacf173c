import { ts } from "ts-morph";
import type { Progress } from "./progress.js";

/**
 * programDiagnostics are tsc's diagnostics of a program, the ones `tsc` and
 * `tsc --noEmit` print before emitting (ts.getPreEmitDiagnostics): options,
 * global, then each file's syntactic and semantic errors (each file once,
 * with progress) and, when declarations are emitted, declaration errors.
 */
export function programDiagnostics(program: ts.Program, progress: Progress): ts.Diagnostic[] {
  const all: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  const files = program.getSourceFiles().filter((sf) => !program.isSourceFileDefaultLibrary(sf));
  const declarations = program.getCompilerOptions().declaration === true || program.getCompilerOptions().composite === true;
  // Progress counts the project's sources; declaration files (libraries) are checked too but count for nothing.
  const total = files.filter((sf) => !sf.isDeclarationFile).length;
  let done = 0;
  for (const sf of files) {
    all.push(...program.getSyntacticDiagnostics(sf));
    all.push(...program.getSemanticDiagnostics(sf));
    if (sf.isDeclarationFile) continue;
    if (declarations) all.push(...program.getDeclarationDiagnostics(sf));
    progress.update("checking", ++done, total);
  }
  return [...ts.sortAndDeduplicateDiagnostics(all)];
}
