/**
 * FileState of the Babel code generation (the tsc plugin's file-state.ts, on Babel nodes):
 * the local refs of typed bindings (`tasks$r`) and their hoisted paths and fields, where
 * their declarations go, the type sets and runtime helpers the file needs, and the
 * temporaries of each function (`var _w$1, _v$2;`, TypeScript's hoisted variables).
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import type { FastLoop } from "./gen-loop-version.js";
import { hoistedFieldName, printCType, REF_FIELD_PATHS, RUNTIME_NAMESPACE, TYPE_SETS_CONSTANT, type CType } from "@typedc/core";
import { isParameter, type Binding } from "./gen-bindings.js";
import { declarationOf, fileOfNode, parentOf, type GenState } from "./gen-state.js";

/** RUNTIME_ID is the namespace the compiled code imports `@typedc/runtime` as (reserved name, core/plan). */
export const RUNTIME_ID = RUNTIME_NAMESPACE;
/** TYPES_ID is the per-file constant holding the file's type sets (reserved name, core/plan). */
export const TYPES_ID = TYPE_SETS_CONSTANT;

/** LocalRef is a typed binding as compiled code holds it in this file (file-state.ts of the tsc plugin). */
export interface LocalRef {
  readonly binding: Binding;
  readonly name: string;
  readonly refName: string;
  /**
   * How compiled code names the binding's value in this file: its declared name, or for an
   * imported binding the local name of the import that brings it in (`import { table as t }`:
   * `t`; the exporter's own name is not in scope here). The tsc plugin's originOf.
   */
  readonly origin: string;
  /** Hop key chain (`[].parent>pid`) → hoisted path variable name. */
  readonly paths: Map<string, string>;
  /** Hoisted fields: `h`, `a`, `dv`, `le`, `length` of the ref, `<path>.<field>` of a path. */
  readonly fields: Set<string>;
  readonly hoist: boolean;
  readonly inline: boolean;
  /** A call root (`pick(2).pid`) or typed property root (`this.tasks`): the temporary its CompiledRef is held in for one access. */
  readonly temp?: string;
  /** The variable of a `for...of` over a typed array (gen-for-of.ts): paths and handle fields from the loop head, its address per iteration. */
  loop?: { readonly it: string; readonly ip: string; readonly i: string };
  /** The CompiledRef itself (`x$r`) was needed by some access. */
  refUsed: boolean;
}

/** FileState is the per-file state of one rewrite. */
export interface FileState {
  readonly st: GenState;
  /** Location prefix: the file's path relative to the base directory. */
  readonly relPath: string;
  readonly refs: Map<Binding, LocalRef>;
  /** Anchor node (statement, function body, arrow, for-of, or the Program for imported bindings) → refs declared there, in order. */
  readonly anchored: Map<t.Node, LocalRef[]>;
  /** Type sets by key (printed C type), in first-use order. */
  readonly typeSets: Map<string, { readonly type: CType; readonly node: t.Node }>;
  /** Runtime exports the file uses, each bound once to a local `__typedc$name`. */
  readonly helpers: Set<string>;
  /** Temporaries of the enclosing function bodies (innermost last), declared `var` at their top. */
  readonly envs: string[][];
  used: boolean;
  /** The file was changed without needing the runtime (enums lowered as TypeScript lowers them). */
  changed: boolean;
  counter: number;
  /** Set while the fast copy of a versioned loop is visited (gen-loop-version.ts). */
  fastLoop: FastLoop | undefined;
}

/** newFileState starts rewriting the file of `st`. */
export function newFileState(st: GenState, cwd: string): FileState {
  const base = (st.options.baseDir ?? cwd).replace(/\\/g, "/").replace(/\/+$/, "");
  const file = st.file.fileName.replace(/\\/g, "/");
  const relPath = file.startsWith(base + "/") ? file.slice(base.length + 1) : file;
  return { st, relPath, refs: new Map(), anchored: new Map(), typeSets: new Map(), helpers: new Set(), envs: [[]], used: false, changed: false, counter: 0, fastLoop: undefined };
}

