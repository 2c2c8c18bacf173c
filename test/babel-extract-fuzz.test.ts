// Differential test: seeded random sources mixing C declarations and mistakes (bad field types,
// wrappers with wrong arguments, enums with odd initializers, merged and conflicting names). The
// Babel extractor must give exactly the TypeScript extractor's DeclSet and diagnostics.
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { extractDeclsBabel } from "../packages/babel-plugin/src/index.js";
import { extractProject } from "./extract-helpers.js";

const HEADER =
  `import type { i8, u8, u16, i32, u32, u64, f32, c_long, c_char, ptr, array, union, bits, packed, aligned, atomic, __typed } from "@typedc/runtime";\n` +
  `import type * as rt from "@typedc/runtime";\n` +
  `const k = "a"; const x = 2; type N = 4; type W = 3;\n`;

/** Random is a seeded linear congruential generator, so every run tests the same sources. */
class Random {
  constructor(private seed: number) {}
  /** below is an integer in [0, n). */
  below(n: number): number {
    this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
    return this.seed % n;
  }
  /** pick is one element of a list. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

const LEAVES = [
  "u8", "i32", "u64", "c_long", "c_char", "f32", "rt.u16", "rt.Nope", "string", "number", "Date", "Record<string, u8>",
  "Foo", "A", "B", "E1", "T1", "void", "null", "3", "u8[]", "u8 | u32", "() => void", "ptr<void>", "bits<u8, 3>", "typeof x", "keyof A",
];
const NAMES = ["A", "B", "C", "D", "E1", "E2", "T1"];
const ENUM_INITIALIZERS = ["", " = 1", " = -2", ' = "s"', " = M0 + 1", " = 1.5", " = 1 << 3", " = x", " = N", " = M3"];

/** typeText is a random type annotation, C types and mistakes mixed, nested up to three levels. */
function typeText(r: Random, depth: number): string {
  if (depth > 2 || r.below(3) === 0) return r.pick(LEAVES);
  const t = (): string => typeText(r, depth + 1);
  return r.pick([
    () => `ptr<${t()}>`,
    () => `array<${t()}, ${r.pick(["2", "0", "N", "-1", "1.5", "0x4"])}>`,
    () => `aligned<${t()}, ${r.pick(["8", "0", "3", "N"])}>`,
    () => `packed<${t()}>`,
    () => `atomic<${t()}>`,
    () => `union<{ a: ${t()}; b: ${t()} }>`,
    () => `{ x: ${t()}; y?: ${t()} }`,
    () => `packed<{ q: ${t()} }>`,
    () => `(${t()})`,
    () => `bits<${t()}, ${r.pick(["3", "W", "9"])}>`,
    () => `aligned<packed<${t()}>, 4>`,
    () => `array<${t()}>`,
    () => `ptr<${t()}, u8>`,
    () => `__typed<${t()}>`,
    () => `union<${t()}>`,
  ])();
}

/** memberText is a random interface member: a field (maybe optional or untyped), a method, an accessor or a signature. */
function memberText(r: Random): string {
  const name = r.pick(["a", "b", "c", "_pad0", "_anon0", `"q"`, `"x-y"`, "[k]", "3"]);
  return r.pick([
    () => `${name}${r.below(5) === 0 ? "?" : ""}: ${typeText(r, 0)};`,
    () => `${name}(): void;`,
    () => `[key: string]: u8;`,
    () => `(x: u8): void;`,
    () => `${name};`,
    () => `get g(): u8;`,
  ])();
}

/** declText is a random declaration called `name`: an enum for E*, else an interface or an alias. */
function declText(r: Random, name: string): string {
  const body = (): string => Array.from({ length: 1 + r.below(4) }, () => memberText(r)).join(" ");
  if (name.startsWith("E")) {
    const members = Array.from({ length: 1 + r.below(4) }, (_, i) => `M${i}${r.pick([...ENUM_INITIALIZERS, ` = ${name}.M0`])}`);
    return `${r.pick(["", "export ", "declare ", "const "])}enum ${name} { ${members.join(", ")} }`;
  }
  return r.pick([
    () => `export interface ${name}${r.pick(["", "<P>", " extends B"])} { ${body()} }`,
    () => `export type ${name} = ${typeText(r, 0)};`,
    () => `type ${name} = { ${body()} };`,
    () => `interface ${name} { ${body()} }`,
  ])();
}

/** MODULES are the files of a random project; main.ts is the root. */
const MODULES = ["main.ts", "a.ts", "b.ts", "sub/index.ts", "sub/c.ts"];

/** specifierOf is how module `from` names module `to` (relative, without extension, `sub` for `sub/index.ts`). */
function specifierOf(from: string, to: string): string {
  const target = to.replace(/\.ts$/, "").replace(/\/index$/, "");
  if (!from.startsWith("sub/")) return `./${target}`;
  return target.startsWith("sub") ? `./${target.slice(4) || "."}`.replace(/^\.\/\.$/, "./index") : `../${target}`;
}

/**
 * projectFiles is a random project of five modules that import, re-export (`export *`,
 * `export { a as b } from`, `.js` specifiers) and declare the same few names, so that names
 * collide (`P$2`), imports resolve through chains and some do not resolve at all.
 */
function projectFiles(r: Random): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of MODULES) {
    const lines = [`import type { u8, u16, ptr, array } from "@typedc/runtime";`];
    const visible: string[] = [];
    for (let i = 0; i < 1 + r.below(3); i++) {
      const spec = specifierOf(file, r.pick(MODULES.filter((m) => m !== file)));
      const name = r.pick(["P", "Q", "R", "E", "Point", "K"]);
      const kind = r.below(5);
      if (kind === 0) lines.push(`import type { ${name} as ${name}_${i} } from "${spec}";`);
      else if (kind === 1) lines.push(`import { ${name} as ${name}_${i} } from "${spec}${r.pick(["", ".js"])}";`);
      else if (kind === 2) lines.push(`export { ${name} as ${name}${i}r } from "${spec}";`);
      else if (kind === 3) lines.push(`export * from "${spec}";`);
      else lines.push(`import type * as ns${i} from "${spec}";`);
      if (kind <= 1) visible.push(`${name}_${i}`);
      if (kind === 4) visible.push(`ns${i}.${name}`);
    }
    const ref = (): string => r.pick([...visible, "u8", "u16", "Point", "P", "E", "ptr<P>", "ptr<Point>", "array<u8, 2>", "Missing"]);
    const exported = r.below(2) === 0 ? "export " : "";
    const declared = new Set<string>();
    for (let i = 0; i < 1 + r.below(3); i++) {
      const name = r.pick(["P", "Q", "R", "Point", "K"]);
      if (declared.has(name)) lines.push(`${exported}interface ${name} { y${i}: ${ref()} }`);
      else lines.push(r.pick([`${exported}interface ${name} { a: ${ref()}; b: ${ref()} }`, `${exported}type ${name} = ${ref()};`]));
      declared.add(name);
    }
    if (r.below(2) === 0) lines.push(`export const BASE = ${r.below(10)};`);
    if (r.below(2) === 0) lines.push(`export enum E { A = ${r.pick(["1", "BASE", "2 + 3", "ns0.BASE"])}, B }`);
    files[file] = lines.join("\n") + "\n";
  }
  return files;
}

