import type * as t from "@babel/types";
import { isUserDecl, unwrapExport, type TypeDecl } from "./extract-ast.js";
import type { SourceText } from "./extract-text.js";

/**
 * TypeSymbol is what a name with a type meaning is bound to at the top of a module: declarations
 * merged into one symbol (TypeScript's binder merges interfaces with interfaces and classes, and
 * enums with enums of the same constness; anything else gets a symbol of its own), or an import.
 */
export type TypeSymbol =
  | { readonly kind: "decls"; readonly decls: TypeDecl[] }
  | { readonly kind: "import"; readonly module: string; readonly imported: string }
  | { readonly kind: "namespace"; readonly scope: ModuleFile };

/** ValueSymbol is what a name with a value meaning is bound to (only what enum initializers can read). */
export type ValueSymbol =
  | { readonly kind: "enum"; readonly decls: t.TSEnumDeclaration[] }
  | { readonly kind: "const"; readonly declarator: t.VariableDeclarator }
  | { readonly kind: "import"; readonly module: string; readonly imported: string }
  | { readonly kind: "other" };

/**
 * ExportEntry is what an exported name stands for: the module's own declaration of that name
 * (`export interface P`), a local name (`export { a as b }`: maybe an import), or a name of
 * another module (`export { a as b } from "m"`).
 */
export type ExportEntry =
  | { readonly kind: "declared"; readonly name: string }
  | { readonly kind: "local"; readonly name: string }
  | { readonly kind: "reexport"; readonly module: string; readonly imported: string };

/**
 * ModuleFile is one parsed module with its top-level bindings, exports and module references;
 * the body of a `namespace N { … }` is one too, with the enclosing scope as its parent.
 */
export interface ModuleFile {
  readonly source: SourceText;
  readonly program: t.Program;
  /** The scope around a namespace body (undefined for a file). */
  readonly parent?: ModuleFile;
  /** The file this scope belongs to (itself for a file). */
  readonly root: ModuleFile;
  /** A default library or `node_modules` file: its declarations count only if they use C types (TS extractor rule 2). */
  readonly foreign: boolean;
  /** A declaration file: every declaration in it is ambient. */
  readonly ambient: boolean;
  /** Names with a type meaning in the module's scope; an import wins over a declaration of the same name (TypeScript merges them into an alias). */
  readonly types: ReadonlyMap<string, TypeSymbol>;
  readonly values: ReadonlyMap<string, ValueSymbol>;
  /** The module's own declarations by name (what `export interface P` exports, even when an import of P shadows it). */
  readonly declaredTypes: ReadonlyMap<string, TypeSymbol & { kind: "decls" }>;
  readonly declaredValues: ReadonlyMap<string, ValueSymbol>;
  /** The module's namespaces by name (`namespace N { … }`: TypeScript resolves `N.X` into them). */
  readonly namespaces: ReadonlyMap<string, ModuleFile>;
  /** The symbol of every type declaration, also of one that conflicts with an earlier one of the same name. */
  readonly symbolOf: ReadonlyMap<TypeDecl, TypeSymbol & { kind: "decls" }>;
  readonly exports: ReadonlyMap<string, ExportEntry>;
  /** Modules of `export * from "m"`, in order. */
  readonly starExports: readonly string[];
  /** Every module specifier of an import or export declaration, in source order (TypeScript's `file.imports`). */
  readonly moduleReferences: readonly string[];
}

/** ScopeOrigin says where a scope's statements come from: a file, or a namespace body inside a parent scope. */
interface ScopeOrigin {
  readonly statements: readonly t.Statement[];
  readonly parent?: ModuleFile;
}

