/**
 * @typedc/unplugin: typedc for bundlers, on unplugin. Each TypeScript module that uses typed
 * memory (filter.ts) goes through @babel/core with `@typedc/babel-plugin` and
 * `@babel/preset-typescript` before the bundler's own TypeScript handling, so its `__typed`
 * accesses are compiled exactly as the tsc plugin compiles them (docs/babel.md "Bundlers"):
 *
 *   import typedc from "@typedc/unplugin";
 *   export default { plugins: [typedc.vite({ formats: ["x86_64-linux", "wasm32"] })] };   // vite.config.ts
 *   esbuild.build({ plugins: [typedc.esbuild()] });  // also typedc.rollup(), typedc.webpack()
 *
 * A typedc error fails the build with its code frame (`TYPEDnnnn: message`).
 */
import { transformAsync } from "@babel/core";
import typedcBabel from "@typedc/babel-plugin";
import { createUnplugin, type UnpluginInstance } from "unplugin";
import { idPath, isCandidate, RuntimeReach } from "./filter.js";

/** TypedcBundlerOptions are the Babel plugin's options (`formats`, `boundsChecks`, `baseDir`) plus which files to consider. */
export interface TypedcBundlerOptions {
  /** Formats of the emitted type sets (default: all 12). */
  readonly formats?: readonly string[];
  /** Index and area checks on every access (default true). */
  readonly boundsChecks?: boolean;
  /** Directory that source locations in runtime errors are relative to (default: the bundler's working directory). */
  readonly baseDir?: string;
  /** Only module ids that match (default: every TypeScript file outside node_modules that reaches `@typedc/runtime`). */
  readonly include?: RegExp;
  /** Module ids to leave alone. */
  readonly exclude?: RegExp;
}

/** pluginOptionsOf picks the Babel plugin's options (unset keys are left out, so its defaults apply). */
function pluginOptionsOf(options: TypedcBundlerOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (options.formats !== undefined) out.formats = options.formats;
  if (options.boundsChecks !== undefined) out.boundsChecks = options.boundsChecks;
  if (options.baseDir !== undefined) out.baseDir = options.baseDir;
  return out;
}

/** typedc is the unplugin instance: `typedc.vite()`, `.rollup()`, `.esbuild()`, `.webpack()` (and unplugin's other hosts). */
export const typedc: UnpluginInstance<TypedcBundlerOptions | undefined, false> = createUnplugin((raw: TypedcBundlerOptions | undefined) => {
  const options = raw ?? {};
  const reach = new RuntimeReach();
  const pluginOptions = pluginOptionsOf(options);
  return {
    name: "typedc",
    enforce: "pre",
    transformInclude(id: string) {
      const file = idPath(id);
      if (options.exclude?.test(id) === true) return false;
      return options.include !== undefined ? options.include.test(id) : isCandidate(file);
    },
    async transform(code: string, id: string) {
      const file = idPath(id);
      if (options.include === undefined && !reach.reaches(file, code)) return null; // untouched: no typed memory here
      const out = await transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceType: "module",
        sourceMaps: true,
        plugins: [[typedcBabel, pluginOptions]],
        // TypeScript's ES2022 class fields: a declared field stays a field (as tsc emits it).
        presets: [[require.resolve("@babel/preset-typescript"), { allowDeclareFields: true }]],
      });
      if (out?.code == null) return null;
      return { code: out.code, map: out.map ?? null };
    },
  };
});

export default typedc;
export { RuntimeReach, isCandidate } from "./filter.js";
