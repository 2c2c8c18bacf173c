import type { DeclSet, Diagnostic, NamedType, Result } from "@typedc/core";
import type { UserDecl } from "./extract-ast.js";
import { findCandidates } from "./extract-candidates.js";
import { newContext, type ExtractContext } from "./extract-context.js";
import { canonicalDecl, convertDecl } from "./extract-decl.js";
import { EnumEvaluator } from "./extract-enum.js";
import { BabelProgram, type ProgramOptions } from "./extract-program.js";
import type { ModuleFile } from "./extract-module.js";
import { isDeclarationFile } from "./extract-parse.js";

/** ExtractOptions are the file system hooks of `extractDeclsBabel` (default: Node's file system and TypeScript-like resolution). */
export type ExtractOptions = ProgramOptions;

/**
 * extractDeclsBabel finds every typed declaration (SPEC §2) of a file and everything it reaches
 * in other modules, reading them with @babel/parser, and maps them to the C type IR: the same
 * DeclSet and diagnostics as the TS extractor's `extractFromFiles(ts, [entryFile])`, by the same
 * rules (docs/babel.md lists where the two differ). Files are parsed once per content.
 */
export function extractDeclsBabel(entryFile: string, options: ExtractOptions = {}): Result<DeclSet> {
  return extractWithContext(entryFile, options).result;
}

/** Extraction is a DeclSet with what converted it: the modules read and a context naming declarations as the DeclSet does (for `__typed<T>` annotations). */
export interface Extraction {
  readonly result: Result<DeclSet>;
  readonly program: BabelProgram;
  /** The root file's module (undefined when it did not parse). */
  readonly root: ModuleFile | undefined;
  /** A fresh context whose nameOf gives DeclSet names, or a declaration's own name when it is no candidate, as the tsc plugin's annotation context names it (its diagnostics start empty). */
  readonly context: () => ExtractContext;
}

/** extractWithContext is extractDeclsBabel that also returns its modules and naming (the plugin's code generation converts annotations with them). */
export function extractWithContext(entryFile: string, options: ExtractOptions = {}, allModulesAsRoots = false): Extraction {
  const program = new BabelProgram(options);
  const root = program.load(entryFile);
  const rootError = program.syntaxErrors.get(entryFile);
  if (root === undefined) {
    if (rootError !== undefined) return { result: { value: { types: {} }, diagnostics: [rootError] }, program, root, context: () => newContext(program, new EnumEvaluator(program), (d) => d.id.name) };
    throw new Error(`assert: root file '${entryFile}' cannot be read`);
  }
  const enums = new EnumEvaluator(program);
  const contextWith = (nameOf: (decl: UserDecl) => string): ExtractContext => newContext(program, enums, nameOf);
  // The code generator also searches the modules the file imports from (and the modules they re-export from): an
  // imported `__typed<Task>` binding needs its exporter's Task. extractDeclsBabel searches the file only.
  const roots = allModulesAsRoots ? importedRoots(program, root) : [root];
  const candidates = findCandidates(program, roots, () => contextWith((d) => d.id.name));
  const names = assignNames(candidates);
  const nameOf = (decl: UserDecl): string => {
    const name = names.get(canonicalDecl(program, decl));
    if (name === undefined) throw new Error(`assert: '${decl.id.name}' was referenced but is not a candidate`);
    return name;
  };
  const ctx = contextWith(nameOf);
  const types: Record<string, NamedType> = {};
  for (const decl of candidates) {
    const name = names.get(decl)!;
    const named = convertDecl(ctx, decl, name);
    if (named !== undefined) types[name] = named;
  }
  // Syntax errors first, as the TS extractor orders them: of the files the declarations come from.
  const syntax = [...program.reportedSyntaxErrors].map((file) => program.syntaxErrors.get(file)!);
  const diagnostics: Diagnostic[] = [...syntax, ...ctx.diagnostics];
  return { result: { value: { types }, diagnostics }, program, root, context: () => contextWith((decl) => names.get(canonicalDecl(program, decl)) ?? decl.id.name) };
}

/** assignNames gives each declaration its DeclSet name: the declared one, or `Name$k` when taken (ctype.ts). */
function assignNames(decls: readonly UserDecl[]): Map<UserDecl, string> {
  const names = new Map<UserDecl, string>();
  const taken = new Set<string>();
  for (const decl of decls) {
    const base = decl.id.name;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}$${k}`;
    taken.add(name);
    names.set(decl, name);
  }
  return names;
}

/**
 * importedRoots is the file and the source modules its bindings can come from: the modules it
 * imports from, and those they re-export from (`export { a } from`, `export *`), in program order.
 * (The tsc plugin searches every file of its program; a file's own compile needs only these.)
 */
function importedRoots(program: BabelProgram, root: ModuleFile): ModuleFile[] {
  const found = new Set<ModuleFile>([root]);
  const visit = (file: ModuleFile, specifiers: readonly string[]): void => {
    for (const specifier of specifiers) {
      const target = program.moduleOf(file, specifier);
      if (target === undefined || found.has(target) || target.foreign || isDeclarationFile(target.source.fileName)) continue;
      found.add(target);
      const reexports = [...target.exports.values()].flatMap((e) => (e.kind === "reexport" ? [e.module] : []));
      visit(target, [...reexports, ...target.starExports]);
    }
  };
  visit(root, root.moduleReferences);
  return program.files.filter((f) => found.has(f));
}
