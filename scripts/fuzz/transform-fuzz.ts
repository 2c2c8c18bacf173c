/**
 * Transform fuzzing (issue #4): mutate the transform fixtures' inputs token by token
 * (drop, duplicate, swap two tokens, replace an identifier with a random or a
 * C-type name) and run the tsc plugin on each mutant. A TYPED diagnostic or a
 * TypeScript syntax error is fine; an exception out of the transformer (an internal
 * error) is a failure, printed with its seed and the mutant.
 *
 *   npx tsc -b packages/tsc-plugin && npx tsx scripts/fuzz/transform-fuzz.ts [count=1000] [seed=1]
 */
import { readdirSync, existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { transformFiles } from "@typedc/tsc-plugin";

const count = Number(process.argv[2] ?? 1000);
let seed = Number(process.argv[3] ?? 1);
const FIXTURES = join(__dirname, "..", "..", "fixtures");
const SKIP = new Set(["layout", "abi", "interop"]);
const NAMES = ["tasks", "t", "se", "pid", "comm", "parent", "length", "__typed", "sizeof", "i32", "u64", "array", "ptr", "Task", "Sched", "x", "null", "any"];

// mulberry32: a small seeded PRNG, so a failure is reproducible from its seed.
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function inputs(): string[] {
  const out: string[] = [];
  for (const group of readdirSync(FIXTURES)) {
    if (SKIP.has(group) || !statSync(join(FIXTURES, group)).isDirectory()) continue;
    for (const name of readdirSync(join(FIXTURES, group))) {
      const file = join(FIXTURES, group, name, "input.ts");
      if (existsSync(file)) out.push(file);
    }
  }
  return out.sort();
}

/** tokens splits a text into tokens with their trivia (so joining them gives the text back). */
function tokens(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
  const out: string[] = [];
  let last = 0;
  while (scanner.scan() !== ts.SyntaxKind.EndOfFileToken) {
    out.push(text.slice(last, scanner.getTokenEnd()));
    last = scanner.getTokenEnd();
  }
  out.push(text.slice(last));
  return out;
}

function mutate(text: string): string {
  const toks = tokens(text);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(random() * toks.length);
    const j = Math.floor(random() * toks.length);
    switch (Math.floor(random() * 4)) {
      case 0: toks.splice(i, 1); break; // drop
      case 1: toks.splice(i, 0, toks[i]!); break; // duplicate
      case 2: [toks[i], toks[j]] = [toks[j]!, toks[i]!]; break; // swap
      default: { // an identifier becomes another name
        const lead = /^\s*/.exec(toks[i]!)![0];
        if (/^\s*[A-Za-z_$][\w$]*$/.test(toks[i]!)) toks[i] = lead + (random() < 0.5 ? pick(NAMES) : `id${Math.floor(random() * 100)}`);
      }
    }
  }
  return toks.join("");
}

const files = inputs();
const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, skipLibCheck: true, types: [], lib: ["lib.es2022.d.ts"] };
const base = ts.createCompilerHost(options);
const cache = new Map<string, ts.SourceFile | undefined>();
let failures = 0;
let typedDiagnostics = 0;
const start = Date.now();
for (let k = 0; k < count; k++) {
  const file = files[k % files.length]!;
  const caseSeed = seed;
  const mutant = mutate(readFileSync(file, "utf8"));
  const host: ts.CompilerHost = {
    ...base,
    getSourceFile: (name, version, onError, create) => {
      if (name === file) return ts.createSourceFile(name, mutant, version, true);
      if (!cache.has(name)) cache.set(name, base.getSourceFile(name, version, onError, create));
      return cache.get(name);
    },
    readFile: (name) => (name === file ? mutant : base.readFile(name)),
  };
  try {
    const program = ts.createProgram({ rootNames: [file], options, host });
    const r = transformFiles({ ts, program, options: { formats: ["x86_64-linux", "s390x-linux"] } });
    typedDiagnostics += r.diagnostics.length;
  } catch (e) {
    failures++;
    console.log(`internal error on mutant ${k} of ${file} (seed ${caseSeed}): ${(e as Error).stack}\n--- mutant ---\n${mutant}\n---`);
  }
}
console.log(`${count} mutants of ${files.length} inputs in ${((Date.now() - start) / 1000).toFixed(1)} s: ${failures} internal errors, ${typedDiagnostics} TYPED diagnostics`);
process.exitCode = failures === 0 ? 0 : 1;