/** buildModule collects the top-level bindings of a parsed file (or, given an origin, of a namespace body). */
export function buildModule(source: SourceText, program: t.Program, foreign: boolean, ambient: boolean, origin?: ScopeOrigin): ModuleFile {
  const self = {} as { -readonly [K in keyof ModuleFile]: ModuleFile[K] };
  self.root = origin?.parent?.root ?? (self as ModuleFile); // set first: namespaces built below read it
  const namespaces = new Map<string, ModuleFile>();
  const types = new Map<string, TypeSymbol>();
  const values = new Map<string, ValueSymbol>();
  const declaredTypes = new Map<string, TypeSymbol & { kind: "decls" }>();
  const declaredValues = new Map<string, ValueSymbol>();
  const symbolOf = new Map<TypeDecl, TypeSymbol & { kind: "decls" }>();
  const exports = new Map<string, ExportEntry>();
  const starExports: string[] = [];
  const moduleReferences: string[] = [];
  const declareType = (name: string, decl: TypeDecl): void => {
    const existing = declaredTypes.get(name);
    if (existing !== undefined && mergesWith(existing.decls, decl)) {
      existing.decls.push(decl);
      symbolOf.set(decl, existing);
      return;
    }
    const symbol = { kind: "decls" as const, decls: [decl] };
    symbolOf.set(decl, symbol);
    if (existing === undefined) declaredTypes.set(name, symbol);
    if (!types.has(name)) types.set(name, symbol);
  };
  const declareValue = (name: string, symbol: ValueSymbol): void => {
    const existing = declaredValues.get(name);
    if (existing?.kind === "enum" && symbol.kind === "enum") existing.decls.push(...symbol.decls);
    else if (existing === undefined) declaredValues.set(name, symbol);
    if (!values.has(name)) values.set(name, declaredValues.get(name)!);
  };
  const declareImport = (name: string, symbol: TypeSymbol & ValueSymbol): void => {
    const type = types.get(name);
    const value = values.get(name);
    if (type === undefined || type.kind === "decls") types.set(name, symbol);
    if (value === undefined || value.kind !== "import") values.set(name, symbol);
  };
  for (const statement of withGlobalAugmentations(origin?.statements ?? program.body)) {
    const decl = unwrapExport(statement);
    if (isUserDecl(decl) || (decl.type === "ClassDeclaration" && decl.id)) {
      const name = (decl as TypeDecl).id!.name;
      declareType(name, decl as TypeDecl);
      if (decl.type === "TSEnumDeclaration") declareValue(name, { kind: "enum", decls: [decl] });
      else if (decl.type === "ClassDeclaration") declareValue(name, { kind: "other" });
    } else if (decl.type === "VariableDeclaration") {
      for (const declarator of decl.declarations) {
        if (declarator.id.type !== "Identifier") continue;
        declareValue(declarator.id.name, decl.kind === "const" ? { kind: "const", declarator } : { kind: "other" });
      }
    } else if (decl.type === "FunctionDeclaration" || decl.type === "TSDeclareFunction") {
      if (decl.id) declareValue(decl.id.name, { kind: "other" });
    } else if (decl.type === "ImportDeclaration") {
      moduleReferences.push(decl.source.value);
      for (const spec of decl.specifiers) {
        const imported =
          spec.type === "ImportNamespaceSpecifier" ? "*" : spec.type === "ImportDefaultSpecifier" ? "default" : nameOfExportName(spec.imported);
        declareImport(spec.local.name, { kind: "import", module: decl.source.value, imported });
      }
    } else if (decl.type === "TSModuleDeclaration" && decl.id.type === "Identifier" && !isGlobalAugmentation(decl) && !namespaces.has(decl.id.name)) {
      // `namespace N { … }` (`namespace A.B { … }` nests B in A, exported): a scope of its own.
      const inner = decl.body.type === "TSModuleBlock" ? decl.body.body : [exportOf(decl.body)];
      const scope = buildModule(source, program, foreign, ambient || decl.declare === true, { statements: inner, parent: self });
      namespaces.set(decl.id.name, scope);
      if (!types.has(decl.id.name)) types.set(decl.id.name, { kind: "namespace", scope });
      if (statement !== decl) exports.set(decl.id.name, { kind: "declared", name: decl.id.name });
    } else if (decl.type === "TSImportEqualsDeclaration" && decl.moduleReference.type === "TSExternalModuleReference") {
      // `import m = require("./m")` binds the whole module, like `import * as m`.
      const module = decl.moduleReference.expression.value;
      moduleReferences.push(module);
      declareImport(decl.id.name, { kind: "import", module, imported: "*" });
    }
    collectExports(statement, exports, starExports, moduleReferences);
  }
  Object.assign(self, { source, program, parent: origin?.parent, foreign, ambient, types, values, declaredTypes, declaredValues, namespaces, symbolOf, exports, starExports, moduleReferences });
  return self;
}

