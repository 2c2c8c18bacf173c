/** @typedc/cli: the `typedc` command (bin: dist/main.js) and its building blocks, for embedding and tests. */
export { run } from "./cli.js";
export type { CliIo, OutStream } from "./io.js";
export { EXIT_CODES, type ExitCode } from "./exit-codes.js";
export { hostAbi, HOST_ABIS, FALLBACK_HOST_ABI } from "./host-abi.js";
export { parseFormatList } from "./format-arg.js";
export { findInputFiles } from "./inputs.js";
export { loadDeclarations } from "./project.js";
export { paholeText } from "./text/pahole.js";
export { sideBySideText, type FormatLayout } from "./text/side-by-side.js";
export { summarizeRecord, CACHELINE_BYTES, type RecordSummary, type Gap } from "./text/holes.js";
export { overheadReport, type OverheadReport, type OverheadEntry, type NativeCost, type TypeSizes } from "./overhead.js";
export { measureOverhead } from "./commands/overhead.js";
export { formatRowOf, type FormatRow } from "./text/formats-table.js";
