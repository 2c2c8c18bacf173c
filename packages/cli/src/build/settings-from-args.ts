import * as path from "node:path";
import type { AbiId, Diagnostic } from "@typedc/core";
import { parseFormatList } from "../format-arg.js";
import { findConfigPath } from "./config-path.js";
import type { BuildSettings } from "./settings.js";

/** BuildArgs are the raw options of `typedc build` and `typedc check`. */
export interface BuildArgs {
  readonly project?: string;
  readonly outDir?: string;
  readonly formats?: string;
  readonly boundsChecks?: boolean;
}

/**
 * settingsFromArgs turns the command line into BuildSettings: the tsconfig
 * path (1108 when there is none), the format list (1102/1106 for bad ones) and
 * `--outDir` made absolute from the working directory.
 */
export function settingsFromArgs(args: BuildArgs, write: boolean, cwd: string, hostId: AbiId): { settings?: BuildSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const config = findConfigPath(args.project, cwd);
  if ("diagnostic" in config) diagnostics.push(config.diagnostic);
  let formats: AbiId[] | undefined;
  if (args.formats !== undefined) {
    const parsed = parseFormatList(args.formats, hostId);
    diagnostics.push(...parsed.diagnostics);
    formats = parsed.value;
  }
  if (!("path" in config) || diagnostics.length > 0) return { diagnostics };
  const settings: BuildSettings = {
    configPath: config.path,
    write,
    ...(args.outDir !== undefined ? { outDir: path.resolve(cwd, args.outDir) } : {}),
    ...(formats !== undefined ? { formats } : {}),
    ...(args.boundsChecks === false ? { boundsChecks: false } : {}),
  };
  return { settings, diagnostics };
}
