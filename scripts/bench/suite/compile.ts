/**
 * compile (W6): build time of a generated 200-module tree (tree.ts).
 *   tsc-emit                  TypeScript's compiler API as the tsc command uses it: program, diagnostics, emit
 *   tsc+typedc-plugin         the same with the typedc transformer (`before: [typedTransformer(program)]`)
 *   tsc-cli / typedc-build    `tsc -p` and `typedc build -p` as child processes (only when `typedc build` exists)
 *   babel-preset-typescript   @babel/core + preset-typescript, file by file
 *   babel+typedc-plugin       the same with @typedc/babel-plugin (only once it rewrites `__typed` accesses)
 * A row whose front-end is missing is reported as not available, with the reason.
 * Each pair alternates with its baseline (timing.ts); every output is written to disk.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { errorRow, measuredRow, unavailableRow, type Row } from "./results.js";
import { median, timePair, type TimingOptions } from "./timing.js";
import { writeTree } from "./tree.js";

const ROOT = path.resolve(__dirname, "../../..");
const RUNTIME_TYPES = path.join(ROOT, "packages/runtime/dist/index.d.ts");

// compilerOptions: CommonJS output (nodenext, no "type": "module") like the packages, @typedc/runtime resolved to its built declarations.
function compilerOptions(outDir: string): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true, skipLibCheck: true, types: [], lib: ["lib.es2022.d.ts"], outDir,
    paths: { "@typedc/runtime": [RUNTIME_TYPES] },
  };
}

// tscBuild compiles the tree as `tsc` does (pre-emit diagnostics, then emit), optionally with transformers.
function tscBuild(files: string[], outDir: string, before?: (p: ts.Program) => ts.TransformerFactory<ts.SourceFile>[]): number {
  const program = ts.createProgram(files, compilerOptions(outDir));
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
  const emitted = program.emit(undefined, undefined, undefined, false, before === undefined ? undefined : { before: before(program) });
  const all = [...errors, ...emitted.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error)];
  if (all.length > 0) throw new Error(ts.flattenDiagnosticMessageText(all[0]!.messageText, "\n"));
  return files.length;
}

// babelBuild compiles the tree file by file with preset-typescript and the given plugins, writing each output.
function babelBuild(babel: any, preset: unknown, plugins: unknown[], files: string[], outDir: string): number {
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of files) {
    const code = fs.readFileSync(file, "utf8");
    const out = babel.transformSync(code, { filename: file, presets: [preset], plugins, babelrc: false, configFile: false });
    fs.writeFileSync(path.join(outDir, path.basename(file, ".ts") + ".js"), out.code);
  }
  return files.length;
}

// loadTransformer returns typedTransformer from the tsc plugin's sources, or why it cannot be used.
async function loadTransformer(): Promise<{ make?: (p: ts.Program) => ts.TransformerFactory<ts.SourceFile>; reason?: string }> {
  try {
    const plugin: any = await import("../../../packages/tsc-plugin/src/index.js");
    if (typeof plugin.typedTransformer !== "function") return { reason: "packages/tsc-plugin exports no typedTransformer yet" };
    return { make: (p) => plugin.typedTransformer(p, { ts }) };
  } catch (e) {
    return { reason: `packages/tsc-plugin does not load: ${(e as Error).message.split("\n")[0]}` };
  }
}

// typedcBuildCommand returns the argv of `typedc build`, or why there is none.
function typedcBuildCommand(): { argv?: string[]; reason?: string } {
  const bin = path.join(ROOT, "packages/cli/bin/typedc.js");
  if (!fs.existsSync(bin)) return { reason: "packages/cli/bin/typedc.js is missing" };
  const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
  if (!/^\s+build\b/m.test(help.stdout ?? "")) return { reason: "the typedc CLI has no `build` command yet (`typedc --help` lists none)" };
  return { argv: [bin, "build"] };
}

// babelPluginStatus tells whether @typedc/babel-plugin rewrites accesses: its output must differ from preset-typescript's alone.
async function babelPlugin(babel: any, preset: unknown, sample: string): Promise<{ plugin?: unknown; reason?: string }> {
  let plugin: unknown;
  try {
    plugin = (await import("../../../packages/babel-plugin/src/index.js")).default;
  } catch (e) {
    return { reason: `packages/babel-plugin does not load: ${(e as Error).message.split("\n")[0]}` };
  }
  const code = fs.readFileSync(sample, "utf8");
  const opts = { filename: sample, presets: [preset], babelrc: false, configFile: false };
  const plain = babel.transformSync(code, opts).code;
  const typed = babel.transformSync(code, { ...opts, plugins: [plugin] }).code;
  if (plain === typed) return { reason: "@typedc/babel-plugin checks declarations but does not rewrite __typed accesses yet (its output equals preset-typescript's)" };
  return { plugin };
}

/** runCompile measures W6 on a generated tree of `modules` files (`spawnRows`: also `tsc -p` vs `typedc build` as child processes). */
export async function runCompile(modules: number, timing: TimingOptions, log: (line: string) => void, spawnRows = true): Promise<Record<string, Row>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "typedc-w6-"));
  const out: Record<string, Row> = {};
  try {
    const files = writeTree(path.join(work, "src"), modules);
    const outDir = (name: string) => path.join(work, "out", name);
    // pair runs both builds once untimed (they must succeed; this is also their first warm-up), then times them.
    const pair = (id: string, baseline: string, base: () => unknown, f: () => unknown) => {
      try {
        base();
        f();
      } catch (e) {
        out[id] = errorRow(`${id}: ${(e as Error).message.split("\n")[0]}`);
        return;
      }
      const t = timePair(base, f, timing);
      out[baseline] ??= measuredRow(median(t.limitMs), 1, { reps: t.limitMs.length, note: `${modules} modules` });
      out[id] = measuredRow(median(t.implMs), median(t.ratios), { limit: baseline, reps: t.implMs.length, note: `${modules} modules` });
    };
    const tscPlain = () => tscBuild(files, outDir("tsc"));
    const transformer = await loadTransformer();
    if (transformer.make !== undefined) pair("tsc+typedc-plugin", "tsc-emit", tscPlain, () => tscBuild(files, outDir("tsc-plugin"), (p) => [transformer.make!(p)]));
    else {
      const t = timePair(tscPlain, tscPlain, { reps: timing.reps, warmups: timing.warmups });
      out["tsc-emit"] = measuredRow(median(t.limitMs), 1, { reps: t.limitMs.length, note: `${modules} modules` });
      out["tsc+typedc-plugin"] = unavailableRow(transformer.reason!);
    }
    const cli = spawnRows ? typedcBuildCommand() : { reason: "child-process rows are skipped in this mode" };
    if (cli.argv !== undefined) {
      const tsconfig = path.join(work, "tsconfig.json");
      fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: true, types: [], lib: ["es2022"], rootDir: "src", outDir: "out/cli", paths: { "@typedc/runtime": [RUNTIME_TYPES] } }, include: ["src"] }));
      const run = (argv: string[]) => () => {
        const r = spawnSync(process.execPath, argv, { cwd: work, encoding: "utf8" });
        if (r.status !== 0) throw new Error(`${argv.join(" ")}: exit ${r.status}: ${(r.stdout + r.stderr).split("\n")[0]}`);
      };
      pair("typedc-build", "tsc-cli", run([require.resolve("typescript/bin/tsc"), "-p", tsconfig]), run([...cli.argv, "-p", tsconfig]));
    } else out["typedc-build"] = unavailableRow(cli.reason!);
    const babel = require("@babel/core");
    const preset = require("@babel/preset-typescript");
    const babelPlain = () => babelBuild(babel, preset, [], files, outDir("babel"));
    const plugin = await babelPlugin(babel, preset, files[1] ?? files[0]!);
    if (plugin.plugin !== undefined) pair("babel+typedc-plugin", "babel-preset-typescript", babelPlain, () => babelBuild(babel, preset, [plugin.plugin], files, outDir("babel-plugin")));
    else {
      const t = timePair(babelPlain, babelPlain, timing);
      out["babel-preset-typescript"] = measuredRow(median(t.limitMs), 1, { reps: t.limitMs.length, note: `${modules} modules` });
      out["babel+typedc-plugin"] = unavailableRow(plugin.reason!);
    }
    log(`W6 ${Object.entries(out).map(([k, r]) => `${k} ${r.medianMs ?? (r.notAvailable !== undefined ? "n/a" : "ERROR")}${r.medianMs !== null ? ` ms (${r.ratioToLimit}x)` : ""}`).join("   ")}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return out;
}
