import type * as TS from "typescript";
import { Diagnostics, createDiagnostic, type DeclSet, type Diagnostic, type NamedType, type Result } from "@typedc/core";
import { newContext, type ExtractContext, type UserDecl } from "./extract-context.js";
import { findCandidates } from "./extract-candidates.js";
import { canonicalDecl, convertDecl } from "./extract-decl.js";
import { isRuntimeFile } from "./extract-runtime-file.js";

/**
 * extractDecls finds every typed declaration (SPEC §2) in the root files of a program and
 * everything they reach in other modules, and maps them to the C type IR.
 *
 * Which declarations count — so that a file of plain TypeScript interfaces yields no diagnostics:
 * 1. an interface or type alias of a root file that names a C type of `@typedc/runtime` where it
 *    would take part in a layout (not inside `__typed<...>`, function types, methods or other
 *    signatures) is a struct candidate;
 * 2. every interface, alias or enum that a candidate references (by value or through `ptr<>`),
 *    in any module, is a candidate (interfaces and aliases of default or external libraries only
 *    if they name C types themselves; otherwise the reference is reported at the field);
 * 3. a root declaration that converts without a single diagnostic and refers only to candidates
 *    (`type T = Task`, `interface Pair { a: Task; b: Task }`) is a candidate too, silently, when one
 *    of them is not an enum or its file has a rule-1 candidate (a "typed file"); so is an enum of
 *    integer constants in a typed file. A plain TypeScript file thus contributes nothing.
 * Every field of a candidate must have a C layout; anything else is a diagnostic at the field.
 *
 * `ts` is the TypeScript module the caller uses (the user's, or ts-morph's bundled one): C types
 * are read from annotation syntax, never from the checker's computed types (`type i32 = number`
 * would be lost there). Names are unique in the result: a later declaration with a name already
 * taken is qualified `Name$2`, `Name$3`, … (root files first, in order; then program order).
 */
export function extractDecls(ts: typeof TS, program: TS.Program, rootFiles?: readonly string[]): Result<DeclSet> {
  const checker = program.getTypeChecker();
  const runtimeFiles = new Map<string, boolean>();
  const isForeignFile = (file: TS.SourceFile): boolean =>
    program.isSourceFileDefaultLibrary(file) || program.isSourceFileFromExternalLibrary(file);
  const contextWith = (nameOf: (decl: UserDecl) => string): ExtractContext =>
    newContext(ts, checker, nameOf, runtimeFiles, isForeignFile);
  const probe = contextWith((d) => d.name.text);
  const roots = rootSourceFiles(program, rootFiles, (file) => isForeignFile(file) || isRuntimeFile(probe, file.fileName));
  const candidates = findCandidates(ts, roots, program.getSourceFiles(), () => contextWith((d) => d.name.text));
  const names = assignNames(candidates);
  const ctx = contextWith((decl) => {
    const name = names.get(canonicalDecl(probe, decl));
    if (name === undefined) throw new Error(`assert: '${decl.name.text}' was referenced but is not a candidate`);
    return name;
  });
  const types: Record<string, NamedType> = {};
  for (const decl of candidates) {
    const name = names.get(decl)!;
    const named = convertDecl(ctx, decl, name);
    if (named !== undefined) types[name] = named;
  }
  const files = new Set<TS.SourceFile>([...roots, ...candidates.map((d) => d.getSourceFile())]);
  const diagnostics = [...syntaxDiagnostics(ts, program, [...files]), ...ctx.diagnostics];
  return { value: { types }, diagnostics };
}

/** defaultOptions are the compiler options `extractFromFiles` uses unless told otherwise (ES modules, bundler-style resolution, no `@types`). */
function defaultOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts"], // no DOM: declarations need none, and it is the largest library file
  };
}

/** extractFromFiles creates a Program over some files (for the CLI, the oracle and tests) and extracts their declarations. */
export function extractFromFiles(ts: typeof TS, fileNames: string[], options?: TS.CompilerOptions): Result<DeclSet> {
  const program = ts.createProgram({ rootNames: fileNames, options: { ...defaultOptions(ts), ...options } });
  return extractDecls(ts, program, fileNames);
}

/**
 * rootSourceFiles is the files to search: the ones named (an assert throws when one is not in
 * the program), or else every non-declaration file of the program that is not a library's.
 */
function rootSourceFiles(program: TS.Program, rootFiles: readonly string[] | undefined, isLibrary: (f: TS.SourceFile) => boolean): TS.SourceFile[] {
  if (rootFiles === undefined) return program.getSourceFiles().filter((f) => !f.isDeclarationFile && !isLibrary(f));
  return rootFiles.map((name) => {
    const file = program.getSourceFile(name);
    if (file === undefined) throw new Error(`assert: root file '${name}' is not in the program`);
    return file;
  });
}

/** assignNames gives each declaration its DeclSet name: the declared one, or `Name$k` when taken (ctype.ts). */
function assignNames(decls: readonly UserDecl[]): Map<UserDecl, string> {
  const names = new Map<UserDecl, string>();
  const taken = new Set<string>();
  for (const decl of decls) {
    const base = decl.name.text;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}$${k}`;
    taken.add(name);
    names.set(decl, name);
  }
  return names;
}

/** syntaxDiagnostics reports the parser's own errors (code 1005, its message and location); extraction still goes on. */
function syntaxDiagnostics(ts: typeof TS, program: TS.Program, files: readonly TS.SourceFile[]): Diagnostic[] {
  return files.flatMap((file) =>
    program.getSyntacticDiagnostics(file).map((d) =>
      createDiagnostic(Diagnostics._0, [ts.flattenDiagnosticMessageText(d.messageText, "\n")], {
        file: file.fileName,
        start: d.start ?? 0,
        length: d.length ?? 0,
      }),
    ),
  );
}
