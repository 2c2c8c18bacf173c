/**
 * morph bench: what morphing costs against hand-written code (PLOS'19 §5 asks the
 * same of its type-morphable code). 1M records of
 *   struct Rec { int32_t a; double b; uint8_t c; int64_t d; uint16_t e[4]; }
 * on x86_64-linux; a field-sum loop and an update loop, per access method:
 *   hand     DataView with literal offsets (+ an aligned BigInt64Array for d)
 *   table    the table strategy as compiled code uses it: ref() + plan offsets and
 *            codecs hoisted out of the loop + one idx() bounds check per record
 *   gen-fn   fieldAccessors(): per-member functions generated for the format with
 *            `new Function` (literal offsets and byte order), hoisted + idx() per record
 *   gen-view generated view classes ({ strategy: "codegen" }), `for (const r of recs)`
 *   view     the table strategy's dynamic view, `for (const r of recs)`
 *   proxy    the dynamic view indexed as `recs[i].a` (a Proxy per array)
 * Warm-up, then ≥7 repetitions; medians and ratios to `hand` in the same process.
 *
 *   npx tsx scripts/bench/morph.ts [records=1000000] [repetitions=7] [--compiled-only]
 */
import { ABIS, buildTable, type CType, type DeclSet } from "../../packages/core/src/index.js";
import { bindView } from "../../packages/runtime/src/bind.js";
import { ref } from "../../packages/runtime/src/compiled.js";
import { fieldAccessors } from "../../packages/runtime/src/codegen.js";
import { idx } from "../../packages/runtime/src/primitives.js";

const N = Number(process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : 1_000_000);
const REPS = Math.max(7, Number(process.argv[3] && !process.argv[3].startsWith("--") ? process.argv[3] : 7));
const COMPILED_ONLY = process.argv.includes("--compiled-only");

const sc = (name: string): CType => ({ kind: "scalar", name }) as CType;
const DECLS: DeclSet = {
  types: {
    Rec: {
      kind: "record", name: "Rec",
      record: {
        kind: "struct", packed: false,
        fields: [
          { name: "a", type: sc("i32") }, { name: "b", type: sc("f64") }, { name: "c", type: sc("u8") },
          { name: "d", type: sc("i64") }, { name: "e", type: { kind: "array", element: sc("u16"), count: 4 } },
        ],
      },
    },
  },
};
const table = buildTable(DECLS, "Rec", ABIS["x86_64-linux"]);
const STRIDE = table.types[table.root]!.byteSize; // 40
const bytes = new Uint8Array(new SharedArrayBuffer(STRIDE * N));
const region = { bytes, byteOffset: 0, byteLength: STRIDE * N };
const recsTable = bindView(table, region, { name: "recs", count: N });
const recsCodegen = bindView(table, region, { name: "recs", count: N, strategy: "codegen" });
for (let i = 0; i < N; i++) {
  const r = recsTable.get(i);
  r.a = i;
  r.b = i / 2;
  r.c = i & 0xff;
  r.d = BigInt(i);
  for (let j = 0; j < 4; j++) r.e[j] = (i + j) & 0xffff;
}

type Loop = () => number;

// --- hand-written: literal offsets a=0 b=8 c=16 d=24 e=32, little-endian. ---
const dv = new DataView(bytes.buffer);
const i64 = new BigInt64Array(bytes.buffer);
const handSum: Loop = () => {
  let s = 0;
  let d = 0n;
  for (let i = 0, p = 0; i < N; i++, p += 40) {
    s += dv.getInt32(p, true) + dv.getFloat64(p + 8, true) + dv.getUint8(p + 16);
    s += dv.getUint16(p + 32, true) + dv.getUint16(p + 34, true) + dv.getUint16(p + 36, true) + dv.getUint16(p + 38, true);
    d += i64[(p + 24) >>> 3]!;
  }
  return s + Number(d & 0xffffn);
};
const handUpdate: Loop = () => {
  for (let i = 0, p = 0; i < N; i++, p += 40) {
    dv.setInt32(p, (dv.getInt32(p, true) + 1) | 0, true);
    dv.setFloat64(p + 8, dv.getFloat64(p + 8, true) * 0.5, true);
    dv.setUint8(p + 16, (dv.getUint8(p + 16) + 1) & 0xff);
    i64[(p + 24) >>> 3] = BigInt.asIntN(64, i64[(p + 24) >>> 3]! + 1n);
    for (let q = p + 32; q < p + 40; q += 2) dv.setUint16(q, (dv.getUint16(q, true) + 1) & 0xffff, true);
  }
  return 0;
};

