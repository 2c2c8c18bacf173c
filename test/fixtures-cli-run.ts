/**
 * Runs transform fixtures through `typedc build` (in-process, the CLI's `run`):
 * each fixture becomes a temporary project (its input.ts, a tsconfig.json with the
 * fixture programs' compiler options and the fixture's transformer options in the
 * @typedc/tsc-plugin plugin entry, node_modules linked to the workspace's), built
 * with the fixture folder as working directory, so paths in messages and runtime
 * locations are the same as the compiler-API path's (`baseDir` = fixture folder).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { run } from "../packages/cli/src/cli.js";
import type { CliIo } from "../packages/cli/src/io.js";
import ts from "typescript";
import { beforeAll, describe, expect, test } from "vitest";
import { expectedFiles, loadFixtures, type Fixture } from "./fixtures-helpers.ts";
import { runCompilerApi } from "./fixtures-run.ts";

/** CliFixtureResult is what `typedc build` gave for a fixture, as the fixture's expected files would hold it. */
export interface CliFixtureResult {
  readonly exitCode: number;
  readonly output?: string;
  readonly tables?: string;
  /** The TYPEDnnnn lines of stderr (tsc's TSnnnn lines are not part of fixtures). */
  readonly typedLines: readonly string[];
  readonly stderr: string;
}

/** TSCONFIG_OPTIONS are fixtures-helpers' compilerOptionsFor, spelled as tsconfig.json spells them. */
const TSCONFIG_OPTIONS = {
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "Bundler",
  strict: true,
  skipLibCheck: true,
  noEmitOnError: false,
  types: [],
  lib: ["es2022"],
  outDir: "out",
};

/** fixtureProjectRoot makes the temporary folder the fixture projects go in, with node_modules linked to the workspace's. */
export function fixtureProjectRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "typedc-fixtures-cli-"));
  symlinkSync(join(__dirname, "..", "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** buildFixture writes the fixture's project below `root` and runs `typedc build` in it. */
export function buildFixture(root: string, fx: Fixture): CliFixtureResult {
  const dir = join(root, fx.name);
  mkdirSync(dir, { recursive: true });
  // input.ts and the modules it imports (exec.ts is the test's, not the program's).
  for (const name of readdirSync(dirname(fx.input))) {
    if (name.endsWith(".ts") && name !== "exec.ts") writeFileSync(join(dir, name), readFileSync(join(dirname(fx.input), name), "utf8"));
  }
  const { compilerOptions, ...transformOptions } = fx.options as { compilerOptions?: Record<string, unknown> };
  const tsconfig = {
    compilerOptions: { ...TSCONFIG_OPTIONS, ...compilerOptions, plugins: [{ transform: "@typedc/tsc-plugin", ...transformOptions }] },
    files: ["input.ts"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  let stderr = "";
  const io: CliIo = { stdout: { write: () => true, isTTY: false }, stderr: { write: (t: string) => (stderr += t), isTTY: false }, env: {}, cwd: dir };
  const exitCode = run(["build"], io);
  const read = (file: string) => (existsSync(join(dir, "out", file)) ? readFileSync(join(dir, "out", file), "utf8") : undefined);
  const typedLines = stderr.split("\n").filter((line) => / TYPED\d+: /.test(line));
  return { exitCode, output: read("input.js"), tables: read("input.tables.json"), typedLines, stderr };
}

/**
 * shardOf is the part of the fixtures one test file runs (fixtures-cli.test.ts and
 * fixtures-cli-2.test.ts split them so each file stays near 20 s on a busy machine).
 */
export function shardOf<T>(items: readonly T[], shard: number, shards: number): T[] {
  return items.filter((_item, i) => i % shards === shard);
}

/** linesOf splits a diagnostics.txt into its lines (none for an absent file). */
export function linesOf(text: string | undefined): string[] {
  return text === undefined ? [] : text.split("\n").filter((line) => line !== "");
}

/** describeFixturesCli declares the tests of one shard of the fixtures (half of them per test file). */
export function describeFixturesCli(shard: number, shards: number): void {
  const fixtures = loadFixtures();
  test("the shards cover the fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(50);
    expect(shardOf(fixtures, shard, shards).length).toBeGreaterThanOrEqual(Math.floor(fixtures.length / shards));
  });
  let root = "";
  beforeAll(() => {
    root = fixtureProjectRoot();
  });
  describe.each(shardOf(fixtures, shard, shards).map((fx) => [fx.name, fx] as const))("%s", (_name, fx) => fixtureTests(() => root, fx));
}

// fixtureTests builds one fixture with the CLI and compares it with the compiler API and the expected files.
function fixtureTests(root: () => string, fx: Fixture): void {
  let cli: CliFixtureResult;
  beforeAll(() => {
    cli = buildFixture(root(), fx);
  });
  test("typedc build writes what the compiler API emits", () => {
    const api = expectedFiles(fx, runCompilerApi(ts, fx));
    expect(cli.output).toBe(api.output);
    expect(cli.tables).toBe(api.tables);
    expect([...cli.typedLines].sort()).toEqual(linesOf(api.diagnostics).sort());
  });
  test("typedc build gives the fixture's expected files", () => {
    expect([...cli.typedLines].sort()).toEqual(linesOf(fx.diagnostics).sort());
    expect(cli.output).toBe(fx.output);
    expect(cli.tables).toBe(fx.tables);
    const errors = linesOf(fx.diagnostics).some((line) => / - error TYPED|^error TYPED/.test(line));
    expect(cli.exitCode).toBe(errors ? 1 : cli.stderr.includes(" error TS") ? 1 : 0);
  });
}
