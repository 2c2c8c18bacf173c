import type * as TS from "typescript";
import { SCALAR_NAMES, type ScalarName } from "@typedc/core";
import { isUserDecl, type ExtractContext, type UserDecl } from "./extract-context.js";
import { isRuntimeFile } from "./extract-runtime-file.js";

/** RUNTIME_MODULE is the module specifier that exports the C types (SPEC §2). */
export const RUNTIME_MODULE = "@typedc/runtime";

/** GENERIC_NAMES lists the generic C type constructors of `@typedc/runtime` (SPEC §2), plus `__typed` (§3). */
export const GENERIC_NAMES = ["ptr", "array", "union", "bits", "packed", "aligned", "atomic", "__typed"] as const;

/** RuntimeTypeName is any type name `@typedc/runtime` exports for declarations. */
export type RuntimeTypeName = ScalarName | (typeof GENERIC_NAMES)[number];

const RUNTIME_NAMES: ReadonlySet<string> = new Set<string>([...SCALAR_NAMES, ...GENERIC_NAMES]);

/**
 * TypeNameTarget is what a type name in an annotation stands for:
 * a C type of the runtime, a user declaration, a type parameter, a name imported
 * from a module that does not resolve, nothing at all, or something without C layout.
 */
export type TypeNameTarget =
  | { readonly kind: "runtime"; readonly name: RuntimeTypeName }
  | { readonly kind: "decl"; readonly decl: UserDecl }
  | { readonly kind: "typeParameter" }
  | { readonly kind: "unresolvedImport"; readonly moduleName: string }
  /** A name the installed `@typedc/runtime` does not export (1023). */
  | { readonly kind: "notInRuntime"; readonly name: string }
  | { readonly kind: "unknown" }
  | { readonly kind: "other" };

/**
 * resolveTypeName follows a type name through import/export aliases to its declaration.
 *
 * A name is a runtime C type when its final declaration is named like one and either lies in
 * a file of the `@typedc/runtime` package or was reached through a `"@typedc/runtime"` module
 * specifier; when that module does not resolve at all, the imported name decides (so that
 * extraction works without the runtime installed).
 */
export function resolveTypeName(ctx: ExtractContext, name: TS.EntityName): TypeNameTarget {
  // Memoised per checker (a program; a reused SourceFile may resolve differently in the next one):
  // one field's type is asked about up to six times (record chain, aligned, packed, bits, reference)
  // in each conversion pass, and candidates are converted in trial passes before the final one.
  let known = resolvedByChecker.get(ctx.checker);
  if (known === undefined) resolvedByChecker.set(ctx.checker, (known = new WeakMap()));
  let target = known.get(name);
  if (target === undefined) known.set(name, (target = resolveTypeNameOnce(ctx, name)));
  return target;
}

const resolvedByChecker = new WeakMap<TS.TypeChecker, WeakMap<TS.EntityName, TypeNameTarget>>();

/** resolveTypeNameOnce is resolveTypeName without the memo. */
function resolveTypeNameOnce(ctx: ExtractContext, name: TS.EntityName): TypeNameTarget {
  const { ts, checker } = ctx;
  const start = namespaceStart(ctx, name);
  if (start.kind !== "symbol") return start.target;
  let symbol: TS.Symbol | undefined = checker.getSymbolAtLocation(ts.isQualifiedName(name) ? name.right : name);
  let viaRuntime = start.viaRuntime;
  if (symbol === undefined) return { kind: "unknown" };
  // Walk the alias chain one link at a time, so we see every module specifier on the way.
  for (let hops = 0; symbol.flags & ts.SymbolFlags.Alias; hops++) {
    if (hops > 100) throw new Error("assert: alias chain longer than 100 links");
    const aliasDecl: TS.Declaration | undefined = symbol.declarations?.[0];
    const moduleName = aliasDecl === undefined ? undefined : moduleSpecifierOf(ts, aliasDecl);
    if (moduleName === RUNTIME_MODULE) viaRuntime = true;
    const next: TS.Symbol | undefined = checker.getImmediateAliasedSymbol(symbol);
    if (next === undefined || next.declarations === undefined || next.declarations.length === 0) {
      const imported = aliasDecl === undefined ? undefined : importedNameOf(ts, aliasDecl);
      if (moduleName === RUNTIME_MODULE && imported !== undefined && RUNTIME_NAMES.has(imported)) {
        return { kind: "runtime", name: imported as RuntimeTypeName };
      }
      if (moduleName === RUNTIME_MODULE && imported !== undefined && aliasDecl !== undefined && moduleResolves(ctx, aliasDecl)) return { kind: "notInRuntime", name: imported };
      return moduleName === undefined ? { kind: "unknown" } : { kind: "unresolvedImport", moduleName };
    }
    symbol = next;
  }
  return classifyDeclaration(ctx, symbol, viaRuntime);
}