describe("extractDeclsBabel on random sources", () => {
  it("equals the TypeScript extractor on 60 seeded projects of five modules", () => {
    const r = new Random(1127);
    let declarations = 0;
    let qualified = 0;
    for (let i = 0; i < 60; i++) {
      const files = projectFiles(r);
      const tsc = extractProject(ts, files);
      const babel = extractDeclsBabel(tsc.names["main.ts"]!);
      const listing = Object.entries(files).map(([name, text]) => `--- ${name}\n${text}`).join("");
      expect({ value: babel.value, diagnostics: babel.diagnostics }, listing).toEqual({ value: tsc.value, diagnostics: tsc.diagnostics });
      expect(Object.keys(babel.value.types), listing).toEqual(Object.keys(tsc.value.types));
      declarations += Object.keys(tsc.value.types).length;
      qualified += Object.keys(tsc.value.types).filter((n) => n.includes("$")).length;
    }
    expect(declarations).toBeGreaterThan(60);
    expect(qualified).toBeGreaterThan(0); // name collisions across modules do happen (Name$2)
  });

  it("equals the TypeScript extractor on 150 seeded sources", () => {
    const r = new Random(20261127);
    let withDiagnostics = 0;
    let declarations = 0;
    for (let i = 0; i < 150; i++) {
      const source = HEADER + Array.from({ length: 2 + r.below(6) }, () => declText(r, r.pick(NAMES))).join("\n") + "\n";
      const tsc = extractProject(ts, { "main.ts": source });
      const babel = extractDeclsBabel(tsc.names["main.ts"]!);
      expect({ value: babel.value, diagnostics: babel.diagnostics }, source).toEqual({ value: tsc.value, diagnostics: tsc.diagnostics });
      expect(Object.keys(babel.value.types), source).toEqual(Object.keys(tsc.value.types));
      if (tsc.diagnostics.length > 0) withDiagnostics++;
      declarations += Object.keys(tsc.value.types).length;
    }
    // The sources do exercise both sides: many with diagnostics, and declarations that convert.
    expect(withDiagnostics).toBeGreaterThan(30);
    expect(declarations).toBeGreaterThan(60);
  });
});
