import { abiSpec, layoutJson, layoutJsonAll, layoutOf, recordOf, type AbiId, type DeclSet } from "@typedc/core";
import { colorEnabled, paletteFor, type Palette } from "../color.js";
import { EXIT_CODES } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { isStop, prepareInput } from "../prepare.js";
import { paholeText } from "../text/pahole.js";
import { sideBySideText } from "../text/side-by-side.js";
import { recordNames } from "../type-names.js";

/** LayoutOptions are the options of `typedc layout`: the raw `--format` and `--type` values and `--json`. */
export interface LayoutOptions {
  readonly formats: string;
  readonly types: string | undefined;
  readonly json: boolean;
}

/**
 * layoutCommand prints the layout of every struct and union of the input
 * (aliases included, SPEC §7): pahole-style text for one format, the formats
 * side by side for several, or SPEC §7's JSON with `--json`.
 */
export function layoutCommand(input: string, options: LayoutOptions, io: CliIo, hostId: AbiId): number {
  const prepared = prepareInput({ input, formats: options.formats, types: options.types, namesOf: recordNames }, io, hostId);
  if (isStop(prepared)) return prepared.exitCode;
  const { decls, formats, names } = prepared;
  const palette = paletteFor(colorEnabled(io.stdout, io.env));
  const filter = options.types === undefined ? undefined : names;
  const output = options.json ? layoutJsonText(decls, formats, filter) : layoutText(decls, formats, names, palette);
  io.stdout.write(output);
  return EXIT_CODES.ok;
}

/**
 * layoutJsonText is exactly SPEC §7's JSON, as core's layoutJson/layoutJsonAll
 * build it (restricted to `names` when given): `{ Type: … }` for one format,
 * `{ abi: { Type: … } }` for several.
 */
export function layoutJsonText(decls: DeclSet, formats: readonly AbiId[], names?: readonly string[]): string {
  const specs = formats.map(abiSpec);
  const value =
    formats.length === 1
      ? pick(layoutJson(decls, specs[0]!), names)
      : Object.fromEntries(Object.entries(layoutJsonAll(decls, specs)).map(([abi, types]) => [abi, pick(types, names)]));
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** layoutText prints each selected record: pahole style for one format, side by side for several. */
export function layoutText(decls: DeclSet, formats: readonly AbiId[], names: readonly string[], palette: Palette): string {
  const specs = formats.map(abiSpec);
  const blocks = names.map((name) => {
    const record = recordOf(decls, name);
    return specs.length === 1
      ? paholeText(name, layoutOf(decls, name, specs[0]!), palette, record)
      : sideBySideText(name, specs.map((spec) => ({ format: spec.id, layout: layoutOf(decls, name, spec) })), palette, record);
  });
  const heading = specs.length === 1 ? `/* format: ${specs[0]!.id} (${specs[0]!.triple}) */` : "/* '*': differs between formats; offsets and sizes in bytes, bit-fields offset:bit */";
  return blocks.length === 0 ? "" : `${palette.dim(heading)}\n\n${blocks.join("\n\n")}\n`;
}

// pick keeps the entries of a JSON object whose keys are among the names (all without names), in the object's order.
function pick<T>(object: Readonly<Record<string, T>>, names: readonly string[] | undefined): Readonly<Record<string, T>> {
  if (names === undefined) return object;
  return Object.fromEntries(Object.entries(object).filter(([name]) => names.includes(name)));
}
