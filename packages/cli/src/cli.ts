import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { colorEnabled, paletteFor } from "./color.js";
import { buildCommand } from "./commands/build.js";
import { checkCommand } from "./commands/check.js";
import { formatsCommand } from "./commands/formats.js";
import { layoutCommand } from "./commands/layout.js";
import { overheadCommand } from "./commands/overhead.js";
import { runCommand } from "./commands/run.js";
import { tablesCommand } from "./commands/tables.js";
import { EXIT_CODES } from "./exit-codes.js";
import { hostAbi } from "./host-abi.js";
import type { CliIo } from "./io.js";
import type { AbiId } from "@typedc/core";

/**
 * run executes `typedc` with its arguments (without `node` and the script
 * name) and returns the exit code (see EXIT_CODES); it never throws on user
 * input: parser errors are usage errors, bugs are reported as internal errors.
 */
export function run(args: readonly string[], io: CliIo): number {
  let exitCode: number = EXIT_CODES.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    program.parse([...args], { from: "user" });
  } catch (error) {
    // Commander ends help and version output with exit code 0, and every parse error with 1.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    return reportInternalError(error, io, args.includes("--debug"));
  }
  return exitCode;
}

/** Finish is how a command's body reports its exit code to `run`. */
type Finish = (exitCode: number) => void;

// buildProgram declares the program, its global options and its commands.
function buildProgram(io: CliIo, finish: Finish): Command {
  const host = hostAbi();
  const program = new Command("typedc")
    .description("Layouts, type tables and format overhead of __typed declarations (C structs written in TypeScript).")
    .version(readVersion(), "-v, --version")
    .option("--debug", "print the stack trace of an internal error")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(paletteFor(colorEnabled(io.stderr, io.env)).red(text)),
    });
  usageHandling(program);
  // Every subcommand shares the output and error handling of the program.
  const command = (name: string): Command => usageHandling(program.command(name).configureOutput(program.configureOutput()));
  defineLayout(command("layout"), io, host, finish);
  defineTables(command("tables"), io, host, finish);
  defineFormats(command("formats"), io, finish);
  defineOverhead(command("overhead"), io, host, finish);
  defineBuild(command("build"), io, host, finish);
  defineCheck(command("check"), io, host, finish);
  defineRun(command("run"), io, finish);
  program.addHelpText("after", [
    "",
    "Exit codes: 0 success, 1 error diagnostics or a bad option value, 2 usage error, 3 internal error.",
    "Colours only on a terminal; NO_COLOR=1 turns them off, FORCE_COLOR=1 on.",
  ].join("\n"));
  return program;
}

// usageHandling makes parser errors throw (run maps them to exit 2) and point to --help.
function usageHandling(command: Command): Command {
  return command.exitOverride().showHelpAfterError("(run with --help for usage)");
}

// examples is the help text listing example command lines.
function examples(...lines: string[]): string {
  return ["", "Examples:", ...lines.map((line) => `  $ ${line}`)].join("\n");
}

// defineLayout declares `typedc layout <input> [--format] [--type] [--json]`.
function defineLayout(command: Command, io: CliIo, host: AbiId, finish: Finish): void {
  command
    .summary("print struct layouts per format, pahole style")
    .description("Print the layout of every struct and union declared in the input (aliases included) for one or "
      + "several formats: each member's offset and size (bit-fields: offset:bit), holes, trailing padding and 64-byte "
      + "cache-line boundaries, like pahole. With several formats they are printed side by side and rows that differ "
      + "are marked '*'. The default format is the C ABI of this machine.")
    .argument("<input>", "a .ts file, or a directory: every .ts file below it (not node_modules, not .d.ts)")
    .addOption(new Option("-f, --format <abis>", `ABI ids separated by commas, 'all', or 'host' (${host} here)`).default("host"))
    .option("-t, --type <names>", "only these types (names separated by commas)")
    .option("--json", "print JSON: { Type: {...} } for one format, { abi: { Type: {...} } } for several")
    .addHelpText("after", examples(
      "typedc layout src/sched.ts",
      "typedc layout src/ --format x86_64-linux,i386-linux,x86_64-windows --type Task",
      "typedc layout src/sched.ts --format all --json > layouts.json",
    ))
    .action((input: string, options: { format: string; type?: string; json?: boolean }) =>
      finish(layoutCommand(input, { formats: options.format, types: options.type, json: options.json === true }, io, host)));
}

// defineTables declares `typedc tables <input> --format [--type] [--out]`.
function defineTables(command: Command, io: CliIo, host: AbiId, finish: Finish): void {
  command
    .summary("print the DWARF-like type tables (the input of loadTypes)")
    .description("Print the DWARF-like type tables of the structs and unions declared in the input, for each format, "
      + "as JSON: the input of loadTypes() in @typedc/runtime.")
    .argument("<input>", "a .ts file, or a directory: every .ts file below it")
    .requiredOption("-f, --format <abis>", "ABI ids separated by commas, 'all', or 'host'")
    .option("-t, --type <names>", "only these types (names separated by commas)")
    .option("-o, --out <file>", "write the JSON to a file instead of stdout")
    .addHelpText("after", examples(
      "typedc tables src/sched.ts --format all --out sched.tables.json",
      "typedc tables src/ --format x86_64-linux,wasm32 --type Task",
    ))
    .action((input: string, options: { format: string; type?: string; out?: string }) =>
      finish(tablesCommand(input, { formats: options.format, types: options.type, out: options.out }, io, host)));
}