// --- table strategy through the primitives, as compiled code does it. ---
const R = ref(recsTable);
const E = R.tp.types[R.t.elem]!;
const [ma, mb, mc, md, me] = ["a", "b", "c", "d", "e"].map((k) => E.m[k]!);
const eElem = R.tp.types[R.tp.types[me!.type]!.elem]!;
const tableSum: Loop = () => {
  const { h, a: base, length } = R;
  const stride = R.t.stride;
  const ra = ma!.codec!.rd, oa = ma!.off, rb = mb!.codec!.rd, ob = mb!.off, rc = mc!.codec!.rd, oc = mc!.off;
  const rd = md!.codec!.rd, od = md!.off, re = eElem.codec!.rd, oe = me!.off, se = eElem.size;
  let s = 0;
  let d = 0n;
  for (let i = 0; i < N; i++) {
    idx(i, length, "recs");
    const p = base + i * stride;
    s += ra(h, p + oa) + rb(h, p + ob) + rc(h, p + oc);
    s += re(h, p + oe) + re(h, p + oe + se) + re(h, p + oe + 2 * se) + re(h, p + oe + 3 * se);
    d += rd(h, p + od);
  }
  return s + Number(d & 0xffffn);
};
const tableUpdate: Loop = () => {
  const { h, a: base, length } = R;
  const stride = R.t.stride;
  const a = ma!.codec!, b = mb!.codec!, c = mc!.codec!, dd = md!.codec!, e = eElem.codec!;
  const oa = ma!.off, ob = mb!.off, oc = mc!.off, od = md!.off, oe = me!.off, se = eElem.size;
  for (let i = 0; i < N; i++) {
    idx(i, length, "recs");
    const p = base + i * stride;
    a.wr(h, p + oa, (a.rd(h, p + oa) + 1) | 0);
    b.wr(h, p + ob, b.rd(h, p + ob) * 0.5);
    c.wr(h, p + oc, (c.rd(h, p + oc) + 1) & 0xff);
    dd.wr(h, p + od, BigInt.asIntN(64, dd.rd(h, p + od) + 1n));
    for (let q = p + oe; q < p + oe + 4 * se; q += se) e.wr(h, q, (e.rd(h, q) + 1) & 0xffff);
  }
  return 0;
};

// --- generated per-member functions (codegen strategy for compiled code). ---
const G = fieldAccessors(R.tp, E);
const eAcc = { get: eElem.codec!.rd, set: eElem.codec!.wr };
const genSum: Loop = () => {
  const { h, a: base, length } = R;
  const stride = R.t.stride;
  const ga = G.a!.get, gb = G.b!.get, gc = G.c!.get, gd = G.d!.get, ge = eAcc.get, oe = me!.off, se = eElem.size;
  let s = 0;
  let d = 0n;
  for (let i = 0; i < N; i++) {
    idx(i, length, "recs");
    const p = base + i * stride;
    s += ga(h, p) + gb(h, p) + gc(h, p);
    s += ge(h, p + oe) + ge(h, p + oe + se) + ge(h, p + oe + 2 * se) + ge(h, p + oe + 3 * se);
    d += gd(h, p);
  }
  return s + Number(d & 0xffffn);
};
const genUpdate: Loop = () => {
  const { h, a: base, length } = R;
  const stride = R.t.stride;
  const a = G.a!, b = G.b!, c = G.c!, dd = G.d!, oe = me!.off, se = eElem.size;
  for (let i = 0; i < N; i++) {
    idx(i, length, "recs");
    const p = base + i * stride;
    a.set(h, p, (a.get(h, p) + 1) | 0);
    b.set(h, p, b.get(h, p) * 0.5);
    c.set(h, p, (c.get(h, p) + 1) & 0xff);
    dd.set(h, p, BigInt.asIntN(64, dd.get(h, p) + 1n));
    for (let q = p + oe; q < p + oe + 4 * se; q += se) eAcc.set(h, q, (eAcc.get(h, q) + 1) & 0xffff);
  }
  return 0;
};

