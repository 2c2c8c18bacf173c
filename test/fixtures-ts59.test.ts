/**
 * Every transform fixture through the compiler-API path on TypeScript 5.9 (the
 * oldest supported): the same output.js, tables.json and diagnostics.txt as on 6.0.
 */
import type * as TS from "typescript";
import { describe, expect, test } from "vitest";
import { expectedFiles, loadFixtures, UPDATE } from "./fixtures-helpers.ts";
import { runCompilerApi } from "./fixtures-run.ts";

const ts59 = require("typescript-5.9") as typeof TS;

test("TypeScript 5.9 is the one installed as typescript-5.9", () => {
  expect(ts59.version).toBe("5.9.3");
});

describe.skipIf(UPDATE).each(loadFixtures().map((fx) => [fx.name, fx] as const))("%s", (_name, fx) => {
  test("compiler API on TypeScript 5.9 gives the same files", () => {
    const files = expectedFiles(fx, runCompilerApi(ts59, fx));
    expect(files.diagnostics).toBe(fx.diagnostics);
    expect(files.output).toBe(fx.output);
    expect(files.tables).toBe(fx.tables);
  });
});
