/**
 * adapt (W5): records written in i386-linux format (a creator publishes
 * `w5.recs` in i386-linux), read by code built for x86_64-linux.
 *   typedc-native   the compiled W1 loop over x86_64-linux records (native reading: the baseline)
 *   typedc-morph    the same compiled loop attached to the i386-linux area (binds the published table: morphing)
 *   typedc-convert  convert the i386-linux records into a fresh x86_64-linux buffer first
 *                   (field by field through compiled paths), then the same loop over the copy
 *   limit-dataview  the hand-written x86_64 loop over the x86_64 records, for reference
 * Every row's W1 sum must equal the native one. Small sizes repeat the read so
 * that one sample lasts long enough to time; medians are per read.
 */
import { TypedMemory, __typed, cpath, cref } from "@typedc/runtime";
import { fillRecords } from "./data.js";
import { compiledLoops } from "./compiled.js";
import type { Model } from "./model.js";
import { errorRow, measuredRow, type Row } from "./results.js";
import { median, timePair, type TimingOptions } from "./timing.js";

const SLACK_BYTES = 1 << 16;

// publish creates a memory holding `n` records published as `name` in `format`, filled.
function publish(model: Model, format: "x86_64-linux" | "i386-linux", n: number): { memory: TypedMemory; view: any } {
  const memory = TypedMemory.create({ bytes: n * model.layouts[format]!.byteSize + SLACK_BYTES });
  const view = __typed("w5.recs", { memory, type: model.types, format, count: n });
  fillRecords(view, n);
  return { memory, view };
}

/** convertToX64 copies every record of `src` (any format) into a new x86_64-linux buffer, field by field, and returns a view of it. */
export function convertToX64(model: Model, src: unknown): any {
  const s = cref(src);
  const n = s.length;
  const table = model.types["x86_64-linux"]!;
  const stride = model.layouts["x86_64-linux"]!.byteSize;
  const dst = cref(__typed.at(new ArrayBuffer(n * stride), 0, { type: table, format: "x86_64-linux", count: n, name: "converted" }));
  for (const key of ["[].a", "[].b", "[].c", "[].d"]) {
    const ps = cpath(s.tp, s.t, key), pd = cpath(dst.tp, dst.t, key);
    for (let i = 0; i < n; i++) pd.wr(dst.h, dst.a + i * pd.s0 + pd.o, ps.rd(s.h, s.a + i * ps.s0 + ps.o));
  }
  const ps = cpath(s.tp, s.t, "[].e.[]"), pd = cpath(dst.tp, dst.t, "[].e.[]");
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 4; k++) pd.wr(dst.h, dst.a + i * pd.s0 + k * pd.s1 + pd.o, ps.rd(s.h, s.a + i * ps.s0 + k * ps.s1 + ps.o));
  }
  return dst;
}

// sizeLabel spells a record count as the issue does: 10k, 1M, 10M.
function sizeLabel(n: number): string {
  return n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
}

/** runAdapt measures W5 at each size; rows are keyed `<impl>@<size>` and their ratio is to typedc-native at that size. */
export function runAdapt(model: Model, sizes: readonly number[], timing: TimingOptions, log: (line: string) => void): Record<string, Row> {
  const out: Record<string, Row> = {};
  const loops = compiledLoops(true);
  for (const n of sizes) {
    const label = sizeLabel(n);
    const native = publish(model, "x86_64-linux", n);
    const creator = publish(model, "i386-linux", n);
    // The reader is built for x86_64-linux and attaches to what the creator published.
    const morphed = __typed("w5.recs", { memory: creator.memory, type: model.types, format: "x86_64-linux", create: "never" });
    const base = native.view;
    const dv = new DataView(native.memory.buffer);
    const baseOffset = cref(base).a;
    const repeat = Math.max(1, Math.round(1e6 / n));
    const times = (f: () => number) => () => {
      let s = 0;
      for (let r = 0; r < repeat; r++) s = f();
      return s;
    };
    const rows: [string, () => number][] = [
      ["typedc-morph", () => loops.sumAB(morphed, n)],
      ["typedc-convert", () => loops.sumAB(convertToX64(model, morphed), n)],
      ["limit-dataview", () => {
        let s = 0;
        for (let i = 0, p = baseOffset; i < n; i++, p += 40) s += dv.getInt32(p, true) + dv.getFloat64(p + 8, true);
        return s;
      }],
    ];
    const nativeRead = () => loops.sumAB(base, n);
    const expected = nativeRead();
    const nativeSamples: number[] = [];
    const line: string[] = [];
    for (const [id, f] of rows) {
      const got = f();
      if (got !== expected) {
        out[`${id}@${label}`] = errorRow(`${id}: W5 sum ${got} differs from native reading ${expected}`);
        line.push(`${id} ERROR`);
        continue;
      }
      const t = timePair(times(nativeRead), times(f), timing);
      nativeSamples.push(...t.limitMs);
      out[`${id}@${label}`] = measuredRow(median(t.implMs) / repeat, median(t.ratios), { limit: `typedc-native@${label}`, reps: t.implMs.length });
      line.push(`${id} ${(median(t.implMs) / repeat).toFixed(3)} ms ${median(t.ratios).toFixed(2)}x`);
    }
    out[`typedc-native@${label}`] = measuredRow(median(nativeSamples) / repeat, 1, { reps: nativeSamples.length });
    log(`W5 ${label.padEnd(4)} native ${(median(nativeSamples) / repeat).toFixed(3)} ms   ${line.join("   ")}`);
  }
  return out;
}
