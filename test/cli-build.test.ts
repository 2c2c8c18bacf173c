/**
 * `typedc build` and `typedc check` on temporary projects (in-process through the
 * CLI's `run`, as the other CLI tests; one test spawns the built command): outputs
 * where tsc would put them, the same JavaScript as the tsc plugin's compiler-API
 * path, tables next to rewritten files, tsc-style diagnostics for typedc and tsc
 * errors, the write rules (typedc errors, noEmitOnError, emitDeclarationOnly),
 * option overrides and the progress line.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { transformFiles } from "@typedc/tsc-plugin";
import type { CliIo } from "../packages/cli/src/io.js";
import { run } from "../packages/cli/src/cli.js";
import { runCli } from "./cli-helpers.js";
import { compilerOptions, DECLS_TS, MAIN_TS, spawnCli, writeProject } from "./cli-build-helpers.js";

/** AREA_TS has a `__typed(...)` call (whose type set goes into tables.json) and a deliberate tsc error on line 7. */
const AREA_TS = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { array } from "@typedc/runtime";
import type { Task } from "./decls.js";

const memory = TypedMemory.create({ bytes: 1 << 16 });
export const tasks = __typed<array<Task, 2>>("tasks", { memory, format: "x86_64-linux" } as never);
export const wrong: number = "not a number";
`;

const read = (root: string, file: string) => readFileSync(join(root, file), "utf8");

describe("typedc build", () => {
  it("writes JavaScript, source maps and declarations where tsc would, identical to the tsc plugin's emit", () => {
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": MAIN_TS }, compilerOptions({ sourceMap: true, declaration: true }));
    const r = runCli(["build"], root);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(readdirSync(join(root, "out")).sort()).toEqual(["decls.d.ts", "decls.js", "decls.js.map", "main.d.ts", "main.js", "main.js.map"]);
    const js = read(root, "out/main.js");
    expect(js).toMatch(/__typedc\$cpath\(tasks\$r\.tp, tasks\$r\.t, "\[\]\.pid"\)/); // rewritten access
    expect(js).toContain('"src/main.ts:5:3"'); // runtime location relative to the working directory
    expect(js.trimEnd().endsWith("//# sourceMappingURL=main.js.map")).toBe(true);
    expect(JSON.parse(read(root, "out/main.js.map")).sources).toEqual(["../src/main.ts"]);
    expect(read(root, "out/main.d.ts")).toContain("export declare function bump(tasks: __typed<array<Task, 4>>, i: number): number;");
    // The compiler-API path over the same files and options gives the same JavaScript.
    const files = ["src/decls.ts", "src/main.ts"].map((f) => join(root, f));
    const options = { ...ts.convertCompilerOptionsFromJson(compilerOptions({ sourceMap: true }), root).options, outDir: join(root, "out"), rootDir: join(root, "src") };
    const api = transformFiles({ ts, program: ts.createProgram(files, options), options: { baseDir: root } });
    expect(js).toBe(api.outputs.get(join(root, "src/main.ts"))!.js);
  });

  it("takes --outDir over the tsconfig's and -p as a directory or a file", () => {
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": MAIN_TS, "sub/keep.txt": "" });
    // --outDir is relative to the working directory, as tsc's.
    expect(runCli(["build", "-p", root, "--outDir", "dist"], join(root, "sub")).exitCode).toBe(0);
    expect(existsSync(join(root, "sub/dist/main.js"))).toBe(true);
    expect(existsSync(join(root, "out"))).toBe(false);
    expect(runCli(["build", "--project", join(root, "tsconfig.json")], join(root, "sub")).exitCode).toBe(0);
    expect(existsSync(join(root, "out/main.js"))).toBe(true);
  });

  it("copies JSON modules to outDir as tsc does", () => {
    const root = writeProject({ "src/data.json": '{ "slots": 4 }\n', "src/use.ts": 'import data from "./data.json";\nexport const slots: number = data.slots;\n' }, compilerOptions({ resolveJsonModule: true }));
    expect(runCli(["build"], root)).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(readdirSync(join(root, "out")).sort()).toEqual(["data.json", "use.js"]);
  });

  it("writes tables.json next to a rewritten file, for the plugin entry's formats or --formats", () => {
    const plugin = { transform: "@typedc/tsc-plugin", formats: ["x86_64-linux", "i386-linux"] };
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/area.ts": AREA_TS }, compilerOptions({ plugins: [plugin] }));
    const first = runCli(["build"], root);
    // A tsc error does not stop the emit (tsc's default, noEmitOnError false) but fails the build.
    expect(first.exitCode).toBe(1);
    expect(first.stderr).toContain("src/area.ts:7:14 - error TS2322: Type 'string' is not assignable to type 'number'.");
    const tables = JSON.parse(read(root, "out/area.tables.json")) as { types: Record<string, Record<string, unknown>> };
    expect(Object.keys(tables.types)).toEqual(["array<Task, 2>"]);
    expect(Object.keys(tables.types["array<Task, 2>"]!)).toEqual(["x86_64-linux", "i386-linux"]);
    expect(existsSync(join(root, "out/decls.tables.json"))).toBe(false);
    runCli(["build", "--formats", "wasm32,s390x-linux"], root);
    const again = JSON.parse(read(root, "out/area.tables.json")) as { types: Record<string, Record<string, unknown>> };
    expect(Object.keys(again.types["array<Task, 2>"]!)).toEqual(["wasm32", "s390x-linux"]);
  });

  it("drops the index checks with --no-bounds-checks", () => {
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": MAIN_TS });
    runCli(["build"], root);
    expect(read(root, "out/main.js")).toContain("__typedc$ix(");
    expect(runCli(["build", "--no-bounds-checks"], root).exitCode).toBe(0);
    expect(read(root, "out/main.js")).not.toContain("__typedc$ix(");
  });

  it("reports a typedc error as path:line:col - error TYPEDnnnn and writes nothing", () => {
    const bad = MAIN_TS.replace("return tasks[i].pid;", "return tasks[i].nope;");
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": bad });
    const r = runCli(["build"], root);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^src\/main\.ts:6:\d+ - error TYPED1201: 'Task' has no member 'nope'\.$/m);
    expect(r.stderr).toMatch(/^src\/main\.ts:6:\d+ - error TS2339: Property 'nope' does not exist/m);
    expect(existsSync(join(root, "out"))).toBe(false);
  });

  it("follows noEmitOnError for tsc errors and emitDeclarationOnly", () => {
    const withError = { "src/decls.ts": DECLS_TS, "src/main.ts": `${MAIN_TS}export const n: number = "x";\n` };
    const strict = writeProject(withError, compilerOptions({ noEmitOnError: true }));
    expect(runCli(["build"], strict).exitCode).toBe(1);
    expect(existsSync(join(strict, "out"))).toBe(false);
    const dtsOnly = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": MAIN_TS }, compilerOptions({ declaration: true, emitDeclarationOnly: true }));
    expect(runCli(["build"], dtsOnly).exitCode).toBe(0);
    expect(readdirSync(join(dtsOnly, "out")).sort()).toEqual(["decls.d.ts", "main.d.ts"]);
  });

  it("reports a missing tsconfig (1108) and a bad --formats (1102) with exit 1", () => {
    const root = writeProject({ "src/main.ts": MAIN_TS });
    const none = runCli(["build", "-p", "nowhere"], root);
    expect(none).toEqual({ exitCode: 1, stdout: "", stderr: "error TYPED1108: Cannot find a tsconfig.json at 'nowhere'. Give a project file or directory with '-p'.\n" });
    const bad = runCli(["build", "--formats", "pdp11"], root);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^error TYPED1102: Unknown format 'pdp11'\./);
  });

  it("shows a progress line on a terminal only", () => {
    const files: Record<string, string> = { "src/decls.ts": DECLS_TS };
    for (let i = 0; i < 60; i++) files[`src/m${i}.ts`] = MAIN_TS.replace("bump", `bump${i}`);
    const root = writeProject(files);
    let stderr = "";
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t), isTTY: true }, env: { NO_COLOR: "1" }, cwd: root };
    expect(run(["build"], io)).toBe(0);
    expect(stderr).toContain("\r\u001b[2Ktypedc: checking 30/61 files"); // the sources, not the libraries' declarations
    expect(stderr).toContain("typedc: writing ");
    expect(stderr.endsWith("\r\u001b[2K")).toBe(true); // the line is erased at the end
    expect(runCli(["build"], root).stderr).toBe("");
  });
});

describe("typedc check", () => {
  it("reports tsc's and typedc's errors like tsc --noEmit and writes nothing", () => {
    const bad = `${MAIN_TS.replace("return tasks[i].pid;", "return tasks[i].nope;")}export const n: number = "x";\n`;
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": bad });
    const r = runCli(["check"], root);
    expect(r.exitCode).toBe(1);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.map((l) => l.replace(/ - error (TYPED|TS)(\d+):.*/, " $1$2"))).toEqual([
      "src/main.ts:6:19 TYPED1201",
      "src/main.ts:6:19 TS2339",
      "src/main.ts:8:14 TS2322",
    ]);
    expect(existsSync(join(root, "out"))).toBe(false);
  });

  it("exits 0 on a clean project, silently", () => {
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": MAIN_TS });
    expect(runCli(["check"], root)).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(existsSync(join(root, "out"))).toBe(false);
  });
});

describe("the built command", () => {
  it("builds a project and lists build, check and run in its help", async () => {
    const root = writeProject({ "src/decls.ts": DECLS_TS, "src/main.ts": MAIN_TS });
    const built = await spawnCli(["build"], root);
    expect(built).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(existsSync(join(root, "out/main.js"))).toBe(true);
    const help = await spawnCli(["--help"], root);
    expect(help.stdout).toMatch(/build \[options\]\s+compile a TypeScript project/);
    expect(help.stdout).toMatch(/check \[options\]\s+report diagnostics/);
    expect(help.stdout).toMatch(/run <entry> \[args\.\.\.\]\s+run a TypeScript program/);
  });
});
