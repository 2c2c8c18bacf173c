import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createDiagnostic, Diagnostics } from "@typedc/core";
import { EXIT_CODES } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { runExecArgv } from "../run/exec-argv.js";

/**
 * runCommand runs a TypeScript entry point with the `__typed` transformer applied
 * to every TypeScript file it loads, as `tsx` runs plain TypeScript: a child Node
 * with runExecArgv (module hooks, source maps) and the program's arguments, its
 * output passed through; the exit code is the program's (128 + signal number
 * when a signal ended it, as shells report it).
 */
export function runCommand(entry: string, args: readonly string[], io: CliIo): number {
  const file = path.resolve(io.cwd, entry);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    reportDiagnostics([createDiagnostic(Diagnostics.Cannot_find_entry_file_0, [entry])], io);
    return EXIT_CODES.errors;
  }
  const direct = io.stdout === process.stdout && io.stderr === process.stderr;
  // The threads of the program share compiled files through a folder that lives as long as the run.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "typedc-run-"));
  try {
    return runChild(file, args, io, direct, cacheDir);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

// runChild starts the program in a child Node with the hooks and waits for it.
function runChild(file: string, args: readonly string[], io: CliIo, direct: boolean, cacheDir: string): number {
  const child = spawnSync(process.execPath, [...runExecArgv(), file, ...args], {
    cwd: io.cwd,
    env: { ...io.env, TYPEDC_RUN_BASE_DIR: io.cwd, TYPEDC_RUN_CACHE: cacheDir },
    stdio: direct ? "inherit" : ["inherit", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (!direct) {
    io.stdout.write(child.stdout ?? "");
    io.stderr.write(child.stderr ?? "");
  }
  if (child.error !== undefined) throw child.error;
  if (child.signal !== null) return 128 + (signalNumber(child.signal) ?? 0);
  return child.status ?? EXIT_CODES.internal;
}

// signalNumber is a signal's number on this platform (os.constants.signals).
function signalNumber(signal: NodeJS.Signals): number | undefined {
  return os.constants.signals[signal];
}
