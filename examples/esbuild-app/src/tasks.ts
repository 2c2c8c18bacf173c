// The typed area: one run queue of tasks in shared memory, in the s390x (big-endian) format,
// whatever the machine this runs on (the compiled accesses read the area's own format).
import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, u64, c_char, array } from "@typedc/runtime";

export interface Task { pid: i32; vruntime: u64; comm: array<c_char, 16> }

export const memory = TypedMemory.create({ bytes: 1 << 16 });
export const tasks: __typed<array<Task, 8>> = __typed("app.tasks", { memory, format: "s390x-linux" });
