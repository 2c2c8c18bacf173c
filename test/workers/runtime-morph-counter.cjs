// A worker built for one format: the creator publishes the "Counters" area in its
// format after a delay; attachers wait for it (create: "never" + wait, Atomics.wait),
// morph to the published format, write their mark, read the others', then increment.
const { parentPort, workerData } = require("node:worker_threads");
const rt = require("../../packages/runtime/dist/index.js");
const { barrier } = require("./runtime-barrier.cjs");

const { role, buffer, ctrl, typeSet, format, name, id, attachers, increments, lockedIncrements } = workerData;
const control = new Int32Array(ctrl);
const memory = rt.TypedMemory.from(buffer);

if (role === "creator") {
  Atomics.wait(control, 3, 0, 200); // publish late: the attachers are already waiting
  const opened = rt.__typed.open(name, { memory, type: typeSet, format, create: "always" });
  opened.view.flag = 7;
  parentPort.postMessage({ created: opened.created, format: opened.format });
} else {
  const started = Date.now();
  const opened = rt.__typed.open(name, { memory, type: typeSet, format, create: "never", wait: 10000 });
  const waitedMs = Date.now() - started;
  const view = opened.view;
  view.written[id] = 1000 + id;
  barrier(control, 0, attachers);
  const seen = [];
  for (let i = 0; i < attachers; i++) seen.push(view.written[i]);
  for (let i = 0; i < increments; i++) rt.atomicAdd(view, "hits", 1);
  const mutex = rt.TypedMutex.of(view, "lock");
  for (let i = 0; i < lockedIncrements; i++) {
    mutex.lock();
    view.owner += 1; // c_long: 4 bytes in armv7, 8 in this worker's own format
    view.stamp += 1n;
    mutex.unlock();
  }
  parentPort.postMessage({ created: opened.created, format: opened.format, seen, waitedMs, flag: view.flag, sizeofMine: typeSet[format].types[typeSet[format].root].byteSize });
}
