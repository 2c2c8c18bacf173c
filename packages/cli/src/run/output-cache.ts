import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ModuleFormat } from "./module-format.js";

/**
 * OutputCache shares compiled files between the threads of one `typedc run`: the
 * first thread to compile emits its whole program and stores every file; a
 * worker thread, whose hooks would otherwise build the same program again (a
 * few seconds), takes its files from here. An entry is used only while it is
 * newer than its source; the folder lives as long as the run (commands/run.ts).
 */
export class OutputCache {
  /** constructor takes the run's cache folder. */
  constructor(private readonly dir: string) {}

  /** get returns a file's stored JavaScript in a format, or undefined when absent or older than the source. */
  get(file: string, format: ModuleFormat): string | undefined {
    const entry = this.entryOf(file, format);
    try {
      if (fs.statSync(entry).mtimeMs < fs.statSync(file).mtimeMs) return undefined;
      return fs.readFileSync(entry, "utf8");
    } catch {
      return undefined;
    }
  }

  /** set stores a file's JavaScript (written to a temporary name and renamed, so a reader never sees half of it). */
  set(file: string, format: ModuleFormat, js: string): void {
    const entry = this.entryOf(file, format);
    const temporary = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      fs.writeFileSync(temporary, js);
      fs.renameSync(temporary, entry);
    } catch {
      // The cache only saves time: a run goes on without it.
    }
  }

  // entryOf names a file's entry by a hash of its path and format.
  private entryOf(file: string, format: ModuleFormat): string {
    return path.join(this.dir, `${createHash("sha256").update(`${format}\0${path.resolve(file)}`).digest("hex").slice(0, 32)}.js`);
  }
}
