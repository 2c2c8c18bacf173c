import type { OutStream } from "../io.js";

/** Progress shows how far a long step is, as one updating line on a terminal. */
export interface Progress {
  /** update shows `typedc: <step> <done>/<total> files`. */
  update(step: string, done: number, total: number): void;
  /** status shows `typedc: <text>` for a step that has no count (on a tree of `total` files). */
  status(text: string, total: number): void;
  /** clear erases the line before other output. */
  clear(): void;
}

/** PROGRESS_MIN_FILES is the smallest tree worth a progress line (smaller builds finish before it could be read). */
export const PROGRESS_MIN_FILES = 50;

/**
 * progressOn returns a Progress that rewrites a single line of `stream`
 * (carriage return, erase line) when it is a terminal, and does nothing
 * otherwise, so that logs and pipes get no control characters.
 */
export function progressOn(stream: OutStream): Progress {
  if (stream.isTTY !== true) return { update: () => {}, status: () => {}, clear: () => {} };
  let shown = false;
  let lastText = "";
  const show = (text: string, total: number) => {
    if (total < PROGRESS_MIN_FILES || text === lastText) return;
    stream.write(`\r\u001b[2K${text}`);
    shown = true;
    lastText = text;
  };
  return {
    update: (step, done, total) => show(`typedc: ${step} ${done}/${total} files`, total),
    status: (text, total) => show(`typedc: ${text}`, total),
    clear() {
      if (shown) stream.write("\r\u001b[2K");
      shown = false;
      lastText = "";
    },
  };
}
