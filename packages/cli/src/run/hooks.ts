/**
 * The module hooks of `typedc run` (Node's `module.register` API, Node 20.6+), run
 * in Node's hooks thread: `load` compiles each TypeScript file with the `__typed`
 * transformer (RunCompiler) into an ES module or CommonJS by Node's rules, and
 * `resolve` finds `./x.ts` for imports written `./x.js` or `./x`.
 */
import { fileURLToPath } from "node:url";
import { RunCompiler } from "./compiler.js";
import { moduleFormatOf } from "./module-format.js";
import { OutputCache } from "./output-cache.js";
import { resolveTsFile } from "./resolve-ts.js";

/** HookData is what register.ts passes: the directory runtime error locations are relative to, and the run's cache folder. */
export interface HookData {
  readonly baseDir: string;
  readonly cacheDir?: string;
}

let compiler: RunCompiler | undefined;

/** TS_FILE matches the TypeScript sources `load` compiles (declaration files are not modules to run). */
const TS_FILE = /^file:.*(?<!\.d)\.(?:[cm]?ts|tsx)$/;

/** initialize receives register's data and makes the compiler of this thread. */
export function initialize(data: HookData | undefined): void {
  compiler = new RunCompiler(data?.baseDir ?? process.cwd(), data?.cacheDir !== undefined ? new OutputCache(data.cacheDir) : undefined);
}

type NextResolve = (specifier: string, context: unknown) => Promise<{ url: string; format?: string | null }>;
type NextLoad = (url: string, context: unknown) => Promise<{ format?: string | null; source?: unknown; shortCircuit?: boolean }>;

/** resolve lets Node resolve first and, when it finds nothing, tries the TypeScript file the specifier stands for. */
export async function resolve(specifier: string, context: { parentURL?: string }, nextResolve: NextResolve): Promise<{ url: string; format?: string | null; shortCircuit?: boolean }> {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "ERR_UNSUPPORTED_DIR_IMPORT") throw error;
    const url = resolveTsFile(specifier, context.parentURL);
    if (url === undefined) throw error;
    return { url, shortCircuit: true };
  }
}

/** load compiles TypeScript files and passes everything else on. */
export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<{ format?: string | null; source?: unknown; shortCircuit?: boolean }> {
  if (!TS_FILE.test(url)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const format = moduleFormatOf(file);
  compiler ??= new RunCompiler(process.cwd());
  return { format, source: compiler.compile(file, format), shortCircuit: true };
}
