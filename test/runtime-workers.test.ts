/**
 * typed shared memory across real worker_threads and SharedArrayBuffers. Workers load
 * the built runtime (packages/runtime/dist: run `npx tsc -b packages/runtime` first);
 * this thread uses the sources, so both builds must agree on the directory format.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, test } from "vitest";

import { abiSpec } from "@typedc/core";
import { TypedMemory, __typed, typedCache } from "@typedc/runtime";
import * as layoutEngine from "../packages/core/src/layout/index.ts";
import { COUNTERS, COUNTERS_ARMV7_CLANG as CLANG, typeSetOf } from "./runtime-memory-helpers.ts";

const counters = typeSetOf(COUNTERS, "Counters");
const dist = fileURLToPath(new URL("../packages/runtime/dist/index.js", import.meta.url));
const script = (file: string) => fileURLToPath(new URL(`./workers/${file}`, import.meta.url));

// run starts a worker and resolves with its one message (rejects on error or a non-zero exit).
function run<T>(file: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script(file), { workerData });
    let result: T | undefined;
    worker.on("message", (m: T) => (result = m));
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 && result !== undefined ? resolve(result) : reject(new Error(`${file} exited with ${code}`))));
  });
}

beforeAll(() => {
  if (!existsSync(dist)) throw new Error("build the runtime first: npx tsc -b packages/runtime");
});

describe("workers in four formats share an armv7 area", () => {
  test("each morphs, sees the others' writes, and 40,000 atomic increments add up exactly", async () => {
    const memory = TypedMemory.create({ bytes: 1 << 20 });
    const ctrl = new SharedArrayBuffer(16);
    const formats = ["x86_64-linux", "i386-linux", "s390x-linux", "x86_64-windows"] as const;
    const increments = 10_000;
    const lockedIncrements = 2_000;
    const common = { buffer: memory.buffer, ctrl, typeSet: counters, name: "counters", attachers: formats.length, increments, lockedIncrements };
    const attachers = formats.map((format, id) => run<any>("runtime-morph-counter.cjs", { ...common, role: "attacher", format, id }));
    const creator = run<any>("runtime-morph-counter.cjs", { ...common, role: "creator", format: "armv7-linux", id: -1 });
    const [made, ...attached] = await Promise.all([creator, ...attachers]);

    expect(made).toEqual({ created: true, format: "armv7-linux" });
    const sizes = new Set(attached.map((a) => a.sizeofMine));
    expect(sizes.size).toBeGreaterThan(1); // the attachers really are built for different layouts
    attached.forEach((a, id) => {
      expect(a.created, formats[id]).toBe(false);
      expect(a.format).toBe("armv7-linux");
      expect(a.flag).toBe(7);
      expect(a.seen).toEqual(formats.map((_, j) => 1000 + j));
    });
    expect(Math.max(...attached.map((a) => a.waitedMs))).toBeGreaterThanOrEqual(100); // they waited for the late creator

    const view = __typed("counters", { memory, type: counters, format: "aarch64-linux", create: "never" });
    expect(view.hits).toBe(formats.length * increments);
    expect(view.owner).toBe(formats.length * lockedIncrements);
    expect(view.stamp).toBe(BigInt(formats.length * lockedIncrements));
    expect(view.lock).toBe(0);

    // The bytes are armv7's layout: clang's (COUNTERS_ARMV7_CLANG), which the layout engine agrees with.
    const area = memory.query("counters")!;
    const layout = layoutEngine.layoutOf(COUNTERS, "Counters", abiSpec("armv7-linux"));
    for (const f of layout.fields) expect(f.byteOffset, f.name).toBe(CLANG[f.name as keyof typeof CLANG]);
    const offset = (name: keyof typeof CLANG) => CLANG[name];
    const data = new DataView(memory.buffer, area.byteOffset, area.byteLength);
    expect(area.byteLength).toBe(CLANG.byteSize);
    expect(data.getInt32(offset("hits"), true)).toBe(formats.length * increments);
    expect(data.getInt32(offset("owner"), true)).toBe(formats.length * lockedIncrements);
    expect(data.getBigInt64(offset("stamp"), true)).toBe(BigInt(formats.length * lockedIncrements));
    expect(data.getUint8(offset("flag"))).toBe(7);
    formats.forEach((_, j) => expect(data.getInt32(offset("written") + 4 * j, true)).toBe(1000 + j));
  });
});

describe("racing creators", () => {
  test("8 workers race to create 200 names: exactly one creator each time, everyone sees its format", async () => {
    const rounds = 200;
    const workers = 8;
    const memory = TypedMemory.create({ bytes: 8 << 20, entryCapacity: 256, tableRegionByteLength: 512 * 1024 });
    const ctrl = new SharedArrayBuffer(16);
    const formats = ["x86_64-linux", "aarch64-linux", "i386-linux", "armv7-linux", "riscv64-linux", "x86_64-windows", "s390x-linux", "mips-linux"] as const;
    const results = await Promise.all(
      formats.map((format, id) => run<[number, string][]>("runtime-race-create.cjs", { buffer: memory.buffer, ctrl, typeSet: counters, format, id, workers, rounds })),
    );
    const winners = new Map<string, number>();
    for (let round = 0; round < rounds; round++) {
      const creators = results.filter((r) => r[round]![0] === 1).length;
      expect(creators, `round ${round}`).toBe(1);
      const winner = formats[results.findIndex((r) => r[round]![0] === 1)]!;
      winners.set(winner, (winners.get(winner) ?? 0) + 1);
      for (const r of results) expect(r[round]![1]).toBe(winner);
      const published = memory.query(`race.${round}`)!;
      expect(published.format).toBe(winner);
      const view = __typed(`race.${round}`, { memory, type: counters, create: "never" });
      expect([...view.written]).toEqual(formats.map(() => round + 1));
    }
    expect(memory.names()).toHaveLength(rounds);
  });
});

describe("typedCache from four workers", () => {
  test("alloc/free concurrently: no object handed out twice, all freed at the end", async () => {
    const memory = TypedMemory.create({ bytes: 1 << 20 });
    const batch = 8;
    const cache = typedCache("slab", { memory, type: counters, format: "armv7-linux", capacity: 4 * batch });
    const formats = ["x86_64-linux", "i386-linux", "s390x-linux", "armv7-linux"] as const;
    const rounds = 400;
    const results = await Promise.all(
      formats.map((format, id) => run<any>("runtime-cache-churn.cjs", { buffer: memory.buffer, typeSet: counters, format, id, rounds, batch })),
    );
    for (const r of results) {
      expect(r.violations).toBe(0);
      expect(r.allocations).toBe(rounds * batch);
      expect(r.format).toBe("armv7-linux");
    }
    expect(cache.inUse).toBe(0);
    // The free list is whole: every object can be allocated once more, each once.
    const all = Array.from({ length: cache.capacity }, () => cache.alloc());
    expect(new Set(all.map((o) => cache.indexOf(o))).size).toBe(cache.capacity);
    expect(() => cache.alloc()).toThrow(/exhausted/);
  });
});
