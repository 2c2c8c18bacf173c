/**
 * bounds-fuzz: random in-range and out-of-range accesses through dynamic views of an
 * array of records placed inside a larger memory filled with a canary pattern.
 * Every in-range access must succeed, every out-of-range one must throw
 * TypedBoundsError, and no byte outside the area may ever change (SPEC §4).
 *
 *   npx tsx scripts/fuzz/bounds-fuzz.ts [iterations=1000000] [seed=1]
 *
 * test/runtime-bounds.test.ts runs the same driver with 10^5 iterations.
 */
import { ABIS, buildTable, type AbiId, type CType, type DeclSet } from "../../packages/core/src/index.js";
import { bindView } from "../../packages/runtime/src/bind.js";
import { TypedBoundsError } from "../../packages/runtime/src/errors.js";

const sc = (name: string): CType => ({ kind: "scalar", name }) as CType;
const FIELDS: readonly (readonly [string, CType])[] = [
  ["pid", sc("i32")],
  ["state", sc("c_long")],
  ["comm", { kind: "array", element: sc("c_char"), count: 16 }],
  ["vruntime", sc("u64")],
  ["flags", { kind: "bits", base: sc("u32"), bitWidth: 7 }],
  ["parent", { kind: "pointer", target: { kind: "named", name: "Task" } }],
];
const DECLS: DeclSet = {
  types: { Task: { kind: "record", name: "Task", record: { kind: "struct", packed: false, fields: FIELDS.map(([name, type]) => ({ name, type })) } } },
};

/** FuzzResult counts what the run did. */
export interface FuzzResult {
  readonly accesses: number;
  readonly inRange: number;
  readonly outOfRange: number;
}

// mulberry32: a small deterministic PRNG.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CANARY = (i: number) => (i * 131 + 17) & 0xff;

/** runBoundsFuzz runs `iterations` random accesses for each of a few formats and area placements; throws on any violation. */
export function runBoundsFuzz(iterations: number, seed = 1, formats: readonly AbiId[] = ["x86_64-linux", "mips-linux", "i386-linux"]): FuzzResult {
  let inRange = 0;
  let outOfRange = 0;
  const rnd = prng(seed);
  const per = Math.ceil(iterations / (formats.length * 2));
  for (const format of formats) {
    for (const areaOffset of [1024, 1031]) {
      const table = buildTable(DECLS, "Task", ABIS[format]);
      const size = table.types[table.root]!.byteSize;
      const count = 16;
      const memBytes = 4096;
      const bytes = new Uint8Array(new SharedArrayBuffer(memBytes));
      for (let i = 0; i < memBytes; i++) bytes[i] = CANARY(i);
      const areaEnd = areaOffset + count * size;
      bytes.fill(0, areaOffset, areaEnd); // the area starts zeroed (canary bytes would be unsafe c_long values)
      const tasks = bindView(table, { bytes, byteOffset: areaOffset, byteLength: count * size }, { name: "tasks", count, strategy: rnd() < 0.5 ? "table" : "codegen" });
      const check = (ok: boolean, f: () => void, what: string) => {
        try {
          f();
        } catch (e) {
          if (!ok && e instanceof TypedBoundsError) return void outOfRange++;
          throw new Error(`${format}@${areaOffset}: ${what} threw ${(e as Error).message}`);
        }
        if (!ok) throw new Error(`${format}@${areaOffset}: ${what} did not throw`);
        inRange++;
      };
      for (let n = 0; n < per; n++) {
        const i = Math.floor(rnd() * (count + 8)) - 4;
        const ok = i >= 0 && i < count;
        switch (Math.floor(rnd() * 7)) {
          case 0: check(ok, () => void (tasks[i].pid = Math.floor(rnd() * 2 ** 31)), `tasks[${i}].pid = …`); break;
          case 1: check(ok, () => void tasks.get(i).state, `tasks.get(${i}).state`); break;
          case 2: {
            const j = Math.floor(rnd() * 22) - 3;
            check(ok && j >= 0 && j < 16, () => void (tasks[i].comm[j] = 65), `tasks[${i}].comm[${j}] = 65`);
            break;
          }
          case 3: check(ok, () => void (tasks[i].vruntime = BigInt(Math.floor(rnd() * 2 ** 52))), `tasks[${i}].vruntime = …`); break;
          case 4: check(ok, () => void (tasks[i].flags = Math.floor(rnd() * 128)), `tasks[${i}].flags = …`); break;
          case 5: {
            const k = Math.floor(rnd() * count);
            check(ok, () => void (tasks[i].parent = tasks[k]), `tasks[${i}].parent = tasks[${k}]`);
            break;
          }
          default: {
            // A pointer stored by hand: anywhere in or beyond the memory; following it is checked against the memory.
            const target = Math.floor(rnd() * (memBytes + 256));
            const slot = Math.floor(rnd() * count);
            const ptrOff = (table.types[table.root] as { members: readonly { name: string; dataMemberLocation: number }[] }).members.find((m) => m.name === "parent")!.dataMemberLocation;
            const pointerSize = table.pointerSize;
            const dv = new DataView(bytes.buffer);
            const at = areaOffset + slot * size + ptrOff;
            if (pointerSize === 8) dv.setBigUint64(at, BigInt(target), table.endian === "little");
            else dv.setUint32(at, target, table.endian === "little");
            check(target === 0 || target + size <= memBytes, () => void tasks[slot].parent?.pid, `tasks[${slot}].parent (-> ${target}).pid`);
          }
        }
        if (n % 4096 === 0 || n === per - 1) {
          for (let b = 0; b < memBytes; b++) {
            if ((b < areaOffset || b >= areaEnd) && bytes[b] !== CANARY(b)) throw new Error(`${format}@${areaOffset}: byte ${b} outside the area changed`);
          }
        }
      }
    }
  }
  return { accesses: inRange + outOfRange, inRange, outOfRange };
}

const isMain = typeof process !== "undefined" && /bounds-fuzz\.ts$/.test(process.argv[1] ?? "");
if (isMain) {
  const iterations = Number(process.argv[2] ?? 1_000_000);
  const seed = Number(process.argv[3] ?? 1);
  const t0 = performance.now();
  const r = runBoundsFuzz(iterations, seed);
  console.log(`bounds-fuzz: ${r.accesses} accesses (${r.inRange} in range, ${r.outOfRange} out of range), no byte outside the areas changed, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
