/**
 * ratio.ts — runs the demo several times per configuration, interleaved (the box is
 * shared, so load drifts), and prints the median shared-memory time, message-passing
 * time, RATIO and CPU RATIO per configuration:
 * `npx tsx demo/scripts/ratio.ts [--runs N] -- "<demo args>" "<demo args>" ...`
 * (no configuration: the defaults and `--dynamic`). A run whose checks fail is reported and left out.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const argv = process.argv.slice(2);
const runs = argv.includes("--runs") ? Number(argv[argv.indexOf("--runs") + 1]) : 5;
const sep = argv.indexOf("--");
const configs = sep >= 0 ? argv.slice(sep + 1) : ["", "--dynamic"];
const main = path.join(__dirname, "..", "src", "main.ts");
const tsx = require.resolve("tsx/cli");
const median = (xs: number[]) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

const results = configs.map(() => ({ shared: [] as number[], mp: [] as number[], ratio: [] as number[], cpuRatio: [] as number[], failed: 0 }));
for (let run = 0; run < runs; run++) {
  configs.forEach((config, i) => {
    const args = config.split(/\s+/).filter((a) => a.length > 0);
    const out = spawnSync(process.execPath, [tsx, main, ...args], { encoding: "utf8" });
    const m = /RATIO .* = ([\d.]+) \(shared memory ([\d.]+) ms, message passing ([\d.]+) ms/.exec(out.stdout);
    if (out.status !== 0 || !m) {
      results[i]!.failed++;
      console.log(`  run ${run + 1} '${config}': FAILED (exit ${out.status})\n${out.stdout.split("\n").filter((l) => l.startsWith("FAIL")).join("\n")}${out.stderr.slice(-2000)}`);
      return;
    }
    const cpu = /^CPU RATIO .* = ([\d.]+)/m.exec(out.stdout);
    if (cpu) results[i]!.cpuRatio.push(Number(cpu[1]));
    results[i]!.ratio.push(Number(m[1]));
    results[i]!.shared.push(Number(m[2]));
    results[i]!.mp.push(Number(m[3]));
    console.log(`  run ${run + 1} '${config || "(defaults)"}': RATIO ${m[1]} (shared ${m[2]} ms, messages ${m[3]} ms), CPU RATIO ${cpu?.[1] ?? "?"}`);
  });
}
console.log(`\nmedians of ${runs} interleaved runs:`);
configs.forEach((config, i) => {
  const r = results[i]!;
  console.log(`  ${(config || "(defaults)").padEnd(40)} RATIO ${median(r.ratio).toFixed(2)}  CPU RATIO ${median(r.cpuRatio).toFixed(2)}  shared ${median(r.shared).toFixed(0)} ms  messages ${median(r.mp).toFixed(0)} ms  [ratios ${r.ratio.join(", ")}]${r.failed ? `  ${r.failed} FAILED` : ""}`);
});
