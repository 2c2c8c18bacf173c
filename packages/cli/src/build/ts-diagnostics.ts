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
  files.forEach((sf, i) => {
    progress.update("checking", i, files.length);
    all.push(...program.getSyntacticDiagnostics(sf));
    all.push(...program.getSemanticDiagnostics(sf));
    if (declarations && !sf.isDeclarationFile) all.push(...program.getDeclarationDiagnostics(sf));
  });
  progress.update("checking", files.length, files.length);
  return [...ts.sortAndDeduplicateDiagnostics(all)];
}
