/**
 * Babel plugin fuzzing (issue #5): mutate the transform fixtures' inputs token by token
 * (drop, duplicate, swap two tokens, an identifier becomes another name) and compile each
 * mutant with @babel/core, the typedc plugin and preset-typescript, as a user's build does.
 * A build that passes, fails with a TYPEDnnnn code (a code frame), or fails with Babel's own
 * code-framed error about the program (a duplicate declaration) is fine; an exception thrown
 * from typedc's code without a TYPED code (an internal error) is a failure, printed with its
 * seed and the mutant.
 *
 * With `--differential`, each mutant also goes through the tsc plugin (compiler API) and the
 * two front-ends must agree: the same TYPED codes at the same places, and, when neither reports
 * an error, the same program (after test/babel-front.ts's normalisation). Mutants Babel cannot
 * parse (1005: TypeScript recovers, Babel stops) are not compared.
 *
 *   npx tsx scripts/fuzz/babel-fuzz.ts [count=1000] [seed=1] [--differential]
 */
import { transformSync } from "@babel/core";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import typedc from "../../packages/babel-plugin/src/index";
import { transformFiles } from "../../packages/tsc-plugin/src/index";
import { normaliseJs } from "../../test/babel-front";
import type { Diagnostic } from "../../packages/core/src/index";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const differential = process.argv.includes("--differential");
const count = Number(args[0] ?? 1000);
let seed = Number(args[1] ?? 1);
const FIXTURES = join(__dirname, "..", "..", "fixtures");
const SKIP = new Set(["layout", "abi", "interop"]);
const NAMES = ["tasks", "t", "se", "pid", "comm", "parent", "length", "__typed", "sizeof", "i32", "u64", "array", "ptr", "Task", "Sched", "x", "null", "any", "this", "TypedCache"];

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

/** isOurs tells whether an error was thrown from typedc's own code (its first stack frame is in packages/). */
function isOurs(error: Error): boolean {
  const frame = (error.stack ?? "").split("\n").find((l) => /^\s+at /.test(l)) ?? "";
  return /packages[\\/](babel-plugin|core|runtime)[\\/]/.test(frame);
}

const files = inputs();
let failures = 0;
const outcomes = { built: 0, typed: 0, babel: 0 };
const codes = new Map<string, number>();
const start = Date.now();
for (let k = 0; k < count; k++) {
  const file = files[k % files.length]!;
  const caseSeed = seed;
  const mutant = mutate(readFileSync(file, "utf8"));
  try {
    transformSync(mutant, {
      filename: file,
      babelrc: false,
      configFile: false,
      highlightCode: false,
      plugins: [[typedc, { formats: ["x86_64-linux", "s390x-linux"] }]],
      presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
    });
    outcomes.built++;
  } catch (e) {
    const error = e as Error;
    const code = /TYPED(\d{4})/.exec(error.message)?.[1];
    if (code !== undefined) {
      outcomes.typed++;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    } else if (!isOurs(error) && /\n\s*> \d+ \|/.test(error.message)) outcomes.babel++;
    else {
      failures++;
      console.log(`internal error on mutant ${k} of ${file} (seed ${caseSeed}): ${error.stack}\n--- mutant ---\n${mutant}\n---`);
    }
  }
}
/** compare runs a mutant through both plugins; returns a description of the first difference, "skipped", or undefined (the same). */
function compare(file: string, mutant: string): string | undefined {
  const out = transformSync(mutant, {
    filename: file,
    babelrc: false,
    configFile: false,
    sourceType: "module",
    plugins: [[typedc, { formats: ["x86_64-linux", "s390x-linux"], baseDir: FIXTURES, throwOnError: false }]],
    presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
  });
  const babelDiagnostics = (out?.metadata as unknown as { typedc?: { diagnostics: Diagnostic[] } }).typedc?.diagnostics ?? [];
  if (babelDiagnostics.some((d) => d.code === 1005)) return "skipped";
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, skipLibCheck: true, types: [], lib: ["lib.es2022.d.ts"] };
  const base = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...base,
    getSourceFile: (name, version, onError, create) => (name === file ? ts.createSourceFile(name, mutant, version, true) : base.getSourceFile(name, version, onError, create)),
    readFile: (name) => (name === file ? mutant : base.readFile(name)),
  };
  const program = ts.createProgram({ rootNames: [file], options, host });
  if (program.getSyntacticDiagnostics().length > 0) return "skipped"; // TypeScript recovered from what Babel may accept differently
  const r = transformFiles({ ts, program, options: { formats: ["x86_64-linux", "s390x-linux"], baseDir: FIXTURES } });
  const key = (ds: readonly Diagnostic[]) => ds.filter((d) => d.loc === undefined || d.loc.file === file).map((d) => `${d.code}@${d.loc?.start}`).join(" ");
  const tsKey = key(r.diagnostics);
  const babelKey = key(babelDiagnostics);
  if (tsKey !== babelKey) return `diagnostics: tsc [${tsKey}] vs Babel [${babelKey}]`;
  if (r.diagnostics.some((d) => d.category === "error")) return undefined;
  const tsJs = r.outputs.get(file)?.js;
  if (tsJs === undefined || out?.code == null) return "skipped";
  return normaliseJs(tsJs) === normaliseJs(out.code) ? undefined : "output differs";
}

let compared = 0;
let differences = 0;
if (differential) {
  seed = Number(args[1] ?? 1);
  for (let k = 0; k < count; k++) {
    const file = files[k % files.length]!;
    const caseSeed = seed;
    const mutant = mutate(readFileSync(file, "utf8"));
    let difference: string | undefined;
    try {
      difference = compare(file, mutant);
    } catch (e) {
      difference = `exception: ${(e as Error).message.split("\n")[0]}`;
    }
    if (difference === "skipped") continue;
    compared++;
    if (difference !== undefined) {
      differences++;
      console.log(`difference on mutant ${k} of ${file} (seed ${caseSeed}): ${difference}\n--- mutant ---\n${mutant}\n---`);
    }
  }
  console.log(`differential: ${compared} of ${count} mutants compared (the others do not parse in one of the parsers), ${differences} differences`);
}
const byCode = [...codes].sort().map(([c, n]) => `${c}×${n}`).join(" ");
console.log(`${count} mutants of ${files.length} inputs in ${((Date.now() - start) / 1000).toFixed(1)} s: ${failures} internal errors; ${outcomes.built} built, ${outcomes.typed} TYPED errors (${byCode}), ${outcomes.babel} Babel program errors`);
process.exitCode = failures === 0 ? 0 : 1;
