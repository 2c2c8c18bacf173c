// The Babel plugin shell: a @babel/preset-typescript build through @babel/core fails with a code
// frame at the first bad declaration (TYPEDnnnn: message), and passes files without errors.
import { transformSync } from "@babel/core";
import { describe, expect, it } from "vitest";
import { extractDeclsBabel } from "../packages/babel-plugin/src/index.js";
import typedc from "../packages/babel-plugin/src/index.js";
import { writeProject } from "./extract-helpers.js";

const IMPORTS = `import type { u8, u32, ptr, bits } from "@typedc/runtime";\n`;

/** build compiles a file the way a user's Babel config would: the typedc plugin and preset-typescript. */
function build(filename: string, code: string): string {
  const out = transformSync(code, {
    filename,
    babelrc: false,
    configFile: false,
    highlightCode: false,
    plugins: [typedc],
    presets: [["@babel/preset-typescript", {}]],
  });
  return out?.code ?? "";
}

/** failure is the error message of a build that must fail. */
function failure(filename: string, code: string): string {
  try {
    build(filename, code);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the build did not fail");
}

describe("typedc Babel plugin", () => {
  it("lets a file with good declarations through preset-typescript (types stripped)", () => {
    const { names } = writeProject({ "ok.ts": IMPORTS + `export interface Task { pid: u32; next: ptr<Task> }\nexport const n: number = 1;\n` });
    const out = build(names["ok.ts"]!, IMPORTS + `export interface Task { pid: u32; next: ptr<Task> }\nexport const n: number = 1;\n`);
    expect(out).toContain("export const n = 1;");
    expect(out).not.toContain("interface");
  });

  it("fails a build at a string field with a code frame and the extractor's code and text", () => {
    const code = IMPORTS + `export interface Task {\n  pid: u32;\n  name: string;\n}\n`;
    const { names } = writeProject({ "task.ts": code });
    const message = failure(names["task.ts"]!, code);
    const [diagnostic] = extractDeclsBabel(names["task.ts"]!).diagnostics;
    expect(diagnostic!.code).toBe(1001);
    expect(message).toContain(`TYPED1001: ${diagnostic!.messageText}`);
    expect(message).toMatch(/> 4 \|\s+name: string;/);
    expect(message).toMatch(/\|\s+\^+/); // the underline of the frame
  });

  it("reports the first error only, at its own place (an optional field before a method)", () => {
    const code = IMPORTS + `interface S {\n  id?: u32;\n  run(): void;\n}\n`;
    const message = failure("/virtual/s.ts", code);
    expect(message).toContain("TYPED1002: Field 'id' is optional");
    expect(message).not.toContain("TYPED1003");
    expect(message).toMatch(/> 3 \|\s+id\?: u32;/);
  });

  it("frames a location that is no node of its own (a computed name's brackets)", () => {
    const code = IMPORTS + `const k = "a";\ninterface S { id: u8; [k]: u32 }\n`;
    const message = failure("/virtual/k.ts", code);
    expect(message).toContain("TYPED1018:");
    expect(message).toMatch(/> 3 \|/);
  });

  it("reports checkDecls errors when extraction found none (a cycle by value)", () => {
    const code = IMPORTS + `interface A { b: B; n: u8 }\ninterface B { a: A }\n`;
    expect(failure("/virtual/cycle.ts", code)).toMatch(/TYPED2\d{3}:/);
  });

  it("reports an error inside an imported declaration with its file, line and column", () => {
    const files = { "main.ts": IMPORTS + `import type { Other } from "./other";\ninterface S { id: u8; o: Other }\n`, "other.ts": `export interface Other {\n  name: string;\n}\n` };
    const { names } = writeProject(files);
    const message = failure(names["main.ts"]!, files["main.ts"]);
    expect(message).toMatch(/other\.ts:2:9 - error TYPED1001: Field 'name' has type 'string'/);
  });

  it("reads the text Babel compiles, not the file on disk", () => {
    const { names } = writeProject({ "m.ts": IMPORTS + `export interface A { x: u8 }\n` });
    expect(failure(names["m.ts"]!, IMPORTS + `export interface A { x: bits<u8, 3>; y: string }\n`)).toContain("TYPED1001");
  });

  it("leaves plain JavaScript alone", () => {
    expect(build("/virtual/plain.js", `export const x = 1;\n`)).toContain("export const x = 1;");
  });

  describe("files with nothing to rewrite", () => {
    /** plainBuild is preset-typescript alone, without the typedc plugin. */
    const plainBuild = (filename: string, code: string): string =>
      transformSync(code, { filename, babelrc: false, configFile: false, presets: [["@babel/preset-typescript", {}]] })?.code ?? "";
    const AREA = `import { __typed, TypedMemory } from "@typedc/runtime";\nimport type { u32, array } from "@typedc/runtime";\n` +
      `export interface Item { id: u32 }\nexport const area: __typed<array<Item, 4>> = __typed("area", { memory: TypedMemory.create({ bytes: 4096 }), format: "x86_64-linux" });\n`;

    it("a file whose imports never reach __typed or @typedc/runtime comes out as preset-typescript alone makes it", () => {
      const files = { "util.ts": `export function twice(n: number): number { return 2 * n; }\n`, "main.ts": `import { twice } from "./util";\nconst xs: number[] = [1, 2];\nfor (let i = 0; i < xs.length; i++) xs[i] = twice(xs[i]!);\nexport { xs };\n` };
      const { names } = writeProject(files);
      expect(build(names["main.ts"]!, files["main.ts"])).toBe(plainBuild(names["main.ts"]!, files["main.ts"]));
    });

    it("a file that names neither, but imports a typed binding through a re-export, is compiled", () => {
      const files = { "area.ts": AREA, "index.ts": `export { area } from "./area";\n`, "main.ts": `import { area } from "./index";\nexport function first(): number { return area[0].id; }\n` };
      const { names } = writeProject(files);
      const out = build(names["main.ts"]!, files["main.ts"]);
      expect(out).toContain("__typedc$cref(area)");
      expect(out).not.toBe(plainBuild(names["main.ts"]!, files["main.ts"]));
    });

    it("an enum in a file with nothing typed is still lowered as TypeScript lowers it", () => {
      const code = `export enum State { Running = 0, Stopped = 4 }\n`;
      const { names } = writeProject({ "state.ts": code });
      expect(build(names["state.ts"]!, code)).toContain(`(function (State) {`);
      expect(plainBuild(names["state.ts"]!, code)).not.toContain(`(function (State) {`);
    });
  });
});
