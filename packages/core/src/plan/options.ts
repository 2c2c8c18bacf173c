/**
 * Options of the `__typed` code generators (docs/compiler.md "Options"), resolved the
 * same way for every front-end: the tsc plugin's tsconfig entry and the Babel plugin's
 * options take the same keys and report the same diagnostics (2501–2503).
 */
import { ABI_IDS, isAbiId, type AbiId } from "../abi/ids.js";
import { createDiagnostic } from "../diagnostics/create.js";
import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { Diagnostic } from "../diagnostics/types.js";

/**
 * GeneratorOptions are the resolved options of a code generator: target formats, bounds checks,
 * base directory of source locations, and the formats whose layouts versioned loops get a
 * precompiled copy for (docs/compiler.md, "Precompiled layouts"; none by default).
 */
export interface GeneratorOptions {
  readonly formats: readonly AbiId[];
  readonly boundsChecks: boolean;
  readonly baseDir: string | undefined;
  readonly precompile: readonly AbiId[];
  /** Versioned loops (docs/compiler.md, "Loop versioning"); off: every loop compiled once, smaller and quicker to build. */
  readonly versionLoops: boolean;
}

/** GENERATOR_OPTION_KEYS are the option keys every front-end accepts. */
export const GENERATOR_OPTION_KEYS = ["formats", "boundsChecks", "baseDir", "precompile", "versionLoops"] as const;

/**
 * resolveGeneratorOptions fills defaults (all 12 formats, bounds checks on) and reports unknown
 * keys (2501, except `ignoredKeys`: a host's own), unknown formats (2502) and values of the
 * wrong type (2503); a wrong value falls back to its default.
 */
export function resolveGeneratorOptions(raw: Readonly<Record<string, unknown>> | undefined, ignoredKeys: ReadonlySet<string> = new Set()): { options: GeneratorOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const input = raw ?? {};
  for (const key of Object.keys(input)) {
    if (!ignoredKeys.has(key) && !(GENERATOR_OPTION_KEYS as readonly string[]).includes(key)) {
      diagnostics.push(createDiagnostic(Diagnostics.Unknown_option_0_of_typedc_tsc_plugin_Known_options_1, [key, GENERATOR_OPTION_KEYS.join(", ")]));
    }
  }
  const formats = formatList(input, "formats", ABI_IDS, false, diagnostics);
  const precompile = formatList(input, "precompile", [], true, diagnostics);
  const boundsChecks = flag(input, "boundsChecks", diagnostics);
  const versionLoops = flag(input, "versionLoops", diagnostics);
  const baseDir = typeof input.baseDir === "string" ? input.baseDir : undefined;
  return { options: { formats, boundsChecks, baseDir, precompile, versionLoops }, diagnostics };
}

/** flag reads a boolean option that defaults to true, reporting any other value (2503). */
function flag(input: Readonly<Record<string, unknown>>, key: string, diagnostics: Diagnostic[]): boolean {
  const value = input[key];
  if (value === undefined) return true;
  if (typeof value === "boolean") return value;
  diagnostics.push(createDiagnostic(Diagnostics.Option_0_of_typedc_tsc_plugin_must_be_1_got_2, [key, "true or false", JSON.stringify(value)]));
  return true;
}

/** formatList reads an option that lists ABI ids (`formats`, `precompile`), reporting a wrong value (2503) and unknown ids (2502). */
function formatList(input: Readonly<Record<string, unknown>>, key: string, fallback: readonly AbiId[], mayBeEmpty: boolean, diagnostics: Diagnostic[]): readonly AbiId[] {
  const value = input[key];
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || (!mayBeEmpty && value.length === 0)) {
    diagnostics.push(createDiagnostic(Diagnostics.Option_0_of_typedc_tsc_plugin_must_be_1_got_2, [key, `${mayBeEmpty ? "an" : "a non-empty"} array of ABI ids`, JSON.stringify(value)]));
    return fallback;
  }
  for (const f of value) {
    if (!(typeof f === "string" && isAbiId(f))) diagnostics.push(createDiagnostic(Diagnostics.Option_0_of_typedc_tsc_plugin_lists_unknown_format_1_Known_formats_2, [key, String(f), ABI_IDS.join(", ")]));
  }
  const known = value.filter((f): f is AbiId => typeof f === "string" && isAbiId(f));
  return known.length > 0 || mayBeEmpty ? [...new Set(known)] : fallback;
}
