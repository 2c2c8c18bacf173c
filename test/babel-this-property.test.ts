/**
 * `this.x` is typed where the class the access is in declares `x: __typed<T>` (an instance
 * property). The tsc plugin's checker also follows `extends` to a base class's property (in the
 * same file or an imported one) and resolves `this` in a static method to a static property;
 * the Babel plugin, without a checker, sees neither, so the tsc plugin must not compile them
 * either: both plugins emit the same code (those accesses go through the dynamic view), and
 * the program gives the same results.
 */
import { transformSync } from "@babel/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { transformFiles } from "@typedc/tsc-plugin";
import typedc from "../packages/babel-plugin/src/index.js";
import { normaliseJs } from "./babel-front.ts";

const BASE_TS = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, array } from "@typedc/runtime";
interface Task { pid: i32; prio: i32 }
const memory = TypedMemory.create({ bytes: 1 << 16 });
export class Base {
  tasks: __typed<array<Task, 4>> = __typed<array<Task, 4>>("base", { memory });
  static shared: __typed<array<Task, 4>> = __typed<array<Task, 4>>("shared", { memory });
  pidAt(i: number) { return this.tasks[i].pid; }
  static sharedPid(i: number) { return this.shared[i].pid; }
}
export class Near extends Base {
  bump() { this.tasks[1].pid += 2; return this.tasks[1].pid; }
}
`;
const SUB_TS = `import { Base } from "./base";
export class Far extends Base {
  bump() { this.tasks[2].pid = 9; return this.tasks[2].pid; }
}
`;

const dir = mkdtempSync(join(__dirname, ".tmp-babel-this-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = { base: join(dir, "base.ts"), sub: join(dir, "sub.ts") };
writeFileSync(files.base, BASE_TS);
writeFileSync(files.sub, SUB_TS);

const babel = (file: string, code: string) =>
  transformSync(code, { filename: file, babelrc: false, configFile: false, sourceType: "module", plugins: [[typedc, { baseDir: dir }]], presets: [["@babel/preset-typescript", { allowDeclareFields: true }]] })!.code!;

describe("this.x of a property the enclosing class does not declare", () => {
  const result = transformFiles({ ts, fileNames: [files.base, files.sub], compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, sourceMap: false }, options: { baseDir: dir } });
  const tscJs = (file: string) => result.outputs.get(file)!.js as string;

  it("the tsc plugin emits the same code as the Babel plugin", () => {
    expect(result.diagnostics.filter((d: { category: string }) => d.category === "error")).toEqual([]);
    expect(normaliseJs(tscJs(files.base))).toBe(normaliseJs(babel(files.base, BASE_TS)));
    expect(normaliseJs(tscJs(files.sub))).toBe(normaliseJs(babel(files.sub, SUB_TS)));
    // The declaring class's own accesses are compiled; the inherited and static ones are not.
    expect(tscJs(files.base)).toContain('"this.tasks[#].pid"');
    expect(tscJs(files.base)).toContain("this.tasks[1].pid += 2");
    expect(tscJs(files.base)).toContain("this.shared[i].pid");
    expect(tscJs(files.sub)).toContain("this.tasks[2].pid = 9");
  });

  it("the output runs: compiled and dynamic-view accesses read the same memory", async () => {
    const base = join(dir, "base.mjs");
    writeFileSync(base, tscJs(files.base));
    writeFileSync(join(dir, "sub.mjs"), tscJs(files.sub).replace('"./base"', '"./base.mjs"'));
    const { Base, Near } = await import(pathToFileURL(base).href);
    const { Far } = await import(pathToFileURL(join(dir, "sub.mjs")).href);
    // Each instance attaches the same area "base": the dynamic view's writes are what compiled code reads.
    expect([new Near().bump(), new Far().bump(), new Base().pidAt(1), new Base().pidAt(2), Base.sharedPid(3)]).toEqual([2, 9, 2, 9, 0]);
  });
});