// defineFormats declares `typedc formats [--json]`.
function defineFormats(command: Command, io: CliIo, finish: Finish): void {
  command
    .summary("list the data formats (ABIs) and their facts")
    .description("List the 12 data formats (C ABIs) typedc lays out for: clang triple, byte order, sizes in bytes of "
      + "pointer, long and wchar_t, signedness of plain char, alignment of i64 in records, bit-field rules (sysv or ms) "
      + "and the LLVM data layout string.")
    .option("--json", "print the table as a JSON array")
    .addHelpText("after", examples("typedc formats", "typedc formats --json"))
    .action((options: { json?: boolean }) => finish(formatsCommand({ json: options.json === true }, io)));
}

// defineOverhead declares `typedc overhead <input> --formats [--type] [--json]`.
function defineOverhead(command: Command, io: CliIo, host: AbiId, finish: Finish): void {
  command
    .summary("memory a unified format costs over each native format")
    .description("The method of Table 1 of the PLOS'19 paper: for each struct and union declared in the input, its "
      + "size in each native format and in the unified format (every type at its largest size and alignment among "
      + "the formats), and the bytes and percentage the unified format costs over each native format; then the total.")
    .argument("<input>", "a .ts file, or a directory: every .ts file below it")
    .requiredOption("-f, --formats <abis>", "the native formats, ABI ids separated by commas (or 'all')")
    .option("-t, --type <names>", "only these types (names separated by commas)")
    .option("--json", "print the report as JSON")
    .addHelpText("after", examples(
      "typedc overhead src/sched.ts --formats x86_64-linux,armv7-linux",
      "typedc overhead src/ --formats all --json",
    ))
    .action((input: string, options: { formats: string; type?: string; json?: boolean }) =>
      finish(overheadCommand(input, { formats: options.formats, types: options.type, json: options.json === true }, io, host)));
}

// defineBuild declares `typedc build [-p tsconfig.json] [--outDir D] [--watch] [--formats] [--no-bounds-checks]`.
function defineBuild(command: Command, io: CliIo, host: AbiId, finish: Finish): void {
  command
    .summary("compile a TypeScript project with the __typed transformer")
    .description("Compile the project of a tsconfig.json to JavaScript with the __typed transformer, exactly as the tsc "
      + "plugin emits it (source maps and declarations if the tsconfig asks), plus <name>.tables.json next to each "
      + "rewritten file. Prints typedc's and tsc's diagnostics; writes nothing when typedc finds an error (tsc's "
      + "noEmitOnError is followed for tsc's errors). Transformer options come from the tsconfig's plugin entry "
      + "for @typedc/tsc-plugin; --formats and --no-bounds-checks override them.")
    .option("-p, --project <path>", "the tsconfig.json, or a directory holding one", "tsconfig.json")
    .option("--outDir <dir>", "write the outputs here instead of the tsconfig's outDir")
    .option("-w, --watch", "rebuild whenever a source file changes")
    .option("--formats <abis>", "formats of the emitted type sets: ABI ids separated by commas, 'all' or 'host'")
    .option("--no-bounds-checks", "compile typed accesses without index and area checks (measured hot paths only)")
    .addHelpText("after", examples("typedc build", "typedc build -p packages/kernel --outDir dist", "typedc build --watch --formats x86_64-linux,wasm32"))
    .action((options: { project: string; outDir?: string; watch?: boolean; formats?: string; boundsChecks: boolean }) =>
      finish(buildCommand({ project: options.project, outDir: options.outDir, watch: options.watch, formats: options.formats, boundsChecks: options.boundsChecks }, io, host)));
}

// defineCheck declares `typedc check [-p tsconfig.json]`.
function defineCheck(command: Command, io: CliIo, host: AbiId, finish: Finish): void {
  command
    .summary("report diagnostics of a project without writing anything")
    .description("Report what 'typedc build' would report, like 'tsc --noEmit': tsc's syntactic and semantic errors, "
      + "typedc's declaration errors and the transformer's access errors. Writes nothing.")
    .option("-p, --project <path>", "the tsconfig.json, or a directory holding one", "tsconfig.json")
    .option("--formats <abis>", "formats to check the declarations for (as for build)")
    .addHelpText("after", examples("typedc check", "typedc check -p packages/kernel/tsconfig.json"))
    .action((options: { project: string; formats?: string }) =>
      finish(checkCommand({ project: options.project, formats: options.formats }, io, host)));
}

// defineRun declares `typedc run <entry> [args...]`; everything after the entry goes to the program.
function defineRun(command: Command, io: CliIo, finish: Finish): void {
  command
    .summary("run a TypeScript program with the __typed transformer applied on load")
    .description("Run a TypeScript entry point in Node with every TypeScript file it loads (workers included) compiled "
      + "by the __typed transformer, with source maps, so stack traces and errors point at .ts lines. Exits with "
      + "the program's exit code. typedc's own options (--debug, -v) are read anywhere: put '--' before program "
      + "arguments that would collide.")
    .argument("<entry>", "the .ts file to run")
    .argument("[args...]", "arguments for the program (process.argv.slice(2))")
    .allowUnknownOption()
    .helpOption(false)
    .addHelpText("after", examples("typedc run src/main.ts", "typedc run src/bench.ts --iterations 1000", "typedc run src/main.ts -- -v"))
    .action((entry: string, args: string[]) => finish(runCommand(entry, args, io)));
}

// reportInternalError prints a bug as one line asking for a report; the stack only with --debug.
function reportInternalError(error: unknown, io: CliIo, debug: boolean): number {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`typedc: internal error, please report it with the input that caused it: ${message}\n`);
  if (debug && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write("(run again with --debug for the stack trace)\n");
  return EXIT_CODES.internal;
}

// readVersion reads the version of @typedc/cli from its package.json (next to dist/ and src/).
function readVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}
