#!/usr/bin/env node
/**
 * The `typedc` command: parses the process arguments, runs the command and
 * exits with its status (see exit-codes.ts).
 */
import { run } from "./cli.js";
import { processIo } from "./io.js";

process.exitCode = run(process.argv.slice(2), processIo());
