/**
 * interop-cli: the built `typedc layout --json` (SPEC §7) on interop/producers/records.ts
 * prints, for each of the 7 producer ABIs, exactly the layout the real cross compiler
 * chose (fixtures/interop/<abi>/records.json `layout`, same JSON shape by design).
 * Needs `npx tsc -b packages/cli` (npm test builds first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CLI = `${ROOT}packages/cli/dist/main.js`;
const PRODUCER_ABIS = ["x86_64-linux", "aarch64-linux", "i386-linux", "armv7-linux", "riscv64-linux", "s390x-linux", "mips-linux"];

// cliMissing tells why the test cannot run (undefined when it can).
function cliMissing(): string | undefined {
  if (!existsSync(CLI)) return "packages/cli/dist/main.js is not built (npx tsc -b packages/cli)";
  const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8", timeout: 30_000 });
  return /\blayout\b/.test(help.stdout + help.stderr) ? undefined : "the built CLI has no `layout` command";
}
const missing = cliMissing();

it.skipIf(missing !== undefined)(`typedc layout --json prints what the cross compilers chose${missing ? ` (skipped: ${missing})` : ""}`, () => {
  const run = spawnSync(process.execPath, [CLI, "layout", "interop/producers/records.ts", "--format", PRODUCER_ABIS.join(","), "--json"], {
    cwd: ROOT, encoding: "utf8", timeout: 30_000,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const printed = JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
  expect(Object.keys(printed)).toEqual(PRODUCER_ABIS);
  for (const abi of PRODUCER_ABIS) {
    const compiled = JSON.parse(readFileSync(`${ROOT}fixtures/interop/${abi}/records.json`, "utf8")).layout as Record<string, unknown>;
    // Every record type, with the same key order as the C program printed it.
    expect({ abi, layout: printed[abi] }).toEqual({ abi, layout: compiled });
    expect(JSON.stringify(printed[abi])).toBe(JSON.stringify(compiled));
  }
});
