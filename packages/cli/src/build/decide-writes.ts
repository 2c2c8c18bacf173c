import type { ts } from "ts-morph";
import type { OutputFile } from "./emit.js";

/** WriteInput is what decideWrites decides from: the emitted files, the tsconfig options and the error counts. */
export interface WriteInput {
  readonly files: readonly OutputFile[];
  /** The tsconfig's options (before the emit overrides). */
  readonly options: ts.CompilerOptions;
  readonly typedErrors: number;
  readonly tscErrors: number;
}

/**
 * decideWrites picks the outputs a build writes, as tsc would plus one typedc rule:
 * nothing with `noEmit`; nothing when typedc found an error (a file with an
 * unrewritten typed access would run and silently read the wrong bytes, so typedc
 * errors always act like `noEmitOnError`); nothing when tsc found an error and
 * the tsconfig sets `noEmitOnError`; only declaration files with
 * `emitDeclarationOnly`; otherwise everything (tsc writes JavaScript despite
 * type errors by default).
 */
export function decideWrites(input: WriteInput): readonly OutputFile[] {
  const { options } = input;
  if (options.noEmit === true || input.typedErrors > 0) return [];
  if (options.noEmitOnError === true && input.tscErrors > 0) return [];
  if (options.emitDeclarationOnly === true) return input.files.filter((f) => /\.d\.[cm]?ts(\.map)?$/.test(f.path));
  return input.files;
}
