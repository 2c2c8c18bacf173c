/**
 * The same fixtures through ts-patch 3.3's patched compiler (the plugin named as
 * tsconfig.json names it, diagnostics read back from tsc's own diagnostics). Outputs
 * must be identical to the compiler-API files (fixtures.test.ts). ts-patch loads the
 * built plugin: `npx tsc -b packages/tsc-plugin`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as TS from "typescript";
import { beforeAll, describe, expect, test } from "vitest";
import { expectedFiles, loadFixtures, UPDATE } from "./fixtures-helpers.ts";
import { runTsPatch } from "./fixtures-run.ts";

const ts59 = require("typescript-5.9") as typeof TS;
const tsp = require("ts-patch/compiler") as typeof TS;
const fixtures = loadFixtures();
const built = join(__dirname, "..", "packages", "tsc-plugin", "dist", "index.js");

beforeAll(() => {
  if (!existsSync(built)) throw new Error("build the plugin first: npx tsc -b packages/tsc-plugin");
});

test("the TypeScript versions are the ones supported", () => {
  expect(ts59.version).toBe("5.9.3");
  expect(tsp.version.startsWith("6.0")).toBe(true);
});

describe.skipIf(UPDATE).each(fixtures.map((fx) => [fx.name, fx] as const))("%s", (_name, fx) => {
  test("ts-patch gives the same output and diagnostics", () => {
    const r = runTsPatch(tsp, fx);
    const files = expectedFiles(fx, { ...r, tables: undefined });
    expect(files.diagnostics).toBe(fx.diagnostics);
    expect(files.output).toBe(fx.output);
    const display = join(fx.dir, "tsc.txt");
    if (existsSync(display)) {
      // How TYPEDnnnn shows in tsc's own output (report.ts), pinned.
      const options = { getCurrentDirectory: () => fx.dir, getCanonicalFileName: (f: string) => f, getNewLine: () => "\n" };
      const shown = tsp.formatDiagnostics(r.tsDiagnostics, options);
      expect(shown).toBe(readFileSync(display, "utf8"));
    }
  });
});
