/**
 * Benchmark (not a timed test): Babel build time of a generated 200-file tree with the
 * typedc plugin + @babel/preset-typescript vs preset-typescript alone (goal ≤ 1.3×).
 * The tree is build-200.ts's (every file declares a struct, binds a typed area and accesses
 * it; one in four imports another file's typed binding); both write it with tree-200.ts. Each round compiles every file once with
 * `transformSync` (as babel-loader and the bundler plugin do: one file at a time, fresh
 * plugin state). The first build runs with cold caches (printed on its own); the measured
 * rounds are rebuilds of unchanged files: the extractor's parse cache and the plugin's
 * type-set cache are warm, as in a watch-mode rebuild. Medians of 7 (ROUNDS=n for more), of
 * wall-clock time and of the process's CPU time (steadier on a shared machine). The last line
 * compares the sizes of the two outputs: Babel's own work after the plugin (scope crawl,
 * preset-typescript's traversal, printing) grows with the code the plugin emits.
 *
 *   npx tsx scripts/bench/babel-200.ts            (FORMATS=x86_64-linux,... to narrow the type sets)
 *   TYPED_EVERY=10 npx tsx scripts/bench/babel-200.ts   (only every 10th file typed, the others plain
 *                                                        TypeScript of the same size: a tree more like an application's)
 */
import { transformSync, type BabelFileResult } from "@babel/core";
import { readFileSync, rmSync } from "node:fs";
// The built package, as users load it (`npm run build` first).
import typedc, { type TypedcMetadata } from "@typedc/babel-plugin";
import { writeTree200 } from "./tree-200";

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const TYPED_EVERY = Number(process.env.TYPED_EVERY ?? 1);
const { dir, files } = writeTree200("typedc-babel200-", TYPED_EVERY);
const texts = files.map((f) => readFileSync(f, "utf8"));
// FORMATS=a,b narrows the type sets; VERSION_LOOPS=0 compiles every loop once (the plugin's versionLoops: false).
const pluginOptions = { ...(process.env.FORMATS ? { formats: process.env.FORMATS.split(",") } : {}), ...(process.env.VERSION_LOOPS === "0" ? { versionLoops: false } : {}) };

/** Output is the size of one build's output: characters of code, and of the type-set JSON in it. */
interface Output {
  code: number;
  tables: number;
}

/** build compiles the tree once; returns wall-clock and CPU milliseconds, the number of errors and the output's size. */
function build(withPlugin: boolean): { ms: number; cpuMs: number; errors: number; output: Output } {
  let errors = 0;
  const output: Output = { code: 0, tables: 0 };
  const results: (BabelFileResult | null)[] = [];
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  files.forEach((filename, k) => {
    try {
      results[k] = transformSync(texts[k]!, {
        filename,
        babelrc: false,
        configFile: false,
        sourceType: "module",
        plugins: withPlugin ? [[typedc, pluginOptions]] : [],
        presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
      });
    } catch {
      errors++;
    }
  });
  const cpu = process.cpuUsage(c0);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  for (const r of results) {
    output.code += r?.code?.length ?? 0;
    const tables = (r?.metadata as { typedc?: TypedcMetadata } | undefined)?.typedc?.tables;
    if (tables !== undefined) output.tables += JSON.stringify(tables).length;
  }
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, errors, output };
}

const plain: number[] = [];
const typed: number[] = [];
const plainCpu: number[] = [];
const typedCpu: number[] = [];
let errors = 0;
let plainOutput: Output = { code: 0, tables: 0 };
let typedOutput: Output = { code: 0, tables: 0 };
const coldPlain = build(false);
const cold = build(true); // the first build: cold JIT, parse caches and type-set cache; later rounds are rebuilds
for (let round = 0; round < ROUNDS; round++) {
  const p = build(false);
  plain.push(p.ms);
  plainCpu.push(p.cpuMs);
  plainOutput = p.output;
  const r = build(true);
  typed.push(r.ms);
  typedCpu.push(r.cpuMs);
  typedOutput = r.output;
  errors = r.errors;
}
rmSync(dir, { recursive: true, force: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${files.length} files, median of ${ROUNDS}: preset-typescript ${median(plain).toFixed(0)} ms, with the typedc plugin ${median(typed).toFixed(0)} ms, ratio ${(median(typed) / median(plain)).toFixed(2)} (${errors} files with errors; formats: ${process.env.FORMATS ?? "all 12"}; typed files: ${TYPED_EVERY === 1 ? "all" : `1 in ${TYPED_EVERY}`})`);
console.log(`first build (cold caches): preset-typescript ${coldPlain.cpuMs.toFixed(0)} ms CPU, with the typedc plugin ${cold.cpuMs.toFixed(0)} ms CPU, ratio ${(cold.cpuMs / coldPlain.cpuMs).toFixed(2)}`);
// CPU time of the process (user + system) is steadier than wall-clock time on a shared machine.
console.log(`CPU time, median of ${ROUNDS}: preset-typescript ${median(plainCpu).toFixed(0)} ms, with the typedc plugin ${median(typedCpu).toFixed(0)} ms, ratio ${(median(typedCpu) / median(plainCpu)).toFixed(2)}`);
const kb = (chars: number) => `${(chars / 1024).toFixed(0)} KB`;
console.log(`output: preset-typescript ${kb(plainOutput.code)}, with the typedc plugin ${kb(typedOutput.code)}: ${kb(typedOutput.tables)} of type-set JSON (one string literal each file) and ${kb(typedOutput.code - typedOutput.tables)} of other code, ${((typedOutput.code - typedOutput.tables) / plainOutput.code).toFixed(1)}x the plain output`);
process.exitCode = errors === 0 ? 0 : 1;
