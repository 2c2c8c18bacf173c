import * as path from "node:path";
import { watch } from "chokidar";
import { buildOnce } from "../build/build-once.js";
import { openBuildProject, type BuildProject } from "../build/open-project.js";
import { foundErrors } from "../build/print.js";
import { progressOn } from "../build/progress.js";
import { refreshProject, type FileChange } from "../build/refresh.js";
import type { BuildSettings } from "../build/settings.js";
import { watchIgnoreFor } from "../build/watch-filter.js";
import type { CliIo } from "../io.js";

/** WatchHandle controls a running `typedc build --watch`. */
export interface WatchHandle {
  /** ready resolves once the first build is done and the watcher is listening. */
  readonly ready: Promise<void>;
  /** close stops watching (the process may then exit). */
  close(): Promise<void>;
}

/** DEBOUNCE_MS groups the events of one save (editors write, rename and touch) into one rebuild. */
const DEBOUNCE_MS = 100;

/**
 * startWatch builds once, then watches the tsconfig's directory with chokidar and
 * rebuilds after each burst of changes, reusing the ts-morph project (only
 * changed files are re-read and re-parsed; a changed tsconfig reopens it). After
 * each build it prints tsc's watch line, `[time] Found N errors. Watching for
 * file changes.`, on stdout.
 */
export function startWatch(settings: BuildSettings, io: CliIo): WatchHandle {
  let bp: BuildProject = openBuildProject(settings);
  const progress = progressOn(io.stderr);
  const status = (text: string) => io.stdout.write(`[${new Date().toLocaleTimeString("en-GB")}] ${text}\n`);
  const rebuild = () => {
    try {
      const outcome = buildOnce(bp, settings, io, progress, false);
      status(`${foundErrors(outcome.errorCount)} Watching for file changes.`);
    } catch (error) {
      // A bug must not end the session: report it as `run` would and wait for the next change.
      io.stderr.write(`typedc: internal error, please report it with the input that caused it: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      status("Watching for file changes.");
    }
  };
  status("Starting compilation in watch mode...");
  // The watcher starts first, and the first build runs once it is listening, so no edit is missed;
  // events that arrive during a build wait for it (builds are synchronous).
  let ignore = watchIgnoreFor(bp.options.outDir);
  const watcher = watch(path.dirname(settings.configPath), {
    ignoreInitial: true,
    ignored: (file, stats) => ignore(file, stats),
  });
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => {
    rebuild();
    resolve();
  }));
  let pending: FileChange[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changes = pending;
    pending = [];
    if (changes.some((c) => path.resolve(c.file) === settings.configPath)) {
      status("Project file changed. Starting incremental compilation...");
      bp = openBuildProject(settings);
      ignore = watchIgnoreFor(bp.options.outDir);
    } else if (bp.project !== undefined && refreshProject(bp.project, settings.configPath, changes)) {
      status("File change detected. Starting incremental compilation...");
    } else {
      return;
    }
    rebuild();
  };
  const queue = (kind: FileChange["kind"]) => (file: string) => {
    pending.push({ kind, file });
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  watcher.on("add", queue("add")).on("change", queue("change")).on("unlink", queue("unlink"));
  return {
    ready,
    async close() {
      if (timer !== undefined) clearTimeout(timer);
      await watcher.close();
    },
  };
}
