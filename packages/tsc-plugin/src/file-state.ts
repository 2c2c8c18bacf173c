/**
 * FileState: what the transformer keeps while rewriting one source file: the
 * local refs of typed bindings (`tasks$r`) and their hoisted paths (`tasks$p0`),
 * where their declarations go, the type sets the file needs, and source locations.
 */
import type * as TS from "typescript";
import { hoistedFieldName, printCType, REF_FIELD_PATHS, type CType } from "@typedc/core";
import type { Binding } from "./bindings.js";
import type { FastLoop } from "./loop-version.js";
import { declarationOf, type ProgramState } from "./program-state.js";

/** RUNTIME_ID is the namespace the compiled code imports `@typedc/runtime` as (reserved name). */
export const RUNTIME_ID = "__typedc";
/** TYPES_ID is the per-file constant holding the file's type sets (reserved name). */
export const TYPES_ID = "__typedc$types";

/**
 * LocalRef is a typed binding as compiled code holds it in this file: `x$r` (a
 * CompiledRef) and, for bindings bound once, one hoisted path per hop key (`x$p0`).
 * A binding that may be reassigned keeps its ref up to date and resolves paths at the
 * access (cached by the runtime); `inline` bindings (no statement to anchor to) open
 * their ref at the access too.
 */
export interface LocalRef {
  readonly binding: Binding;
  readonly name: string;
  readonly refName: string;
  /** Hop key chain (`[].parent>pid`) → hoisted path variable name. */
  readonly paths: Map<string, string>;
  /**
   * Fields hoisted into local constants (bindings bound once): `h`, `a`, `dv`, `le`, `length`
   * of the ref (`x$h = x$r.h`) and `<path>.<field>` of a path (`x$p0o = x$p0.o`), so a hot loop
   * reads locals, not properties (the handle and paths are frozen).
   */
  readonly fields: Set<string>;
  readonly hoist: boolean;
  readonly inline: boolean;
  /** A call root (`pick(2).pid`): the temporary its CompiledRef is held in for one access. */
  readonly temp?: TS.Identifier;
  /**
   * The variable of a `for...of` over a typed array (emit-for-of.ts): its paths and handle
   * fields are resolved once in the loop head from the iterated array (`it`, element path `ip`),
   * its address per iteration (`t$a`); the object itself is made only if `refUsed`.
   */
  loop?: { readonly it: string; readonly ip: string; readonly i: string };
  /** The CompiledRef itself (`x$r`) was needed by some access. */
  refUsed: boolean;
  /**
   * A source identifier naming the binding in this file (its declared name, or the local
   * name of its import), cloned wherever compiled code names the binding (bindingName).
   */
  readonly origin?: TS.Identifier;
}

/** FileState is the per-file state of one transformer run. */
export interface FileState {
  readonly st: ProgramState;
  readonly sf: TS.SourceFile;
  readonly f: TS.NodeFactory;
  readonly context: TS.TransformationContext;
  /** Location prefix: the file's path relative to the base directory. */
  readonly relPath: string;
  readonly refs: Map<Binding, LocalRef>;
  /** Anchor node (statement, function, for-of, or the file for imports) → refs declared after/at it, in order. */
  readonly anchored: Map<TS.Node, LocalRef[]>;
  /** Type sets by key (printed C type), in first-use order. */
  readonly typeSets: Map<string, { readonly type: CType; readonly node: TS.Node }>;
  /** Runtime exports the file uses, each bound once to a local `__typedc$name` (no getter per access). */
  readonly helpers: Set<string>;
  used: boolean;
  counter: number;
  /** Set while the fast copy of a versioned loop is visited (loop-version.ts). */
  fastLoop: FastLoop | undefined;
}

/** newFileState starts rewriting a file. */
export function newFileState(st: ProgramState, sf: TS.SourceFile, context: TS.TransformationContext): FileState {
  const base = (st.options.baseDir ?? st.program.getCurrentDirectory()).replace(/\\/g, "/").replace(/\/+$/, "");
  const file = sf.fileName.replace(/\\/g, "/");
  const relPath = file.startsWith(base + "/") ? file.slice(base.length + 1) : file;
  return { st, sf, f: context.factory, context, relPath, refs: new Map(), anchored: new Map(), typeSets: new Map(), helpers: new Set(), used: false, counter: 0, fastLoop: undefined };
}

