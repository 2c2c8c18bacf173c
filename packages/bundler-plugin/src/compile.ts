/**
 * The typedc compile step every bundler host shares: which module ids to consider, and the
 * Babel transform (the typedc plugin plus preset-typescript) of those that reach the runtime.
 */
import { transformAsync, type BabelFileResult, type TransformOptions } from "@babel/core";
import typedcBabel from "@typedc/babel-plugin";
import { idPath, isCandidate, RuntimeReach } from "./filter.js";

/** TypedcBundlerOptions are the Babel plugin's options (docs/babel.md "Usage") plus which files to consider. */
export interface TypedcBundlerOptions {
  /** Formats of the emitted type sets (default: all 12). */
  readonly formats?: readonly string[];
  /** Index and area checks on every access (default true). */
  readonly boundsChecks?: boolean;
  /** Directory that source locations in runtime errors are relative to (default: the bundler's working directory). */
  readonly baseDir?: string;
  /** Formats whose layouts versioned loops get a precompiled copy for (default none). */
  readonly precompile?: readonly string[];
  /** Versioned loops (default true); false compiles every loop once. */
  readonly versionLoops?: boolean;
  /** Only module ids that match (default: every TypeScript file outside node_modules that reaches `@typedc/runtime`). */
  readonly include?: RegExp;
  /** Module ids to leave alone. */
  readonly exclude?: RegExp;
}

/** SourceMap is a source map as Babel reads it (`inputSourceMap`). */
export type SourceMap = NonNullable<TransformOptions["inputSourceMap"]>;

/** CompiledModule is a module's code after typedc, with the source map from the code typedc was given. */
export interface CompiledModule {
  readonly code: string;
  readonly map: BabelFileResult["map"];
}

/** TypedcCompiler is one build's compile step (its RuntimeReach cache lives as long as the plugin instance). */
export interface TypedcCompiler {
  /** selects tells whether a module id is worth handing to `compile` (a TypeScript source, include/exclude applied). */
  selects(id: string): boolean;
  /**
   * compile returns the module compiled by typedc, or null when it does not reach the runtime.
   * `inputMap` is the source map of `code` when a tool already changed it (webpack's earlier
   * loaders); the returned map then goes back to that tool's input.
   */
  compile(code: string, id: string, inputMap?: SourceMap): Promise<CompiledModule | null>;
}

/** BUNDLER_ONLY_KEYS are the options that choose files; every other one is the Babel plugin's. */
const BUNDLER_ONLY_KEYS: ReadonlySet<string> = new Set(["include", "exclude"]);

/**
 * pluginOptionsOf is the Babel plugin's share of the options: every key but include/exclude
 * (unset keys are left out, so its defaults apply). All of them go through, so the plugin
 * checks them (an unknown or misspelt option is its 2501-2503, not silently dropped).
 */
function pluginOptionsOf(options: TypedcBundlerOptions): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([key, value]) => !BUNDLER_ONLY_KEYS.has(key) && value !== undefined));
}

/** createCompiler makes the compile step for one plugin instance. */
export function createCompiler(options: TypedcBundlerOptions): TypedcCompiler {
  const reach = new RuntimeReach();
  const pluginOptions = pluginOptionsOf(options);
  return {
    selects(id) {
      if (options.exclude?.test(id) === true) return false;
      return options.include !== undefined ? options.include.test(id) : isCandidate(idPath(id));
    },
    async compile(code, id, inputMap) {
      const file = idPath(id);
      if (options.include === undefined && !reach.reaches(file, code)) return null; // untouched: no typed memory here
      const out = await transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceType: "module",
        sourceMaps: true,
        sourceFileName: file,
        // The bundler prints the message where it likes (a terminal, a log file, Vite's browser
        // overlay): a plain code frame reads the same everywhere. Babel would colour it whenever
        // its colour check passes, which CI=true alone does.
        highlightCode: false,
        ...(inputMap !== undefined ? { inputSourceMap: inputMap } : {}),
        plugins: [[typedcBabel, pluginOptions]],
        // TypeScript's ES2022 class fields: a declared field stays a field (as tsc emits it).
        presets: [[require.resolve("@babel/preset-typescript"), { allowDeclareFields: true }]],
      });
      if (out?.code == null) return null;
      return { code: out.code, map: out.map ?? null };
    },
  };
}
