import * as path from "node:path";
import type { ts } from "ts-morph";

/** PLUGIN_NAME is the package a tsconfig plugin entry names to configure the `__typed` transformer. */
export const PLUGIN_NAME = "@typedc/tsc-plugin";

/**
 * pluginEntryOf returns the transformer options written in the tsconfig's
 * `compilerOptions.plugins` entry for @typedc/tsc-plugin (ts-patch's form,
 * `{ "transform": "@typedc/tsc-plugin", "formats": [...], "boundsChecks": false }`,
 * or a language-service style `"name"`), so that `typedc build` and `tspc`
 * compile one tsconfig with the same options; a relative `baseDir` is taken
 * from the tsconfig's directory. Without an entry it returns `{}`.
 */
export function pluginEntryOf(compilerOptions: ts.CompilerOptions, configPath: string): Record<string, unknown> {
  const plugins = compilerOptions.plugins as readonly Record<string, unknown>[] | undefined;
  const entry = plugins?.find((p) => p.transform === PLUGIN_NAME || p.name === PLUGIN_NAME);
  if (entry === undefined) return {};
  const options: Record<string, unknown> = { ...entry };
  if (typeof options.baseDir === "string") options.baseDir = path.resolve(path.dirname(configPath), options.baseDir);
  return options;
}
