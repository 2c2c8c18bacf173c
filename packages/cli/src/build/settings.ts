import type { AbiId } from "@typedc/core";

/** BuildSettings are the command-line choices of `typedc build` and `typedc check`. */
export interface BuildSettings {
  /** Absolute path of the tsconfig file. */
  readonly configPath: string;
  /** `--outDir`, absolute; overrides the tsconfig's. */
  readonly outDir?: string;
  /** `--formats`; overrides the plugin entry's `formats`. */
  readonly formats?: readonly AbiId[];
  /** `--no-bounds-checks` gives false; overrides the plugin entry's `boundsChecks`. */
  readonly boundsChecks?: boolean;
  /** Whether outputs are written (build) or only diagnostics reported (check). */
  readonly write: boolean;
}

/**
 * transformOptionsFor merges the tsconfig plugin entry with the command line
 * (the command line wins) and makes runtime error locations relative to the
 * working directory, as `tspc` run from there would (the transformer's default
 * is the program's current directory, which is the process's, not `io.cwd`).
 */
export function transformOptionsFor(entry: Readonly<Record<string, unknown>>, settings: BuildSettings, cwd: string): Record<string, unknown> {
  const options: Record<string, unknown> = { baseDir: cwd, ...entry };
  if (settings.formats !== undefined) options.formats = settings.formats;
  if (settings.boundsChecks !== undefined) options.boundsChecks = settings.boundsChecks;
  return options;
}
