import Module from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolveTsFile } from "./resolve-ts.js";

/** ResolveFilename is the shape of CommonJS's internal `Module._resolveFilename`. */
type ResolveFilename = (request: string, parent: { filename?: string | null } | undefined, isMain: boolean, options?: unknown) => string;

/**
 * installCjsTsResolution makes `require("./x")` and `require("./x.js")` from a
 * TypeScript file compiled to CommonJS find `./x.ts`, as the `resolve` hook does
 * for `import`: Node 20 resolves a `require` inside a hooked CommonJS module with
 * the CommonJS resolver, which knows no `.ts` (the file is then loaded through the
 * hooks). Node's own resolution is tried first; only what it cannot find is retried.
 */
export function installCjsTsResolution(): void {
  const internals = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = internals._resolveFilename;
  internals._resolveFilename = function resolveFilename(request, parent, isMain, options) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (error) {
      const parentFile = parent?.filename;
      if ((error as { code?: string }).code !== "MODULE_NOT_FOUND" || typeof parentFile !== "string") throw error;
      const url = resolveTsFile(request, pathToFileURL(parentFile).href);
      if (url === undefined) throw error;
      return fileURLToPath(url);
    }
  };
}
