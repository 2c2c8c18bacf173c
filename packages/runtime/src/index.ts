/** @typedc/runtime: typed shared memory, format morphing, bounds-checked accessors. */
export type * from "./ctypes.js";
export * from "./errors.js";
export * from "./memory.js";
export * from "./attach.js";
export { __typed } from "./attach.js"; // value and type (the type re-exported from ctypes.ts)
export type { CreateMode, OpenOptions } from "./attach-steps.js";
export * from "./cache.js";
export * from "./lock.js";
export * from "./policy.js";