/** lineColOf is the 1-based line and column of an offset of the file's text (UTF-16 units, as TypeScript counts). */
function lineColOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** locationOf is `file:line:col` (1-based) of a node's first token, as runtime errors print it. */
export function locationOf(fs: FileState, node: t.Node): string {
  // Babel's own position of a node of the file being compiled (0-based column in UTF-16 units, as TypeScript counts).
  const at = node.loc?.start;
  if (at != null && fileOfNode(fs.st, node) === fs.st.file) return `${fs.relPath}:${at.line}:${at.column + 1}`;
  const { line, column } = lineColOf(fileOfNode(fs.st, node).text, node.start!);
  return `${fs.relPath}:${line}:${column}`;
}

/** rt is the runtime export `name` as compiled code calls it: `__typedc$name`, bound once at the top of the file. */
export function rt(fs: FileState, name: string): t.Identifier {
  fs.used = true;
  fs.helpers.add(name);
  return t.identifier(`${RUNTIME_ID}$${name}`);
}

/** rtCall is `__typedc$name(...args)`. */
export function rtCall(fs: FileState, name: string, args: readonly t.Expression[]): t.CallExpression {
  return t.callExpression(rt(fs, name), [...args]);
}

/** prop is `e.name`. */
export function prop(e: t.Expression, name: string): t.MemberExpression {
  return t.memberExpression(e, t.identifier(name));
}

/** typeSetRef registers the type set of `type` (first used at `node`) and returns `__typedc$types["key"]`. */
export function typeSetRef(fs: FileState, type: CType, node: t.Node): t.Expression {
  const key = printCType(type);
  if (!fs.typeSets.has(key)) fs.typeSets.set(key, { type, node });
  fs.used = true;
  return t.memberExpression(t.identifier(TYPES_ID), t.stringLiteral(key), true);
}

/** anchorOf is where a binding's ref is declared: after its variable statement, at the start of its function body or loop body, or after the imports. */
function anchorOf(fs: FileState, b: Binding): t.Node | undefined {
  const { st } = fs;
  const d = b.decl;
  // Imported: after the imports; but a binding that may be reassigned in its module is opened at
  // each access (the tsc plugin's anchorOf).
  if (fileOfNode(st, d) !== st.file) return b.mutable ? undefined : st.file.program;
  if (isParameter(st, d)) {
    const fn = parentOf(st, d) as t.Function;
    if (fn.body?.type === "BlockStatement") return fn.body;
    return fn.type === "ArrowFunctionExpression" ? fn : undefined; // an expression body becomes a block (gen-arrow.ts)
  }
  if (d.type === "VariableDeclarator") {
    const list = parentOf(st, d)!;
    const holder = parentOf(st, list);
    if (holder?.type === "ForOfStatement" && holder.left === list) return holder;
    if (holder?.type === "ExportNamedDeclaration") return holder;
    if (holder !== undefined && (holder.type === "Program" || holder.type === "BlockStatement" || holder.type === "SwitchCase" || holder.type === "TSModuleBlock" || holder.type === "StaticBlock")) return list;
  }
  return undefined;
}

/** localRef returns (creating on first use) the LocalRef of a typed object binding in this file. */
export function localRef(fs: FileState, b: Binding): LocalRef {
  let r = fs.refs.get(b);
  if (r === undefined) {
    if (b.decl.type === "CallExpression" || b.decl.type === "MemberExpression") {
      r = { binding: b, name: "call", refName: "", origin: "", paths: new Map(), fields: new Set(), hoist: false, inline: true, temp: tempName(fs, "_r"), refUsed: false };
      fs.refs.set(b, r);
      return r;
    }
    const id = b.decl.type === "VariableDeclarator" ? b.decl.id : b.decl.type === "AssignmentPattern" ? b.decl.left : b.decl;
    const name = (id as t.Identifier).name;
    const anchor = anchorOf(fs, b);
    r = { binding: b, name, refName: `${name}$r`, origin: originOf(fs, b, name), paths: new Map(), fields: new Set(), hoist: anchor !== undefined && !b.mutable, inline: anchor === undefined, refUsed: false };
    fs.refs.set(b, r);
    if (anchor !== undefined) {
      const list = fs.anchored.get(anchor) ?? [];
      list.push(r);
      fs.anchored.set(anchor, list);
    }
  }
  return r;
}

