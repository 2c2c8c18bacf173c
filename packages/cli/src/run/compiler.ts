import * as path from "node:path";
import { formatDiagnostic, type Diagnostic } from "@typedc/core";
import { Project, ts } from "ts-morph";
import { emitProgram } from "../build/emit.js";
import { pluginEntryOf } from "../build/plugin-entry.js";
import type { ModuleFormat } from "./module-format.js";
import type { OutputCache } from "./output-cache.js";

/**
 * runOverrides turn a project's options into what running needs: JavaScript of
 * the wanted module format next to each source (no outDir, so the inline map's
 * `sources` are the file's own name), inline source maps with the TypeScript text
 * (Node's `--enable-source-maps` then reports `.ts` lines), no declarations, and
 * bundler-style resolution so that `./decls`, `./decls.js` and `./decls.ts` all
 * find the file whose declarations the transformer must follow.
 */
function runOverrides(format: ModuleFormat): ts.CompilerOptions {
  return {
    module: format === "module" ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    outDir: undefined,
    rootDir: undefined,
    outFile: undefined,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: true,
    declaration: false,
    declarationMap: false,
    composite: false,
    incremental: false,
    noEmit: false,
    noEmitOnError: false,
    emitDeclarationOnly: false,
  };
}

/** DEFAULT_OPTIONS are used for a file with no tsconfig.json above it. */
const DEFAULT_OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, types: [] };

/**
 * RunCompiler transforms the TypeScript files a running program loads, one
 * ts-morph program per tsconfig and module format for the whole process: the
 * first load emits the whole program with the `__typed` transformer (so imported
 * declarations are followed, as in `typedc build`) and keeps every output; a file
 * the program does not hold yet (a worker script reached only through
 * `new URL(...)`) is added and the program emitted again.
 */
export class RunCompiler {
  private readonly projects = new Map<string, { project: Project; outputs: Map<string, string>; diagnostics: readonly Diagnostic[]; entry: Record<string, unknown> }>();

  /** constructor takes the directory runtime error locations are relative to, and the run's shared cache (if any). */
  constructor(private readonly baseDir: string, private readonly cache?: OutputCache) {}

  /** compile returns the JavaScript (with an inline source map) of a TypeScript file in the given format; typedc errors in it throw. */
  compile(file: string, format: ModuleFormat): string {
    const cached = this.cache?.get(file, format);
    if (cached !== undefined) return cached;
    const configPath = ts.findConfigFile(path.dirname(file), ts.sys.fileExists);
    const key = `${configPath ?? ""}\0${format}`;
    let state = this.projects.get(key);
    if (state === undefined) {
      const project = configPath !== undefined
        ? new Project({ tsConfigFilePath: configPath, compilerOptions: runOverrides(format) })
        : new Project({ compilerOptions: { ...DEFAULT_OPTIONS, ...runOverrides(format) } });
      const entry = configPath !== undefined ? pluginEntryOf(project.getCompilerOptions(), configPath) : {};
      state = { project, outputs: new Map(), diagnostics: [], entry };
      this.projects.set(key, state);
    }
    const normalized = path.resolve(file);
    if (!state.outputs.has(normalized)) {
      if (state.project.getSourceFile(normalized) === undefined) {
        state.project.addSourceFileAtPath(normalized);
        state.project.resolveSourceFileDependencies();
      }
      const emitted = emitProgram(state.project.getProgram().compilerObject, { baseDir: this.baseDir, ...state.entry });
      state.outputs.clear();
      for (const out of emitted.files) if (out.source !== undefined) state.outputs.set(path.resolve(out.source), out.text);
      state.diagnostics = emitted.diagnostics;
      this.store(state.outputs, state.diagnostics, format);
    }
    throwOnErrors(normalized, state.diagnostics);
    const js = state.outputs.get(normalized);
    if (js === undefined) throw new Error(`typedc run: TypeScript emitted no JavaScript for ${file}`);
    return js;
  }

  // store puts every output of an emit into the shared cache, except files with typedc errors (their loads must fail).
  private store(outputs: ReadonlyMap<string, string>, diagnostics: readonly Diagnostic[], format: ModuleFormat): void {
    if (this.cache === undefined) return;
    const errors = diagnostics.filter((d) => d.category === "error");
    if (errors.some((d) => d.loc === undefined)) return;
    const failing = new Set(errors.map((d) => d.loc!.file));
    for (const [file, js] of outputs) if (!failing.has(file)) this.cache.set(file, format, js);
  }
}

// throwOnErrors stops the load of a file that typedc found errors in (or a run whose options are wrong), printing them as tsc does.
function throwOnErrors(file: string, diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.category === "error" && (d.loc === undefined || d.loc.file === file));
  if (errors.length === 0) return;
  const host = { getText: (f: string) => ts.sys.readFile(f), cwd: process.cwd() };
  throw new Error(`typedc: ${file} cannot run:\n${errors.map((d) => formatDiagnostic(d, host)).join("\n")}`);
}
