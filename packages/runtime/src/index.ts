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
export type { Region } from "./region.js";
export { bindView, type BindOptions } from "./bind.js";
export * from "./primitives.js";
export * from "./scalars.js";
export { AccessMessages, type PathLike } from "./checks.js";
export * from "./compiled.js";
export { planOf, arrayPlan, type TablePlan, type TypePlan, type MemberPlan, type ValueShape } from "./view-plan.js";
export { ArrayView } from "./view-array.js";
export type { Strategy } from "./view-state.js";
export * from "./sizeof.js";
export { toPlain, assign, copy } from "./convert.js";
export * from "./strings.js";
export * from "./atomics.js";
export { OpaquePointer } from "./pointer.js";
export { at, type AtOptions, type AtTarget } from "./at.js";
export * from "./load.js";
export * from "./compiled-ref.js";
export * from "./compiled-path.js";
export * from "./compiled-ops.js";
