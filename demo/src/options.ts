/**
 * options.ts — the command line of `npm run demo` (commander 14).
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { isAbiId, type AbiId } from "@typedc/core";

/** DemoOptions are the parsed options of the demo. */
export interface DemoOptions {
  /** Number of TypeScript kernel instances (worker threads). */
  readonly workers: number;
  /** Tasks each unit (every worker and the wasm32 C kernel) forks. */
  readonly iterations: number;
  /** The format each worker is built for, cycled over the workers. */
  readonly formats: readonly AbiId[];
  /** How the dynamic accessors morph: a table walk per access, or classes generated per format. */
  readonly strategy: "table" | "codegen";
  /** The policy worker 0 uses to choose the format of the counters it creates. */
  readonly perfPolicy: "fastest" | "smallest";
  /** Run hot.ts as compiled by the tsc plugin (compiled accesses; the default) instead of on dynamic views (`--dynamic`). */
  readonly compiled: boolean;
  /** Skip the message-passing run (and the ratio line). */
  readonly messages: boolean;
  /** Give up (FAIL) when a run takes longer than this. */
  readonly timeoutMs: number;
}

/** DEFAULT_FORMATS are the formats of the default four workers: LP64, ILP32, big-endian LP64, LLP64 (MSVC). */
export const DEFAULT_FORMATS: readonly AbiId[] = ["x86_64-linux", "i386-linux", "s390x-linux", "x86_64-windows"];

/** MAX_TASKS: the task cache must fit the C kernel's 2 MiB wasm memory with the directory and the other areas. */
export const MAX_TASKS = 30_000;

/** DEFAULT_ITERATIONS is the tasks each unit forks by default (5 units: 25,000 tasks, so that start-up is not most of the run). */
export const DEFAULT_ITERATIONS = 5000;

/** MAX_UNITS: a task's 4-bit `flags` field records the unit that ran it (1..15). */
export const MAX_UNITS = 15;

// positiveInt parses a positive integer option value.
function positiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

// formatList parses a comma-separated list of ABI ids.
function formatList(text: string): AbiId[] {
  const ids = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const bad = ids.filter((id) => !isAbiId(id));
  if (ids.length === 0 || bad.length > 0) throw new InvalidArgumentError(`unknown format ${bad.join(", ") || "(none)"} (see npx typedc formats)`);
  return ids as AbiId[];
}

/** demoCommand builds the commander program (exported so that --help can be tested). */
export function demoCommand(): Command {
  return new Command("npm run demo --")
    .description(
      "Kernel instances built for different C formats share process descriptors, per-unit counters and run queues " +
        "in typed shared memory that lives in a wasm32 C kernel's WebAssembly.Memory; then the same workload runs with " +
        "postMessage and the speed ratio is printed. Ends with PASS/FAIL invariant lines (exit 1 on any FAIL).",
    )
    .addOption(new Option("--workers <n>", "number of TypeScript kernel instances (worker threads; default: one per --formats entry)").argParser(positiveInt))
    .addOption(new Option("--iterations <n>", `tasks each unit forks and the units run (default: ${DEFAULT_ITERATIONS}, or as many as fit ${MAX_TASKS} tasks in all)`).argParser(positiveInt))
    .addOption(new Option("--formats <ids>", "comma-separated formats the workers are built for (cycled)").argParser(formatList).default(DEFAULT_FORMATS, DEFAULT_FORMATS.join(",")))
    .addOption(new Option("--strategy <s>", "morph strategy of the accessors").choices(["table", "codegen"]).default("table"))
    .addOption(new Option("--perf-policy <p>", "format policy for the counters area, among every unit's format").choices(["fastest", "smallest"]).default("fastest"))
    .addOption(new Option("--compiled", "compile the per-task code (demo/src/hot.ts) with the typedc tsc plugin first and run its output (the default)"))
    .addOption(new Option("--dynamic", "run the per-task code as it is, on the runtime's dynamic views (property accessors)").conflicts("compiled"))
    .addOption(new Option("--no-messages", "skip the message-passing run and the speed ratio"))
    .addOption(new Option("--timeout <ms>", "fail a run that takes longer than this").argParser(positiveInt).default(60_000))
    .addHelpText(
      "after",
      "\nExamples:\n  npm run demo\n  npm run demo -- --workers 2 --iterations 200\n  npm run demo -- --formats armv7-linux,mips-linux,aarch64-linux --strategy codegen\n  npm run demo -- --dynamic\n\nSee docs/demo.md for how to read the report.",
    );
}

/** parseDemoOptions parses argv (without node and the script); commander prints help and errors itself and exits. */
export function parseDemoOptions(argv: readonly string[]): DemoOptions {
  const program = demoCommand();
  program.parse([...argv], { from: "user" });
  const o = program.opts<{ workers?: number; iterations?: number; formats: AbiId[]; strategy: "table" | "codegen"; perfPolicy: "fastest" | "smallest"; compiled?: boolean; dynamic?: boolean; messages: boolean; timeout: number }>();
  const workers = o.workers ?? o.formats.length;
  if (workers + 1 > MAX_UNITS) program.error(`error: --workers ${workers}: at most ${MAX_UNITS - 1} (a task's 4-bit flags name the unit that ran it)`);
  const iterations = o.iterations ?? Math.min(DEFAULT_ITERATIONS, Math.floor(MAX_TASKS / (workers + 1)));
  return { workers, iterations, formats: o.formats, strategy: o.strategy, perfPolicy: o.perfPolicy, compiled: o.dynamic !== true, messages: o.messages, timeoutMs: o.timeout };
}
