/**
 * GenState: what the Babel plugin's code generation shares while it rewrites one file
 * (the counterpart of the tsc plugin's ProgramState): the DeclSet, a context that converts
 * `__typed<T>` annotations with the extractor's naming, the options, the diagnostics, the
 * parent of every node, and name resolution without a checker (Babel scopes in the file
 * being compiled, module bindings in the files it imports).
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import type { DeclSet, Diagnostic, GeneratorOptions, SourceLoc, TypeSet } from "@typedc/core";
import type { DeclContext } from "./extract-context.js";
import type { ModuleFile } from "./extract-module.js";
import type { BabelProgram } from "./extract-program.js";
import { RUNTIME_MODULE } from "./extract-runtime.js";
import { localDeclarationOf } from "./gen-scope.js";

/** SourceFile is one parsed file the generator reads nodes of: its name, text, tree and (for imported files) its module. */
export interface SourceFile {
  readonly fileName: string;
  readonly text: string;
  readonly program: t.Program;
  readonly module: ModuleFile | undefined;
}

/** GenState is shared by the whole rewrite of one file. */
export interface GenState {
  readonly decls: DeclSet;
  readonly options: GeneratorOptions;
  /** Converts annotation types with the extractor (same names as in `decls`). */
  readonly ctx: DeclContext;
  readonly babelProgram: BabelProgram;
  readonly diagnostics: Diagnostic[];
  readonly typeSets: Map<string, TypeSet | null>;
  /** The file being compiled. */
  readonly file: SourceFile;
  /** Parent of every node of every file read (original nodes). */
  readonly parents: WeakMap<t.Node, t.Node>;
  /** File of each Program node read. */
  readonly files: Map<t.Program, SourceFile>;
  /** What each import (file, specifier, name) names, once resolved. */
  readonly imports: Map<string, ImportTarget>;
}

/** indexParents records the parent of every node under `root`. */
export function indexParents(parents: WeakMap<t.Node, t.Node>, root: t.Node): void {
  const stack: t.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of t.VISITOR_KEYS[node.type] ?? []) {
      const child = (node as any)[key] as t.Node | t.Node[] | null | undefined;
      if (Array.isArray(child)) {
        for (const c of child) if (c != null && typeof c === "object") (parents.set(c, node), stack.push(c));
      } else if (child != null && typeof child === "object" && typeof (child as t.Node).type === "string") {
        parents.set(child, node);
        stack.push(child);
      }
    }
  }
}

/** parentOf is a node's parent (undefined for a Program). */
export function parentOf(st: GenState, node: t.Node): t.Node | undefined {
  return st.parents.get(node);
}

/** fileOfNode is the file an original node belongs to. */
export function fileOfNode(st: GenState, node: t.Node): SourceFile {
  const known = fileCache.get(node);
  if (known !== undefined) return known;
  let n: t.Node | undefined = node;
  while (n !== undefined && n.type !== "Program") n = st.parents.get(n);
  const f = n === undefined ? undefined : st.files.get(n as t.Program);
  if (f === undefined) throw new Error(`assert: ${node.type} belongs to no file read`);
  fileCache.set(node, f);
  return f;
}

const fileCache = new WeakMap<t.Node, SourceFile>();

/** textOf is a node's source text (TypeScript's `getText()`). */
export function textOf(st: GenState, node: t.Node): string {
  return fileOfNode(st, node).text.slice(node.start!, node.end!);
}

/** compactText is a node's text with whitespace removed, as access paths spell it (`tasks[i].se`). */
export function compactText(st: GenState, node: t.Node): string {
  return textOf(st, node).replace(/\s+/g, "");
}

/** nodeLoc is the SourceLoc of a node. */
export function nodeLoc(st: GenState, node: t.Node): SourceLoc {
  return { file: fileOfNode(st, node).fileName, start: node.start!, length: node.end! - node.start! };
}

/** isFunctionLike tells whether a node is a function with parameters (TypeScript's isFunctionLike for values). */
export function isFunctionLike(node: t.Node | undefined): node is t.Function | t.TSDeclareFunction | t.TSDeclareMethod {
  return node !== undefined && (t.isFunction(node) || node.type === "TSDeclareFunction" || node.type === "TSDeclareMethod");
}

/** ImportTarget is what an import names: a runtime export, or a declaration in another file. */
export type ImportTarget = { readonly kind: "runtime"; readonly name: string } | { readonly kind: "decl"; readonly node: t.Node } | { readonly kind: "namespace" } | undefined;

/** sourceOfModule reads an imported module as a SourceFile (parents indexed), so its nodes can be read like the compiled file's. */
export function sourceOfModule(st: GenState, module: ModuleFile): SourceFile {
  const program = module.root.program;
  let f = st.files.get(program);
  if (f === undefined) {
    f = { fileName: module.root.source.fileName, text: module.root.source.text, program, module: module.root };
    st.files.set(program, f);
    indexParents(st.parents, program);
  }
  return f;
}

