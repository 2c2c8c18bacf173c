// The app: fills the run queue and reports it. It reads `tasks` imported from ./tasks, so the
// bundler plugin compiles this file too, although it does not import @typedc/runtime's values.
import { readCString, writeCString } from "@typedc/runtime";
import { tasks } from "./tasks";

for (let i = 0; i < tasks.length; i++) {
  tasks[i].pid = 100 + i;
  tasks[i].vruntime = BigInt(i) * 1000n;
  writeCString(tasks[i].comm, `worker-${i}`);
}
tasks[2].vruntime += 5n;

let total = 0n;
for (const t of tasks) total += t.vruntime;
console.log(`${tasks.length} tasks, pid[7] = ${tasks[7].pid}, comm[3] = ${readCString(tasks[3].comm)}, total vruntime = ${total}`);

try {
  const i = tasks.length;
  tasks[i].pid = 1;
} catch (error) {
  console.log((error as Error).message); // names src/main.ts and the access
}
