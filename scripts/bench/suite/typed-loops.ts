/**
 * typed-loops: W1–W3 as a typedc user writes them (SPEC §3). The tsc transformer
 * compiles this file into what `typedc-table` runs (with `boundsChecks: false`,
 * into `typedc-table-unchecked`); until it exists, typed-loops.lowered.ts holds
 * the same code lowered by hand after docs/compiler.md / emit-access.ts.
 */
import type { __typed, array } from "@typedc/runtime";
import type { Rec } from "./rec.js";

/** Recs is the binding type of the benchmark area (the bound length is checked, not this count). */
type Recs = array<Rec, 1000000>;

/** sumAB is W1: Σ a + b over the first n records. */
export function sumAB(recs: __typed<Recs>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += recs[i].a + recs[i].b;
  return s;
}

/** update is W2: a += 1, d += 1n, e[2] = i & 0xffff on the first n records. */
export function update(recs: __typed<Recs>, n: number): void {
  for (let i = 0; i < n; i++) {
    recs[i].a += 1;
    recs[i].d += 1n;
    recs[i].e[2] = i & 0xffff;
  }
}

/** sumBAt is W3: Σ b over the records at the given indices. */
export function sumBAt(recs: __typed<Recs>, indices: Int32Array): number {
  let s = 0;
  for (let k = 0; k < indices.length; k++) s += recs[indices[k]!].b;
  return s;
}
