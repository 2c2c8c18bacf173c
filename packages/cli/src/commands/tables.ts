import * as fs from "node:fs";
import * as path from "node:path";
import { abiSpec, createDiagnostic, Diagnostics, stringifyTables, tablesToJson, type AbiId } from "@typedc/core";
import { EXIT_CODES } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { isStop, prepareInput } from "../prepare.js";
import { reportDiagnostics } from "../report.js";
import { recordNames } from "../type-names.js";

/** TablesOptions are the options of `typedc tables`: raw `--format` and `--type` values and `--out`. */
export interface TablesOptions {
  readonly formats: string;
  readonly types: string | undefined;
  readonly out: string | undefined;
}

/**
 * tablesCommand prints the type tables (SPEC §6) of the selected structs and
 * unions (aliases included) for every requested format, as core's
 * `tablesToJson`/`stringifyTables` build them (the input of `loadTypes`), to
 * stdout or to the `--out` file.
 */
export function tablesCommand(input: string, options: TablesOptions, io: CliIo, hostId: AbiId): number {
  const prepared = prepareInput({ input, formats: options.formats, types: options.types, namesOf: recordNames }, io, hostId);
  if (isStop(prepared)) return prepared.exitCode;
  const text = stringifyTables(tablesToJson(prepared.decls, prepared.names, prepared.formats.map(abiSpec)));
  if (options.out === undefined) {
    io.stdout.write(text);
    return EXIT_CODES.ok;
  }
  try {
    fs.writeFileSync(path.resolve(io.cwd, options.out), text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    reportDiagnostics([createDiagnostic(Diagnostics.Cannot_write_0_1, [options.out, reason])], io);
    return EXIT_CODES.errors;
  }
  return EXIT_CODES.ok;
}
