import * as path from "node:path";
import { FileSystemRefreshResult, type Project } from "ts-morph";

/** FileChange is one event of the watcher: a source file added, changed or removed. */
export interface FileChange {
  readonly kind: "add" | "change" | "unlink";
  readonly file: string;
}

/**
 * refreshProject brings changed files into the kept ts-morph project, so the next
 * program reuses every unchanged file (ts-morph's language service keeps their
 * syntax trees): a changed file is re-read, a removed one dropped, and an added
 * one picked up by re-reading the tsconfig's file list. It tells whether the
 * project changed at all (a file outside the project, an unchanged save: no).
 */
export function refreshProject(project: Project, configPath: string, changes: readonly FileChange[]): boolean {
  let changed = false;
  if (changes.some((c) => c.kind === "add")) {
    // New files: re-read the tsconfig's file list once for the whole burst (a checkout adds many).
    const before = project.getSourceFiles().length;
    project.addSourceFilesFromTsConfig(configPath);
    changed = project.getSourceFiles().length !== before;
  }
  for (const change of changes) {
    const sourceFile = project.getSourceFile(path.resolve(change.file));
    if (sourceFile === undefined) continue;
    if (change.kind === "unlink") {
      project.removeSourceFile(sourceFile);
      changed = true;
      continue;
    }
    // Refresh first: `changed ||= refresh()` would skip the refresh once something changed.
    const refreshed = sourceFile.refreshFromFileSystemSync() !== FileSystemRefreshResult.NoChange;
    changed = changed || refreshed;
  }
  // A changed file may import a file the project did not hold yet.
  if (changed) project.resolveSourceFileDependencies();
  return changed;
}
