/**
 * The layout engine against clang: every fixture under fixtures/layout (declarations →
 * layoutJsonAll over the 12 ABIs) must equal clang-19's layouts in its expected.json
 * (written by scripts/oracle/run-oracle.ts). One test per fixture; a failure names the
 * first differing ABI, type and field and counts the rest.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ABI_IDS } from "../packages/core/src/abi/ids.js";
import { ABIS } from "../packages/core/src/abi/abis.js";
import { layoutJson, layoutJsonAll, type LayoutJson } from "../packages/core/src/layout/json.js";
import { diffLayouts, summarizeDiffs } from "../scripts/oracle/diff-layouts.js";
import { LAYOUT_FIXTURES, REPO_ROOT } from "../scripts/oracle/fixture-files.js";
import { fixtureDirs, loadFixtureDecls } from "../scripts/oracle/load-fixture.js";

const FIXTURES = fixtureDirs(LAYOUT_FIXTURES).filter((dir) => existsSync(join(dir, "expected.json")));
const ALL_ABIS = ABI_IDS.map((id) => ABIS[id]);

describe("layout oracle (clang-19 DWARF)", () => {
  it("has the seeded random fixtures and their expected layouts", () => {
    const random = FIXTURES.filter((d) => d.includes(`${join("layout", "random")}`));
    expect(random.length).toBeGreaterThanOrEqual(25);
  });

  for (const dir of FIXTURES) {
    it(relative(LAYOUT_FIXTURES, dir), async () => {
      const decls = await loadFixtureDecls(dir);
      const clang = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<string, Record<string, LayoutJson>>;
      const engine = layoutJsonAll(decls, ALL_ABIS);
      const diffs = diffLayouts(clang, engine);
      if (diffs.length > 0) expect.fail(`${relative(REPO_ROOT, dir)}: ${summarizeDiffs(diffs)}`);
      expect(Object.keys(engine)).toEqual([...ABI_IDS]);
    });
  }

  it("layoutJson keeps SPEC §7's order: declared types (aliases included), then kind/size/align/fields", async () => {
    const dir = join(LAYOUT_FIXTURES, "headers/kernel");
    const decls = await loadFixtureDecls(dir);
    const clang = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<string, Record<string, LayoutJson>>;
    const engine = layoutJson(decls, ABIS["aarch64-linux"]);
    expect(Object.keys(engine)).toEqual(Object.keys(clang["aarch64-linux"]!));
    expect(Object.keys(engine)).toContain("rcu_head");
    for (const layout of Object.values(engine)) {
      expect(Object.keys(layout)).toEqual(["kind", "size", "align", "fields"]);
      for (const f of layout.fields) {
        const order = ["name", "offset", "size", "bitOffset", "bitSize", "inline"].filter((k) => k in f);
        expect(Object.keys(f)).toEqual(order);
      }
    }
  });
});
