/** core/plan: front-end-neutral access planning for compiled `__typed` code (docs/compiler.md). */
export * from "./types.js";
export * from "./access.js";
export * from "./value.js";
export * from "./spell.js";
export { resolveType, recordOfType, findMember, isEnumType } from "./resolve.js";
export * from "./options.js";
export * from "./lowering.js";
export * from "./hop-layout.js";
export * from "./precompile.js";
export * from "./loop-copies.js";
