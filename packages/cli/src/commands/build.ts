import type { AbiId } from "@typedc/core";
import { buildOnce } from "../build/build-once.js";
import { openBuildProject } from "../build/open-project.js";
import { progressOn } from "../build/progress.js";
import { settingsFromArgs, type BuildArgs } from "../build/settings-from-args.js";
import { EXIT_CODES } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { startWatch, type WatchHandle } from "./watch.js";

/** BuildCommandArgs are `typedc build`'s options: the shared build options and `--watch`. */
export interface BuildCommandArgs extends BuildArgs {
  readonly watch?: boolean;
  /** Called with the watcher when `--watch` started one (tests and embedders close it). */
  readonly onWatch?: (handle: WatchHandle) => void;
}

/**
 * buildCommand compiles the tsconfig's project to JavaScript with the `__typed`
 * transformer (outputs as the tsc plugin emits them, plus `<name>.tables.json`
 * per rewritten file) and prints typedc's and tsc's diagnostics; exit 1 on any
 * error. With `--watch` it builds, then keeps rebuilding on changes and returns
 * 0 at once (the watcher keeps the process alive).
 */
export function buildCommand(args: BuildCommandArgs, io: CliIo, hostId: AbiId): number {
  const { settings, diagnostics } = settingsFromArgs(args, true, io.cwd, hostId);
  if (settings === undefined) {
    reportDiagnostics(diagnostics, io);
    return EXIT_CODES.errors;
  }
  if (args.watch === true) {
    const handle = startWatch(settings, io);
    args.onWatch?.(handle);
    return EXIT_CODES.ok;
  }
  const outcome = buildOnce(openBuildProject(settings), settings, io, progressOn(io.stderr));
  return outcome.errorCount > 0 ? EXIT_CODES.errors : EXIT_CODES.ok;
}
