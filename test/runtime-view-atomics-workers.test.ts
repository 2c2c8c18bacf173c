/**
 * atomic<T> across real worker threads, on a big-endian format (s390x-linux) so that
 * every operation takes the byte-swapped compare-exchange path. Workers load the built
 * runtime (run `npx tsc -b packages/runtime` first).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { AbiId } from "@typedc/core";
import { bindView } from "../packages/runtime/src/bind.js";
import { atomic, declSet, sc, struct, tableOf } from "./runtime-view-helpers.js";

const dist = fileURLToPath(new URL("../packages/runtime/dist/index.js", import.meta.url));
const script = fileURLToPath(new URL("./workers/runtime-view-atomic-adder.cjs", import.meta.url));
const DECLS = declSet(struct("C", [["hits", atomic(sc("u32"))], ["seq", atomic(sc("i16"))], ["big", atomic(sc("u64"))]]));

describe.skipIf(!existsSync(dist))("atomics across workers", () => {
  for (const format of ["s390x-linux", "x86_64-linux"] as AbiId[]) {
    it(`${format}: 4 workers x 5,000 atomicAdd on three members add up exactly`, async () => {
      const table = tableOf(DECLS, "C", format);
      const size = table.types[table.root]!.byteSize;
      const buffer = new SharedArrayBuffer(64);
      const ctrl = new SharedArrayBuffer(8);
      const increments = 5_000;
      const workers = Array.from({ length: 4 }, () => new Worker(script, { workerData: { buffer, table, byteOffset: 16, increments, ctrl } }));
      const done = workers.map((w) => new Promise((resolve, reject) => {
        w.on("message", resolve);
        w.on("error", reject);
      }));
      const go = new Int32Array(ctrl);
      while (Atomics.load(go, 1) < 4) await new Promise((r) => setTimeout(r, 5));
      Atomics.store(go, 0, 1);
      Atomics.notify(go, 0);
      await Promise.all(done);
      await Promise.all(workers.map((w) => w.terminate()));
      const c = bindView(table, { bytes: new Uint8Array(buffer), byteOffset: 16, byteLength: size });
      expect(c.hits).toBe(4 * increments);
      expect(c.big).toBe(BigInt(4 * increments * 3));
      expect(c.seq).toBe(-20000); // 4 x 5,000 decrements of an i16 from 0: -20000 fits
      const dv = new DataView(buffer);
      expect(dv.getUint32(16, table.endian === "little")).toBe(4 * increments);
    });
  }
});
