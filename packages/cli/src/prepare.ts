import { createDiagnostic, Diagnostics, type AbiId, type DeclSet } from "@typedc/core";
import { EXIT_CODES } from "./exit-codes.js";
import { parseFormatList } from "./format-arg.js";
import { findInputFiles } from "./inputs.js";
import type { CliIo } from "./io.js";
import { hasErrors, loadDeclarations } from "./project.js";
import { reportDiagnostics } from "./report.js";
import { selectTypes } from "./type-names.js";

/** InputRequest is what the input-reading commands have in common: `<input>`, `--format(s)`, `--type`. */
export interface InputRequest {
  readonly input: string;
  readonly formats: string;
  readonly types: string | undefined;
  /** namesOf lists the names the command can print (records with or without their aliases). */
  readonly namesOf: (decls: DeclSet) => string[];
}

/** PreparedInput is a checked DeclSet with the formats and type names a command works on. */
export interface PreparedInput {
  readonly decls: DeclSet;
  readonly formats: readonly AbiId[];
  readonly names: readonly string[];
  /** Every name the command could print, before the `--type` filter. */
  readonly allNames: readonly string[];
}

/**
 * prepareInput runs the front half of every input command: it parses the
 * format list, finds the input files, extracts and checks the declarations
 * and applies the type filter, printing every diagnostic on the way. It
 * returns the prepared input, or the exit code to stop with.
 */
export function prepareInput(request: InputRequest, io: CliIo, hostId: AbiId): PreparedInput | { readonly exitCode: number } {
  const formats = parseFormatList(request.formats, hostId);
  const files = findInputFiles(request.input, io.cwd);
  const early = [...formats.diagnostics, ...files.diagnostics];
  if (hasErrors(early)) return { exitCode: stopWith(early, io) };
  const loaded = loadDeclarations(files.value);
  if (hasErrors(loaded.diagnostics)) return { exitCode: stopWith([...early, ...loaded.diagnostics], io) };
  const allNames = request.namesOf(loaded.value);
  const selected = selectTypes(allNames, request.types);
  const empty = allNames.length === 0 ? [createDiagnostic(Diagnostics.No_struct_or_union_declarations_found_in_0, [request.input])] : [];
  const diagnostics = [...early, ...loaded.diagnostics, ...empty, ...selected.diagnostics];
  if (hasErrors(diagnostics)) return { exitCode: stopWith(diagnostics, io) };
  reportDiagnostics(diagnostics, io);
  return { decls: loaded.value, formats: formats.value, names: selected.value, allNames };
}

// stopWith prints the diagnostics and gives the exit code of a run that found errors.
function stopWith(diagnostics: Parameters<typeof reportDiagnostics>[0], io: CliIo): number {
  reportDiagnostics(diagnostics, io);
  return EXIT_CODES.errors;
}

/** isStop tells whether prepareInput stopped. */
export function isStop(result: PreparedInput | { readonly exitCode: number }): result is { readonly exitCode: number } {
  return "exitCode" in result;
}
