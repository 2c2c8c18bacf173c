/**
 * @typedc/unplugin (issue #5): a small app using `__typed` builds with esbuild, Vite, Rollup and
 * webpack and the plugin, and each bundle runs correctly in Node (child process, printed values,
 * a bounds error naming the .ts location). Files that do not reach `@typedc/runtime` are left
 * alone (Rollup and webpack strip their types with Babel's preset-typescript, as configured in
 * docs/babel.md "Bundlers"). A typedc error fails every build with its code and location.
 * Needs the build: `npx tsc -b packages/babel-plugin packages/bundler-plugin`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformAsync } from "@babel/core";
import typedcBabel from "@typedc/babel-plugin";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import typedc, { RuntimeReach, type TypedcBundlerOptions } from "../packages/bundler-plugin/src/index.ts";

const dir = mkdtempSync(join(__dirname, ".tmp-bundler-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** BAD_LINE is line 4 of bad.ts: a typed access to a member T does not have (TYPED1201 at `t.b`). */
const BAD_LINE = "export function f(t: __typed<T>) { return t.b; }";
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
  // Throws at line 5, column 9: the bundles' source maps must lead there (typedc's rewrite adds lines above it).
  "trace.ts": `import { tasks } from "./shared";
tasks[2].pid = 7;
type Pair = { a: number; b: number };
function fail(p: Pair): never {
  throw new Error(\`pid \${tasks[2].pid}, a \${p.a}\`);
}
try { fail({ a: 1, b: 2 }); } catch (e) { console.log((e as Error).stack!.split("\\n")[1]); }
`,
  "bad.ts": `import type { i32 } from "@typedc/runtime";\nimport type { __typed } from "@typedc/runtime";\ninterface T { a: i32 }\n${BAD_LINE}\n`,
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
const FORMATS = ["x86_64-linux", "s390x-linux"];

/** expectBadAccess checks a failed build's message: the file, the TYPED code and text, and a code frame at line 4 with its caret under `b` of `t.b`. */
function expectBadAccess(message: string): void {
  expect(message).toContain(`${join(dir, "bad.ts")}: TYPED1201: 'T' has no member 'b'.`);
  expect(message).toContain(`> 4 | ${BAD_LINE}\n    | ${" ".repeat(BAD_LINE.indexOf(".b;") + 1)}^\n`);
}

/** expectTraceFrame runs a bundle of trace.ts with Node's source-map support: the throwing frame is trace.ts line 5, column 9. */
function expectTraceFrame(bundle: string): void {
  const frame = execFileSync(process.execPath, ["--enable-source-maps", bundle], { cwd: dir, encoding: "utf8" }).trim();
  expect(frame).toMatch(/^at fail \(.*\btrace\.ts:5:9\)$/);
}

/** expectAppOutput runs a bundle of main.ts in Node: the compiled accesses' values, then the bounds error at main.ts:6:20. */
function expectAppOutput(bundle: string): void {
  const stdout = execFileSync(process.execPath, [bundle], { cwd: dir, encoding: "utf8" });
  const [values, error] = stdout.trim().split("\n");
  expect(JSON.parse(values!)).toEqual({ pid5: 10, v3: "5", n: 8 });
  expect(error).toBe("main.ts:6:20 tasks[9].pid: Index 9 is out of range for an array of 8 elements. (TYPED5102)");
}

/**
 * STRIP_TYPES is the Babel configuration the Rollup and webpack builds use for TypeScript:
 * neither bundler reads TypeScript, and typedc compiles only the files that reach the runtime
 * (plain.ts here), so the other files need the usual TypeScript step after typedc's.
 */
const STRIP_TYPES = { babelrc: false, configFile: false, presets: [["@babel/preset-typescript", { allowDeclareFields: true }]] };

/** rollupBuild bundles an entry with Rollup as docs/babel.md configures it (typedc first, then resolution with .ts, then Babel). */
async function rollupBuild(entry: string, outFile: string): Promise<void> {
  const { rollup } = await import("rollup");
  const { nodeResolve } = await import("@rollup/plugin-node-resolve");
  const { babel } = await import("@rollup/plugin-babel");
  const bundle = await rollup({
    input: entry,
    external: ["@typedc/runtime"],
    onwarn: (warning) => {
      throw new Error(`unexpected Rollup warning: ${warning.message}`);
    },
    plugins: [
      typedc.rollup({ formats: FORMATS, baseDir: dir }),
      nodeResolve({ extensions: [".ts", ".js"] }),
      babel({ ...STRIP_TYPES, babelHelpers: "bundled", extensions: [".ts"] }),
    ],
  });
  try {
    await bundle.write({ file: outFile, format: "cjs", sourcemap: true });
  } finally {
    await bundle.close();
  }
}

