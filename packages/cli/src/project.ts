import { Project, ts } from "ts-morph";
import { checkDecls, Diagnostics, type DeclSet, type Diagnostic, type Result } from "@typedc/core";
import { extractDecls } from "@typedc/tsc-plugin";

type ExtractorTs = Parameters<typeof extractDecls>[0];
type ExtractorProgram = Parameters<typeof extractDecls>[1];

/**
 * COMPILER_OPTIONS are the options the CLI's program is built with: only what
 * the extractor needs to resolve names across modules (ES modules, bundler-style
 * resolution, as the extractor's own `extractFromFiles`); nothing is emitted
 * and no `@types` package is loaded.
 */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/**
 * loadDeclarations builds a ts-morph project over the input files, extracts
 * their `__typed` declarations with the tsc-plugin's extractor (on ts-morph's
 * bundled TypeScript) and validates them with `checkDecls`, so that a DeclSet
 * without error diagnostics can be laid out safely.
 *
 * The extractor reads C types from annotation syntax and user declarations, so
 * a first pass runs without the default library (parsing lib.*.d.ts costs about
 * a second per run). Only a name that pass cannot find may be a library type;
 * then the pass is repeated with the library, so that a field typed `Date` or
 * `Map<K, V>` gets the tsc plugin's "has no C layout" message rather than
 * "Cannot find C type".
 */
export function loadDeclarations(files: readonly string[]): Result<DeclSet> {
  const fast = extractWith(files, false);
  const mayNeedLib = fast.diagnostics.some((d) => d.code === Diagnostics.Cannot_find_C_type_0.code);
  const extracted = mayNeedLib ? extractWith(files, true) : fast;
  // checkDecls validates the type model; after extraction errors the DeclSet is partial, and
  // its findings (unknown names left by a rejected field, …) would only repeat them.
  const checked = hasErrors(extracted.diagnostics) ? [] : checkDecls(extracted.value);
  return { value: extracted.value, diagnostics: [...extracted.diagnostics, ...checked] };
}

// extractWith runs the extractor over a fresh ts-morph project, with or without TypeScript's default library.
function extractWith(files: readonly string[], withDefaultLib: boolean): Result<DeclSet> {
  const project = new Project({
    compilerOptions: { ...COMPILER_OPTIONS, noLib: !withDefaultLib },
    skipAddingFilesFromTsConfig: true,
    skipLoadingLibFiles: !withDefaultLib,
  });
  for (const file of files) project.addSourceFileAtPath(file);
  const program = project.getProgram().compilerObject;
  // ts-morph bundles its own TypeScript (6.0.2): the same API, but declared apart from the
  // `typescript` package's types that the extractor is typed against, so the types are bridged here.
  return extractDecls(ts as unknown as ExtractorTs, program as unknown as ExtractorProgram, files);
}

/** hasErrors tells whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.category === "error");
}
