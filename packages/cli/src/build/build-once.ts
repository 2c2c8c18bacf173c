import type { Diagnostic } from "@typedc/core";
import { ts } from "ts-morph";
import type { CliIo } from "../io.js";
import { decideWrites } from "./decide-writes.js";
import { emitProgram } from "./emit.js";
import type { BuildProject } from "./open-project.js";
import { pluginEntryOf } from "./plugin-entry.js";
import { reportBuildDiagnostics } from "./print.js";
import type { Progress } from "./progress.js";
import { transformOptionsFor, type BuildSettings } from "./settings.js";
import { programDiagnostics } from "./ts-diagnostics.js";
import { writeOutputs } from "./write-outputs.js";

/** BuildOutcome is what one build or check found and did. */
export interface BuildOutcome {
  readonly errorCount: number;
  /** Paths of the files written (unchanged files included). */
  readonly written: readonly string[];
}

/**
 * buildOnce checks and emits the project's current program: tsc's pre-emit
 * diagnostics, then the transformer's through the emit, then (build only) the
 * files decideWrites allows; every diagnostic is printed, sorted, at the end.
 */
export function buildOnce(bp: BuildProject, settings: BuildSettings, io: CliIo, progress: Progress, summary = true): BuildOutcome {
  if (bp.project === undefined) return { errorCount: reportBuildDiagnostics([], bp.configDiagnostics, io, summary), written: [] };
  const program = bp.project.getProgram().compilerObject;
  const tsc: ts.Diagnostic[] = [...bp.configDiagnostics, ...programDiagnostics(program, progress)];
  const transformOptions = transformOptionsFor(pluginEntryOf(bp.options, settings.configPath), settings, io.cwd);
  const fileCount = program.getRootFileNames().length;
  progress.status(`emitting ${fileCount} files`, fileCount);
  const emitted = emitProgram(program, transformOptions);
  tsc.push(...emitted.emitDiagnostics);
  const typed: Diagnostic[] = [...emitted.diagnostics];
  const isError = (d: ts.Diagnostic) => d.category === ts.DiagnosticCategory.Error;
  const files = settings.write
    ? decideWrites({ files: emitted.files, options: bp.options, typedErrors: typed.filter((d) => d.category === "error").length, tscErrors: tsc.filter(isError).length })
    : [];
  typed.push(...writeOutputs(files, progress));
  progress.clear();
  const errorCount = reportBuildDiagnostics(typed, tsc, io, summary);
  return { errorCount, written: files.map((f) => f.path) };
}
