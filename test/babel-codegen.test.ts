/**
 * The Babel plugin's code generation beyond the shared fixtures (issue #5): an access that
 * only a type checker could prove typed is a diagnostic in both plugins (never a silent
 * difference), runtime errors in Babel's output map back to the .ts line through its source
 * map, and bad input is a TYPED code with a code frame, never an internal error.
 */
import { transformSync } from "@babel/core";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic, type Diagnostic } from "@typedc/core";
import { transformFiles } from "@typedc/tsc-plugin";
import typedc from "../packages/babel-plugin/src/index.js";
import { compilerOptionsFor } from "./fixtures-helpers.ts";
import { normaliseJs } from "./babel-front.ts";

const HEADER = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, u64, array } from "@typedc/runtime";
interface Task { pid: i32; vruntime: u64 }
`;

const dir = mkdtempSync(join(__dirname, ".tmp-babel-codegen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** write puts a source file in the test's directory. */
function write(name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** babel compiles a file with the plugin (errors collected) and preset-typescript. */
function babel(file: string, text: string, extra: Record<string, unknown> = {}) {
  const out = transformSync(text, {
    filename: file,
    cwd: dir,
    babelrc: false,
    configFile: false,
    highlightCode: false,
    sourceType: "module",
    plugins: [[typedc, { formats: ["x86_64-linux"], baseDir: dir, throwOnError: false, ...extra }]],
    presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
    sourceMaps: true,
  });
  const meta = (out!.metadata as unknown as { typedc: { diagnostics: Diagnostic[] } }).typedc;
  return { code: out!.code!, map: out!.map, diagnostics: meta.diagnostics };
}

/** tsc compiles a file with the tsc plugin's compiler API. */
function tsc(file: string) {
  const program = ts.createProgram({ rootNames: [file], options: compilerOptionsFor(ts) });
  return transformFiles({ ts, program, options: { formats: ["x86_64-linux"], baseDir: dir } });
}

const lines = (ds: readonly Diagnostic[]) => ds.map((d) => formatDiagnostic(d, { cwd: dir, getText: (f: string) => readFileSync(f, "utf8") }).trimEnd());

describe("an access only a checker could prove typed", () => {
  it("a typed value returned through an un-annotated helper (the checker infers __typed<Task>) is TYPED1210 in both plugins", () => {
    const text = `${HEADER}const tasks: __typed<array<Task, 4>> = __typed("t", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "x86_64-linux" });
function helper(i: number) {
  return tasks[i];
}
export function pidOf(i: number) {
  return helper(i).pid;
}
`;
    const file = write("helper.ts", text);
    const fromTsc = lines(tsc(file).diagnostics);
    const fromBabel = lines(babel(file, text).diagnostics);
    expect(fromTsc).toEqual(["helper.ts:6:10 - error TYPED1210: Typed value 'tasks[i]' escapes into the return value of 'helper' without a type annotation. Annotate it with '__typed<Task>', or convert it with 'toPlain'."]);
    expect(fromBabel).toEqual(fromTsc);
  });

  it("a typed value stored through an object the checker types (`holder.t = t`) is TYPED1210 in both plugins", () => {
    const text = `${HEADER}export function keep(t: __typed<Task>, holder: { t: unknown }) {
  holder.t = t;
  return 0;
}
`;
    const file = write("holder.ts", text);
    const fromTsc = lines(tsc(file).diagnostics);
    expect(fromTsc).toHaveLength(1);
    expect(fromTsc[0]).toMatch(/TYPED1210/);
    expect(lines(babel(file, text).diagnostics)).toEqual(fromTsc);
  });
});

describe("CommonJS output", () => {
  it("generated references to imported and exported typed bindings are rewritten by Babel's CommonJS transform", () => {
    const shared = `${HEADER}export const table: __typed<array<Task, 2>> = __typed("table", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "s390x-linux" });
export let current: __typed<Task> = table[0];
export function pick(i: number) { current = table[i]; return current.pid; }
`;
    const main = `${HEADER}import { table, pick } from "./shared";
