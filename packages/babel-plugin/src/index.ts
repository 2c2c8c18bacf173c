/** @typedc/babel-plugin: the Babel front-end (declaration extractor and the plugin that reports its errors). */
export { extractDeclsBabel, type ExtractOptions } from "./extract.js";
