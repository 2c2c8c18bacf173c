// A worker that allocates and frees objects of a shared typedCache, checking that no
// object it holds is handed to anyone else meanwhile (its marks stay intact).
const { parentPort, workerData } = require("node:worker_threads");
const rt = require("../../packages/runtime/dist/index.js");

const { buffer, typeSet, format, id, rounds, batch } = workerData;
const memory = rt.TypedMemory.from(buffer);
const cache = rt.typedCache("slab", { memory, type: typeSet, format, create: "never", wait: 5000 });
let allocations = 0;
let violations = 0;
for (let round = 0; round < rounds; round++) {
  const held = [];
  for (let k = 0; k < batch; k++) {
    const object = cache.alloc();
    allocations++;
    if (object.owner !== 0 || object.written[0] !== 0) violations++; // alloc zeroes
    object.owner = id * 100000 + k;
    object.written[0] = id + 1;
    held.push(object);
  }
  const slots = new Set(held.map((o) => cache.indexOf(o)));
  if (slots.size !== batch) violations++;
  for (let k = 0; k < batch; k++) {
    const object = held[k];
    if (object.owner !== id * 100000 + k || object.written[0] !== id + 1) violations++;
    cache.free(object);
  }
}
parentPort.postMessage({ allocations, violations, format: cache.format });
