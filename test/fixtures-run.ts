/**
 * Runs a fixture through the tsc front-end's paths: the compiler API
 * (`transformFiles`, one entry shared with ts-patch and the CLI) on a given
 * TypeScript module, and ts-patch's patched compiler with the plugin named in
 * compilerOptions.plugins, as tsconfig.json would name it.
 */
import type * as TS from "typescript";
import type { Diagnostic } from "@typedc/core";
import { transformFiles } from "@typedc/tsc-plugin";
import { cachingHost, compilerOptionsFor, transformOptionsOf, type Fixture, type FixtureResult } from "./fixtures-helpers.ts";

/** runCompilerApi emits a fixture with `transformFiles` on TypeScript module `ts`. */
export function runCompilerApi(ts: typeof TS, fx: Fixture): FixtureResult {
  const options = compilerOptionsFor(ts);
  const program = ts.createProgram({ rootNames: [fx.input], options, host: cachingHost(ts, options) });
  const r = transformFiles({ ts, program, options: transformOptionsOf(fx) });
  const out = r.outputs.get(fx.input);
  return { js: out?.js, tables: r.tables.get(fx.input), diagnostics: r.diagnostics };
}

/** TYPED_CODE parses the code tsc shows for a typedc diagnostic (`(TYPED1201)`). */
const TYPED_CODE = /^\(TYPED(\d+)\)$/;

/**
 * runTsPatch emits a fixture with ts-patch's compiler (`ts-patch/compiler`, the module
 * `tspc` runs) and the plugin configured as in tsconfig.json; typedc diagnostics are
 * read back from tsc's own diagnostics (the ones whose code is `(TYPEDnnnn)`).
 */
export function runTsPatch(tsp: typeof TS, fx: Fixture): FixtureResult & { tsDiagnostics: TS.Diagnostic[] } {
  const options = { ...compilerOptionsFor(tsp), plugins: [{ transform: "@typedc/tsc-plugin", ...transformOptionsOf(fx) }] } as TS.CompilerOptions;
  const program = tsp.createProgram({ rootNames: [fx.input], options, host: cachingHost(tsp, options) });
  let js: string | undefined;
  const result = program.emit(undefined, (name, text) => {
    if (name.endsWith(".js")) js = text;
  });
  const all = [...result.diagnostics, ...tsp.getPreEmitDiagnostics(program)];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const tsDiagnostics: TS.Diagnostic[] = [];
  for (const d of all) {
    const m = TYPED_CODE.exec(String(d.code));
    if (m === null) continue;
    const key = `${d.code}:${d.start}:${tsp.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    tsDiagnostics.push(d);
    const file = d.file?.fileName;
    diagnostics.push({
      code: Number(m[1]),
      category: d.category === tsp.DiagnosticCategory.Error ? "error" : d.category === tsp.DiagnosticCategory.Warning ? "warning" : "suggestion",
      messageText: tsp.flattenDiagnosticMessageText(d.messageText, "\n"),
      ...(file !== undefined ? { loc: { file, start: d.start!, length: d.length! } } : {}),
    });
  }
  return { js, diagnostics, tsDiagnostics };
}

/**
 * loadOutput evaluates a fixture's output.js (an ES module) as CommonJS with
 * `@typedc/runtime` bound to the given runtime module, and returns its exports.
 */
export function loadOutput(ts: typeof TS, js: string, runtime: unknown): Record<string, any> {
  const cjs = ts.transpileModule(js, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const module = { exports: {} as Record<string, any> };
  const requireRuntime = (id: string): unknown => {
    if (id === "@typedc/runtime") return runtime;
    throw new Error(`fixture output requires '${id}'; only @typedc/runtime is available`);
  };
  new Function("require", "module", "exports", cjs)(requireRuntime, module, module.exports);
  return module.exports;
}
