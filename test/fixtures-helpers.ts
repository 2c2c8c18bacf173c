/**
 * The shared fixture loader (Babel's layout, STYLE §7): fixtures/<group>/<case>/
 * {input.ts, options.json, output.js, tables.json, diagnostics.txt, exec.ts}.
 * options.json files are merged from the group folder down. A fixture that expects
 * both output.js and error diagnostics is rejected. `UPDATE=1` rewrites the
 * expected files. Every front-end runs the same cases through `runFixture`-like
 * functions and compares with the same files.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import type * as TS from "typescript";
import { formatDiagnostic, stringifyTables, type Diagnostic, type TablesFile } from "@typedc/core";

/** FIXTURES_DIR is the repository's fixtures folder. */
export const FIXTURES_DIR = join(__dirname, "..", "fixtures");
/** NOT_TRANSFORM_GROUPS are fixture groups of other parts (layout, ABI, interop). */
const NOT_TRANSFORM_GROUPS = new Set(["layout", "abi", "interop"]);

/** Fixture is one case: where it is, its merged options and its expected files (undefined: absent). */
export interface Fixture {
  readonly name: string;
  readonly dir: string;
  readonly input: string;
  readonly options: Record<string, unknown>;
  readonly output?: string;
  readonly tables?: string;
  readonly diagnostics?: string;
  readonly exec?: string;
}

function readIf(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

function readOptions(dir: string): Record<string, unknown> {
  const text = readIf(join(dir, "options.json"));
  return text === undefined ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** loadFixtures finds every transform fixture, in path order; a contradictory fixture throws. */
export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of readdirSync(FIXTURES_DIR).sort()) {
    const groupDir = join(FIXTURES_DIR, group);
    if (NOT_TRANSFORM_GROUPS.has(group) || !statSync(groupDir).isDirectory()) continue;
    const groupOptions = readOptions(groupDir);
    for (const name of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, name);
      if (!statSync(dir).isDirectory() || !existsSync(join(dir, "input.ts"))) continue;
      const fx: Fixture = {
        name: `${group}/${name}`,
        dir,
        input: join(dir, "input.ts"),
        options: { ...groupOptions, ...readOptions(dir) },
        output: readIf(join(dir, "output.js")),
        tables: readIf(join(dir, "tables.json")),
        diagnostics: readIf(join(dir, "diagnostics.txt")),
        exec: existsSync(join(dir, "exec.ts")) ? join(dir, "exec.ts") : undefined,
      };
      checkConsistent(fx);
      out.push(fx);
    }
  }
  return out;
}

/** checkConsistent rejects a fixture that expects output and errors at once (Babel: "cannot throw and also return output code"). */
export function checkConsistent(fx: Pick<Fixture, "name" | "output" | "diagnostics" | "exec">): void {
  const hasErrors = fx.diagnostics !== undefined && /- error TYPED/.test(fx.diagnostics);
  if (hasErrors && fx.output !== undefined) throw new Error(`fixture ${fx.name}: expects both output.js and error diagnostics`);
  if (hasErrors && fx.exec !== undefined) throw new Error(`fixture ${fx.name}: has exec.ts but expects errors`);
}

/** FixtureResult is what a front-end produced for a fixture. */
export interface FixtureResult {
  readonly js?: string;
  readonly tables?: TablesFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** printDiagnostics prints diagnostics one line each, paths relative to the fixture (diagnostics.txt). */
export function printDiagnostics(fx: Fixture, ds: readonly Diagnostic[]): string {
  const host = { getText: (f: string) => readIf(f), cwd: fx.dir };
  return ds.map((d) => formatDiagnostic(d, host) + "\n").join("");
}

/** expectedFiles is what a result means as fixture files (undefined: the file must not exist). */
export function expectedFiles(fx: Fixture, r: FixtureResult): { output?: string; tables?: string; diagnostics?: string } {
  const errors = r.diagnostics.some((d) => d.category === "error");
  return {
    output: errors ? undefined : r.js,
    tables: errors || r.tables === undefined || Object.keys(r.tables.types).length === 0 ? undefined : stringifyTables(r.tables),
    diagnostics: r.diagnostics.length === 0 ? undefined : printDiagnostics(fx, r.diagnostics),
  };
}

/** writeExpected rewrites a fixture's expected files from a result (UPDATE=1). */
export function writeExpected(fx: Fixture, r: FixtureResult): void {
  const files = expectedFiles(fx, r);
  const names = { output: "output.js", tables: "tables.json", diagnostics: "diagnostics.txt" } as const;
  for (const key of ["output", "tables", "diagnostics"] as const) {
    const path = join(fx.dir, names[key]);
    const text = files[key];
    if (text === undefined) rmSync(path, { force: true });
    else writeFileSync(path, text);
  }
}

/** UPDATE tells whether expected files are to be rewritten. */
export const UPDATE = process.env.UPDATE === "1";

/** compilerOptionsFor are the fixture programs' options (ES2022 modules, no maps in output.js). */
export function compilerOptionsFor(ts: typeof TS): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmitOnError: false,
    types: [],
    lib: ["lib.es2022.d.ts"],
  };
}

const libCaches = new WeakMap<object, Map<string, TS.SourceFile>>();

/** cachingHost is a compiler host that parses library files once per TypeScript module (fixture programs are many and small). */
export function cachingHost(ts: typeof TS, options: TS.CompilerOptions): TS.CompilerHost {
  const host = ts.createCompilerHost(options);
  let cache = libCaches.get(ts);
  if (cache === undefined) libCaches.set(ts, (cache = new Map()));
  const c = cache;
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    // Everything outside the fixtures (libraries, the runtime's declarations) is parsed once.
    const lib = !fileName.startsWith(FIXTURES_DIR);
    if (!lib) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    let sf = c.get(fileName);
    if (sf === undefined) {
      sf = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (sf !== undefined) c.set(fileName, sf);
    }
    return sf;
  };
  return host;
}

/** transformOptionsOf picks the transformer's options from a fixture's merged options. */
export function transformOptionsOf(fx: Fixture): Record<string, unknown> {
  const { compilerOptions: _c, ...rest } = fx.options;
  return { ...rest, baseDir: fx.dir };
}

/** relativeName is a fixture file's path for messages. */
export function relativeName(file: string): string {
  return relative(FIXTURES_DIR, file);
}
