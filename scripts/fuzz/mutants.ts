/**
 * Mutants of the transform fixtures' inputs, shared by the front-end fuzz scripts
 * (transform-fuzz.ts for the tsc plugin, babel-fuzz.ts for the Babel plugin): token
 * edits (drop, duplicate, swap two tokens, an identifier becomes another name) from a
 * seeded PRNG, so a failure is reproducible from the seed printed with it.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** FIXTURES is the fixtures folder; the transform groups are every folder but SKIPPED_GROUPS. */
export const FIXTURES = join(__dirname, "..", "..", "fixtures");
const SKIPPED_GROUPS = new Set(["layout", "abi", "interop"]);

/** FUZZ_COMPILER_OPTIONS are the options a mutant is compiled with by the tsc plugin. */
export const FUZZ_COMPILER_OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, skipLibCheck: true, types: [], lib: ["lib.es2022.d.ts"] };

/** fixtureInputs lists every transform fixture's input.ts, sorted. */
export function fixtureInputs(): string[] {
  const out: string[] = [];
  for (const group of readdirSync(FIXTURES)) {
    if (SKIPPED_GROUPS.has(group) || !statSync(join(FIXTURES, group)).isDirectory()) continue;
    for (const name of readdirSync(join(FIXTURES, group))) {
      const file = join(FIXTURES, group, name, "input.ts");
      if (existsSync(file)) out.push(file);
    }
  }
  return out.sort();
}

/** programWithMutant creates a Program whose `file` reads as `mutant`; other files come from disk (through `cache` when given). */
export function programWithMutant(file: string, mutant: string, cache?: Map<string, ts.SourceFile | undefined>): ts.Program {
  const base = ts.createCompilerHost(FUZZ_COMPILER_OPTIONS);
  const host: ts.CompilerHost = {
    ...base,
    getSourceFile: (name, version, onError, create) => {
      if (name === file) return ts.createSourceFile(name, mutant, version, true);
      if (cache === undefined) return base.getSourceFile(name, version, onError, create);
      if (!cache.has(name)) cache.set(name, base.getSourceFile(name, version, onError, create));
      return cache.get(name);
    },
    readFile: (name) => (name === file ? mutant : base.readFile(name)),
  };
  return ts.createProgram({ rootNames: [file], options: FUZZ_COMPILER_OPTIONS, host });
}

/** tokens splits a text into tokens with their trivia (joining them gives the text back). */
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

/** Mutator makes mutants from a seed; `seed` is the state before the next mutant (print it to reproduce a case). */
export class Mutator {
  constructor(
    public seed: number,
    private readonly names: readonly string[],
  ) {}

  // mulberry32: a small seeded PRNG.
  private random(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** mutate applies one to three token edits to `text`. */
  mutate(text: string): string {
    const toks = tokens(text);
    const edits = 1 + Math.floor(this.random() * 3);
    for (let e = 0; e < edits; e++) {
      const i = Math.floor(this.random() * toks.length);
      const j = Math.floor(this.random() * toks.length);
      switch (Math.floor(this.random() * 4)) {
        case 0: toks.splice(i, 1); break; // drop
        case 1: toks.splice(i, 0, toks[i]!); break; // duplicate
        case 2: [toks[i], toks[j]] = [toks[j]!, toks[i]!]; break; // swap
        default: { // an identifier becomes another name
          const lead = /^\s*/.exec(toks[i]!)![0];
          if (/^\s*[A-Za-z_$][\w$]*$/.test(toks[i]!)) toks[i] = lead + (this.random() < 0.5 ? this.names[Math.floor(this.random() * this.names.length)]! : `id${Math.floor(this.random() * 100)}`);
        }
      }
    }
    return toks.join("");
  }
}
