/**
 * transform: compiles typed-loops.ts with the tsc transformer at bench start
 * (`transformFiles` of packages/tsc-plugin), with and without bounds checks, to
 * CommonJS in a temporary folder, and installs the result as the compiled loops
 * (compiled.ts). When the transformer is missing or fails, the hand-lowered text
 * stays in use and the reason is returned for the report.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { REC_FILE } from "./model.js";
import { useTransformed, type CompiledLoops } from "./compiled.js";

/** LOOPS_FILE is the typed source of W1–W3. */
export const LOOPS_FILE = path.join(__dirname, "typed-loops.ts");

// compileOnce emits typed-loops.ts with `boundsChecks` (and `precompile` formats) and returns its module.
function compileOnce(transformFiles: any, boundsChecks: boolean, dir: string, precompile: readonly string[] = []): { loops: CompiledLoops; file: string } {
  const result = transformFiles({
    ts,
    fileNames: [LOOPS_FILE, REC_FILE],
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, sourceMap: false },
    options: { formats: ["x86_64-linux", "i386-linux"], boundsChecks, baseDir: __dirname, precompile },
  });
  const errors = (result.diagnostics as { category: string; code: number; messageText: string }[]).filter((d) => d.category === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `TYPED${d.code}: ${d.messageText}`).join("; "));
  const out = result.outputs.get(LOOPS_FILE.replace(/\\/g, "/")) ?? result.outputs.get(LOOPS_FILE);
  if (out === undefined) throw new Error(`no output for ${LOOPS_FILE}`);
  // The temporary folder has no node_modules: point the runtime import at the suite's own.
  const runtime = require.resolve("@typedc/runtime");
  const js = (out.js as string).replace(/require\("@typedc\/runtime"\)/g, `require(${JSON.stringify(runtime)})`);
  const file = path.join(dir, `typed-loops.${precompile.length > 0 ? "precompiled" : boundsChecks ? "checked" : "unchecked"}.js`);
  fs.writeFileSync(file, js);
  return { loops: require(file) as CompiledLoops, file };
}

/** compileLoops tries the transformer; it returns null when the transformer's output is installed, else why not. */
export async function compileLoops(): Promise<string | null> {
  let plugin: any;
  try {
    plugin = await import("../../../packages/tsc-plugin/src/index.js");
  } catch (e) {
    return `packages/tsc-plugin does not load: ${(e as Error).message.split("\n")[0]}`;
  }
  if (typeof plugin.transformFiles !== "function") return "packages/tsc-plugin exports no transformFiles yet";
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "typedc-bench-"));
    process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    const checked = compileOnce(plugin.transformFiles, true, dir);
    const unchecked = compileOnce(plugin.transformFiles, false, dir);
    const precompiled = compileOnce(plugin.transformFiles, true, dir, ["x86_64-linux"]);
    for (const f of ["sumAB", "update", "sumBAt"] as const) {
      if (typeof checked.loops[f] !== "function") throw new Error(`the compiled module has no ${f}`);
    }
    useTransformed(checked.loops, unchecked.loops, checked.file, "typed-loops.ts compiled by the tsc transformer at bench start (transformFiles, CommonJS, with and without bounds checks, and with a precompiled x86_64-linux layout)", dir, precompiled.loops);
    return null;
  } catch (e) {
    return `the tsc transformer failed on typed-loops.ts: ${(e as Error).message.split("\n")[0]}`;
  }
}
