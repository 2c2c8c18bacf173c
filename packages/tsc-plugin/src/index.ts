/** @typedc/tsc-plugin: the TypeScript front-end (declaration extractor; the transformer comes later). */
export { extractDecls, extractFromFiles } from "./extract.js";
