/**
 * Benchmark (not a timed test): build time of a generated 200-file tree with the
 * `__typed` transformer vs plain tsc emit of the same program (goal ≤ 1.3×).
 * Every file declares a struct, binds a typed area and accesses it; one in four
 * imports another file's typed binding. Emit only (no type check), best and median of 5
 * (ROUNDS=n for more). The measured rounds build a new program of the unchanged tree in the
 * same process, as a watch mode or a bundler does: type tables built before come from core's
 * table cache. `COLD_TABLES=1` empties that cache before each build (a one-off `tsc` run); the
 * first build of each kind (cold JIT and caches) is printed apart.
 * `TYPED_EVERY=4` makes only every 4th file typed (the others plain TypeScript of the
 * same size); `FORMATS=x86_64-linux` emits one format's tables instead of 12.
 *
 *   npx tsc -b packages/tsc-plugin && npx tsx scripts/bench/build-200.ts
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { typedTransformer } from "@typedc/tsc-plugin";
import { clearTableCache } from "@typedc/core";
import { writeTree200 } from "./tree-200";

const TYPED_EVERY = Number(process.env.TYPED_EVERY ?? 1);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const COLD_TABLES = process.env.COLD_TABLES === "1";
const { dir, files: names } = writeTree200("typedc-build200-", TYPED_EVERY);
const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, skipLibCheck: true, types: [], lib: ["lib.es2022.d.ts"], outDir: join(dir, "out") };

// FORMATS=a,b narrows the type sets; VERSION_LOOPS=0 compiles every loop once (the plugin's versionLoops: false).
const pluginOptions = {
  ...(process.env.FORMATS ? { formats: process.env.FORMATS.split(",") as never } : {}),
  ...(process.env.VERSION_LOOPS === "0" ? { versionLoops: false } : {}),
};

function build(withPlugin: boolean): { ms: number; cpuMs: number; diagnostics: number } {
  if (COLD_TABLES) clearTableCache();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const program = ts.createProgram({ rootNames: names, options });
  const factory = withPlugin ? typedTransformer(program, { ts, ...pluginOptions }) : undefined;
  program.emit(undefined, () => undefined, undefined, false, factory === undefined ? undefined : { before: [factory] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this thread's work (user + system): steadier than wall time on a shared machine.
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, diagnostics: factory?.getDiagnostics().length ?? 0 };
}

const plain: number[] = [];
const typed: number[] = [];
const plainCpu: number[] = [];
const typedCpu: number[] = [];
let diagnostics = 0;
const coldPlain = build(false);
const cold = build(true); // the first builds also warm up both paths
for (let round = 0; round < ROUNDS; round++) {
  const p = build(false);
  plain.push(p.ms);
  plainCpu.push(p.cpuMs);
  const r = build(true);
  typed.push(r.ms);
  typedCpu.push(r.cpuMs);
  diagnostics = r.diagnostics;
}
rmSync(dir, { recursive: true, force: true });
const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`${names.length} files (${Math.ceil(names.length / TYPED_EVERY)} typed): plain tsc emit ${best(plain).toFixed(0)} ms, with the __typed transformer ${best(typed).toFixed(0)} ms, ratio ${(best(typed) / best(plain)).toFixed(2)} (${diagnostics} diagnostics)`);
console.log(`medians of ${plain.length}: plain ${median(plain).toFixed(0)} ms, typed ${median(typed).toFixed(0)} ms, ratio ${(median(typed) / median(plain)).toFixed(2)}; CPU time: plain ${median(plainCpu).toFixed(0)} ms, typed ${median(typedCpu).toFixed(0)} ms, ratio ${(median(typedCpu) / median(plainCpu)).toFixed(2)}`);
console.log(`first build (cold): plain ${coldPlain.cpuMs.toFixed(0)} ms CPU, typed ${cold.cpuMs.toFixed(0)} ms CPU, ratio ${(cold.cpuMs / coldPlain.cpuMs).toFixed(2)}${COLD_TABLES ? "; every build with an empty table cache" : ""}`);
