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
import { readFileSync } from "node:fs";
import ts from "typescript";
import typedc from "../../packages/babel-plugin/src/index";
import { transformFiles } from "../../packages/tsc-plugin/src/index";
import { normaliseJs } from "../../test/babel-front";
import type { Diagnostic } from "../../packages/core/src/index";
import { FIXTURES, fixtureInputs, Mutator, programWithMutant } from "./mutants";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const differential = process.argv.includes("--differential");
const count = Number(args[0] ?? 1000);
const NAMES = ["tasks", "t", "se", "pid", "comm", "parent", "length", "__typed", "sizeof", "i32", "u64", "array", "ptr", "Task", "Sched", "x", "null", "any", "this", "TypedCache"];
const firstSeed = Number(args[1] ?? 1);

/** isOurs tells whether an error was thrown from typedc's own code (its first stack frame is in packages/). */
function isOurs(error: Error): boolean {
  const frame = (error.stack ?? "").split("\n").find((l) => /^\s+at /.test(l)) ?? "";
  return /packages[\\/](babel-plugin|core|runtime)[\\/]/.test(frame);
}

const files = fixtureInputs();
let mutator = new Mutator(firstSeed, NAMES);
let failures = 0;
const outcomes = { built: 0, typed: 0, babel: 0 };
const codes = new Map<string, number>();
const start = Date.now();
for (let k = 0; k < count; k++) {
  const file = files[k % files.length]!;
  const caseSeed = mutator.seed;
  const mutant = mutator.mutate(readFileSync(file, "utf8"));
  try {
    transformSync(mutant, {
      filename: file,
      babelrc: false,
      configFile: false,
      highlightCode: false, // plain code frames, whatever the terminal (the classification reads them)
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
    } else if (!isOurs(error) && /\n\s*> +\d+ \|/.test(error.message)) outcomes.babel++;
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
    highlightCode: false, // plain code frames, whatever the terminal (the classification reads them)
    sourceType: "module",
    plugins: [[typedc, { formats: ["x86_64-linux", "s390x-linux"], baseDir: FIXTURES, throwOnError: false }]],
    presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
  });
  const meta = (out?.metadata as unknown as { typedc?: { diagnostics: Diagnostic[]; declarationChecks: Diagnostic[] } }).typedc;
  // The tsc plugin reports the declaration check with its other diagnostics; Babel's metadata keeps it apart.
  const babelDiagnostics = [...(meta?.diagnostics ?? []), ...(meta?.declarationChecks ?? [])];
  if (babelDiagnostics.some((d) => d.code === 1005)) return "skipped";
  const program = programWithMutant(file, mutant);
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
  mutator = new Mutator(firstSeed, NAMES);
  for (let k = 0; k < count; k++) {
    const file = files[k % files.length]!;
    const caseSeed = mutator.seed;
    const mutant = mutator.mutate(readFileSync(file, "utf8"));
    let difference: string | undefined;
    try {
      difference = compare(file, mutant);
    } catch (e) {
      // Babel's own code-framed error about the program (preset-typescript alone throws it too) is not typedc's: not compared.
      const error = e as Error;
      difference = !isOurs(error) && /\n\s*> +\d+ \|/.test(error.message) ? "skipped" : `exception: ${error.message.split("\n")[0]}`;
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
