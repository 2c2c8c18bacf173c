/**
 * demo-typecheck: the demo (demo/src) and the README tour's examples type-check with
 * the repository's TypeScript 6 (demo/tsconfig.json); they run through tsx, which
 * does not type-check.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

test("the demo and the tour examples type-check with TypeScript 6 (tsc -p demo)", async () => {
  const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
  const out = await new Promise<{ code: number; text: string }>((resolve) =>
    execFile(process.execPath, [tsc, "-p", "demo"], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? 1 : 0, text: stdout + stderr })),
  );
  expect(out.text).toBe("");
  expect(out.code).toBe(0);
}, 60_000);
