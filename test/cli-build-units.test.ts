/**
 * The small parts of `typedc build`/`run`: which outputs are written, the plugin
 * entry and option overrides, the tsconfig lookup, tsc-style printing of tsc
 * diagnostics, the progress line, the watcher's filter and project refresh, and the module format and
 * `.ts` lookup of `typedc run`'s hooks.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { findConfigPath } from "../packages/cli/src/build/config-path.js";
import { decideWrites } from "../packages/cli/src/build/decide-writes.js";
import { pluginEntryOf } from "../packages/cli/src/build/plugin-entry.js";
import { formatTsDiagnostic } from "../packages/cli/src/build/print.js";
import { progressOn } from "../packages/cli/src/build/progress.js";
import { refreshProject } from "../packages/cli/src/build/refresh.js";
import { transformOptionsFor } from "../packages/cli/src/build/settings.js";
import { watchIgnoreFor } from "../packages/cli/src/build/watch-filter.js";
import { moduleFormatOf } from "../packages/cli/src/run/module-format.js";
import { tsCandidates, resolveTsFile } from "../packages/cli/src/run/resolve-ts.js";
import { runCli, writeTree } from "./cli-helpers.js";

const FILES = [
  { path: "/o/a.js", text: "a" },
  { path: "/o/a.js.map", text: "m" },
  { path: "/o/a.d.ts", text: "d" },
  { path: "/o/a.d.ts.map", text: "dm" },
];

describe("decideWrites", () => {
  const decide = (options: ts.CompilerOptions, typedErrors = 0, tscErrors = 0) => decideWrites({ files: FILES, options, typedErrors, tscErrors }).map((f) => f.path);
  it("writes everything without errors, and despite tsc errors unless noEmitOnError", () => {
    expect(decide({})).toEqual(FILES.map((f) => f.path));
    expect(decide({}, 0, 3)).toEqual(FILES.map((f) => f.path));
    expect(decide({ noEmitOnError: true }, 0, 3)).toEqual([]);
    expect(decide({ noEmitOnError: true }, 0, 0)).toHaveLength(4);
  });
  it("writes nothing after a typedc error or with noEmit, and only declarations with emitDeclarationOnly", () => {
    expect(decide({}, 1, 0)).toEqual([]);
    expect(decide({ noEmit: true })).toEqual([]);
    expect(decide({ emitDeclarationOnly: true })).toEqual(["/o/a.d.ts", "/o/a.d.ts.map"]);
  });
});

describe("plugin entry and overrides", () => {
  it("reads the @typedc/tsc-plugin entry (transform or name) and resolves baseDir from the tsconfig", () => {
    const plugins = [{ transform: "other" }, { transform: "@typedc/tsc-plugin", formats: ["wasm32"], baseDir: "src" }];
    expect(pluginEntryOf({ plugins } as never, "/p/tsconfig.json")).toEqual({ transform: "@typedc/tsc-plugin", formats: ["wasm32"], baseDir: join("/p", "src") });
    expect(pluginEntryOf({ plugins: [{ name: "@typedc/tsc-plugin", boundsChecks: false }] } as never, "/p/tsconfig.json")).toEqual({ name: "@typedc/tsc-plugin", boundsChecks: false });
    expect(pluginEntryOf({}, "/p/tsconfig.json")).toEqual({});
  });
  it("lets the command line win and defaults baseDir to the working directory", () => {
    const settings = { configPath: "/p/tsconfig.json", write: true };
    expect(transformOptionsFor({ formats: ["wasm32"] }, settings, "/cwd")).toEqual({ baseDir: "/cwd", formats: ["wasm32"] });
    expect(transformOptionsFor({ formats: ["wasm32"], baseDir: "/b" }, { ...settings, formats: ["mips-linux"], boundsChecks: false }, "/cwd"))
      .toEqual({ baseDir: "/b", formats: ["mips-linux"], boundsChecks: false });
  });
});

describe("findConfigPath", () => {
  it("takes a file, a directory's tsconfig.json, or the working directory's; 1108 when there is none", () => {
    const root = writeTree({ "tsconfig.json": "{}", "sub/tsconfig.app.json": "{}", "empty/x.ts": "" });
    expect(findConfigPath(undefined, root)).toEqual({ path: join(root, "tsconfig.json") });
    expect(findConfigPath("sub/tsconfig.app.json", root)).toEqual({ path: join(root, "sub/tsconfig.app.json") });
    expect(findConfigPath(root, join(root, "sub"))).toEqual({ path: join(root, "tsconfig.json") });
    const none = findConfigPath("empty", root);
    expect("diagnostic" in none && none.diagnostic.code).toBe(1108);
  });
  it("reports a tsconfig with a JSON syntax error as tsc does (no internal error)", () => {
    const root = writeTree({ "tsconfig.json": '{ "compilerOptions": { "target": "ES2022", } "files": ["a.ts"] }', "a.ts": "export {};\n" });
    const r = runCli(["build"], root);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^tsconfig\.json:1:\d+ - error TS1005: ',' expected\.$/m);
  });
});

describe("formatTsDiagnostic", () => {
  const sf = ts.createSourceFile("/w/src/a.ts", "let x: number =\n  'no';\n", ts.ScriptTarget.ES2022);
  const d: ts.Diagnostic = { file: sf, start: 18, length: 4, code: 2322, category: ts.DiagnosticCategory.Error, messageText: { messageText: "Type 'string' is not assignable to type 'number'.", category: ts.DiagnosticCategory.Error, code: 2322, next: [{ messageText: "Because.", category: ts.DiagnosticCategory.Error, code: 1 }] } };
  it("prints path:line:col - error TSnnnn: message, relative to the working directory, chains flattened", () => {
    expect(formatTsDiagnostic(d, "/w", false)).toBe("src/a.ts:2:3 - error TS2322: Type 'string' is not assignable to type 'number'.\n  Because.");
    expect(formatTsDiagnostic({ ...d, file: undefined, start: undefined }, "/w", false)).toBe("error TS2322: Type 'string' is not assignable to type 'number'.\n  Because.");
  });
  it("uses tsc's pretty form with colour", () => {
    const text = formatTsDiagnostic(d, "/w", true);
    expect(text).toContain("\u001b[96msrc/a.ts\u001b[0m:\u001b[93m2\u001b[0m:\u001b[93m3\u001b[0m - \u001b[91merror\u001b[0m\u001b[90m TS2322: \u001b[0m");
    expect(text).toContain("~~~~");
  });
});

describe("progressOn", () => {
  it("rewrites one line on a terminal for trees of 50 files or more, and is silent otherwise", () => {
    let tty = "";
    const p = progressOn({ write: (t: string) => (tty += t), isTTY: true });
    p.update("checking", 1, 10);
    expect(tty).toBe("");
    p.update("checking", 1, 50);
    p.update("checking", 1, 50);
    p.status("emitting 50 files", 50);
    p.clear();
    expect(tty).toBe("\r\u001b[2Ktypedc: checking 1/50 files\r\u001b[2Ktypedc: emitting 50 files\r\u001b[2K");
    let pipe = "";
    const q = progressOn({ write: (t: string) => (pipe += t), isTTY: false });
    q.update("checking", 1, 500);
    q.clear();
    expect(pipe).toBe("");
  });
});

describe("watchIgnoreFor", () => {
  const stats = (file: boolean) => ({ isFile: () => file });
  it("ignores dependencies, VCS, the output directory and files that are not sources", () => {
    const ignore = watchIgnoreFor("/p/out");
    expect(ignore("/p/out", stats(false))).toBe(true);
    expect(ignore("/p/out/a.d.ts", stats(true))).toBe(true);
    expect(ignore("/p/node_modules", stats(false))).toBe(true);
    expect(ignore("/p/.git/HEAD", stats(true))).toBe(true);
    expect(ignore("/p/src/a.js", stats(true))).toBe(true);
    expect(ignore("/p/src", stats(false))).toBe(false);
    expect(ignore("/p/src/a.ts", stats(true))).toBe(false);
    expect(ignore("/p/src/a.mts", stats(true))).toBe(false);
    expect(ignore("/p/tsconfig.json", stats(true))).toBe(false);
    expect(ignore("/p/output/a.ts", stats(true))).toBe(false); // a sibling that only starts like outDir
  });
});

describe("typedc run's module format and .ts lookup", () => {
  it("follows Node's rules: .mts ESM, .cts CommonJS, .ts by the nearest package.json type", () => {
    const root = writeTree({ "package.json": '{ "type": "module" }', "esm/a.ts": "", "cjs/package.json": '{ "name": "x" }', "cjs/deep/b.ts": "" });
    expect(moduleFormatOf(join(root, "esm/a.ts"))).toBe("module");
    expect(moduleFormatOf(join(root, "cjs/deep/b.ts"))).toBe("commonjs");
    expect(moduleFormatOf(join(root, "cjs/deep/c.mts"))).toBe("module");
    expect(moduleFormatOf(join(root, "esm/c.cts"))).toBe("commonjs");
  });
  it("maps ./x.js, ./x and ./dir to the TypeScript files they may stand for", () => {
    const parent = pathToFileURL("/p/src/main.ts").href;
    expect(tsCandidates("./x.js", parent)).toEqual(["/p/src/x.ts", "/p/src/x.tsx"].map((f) => f.split("/").join(sep)));
    expect(tsCandidates("../y.mjs", parent)).toEqual([["", "p", "y.mts"].join(sep)]);
    expect(tsCandidates("./z", parent)).toEqual(["/p/src/z.ts", "/p/src/z.tsx", "/p/src/z/index.ts"].map((f) => f.split("/").join(sep)));
    expect(tsCandidates("lodash", parent)).toEqual([]);
    const root = writeTree({ "src/x.ts": "", "src/lib/index.ts": "" });
    mkdirSync(join(root, "src/empty"));
    writeFileSync(join(root, "src/main.ts"), "");
    const from = pathToFileURL(join(root, "src/main.ts")).href;
    expect(resolveTsFile("./x.js", from)).toBe(pathToFileURL(join(root, "src/x.ts")).href);
    expect(resolveTsFile("./lib", from)).toBe(pathToFileURL(join(root, "src/lib/index.ts")).href);
    expect(resolveTsFile("./empty", from)).toBeUndefined();
  });
});

describe("refreshProject", () => {
  it("re-reads every changed file of a burst, picks up added files and drops removed ones", () => {
    const root = writeTree({ "tsconfig.json": '{ "compilerOptions": { "types": [] }, "include": ["src"] }', "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = 1;\n", "src/gone.ts": "export {};\n" });
    const project = new Project({ tsConfigFilePath: join(root, "tsconfig.json") });
    writeFileSync(join(root, "src/a.ts"), "export const a = 2;\n");
    writeFileSync(join(root, "src/b.ts"), "export const b = 2;\n");
    writeFileSync(join(root, "src/c.ts"), "export const c = 2;\n");
    const changes = [{ kind: "add", file: join(root, "src/c.ts") }, { kind: "change", file: join(root, "src/a.ts") }, { kind: "change", file: join(root, "src/b.ts") }, { kind: "unlink", file: join(root, "src/gone.ts") }] as const;
    expect(refreshProject(project, join(root, "tsconfig.json"), changes)).toBe(true);
    const text = (f: string) => project.getSourceFile(join(root, f))?.getFullText();
    expect([text("src/a.ts"), text("src/b.ts"), text("src/c.ts"), text("src/gone.ts")]).toEqual(["export const a = 2;\n", "export const b = 2;\n", "export const c = 2;\n", undefined]);
    expect(refreshProject(project, join(root, "tsconfig.json"), [{ kind: "change", file: join(root, "src/a.ts") }, { kind: "change", file: join(root, "other.ts") }])).toBe(false);
  });
});
