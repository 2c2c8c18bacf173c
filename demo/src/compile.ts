/**
 * compile.ts — `--compiled`: compiles hot.ts (and what it imports) with the tsc
 * plugin's transformFiles, in memory, and writes the JavaScript to demo/.compiled/
 * (ignored by git). Accesses through `__typed<T>` parameters become compiled paths.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type * as TS from "typescript";
import type { Diagnostic } from "@typedc/core";
import { Worker } from "node:worker_threads";
import { transformFiles } from "@typedc/tsc-plugin";

/** COMPILED_DIR is where the compiled modules go. */
export const COMPILED_DIR = path.join(__dirname, "..", ".compiled");

/** CompiledHot is the compiled hot module and how long compiling took. */
export interface CompiledHot {
  readonly hotPath: string;
  readonly ms: number;
  readonly files: number;
}

// describe prints a typedc diagnostic in one line (file and code; the demo's own sources should have none).
function describe(d: Diagnostic): string {
  return `${d.loc ? `${path.relative(process.cwd(), d.loc.file)}: ` : ""}error TYPED${d.code}: ${d.messageText}`;
}

/** compileHot emits hot.ts and its imports through the `__typed` transformer; throws on any typedc or emit error. */
export function compileHot(): CompiledHot {
  const started = performance.now();
  const ts = require("typescript") as typeof TS;
  const hotSource = path.join(__dirname, "hot.ts");
  const result = transformFiles({
    ts,
    fileNames: [hotSource],
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, sourceMap: false, types: [], lib: ["lib.es2022.d.ts"] },
  });
  const errors = result.diagnostics.filter((d) => d.category === "error");
  if (errors.length > 0) throw new Error(`the tsc plugin reported errors:\n${errors.map(describe).join("\n")}`);
  if (result.emitDiagnostics.length > 0) throw new Error(`emit failed: ${result.emitDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ")}`);
  mkdirSync(COMPILED_DIR, { recursive: true });
  writeFileSync(path.join(COMPILED_DIR, ".gitignore"), "*\n");
  let files = 0;
  for (const [source, out] of result.outputs) {
    if (path.dirname(source) !== __dirname) continue; // only demo/src modules (the runtime comes from its package)
    // Write then rename: a demo started at the same time never loads a half-written module.
    const target = path.join(COMPILED_DIR, path.basename(source).replace(/\.ts$/, ".js"));
    writeFileSync(`${target}.${process.pid}.tmp`, out.js);
    renameSync(`${target}.${process.pid}.tmp`, target);
    files++;
  }
  return { hotPath: path.join(COMPILED_DIR, "hot.js"), ms: performance.now() - started, files };
}

/**
 * compileHotInWorker runs compileHot in a short-lived worker thread, so the TypeScript
 * program it builds (a large heap) dies with that thread instead of staying in the main
 * thread's heap, where collecting it during a timed run would cost both runs CPU time.
 */
export function compileHotInWorker(): Promise<CompiledHot> {
  const entry = `require(${JSON.stringify(require.resolve("tsx/cjs"))});
const { parentPort } = require("node:worker_threads");
parentPort.postMessage(require(${JSON.stringify(__filename)}).compileHot());`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { eval: true });
    let result: CompiledHot | undefined;
    worker.once("message", (m: CompiledHot) => (result = m));
    worker.once("error", reject);
    worker.once("exit", (code) => (result && code === 0 ? resolve(result) : reject(new Error(`compiling hot.ts: the worker exited with code ${code}`))));
  });
}
