/**
 * run-oracle compiles each layout fixture's C form with clang-19 for the 12 ABIs
 * and writes clang's layouts as SPEC §7's multi-format `--json` object:
 * fixtures/layout/<group>/<case>/expected.json (and input.c, for review).
 *
 *   npx tsx scripts/oracle/run-oracle.ts [fixture-dir ...]   (default: every fixture)
 */
import { join, relative } from "node:path";
import { printC } from "../../packages/core/src/ir/print.js";
import { C_FILE_HEADER, compactJson, LAYOUT_FIXTURES, REPO_ROOT, writeText } from "./fixture-files.js";
import { fixtureDirs, loadFixtureDecls } from "./load-fixture.js";
import { oracleLayouts } from "./oracle-layouts.js";

/** runOracle writes input.c and expected.json for one fixture folder. */
export async function runOracle(dir: string): Promise<void> {
  const decls = await loadFixtureDecls(dir);
  writeText(join(dir, "input.c"), `${C_FILE_HEADER}\n${printC(decls)}`);
  writeText(join(dir, "expected.json"), compactJson(oracleLayouts(decls, dir)) + "\n");
}

async function main(argv: readonly string[]): Promise<void> {
  const dirs = argv.length > 0 ? argv.map((d) => join(process.cwd(), d)) : fixtureDirs(LAYOUT_FIXTURES);
  for (const dir of dirs) {
    const started = Date.now();
    await runOracle(dir);
    console.log(`${relative(REPO_ROOT, dir)}: expected.json (${Date.now() - started} ms)`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
