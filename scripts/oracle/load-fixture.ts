/**
 * Loading layout fixtures: a folder under fixtures/layout with either `decls.json`
 * (IR written by gen-random) or a hand-written `input.ts` read through the
 * TypeScript extractor of @typedc/tsc-plugin.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { DeclSet } from "../../packages/core/src/ir/ctype.js";

/** fixtureDirs returns every folder under `root` that holds a decls.json or an input.ts, sorted. */
export function fixtureDirs(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (existsSync(join(dir, "decls.json")) || existsSync(join(dir, "input.ts"))) found.push(dir);
    for (const entry of readdirSync(dir).sort()) {
      const sub = join(dir, entry);
      if (statSync(sub).isDirectory()) walk(sub);
    }
  };
  if (existsSync(root)) walk(root);
  return found;
}

/** loadFixtureDecls returns a fixture's DeclSet: decls.json if present, else input.ts through the extractor. */
export async function loadFixtureDecls(dir: string): Promise<DeclSet> {
  const declsFile = join(dir, "decls.json");
  if (existsSync(declsFile)) return JSON.parse(readFileSync(declsFile, "utf8")) as DeclSet;
  const { extractFromFiles } = await import("../../packages/tsc-plugin/src/extract.js");
  const ts = (await import("typescript")).default;
  // No default lib: fixtures only need @typedc/runtime, and a lib-free program builds in tens of ms.
  const result = extractFromFiles(ts, [join(dir, "input.ts")], { noLib: true, types: [] });
  const errors = result.diagnostics.filter((d) => d.category === "error");
  if (errors.length > 0) {
    throw new Error(`${dir}/input.ts: ${errors.map((d) => `TYPED${d.code}: ${d.messageText}`).join("; ")}`);
  }
  return result.value;
}
