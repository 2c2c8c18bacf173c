import * as fs from "node:fs";
import * as path from "node:path";
import { createDiagnostic, Diagnostics, type Diagnostic } from "@typedc/core";

/** ConfigPath is the absolute path of a project's tsconfig file, or the diagnostic saying there is none. */
export type ConfigPath = { readonly path: string } | { readonly diagnostic: Diagnostic };

/**
 * findConfigPath reads `-p`/`--project` as tsc does: a file is the project
 * file, a directory means its `tsconfig.json`; without `-p` it is
 * `tsconfig.json` in the working directory (tsc would also search the parent
 * directories; typedc does not, so that a build never picks up an unrelated
 * project above the working directory).
 */
export function findConfigPath(project: string | undefined, cwd: string): ConfigPath {
  const given = path.resolve(cwd, project ?? ".");
  const file = isDirectory(given) ? path.join(given, "tsconfig.json") : given;
  if (!fs.existsSync(file)) return { diagnostic: createDiagnostic(Diagnostics.Cannot_find_a_tsconfig_json_at_0_Give_a_project_file_or_directory_with_p, [project ?? "."]) };
  return { path: file };
}

// isDirectory tells whether a path exists and is a directory.
function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
