/**
 * probe-hot-paths: evidence for docs/bench/analysis.md. It compiles typed-loops.ts
 * with the tsc transformer (transform.ts) and times W1 and W2 at 1M records in
 * variants that each remove one suspected cost, pair by pair with the limit:
 *   emitted          the transformer's CommonJS output as it is
 *   hoisted          the same text with every `__typedc.f(` call through a module-level
 *                    `const __typedc$f = __typedc.f` (no getter per call)
 *   hoisted+le       hoisted, and the paths' `rd`/`wr` replaced by fixed little-endian
 *                    readers/writers with the same checks (what per-byte-order codecs give)
 *   hoisted+le+i64   hoisted+le, and the i64 write checked with `v < MIN || v > MAX`
 *                    instead of `BigInt.asIntN(64, v) !== v` (no BigInt allocated per write)
 *   unchecked        the transformer's `boundsChecks: false` output, hoisted+le+i64
 *
 *   npx tsx scripts/bench/suite/probe-hot-paths.ts [records=1000000]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { compileLoops } from "./transform.js";
import { compiledSource, type CompiledLoops } from "./compiled.js";
import { makeContext } from "./context.js";
import { limitDataView } from "./impls/limit-dataview.js";
import { loadModel } from "./model.js";
import { median, timePair } from "./timing.js";
import { checkBigIntFits } from "../../../packages/runtime/src/checks.js";

const I64_MIN = -(1n << 63n), I64_MAX = (1n << 63n) - 1n;
const FITS: Readonly<Record<string, (v: any) => boolean>> = { rd_i32: (v) => (v | 0) === v, rd_u16: (v) => (v & 0xffff) === v };

// leRd/leWr replace a path's codec by one with the byte order fixed at little-endian (the area's).
function fixedOrder(p: any, i64Compare: boolean): any {
  const name: string = p.rd.name;
  const rd = name === "rd_i32" ? (h: any, a: number) => h.dv.getInt32(a, true)
    : name === "rd_f64" ? (h: any, a: number) => h.dv.getFloat64(a, true)
    : name === "rd_u16" ? (h: any, a: number) => h.dv.getUint16(a, true)
    : p.rd;
  let wr = p.wr;
  if (name === "rd_i32" || name === "rd_u16") {
    const fits = FITS[name]!, slow = p.wr, set = name === "rd_i32" ? "setInt32" : "setUint16";
    wr = set === "setInt32"
      ? (h: any, a: number, v: any, path?: string, loc?: string) => (fits(v) ? h.dv.setInt32(a, v, true) : slow(h, a, v, path, loc))
      : (h: any, a: number, v: any, path?: string, loc?: string) => (fits(v) ? h.dv.setUint16(a, v, true) : slow(h, a, v, path, loc));
  } else if (name === "rd_i64" && i64Compare) {
    wr = (h: any, a: number, v: any, path?: string, loc?: string) => {
      if (typeof v !== "bigint" || v < I64_MIN || v > I64_MAX) checkBigIntFits(v, "i64", I64_MIN, I64_MAX, path, loc);
      if (h.swap || (a & 7) !== 0) h.dv.setBigInt64(a, v, true);
      else h.i64[a >>> 3] = v;
    };
  }
  return Object.freeze({ ...p, rd, wr });
}

// variant rewrites the compiled text: hoisted runtime functions, and optionally fixed-order paths.
function variant(js: string, file: string, le: boolean, i64: boolean): CompiledLoops {
  const names = [...new Set([...js.matchAll(/__typedc\.(\w+)\(/g)].map((m) => m[1]!))];
  let out = js.replace(/__typedc\.(\w+)\(/g, "__typedc$$$1(");
  const decls = names.map((n) => `const __typedc$${n} = __typedc.${n};`).join("\n");
  out = out.replace(/(const __typedc = [^\n]*\n)/, `$1${decls}\n`);
  if (le) out = out.replace(/(const __typedc\$cpath = )__typedc\.cpath;/, `$1(tp, t, k) => globalThis.__fixedOrder(__typedc.cpath(tp, t, k), ${i64});`);
  fs.writeFileSync(file, out);
  return require(file);
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1_000_000);
  const why = await compileLoops();
  if (why !== null) throw new Error(`probe-hot-paths needs the transformer: ${why}`);
  const dir = compiledSource().note.split(" into ")[1]!;
  (globalThis as any).__fixedOrder = fixedOrder;
  const checkedJs = fs.readFileSync(path.join(dir, "typed-loops.checked.js"), "utf8");
  const uncheckedJs = fs.readFileSync(path.join(dir, "typed-loops.unchecked.js"), "utf8");
  const variants: [string, CompiledLoops][] = [
    ["emitted", require(path.join(dir, "typed-loops.checked.js"))],
    ["hoisted", variant(checkedJs, path.join(dir, "v-hoisted.js"), false, false)],
    ["hoisted+le", variant(checkedJs, path.join(dir, "v-le.js"), true, false)],
    ["hoisted+le+i64", variant(checkedJs, path.join(dir, "v-le-i64.js"), true, true)],
    ["unchecked", variant(uncheckedJs, path.join(dir, "v-unchecked.js"), true, true)],
  ];
  const ctx = makeContext(loadModel(), n);
  const limit = limitDataView.make(ctx) as any;
  const expected = limit.w1();
  console.log(`probe-hot-paths: ${n} records, ratio to limit-dataview (median of 7 pairs), node ${process.version}`);
  for (const [name, loops] of variants) {
    if (loops.sumAB(ctx.recs, n) !== expected) throw new Error(`${name}: W1 differs from the limit`);
    const w1 = timePair(() => limit.w1(), () => loops.sumAB(ctx.recs, n), { reps: 7, warmups: 2 });
    const w2 = timePair(() => limit.w2(), () => loops.update(ctx.recs, n), { reps: 7, warmups: 2 });
    ctx.reset();
    console.log(`${name.padEnd(16)} W1 ${median(w1.implMs).toFixed(1).padStart(7)} ms ${median(w1.ratios).toFixed(2).padStart(6)}x   W2 ${median(w2.implMs).toFixed(1).padStart(7)} ms ${median(w2.ratios).toFixed(2).padStart(6)}x`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
