import * as path from "node:path";

/** SOURCE_EXTENSION matches the files whose change can change a build (TypeScript sources, JSON modules, tsconfig files). */
const SOURCE_EXTENSION = /\.(?:[cm]?tsx?|json)$/;

/** IGNORED_DIRECTORIES are never watched: dependencies and version control. */
const IGNORED_DIRECTORIES: ReadonlySet<string> = new Set(["node_modules", ".git"]);

/**
 * watchIgnoreFor returns chokidar's `ignored` test for a project: dependency and
 * VCS folders, the output directory (the build's own writes must not trigger a
 * rebuild) and any file that is not a source.
 */
export function watchIgnoreFor(outDir: string | undefined): (file: string, stats?: { isFile(): boolean }) => boolean {
  const out = outDir === undefined ? undefined : path.resolve(outDir);
  return (file, stats) => {
    const resolved = path.resolve(file);
    if (out !== undefined && (resolved === out || resolved.startsWith(out + path.sep))) return true;
    if (resolved.split(path.sep).some((part) => IGNORED_DIRECTORIES.has(part))) return true;
    return stats?.isFile() === true && !SOURCE_EXTENSION.test(resolved);
  };
}