/**
 * originOf is the name that stands for binding `b` in this file: `name` (its declared name) for
 * a binding of this file, else the local name of the first value import that resolves to its
 * declaration (default and named imports, in source order, as the tsc plugin's originOf looks).
 */
function originOf(fs: FileState, b: Binding, name: string): string {
  const { st } = fs;
  if (fileOfNode(st, b.decl) === st.file) return name;
  for (const s of st.file.program.body) {
    if (s.type !== "ImportDeclaration" || s.importKind === "type") continue;
    for (const spec of s.specifiers) {
      if (spec.type !== "ImportNamespaceSpecifier" && declarationOf(st, spec.local) === b.decl) return spec.local.name;
    }
  }
  return name; // not reached through an import of this file: the tsc plugin also falls back to the declared name
}

/** refExpr is the expression of a binding's CompiledRef at an access: `x$r`, or `__typedc$cref(x)` for an inline one. */
export function refExpr(fs: FileState, r: LocalRef): t.Expression {
  r.refUsed = true;
  if (r.temp !== undefined) return t.identifier(r.temp);
  if (r.inline) return rtCall(fs, "cref", [t.identifier(r.origin)]);
  fs.used = true;
  return t.identifier(r.refName);
}

/** pathExprs returns one expression per hop: hoisted names (`x$p0`) for bindings bound once, else `__typedc$cpath(...)`/`__typedc$cnext(...)`. */
export function pathExprs(fs: FileState, r: LocalRef, refOf: () => t.Expression, keys: readonly string[]): t.Expression[] {
  const out: t.Expression[] = [];
  for (let j = 0; j < keys.length; j++) {
    if (r.hoist) {
      const chainKey = keys.slice(0, j + 1).join(">");
      let name = r.paths.get(chainKey);
      if (name === undefined) {
        name = `${r.name}$p${r.paths.size}`;
        r.paths.set(chainKey, name);
      }
      out.push(t.identifier(name));
    } else {
      const tp = prop(refOf(), "tp");
      out.push(j === 0
        ? rtCall(fs, "cpath", [tp, prop(refOf(), "t"), t.stringLiteral(keys[0]!)])
        : rtCall(fs, "cnext", [tp, out[j - 1]!, t.stringLiteral(keys[j]!)]));
    }
  }
  return out;
}

/** REF_FIELDS are the hoistable fields of a ref, and how each is read from it (core/plan). */
const REF_FIELDS = REF_FIELD_PATHS;

/** hoistedName is the local constant of a hoisted field: `x$a`, `x$dv`, `x$p0o`, `x$p0s1` (core/plan's hoistedFieldName). */
export function hoistedName(r: LocalRef, field: string): string {
  return hoistedFieldName(r.name, field);
}

function hoistedInit(r: LocalRef, field: string): t.Expression {
  const dot = field.indexOf(".");
  if (dot >= 0) return prop(t.identifier(field.slice(0, dot)), field.slice(dot + 1));
  let e: t.Expression = t.identifier(r.refName);
  for (const p of REF_FIELDS[field]!) e = prop(e, p);
  return e;
}

