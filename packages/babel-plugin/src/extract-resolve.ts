import type * as t from "@babel/types";
import { isUserDecl, type UserDecl } from "./extract-ast.js";
import type { DeclContext } from "./extract-context.js";
import type { ModuleFile, TypeSymbol, ValueSymbol } from "./extract-module.js";
import type { BabelProgram } from "./extract-program.js";
import { isRuntimeTypeName, RUNTIME_MODULE, type RuntimeTypeName } from "./extract-runtime.js";
import { LIB_GLOBAL_TYPES } from "./lib-globals.generated.js";
import { RUNTIME_EXPORTS } from "./runtime-exports.generated.js";

/**
 * TypeNameTarget is what a type name in an annotation stands for (as in the TS extractor):
 * a C type of the runtime, a user declaration, a default-library type, a type parameter, a name
 * imported from a module that does not resolve, nothing at all, or something without C layout.
 */
export type TypeNameTarget =
  | { readonly kind: "runtime"; readonly name: RuntimeTypeName }
  | { readonly kind: "decl"; readonly decl: UserDecl; readonly file: ModuleFile }
  | { readonly kind: "lib" }
  | { readonly kind: "typeParameter" }
  | { readonly kind: "unresolvedImport"; readonly moduleName: string }
  /** A name the installed `@typedc/runtime` does not export (1023). */
  | { readonly kind: "notInRuntime"; readonly name: string }
  | { readonly kind: "unparsable"; readonly fileName: string }
  | { readonly kind: "unknown" }
  | { readonly kind: "other" };

/** Binding is a name after its imports were followed: a C type, a symbol in a module, a whole module, or a failure. */
type Binding =
  | TypeNameTarget
  | { readonly kind: "symbol"; readonly file: ModuleFile; readonly symbol: TypeSymbol & { kind: "decls" } }
  | { readonly kind: "namespace"; readonly file: ModuleFile }
  | { readonly kind: "runtimeNamespace" };

/**
 * resolveTypeName follows a type name (`Task`, `rt.u16`, `ns.Task`) through imports and re-exports
 * to its declaration. `@typedc/runtime` is known by its module specifier: a name imported from it
 * (under any local name, or through `import * as rt`) is a C type when the runtime exports a C type
 * of that name (docs/babel.md).
 */
export function resolveTypeName(ctx: DeclContext, name: t.Identifier | t.TSQualifiedName): TypeNameTarget {
  return finish(bindingOfEntity(ctx.program, ctx.scope.file, name, ctx.scope.typeParameters));
}

/** finish turns a binding into what it means as a type: a namespace is no type; a symbol is its first user declaration. */
function finish(binding: Binding): TypeNameTarget {
  switch (binding.kind) {
    case "namespace":
    case "runtimeNamespace":
      return { kind: "unknown" };
    case "symbol": {
      const decl = binding.symbol.decls.find(isUserDecl);
      return decl !== undefined ? { kind: "decl", decl, file: binding.file } : { kind: "other" };
    }
    default:
      return binding;
  }
}

/** bindingOfEntity resolves an identifier or a qualified name in a module's scope. */
function bindingOfEntity(program: BabelProgram, file: ModuleFile, name: t.Identifier | t.TSQualifiedName, typeParameters: ReadonlySet<string>): Binding {
  if (name.type === "Identifier") {
    if (typeParameters.has(name.name)) return { kind: "typeParameter" };
    // Namespace bodies first, then the module, then the default library.
    for (let scope: ModuleFile | undefined = file; scope !== undefined; scope = scope.parent) {
      const symbol = scope.types.get(name.name);
      if (symbol !== undefined) return bindingOfSymbol(program, scope, symbol, 0);
    }
    return LIB_GLOBAL_TYPES.has(name.name) ? { kind: "lib" } : { kind: "unknown" };
  }
  const left = bindingOfEntity(program, file, name.left, typeParameters);
  const right = name.right.name;
  // `rt.Nope`: TypeScript finds no such export (1004), whether or not the runtime resolves.
  if (left.kind === "runtimeNamespace") return isRuntimeTypeName(right) ? { kind: "runtime", name: right } : { kind: "unknown" };
  if (left.kind === "namespace") return exportOf(program, left.file, right, 0) ?? { kind: "unknown" };
  if (left.kind === "symbol") return enumMemberOf(left.symbol, right) ? { kind: "other" } : { kind: "unknown" };
  return { kind: "unknown" };
}

/** enumMemberOf tells whether `E.A` names a member of an enum (a type without C layout); any other `X.A` names nothing. */
function enumMemberOf(symbol: TypeSymbol & { kind: "decls" }, name: string): boolean {
  return symbol.decls.some((d) => d.type === "TSEnumDeclaration" && d.members.some((m) => (m.id.type === "Identifier" ? m.id.name : m.id.value) === name));
}

/** bindingOfSymbol follows an import symbol to what it imports. */
function bindingOfSymbol(program: BabelProgram, file: ModuleFile, symbol: TypeSymbol, hops: number): Binding {
  if (symbol.kind === "decls") return { kind: "symbol", file, symbol };
  if (symbol.kind === "namespace") return { kind: "namespace", file: symbol.scope };
  return importOf(program, file, symbol.module, symbol.imported, hops + 1);
}

/**
 * importOf resolves `imported` of module `specifier` as seen from `file`: the runtime's C types by
 * name, a namespace (`*`), or the module's export; a module that does not resolve, or that has no
 * such export, is reported like TypeScript's unresolved alias (1012 at the use).
 */
