import * as path from "node:path";
import { pathToFileURL } from "node:url";

/** REGISTER_PATH is the preload module that installs `typedc run`'s hooks (built next to this file). */
export const REGISTER_PATH = path.join(__dirname, "register.js");

/**
 * runExecArgv gives the Node flags `typedc run` starts a program with: source maps
 * on (stack traces at `.ts` lines and columns) and the hooks preloaded. A worker
 * started with its own `execArgv` must include them (`new Worker(url, { execArgv:
 * [...runExecArgv(), ...mine] })`); the default `execArgv` inherits them.
 */
export function runExecArgv(): string[] {
  return ["--enable-source-maps", "--import", pathToFileURL(REGISTER_PATH).href];
}
