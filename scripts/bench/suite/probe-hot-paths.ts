/**
 * probe-hot-paths: evidence for docs/bench/analysis.md. It compiles typed-loops.ts
 * with the tsc transformer (transform.ts) and times W1, W2 and W3 at 1M records in
 * variants of the emitted text that each remove one suspected cost, pair by pair
 * with the limit:
 *   emitted        the transformer's CommonJS output as it is
 *   literal-le     every `, <ref>$le)` byte-order argument replaced by `, true)` (the
 *                  area is little-endian): what code specialised to the byte order gives
 *   check-stmt     the inline index check `(<test> ? i : ix(…))` rewritten as
 *                  `((<test>) || ix(…), i)`: the index stays the loop's
 *                  integer instead of a phi with the call's tagged result
 *   unchecked      the `boundsChecks: false` output as it is
 *   unchecked+le   the same with literal-le's change
 *   literal-layout the emitted text with every hoisted offset, stride and byte order of the
 *                  bench area's format (x86_64-linux) made a literal: what format-specialised
 *                  output gives over the versioned loops' fast copy (what `precompile` emits)
 * Every variant's W1 must equal the limit's before it is timed.
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

// checkAsComma rewrites the inline index checks so that their value is always the index itself.
function checkAsComma(js: string, file: string): CompiledLoops {
  const out = js.replace(/\(([^?()]*(?:\([^()]*\)[^?()]*)*) \? (\w+) : (__typedc\$ix\([^)]*\))\)/g, "(($1) || $3, $2)");
  if (out === js) throw new Error("probe-hot-paths: the emitted text no longer has inline index checks");
  fs.writeFileSync(file, out);
  return require(file);
}

// variant rewrites the emitted text and loads it as a module.
function variant(js: string, file: string): CompiledLoops {
  const out = js.replace(/, (\w+)\$le\)/g, ", true)");
  if (out === js) throw new Error("probe-hot-paths: the emitted text no longer passes a `<ref>$le` byte order");
  fs.writeFileSync(file, out);
  return require(file);
}

// literalLayout replaces each hoisted path field (`recs$p0o = recs$p0.o`), the element stride and
// the byte order by the literal values of the bench area's own format.
function literalLayout(js: string, file: string, ref: { tp: unknown; t: { stride: number }; h: { le: boolean } }): CompiledLoops {
  const runtime = require("@typedc/runtime");
  const out = js.split(/(?=\nfunction )/).map((fn) => {
    const keys = new Map<string, string>();
    for (const m of fn.matchAll(/(\w+\$p\d+) = __typedc\$cpath\(\w+\$r\.tp, \w+\$r\.t, "([^"]*)"\)/g)) keys.set(m[1]!, m[2]!);
    return fn
      .replace(/(\w+\$p\d+)(o|s\d) = \1\.(o|s\d)\b/g, (_all, p: string, f: string) => `${p}${f} = ${runtime.cpath(ref.tp, ref.t, keys.get(p)!)[f]}`)
      .replace(/(\w+)\$stride = \1\$r\.t\.stride/g, (_all, n: string) => `${n}$stride = ${ref.t.stride}`)
      .replace(/(\w+)\$le = \1\$r\.h\.le/g, (_all, n: string) => `${n}$le = ${ref.h.le}`);
  }).join("");
  if (out === js) throw new Error("probe-hot-paths: the emitted text no longer hoists path fields");
  fs.writeFileSync(file, out);
  return require(file);
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1_000_000);
  const why = await compileLoops();
  if (why !== null) throw new Error(`probe-hot-paths needs the transformer: ${why}`);
  const dir = compiledSource().dir!;
  const checkedJs = fs.readFileSync(path.join(dir, "typed-loops.checked.js"), "utf8");
  const uncheckedJs = fs.readFileSync(path.join(dir, "typed-loops.unchecked.js"), "utf8");
  const variants: [string, CompiledLoops][] = [
    ["emitted", require(path.join(dir, "typed-loops.checked.js"))],
    ["literal-le", variant(checkedJs, path.join(dir, "v-le.js"))],
    ["check-stmt", checkAsComma(checkedJs, path.join(dir, "v-check-stmt.js"))],
    ["unchecked", require(path.join(dir, "typed-loops.unchecked.js"))],
    ["unchecked+le", variant(uncheckedJs, path.join(dir, "v-unchecked-le.js"))],
  ];
  const ctx = makeContext(loadModel(), n);
  const { cref } = require("@typedc/runtime");
  variants.push(["literal-layout", literalLayout(checkedJs, path.join(dir, "v-literal-layout.js"), cref(ctx.recs))]);
  const limit = limitDataView.make(ctx) as any;
  const expected = limit.w1();
  console.log(`probe-hot-paths: ${n} records, ratio to limit-dataview (median of 7 pairs; two rounds), node ${process.version}`);
  for (let round = 0; round < 2; round++) for (const [name, loops] of variants) {
    if (loops.sumAB(ctx.recs, n) !== expected) throw new Error(`${name}: W1 differs from the limit`);
    const w1 = timePair(() => limit.w1(), () => loops.sumAB(ctx.recs, n), { reps: 7, warmups: 2 });
    const w2 = timePair(() => limit.w2(), () => loops.update(ctx.recs, n), { reps: 7, warmups: 2 });
    const w3 = timePair(() => limit.w3(), () => loops.sumBAt(ctx.recs, ctx.indices), { reps: 7, warmups: 2 });
    ctx.reset();
    const cell = (t: { implMs: number[]; ratios: number[] }) => `${median(t.implMs).toFixed(1).padStart(7)} ms ${median(t.ratios).toFixed(2).padStart(6)}x`;
    console.log(`${name.padEnd(15)} W1 ${cell(w1)}   W2 ${cell(w2)}   W3 ${cell(w3)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