function importOf(program: BabelProgram, file: ModuleFile, specifier: string, imported: string, hops: number): Binding {
  if (hops > 100) throw new Error("assert: alias chain longer than 100 links");
  if (specifier === RUNTIME_MODULE) {
    if (imported === "*") return { kind: "runtimeNamespace" };
    if (isRuntimeTypeName(imported)) return { kind: "runtime", name: imported };
    if (RUNTIME_EXPORTS.has(imported)) return { kind: "other" }; // a runtime export without C layout (`TypedMemory`)
    // Not exported: 1023 where the runtime is installed, else the unresolved import TypeScript sees (1012).
    return program.runtimeInstalled(file) ? { kind: "notInRuntime", name: imported } : { kind: "unresolvedImport", moduleName: specifier };
  }
  const target = program.moduleOf(file, specifier);
  if (target === undefined) {
    // A module that exists but does not parse: its syntax error (1005) is the diagnostic, as TypeScript reports it.
    const fileName = program.resolve(file, specifier);
    if (fileName !== undefined && program.syntaxErrors.has(fileName)) return { kind: "unparsable", fileName };
    return { kind: "unresolvedImport", moduleName: specifier };
  }
  if (imported === "*") return { kind: "namespace", file: target };
  return exportOf(program, target, imported, hops) ?? { kind: "unresolvedImport", moduleName: specifier };
}

/** exportOf resolves an exported name of a module: its own exports first, then `export *` modules in order. */
function exportOf(program: BabelProgram, file: ModuleFile, name: string, hops: number, seen = new Set<ModuleFile>()): Binding | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const entry = file.exports.get(name);
  if (entry?.kind === "reexport") return importOf(program, file, entry.module, entry.imported, hops + 1);
  if (entry?.kind === "local" || entry?.kind === "declared") {
    const namespace = file.namespaces.get(entry.name);
    const declared = file.declaredTypes.get(entry.name) ?? (namespace === undefined ? undefined : { kind: "namespace" as const, scope: namespace });
    const symbol = entry.kind === "declared" ? declared : file.types.get(entry.name);
    return symbol === undefined ? { kind: "other" } : bindingOfSymbol(program, file, symbol, hops);
  }
  if (name === "default") return undefined;
  for (const specifier of file.starExports) {
    if (specifier === RUNTIME_MODULE) {
      if (isRuntimeTypeName(name)) return { kind: "runtime", name };
      continue;
    }
    const target = program.moduleOf(file, specifier);
    const found = target === undefined ? undefined : exportOf(program, target, name, hops + 1, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** ValueTarget is what an identifier or `a.b` in an enum initializer names. */
export type ValueTarget =
  | { readonly kind: "enum"; readonly decls: readonly t.TSEnumDeclaration[]; readonly file: ModuleFile }
  | { readonly kind: "const"; readonly declarator: t.VariableDeclarator; readonly file: ModuleFile }
  | { readonly kind: "namespace"; readonly file: ModuleFile }
  | { readonly kind: "none" };

/** resolveValueName looks a name up as a value in a module's scope, following imports (for enum initializers). */
export function resolveValueName(program: BabelProgram, file: ModuleFile, name: string, hops = 0): ValueTarget {
  if (hops > 100) throw new Error("assert: alias chain longer than 100 links");
  const symbol = file.values.get(name);
  if (symbol === undefined && file.parent !== undefined) return resolveValueName(program, file.parent, name, hops);
  if (symbol?.kind !== "import") return declaredValueOf(file, symbol);
  if (symbol.module === RUNTIME_MODULE) return { kind: "none" };
  const target = program.moduleOf(file, symbol.module);
  if (target === undefined) return { kind: "none" };
  if (symbol.imported === "*") return { kind: "namespace", file: target };
  return valueExportOf(program, target, symbol.imported, hops + 1, new Set());
}

/** declaredValueOf is what a module's own value declaration is, for enum initializers. */
function declaredValueOf(file: ModuleFile, symbol: ValueSymbol | undefined): ValueTarget {
  if (symbol === undefined || symbol.kind === "other" || symbol.kind === "import") return { kind: "none" };
  if (symbol.kind === "enum") return { kind: "enum", decls: symbol.decls, file };
  return { kind: "const", declarator: symbol.declarator, file };
}

/** valueExportOf resolves an exported name of a module as a value. */
export function valueExportOf(program: BabelProgram, file: ModuleFile, name: string, hops: number, seen: Set<ModuleFile>): ValueTarget {
  if (seen.has(file)) return { kind: "none" };
  seen.add(file);
  const entry = file.exports.get(name);
  if (entry?.kind === "declared") return declaredValueOf(file, file.declaredValues.get(entry.name));
  if (entry?.kind === "local") return resolveValueName(program, file, entry.name, hops + 1);
  if (entry?.kind === "reexport") {
    const target = entry.module === RUNTIME_MODULE ? undefined : program.moduleOf(file, entry.module);
    if (target === undefined) return { kind: "none" };
    return entry.imported === "*" ? { kind: "namespace", file: target } : valueExportOf(program, target, entry.imported, hops + 1, new Set());
  }
  if (name === "default") return { kind: "none" };
  for (const specifier of file.starExports) {
    const target = specifier === RUNTIME_MODULE ? undefined : program.moduleOf(file, specifier);
    const found = target === undefined ? undefined : valueExportOf(program, target, name, hops + 1, seen);
    if (found !== undefined && found.kind !== "none") return found;
  }
  return { kind: "none" };
}
