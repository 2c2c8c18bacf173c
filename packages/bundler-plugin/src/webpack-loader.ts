/**
 * The webpack loader of @typedc/unplugin (installed by webpack.ts): the module compiled by typedc,
 * with its source map passed on (composed with an earlier loader's map, if any). A typedc
 * diagnostic fails the module with Babel's message (file, `TYPEDnnnn: message`, code frame)
 * and no JavaScript stack: webpack prints the stack of a loader error unless it is hidden.
 */
import type { SourceMap } from "./compile.js";
import type { TypedcLoaderOptions } from "./webpack.js";

/** LoaderContext is the part of webpack's loader context used here. */
interface LoaderContext {
  readonly resource: string;
  async(): (error: Error | null, code?: string, map?: object | string | null) => void;
  getOptions(): TypedcLoaderOptions;
}

/** TYPED_DIAGNOSTIC finds typedc's `TYPEDnnnn:` in a message: an error in the user's code, not in typedc. */
const TYPED_DIAGNOSTIC = /\bTYPED\d{4}:/;

export default function typedcLoader(this: LoaderContext, source: string, map?: object | string | null): void {
  const done = this.async();
  const inputMap = typeof map === "string" ? (JSON.parse(map) as SourceMap) : ((map as SourceMap | null | undefined) ?? undefined);
  this.getOptions()
    .compiler.compile(source, this.resource, inputMap)
    .then(
      (out) => (out === null ? done(null, source, map) : done(null, out.code, out.map)),
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (TYPED_DIAGNOSTIC.test(failure.message)) Object.assign(failure, { hideStack: true });
        done(failure);
      },
    );
}
