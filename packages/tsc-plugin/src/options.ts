/**
 * Options of the `__typed` transformer (docs/compiler.md): from tsconfig's plugin
 * entry (`{ "transform": "@typedc/tsc-plugin", "formats": [...], "boundsChecks": false }`),
 * from `typedTransformer(program, options)`, or from `transformFiles`.
 */
import { ABI_IDS, Diagnostics, createDiagnostic, isAbiId, type AbiId, type Diagnostic } from "@typedc/core";

/** TransformOptions choose the formats whose tables are emitted and whether accesses are bounds-checked. */
export interface TransformOptions {
  /** Formats of the emitted type sets (default: all 12). A creator can pick only among these at run time. */
  readonly formats?: readonly AbiId[];
  /** Index and area checks on every access (default true; SPEC §4). Off: measured hot paths only. */
  readonly boundsChecks?: boolean;
  /** Directory that source locations in runtime errors are relative to (default: the program's current directory). */
  readonly baseDir?: string;
}

/** ResolvedOptions are TransformOptions with defaults filled in. */
export interface ResolvedOptions {
  readonly formats: readonly AbiId[];
  readonly boundsChecks: boolean;
  readonly baseDir: string | undefined;
}

/** PLUGIN_KEYS are the tsconfig plugin-entry keys that belong to ts-patch, not to us. */
const PLUGIN_KEYS: ReadonlySet<string> = new Set(["transform", "name", "import", "type", "after", "afterDeclarations", "isEsm", "tsConfig", "resolvePathAliases", "transformProgram"]);
const OUR_KEYS = ["formats", "boundsChecks", "baseDir"] as const;

/**
 * resolveOptions fills defaults and reports unknown keys (2501), unknown formats (2502)
 * and values of the wrong type (2503); a wrong value falls back to its default.
 */
export function resolveOptions(raw: Readonly<Record<string, unknown>> | undefined): { options: ResolvedOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const input = raw ?? {};
  for (const key of Object.keys(input)) {
    if (!PLUGIN_KEYS.has(key) && !(OUR_KEYS as readonly string[]).includes(key)) {
      diagnostics.push(createDiagnostic(Diagnostics.Unknown_option_0_of_typedc_tsc_plugin_Known_options_1, [key, OUR_KEYS.join(", ")]));
    }
  }
  let formats: readonly AbiId[] = ABI_IDS;
  if (input.formats !== undefined) {
    if (!Array.isArray(input.formats) || input.formats.length === 0) {
      diagnostics.push(createDiagnostic(Diagnostics.Option_0_of_typedc_tsc_plugin_must_be_1_got_2, ["formats", "a non-empty array of ABI ids", JSON.stringify(input.formats)]));
    } else {
      const known = input.formats.filter((f): f is AbiId => typeof f === "string" && isAbiId(f));
      for (const f of input.formats) {
        if (!(typeof f === "string" && isAbiId(f))) diagnostics.push(createDiagnostic(Diagnostics.Option_formats_of_typedc_tsc_plugin_lists_unknown_format_0_Known_formats_1, [String(f), ABI_IDS.join(", ")]));
      }
      if (known.length > 0) formats = [...new Set(known)];
    }
  }
  let boundsChecks = true;
  if (input.boundsChecks !== undefined) {
    if (typeof input.boundsChecks === "boolean") boundsChecks = input.boundsChecks;
    else diagnostics.push(createDiagnostic(Diagnostics.Option_0_of_typedc_tsc_plugin_must_be_1_got_2, ["boundsChecks", "true or false", JSON.stringify(input.boundsChecks)]));
  }
  const baseDir = typeof input.baseDir === "string" ? input.baseDir : undefined;
  return { options: { formats, boundsChecks, baseDir }, diagnostics };
}
