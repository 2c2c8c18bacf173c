/**
 * ProgramState: what one transformer run shares across files: the TypeScript
 * module, the program's declarations (extractDecls), the options, and the
 * diagnostics found so far. Also resolves names to `@typedc/runtime` exports.
 */
import type * as TS from "typescript";
import type { DeclSet, Diagnostic, SourceLoc, TypeSet } from "@typedc/core";
import { newContext, type ExtractContext, type UserDecl } from "./extract-context.js";
import { locOf } from "./extract-loc.js";
import { moduleSpecifierOf, RUNTIME_MODULE } from "./extract-resolve.js";
import { isRuntimeFile } from "./extract-runtime-file.js";
import type { ResolvedOptions } from "./options.js";

/** ProgramState is shared by every file of one transformer run. */
export interface ProgramState {
  readonly ts: typeof TS;
  readonly program: TS.Program;
  readonly checker: TS.TypeChecker;
  readonly decls: DeclSet;
  readonly options: ResolvedOptions;
  /** Converts annotation types with the extractor (same names as in `decls`). */
  readonly ctx: ExtractContext;
  readonly diagnostics: Diagnostic[];
  /** Type sets already built in this run, by printed C type (names are unique in a DeclSet): built once per program. */
  readonly typeSets: Map<string, TypeSet | null>;
}

/** newProgramState prepares a run over `program` with the declarations already extracted. */
export function newProgramState(ts: typeof TS, program: TS.Program, decls: DeclSet, options: ResolvedOptions): ProgramState {
  const checker = program.getTypeChecker();
  // The extractor names a declaration by its name, qualified `Name$2` on clashes: find it by location.
  const byLoc = new Map<string, string>();
  for (const [name, t] of Object.entries(decls.types)) if (t.loc !== undefined) byLoc.set(`${t.loc.file}:${t.loc.start}`, name);
  const nameOf = (d: UserDecl): string => {
    const loc = locOf(d.name);
    return byLoc.get(`${loc.file}:${loc.start}`) ?? d.name.text;
  };
  const isForeign = (f: TS.SourceFile): boolean => program.isSourceFileDefaultLibrary(f) || program.isSourceFileFromExternalLibrary(f);
  const ctx = newContext(ts, checker, nameOf, new Map(), isForeign);
  return { ts, program, checker, decls, options, ctx, diagnostics: [], typeSets: new Map() };
}

/** nodeLoc is the SourceLoc of a node (its first token to its end). */
export function nodeLoc(node: TS.Node): SourceLoc {
  return locOf(node);
}

/**
 * runtimeNameOf tells which export of `@typedc/runtime` an expression or type name
 * stands for (`__typed`, `sizeof`, `typedCache`, `TypedCache`, and `__typed.at` for a
 * member of `__typed`), following imports, re-exports and `import * as rt`; or undefined.
 */
export function runtimeNameOf(st: ProgramState, node: TS.Node): string | undefined {
  const { ts } = st;
  if (ts.isParenthesizedExpression(node)) return runtimeNameOf(st, node.expression);
  if (ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node)) {
    const left = ts.isPropertyAccessExpression(node) ? node.expression : node.left;
    const right = ts.isPropertyAccessExpression(node) ? node.name.text : node.right.text;
    if (ts.isIdentifier(left) && isRuntimeNamespace(st, left)) return right;
    return runtimeNameOf(st, left) === "__typed" ? `__typed.${right}` : undefined;
  }
  if (!ts.isIdentifier(node)) return undefined;
  let symbol = st.checker.getSymbolAtLocation(node);
  // An alias chain can loop in code that does not compile (`import __typed __typed ...`): stop there.
  const seen = new Set<TS.Symbol>();
  for (; symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias; ) {
    if (seen.has(symbol)) return undefined;
    seen.add(symbol);
    const aliasDecl = symbol.declarations?.[0];
    if (aliasDecl !== undefined && moduleSpecifierOf(ts, aliasDecl) === RUNTIME_MODULE && ts.isImportSpecifier(aliasDecl)) {
      return (aliasDecl.propertyName ?? aliasDecl.name).text;
    }
    symbol = st.checker.getImmediateAliasedSymbol(symbol);
  }
  const decl = symbol?.declarations?.[0];
  if (decl === undefined || symbol === undefined) return undefined;
  return isRuntimeFile(st.ctx, decl.getSourceFile().fileName) ? symbol.getName() : undefined;
}

/** isRuntimeNamespace tells whether an identifier is `rt` of `import * as rt from "@typedc/runtime"`. */
function isRuntimeNamespace(st: ProgramState, id: TS.Identifier): boolean {
  const decl = st.checker.getSymbolAtLocation(id)?.declarations?.[0];
  return decl !== undefined && st.ts.isNamespaceImport(decl) && moduleSpecifierOf(st.ts, decl) === RUNTIME_MODULE;
}

/**
 * declarationOf is the declaration an identifier refers to as a front-end that reads one file
 * at a time sees it (the Babel plugin): a declaration in scope in the identifier's own file,
 * or one in another file reached through an import (undefined otherwise, or when unresolved).
 * The checker also knows globals declared elsewhere (`declare global { var tasks: … }` in
 * another module, `declare var` in a script file) and the members of `declare global` and
 * namespace blocks; following those would compile accesses that the Babel plugin leaves to the
 * runtime's dynamic view, so both plugins leave them (SPEC: the checker may find escapes to
 * report, never change the rewrite).
 */
export function declarationOf(st: ProgramState, id: TS.Node): TS.Declaration | undefined {
  const { ts } = st;
  const p = id.parent;
  // `{ t }`: the name stands for the variable `t`, not for the new object's property.
  let symbol = p !== undefined && ts.isShorthandPropertyAssignment(p) && p.name === id ? st.checker.getShorthandAssignmentValueSymbol(p) : st.checker.getSymbolAtLocation(id);
  if (symbol === undefined) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) {
    symbol = st.checker.getAliasedSymbol(symbol);
    return symbol.valueDeclaration ?? symbol.declarations?.[0];
  }
  const candidates = symbol.valueDeclaration !== undefined ? [symbol.valueDeclaration, ...(symbol.declarations ?? [])] : symbol.declarations ?? [];
  return candidates.find((d) => isInScope(ts, d, id));
}

/**
 * isInScope tells whether declaration `decl` is visible by scoping at `id` without a checker:
 * in the same file, and not inside a namespace or `declare global` block that does not also
 * hold `id` (a block's names are visible only inside it, as for the Babel plugin's scopes).
 */
function isInScope(ts: typeof TS, decl: TS.Node, id: TS.Node): boolean {
  if (decl.getSourceFile() !== id.getSourceFile()) return false;
  for (let n = decl.parent; n !== undefined; n = n.parent) {
    if (ts.isModuleBlock(n) && !(n.pos <= id.pos && id.end <= n.end)) return false;
  }
  return true;
}
