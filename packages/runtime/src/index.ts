/** @typedc/runtime: typed shared memory, format morphing, bounds-checked accessors. */
export type * from "./ctypes.js";
export * from "./errors.js";