const SLOT = 1;
export function run() {
  table[SLOT].pid = 41;
  table[0].pid = 7;
  return [pick(SLOT) + 1, table[0].pid];
}
`;
    const cjs = (name: string, text: string) => {
      const file = write(`cjs/${name}.ts`, text);
      const out = transformSync(text, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceType: "module",
        plugins: [[typedc, { formats: ["s390x-linux"], baseDir: dir }], "@babel/plugin-transform-modules-commonjs"],
        presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
      })!;
      writeFileSync(join(dir, "cjs", `${name}.js`), out.code!);
      return out.code!;
    };
    cjs("shared", shared);
    expect(cjs("main", main)).toContain("_shared.table");
    const printed = execFileSync(process.execPath, ["-e", `console.log(JSON.stringify(require(${JSON.stringify(join(dir, "cjs", "main.js"))}).run()))`], { encoding: "utf8" });
    expect(JSON.parse(printed)).toEqual([42, 7]);
  });
});

describe("enums", () => {
  it("a plain enum compiles to TypeScript's own lowering (auto, negative, shifted, string, merged, exported)", () => {
    const text = `enum A { X, Y, Z = 10, W }\nexport enum S { A = "a", B = "b" }\nenum N { M = -1, K = 1 << 3, L = K | 1 }\nenum N { Q = 7 }\nexport const v = [A.Y, N.M, S.B];\n`;
    const file = write("enums.ts", text);
    const viaTs = ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    expect(normaliseJs(babel(file, text).code)).toBe(normaliseJs(viaTs));
  });
});

describe("source maps", () => {
  it("a bounds error thrown by Babel's output points at the .ts line under node --enable-source-maps", () => {
    const text = `${HEADER}const tasks: __typed<array<Task, 4>> = __typed("t", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "x86_64-linux" });
export function pidOf(i: number) {
  const n = i + 1;
  return tasks[n].pid;
}
pidOf(7);
`;
    const file = write("maps/run.ts", text);
    const out = babel(file, text);
    expect(out.diagnostics).toEqual([]);
    const js = join(dir, "maps", "run.mjs");
    writeFileSync(js, `${out.code}\n//# sourceMappingURL=run.mjs.map\n`);
    writeFileSync(`${js}.map`, JSON.stringify({ ...out.map, file: "run.mjs", sources: ["run.ts"] }));
    let stderr = "";
    try {
      execFileSync(process.execPath, ["--enable-source-maps", js], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      stderr = String((error as { stderr?: string }).stderr);
    }
    expect(stderr).toMatch(/TypedBoundsError|out of range/);
    // The access is on line 7 of run.ts (`return tasks[n].pid;`): the stack frame of pidOf, not only the message.
    expect(stderr).toMatch(/at pidOf \(\S*maps[\\/]run\.ts:7:\d+\)/);
  });
});

describe("bad input", () => {
  const failure = (name: string, text: string): string => {
    const file = write(name, text);
    try {
      transformSync(text, { filename: file, babelrc: false, configFile: false, highlightCode: false, plugins: [typedc], presets: ["@babel/preset-typescript"] });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("the build did not fail");
  };

  it("a syntax error is TYPED1005 with a code frame", () => {
    const message = failure("bad/syntax.ts", `${HEADER}const t: __typed<Task> = ;\n`);
    expect(message).toMatch(/syntax\.ts: TYPED1005: /);
    expect(message).toContain("> 4 | const t: __typed<Task> = ;");
  });

  it("an unresolvable import of a declaration is TYPED1012 with a code frame", () => {
    const message = failure("bad/import.ts", `import type { i32 } from "@typedc/runtime";\nimport type { Missing } from "./nowhere";\nexport interface S { a: i32; m: Missing }\n`);
    expect(message).toMatch(/TYPED1012: /);
    expect(message).toMatch(/> 3 \|/);
  });

  it("a declaration without C layout is TYPED1001 with a code frame", () => {
    const message = failure("bad/layout.ts", `import type { i32 } from "@typedc/runtime";\nexport interface S { a: i32; name: string }\n`);
    expect(message).toMatch(/TYPED1001: Field 'name' has type 'string'/);
    expect(message).toMatch(/> 2 \|/);
  });

  it("an access to a member the struct does not have is TYPED1201 at the member", () => {
    const message = failure("bad/member.ts", `${HEADER}export function f(t: __typed<Task>) { return t.nice; }\n`);
    expect(message).toMatch(/TYPED1201: 'Task' has no member 'nice'/);
    expect(message).toContain("^^^^");
  });
});
