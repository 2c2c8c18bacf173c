/** @typedc/babel-plugin: the Babel front-end (declaration extractor and the plugin that reports its errors). */
import { typedcBabelPlugin } from "./plugin.js";

export default typedcBabelPlugin;
export { extractDeclsBabel, type ExtractOptions } from "./extract.js";
export { typedcBabelPlugin, declarationDiagnostics, type TypedcMetadata } from "./plugin.js";
export { messageOf } from "./plugin-report.js";
