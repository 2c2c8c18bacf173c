import * as fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** TS_FOR_JS maps a JavaScript extension in an import to the TypeScript ones it may stand for (TypeScript's own rule). */
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = { ".js": [".ts", ".tsx"], ".mjs": [".mts"], ".cjs": [".cts"], ".jsx": [".tsx"] };

/**
 * tsCandidates lists the TypeScript files an import that Node could not find may
 * mean, as TypeScript's bundler resolution reads it: `./x.js` is `./x.ts`,
 * `./x` is `./x.ts`, `./x.tsx` or `./x/index.ts`. Only relative, absolute and
 * `file:` specifiers are tried (packages resolve as Node resolves them).
 */
export function tsCandidates(specifier: string, parentUrl: string | undefined): string[] {
  if (!/^(?:\.{1,2}\/|\/|file:)/.test(specifier) || parentUrl === undefined) return [];
  const base = new URL(specifier, parentUrl);
  if (base.protocol !== "file:") return [];
  const file = fileURLToPath(base);
  const ext = /\.[cm]?jsx?$/.exec(file)?.[0];
  if (ext !== undefined) return (TS_FOR_JS[ext] ?? []).map((e) => file.slice(0, -ext.length) + e);
  return [`${file}.ts`, `${file}.tsx`, `${file}/index.ts`];
}

/** resolveTsFile returns the URL of the first candidate that exists, or undefined. */
export function resolveTsFile(specifier: string, parentUrl: string | undefined): string | undefined {
  const found = tsCandidates(specifier, parentUrl).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  return found === undefined ? undefined : pathToFileURL(found).href;
}
