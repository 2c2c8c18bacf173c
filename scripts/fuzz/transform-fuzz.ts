/**
 * Transform fuzzing (issue #4): mutate the transform fixtures' inputs token by token
 * (drop, duplicate, swap two tokens, replace an identifier with a random or a
 * C-type name) and run the tsc plugin on each mutant. A TYPED diagnostic or a
 * TypeScript syntax error is fine; an exception out of the transformer (an internal
 * error) is a failure, printed with its seed and the mutant.
 *
 *   npx tsc -b packages/tsc-plugin && npx tsx scripts/fuzz/transform-fuzz.ts [count=1000] [seed=1]
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { transformFiles } from "@typedc/tsc-plugin";
import { fixtureInputs, Mutator, programWithMutant } from "./mutants";

const count = Number(process.argv[2] ?? 1000);
const mutator = new Mutator(Number(process.argv[3] ?? 1), ["tasks", "t", "se", "pid", "comm", "parent", "length", "__typed", "sizeof", "i32", "u64", "array", "ptr", "Task", "Sched", "x", "null", "any"]);

const files = fixtureInputs();
const cache = new Map<string, ts.SourceFile | undefined>();
let failures = 0;
let typedDiagnostics = 0;
const start = Date.now();
for (let k = 0; k < count; k++) {
  const file = files[k % files.length]!;
  const caseSeed = mutator.seed;
  const mutant = mutator.mutate(readFileSync(file, "utf8"));
  try {
    const program = programWithMutant(file, mutant, cache);
    const r = transformFiles({ ts, program, options: { formats: ["x86_64-linux", "s390x-linux"] } });
    typedDiagnostics += r.diagnostics.length;
  } catch (e) {
    failures++;
    console.log(`internal error on mutant ${k} of ${file} (seed ${caseSeed}): ${(e as Error).stack}\n--- mutant ---\n${mutant}\n---`);
  }
}
console.log(`${count} mutants of ${files.length} inputs in ${((Date.now() - start) / 1000).toFixed(1)} s: ${failures} internal errors, ${typedDiagnostics} TYPED diagnostics`);
process.exitCode = failures === 0 ? 0 : 1;
