import pc from "picocolors";
import type { OutStream } from "./io.js";

/**
 * colorEnabled decides whether to colour a stream: never when NO_COLOR is set
 * and not empty (no-color.org), always when FORCE_COLOR is set to anything but
 * "0" or "false" (the Node/chalk convention), else only on a TTY whose TERM is
 * not "dumb".
 */
export function colorEnabled(stream: OutStream, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** Palette is the set of colour functions a printer uses (identity functions when colour is off). */
export type Palette = ReturnType<typeof pc.createColors>;

/** paletteFor returns picocolors' functions, enabled or not. */
export function paletteFor(enabled: boolean): Palette {
  return pc.createColors(enabled);
}