/** refDeclarations builds the statements that open the refs anchored at a node (`const x$r = __typedc$cref(x), x$p0 = ...;`). */
export function refDeclarations(fs: FileState, anchor: t.Node): t.Statement[] {
  const out: t.Statement[] = [];
  const refs = fs.anchored.get(anchor) ?? [];
  fs.anchored.delete(anchor); // declared once (a for...of is both an anchor and a statement)
  if (fs.fastLoop !== undefined && refs.length > 0) fs.fastLoop.declared.push([anchor, refs]); // declared again in the usual copy
  for (const r of refs) {
    const decls: t.VariableDeclarator[] = [t.variableDeclarator(t.identifier(r.refName), rtCall(fs, "cref", [t.identifier(r.origin)]))];
    for (const [chainKey, name] of r.paths) {
      const keys = chainKey.split(">");
      const last = keys[keys.length - 1]!;
      const tp = prop(t.identifier(r.refName), "tp");
      const init = keys.length === 1
        ? rtCall(fs, "cpath", [tp, prop(t.identifier(r.refName), "t"), t.stringLiteral(last)])
        : rtCall(fs, "cnext", [tp, t.identifier(r.paths.get(keys.slice(0, -1).join(">"))!), t.stringLiteral(last)]);
      decls.push(t.variableDeclarator(t.identifier(name), init));
    }
    for (const field of r.fields) decls.push(t.variableDeclarator(t.identifier(hoistedName(r, field)), hoistedInit(r, field)));
    const d = r.binding.decl;
    const list = d.type === "VariableDeclarator" ? (parentOf(fs.st, d) as t.VariableDeclaration) : undefined;
    const kind = r.hoist ? "const" : list?.kind === "var" ? "var" : "let";
    const stmt = t.variableDeclaration(kind, decls);
    if (fileOfNode(fs.st, d) === fs.st.file) stmt.loc = d.loc ?? null;
    out.push(stmt);
  }
  return out;
}

/** refField is a field of a binding's ref at an access: the hoisted local (`x$a`) or a property read (`x$r.a`). */
export function refField(fs: FileState, r: LocalRef, ref: () => t.Expression, field: string): t.Expression {
  if (r.loop !== undefined && field === "length") return prop(refExpr(fs, r), "length");
  if (r.hoist) {
    r.fields.add(field);
    return hoistedOrLiteral(fs, hoistedName(r, field));
  }
  let e = ref();
  for (const p of REF_FIELDS[field]!) e = prop(e, p);
  return e;
}

/** pathField is a field of a compiled path at an access: hoisted (`x$p0o`) or read (`P.o`). */
export function pathField(fs: FileState, r: LocalRef, path: t.Expression, field: string): t.Expression {
  if (r.hoist && path.type === "Identifier") {
    const key = `${path.name}.${field}`;
    r.fields.add(key);
    return hoistedOrLiteral(fs, hoistedName(r, key));
  }
  return prop(t.cloneNode(path, true), field);
}

/** hoistedOrLiteral names a hoisted field, or in a precompiled copy of a versioned loop writes its value for that layout (gen-loop-version.ts). */
function hoistedOrLiteral(fs: FileState, name: string): t.Expression {
  const literal = fs.fastLoop?.literals?.get(name);
  return literal !== undefined ? t.numericLiteral(literal) : t.identifier(name);
}

/**
 * tempName returns a fresh temporary, declared with `var` at the top of the enclosing function
 * (TypeScript's hoistVariableDeclaration), or in a versioned loop's fast copy with `let` at the
 * top of the loop body (the tsc plugin's tempName).
 */
export function tempName(fs: FileState, hint: string): string {
  const name = `${hint}$${++fs.counter}`;
  if (fs.fastLoop !== undefined) fs.fastLoop.temps.push(name);
  else fs.envs[fs.envs.length - 1]!.push(name);
  return name;
}

/** loopName returns a fresh name for a loop variable (declared by the caller). */
export function loopName(fs: FileState, hint: string): string {
  return `${hint}$${++fs.counter}`;
}

/** hoistedVars is the `var _a$1, ...;` statement of a function's temporaries (none: empty). */
export function hoistedVars(names: readonly string[]): t.Statement[] {
  return names.length === 0 ? [] : [t.variableDeclaration("var", names.map((n) => t.variableDeclarator(t.identifier(n))))];
}
