import { abiSpec, layoutOf, unifiedAbi, type AbiId, type DeclSet } from "@typedc/core";
import { colorEnabled, paletteFor } from "../color.js";
import { EXIT_CODES } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { overheadReport, type OverheadReport } from "../overhead.js";
import { isStop, prepareInput } from "../prepare.js";
import { overheadTableText } from "../text/overhead-table.js";
import { recordDeclNames } from "../type-names.js";

/** OverheadOptions are the options of `typedc overhead`: raw `--formats` and `--type` values and `--json`. */
export interface OverheadOptions {
  readonly formats: string;
  readonly types: string | undefined;
  readonly json: boolean;
}

/**
 * overheadCommand measures what a unified format costs over native formats
 * (the paper's Table 1 method) for every struct and union declared in the
 * input (aliases are not counted twice), as a table or as JSON.
 */
export function overheadCommand(input: string, options: OverheadOptions, io: CliIo, hostId: AbiId): number {
  const prepared = prepareInput({ input, formats: options.formats, types: options.types, namesOf: recordDeclNames }, io, hostId);
  if (isStop(prepared)) return prepared.exitCode;
  const report = measureOverhead(prepared.decls, prepared.formats, prepared.names);
  if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(`${overheadTableText(report, paletteFor(colorEnabled(io.stdout, io.env)))}\n`);
  return EXIT_CODES.ok;
}

/**
 * measureOverhead lays each type out in each native format and in
 * `unifiedAbi` of those formats (SPEC §3: every type at its largest size and
 * alignment among them) and prices the difference.
 */
export function measureOverhead(decls: DeclSet, formats: readonly AbiId[], names: readonly string[]): OverheadReport {
  const specs = formats.map(abiSpec);
  const unified = unifiedAbi(specs);
  const sizes = names.map((name) => ({
    name,
    nativeByteSizes: Object.fromEntries(specs.map((spec) => [spec.id, layoutOf(decls, name, spec).byteSize])),
    unifiedByteSize: layoutOf(decls, name, unified).byteSize,
  }));
  return overheadReport(formats, sizes);
}
