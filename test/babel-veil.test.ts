/**
 * The veil (packages/babel-plugin/src/gen-veil.ts): while the rest of the Babel pass runs, typedc's
 * own code is hidden behind placeholders and put back on Program exit. Later plugins still see
 * every name of the source (their renames reach every copy of a versioned loop), copies a later
 * plugin makes of hidden code get the code, a later plugin that renames one of typedc's variables
 * is an error that says so, and nothing of the placeholders is left in the output, which runs.
 */
import { transformSync, type PluginObj, type types as t } from "@babel/core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import typedc from "../packages/babel-plugin/src/index.js";

const SOURCE = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, f64, array } from "@typedc/runtime";
interface Cell { id: i32; weight: f64 }
const cells: __typed<array<Cell, 8>> = __typed("cells", { memory: TypedMemory.create({ bytes: 1 << 16 }), format: "x86_64-linux" });
export function fill(n: number) {
  for (let i = 0; i < n; i++) {
    cells[i].id = i * 2;
    cells[i].weight += 0.5;
  }
  let sum = 0;
  for (const c of cells) sum += c.id + c.weight;
  return sum;
}
`;

const dir = mkdtempSync(join(__dirname, ".tmp-babel-veil-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** compile runs typedc, then `later` (a plugin after it), preset-typescript and the CommonJS transform. */
function compile(later: () => PluginObj): string {
  const file = join(dir, "cells.ts");
  writeFileSync(file, SOURCE);
  return transformSync(SOURCE, {
    filename: file,
    babelrc: false,
    configFile: false,
    sourceType: "module",
    plugins: [[typedc, { formats: ["x86_64-linux"] }], later, "@babel/plugin-transform-modules-commonjs"],
    presets: [["@babel/preset-typescript", {}]],
  })!.code!;
}

/** run executes compiled code and returns what `fill(n)` gives. */
function run(code: string, n: number): unknown {
  const file = join(dir, `cells-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(file, code);
  return JSON.parse(execFileSync(process.execPath, ["-e", `console.log(JSON.stringify(require(${JSON.stringify(file)}).fill(${n})))`], { encoding: "utf8" }));
}

const nothing = (): PluginObj => ({ visitor: {} });

describe("typedc's code hidden from later plugins", () => {
  it("leaves no placeholder in the output, which runs", () => {
    const code = compile(nothing);
    expect(code).not.toContain("$veil$");
    expect(code).toContain("cells$i32["); // the typed-array copy, put back
    // 8 cells: ids 0, 2, ..., 14 sum to 56, weights 0.5 each.
    expect(run(code, 8)).toBe(56 + 8 * 0.5);
  });

  it("a later plugin's rename of a source variable reaches every copy of the versioned loop", () => {
    const renameN = (): PluginObj => ({
      visitor: {
        FunctionDeclaration(path) {
          if (path.node.id?.name === "fill") path.scope.rename("n", "count");
        },
      },
    });
    const code = compile(renameN);
    const fill = code.slice(code.indexOf("function fill("));
    expect(fill).not.toMatch(/\bn\b/);
    expect(fill.match(/\bcount\b/g)!.length).toBeGreaterThanOrEqual(4); // the parameter, the guard, and the bound of each copy
    expect(run(code, 8)).toBe(56 + 8 * 0.5);
  });

  it("a later plugin that copies statements copies the hidden code with them", () => {
    // Runs each statement of a loop body twice: the id writes happen twice, the weights get 1 each, and
    // the sum loop (a versioned for...of is a counted for in its fast copy, entirely typedc's) adds twice.
    const twice = (): PluginObj => ({
      visitor: {
        ForStatement(path) {
          const body = path.node.body as t.BlockStatement;
          if (body.type !== "BlockStatement" || (body as { twice?: boolean }).twice) return;
          (body as { twice?: boolean }).twice = true;
          body.body = body.body.flatMap((s) => (s.type === "ExpressionStatement" ? [s, { ...s, expression: { ...s.expression } } as t.Statement] : [s]));
        },
      },
    });
    const code = compile(twice);
    expect(code).not.toContain("$veil$");
    expect(run(code, 8)).toBe(2 * (56 + 8 * 1));
  });

  it("a later plugin that renames one of typedc's variables fails the build with what to do", () => {
    const renameElementAddress = (): PluginObj => ({
      visitor: {
        ForStatement(path) {
          for (const name of Object.keys(path.scope.bindings)) if (name.includes("$e$")) path.scope.rename(name);
        },
      },
    });
    expect(() => compile(renameElementAddress)).toThrow(/renamed typedc's variable 'cells\$e\$\d+' to '_cells\$e\$\d*'.*ES2022/);
  });
});
