/**
 * CliIo is everything a command touches outside itself: output streams, the
 * environment and the working directory. `main.ts` passes the real process;
 * tests pass buffers, so commands run in-process without spawning.
 */
export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** OutStream is the part of a Node writable stream the CLI uses. */
export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** processIo returns the CliIo of the running Node process. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
