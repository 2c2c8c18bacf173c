import * as fs from "node:fs";
import * as path from "node:path";
import { createDiagnostic, Diagnostics, type Diagnostic } from "@typedc/core";
import type { OutputFile } from "./emit.js";
import type { Progress } from "./progress.js";

/**
 * writeOutputs writes each file (creating its directory), skipping a file whose
 * content is already on disk so that watchers of the output see only real
 * changes; a file that cannot be written is a 1105 diagnostic.
 */
export function writeOutputs(files: readonly OutputFile[], progress: Progress): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  files.forEach((file, i) => {
    progress.update("writing", i, files.length);
    try {
      if (readOrUndefined(file.path) === file.text) return;
      fs.mkdirSync(path.dirname(file.path), { recursive: true });
      fs.writeFileSync(file.path, file.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push(createDiagnostic(Diagnostics.Cannot_write_0_1, [file.path, reason]));
    }
  });
  return diagnostics;
}

// readOrUndefined reads a UTF-8 file, or gives undefined when there is none.
function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
