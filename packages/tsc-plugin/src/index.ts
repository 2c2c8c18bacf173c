/** @typedc/tsc-plugin: the TypeScript front-end: declaration extractor and `__typed` transformer. */
export { extractDecls, extractFromFiles } from "./extract.js";
export { typedTransformer, tspPlugin, type TypedTransformerFactory, type TypedTransformerOptions, type TspExtras } from "./plugin.js";
export { transformFiles, type TransformFilesInput, type TransformFilesResult, type EmittedFile } from "./transform-files.js";
export type { TransformOptions } from "./options.js";
export { tscCodeOf, toTsDiagnostic } from "./report.js";
import { tspPlugin } from "./plugin.js";
/** The default export is what ts-patch calls: `(program, pluginConfig, { ts, addDiagnostic }) => TransformerFactory`. */
export default tspPlugin;