/** webpackBuild bundles an entry with webpack as docs/babel.md configures it (plus `preRules`); resolves to the build's error messages. */
async function webpackBuild(entry: string, outDir: string, preRules: import("webpack").RuleSetRule[] = []): Promise<string[]> {
  const { default: webpack } = await import("webpack");
  const compiler = webpack({
    mode: "none", // no minifier: the bundle is read below
    context: dir,
    target: "node",
    devtool: "source-map",
    entry,
    output: { path: outDir, filename: "app.cjs" },
    externals: { "@typedc/runtime": "commonjs @typedc/runtime" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, loader: "babel-loader", options: STRIP_TYPES }, ...preRules] },
    plugins: [typedc.webpack({ formats: FORMATS, baseDir: dir })],
  });
  const stats = await new Promise<import("webpack").Stats>((resolve, reject) => compiler.run((err, result) => (err ? reject(err) : resolve(result!))));
  await new Promise<void>((resolve, reject) => compiler.close((err) => (err ? reject(err) : resolve())));
  return stats.compilation.errors.map((e) => e.message);
}

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

  it("hands the Babel plugin all of its options (versionLoops, precompile), and it checks them", async () => {
    const file = join(dir, "main.ts");
    const viaPlugin = async (options: TypedcBundlerOptions & Record<string, unknown>) => {
      const plugin = typedc.raw(options, { framework: "rollup" }) as { transform: (code: string, id: string) => Promise<{ code: string } | null> };
      return (await plugin.transform(files["main.ts"]!, file))?.code;
    };
    const viaBabel = async (options: Record<string, unknown>) =>
      (await transformAsync(files["main.ts"]!, { filename: file, babelrc: false, configFile: false, plugins: [[typedcBabel, options]], presets: [["@babel/preset-typescript", { allowDeclareFields: true }]] }))?.code;
    const usual = await viaPlugin({});
    for (const options of [{ versionLoops: false }, { precompile: ["x86_64-linux"] }]) {
      const code = await viaPlugin(options);
      expect(code).not.toBe(usual); // the option changed the output ...
      expect(code).toBe(await viaBabel(options)); // ... as it does the Babel plugin's
    }
    await expect(viaPlugin({ versionLoop: false })).rejects.toThrow(/TYPED2501: Unknown option 'versionLoop'/);
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
    expectAppOutput(outfile);
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
    expectAppOutput(join(dir, "vite-out", "app.cjs"));
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
    const failed = await build({ entryPoints: [join(dir, "bad.ts")], bundle: true, write: false, logLevel: "silent", external: ["@typedc/runtime"], plugins: [typedc.esbuild()] }).then(
      () => "",
      (e: Error) => e.message,
    );
    expectBadAccess(failed);
  });

  it("a Rollup build of the same app runs in Node", async () => {
    const outFile = join(dir, "rollup-out", "app.cjs");
    await rollupBuild(join(dir, "main.ts"), outFile);
    const bundle = readFileSync(outFile, "utf8");
    expect(bundle).toContain("__typedc$cref"); // accesses were compiled
    expect(bundle).toMatch(/function double\(x\) \{\s+return x \* 2;/); // plain.ts, types stripped by Babel
    expectAppOutput(outFile);
  });

  it("a webpack build of the same app runs in Node", async () => {
    const outDir = join(dir, "webpack-out");
    expect(await webpackBuild(join(dir, "main.ts"), outDir)).toEqual([]);
    const bundle = readFileSync(join(outDir, "app.cjs"), "utf8");
    expect(bundle).toContain("__typedc$cref");
    expect(bundle).toMatch(/function double\(x\) \{\s+return x \* 2;/);
    expectAppOutput(join(outDir, "app.cjs"));
  });

  it("a typedc error fails the Rollup build with its code and location", async () => {
    const failed = await rollupBuild(join(dir, "bad.ts"), join(dir, "rollup-bad", "bad.cjs")).then(
      () => "",
      (e: Error) => e.message,
    );
    expectBadAccess(failed);
  });

  it("a typedc error fails the webpack build with its code and location", async () => {
    const errors = await webpackBuild(join(dir, "bad.ts"), join(dir, "webpack-bad"));
    expect(errors).toHaveLength(1);
    expectBadAccess(errors[0]!);
    expect(errors[0]).not.toMatch(/\n\s+at /); // a diagnostic, not a crash: webpack prints no JavaScript stack

  });

  it("Rollup's and webpack's source maps lead from the bundle back to the .ts line and column", async () => {
    await rollupBuild(join(dir, "trace.ts"), join(dir, "rollup-trace", "app.cjs"));
    expectTraceFrame(join(dir, "rollup-trace", "app.cjs"));
    expect(await webpackBuild(join(dir, "trace.ts"), join(dir, "webpack-trace"))).toEqual([]);
    expectTraceFrame(join(dir, "webpack-trace", "app.cjs"));
  });

  it("webpack: typedc composes its source map with the map of a pre-loader that ran before it", async () => {
    // A pre-loader of the user's runs before typedc's (webpack runs the pre-loaders of later rules
    // first). This one adds three lines at the top, with Babel's exact map of that change.
    const loader = join(dir, "add-lines-loader.cjs");
    writeFileSync(
      loader,
      `const babel = require("@babel/core");
module.exports = function (source) {
  const addLines = ({ types: t }) => ({ visitor: { Program(path) { for (let i = 0; i < 3; i++) path.unshiftContainer("body", t.expressionStatement(t.numericLiteral(0))); } } });
  const out = babel.transformSync(source, { filename: this.resourcePath, sourceFileName: this.resourcePath, babelrc: false, configFile: false, sourceMaps: true, parserOpts: { plugins: ["typescript"] }, plugins: [addLines] });
  this.callback(null, out.code, out.map);
};
`,
    );
    const outDir = join(dir, "webpack-trace-pre");
    expect(await webpackBuild(join(dir, "trace.ts"), outDir, [{ test: /trace\.ts$/, enforce: "pre", loader }])).toEqual([]);
    expect(readFileSync(join(outDir, "app.cjs"), "utf8")).toMatch(/^\s*0;$/m); // the pre-loader ran
    expectTraceFrame(join(outDir, "app.cjs"));
  });
});
