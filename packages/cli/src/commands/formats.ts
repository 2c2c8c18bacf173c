import { ABI_IDS, abiSpec } from "@typedc/core";
import { colorEnabled, paletteFor } from "../color.js";
import { EXIT_CODES } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { formatRowOf, formatsTableText } from "../text/formats-table.js";

/** FormatsOptions are the options of `typedc formats`. */
export interface FormatsOptions {
  readonly json: boolean;
}

/** formatsCommand prints the ABI table (SPEC §5), one row per format in ABI_IDS order, as text or JSON. */
export function formatsCommand(options: FormatsOptions, io: CliIo): number {
  const rows = ABI_IDS.map((id) => formatRowOf(abiSpec(id)));
  if (options.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout.write(`${formatsTableText(rows, paletteFor(colorEnabled(io.stdout, io.env)))}\n`);
  return EXIT_CODES.ok;
}
