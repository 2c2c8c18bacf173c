/**
 * Three-front-end equivalence, Babel side (issue #5): every transform fixture goes through
 * @babel/core with the typedc plugin and preset-typescript; output.js (after the one
 * normalisation of babel-front.ts, applied to both sides), tables.json and diagnostics.txt
 * must equal the expected files, which are the tsc plugin's output. exec.ts runs against
 * the Babel output.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import * as runtime from "@typedc/runtime";
import { expectedFiles, loadFixtures } from "./fixtures-helpers.ts";
import { loadOutput } from "./fixtures-run.ts";
import { normaliseJs, runBabel } from "./babel-front.ts";

const fixtures = loadFixtures();

describe.each(fixtures.map((fx) => [fx.name, fx] as const))("%s", (_name, fx) => {
  const result = () => runBabel(fx, readFileSync(fx.input, "utf8"));
  test("Babel gives the expected files", () => {
    const r = result();
    const files = expectedFiles(fx, r);
    if (fx.diagnostics !== undefined && /^\S+ - error TYPED1005:/.test(fx.diagnostics)) {
      // Syntax errors (docs/babel.md): Babel stops at the first, TypeScript recovers and words its
      // own messages; the first 1005's code and location are the same.
      const head = (text: string | undefined) => /^(\S+ - error TYPED\d+):/.exec(text ?? "")?.[1];
      expect(head(files.diagnostics)).toBe(head(fx.diagnostics));
      expect(files.diagnostics!.trimEnd().split("\n")).toHaveLength(1);
    } else expect(files.diagnostics).toBe(fx.diagnostics);
    expect(files.output).toBe(fx.output === undefined ? undefined : normaliseJs(fx.output));
    expect(files.tables).toBe(fx.tables);
  });
  if (fx.exec !== undefined && fx.output !== undefined) {
    test("exec.ts passes against the Babel output", async () => {
      const r = result();
      const exec = (await import(fx.exec!)) as { default: (mod: Record<string, any>, rt: typeof runtime) => void | Promise<void> };
      await exec.default(loadOutput(ts, r.raw!, runtime), runtime);
    });
  }
});
