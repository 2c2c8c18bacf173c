/**
 * `typedc build --watch` (the built command) in a temporary project: the first
 * build, tsc's watch line, a rebuild after an edit (the output changes), a typedc
 * error reported by the next rebuild, a new file picked up; then the test ends the
 * process it started.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, DECLS_TS, MAIN_TS, writeProject } from "./cli-build-helpers.js";

/** Watcher is a running `typedc build --watch` and everything it printed so far. */
interface Watcher {
  readonly child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
}

const started: Watcher[] = [];
afterAll(() => {
  for (const w of started) w.child.kill();
});

/** startWatcher spawns the built CLI with `build --watch` in a project. */
function startWatcher(root: string): Watcher {
  const child = spawn(process.execPath, [CLI, "build", "--watch"], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
  const w: Watcher = { child, stdout: "", stderr: "" };
  child.stdout.on("data", (d: Buffer) => (w.stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (w.stderr += d.toString()));
  started.push(w);
  return w;
}

/** waitFor polls until `ready()` holds (or fails after `ms`, with what the watcher printed). */
async function waitFor(w: Watcher, what: string, ready: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\nstdout:\n${w.stdout}\nstderr:\n${w.stderr}`);
    if (w.child.exitCode !== null) throw new Error(`typedc exited (${w.child.exitCode}) waiting for ${what}\n${w.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = (text: string, part: string) => text.split(part).length - 1;
const WATCHING = "Watching for file changes.";

describe("typedc build --watch", () => {
  it("rebuilds on changes and reports each build's errors", async () => {
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": MAIN_TS });
    const out = join(root, "out/main.js");
    const w = startWatcher(root);
    await waitFor(w, "the first build", () => count(w.stdout, WATCHING) === 1);
    expect(w.stdout).toMatch(/^\[\d\d:\d\d:\d\d\] Starting compilation in watch mode\.\.\.\n\[\d\d:\d\d:\d\d\] Found 0 errors\. Watching for file changes\.\n$/);
    expect(readFileSync(out, "utf8")).toContain("+ 1, ");

    // An edit: the output changes.
    writeFileSync(join(root, "src/main.ts"), MAIN_TS.replace("+= 1", "+= 2"));
    await waitFor(w, "the rebuild after an edit", () => readFileSync(out, "utf8").includes("+ 2, "));
    await waitFor(w, "the second watch line", () => count(w.stdout, WATCHING) === 2);
    expect(w.stdout).toContain("File change detected. Starting incremental compilation...");

    // A typedc error: reported, and the last good output stays.
    writeFileSync(join(root, "src/main.ts"), MAIN_TS.replace("return tasks[i].pid;", "return tasks[i].nope;"));
    await waitFor(w, "the error", () => w.stdout.includes("Found 2 errors. Watching for file changes."));
    expect(w.stderr).toMatch(/^src\/main\.ts:6:\d+ - error TYPED1201: 'Task' has no member 'nope'\.$/m);
    expect(readFileSync(out, "utf8")).toContain("+ 2, ");

    // A new file is picked up from the tsconfig's include.
    writeFileSync(join(root, "src/extra.ts"), MAIN_TS.replace("bump", "extra"));
    writeFileSync(join(root, "src/main.ts"), MAIN_TS);
    await waitFor(w, "the new file's output", () => existsSync(join(root, "out/extra.js")) && readFileSync(out, "utf8").includes("+ 1, "));
    await waitFor(w, "a clean build", () => w.stdout.trimEnd().endsWith(`Found 0 errors. ${WATCHING}`));
    w.child.kill();
  });
});
