/**
 * Benchmark (not a timed test): compiled `__typed` field-sum and update loops over
 * 1M records vs hand-written DataView code, in one process. The TypeScript below is
 * compiled with the tsc plugin's `transformFiles` (bounds checks on, then off) and
 * run against the built runtime: `npx tsc -b packages/tsc-plugin && npx tsx scripts/bench/compiled.ts`.
 *
 *   struct Rec { int32_t a; double b; uint8_t c; int64_t d; uint16_t e[4]; }
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import * as runtime from "@typedc/runtime";
import { transformFiles } from "@typedc/tsc-plugin";

const N = 1_000_000;
const SOURCE = `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, f64, u8, i64, u16, array } from "@typedc/runtime";
interface Rec { a: i32; b: f64; c: u8; d: i64; e: array<u16, 4> }
export function open(memory: TypedMemory): __typed<array<Rec, ${N}>> {
  const recs: __typed<array<Rec, ${N}>> = __typed("recs", { memory, format: "x86_64-linux" });
  return recs;
}
export function sumA(recs: __typed<array<Rec, ${N}>>): number {
  let s = 0;
  for (let i = 0; i < recs.length; i++) s += recs[i].a;
  return s;
}
export function sumB(recs: __typed<array<Rec, ${N}>>): number {
  let s = 0;
  for (let i = 0; i < recs.length; i++) s += recs[i].b + recs[i].e[2];
  return s;
}
export function update(recs: __typed<array<Rec, ${N}>>): void {
  for (let i = 0; i < recs.length; i++) {
    recs[i].a += 1;
    recs[i].e[2] = i & 0xffff;
  }
}
`;

/** Hand-written DataView code for x86_64-linux (offsets a@0 b@8 c@16 d@24 e@32, size 40). */
const hand = {
  sumA(dv: DataView, base: number): number {
    let s = 0;
    for (let i = 0; i < N; i++) s += dv.getInt32(base + i * 40, true);
    return s;
  },
  sumB(dv: DataView, base: number): number {
    let s = 0;
    for (let i = 0; i < N; i++) s += dv.getFloat64(base + i * 40 + 8, true) + dv.getUint16(base + i * 40 + 36, true);
    return s;
  },
  update(dv: DataView, base: number): void {
    for (let i = 0; i < N; i++) {
      const p = base + i * 40;
      dv.setInt32(p, dv.getInt32(p, true) + 1, true);
      dv.setUint16(p + 36, i & 0xffff, true);
    }
  },
};

function compileSource(boundsChecks: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "typedc-bench-"));
  const file = join(dir, "bench.ts");
  writeFileSync(file, SOURCE);
  const r = transformFiles({ ts, fileNames: [file], options: { formats: ["x86_64-linux"], boundsChecks }, compilerOptions: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, sourceMap: false } });
  rmSync(dir, { recursive: true, force: true });
  if (r.diagnostics.length > 0) throw new Error(r.diagnostics.map((d) => d.messageText).join("\n"));
  return r.outputs.get(file)!.js;
}

function compile(boundsChecks: boolean): Record<string, any> {
  const js = compileSource(boundsChecks);
  const module = { exports: {} as Record<string, any> };
  new Function("require", "module", "exports", js)((id: string) => (id === "@typedc/runtime" ? runtime : require(id)), module, module.exports);
  return module.exports;
}

/** best is the fastest of `rounds` runs (ms) after a warm-up: the least disturbed by other processes. */
function best(fn: () => unknown, rounds = 15): number {
  for (let k = 0; k < 5; k++) fn();
  let min = Infinity;
  for (let k = 0; k < rounds; k++) {
    const t0 = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return min;
}

if (process.env.SHOW) {
  console.log(compileSource(process.env.SHOW === "on"));
  process.exit(0);
}
const memory = runtime.TypedMemory.create({ bytes: 48 << 20 });
const checked = compile(true);
const unchecked = compile(false);
const recs = checked.open(memory);
const r = runtime.cref(recs);
const dv = r.h.dv;
const base = r.a;

const rows: string[][] = [["loop", "hand DataView ms", "compiled (checks on) ms", "ratio", "compiled (checks off) ms", "ratio"]];
for (const name of ["sumA", "sumB", "update"] as const) {
  const h = best(() => (hand[name] as (d: DataView, b: number) => unknown)(dv, base));
  const on = best(() => checked[name](recs));
  const off = best(() => unchecked[name](recs));
  rows.push([name, h.toFixed(2), on.toFixed(2), (on / h).toFixed(2), off.toFixed(2), (off / h).toFixed(2)]);
}
if (checked.sumA(recs) !== hand.sumA(dv, base)) throw new Error("compiled and hand-written sums differ");
for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(8) : c.padStart(i % 2 === 1 ? 17 : 10))).join(" "));
