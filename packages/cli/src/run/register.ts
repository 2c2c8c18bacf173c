/**
 * Preloaded by `typedc run` (`node --import <this file>`): registers the module
 * hooks in hooks.ts for this thread. Worker threads inherit the `--import` flag
 * with `process.execArgv` (the default of `new Worker`'s `execArgv`), so they
 * register the same hooks; see `runExecArgv` for workers given their own.
 */
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import * as path from "node:path";
import { installCjsTsResolution } from "./cjs-resolve.js";
import type { HookData } from "./hooks.js";

const cacheDir = process.env.TYPEDC_RUN_CACHE;
const data: HookData = { baseDir: process.env.TYPEDC_RUN_BASE_DIR ?? process.cwd(), ...(cacheDir !== undefined ? { cacheDir } : {}) };
register(pathToFileURL(path.join(__dirname, "hooks.js")).href, { data });
installCjsTsResolution();
