/**
 * The real `typedc layout --format all --json` (built CLI, SPEC §7) on a layout fixture
 * prints exactly clang-19's layouts from expected.json, in SPEC §7's key order.
 * Needs `npx tsc -b packages/cli` (npm test builds first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { LayoutJson } from "../packages/core/src/layout/json.js";
import { diffLayouts, summarizeDiffs } from "../scripts/oracle/diff-layouts.js";
import { LAYOUT_FIXTURES, REPO_ROOT } from "../scripts/oracle/fixture-files.js";

const CLI = join(REPO_ROOT, "packages/cli/dist/main.js");
// kernel-like headers: named and anonymous inline records, bit-fields, aliases, atomics, flexible arrays.
const FIXTURE = join(LAYOUT_FIXTURES, "headers/kernel");

// cliLacksLayout tells why the CLI test cannot run yet (undefined when it can).
function cliLacksLayout(): string | undefined {
  if (!existsSync(CLI)) return "packages/cli/dist/main.js is not built (npx tsc -b packages/cli)";
  const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8", timeout: 30_000 });
  return /\blayout\b/.test(help.stdout + help.stderr) ? undefined : "packages/cli/dist/main.js has no `layout` command yet";
}

const missing = cliLacksLayout();

describe("typedc layout --json against clang", () => {
  it.skipIf(missing !== undefined)(`prints clang's layouts for ${relative(LAYOUT_FIXTURES, FIXTURE)}${missing ? ` (skipped: ${missing})` : ""}`, () => {
    const run = spawnSync(process.execPath, [CLI, "layout", join(FIXTURE, "input.ts"), "--format", "all", "--json"], {
      cwd: REPO_ROOT, encoding: "utf8", timeout: 30_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, Record<string, LayoutJson>>;
    const clang = JSON.parse(readFileSync(join(FIXTURE, "expected.json"), "utf8")) as typeof printed;
    const diffs = diffLayouts(clang, printed);
    if (diffs.length > 0) expect.fail(summarizeDiffs(diffs));
    // SPEC §7 shapes, key order included: ABIs in SPEC §5 order, then kind/size/align/fields.
    expect(Object.keys(printed)).toEqual(Object.keys(clang));
    const task = printed["x86_64-linux"]!["task_struct"]!;
    expect(Object.keys(task)).toEqual(["kind", "size", "align", "fields"]);
    const bitField = task.fields.find((f) => f.bitSize !== undefined)!;
    expect(Object.keys(bitField)).toEqual(["name", "offset", "size", "bitOffset", "bitSize"]);
    const inline = task.fields.find((f) => f.inline !== undefined)!;
    expect(Object.keys(inline)).toEqual(["name", "offset", "size", "inline"]);
    expect(Object.keys(inline.inline!)).toEqual(["kind", "size", "fields"]);
  });
});