/** locationOf is `file:line:col` (1-based) of a node's first token, as runtime errors print it. */
export function locationOf(fs: FileState, node: TS.Node): string {
  const { line, character } = fs.sf.getLineAndCharacterOfPosition(node.getStart(fs.sf));
  return `${fs.relPath}:${line + 1}:${character + 1}`;
}

/**
 * rt is the runtime export `name` as compiled code calls it: `__typedc$name`, a local
 * constant bound once at the top of the file (`const __typedc$ix = __typedc.ix`), so an
 * access never goes through the namespace's re-export getters.
 */
export function rt(fs: FileState, name: string): TS.Expression {
  fs.used = true;
  fs.helpers.add(name);
  return fs.f.createIdentifier(`${RUNTIME_ID}$${name}`);
}

/** rtCall is `__typedc.name(...args)`. */
export function rtCall(fs: FileState, name: string, args: readonly TS.Expression[]): TS.Expression {
  return fs.f.createCallExpression(rt(fs, name), undefined, args);
}

/** typeSetRef registers the type set of `type` (first used at `node`) and returns `__typedc$types["key"]`. */
export function typeSetRef(fs: FileState, type: CType, node: TS.Node): TS.Expression {
  const key = printCType(type);
  if (!fs.typeSets.has(key)) fs.typeSets.set(key, { type, node });
  fs.used = true;
  return fs.f.createElementAccessExpression(fs.f.createIdentifier(TYPES_ID), fs.f.createStringLiteral(key));
}

/** anchorOf is where a binding's ref is declared: after its variable statement, at the start of its function or loop body, or after the imports. */
function anchorOf(fs: FileState, b: Binding): TS.Node | undefined {
  const { ts } = fs.st;
  const d = b.decl;
  // Imported (declarationOf follows another file's declaration only through an import): after the
  // imports; but one that may be reassigned there is opened at each access (no ref of this file
  // could follow the other file's assignments).
  if (d.getSourceFile() !== fs.sf) return b.mutable ? undefined : fs.sf;
  // A parameter's ref opens at the start of its function's block body (an arrow's expression body: at each access).
  if (ts.isParameter(d)) {
    const body = (d.parent as TS.FunctionLikeDeclaration).body;
    if (body !== undefined && ts.isBlock(body)) return body;
    return ts.isArrowFunction(d.parent) ? d.parent : undefined; // an expression body becomes a block (emit-arrow.ts)
  }
  if (ts.isVariableDeclaration(d)) {
    const list = d.parent;
    if (ts.isVariableStatement(list.parent)) return list.parent;
    if (ts.isForOfStatement(list.parent)) return list.parent;
  }
  return undefined;
}