/** importTarget follows `import { name } from specifier` of a file to the runtime or to the declaration it names (depth-limited). */
function importTarget(st: GenState, from: ModuleFile | undefined, specifier: string, imported: string, hops = 0): ImportTarget {
  if (hops > 100) return undefined; // a re-export cycle (code that does not compile): nothing is imported
  if (specifier === RUNTIME_MODULE) return imported === "*" ? { kind: "namespace" } : { kind: "runtime", name: imported };
  if (from === undefined || imported === "*") return undefined;
  // Resolved once per file rewrite: module resolution probes the file system.
  const key = `${from.root.source.fileName}\0${specifier}\0${imported}`;
  if (st.imports.has(key)) return st.imports.get(key);
  st.imports.set(key, undefined); // a cycle back here imports nothing
  const found = importTargetUncached(st, from, specifier, imported, hops);
  st.imports.set(key, found);
  return found;
}

function importTargetUncached(st: GenState, from: ModuleFile, specifier: string, imported: string, hops: number): ImportTarget {
  const target = st.babelProgram.moduleOf(from, specifier);
  if (target === undefined) return undefined;
  return exportTarget(st, target, imported, hops + 1, new Set());
}

function exportTarget(st: GenState, module: ModuleFile, name: string, hops: number, seen: Set<ModuleFile>): ImportTarget {
  if (seen.has(module)) return undefined;
  seen.add(module);
  const entry = module.exports.get(name);
  if (entry?.kind === "declared") return declaredTarget(st, module, entry.name);
  if (entry?.kind === "local") return topLevelTarget(st, module, entry.name, hops + 1);
  if (entry?.kind === "reexport") return importTarget(st, module, entry.module, entry.imported, hops + 1);
  // `export *` never re-exports a default (ES modules; the extractor's rule too): only the module's own `default` counts.
  if (name === "default") return undefined;
  for (const specifier of module.starExports) {
    const found = importTarget(st, module, specifier, name, hops + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** topLevelTarget resolves a name at the top of a module: an import, or a value declaration. */
function topLevelTarget(st: GenState, module: ModuleFile, name: string, hops: number): ImportTarget {
  const symbol = module.values.get(name) ?? module.types.get(name);
  if (symbol?.kind === "import") return importTarget(st, module, symbol.module, symbol.imported, hops + 1);
  return declaredTarget(st, module, name);
}

/** declaredTarget finds a module's own top-level value declaration of a name (a variable or a function). */
function declaredTarget(st: GenState, module: ModuleFile, name: string): ImportTarget {
  const source = sourceOfModule(st, module);
  for (const statement of source.program.body) {
    const s = statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration" ? statement.declaration : statement;
    if (s == null) continue;
    if (s.type === "VariableDeclaration") {
      for (const d of s.declarations) if (d.id.type === "Identifier" && d.id.name === name) return { kind: "decl", node: d };
    } else if ((s.type === "FunctionDeclaration" || s.type === "TSDeclareFunction") && s.id?.name === name) return { kind: "decl", node: s };
  }
  return undefined;
}

/** moduleImportOf is what a name bound by an import declaration of the file being compiled names. */
function specifierTarget(st: GenState, spec: t.Node, decl: t.ImportDeclaration): ImportTarget {
  const imported =
    spec.type === "ImportSpecifier" ? (spec.imported.type === "Identifier" ? spec.imported.name : spec.imported.value)
    : spec.type === "ImportDefaultSpecifier" ? "default"
    : "*";
  return importTarget(st, st.file.module, decl.source.value, imported);
}

/** targetOfName resolves an identifier (value or type name) to an import target or a local declaration node. */
function targetOfName(st: GenState, id: t.Identifier): ImportTarget {
  const file = fileOfNode(st, id);
  if (file !== st.file) {
    // An imported file: names resolve at its top level (the declarations the plugin follows are top-level).
    return file.module === undefined ? undefined : topLevelTarget(st, file.module, id.name, 0);
  }
  const found = localDeclarationOf(st, id);
  if (found === undefined) return undefined;
  // An import (value or `import type`): followed to the runtime or the exporting module.
  const holder = st.parents.get(found);
  if (holder?.type === "ImportDeclaration") return specifierTarget(st, found, holder);
  return { kind: "decl", node: found };
}

/** declarationOf is the declaration an identifier refers to, through imports (undefined when unresolved or a runtime export). */
export function declarationOf(st: GenState, id: t.Identifier): t.Node | undefined {
  const target = targetOfName(st, id);
  return target?.kind === "decl" ? target.node : undefined;
}

/**
 * runtimeNameOf tells which export of `@typedc/runtime` an expression or type name stands
 * for (`__typed`, `sizeof`, `typedCache`, `TypedCache`, and `__typed.at` for a member of
 * `__typed`), following imports, re-exports and `import * as rt`; or undefined.
 */
export function runtimeNameOf(st: GenState, node: t.Node): string | undefined {
  if (node.type === "ParenthesizedExpression") return runtimeNameOf(st, node.expression);
  if ((node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") || node.type === "TSQualifiedName") {
    const left = node.type === "MemberExpression" ? node.object : node.left;
    const right = node.type === "MemberExpression" ? (node.property as t.Identifier).name : node.right.name;
    if (left.type === "Identifier" && targetOfName(st, left)?.kind === "namespace") return right;
    return runtimeNameOf(st, left) === "__typed" ? `__typed.${right}` : undefined;
  }
  if (node.type !== "Identifier") return undefined;
  const target = targetOfName(st, node);
  return target?.kind === "runtime" ? target.name : undefined;
}
