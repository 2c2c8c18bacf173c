/**
 * data: the records every implementation starts from, the seeded index sequence
 * of W3, and a digest of a record array's contents used to verify each
 * implementation against the limit. Fill and digest go through the runtime's
 * compiled paths (docs/runtime-contract.md), so they work for any format.
 */
import { cpath, cref } from "@typedc/runtime";

/** RecValues is one record as plain values (what plain-objects stores and digests compare). */
export interface RecValues {
  a: number;
  b: number;
  c: number;
  d: bigint;
  e: number[];
}

/** initialRecord returns record i's starting values: signed a, exact b, every byte of c, 64-bit d, distinct e[k]. */
export function initialRecord(i: number): RecValues {
  return {
    a: ((i * 7919) % 1000003) - 500000,
    b: i / 4,
    c: i & 0xff,
    d: BigInt(i) * 4294967311n - 3n,
    e: [(i * 4) & 0xffff, (i * 4 + 1) & 0xffff, (i * 4 + 2) & 0xffff, (i * 4 + 3) & 0xffff],
  };
}

/** fillRecords writes initialRecord(i) into element i of a typed array view (any format), for i < count. */
export function fillRecords(view: unknown, count: number): void {
  const r = cref(view);
  const [pa, pb, pc, pd, pe] = ["[].a", "[].b", "[].c", "[].d", "[].e.[]"].map((k) => cpath(r.tp, r.t, k));
  for (let i = 0; i < count; i++) {
    const v = initialRecord(i);
    const p = r.a + i * pa!.s0;
    pa!.wr(r.h, p + pa!.o, v.a);
    pb!.wr(r.h, p + pb!.o, v.b);
    pc!.wr(r.h, p + pc!.o, v.c);
    pd!.wr(r.h, p + pd!.o, v.d);
    for (let k = 0; k < 4; k++) pe!.wr(r.h, p + pe!.o + k * pe!.s1, v.e[k]);
  }
}

/** Digest summarises a record array: per-field sums and index-weighted sums (so a swap of two records shows). */
export class Digest {
  private sumA = 0;
  private sumB = 0;
  private sumC = 0;
  private sumD = 0n;
  private weighted = 0n;
  private readonly sumE = [0, 0, 0, 0];

  /** add folds record i in. */
  add(i: number, a: number, b: number, c: number, d: bigint, e: ArrayLike<number>): void {
    this.sumA += a;
    this.sumB += b;
    this.sumC += c;
    this.sumD += d;
    for (let k = 0; k < 4; k++) this.sumE[k] += e[k]!;
    this.weighted += BigInt(i + 1) * (BigInt(a) + d + BigInt(c) + BigInt(e[2]!)) + BigInt(Math.round(b * 4) * (i % 97));
  }

  /** text is the digest as one comparable string. */
  text(): string {
    return `a=${this.sumA} b=${this.sumB} c=${this.sumC} d=${this.sumD} e=${this.sumE.join(",")} w=${this.weighted}`;
  }
}

/** digestView digests the first `count` records of a typed array view (any format). */
export function digestView(view: unknown, count: number): string {
  const r = cref(view);
  const [pa, pb, pc, pd, pe] = ["[].a", "[].b", "[].c", "[].d", "[].e.[]"].map((k) => cpath(r.tp, r.t, k));
  const g = new Digest();
  const e = [0, 0, 0, 0];
  for (let i = 0; i < count; i++) {
    const p = r.a + i * pa!.s0;
    for (let k = 0; k < 4; k++) e[k] = pe!.rd(r.h, p + pe!.o + k * pe!.s1);
    g.add(i, pa!.rd(r.h, p + pa!.o), pb!.rd(r.h, p + pb!.o), pc!.rd(r.h, p + pc!.o), pd!.rd(r.h, p + pd!.o), e);
  }
  return g.text();
}

/** seededIndices returns `count` record indices in [0, n) from mulberry32(seed): W3's fixed random sequence. */
export function seededIndices(n: number, count: number, seed = 0x7e57): Int32Array {
  let state = seed >>> 0;
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[k] = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  }
  return out;
}
