/**
 * @typedc/unplugin (issue #5): a small app using `__typed` builds with esbuild and with Vite
 * and the plugin, and the bundle runs correctly in Node (child process, printed values, a bounds
 * error naming the .ts location). Files that do not reach `@typedc/runtime` are left alone.
 * Needs the build: `npx tsc -b packages/babel-plugin packages/bundler-plugin`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import typedc, { RuntimeReach } from "../packages/bundler-plugin/src/index.ts";

const dir = mkdtempSync(join(__dirname, ".tmp-bundler-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  "shared.ts": `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, u64, array } from "@typedc/runtime";
export interface Task { pid: i32; vruntime: u64 }
export const mem = TypedMemory.create({ bytes: 1 << 16 });
export const tasks: __typed<array<Task, 8>> = __typed("tasks", { memory: mem, format: "s390x-linux" });
`,
  "plain.ts": `export function double(x: number): number {
  return x * 2;
}
`,
  "main.ts": `import { tasks } from "./shared";
import { double } from "./plain";
for (let i = 0; i < tasks.length; i++) tasks[i].pid = double(i);
tasks[3].vruntime += 5n;
console.log(JSON.stringify({ pid5: tasks[5].pid, v3: String(tasks[3].vruntime), n: tasks.length }));
try { const k = 9; tasks[k].pid = 1; } catch (e) { console.log((e as Error).message); }
`,
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

describe("@typedc/unplugin", () => {
  it("has the entry points of every bundler", () => {
    for (const host of ["vite", "rollup", "esbuild", "webpack"] as const) expect(typeof typedc[host]).toBe("function");
    expect((typedc.vite() as { name: string }).name).toBe("typedc");
    expect((typedc.esbuild() as { name: string }).name).toBe("typedc");
  });

  it("compiles the files that reach @typedc/runtime, directly or through relative imports, and no others", () => {
    const reach = new RuntimeReach();
    expect(reach.reaches(join(dir, "shared.ts"))).toBe(true);
    expect(reach.reaches(join(dir, "main.ts"))).toBe(true); // reads `tasks` imported from ./shared
    expect(reach.reaches(join(dir, "plain.ts"))).toBe(false);
  });

  it("an esbuild bundle of a __typed app runs in Node with the compiled accesses", async () => {
    const outfile = join(dir, "out.cjs");
    await build({
      entryPoints: [join(dir, "main.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile,
      external: ["@typedc/runtime"],
      logLevel: "silent",
      plugins: [typedc.esbuild({ formats: ["x86_64-linux", "s390x-linux"], baseDir: dir })],
    });
    const bundle = readFileSync(outfile, "utf8");
    expect(bundle).toContain("__typedc$cref"); // accesses were compiled (not the runtime's dynamic views)
    expect(bundle).toMatch(/function double\(x\) \{\s+return x \* 2;/); // plain.ts as esbuild emits it
    const stdout = execFileSync(process.execPath, [outfile], { cwd: dir, encoding: "utf8" });
    const [values, error] = stdout.trim().split("\n");
    expect(JSON.parse(values!)).toEqual({ pid5: 10, v3: "5", n: 8 });
    expect(error).toBe("main.ts:6:20 tasks[9].pid: Index 9 is out of range for an array of 8 elements. (TYPED5102)");
  });

  it("a Vite (SSR) build of the same app runs in Node", async () => {
    const { build: viteBuild } = await import("vite");
    await viteBuild({
      root: dir,
      logLevel: "silent",
      configFile: false,
      plugins: [typedc.vite({ formats: ["x86_64-linux", "s390x-linux"], baseDir: dir })],
      build: { ssr: join(dir, "main.ts"), outDir: join(dir, "vite-out"), minify: false, rollupOptions: { external: ["@typedc/runtime"], output: { format: "cjs", entryFileNames: "app.cjs" } } },
    });
    const stdout = execFileSync(process.execPath, [join(dir, "vite-out", "app.cjs")], { cwd: dir, encoding: "utf8" });
    const [values, error] = stdout.trim().split("\n");
    expect(JSON.parse(values!)).toEqual({ pid5: 10, v3: "5", n: 8 });
    expect(error).toBe("main.ts:6:20 tasks[9].pid: Index 9 is out of range for an array of 8 elements. (TYPED5102)");
  });

  it("examples/esbuild-app builds with its build.mjs and prints what its README says", () => {
    const example = join(__dirname, "..", "examples", "esbuild-app");
    execFileSync(process.execPath, [join(example, "build.mjs")], { encoding: "utf8" });
    const out = execFileSync(process.execPath, ["--enable-source-maps", join(example, "dist", "app.cjs")], { encoding: "utf8" });
    const readme = readFileSync(join(example, "README.md"), "utf8");
    const printed = /prints\n\n```\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(out).toBe(printed);
  });

  it("a typedc error fails the esbuild build with its code and location", async () => {
    writeFileSync(join(dir, "bad.ts"), `import type { i32 } from "@typedc/runtime";\nimport type { __typed } from "@typedc/runtime";\ninterface T { a: i32 }\nexport function f(t: __typed<T>) { return t.b; }\n`);
    const failed = await build({ entryPoints: [join(dir, "bad.ts")], bundle: true, write: false, logLevel: "silent", external: ["@typedc/runtime"], plugins: [typedc.esbuild()] }).then(
      () => "",
      (e: Error) => e.message,
    );
    expect(failed).toMatch(/TYPED1201: 'T' has no member 'b'/);
  });
});
