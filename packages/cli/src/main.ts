#!/usr/bin/env node
/**
 * The `typedc` command: parses the process arguments, runs the command and
 * exits with its status (see exit-codes.ts).
 */
import { run } from "./cli.js";
import { processIo } from "./io.js";

// A reader that stops early (`typedc layout … | head`) closes the pipe: that is not an
// error of ours, so end quietly instead of crashing on EPIPE, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

process.exitCode = run(process.argv.slice(2), processIo());
