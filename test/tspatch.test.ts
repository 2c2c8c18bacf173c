/**
 * The ts-patch path end to end: two programs compiled with `tspc` (the plugin named
 * in tsconfig.json, as users write it), each for another format — the main thread's
 * build carries only s390x-linux tables, the worker's only x86_64-linux — run with
 * node. The main thread creates the area big-endian; the worker attaches, morphs and
 * writes through its own compiled accesses. A bounds error's stack maps back to the
 * .ts line through the emitted source map (node --enable-source-maps).
 * Needs the build: `npx tsc -b packages/tsc-plugin`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = join(__dirname, "..");
const tspc = join(root, "node_modules", "ts-patch", "bin", "tspc.js");
let dir = "";

const SHARED = `import type { i32, u64, c_char, array } from "@typedc/runtime";
export interface Counter { hits: i32; total: u64; name: array<c_char, 16> }
`;
const MAIN = `import { Worker } from "node:worker_threads";
import { __typed, TypedMemory, readCString } from "@typedc/runtime";
import type { array } from "@typedc/runtime";
import type { Counter } from "./shared";

const mem = TypedMemory.create({ bytes: 1 << 17 });
const c: __typed<Counter> = __typed("counter", { memory: mem, format: "s390x-linux" });
c.hits = 41;
c.total = 1000n;
const worker = new Worker(__dirname + "/worker.js", { workerData: mem.buffer });
worker.on("exit", () => {
  const out = { hits: c.hits, total: String(c.total), name: readCString(c.name), stack: "" };
  const list: __typed<array<Counter, 2>> = __typed("list", { memory: mem, format: "s390x-linux" });
  try {
    out.hits += list[2].hits;
  } catch (e) {
    out.stack = (e as Error).stack ?? "";
  }
  console.log(JSON.stringify(out));
});
`;
const WORKER = `import { workerData } from "node:worker_threads";
import { __typed, TypedMemory, writeCString } from "@typedc/runtime";
import type { Counter } from "./shared";

const mem = TypedMemory.from(workerData);
const c: __typed<Counter> = __typed("counter", { memory: mem, format: "x86_64-linux", create: "never" });
c.hits++;
c.total += 234n;
writeCString(c.name, "from-x86_64");
`;

function tsconfig(files: string[], formats: string[], outDir: string): string {
  return JSON.stringify({
    compilerOptions: {
      target: "ES2022", module: "node16", moduleResolution: "node16", strict: true, skipLibCheck: true, types: ["node"],
      sourceMap: true, outDir, rootDir: "src",
      plugins: [{ transform: "@typedc/tsc-plugin", formats }],
    },
    files,
  }, null, 2);
}

beforeAll(() => {
  if (!existsSync(join(root, "packages", "tsc-plugin", "dist", "index.js"))) throw new Error("build first: npx tsc -b packages/tsc-plugin");
  dir = mkdtempSync(join(tmpdir(), "typedc-tspatch-"));
  // `@typedc/runtime` and the plugin resolve from the workspace (a file under node_modules would count as a library's).
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "shared.ts"), SHARED);
  writeFileSync(join(dir, "src", "main.ts"), MAIN);
  writeFileSync(join(dir, "src", "worker.ts"), WORKER);
  writeFileSync(join(dir, "tsconfig.main.json"), tsconfig(["src/main.ts"], ["s390x-linux"], "out"));
  writeFileSync(join(dir, "tsconfig.worker.json"), tsconfig(["src/worker.ts"], ["x86_64-linux"], "out"));
  for (const p of ["tsconfig.main.json", "tsconfig.worker.json"]) {
    try {
      execFileSync(process.execPath, [tspc, "-p", p], { cwd: dir, encoding: "utf8" });
    } catch (e) {
      throw new Error(`tspc -p ${p} failed:\n${(e as { stdout?: string }).stdout ?? ""}`);
    }
  }
});

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("tspc builds for two formats; main thread and worker share one area", () => {
  test("each build embeds only its own format's tables", () => {
    const main = readFileSync(join(dir, "out", "main.js"), "utf8");
    const worker = readFileSync(join(dir, "out", "worker.js"), "utf8");
    // The embedded type sets (`__typedc$loadTypes('{...}')`) hold each build's own format only.
    const formatsOf = (js: string) => {
      const json = /loadTypes\('(.*)'\)/.exec(js)![1]!;
      return Object.values(JSON.parse(json).types as Record<string, object>).map((set) => Object.keys(set));
    };
    expect(formatsOf(main)).toEqual([["s390x-linux"], ["s390x-linux"]]);
    expect(formatsOf(worker)).toEqual([["x86_64-linux"]]);
    expect(main).toContain("__typedc$cpath(");
  });
  test("the worker attaches to the big-endian area, morphs, and its writes are seen by the main thread", () => {
    const stdout = execFileSync(process.execPath, ["--enable-source-maps", join(dir, "out", "main.js")], { cwd: dir, encoding: "utf8" });
    const out = JSON.parse(stdout.trim()) as { hits: number; total: string; name: string; stack: string };
    expect(out.hits).toBe(42);
    expect(out.total).toBe("1234");
    expect(out.name).toBe("from-x86_64");
    // The error names the access and its source location; the stack maps back to the .ts line.
    expect(out.stack).toContain("src/main.ts:15:17 list[2].hits: Index 2 is out of range for an array of 2 elements. (TYPED5102)");
    expect(out.stack).toMatch(/src\/main\.ts:15:\d+\)?\n/);
  });
});