/** namespaceStart handles `rt.i32` where `rt` is `import * as rt from "@typedc/runtime"`. */
function namespaceStart(
  ctx: ExtractContext,
  name: TS.EntityName,
): { kind: "symbol"; viaRuntime: boolean } | { kind: "done"; target: TypeNameTarget } {
  const { ts, checker } = ctx;
  if (!ts.isQualifiedName(name)) return { kind: "symbol", viaRuntime: false };
  let left: TS.EntityName = name.left;
  while (ts.isQualifiedName(left)) left = left.left;
  const leftDecl = checker.getSymbolAtLocation(left)?.declarations?.[0];
  const moduleName = leftDecl === undefined ? undefined : moduleSpecifierOf(ts, leftDecl);
  if (moduleName !== RUNTIME_MODULE) return { kind: "symbol", viaRuntime: false };
  if (checker.getSymbolAtLocation(name.right) === undefined && RUNTIME_NAMES.has(name.right.text)) {
    return { kind: "done", target: { kind: "runtime", name: name.right.text as RuntimeTypeName } };
  }
  return { kind: "symbol", viaRuntime: true };
}

/** classifyDeclaration says what a resolved, non-alias symbol is. */
function classifyDeclaration(ctx: ExtractContext, symbol: TS.Symbol, viaRuntime: boolean): TypeNameTarget {
  const { ts } = ctx;
  const decl = symbol.declarations?.[0];
  if (decl === undefined) return { kind: "unknown" };
  if (ts.isTypeParameterDeclaration(decl)) return { kind: "typeParameter" };
  const declName = symbol.getName();
  if (RUNTIME_NAMES.has(declName) && (viaRuntime || isRuntimeFile(ctx, decl.getSourceFile().fileName))) {
    return { kind: "runtime", name: declName as RuntimeTypeName };
  }
  const userDecl = symbol.declarations?.find((d) => isUserDecl(ts, d));
  if (userDecl !== undefined && isUserDecl(ts, userDecl)) return { kind: "decl", decl: userDecl };
  return { kind: "other" };
}

/** moduleSpecifierOf is the module an import/export alias declaration names, if any. */
export function moduleSpecifierOf(ts: typeof TS, decl: TS.Declaration): string | undefined {
  let node: TS.Node | undefined = decl;
  while (node !== undefined && !ts.isImportDeclaration(node) && !ts.isExportDeclaration(node) && !ts.isImportEqualsDeclaration(node)) {
    if (ts.isSourceFile(node)) return undefined;
    node = node.parent;
  }
  if (node === undefined) return undefined;
  if (ts.isImportEqualsDeclaration(node)) {
    const ref = node.moduleReference;
    return ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression) ? ref.expression.text : undefined;
  }
  const spec = node.moduleSpecifier;
  return spec !== undefined && ts.isStringLiteral(spec) ? spec.text : undefined;
}

/** moduleResolves tells whether the module an import or export declaration names resolves (its symbol exists). */
function moduleResolves(ctx: ExtractContext, decl: TS.Declaration): boolean {
  const { ts } = ctx;
  let node: TS.Node | undefined = decl;
  while (node !== undefined && !ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) node = ts.isSourceFile(node) ? undefined : node.parent;
  const spec = node?.moduleSpecifier;
  return spec !== undefined && ctx.checker.getSymbolAtLocation(spec) !== undefined;
}

/** importedNameOf is the exported name an import/export specifier refers to (`a` in `{ a as b }`). */
function importedNameOf(ts: typeof TS, decl: TS.Declaration): string | undefined {
  if (ts.isImportSpecifier(decl) || ts.isExportSpecifier(decl)) {
    return (decl.propertyName ?? decl.name).text;
  }
  return undefined;
}
