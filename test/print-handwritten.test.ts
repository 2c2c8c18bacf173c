/**
 * printTs on what the extractor makes of hand-written TypeScript: for every quirk and
 * header fixture, extract(input.ts) → printTs → extract gives the same DeclSet
 * (aliases, enums, anonymous members, attributes as the user wrote them).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { DeclSet } from "../packages/core/src/ir/ctype.js";
import { printTs } from "../packages/core/src/ir/print.js";
import { extractFromFiles } from "../packages/tsc-plugin/src/extract.js";
import { LAYOUT_FIXTURES, WORK_DIR } from "../scripts/oracle/fixture-files.js";
import { fixtureDirs } from "../scripts/oracle/load-fixture.js";

const HAND_WRITTEN = fixtureDirs(LAYOUT_FIXTURES).filter((d) => !relative(LAYOUT_FIXTURES, d).startsWith("random"));
// Inside the repository (git-ignored) so that "@typedc/runtime" resolves as it does for the fixtures.
const OUT_DIR = join(WORK_DIR, "print-handwritten");

// extract reads one file without the default lib (the declarations need none).
function extract(file: string): DeclSet {
  const result = extractFromFiles(ts, [file], { noLib: true, types: [] });
  expect(result.diagnostics.map((d) => `TYPED${d.code}: ${d.messageText}`)).toEqual([]);
  return withoutLoc(result.value) as DeclSet;
}

// withoutLoc drops source positions (they differ between the two files by construction).
function withoutLoc(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLoc);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "loc").map(([k, v]) => [k, withoutLoc(v)]));
}

describe("extract → printTs → extract", () => {
  it("has the hand-written fixtures", () => {
    expect(HAND_WRITTEN.length).toBeGreaterThanOrEqual(19);
  });

  for (const dir of HAND_WRITTEN) {
    const name = relative(LAYOUT_FIXTURES, dir);
    it(name, () => {
      const first = extract(join(dir, "input.ts"));
      const printedFile = join(OUT_DIR, `${name.replace(/[^A-Za-z0-9_-]+/g, "_")}.ts`);
      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(printedFile, printTs(first));
      const second = extract(printedFile);
      for (const typeName of Object.keys(first.types)) expect(second.types[typeName], typeName).toEqual(first.types[typeName]);
      expect(Object.keys(second.types)).toEqual(Object.keys(first.types));
    });
  }
});
