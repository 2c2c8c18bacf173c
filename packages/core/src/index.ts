/**
 * @typedc/core: the C type model, per-ABI layouts, type tables and diagnostics.
 * No dependency on `typescript` or `@babel/*`; safe to load in browsers.
 */
export * from "./ir/ctype.js";
export * from "./abi/ids.js";
export type * from "./abi/spec.js";
export type * from "./layout/types.js";
export type * from "./tables/schema.js";
export type * from "./diagnostics/types.js";
export * from "./diagnostics/messages.generated.js";
export type * from "./diagnostics/message.js";
export * from "./diagnostics/create.js";
export * from "./diagnostics/position.js";
export * from "./diagnostics/format.js";
export * from "./abi/abis.js";
export * from "./abi/datalayout.js";
export * from "./abi/unified.js";
export * from "./layout/index.js";
export * from "./ir/print.js";
export * from "./layout/json.js";
export * from "./tables/build.js";
export * from "./tables/builder.js";
export * from "./tables/encode.js";
export * from "./tables/decode.js";
export { TableDecodeError } from "./tables/bytes.js";
export * from "./tables/hash.js";
export * from "./tables/json.js";
export { TableFormatError, validateTable } from "./tables/validate.js";
export * from "./tables/freeze.js";
export * from "./ir/check.js";
export * from "./ir/decl-subset.js";
export * from "./compat/check.js";
export type * from "./compat/verdict.js";
export * from "./plan/index.js";
export * from "./extract/index.js";