/**
 * withGlobalAugmentations splices the body of every `declare global { … }` into the statements:
 * its declarations are global, so at least this module sees them (docs/babel.md: other modules do not).
 */
function withGlobalAugmentations(statements: readonly t.Statement[]): t.Statement[] {
  return statements.flatMap((statement) =>
    statement.type === "TSModuleDeclaration" && isGlobalAugmentation(statement) && statement.body.type === "TSModuleBlock" ? statement.body.body : [statement],
  );
}

/** isGlobalAugmentation tells whether a module declaration is `declare global { … }` (not a namespace). */
function isGlobalAugmentation(decl: t.TSModuleDeclaration): boolean {
  return decl.kind === "global" || (decl as { global?: boolean }).global === true;
}

/** exportOf wraps a declaration in `export`, as a dotted namespace's inner part is exported (`namespace A.B`). */
function exportOf(declaration: t.TSModuleDeclaration): t.ExportNamedDeclaration {
  return { type: "ExportNamedDeclaration", declaration, specifiers: [], source: null, start: declaration.start, end: declaration.end } as t.ExportNamedDeclaration;
}

/** mergesWith tells whether a new declaration merges into a symbol's declarations (TypeScript's binder exclusion flags). */
function mergesWith(decls: readonly TypeDecl[], decl: TypeDecl): boolean {
  switch (decl.type) {
    case "TSInterfaceDeclaration":
      return decls.every((d) => d.type === "TSInterfaceDeclaration" || d.type === "ClassDeclaration");
    case "ClassDeclaration":
      return decls.every((d) => d.type === "TSInterfaceDeclaration");
    case "TSEnumDeclaration":
      return decls.every((d) => d.type === "TSEnumDeclaration" && Boolean(d.const) === Boolean(decl.const));
    default:
      return false;
  }
}

/** nameOfExportName is the text of an import/export name (an identifier or a string: `export { a as "b" }`). */
function nameOfExportName(node: t.Identifier | t.StringLiteral): string {
  return node.type === "Identifier" ? node.name : node.value;
}

/** collectExports records what an export statement exports, and its module specifier. */
function collectExports(statement: t.Statement, exports: Map<string, ExportEntry>, stars: string[], refs: string[]): void {
  if (statement.type === "ExportAllDeclaration") {
    refs.push(statement.source.value);
    stars.push(statement.source.value);
    return;
  }
  if (statement.type === "ExportDefaultDeclaration") {
    const decl = statement.declaration;
    if ((isUserDecl(decl) || decl.type === "ClassDeclaration") && decl.id) exports.set("default", { kind: "declared", name: decl.id.name });
    else if (decl.type === "Identifier") exports.set("default", { kind: "local", name: decl.name });
    return;
  }
  if (statement.type !== "ExportNamedDeclaration") return;
  const decl = statement.declaration;
  if (decl) {
    if (isUserDecl(decl) || (decl.type === "ClassDeclaration" && decl.id)) exports.set(decl.id!.name, { kind: "declared", name: decl.id!.name });
    else if (decl.type === "VariableDeclaration") {
      for (const d of decl.declarations) if (d.id.type === "Identifier") exports.set(d.id.name, { kind: "declared", name: d.id.name });
    } else if ((decl.type === "FunctionDeclaration" || decl.type === "TSDeclareFunction") && decl.id) {
      exports.set(decl.id.name, { kind: "declared", name: decl.id.name });
    }
    return;
  }
  const module = statement.source?.value;
  if (module !== undefined) refs.push(module);
  for (const spec of statement.specifiers) {
    if (spec.type === "ExportNamespaceSpecifier") {
      if (module !== undefined) exports.set(nameOfExportName(spec.exported), { kind: "reexport", module, imported: "*" });
    } else if (spec.type === "ExportSpecifier") {
      const exported = nameOfExportName(spec.exported);
      const local = nameOfExportName(spec.local);
      exports.set(exported, module !== undefined ? { kind: "reexport", module, imported: local } : { kind: "local", name: local });
    } else if (module !== undefined) {
      exports.set(spec.exported.name, { kind: "reexport", module, imported: "default" });
    }
  }
}
