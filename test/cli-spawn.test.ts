import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TASK_TS, writeTree } from "./cli-helpers.js";

// These tests run the built command (`npx tsc -b packages/cli`, or `npm run build`), as a user does.
const CLI = join(__dirname, "..", "packages", "cli", "dist", "main.js");

/** BAD_INPUTS are user mistakes: the file, and the one diagnostic line it must produce (path:line:col - error TYPEDnnnn). */
const BAD_INPUTS: readonly { name: string; file: string; text: string; line: RegExp }[] = [
  {
    name: "a string field",
    file: "string-field.ts",
    text: `import type { i32 } from "@typedc/runtime";\nexport interface A {\n  id: i32;\n  name: string;\n}\n`,
    line: /^string-field\.ts:4:9 - error TYPED1001: Field 'name' has type 'string', which has no C layout\. Use a C type such as array<c_char, N>/,
  },
  {
    name: "an optional field",
    file: "optional.ts",
    text: `import type { i32 } from "@typedc/runtime";\nexport interface A {\n  id: i32;\n  next?: i32;\n}\n`,
    line: /^optional\.ts:4:3 - error TYPED1002: Field 'next' is optional;/,
  },
  {
    name: "a method",
    file: "method.ts",
    text: `import type { i32 } from "@typedc/runtime";\nexport interface A {\n  id: i32;\n  run(): void;\n}\n`,
    line: /^method\.ts:4:3 - error TYPED1003: 'run' is a method; a typed struct holds data only\./,
  },
  {
    name: "a bit-field wider than its base",
    file: "bits9.ts",
    text: `import type { u8, bits } from "@typedc/runtime";\nexport interface A {\n  flags: bits<u8, 9>;\n}\n`,
    line: /^bits9\.ts:3:3 - error TYPED2003: Bit-field 'flags' is 9 bits wide but 'u8' holds 8\./,
  },
  {
    name: "an unknown type name",
    file: "unknown.ts",
    text: `import type { i32 } from "@typedc/runtime";\nexport interface A {\n  id: i32;\n  other: Missing;\n}\n`,
    line: /^unknown\.ts:4:10 - error TYPED1004: Cannot find C type 'Missing'\./,
  },
  {
    name: "a cycle by value",
    file: "cycle.ts",
    text: `import type { i32 } from "@typedc/runtime";\nexport interface A {\n  id: i32;\n  b: B;\n}\nexport interface B {\n  a: A;\n}\n`,
    line: /^cycle\.ts:\d+:\d+ - error TYPED2004: Type '[AB]' contains itself by value through '[ab]\.[ab]'\. Use 'ptr<[AB]>' to refer to it\./,
  },
  {
    name: "a syntax error",
    file: "syntax.ts",
    text: `import type { i32 } from "@typedc/runtime";\nexport interface A {\n  id: i32\n  x: = 3;\n}\n`,
    line: /^syntax\.ts:4:6 - error TYPED\d{4}: Type expected\./,
  },
];

/** Spawned is the outcome of one run of the built CLI. */
interface Spawned {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// runBuilt runs `node packages/cli/dist/main.js ...args` in a directory, without colours.
function runBuilt(args: readonly string[], cwd: string): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

let dir = "";
let results: Map<string, Spawned>;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with 'npx tsc -b packages/cli'`);
  dir = writeTree(Object.fromEntries([["task.ts", TASK_TS], ...BAD_INPUTS.map((b) => [b.file, b.text])]));
  // The processes run concurrently: each one pays Node's and TypeScript's start-up.
  const runs = await Promise.all([
    ...BAD_INPUTS.map((b) => runBuilt(["layout", b.file], dir).then((r) => [b.file, r] as const)),
    runBuilt(["layout", "task.ts", "--format", "all", "--json"], dir).then((r) => ["good", r] as const),
  ]);
  results = new Map(runs);
}, 120_000);

describe("the built typedc on bad input", () => {
  for (const bad of BAD_INPUTS) {
    it(`reports ${bad.name} at its location and exits 1`, () => {
      const r = results.get(bad.file)!;
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n")[0]).toMatch(bad.line);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.exitCode).toBe(1);
    });
  }
});

describe("the built typedc", () => {
  it("lays out a good file for every format and exits 0", () => {
    const r = results.get("good")!;
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)["x86_64-windows"].Task).toMatchObject({ kind: "struct", size: 56, align: 8 });
  });

  it("is an executable Node script, linked through a committed bin file", () => {
    expect(readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "packages", "cli", "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ typedc: "bin/typedc.js" });
    const bin = join(__dirname, "..", "packages", "cli", "bin", "typedc.js");
    expect(readFileSync(bin, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n[^]*require\("\.\.\/dist\/main\.js"\)/);
    expect(() => accessSync(bin, constants.X_OK)).not.toThrow();
  });
});
