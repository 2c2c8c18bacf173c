/**
 * Benchmark (not a timed test): build time of a generated 200-file tree with the
 * `__typed` transformer vs plain tsc emit of the same program (goal ≤ 1.3×).
 * Every file declares a struct, binds a typed area and accesses it; one in four
 * imports another file's typed binding. Emit only (no type check), best and median of 5.
 * `TYPED_EVERY=4` makes only every 4th file typed (the others plain TypeScript of the
 * same size); `FORMATS=x86_64-linux` emits one format's tables instead of 12.
 *
 *   npx tsc -b packages/tsc-plugin && npx tsx scripts/bench/build-200.ts
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { typedTransformer } from "@typedc/tsc-plugin";

const FILES = 200;
const dir = mkdtempSync(join(tmpdir(), "typedc-build200-"));
symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");

const TYPED_EVERY = Number(process.env.TYPED_EVERY ?? 1);

/** plainSource is a file of the same shape without C types. */
function plainSource(k: number): string {
  return `export interface Item${k} { id: number; kind: number; weight: number; stamp: bigint; size: number; tags: number[]; next: Item${k} | null }
const area${k}: Item${k}[] = Array.from({ length: 64 }, () => ({ id: 0, kind: 0, weight: 0, stamp: 0n, size: 0, tags: [0, 0, 0, 0], next: null }));
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
export function link${k}(a: Item${k}, b: Item${k}) {
  a.next = b;
  return a.next!.id;
}
`;
}

function source(k: number): string {
  if (k % TYPED_EVERY !== 0) return plainSource(k);
  const other = k >= 4 && k % 4 === 0 && (k - 4) % TYPED_EVERY === 0 ? `import { area${k - 4} } from "./f${k - 4}";\n` : "";
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

const names: string[] = [];
for (let k = 0; k < FILES; k++) {
  const file = join(dir, `f${k}.ts`);
  writeFileSync(file, source(k));
  names.push(file);
}
const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, skipLibCheck: true, types: [], lib: ["lib.es2022.d.ts"], outDir: join(dir, "out") };

function build(withPlugin: boolean): { ms: number; cpuMs: number; diagnostics: number } {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const program = ts.createProgram({ rootNames: names, options });
  const factory = withPlugin ? typedTransformer(program, { ts, ...(process.env.FORMATS ? { formats: process.env.FORMATS.split(",") as never } : {}) }) : undefined;
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
build(false);
build(true); // warm up both paths
for (let round = 0; round < 5; round++) {
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
console.log(`${FILES} files (${Math.ceil(FILES / TYPED_EVERY)} typed): plain tsc emit ${best(plain).toFixed(0)} ms, with the __typed transformer ${best(typed).toFixed(0)} ms, ratio ${(best(typed) / best(plain)).toFixed(2)} (${diagnostics} diagnostics)`);
console.log(`medians of ${plain.length}: plain ${median(plain).toFixed(0)} ms, typed ${median(typed).toFixed(0)} ms, ratio ${(median(typed) / median(plain)).toFixed(2)}; CPU time: plain ${median(plainCpu).toFixed(0)} ms, typed ${median(typedCpu).toFixed(0)} ms, ratio ${(median(typedCpu) / median(plainCpu)).toFixed(2)}`);
