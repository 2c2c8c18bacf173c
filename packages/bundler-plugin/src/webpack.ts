/**
 * webpack: typedc runs as a pre-loader of its own (webpack-loader.ts) rather than through
 * unplugin's transform loader. unplugin 2.3.11's loader forwards a transform's source map only
 * when an earlier loader produced one, and typedc, a pre-loader, is normally the first: its map
 * was dropped, and the bundle's source map then pointed into typedc's output instead of the
 * .ts source (a stack frame in main.ts line 6 showed as line 35). The same defect is open
 * upstream as unplugin issue #616.
 */
import { resolve } from "node:path";
import type { WebpackCompiler } from "unplugin";
import type { TypedcCompiler } from "./compile.js";

/**
 * LOADER is the built loader. The path goes through ../dist so that it names the compiled file
 * both from dist/ and when this module runs from its TypeScript source (the repository's tests):
 * webpack `require`s loaders by path, outside any TypeScript loader.
 */
const LOADER = resolve(__dirname, "..", "dist", "webpack-loader.js");

/** TypedcLoaderOptions is what the rule hands the loader: the plugin instance's compile step (webpack keeps options objects in memory). */
export interface TypedcLoaderOptions {
  readonly compiler: TypedcCompiler;
}

/** addTypedcLoader makes every module the compiler selects go through the typedc loader before the configured loaders (`enforce: "pre"`). */
export function addTypedcLoader(webpack: WebpackCompiler, compiler: TypedcCompiler): void {
  const options: TypedcLoaderOptions = { compiler };
  webpack.options.module.rules.unshift({
    enforce: "pre",
    use: (data: { resource?: string; resourceQuery?: string }) =>
      data.resource != null && compiler.selects(data.resource + (data.resourceQuery ?? "")) ? [{ loader: LOADER, options, ident: "typedc" }] : [],
  });
}
