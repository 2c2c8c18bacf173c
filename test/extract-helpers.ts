// Helpers for the extractor tests: real files in a temp dir, programs over them with a
// shared cache of library source files (so each test parses only its own small files).
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as TS from "typescript";
import { lineAndColumnOf, type DeclSet, type Diagnostic, type Result } from "@typedc/core";
import { extractDecls } from "@typedc/tsc-plugin";

/** RUNTIME_INDEX is the runtime's source entry, which test programs map "@typedc/runtime" to. */
export const RUNTIME_INDEX = fileURLToPath(new URL("../packages/runtime/src/ctypes.ts", import.meta.url));

/** writeProject writes files (relative names → text) into a fresh temp dir and returns their absolute names. */
export function writeProject(files: Record<string, string>): { dir: string; names: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), "typedc-extract-"));
  const names: Record<string, string> = {};
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    names[rel] = abs;
  }
  return { dir, names };
}

/** LIB_DIR holds the default library files of the installed `typescript`. */
const LIB_DIR = dirname(createRequire(import.meta.url).resolve("typescript/lib/lib.d.ts"));

const libCaches = new WeakMap<object, Map<string, TS.SourceFile>>();

/** cachingHost is a CompilerHost that parses default-library and runtime files once per TypeScript module. */
function cachingHost(ts: typeof TS, options: TS.CompilerOptions): TS.CompilerHost {
  const host = ts.createCompilerHost(options);
  // ts-morph's bundled TypeScript has no lib files on disk: use the installed typescript's.
  const own = dirname(ts.getDefaultLibFilePath(options));
  const libDir = existsSync(join(own, "lib.es2022.d.ts")) ? own : LIB_DIR;
  host.getDefaultLibLocation = () => libDir;
  host.getDefaultLibFileName = (o) => join(libDir, ts.getDefaultLibFileName(o));
  let cache = libCaches.get(ts);
  if (cache === undefined) libCaches.set(ts, (cache = new Map()));
  const shared = cache;
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const cacheable = /[\\/]typescript[^\\/]*[\\/]lib[\\/]|[\\/]packages[\\/](runtime|core)[\\/]/.test(fileName);
    if (!cacheable) return original(fileName, languageVersion, onError, shouldCreate);
    let file = shared.get(fileName);
    if (file === undefined) {
      file = original(fileName, languageVersion, onError, shouldCreate);
      if (file !== undefined) shared.set(fileName, file);
    }
    return file;
  };
  return host;
}

/** testOptions are the compiler options of test programs; `withRuntime: false` leaves "@typedc/runtime" unresolved. */
export function testOptions(ts: typeof TS, withRuntime = true): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
    ...(withRuntime ? { paths: { "@typedc/runtime": [RUNTIME_INDEX] } } : {}),
  };
}

/** extractProject writes files and extracts the declarations of the given roots (default: the first file). */
export function extractProject(
  ts: typeof TS,
  files: Record<string, string>,
  opts: { roots?: string[]; withRuntime?: boolean } = {},
): Result<DeclSet> & { names: Record<string, string> } {
  const { names } = writeProject(files);
  const rootRels = opts.roots ?? [Object.keys(files)[0]!];
  const rootNames = rootRels.map((r) => names[r]!);
  const options = testOptions(ts, opts.withRuntime ?? true);
  const program = ts.createProgram({ rootNames, options, host: cachingHost(ts, options) });
  return { ...extractDecls(ts, program, rootNames), names };
}

/** stripLocs removes `loc` everywhere, to compare IR with deep equality. */
export function stripLocs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "loc" ? undefined : v))) as T;
}

/** where prints a diagnostic's position as `line:column` (1-based), read from its file. */
export function where(d: Diagnostic): string {
  if (d.loc === undefined) return "?";
  const { line, column } = lineAndColumnOf(readFileSync(d.loc.file, "utf8"), d.loc.start);
  return `${line}:${column}`;
}

/** brief turns diagnostics into `code line:col message` strings. */
export function brief(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${where(d)} ${d.messageText}`);
}
