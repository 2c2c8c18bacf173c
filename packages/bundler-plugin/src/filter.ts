/**
 * Which files the bundler plugin compiles: TypeScript sources outside `node_modules` that
 * import `@typedc/runtime`, or that import (through relative imports, transitively) a module
 * that does: a file that reads a typed binding imported from another module has typed
 * accesses too (SPEC §3: imported bindings are followed), even without naming the runtime.
 * Every other file is left to the bundler untouched.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** TS_FILE is a TypeScript source a bundler hands over (`.ts`, `.tsx`, `.mts`, `.cts`; query strings allowed). */
const TS_FILE = /\.[mc]?tsx?(\?.*)?$/;
/** RUNTIME_IMPORT finds `from "@typedc/runtime"`, `import("@typedc/runtime")` and `require("@typedc/runtime")`. */
const RUNTIME_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']@typedc\/runtime["']/;
/** RELATIVE_IMPORT finds the specifiers of relative static imports and re-exports. */
const RELATIVE_IMPORT = /\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g;
/** EXTENSIONS are tried, in TypeScript's order, for an import without one (`./x` → `./x.ts`). */
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".cts", "/index.ts", "/index.tsx"];

/** idPath is a module id without its query (`/a/b.ts?vue` → `/a/b.ts`). */
export function idPath(id: string): string {
  const q = id.indexOf("?");
  return q < 0 ? id : id.slice(0, q);
}

/** isCandidate tells whether a module id is a TypeScript source outside node_modules. */
export function isCandidate(id: string): boolean {
  return TS_FILE.test(id) && !/[\\/]node_modules[\\/]/.test(id);
}

/** resolveRelative finds the file a relative specifier names (`./x.js` may stand for `./x.ts`), or undefined. */
function resolveRelative(fromFile: string, specifier: string, read: (file: string) => string | undefined): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  const stems = /\.[mc]?js$/.test(base) ? [base.replace(/\.([mc]?)js$/, ".$1ts"), base] : [base];
  for (const stem of stems) for (const ext of EXTENSIONS) if (read(stem + ext) !== undefined) return stem + ext;
  return undefined;
}

/** RuntimeReach remembers, per file text, whether a module reaches `@typedc/runtime` (one build's cache). */
export class RuntimeReach {
  private readonly known = new Map<string, { text: string; reaches: boolean }>();

  constructor(private readonly read: (file: string) => string | undefined = readText) {}

  /** reaches tells whether a file (its text given, or read) imports the runtime, directly or through relative imports. */
  reaches(file: string, text: string | undefined = this.read(file), inProgress = new Set<string>()): boolean {
    if (text === undefined || inProgress.has(file)) return false;
    const known = this.known.get(file);
    if (known !== undefined && known.text === text) return known.reaches;
    inProgress.add(file);
    let reaches = RUNTIME_IMPORT.test(text);
    for (const m of reaches ? [] : text.matchAll(RELATIVE_IMPORT)) {
      const target = resolveRelative(file, m[1]!, this.read);
      if (target !== undefined && isCandidate(target) && this.reaches(target, this.read(target), inProgress)) {
        reaches = true;
        break;
      }
    }
    inProgress.delete(file);
    this.known.set(file, { text, reaches });
    return reaches;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
