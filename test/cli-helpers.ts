import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CliIo } from "../packages/cli/src/io.js";
import { run } from "../packages/cli/src/cli.js";

/** TASK_TS is the small declaration file most CLI tests lay out. */
export const TASK_TS = `import type { i32, u8, u32, u64, c_long, c_char, array, ptr, bits, union } from "@typedc/runtime";

export interface Task {
  pid: i32;
  state: c_long;
  comm: array<c_char, 16>;
  vruntime: u64;
  parent: ptr<Task>;
  flags: bits<u32, 3>;
  prio: bits<u32, 5>;
  tag: u8;
  pos: { x: u8; y: u32 };
}

export type Value = union<{ i: i32; b: array<u8, 6> }>;
export type TaskAlias = Task;
`;

/** writeTree writes files (relative path → text) below a new temporary directory and returns it. */
export function writeTree(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), "typedc-cli-"));
  for (const [relative, text] of Object.entries(files)) {
    const file = join(root, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** RunResult is what one in-process run of `typedc` produced. */
export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** runCli runs `typedc` in-process with captured output (no TTY unless the env forces colour). */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): RunResult {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env,
    cwd,
  };
  const exitCode = run(args, io);
  return { exitCode, stdout, stderr };
}
