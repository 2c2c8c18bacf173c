// One of several workers that race to create the same names, round after round.
const { parentPort, workerData } = require("node:worker_threads");
const rt = require("../../packages/runtime/dist/index.js");
const { barrier } = require("./runtime-barrier.cjs");

const { buffer, ctrl, typeSet, format, id, workers, rounds } = workerData;
const control = new Int32Array(ctrl);
const memory = rt.TypedMemory.from(buffer);
const results = [];
for (let round = 0; round < rounds; round++) {
  barrier(control, 0, workers * (round + 1)); // everyone starts the round together
  const opened = rt.__typed.open(`race.${round}`, { memory, type: typeSet, format, create: "if-absent" });
  opened.view.written[id % 8] = round + 1; // the binding works, whoever created it
  results.push([opened.created ? 1 : 0, opened.format]);
}
parentPort.postMessage(results);