/** localRef returns (creating on first use) the LocalRef of a typed object binding in this file. */
export function localRef(fs: FileState, b: Binding): LocalRef {
  let r = fs.refs.get(b);
  if (r === undefined) {
    if (fs.st.ts.isCallExpression(b.decl) || fs.st.ts.isPropertyAccessExpression(b.decl)) {
      r = { binding: b, name: "call", refName: "", paths: new Map(), fields: new Set(), hoist: false, inline: true, temp: tempName(fs, "_r"), refUsed: false };
      fs.refs.set(b, r);
      return r;
    }
    const name = (b.decl.name as TS.Identifier).text;
    const anchor = anchorOf(fs, b);
    r = { binding: b, name, refName: `${name}$r`, paths: new Map(), fields: new Set(), hoist: anchor !== undefined && !b.mutable, inline: anchor === undefined, refUsed: false, origin: originOf(fs, b) };
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
 * originOf is the source identifier that names binding `b` in this file: its declared name,
 * or the local name of the import that brings it in (`import { table as t }`: `t`).
 */
function originOf(fs: FileState, b: Binding): TS.Identifier | undefined {
  const { ts } = fs.st;
  const d = b.decl;
  if (d.getSourceFile() === fs.sf) return d.name !== undefined && ts.isIdentifier(d.name) ? d.name : undefined;
  for (const s of fs.sf.statements) {
    const clause = ts.isImportDeclaration(s) ? s.importClause : undefined;
    if (clause === undefined || clause.isTypeOnly) continue;
    const named = clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((e) => e.name) : [];
    for (const n of clause.name !== undefined ? [clause.name, ...named] : named) if (declarationOf(fs.st, n) === d) return n;
  }
  return undefined;
}

/**
 * bindingName is the binding as compiled code names it: a clone of its source identifier, so
 * that a module transform rewrites it as it rewrites the source's own references
 * (CommonJS: `exports.table`, `shared_1.table`; the clone's original is what TypeScript's
 * resolver looks at), else a plain identifier.
 */
export function bindingName(fs: FileState, r: LocalRef): TS.Identifier {
  return r.origin !== undefined ? cloneName(fs, r.origin) : fs.f.createIdentifier(r.name);
}

/**
 * cloneName is a new identifier with the text of `id` whose original node is `id` (what the
 * factory's internal cloneNode makes): TypeScript's resolver follows the original to the
 * parse tree, so module transforms substitute the clone as they would `id` itself.
 */
export function cloneName(fs: FileState, id: TS.Identifier): TS.Identifier {
  return fs.st.ts.setOriginalNode(fs.f.createIdentifier(id.text), id);
}

/** refExpr is the expression of a binding's CompiledRef at an access: `x$r`, or `__typedc.cref(x)` for an inline one. */
export function refExpr(fs: FileState, r: LocalRef): TS.Expression {
  r.refUsed = true;
  if (r.temp !== undefined) return fs.f.createIdentifier(r.temp.text);
  if (r.inline) return rtCall(fs, "cref", [bindingName(fs, r)]);
  fs.used = true;
  return fs.f.createIdentifier(r.refName);
}

/**
 * pathExprs returns one expression per hop for hop keys `keys`: hoisted names
 * (`x$p0`, declared with the ref) for bindings bound once, else `__typedc.cpath(...)`
 * / `__typedc.cnext(...)` at the access (the runtime caches them per table).
 */
export function pathExprs(fs: FileState, r: LocalRef, refOf: () => TS.Expression, keys: readonly string[]): TS.Expression[] {
  const f = fs.f;
  const out: TS.Expression[] = [];
  for (let j = 0; j < keys.length; j++) {
    if (r.hoist) {
      const chainKey = keys.slice(0, j + 1).join(">");
      let name = r.paths.get(chainKey);
      if (name === undefined) {
        name = `${r.name}$p${r.paths.size}`;
        r.paths.set(chainKey, name);
      }
      out.push(f.createIdentifier(name));
    } else {
      const tp = f.createPropertyAccessExpression(refOf(), "tp");
      out.push(j === 0
        ? rtCall(fs, "cpath", [tp, f.createPropertyAccessExpression(refOf(), "t"), f.createStringLiteral(keys[0]!)])
        : rtCall(fs, "cnext", [tp, out[j - 1]!, f.createStringLiteral(keys[j]!)]));
    }
  }
  return out;
}

/**
 * refDeclarations builds the statements that open the refs anchored at a node:
 * `const x$r = __typedc.cref(x), x$p0 = __typedc.cpath(x$r.tp, x$r.t, "[].pid");`
 * (`let`/`var` like the binding when it may be reassigned).
 */
export function refDeclarations(fs: FileState, anchor: TS.Node): TS.Statement[] {
  const { ts } = fs.st;
  const f = fs.f;
  const out: TS.Statement[] = [];
  const refs = fs.anchored.get(anchor) ?? [];
  fs.anchored.delete(anchor); // declared once (a for...of is both an anchor and a statement)
  if (fs.fastLoop !== undefined && refs.length > 0) fs.fastLoop.declared.push([anchor, refs]); // declared again in the usual copy
  for (const r of refs) {
    const ref = f.createIdentifier(r.refName);
    const decls: TS.VariableDeclaration[] = [f.createVariableDeclaration(r.refName, undefined, undefined, rtCall(fs, "cref", [bindingName(fs, r)]))];
    const names: string[] = [];
    for (const [chainKey, name] of r.paths) {
      const keys = chainKey.split(">");
      const last = keys[keys.length - 1]!;
      const tp = f.createPropertyAccessExpression(ref, "tp");
      const init = keys.length === 1
        ? rtCall(fs, "cpath", [tp, f.createPropertyAccessExpression(ref, "t"), f.createStringLiteral(last)])
        : rtCall(fs, "cnext", [tp, f.createIdentifier(r.paths.get(keys.slice(0, -1).join(">"))!), f.createStringLiteral(last)]);
      decls.push(f.createVariableDeclaration(name, undefined, undefined, init));
      names.push(name);
    }
    for (const field of r.fields) decls.push(f.createVariableDeclaration(hoistedName(r, field), undefined, undefined, hoistedInit(fs, r, field)));
    const d = r.binding.decl;
    const isVar = ts.isVariableDeclaration(d) && (d.parent.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
    const flags = r.hoist ? ts.NodeFlags.Const : isVar ? ts.NodeFlags.None : ts.NodeFlags.Let;
    const stmt = f.createVariableStatement(undefined, f.createVariableDeclarationList(decls, flags));
    ts.setSourceMapRange(stmt, { pos: d.getStart(fs.sf), end: d.end });
    out.push(stmt);
  }
  return out;
}

/** hoistedName is the local constant of a hoisted field: `x$a`, `x$dv`, `x$p0o`, `x$p0s1`. */
export function hoistedName(r: LocalRef, field: string): string {
  return hoistedFieldName(r.name, field);
}

function hoistedInit(fs: FileState, r: LocalRef, field: string): TS.Expression {
  const f = fs.f;
  const dot = field.indexOf(".");
  if (dot >= 0) return f.createPropertyAccessExpression(f.createIdentifier(field.slice(0, dot)), field.slice(dot + 1));
  let e: TS.Expression = f.createIdentifier(r.refName);
  for (const p of REF_FIELD_PATHS[field]!) e = f.createPropertyAccessExpression(e, p);
  return e;
}

/**
 * refField is a field of a binding's ref at an access: the hoisted local (`x$a`) for a
 * binding bound once, else a property read (`x$r.a`, `x$r.h.dv`).
 */
export function refField(fs: FileState, r: LocalRef, ref: () => TS.Expression, field: string): TS.Expression {
  if (r.loop !== undefined && field === "length") return fs.f.createPropertyAccessExpression(refExpr(fs, r), "length");
  if (r.hoist) {
    r.fields.add(field);
    return hoistedOrLiteral(fs, hoistedName(r, field));
  }
  let e = ref();
  for (const p of REF_FIELD_PATHS[field]!) e = fs.f.createPropertyAccessExpression(e, p);
  return e;
}

/** pathField is a field of a compiled path at an access: hoisted (`x$p0o`) or read (`P.o`). */
export function pathField(fs: FileState, r: LocalRef, path: TS.Expression, field: string): TS.Expression {
  if (r.hoist && fs.st.ts.isIdentifier(path)) {
    const key = `${path.text}.${field}`;
    r.fields.add(key);
    return hoistedOrLiteral(fs, hoistedName(r, key));
  }
  return fs.f.createPropertyAccessExpression(path, field);
}

/** hoistedOrLiteral names a hoisted field, or in a precompiled copy of a versioned loop writes its value for that layout (loop-version.ts). */
function hoistedOrLiteral(fs: FileState, name: string): TS.Expression {
  const literal = fs.fastLoop?.literals?.get(name);
  return literal !== undefined ? fs.f.createNumericLiteral(literal) : fs.f.createIdentifier(name);
}

/**
 * tempName returns a fresh identifier for a temporary, declared with `var` at the top of the
 * enclosing function, or in a versioned loop's fast copy with `let` at the top of the loop body
 * (V8 keeps a block-local BigInt unboxed: W2 went from 2.9× to 2.3× the limit).
 */
export function tempName(fs: FileState, hint: string): TS.Identifier {
  const id = fs.f.createIdentifier(`${hint}$${++fs.counter}`);
  if (fs.fastLoop !== undefined) fs.fastLoop.temps.push(id.text);
  else fs.context.hoistVariableDeclaration(id);
  return id;
}

/** loopName returns a fresh identifier for a loop variable (declared by the caller). */
export function loopName(fs: FileState, hint: string): TS.Identifier {
  return fs.f.createIdentifier(`${hint}$${++fs.counter}`);
}
