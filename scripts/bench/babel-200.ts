/**
 * Benchmark (not a timed test): Babel build time of a generated 200-file tree with the
 * typedc plugin + @babel/preset-typescript vs preset-typescript alone (goal ≤ 1.3×).
 * The tree is build-200.ts's (every file declares a struct, binds a typed area and accesses
 * it; one in four imports another file's typed binding); its generator is repeated here
 * because build-200.ts runs on import. Each round compiles every file once with
 * `transformSync` (as babel-loader and the bundler plugin do: one file at a time, fresh
 * plugin state). The first build runs with cold caches (printed on its own); the measured
 * rounds are rebuilds of unchanged files: the extractor's parse cache and the plugin's
 * type-set cache are warm, as in a watch-mode rebuild. Medians of 7, of
 * wall-clock time and of the process's CPU time (steadier on a shared machine).
 *
 *   npx tsx scripts/bench/babel-200.ts            (FORMATS=x86_64-linux,... to narrow the type sets)
 */
import { transformSync } from "@babel/core";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import typedc from "../../packages/babel-plugin/src/index";

const FILES = 200;
const ROUNDS = 7;
const dir = mkdtempSync(join(tmpdir(), "typedc-babel200-"));
symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");

/** source is file k of the tree (build-200.ts's generator). */
function source(k: number): string {
  const other = k >= 4 && k % 4 === 0 ? `import { area${k - 4} } from "./f${k - 4}";\n` : "";
  const use = other === "" ? "" : `export function peek${k}() { return area${k - 4}[0].id; }\n`;
  return `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, u16, f64, u64, c_long, array, ptr } from "@typedc/runtime";
${other}
export interface Item${k} { id: i32; kind: u16; weight: f64; stamp: u64; size: c_long; tags: array<u16, 4>; next: ptr<Item${k}> }
const mem = TypedMemory.create({ bytes: 1 << 20 });
export const area${k}: __typed<array<Item${k}, 64>> = __typed("area${k}", { memory: mem, format: "x86_64-linux" });
export function fill${k}(n: number) {
  for (let i = 0; i < n; i++) {
    area${k}[i].id = i;
    area${k}[i].weight += 0.5;
    area${k}[i].tags[i & 3] = i;
  }
  let sum = 0;
  for (const it of area${k}) sum += it.id + it.kind;
  return sum;
}
export function link${k}(a: __typed<Item${k}>, b: __typed<Item${k}>) {
  a.next = b;
  return a.next!.id;
}
${use}`;
}

const files: string[] = [];
for (let k = 0; k < FILES; k++) {
  const file = join(dir, `f${k}.ts`);
  writeFileSync(file, source(k));
  files.push(file);
}
const texts = files.map((f) => readFileSync(f, "utf8"));
const pluginOptions = process.env.FORMATS ? { formats: process.env.FORMATS.split(",") } : {};

/** build compiles the tree once; returns wall-clock and CPU milliseconds and the number of errors. */
function build(withPlugin: boolean): { ms: number; cpuMs: number; errors: number } {
  let errors = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  files.forEach((filename, k) => {
    try {
      transformSync(texts[k]!, {
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
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, errors };
}

const plain: number[] = [];
const typed: number[] = [];
const plainCpu: number[] = [];
const typedCpu: number[] = [];
let errors = 0;
const coldPlain = build(false);
const cold = build(true); // the first build: cold JIT, parse caches and type-set cache; later rounds are rebuilds
for (let round = 0; round < ROUNDS; round++) {
  const p = build(false);
  plain.push(p.ms);
  plainCpu.push(p.cpuMs);
  const r = build(true);
  typed.push(r.ms);
  typedCpu.push(r.cpuMs);
  errors = r.errors;
}
rmSync(dir, { recursive: true, force: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${FILES} files, median of ${ROUNDS}: preset-typescript ${median(plain).toFixed(0)} ms, with the typedc plugin ${median(typed).toFixed(0)} ms, ratio ${(median(typed) / median(plain)).toFixed(2)} (${errors} files with errors; formats: ${process.env.FORMATS ?? "all 12"})`);
console.log(`first build (cold caches): preset-typescript ${coldPlain.cpuMs.toFixed(0)} ms CPU, with the typedc plugin ${cold.cpuMs.toFixed(0)} ms CPU, ratio ${(cold.cpuMs / coldPlain.cpuMs).toFixed(2)}`);
// CPU time of the process (user + system) is steadier than wall-clock time on a shared machine.
console.log(`CPU time, median of ${ROUNDS}: preset-typescript ${median(plainCpu).toFixed(0)} ms, with the typedc plugin ${median(typedCpu).toFixed(0)} ms, ratio ${(median(typedCpu) / median(plainCpu)).toFixed(2)}`);
process.exitCode = errors === 0 ? 0 : 1;
