import type { AbiId } from "@typedc/core";
import { buildOnce } from "../build/build-once.js";
import { openBuildProject } from "../build/open-project.js";
import { progressOn } from "../build/progress.js";
import { settingsFromArgs, type BuildArgs } from "../build/settings-from-args.js";
import { EXIT_CODES } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";

/**
 * checkCommand reports what `typedc build` would report and writes nothing,
 * like `tsc --noEmit`: tsc's syntactic and semantic errors of the whole
 * program, typedc's declaration errors and the transformer's access errors
 * (found by running the transform in memory); exit 1 on any error.
 */
export function checkCommand(args: BuildArgs, io: CliIo, hostId: AbiId): number {
  const { settings, diagnostics } = settingsFromArgs(args, false, io.cwd, hostId);
  if (settings === undefined) {
    reportDiagnostics(diagnostics, io);
    return EXIT_CODES.errors;
  }
  const outcome = buildOnce(openBuildProject(settings), settings, io, progressOn(io.stderr));
  return outcome.errorCount > 0 ? EXIT_CODES.errors : EXIT_CODES.ok;
}
