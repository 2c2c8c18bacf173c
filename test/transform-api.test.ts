/**
 * The compiler-API entry: `typedTransformer(program, options)` in `program.emit`'s
 * `before` list, its diagnostics side channel (`getDiagnostics`, `getTsDiagnostics`),
 * and `transformFiles`, the entry the CLI shares. Sources are in memory.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { transformFiles, typedTransformer, tscCodeOf } from "@typedc/tsc-plugin";

const FILE = join(__dirname, "..", "fixtures", "access", "deep-chain", "virtual.ts");
const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, skipLibCheck: true, types: [], lib: ["lib.es2022.d.ts"], sourceMap: true };

function programOf(text: string): ts.Program {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, v, onError, create) => (name === FILE ? ts.createSourceFile(name, text, v, true) : getSourceFile(name, v, onError, create));
  host.readFile = ((read) => (name: string) => (name === FILE ? text : read(name)))(host.readFile.bind(host));
  host.fileExists = ((exists) => (name: string) => name === FILE || exists(name))(host.fileExists.bind(host));
  return ts.createProgram({ rootNames: [FILE], options, host });
}

const SOURCE = `import type { i32, u8, array } from "@typedc/runtime";
interface P { x: i32; tags: array<u8, 4> }
export function f(p: __typed<P>, i: number) {
  p.tags[i] = p.x;
  return p.nope;
}
import type { __typed } from "@typedc/runtime";
`;

describe("typedTransformer (compiler API)", () => {
  test("rewrites in program.emit's before list and reports through getDiagnostics / getTsDiagnostics", () => {
    const program = programOf(SOURCE);
    const factory = typedTransformer(program, { ts, formats: ["x86_64-linux"] });
    let js = "";
    program.emit(undefined, (name, text) => { if (name.endsWith(".js")) js = text; }, undefined, false, { before: [factory] });
    expect(js).toContain("p$dv.setUint8");
    expect(factory.getDiagnostics().map((d) => [d.code, d.messageText])).toEqual([[1201, "'P' has no member 'nope'."]]);
    const [d] = factory.getTsDiagnostics();
    expect(d!.code as unknown).toBe(tscCodeOf(1201));
    expect(ts.formatDiagnostic(d!, { getCurrentDirectory: () => join(FILE, ".."), getCanonicalFileName: (f) => f, getNewLine: () => "\n" })).toBe(
      "virtual.ts(5,12): error TS(TYPED1201): 'P' has no member 'nope'.\n",
    );
  });

  test("bad options are diagnostics, not exceptions", () => {
    const program = programOf(SOURCE.replace("return p.nope;", "return p.x;"));
    const factory = typedTransformer(program, { ts, formats: ["vax-vms" as never], boundsChecks: 0 as never });
    program.emit(undefined, () => undefined, undefined, false, { before: [factory] });
    expect(factory.getDiagnostics().map((d) => d.code)).toEqual([2502, 2503]);
  });

  test("boundsChecks: false drops index checks", () => {
    const on = transformFiles({ ts, program: programOf(SOURCE.replace("return p.nope;", "return 0;")), options: { formats: ["x86_64-linux"] } });
    const off = transformFiles({ ts, program: programOf(SOURCE.replace("return p.nope;", "return 0;")), options: { formats: ["x86_64-linux"], boundsChecks: false } });
    expect(on.outputs.get(FILE)!.js).toContain("__typedc$ix(");
    expect(off.outputs.get(FILE)!.js).not.toContain("__typedc$ix(");
  });
});

describe("transformFiles", () => {
  test("returns each file's JS and source map, its tables, and the diagnostics", () => {
    const src = SOURCE.replace("return p.nope;", "return 0;") + `import { __typed as open, TypedMemory } from "@typedc/runtime";\nexport const q: __typed<P> = open("q", { memory: TypedMemory.create({ bytes: 1 << 17 }) });\n`;
    const r = transformFiles({ ts, program: programOf(src), options: { formats: ["x86_64-linux", "mips-linux"] } });
    expect(r.diagnostics).toEqual([]);
    const out = r.outputs.get(FILE)!;
    expect(JSON.parse(out.map!).sources).toEqual(["virtual.ts"]);
    expect(Object.keys(r.tables.get(FILE)!.types)).toEqual(["P"]);
    expect(Object.keys(r.tables.get(FILE)!.types.P!)).toEqual(["x86_64-linux", "mips-linux"]);
    expect(out.js).toContain('type: __typedc$types["P"]');
  });
});

test("the plugin never imports typescript itself: the host's module is passed in", () => {
  const dir = join(__dirname, "..", "packages", "tsc-plugin", "src");
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), "utf8");
    expect(text, file).not.toMatch(/^import (?!type)[^\n]*from "typescript"/m);
  }
});

test("a file that names nothing typed and imports nothing typed is emitted as plain tsc emits it", () => {
  const text = `export function add(a: number, b: number) { return a + b; }\nexport const o = { x: 1 }.x;\n`;
  const program = programOf(text);
  let plain = "";
  program.emit(undefined, (name, t) => { if (name.endsWith(".js")) plain = t; });
  const r = transformFiles({ ts, program: programOf(text), options: { formats: ["x86_64-linux"] } });
  expect(r.outputs.get(FILE)!.js).toBe(plain);
  expect(r.diagnostics).toEqual([]);
});
