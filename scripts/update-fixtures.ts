/**
 * update-fixtures rewrites the expected files of every transform fixture
 * (output.js, tables.json, diagnostics.txt) from the tsc plugin's compiler-API path
 * on TypeScript 6.0: the same as `UPDATE=1 npx vitest run test/fixtures.test.ts`.
 * Review the diff like code.
 *
 *   npx tsc -b packages/tsc-plugin && npx tsx scripts/update-fixtures.ts [group/case ...]
 */
import ts from "typescript";
import { loadFixtures, writeExpected } from "../test/fixtures-helpers.ts";
import { runCompilerApi } from "../test/fixtures-run.ts";

const only = new Set(process.argv.slice(2));
let written = 0;
for (const fx of loadFixtures()) {
  if (only.size > 0 && !only.has(fx.name)) continue;
  writeExpected(fx, runCompilerApi(ts, fx));
  written++;
}
console.log(`rewrote the expected files of ${written} fixture(s)`);
