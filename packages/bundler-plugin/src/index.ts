/**
 * @typedc/unplugin: typedc for bundlers, on unplugin. Each TypeScript module that uses typed
 * memory (filter.ts) goes through @babel/core with `@typedc/babel-plugin` and
 * `@babel/preset-typescript` (compile.ts) before the bundler's own TypeScript handling, so its
 * `__typed` accesses are compiled exactly as the tsc plugin compiles them (docs/babel.md "Bundlers"):
 *
 *   import typedc from "@typedc/unplugin";
 *   export default { plugins: [typedc.vite({ formats: ["x86_64-linux", "wasm32"] })] };   // vite.config.ts
 *   esbuild.build({ plugins: [typedc.esbuild()] });  // also typedc.rollup(), typedc.webpack()
 *
 * A typedc error fails the build with its code frame (`TYPEDnnnn: message`).
 */
import { createUnplugin, type UnpluginInstance } from "unplugin";
import { createCompiler, type TypedcBundlerOptions } from "./compile.js";
import { addTypedcLoader } from "./webpack.js";

/** typedc is the unplugin instance: `typedc.vite()`, `.rollup()`, `.esbuild()`, `.webpack()` (and unplugin's other hosts). */
export const typedc: UnpluginInstance<TypedcBundlerOptions | undefined, false> = createUnplugin((raw: TypedcBundlerOptions | undefined, meta) => {
  const compiler = createCompiler(raw ?? {});
  // webpack gets typedc's own loader, which keeps the source map (webpack.ts says why).
  if (meta.framework === "webpack") return { name: "typedc", enforce: "pre", webpack: (webpack) => addTypedcLoader(webpack, compiler) };
  return {
    name: "typedc",
    enforce: "pre",
    transformInclude: (id: string) => compiler.selects(id),
    transform: (code: string, id: string) => compiler.compile(code, id),
  };
});

export default typedc;
export type { TypedcBundlerOptions } from "./compile.js";
export { RuntimeReach, isCandidate } from "./filter.js";
