/**
 * Name resolution in the file being compiled, without a checker and without a Babel
 * traversal: the declaration an identifier refers to, by JavaScript's scoping rules
 * (block-scoped `let`/`const`/`class`/`function` in module code, `var` hoisted to its
 * function, parameters, catch parameters, loop heads, imports). Declarations found are the
 * nodes the rest of the generator expects: a VariableDeclarator, a parameter (Identifier or
 * AssignmentPattern), a FunctionDeclaration/ClassDeclaration, or an import specifier.
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { isFunctionLike, parentOf, type GenState } from "./gen-state.js";

const tables = new WeakMap<t.Node, Map<string, t.Node>>();

/** patternNames adds the names a binding pattern declares, each bound to `owner`. */
function patternNames(pattern: t.Node | null | undefined, owner: t.Node, out: Map<string, t.Node>): void {
  if (pattern == null) return;
  switch (pattern.type) {
    case "Identifier":
      if (!out.has(pattern.name)) out.set(pattern.name, owner);
      return;
    case "AssignmentPattern":
      return patternNames(pattern.left, owner, out);
    case "RestElement":
      return patternNames(pattern.argument, owner, out);
    case "ArrayPattern":
      for (const e of pattern.elements) patternNames(e, owner, out);
      return;
    case "ObjectPattern":
      for (const p of pattern.properties) patternNames(p.type === "RestElement" ? p : (p.value as t.Node), owner, out);
      return;
    case "TSParameterProperty":
      return patternNames(pattern.parameter, owner, out);
  }
}

/** declarator adds a variable declaration's names (each to its declarator). */
function declarations(list: t.VariableDeclaration, out: Map<string, t.Node>): void {
  for (const d of list.declarations) patternNames(d.id, d, out);
}

/** lexical adds what a statement declares in its block (everything but `var`). */
function lexical(statement: t.Node, out: Map<string, t.Node>): void {
  const s = (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration != null ? statement.declaration : statement;
  switch (s.type) {
    case "VariableDeclaration":
      if (s.kind !== "var") declarations(s, out);
      return;
    case "FunctionDeclaration":
    case "ClassDeclaration":
    case "TSEnumDeclaration":
    case "TSDeclareFunction":
      if (s.id != null && !out.has(s.id.name)) out.set(s.id.name, s);
      return;
    case "ImportDeclaration":
      for (const spec of s.specifiers) if (!out.has(spec.local.name)) out.set(spec.local.name, spec);
      return;
  }
}

/** hoistedVars adds the `var` declarations under a node, not crossing into nested functions. */
function hoistedVars(node: t.Node, out: Map<string, t.Node>): void {
  if (node.type === "VariableDeclaration" && node.kind === "var") declarations(node, out);
  for (const key of t.VISITOR_KEYS[node.type] ?? []) {
    const child = (node as any)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c != null && typeof c === "object" && !isFunctionLike(c) && !c.type.startsWith("TS")) hoistedVars(c, out);
    } else if (child != null && typeof child === "object" && !isFunctionLike(child) && !child.type.startsWith("TS")) hoistedVars(child, out);
  }
}

/** tableOf is what a scope node declares (undefined for a node that opens no scope). */
function tableOf(node: t.Node): Map<string, t.Node> | undefined {
  const known = tables.get(node);
  if (known !== undefined) return known;
  const out = new Map<string, t.Node>();
  if (node.type === "Program") {
    for (const s of node.body) lexical(s, out);
    hoistedVars(node, out);
  } else if (node.type === "TSModuleBlock") {
    // A namespace body is a function body once compiled: its `var`s (also in nested blocks) are its own.
    for (const s of node.body) lexical(s, out);
    hoistedVars(node, out);
  } else if (node.type === "BlockStatement" || node.type === "StaticBlock") {
    for (const s of node.body) lexical(s, out);
  } else if (node.type === "SwitchStatement") {
    for (const c of node.cases) for (const s of c.consequent) lexical(s, out);
  } else if (node.type === "ForStatement" || node.type === "ForInStatement" || node.type === "ForOfStatement") {
    const head = node.type === "ForStatement" ? node.init : node.left;
    if (head?.type === "VariableDeclaration" && head.kind !== "var") declarations(head, out);
  } else if (node.type === "CatchClause") {
    patternNames(node.param, node.param ?? node, out);
  } else if (isFunctionLike(node)) {
    for (const p of node.params as t.Node[]) patternNames(p, p.type === "TSParameterProperty" ? p.parameter : p, out);
    const body = (node as { body?: t.Node | null }).body;
    if (body != null && body.type === "BlockStatement") hoistedVars(body, out);
    const id = (node as { id?: t.Identifier | null }).id;
    if (node.type === "FunctionExpression" && id != null && !out.has(id.name)) out.set(id.name, node);
  } else if (node.type === "ClassExpression" && node.id != null) {
    out.set(node.id.name, node);
  } else return undefined;
  tables.set(node, out);
  return out;
}

/** localDeclarationOf is the declaration a name at `id` refers to in the file being compiled, or undefined (a global). */
export function localDeclarationOf(st: GenState, id: t.Identifier): t.Node | undefined {
  for (let n = parentOf(st, id); n !== undefined; n = parentOf(st, n)) {
    const found = tableOf(n)?.get(id.name);
    if (found !== undefined) return found;
  }
  return undefined;
}
