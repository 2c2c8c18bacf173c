// Worker for test/runtime-view-atomics-workers.test.ts: binds the shared area with the
// built runtime and adds to atomic members with atomicAdd (compare-exchange loops).
const { workerData, parentPort } = require("node:worker_threads");
const { bindView, atomicAdd } = require("../../packages/runtime/dist/index.js");

const { buffer, table, byteOffset, increments, ctrl } = workerData;
const view = bindView(table, { bytes: new Uint8Array(buffer), byteOffset, byteLength: table.types[table.root].byteSize });
const go = new Int32Array(ctrl);
Atomics.add(go, 1, 1);
Atomics.wait(go, 0, 0); // start together, to contend
for (let i = 0; i < increments; i++) {
  atomicAdd(view, "hits", 1);
  atomicAdd(view, "big", 3n);
  atomicAdd(view, "seq", -1);
}
parentPort.postMessage({ done: true });
