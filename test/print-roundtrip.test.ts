/**
 * printTs and the TypeScript extractor together: every seeded random DeclSet
 * (fixtures/layout/random/*\/decls.json) printed as TypeScript and read back by
 * `extractFromFiles` is the same DeclSet. Also checks that the committed input.ts
 * and input.c are what printTs and printC print today.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { checkDecls } from "../packages/core/src/ir/check.js";
import type { DeclSet } from "../packages/core/src/ir/ctype.js";
import { printC, printTs } from "../packages/core/src/ir/print.js";
import { extractFromFiles } from "../packages/tsc-plugin/src/extract.js";
import { LAYOUT_FIXTURES } from "../scripts/oracle/fixture-files.js";
import { fixtureDirs } from "../scripts/oracle/load-fixture.js";

const RANDOM = fixtureDirs(join(LAYOUT_FIXTURES, "random"));

// withoutLoc drops source positions, which decls.json does not have.
function withoutLoc(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLoc);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "loc").map(([k, v]) => [k, withoutLoc(v)]));
}

// firstDifferentType names the first declaration that differs, to keep failures short.
function firstDifferentType(got: DeclSet, want: DeclSet): string | undefined {
  const names = [...new Set([...Object.keys(want.types), ...Object.keys(got.types)])];
  return names.find((n) => JSON.stringify(sorted(got.types[n])) !== JSON.stringify(sorted(want.types[n])));
}

// sorted returns a copy with object keys in sorted order (key order is not meaning).
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
}

// body drops the generated-by header line of a committed file.
function body(text: string): string {
  return text.slice(text.indexOf("\n") + 1);
}

describe("printTs → extractFromFiles round trip", () => {
  it("has the seeded random fixtures", () => {
    expect(RANDOM.length).toBeGreaterThanOrEqual(25);
  });

  for (const dir of RANDOM) {
    it(relative(LAYOUT_FIXTURES, dir), () => {
      const want = JSON.parse(readFileSync(join(dir, "decls.json"), "utf8")) as DeclSet;
      // The generator promises valid declarations only: the type-model checks agree.
      expect(checkDecls(want).map((d) => `TYPED${d.code}: ${d.messageText}`)).toEqual([]);
      expect(body(readFileSync(join(dir, "input.ts"), "utf8"))).toBe(printTs(want));
      expect(body(readFileSync(join(dir, "input.c"), "utf8"))).toBe(printC(want));
      // No default lib: the declarations only need @typedc/runtime, and this keeps each program small.
      const result = extractFromFiles(ts, [join(dir, "input.ts")], { noLib: true, types: [] });
      expect(result.diagnostics.map((d) => `TYPED${d.code}: ${d.messageText}`)).toEqual([]);
      const got = withoutLoc(result.value) as DeclSet;
      const differing = firstDifferentType(got, want);
      if (differing !== undefined) {
        expect.fail(`${differing}:\n  extracted ${JSON.stringify(got.types[differing])}\n  printed   ${JSON.stringify(want.types[differing])}`);
      }
      expect(Object.keys(got.types)).toEqual(Object.keys(want.types));
    });
  }
});