// --- dynamic views (table and codegen strategies). ---
function viewSum(recs: any): Loop {
  return () => {
    let s = 0;
    let d = 0n;
    for (const r of recs) {
      const e = r.e;
      s += r.a + r.b + r.c + e[0] + e[1] + e[2] + e[3];
      d += r.d;
    }
    return s + Number(d & 0xffffn);
  };
}
function viewUpdate(recs: any): Loop {
  return () => {
    for (const r of recs) {
      r.a = (r.a + 1) | 0;
      r.b = r.b * 0.5;
      r.c = (r.c + 1) & 0xff;
      r.d = BigInt.asIntN(64, r.d + 1n);
      const e = r.e;
      for (let j = 0; j < 4; j++) e[j] = (e[j] + 1) & 0xffff;
    }
    return 0;
  };
}
const proxySum: Loop = () => {
  let s = 0;
  let d = 0n;
  const recs = recsTable;
  for (let i = 0; i < N; i++) {
    s += recs[i].a + recs[i].b + recs[i].c + recs[i].e[0] + recs[i].e[1] + recs[i].e[2] + recs[i].e[3];
    d += recs[i].d;
  }
  return s + Number(d & 0xffffn);
};

const proxyUpdate: Loop = () => {
  const recs = recsTable;
  for (let i = 0; i < N; i++) {
    recs[i].a = (recs[i].a + 1) | 0;
    recs[i].b = recs[i].b * 0.5;
    recs[i].c = (recs[i].c + 1) & 0xff;
    recs[i].d = BigInt.asIntN(64, recs[i].d + 1n);
    for (let j = 0; j < 4; j++) recs[i].e[j] = (recs[i].e[j] + 1) & 0xffff;
  }
  return 0;
};

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

// Repetitions are interleaved (every method once per round) so that a change in the
// machine's load hits all methods alike; each loop is warmed up twice first.
function measureAll(loops: readonly Loop[]): number[] {
  const times: number[][] = loops.map(() => []);
  for (const f of loops) {
    f();
    f();
    bytes.set(snapshot);
  }
  for (let r = 0; r < REPS; r++) {
    loops.forEach((f, k) => {
      const t0 = performance.now();
      f();
      times[k]!.push(performance.now() - t0);
      bytes.set(snapshot);
    });
  }
  return times.map(median);
}

const snapshot = bytes.slice();
const rows: [string, Loop, Loop][] = [
  ["hand", handSum, handUpdate],
  ["table", tableSum, tableUpdate],
  ["gen-fn", genSum, genUpdate],
  ...(COMPILED_ONLY
    ? []
    : ([
        ["gen-view", viewSum(recsCodegen), viewUpdate(recsCodegen)],
        ["view", viewSum(recsTable), viewUpdate(recsTable)],
        ["proxy", proxySum, proxyUpdate],
      ] as [string, Loop, Loop][])),
];
// All sums must agree (same data, same arithmetic).
const expected = handSum();
for (const [name, sum] of rows) if (sum() !== expected) throw new Error(`${name}: field sum ${sum()} differs from hand-written ${expected}`);

const sums = measureAll(rows.map((r) => r[1]));
const updates = measureAll(rows.map((r) => r[2]));
const results = rows.map(([name], k) => ({ name, sumMs: sums[k]!, updateMs: updates[k]! }));
const hand = results[0]!;
console.log(`morph bench: ${N} records of ${STRIDE} bytes (x86_64-linux), median of ${REPS} after warm-up, node ${process.version}`);
console.log("method    field-sum ms  ratio   update ms  ratio");
for (const r of results) {
  console.log(
    `${r.name.padEnd(9)} ${r.sumMs.toFixed(1).padStart(12)} ${(r.sumMs / hand.sumMs).toFixed(2).padStart(6)}x ${r.updateMs.toFixed(1).padStart(11)} ${(r.updateMs / hand.updateMs).toFixed(2).padStart(6)}x`,
  );
}
