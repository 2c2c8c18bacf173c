/**
 * Options of the `__typed` transformer (docs/compiler.md): from tsconfig's plugin
 * entry (`{ "transform": "@typedc/tsc-plugin", "formats": [...], "boundsChecks": false }`),
 * from `typedTransformer(program, options)`, or from `transformFiles`.
 */
import { resolveGeneratorOptions, type AbiId, type Diagnostic, type GeneratorOptions } from "@typedc/core";

/** TransformOptions choose the formats whose tables are emitted and whether accesses are bounds-checked. */
export interface TransformOptions {
  /** Formats of the emitted type sets (default: all 12). A creator can pick only among these at run time. */
  readonly formats?: readonly AbiId[];
  /** Index and area checks on every access (default true; SPEC §4). Off: measured hot paths only. */
  readonly boundsChecks?: boolean;
  /** Directory that source locations in runtime errors are relative to (default: the program's current directory). */
  readonly baseDir?: string;
}

/** ResolvedOptions are TransformOptions with defaults filled in (core/plan's GeneratorOptions, shared with the Babel plugin). */
export type ResolvedOptions = GeneratorOptions;

/** PLUGIN_KEYS are the tsconfig plugin-entry keys that belong to ts-patch, not to us. */
const PLUGIN_KEYS: ReadonlySet<string> = new Set(["transform", "name", "import", "type", "after", "afterDeclarations", "isEsm", "tsConfig", "resolvePathAliases", "transformProgram"]);

/**
 * resolveOptions fills defaults and reports unknown keys (2501), unknown formats (2502)
 * and values of the wrong type (2503), as every front-end does (core/plan/options.ts);
 * ts-patch's own keys of the plugin entry are not ours to report.
 */
export function resolveOptions(raw: Readonly<Record<string, unknown>> | undefined): { options: ResolvedOptions; diagnostics: Diagnostic[] } {
  return resolveGeneratorOptions(raw, PLUGIN_KEYS);
}
