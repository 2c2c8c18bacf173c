import * as fs from "node:fs";
import * as path from "node:path";
import { createDiagnostic, Diagnostics, type Result } from "@typedc/core";

/** SKIPPED_DIRECTORIES are never searched for inputs: dependencies and hidden folders (.git, …). */
const SKIPPED_DIRECTORIES = new Set(["node_modules"]);

/**
 * findInputFiles turns the `<file|dir>` argument into absolute, sorted file
 * names: a `.ts`/`.mts`/`.cts` file as is, or every such file below a directory
 * (declaration files `.d.ts`, `node_modules` and hidden folders excluded).
 */
export function findInputFiles(input: string, cwd: string): Result<string[]> {
  const absolute = path.resolve(cwd, input);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (stat === undefined) return { value: [], diagnostics: [createDiagnostic(Diagnostics.Cannot_find_input_0_no_such_file_or_directory, [input])] };
  if (stat.isDirectory()) {
    const files = walkTypeScriptFiles(absolute).sort();
    if (files.length === 0) return { value: [], diagnostics: [createDiagnostic(Diagnostics.No_input_files_found_at_0_give_a_ts_file_or_a_directory_that_contains_ts_files, [input])] };
    return { value: files, diagnostics: [] };
  }
  if (!isTypeScriptSource(absolute)) return { value: [], diagnostics: [createDiagnostic(Diagnostics.Input_0_is_not_a_TypeScript_file_give_a_ts_file_or_a_directory, [input])] };
  return { value: [absolute], diagnostics: [] };
}

// isTypeScriptSource tells whether a file name is a TypeScript source that is not a declaration file.
function isTypeScriptSource(fileName: string): boolean {
  return /\.[mc]?ts$/.test(fileName) && !/\.d\.[mc]?ts$/.test(fileName);
}

// walkTypeScriptFiles lists the TypeScript sources below a directory, skipping SKIPPED_DIRECTORIES and dot-folders.
function walkTypeScriptFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith(".")) found.push(...walkTypeScriptFiles(full));
    } else if (entry.isFile() && isTypeScriptSource(entry.name)) {
      found.push(full);
    }
  }
  return found;
}
