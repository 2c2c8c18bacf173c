/**
 * w4-worker: the worker side of W4. Each round it applies W2's update to every
 * record and answers: in place in typed shared memory, on its own plain objects
 * that it then posts (structured clone), or on an ArrayBuffer it received and
 * transfers back.
 */
import { parentPort } from "node:worker_threads";
import { TypedMemory, __typed } from "@typedc/runtime";
import type { TypeSet } from "@typedc/core";
import { makeObjects } from "./impls/plain-objects.js";
import { compiledLoops, loadCheckedModule } from "./compiled.js";

/** W4Setup is the first message: the mode and what it needs. */
export interface W4Setup {
  readonly mode: "typedc-shared-memory" | "postmessage-objects" | "transfer-arraybuffer";
  readonly n: number;
  readonly types: TypeSet;
  /** typedc-shared-memory: the memory's buffer. */
  readonly buffer?: SharedArrayBuffer;
  /** The transformer's module the main thread runs (compiled.ts), so both threads run the same code. */
  readonly compiledFile?: string;
}

const port = parentPort!;

port.once("message", (setup: W4Setup) => {
  const { n } = setup;
  if (setup.compiledFile !== undefined) loadCheckedModule(setup.compiledFile);
  const update = compiledLoops(true).update;
  if (setup.mode === "typedc-shared-memory") {
    const memory = TypedMemory.from(setup.buffer!);
    const recs = __typed("w4.recs", { memory, type: setup.types, format: "x86_64-linux", create: "never" });
    port.on("message", () => {
      update(recs, n);
      port.postMessage("done");
    });
  } else if (setup.mode === "postmessage-objects") {
    const objs = makeObjects(n);
    port.on("message", () => {
      for (let i = 0; i < n; i++) {
        const o = objs[i]!;
        o.a += 1;
        o.d += 1n;
        o.e[2] = i & 0xffff;
      }
      port.postMessage(objs);
    });
  } else {
    port.on("message", (buffer: ArrayBuffer) => {
      const recs = __typed.at(buffer, 0, { type: setup.types, format: "x86_64-linux", count: n, name: "recs" });
      update(recs, n);
      port.postMessage(buffer, [buffer]);
    });
  }
  port.postMessage("ready");
});
