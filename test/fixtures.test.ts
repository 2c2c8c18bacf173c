/**
 * Every transform fixture through the tsc front-end's compiler-API path on
 * TypeScript 6.0 (the expected files are this path's output; `UPDATE=1` rewrites
 * them), and each fixture's exec.ts against the runtime. TypeScript 5.9
 * (fixtures-ts59.test.ts) and ts-patch (fixtures-paths.test.ts) give the same files
 * (separate files keep each under the suite's time budget). Other front-ends (the
 * CLI's `typedc build`, Babel) add their path here.
 */
import ts from "typescript";
import { describe, expect, test } from "vitest";
import * as runtime from "@typedc/runtime";
import { checkConsistent, expectedFiles, loadFixtures, UPDATE, writeExpected } from "./fixtures-helpers.ts";
import { loadOutput, runCompilerApi } from "./fixtures-run.ts";

const fixtures = loadFixtures();

describe("fixture loader", () => {
  test("finds the transform fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(50);
  });
  test("rejects a fixture with both output.js and error diagnostics", () => {
    expect(() => checkConsistent({ name: "x/y", output: "x;\n", diagnostics: "input.ts:1:1 - error TYPED1201: 'T' has no member 'q'.\n" })).toThrow(/both output.js and error diagnostics/);
    expect(() => checkConsistent({ name: "x/y", output: "x;\n", diagnostics: undefined })).not.toThrow();
  });
});

describe.each(fixtures.map((fx) => [fx.name, fx] as const))("%s", (_name, fx) => {
  test("compiler API on TypeScript 6.0 gives the expected files", () => {
    const result = runCompilerApi(ts, fx);
    if (UPDATE) return writeExpected(fx, result);
    const files = expectedFiles(fx, result);
    expect(files.diagnostics).toBe(fx.diagnostics);
    expect(files.output).toBe(fx.output);
    expect(files.tables).toBe(fx.tables);
  });
  if (fx.exec !== undefined && fx.output !== undefined) {
    test("exec.ts passes against output.js", async () => {
      const exec = (await import(fx.exec!)) as { default: (mod: Record<string, any>, rt: typeof runtime) => void | Promise<void> };
      await exec.default(loadOutput(ts, fx.output!, runtime), runtime);
    });
  }
});
