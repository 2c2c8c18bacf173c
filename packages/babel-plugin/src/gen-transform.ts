/**
 * The Babel plugin's `__typed` rewrite of one file (issue #5; the tsc plugin's
 * transformer.ts on Babel's tree): a recursive visitor that walks the original tree in
 * TypeScript's visiting order and returns new nodes, so that temporaries, hoisted paths
 * and runtime helpers come out in the same order and with the same names as the tsc
 * plugin's. Which expressions are typed is decided by syntax (gen-bindings.ts, gen-flow.ts).
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { Diagnostics, OPTIONS_ARGUMENT_INDEX, planAccess, printCType, typedChainLength, type AccessPlan } from "@typedc/core";
import { bindingOfDeclaration, bindingOfIdentifier, CACHE_CALLS, contextualType, cTypeOf, skipOuter, TYPED_CALLS, typedExpressionType } from "./gen-bindings.js";
import { chainOf, type Chain } from "./gen-chain.js";
import { compileChain, objectOf, pointerReadOf, readOf, withRoot, type CompiledChain } from "./gen-access.js";
import { hoistedVars, localRef, locationOf, prop, refDeclarations, refExpr, refField, rtCall, typeSetRef, type FileState } from "./gen-file-state.js";
import { flowOf } from "./gen-flow.js";
import { report } from "./gen-report.js";
import { compactText, isFunctionLike, parentOf, runtimeNameOf, textOf } from "./gen-state.js";

/** Visitor is the per-file visitor with access to its FileState. */
export interface Visitor {
  readonly fs: FileState;
  readonly visit: (node: t.Node) => t.Node | t.Node[] | null;
  readonly expr: (node: t.Node) => t.Expression;
  readonly statements: (list: readonly t.Statement[]) => t.Statement[];
}

/** PlannedChain is a chain with its plan. */
export interface PlannedChain {
  readonly chain: Chain;
  readonly plan: AccessPlan;
}

/** planChain plans the first `stepCount` steps of a chain, reporting a mistake at its step. */
export function planChain(fs: FileState, chain: Chain, stepCount = chain.steps.length): PlannedChain | undefined {
  const { st } = fs;
  const steps = chain.steps.slice(0, stepCount).map((s) => s.step);
  const planned = planAccess(st.decls, chain.binding.type, steps, (k) => (k === 0 ? chain.rootText : compactText(st, chain.steps[k - 1]!.node)));
  if (!planned.ok) {
    const at = chain.steps[planned.error.step]!.node;
    report(st, planned.error.message, planned.error.args, at.property);
    return undefined;
  }
  if (chain.optional) {
    report(st, Diagnostics.Optional_chaining_on_typed_0_is_not_supported_test_the_pointer_for_null_first, [chain.rootText], chain.steps[stepCount - 1]!.node);
    return undefined;
  }
  return { chain, plan: planned.plan };
}

/** compileFor compiles the first `stepCount` steps of a planned chain, visiting its index expressions and call root. */
export function compileFor(v: Visitor, chain: Chain, plan: AccessPlan, node: t.Node, stepCount = chain.steps.length): CompiledChain {
  const rootInit = chain.rootCall === undefined ? undefined : v.expr(chain.rootCall);
  const indices = chain.steps.slice(0, stepCount).filter((s) => s.index !== undefined).map((s) => v.expr(s.index!));
  return compileChain(v.fs, chain, plan, indices, locationOf(v.fs, node), stepCount, rootInit);
}

/** done finishes a compiled access: opens a call root first, and stands for the original node. */
export function done(fs: FileState, c: CompiledChain, generated: t.Expression, original: t.Node): t.Expression {
  return replaced(withRoot(fs, c, generated), original);
}

/** replaced marks a generated node as standing for an original one: its location (source maps) and comments. */
export function replaced<T extends t.Node>(generated: T, original: t.Node): T {
  generated.loc = original.loc ?? null;
  generated.start = original.start ?? null;
  generated.end = original.end ?? null;
  if (original.leadingComments != null) generated.leadingComments = original.leadingComments;
  if (original.trailingComments != null) generated.trailingComments = original.trailingComments;
  return generated;
}

/** flowed applies the flow of a typed object at `node` to its compiled value: kept, converted with toPlain, or reported. */
export function flowed(v: Visitor, node: t.Node, value: t.Expression, typeName: string): t.Expression {
  const flow = flowOf(v.fs.st, node);
  if (flow.kind === "plain") return rtCall(v.fs, "toPlain", [value]);
  if (flow.kind === "escape") report(v.fs.st, Diagnostics.Typed_value_0_escapes_into_1_Annotate_it_with_typed_2_or_convert_it_with_toPlain, [compactText(v.fs.st, node), flow.into, typeName], node);
  return value;
}

/** STATEMENT_LISTS are the statement-list fields of Babel nodes (TypeScript's Block, SourceFile, ModuleBlock and clauses). */
const STATEMENT_LISTS: Readonly<Record<string, string>> = { BlockStatement: "body", Program: "body", SwitchCase: "consequent", TSModuleBlock: "body", StaticBlock: "body" };

/**
 * TS_VISITED are the TypeScript-only nodes that hold values, and the declarations whose member
 * signatures are checked (1217, gen-typed-returns.ts); every other `TS*` node is a type, returned as it is.
 */
const TS_VISITED: ReadonlySet<string> = new Set(["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "TSTypeAssertion", "TSInstantiationExpression", "TSModuleDeclaration", "TSModuleBlock", "TSEnumDeclaration", "TSEnumMember", "TSExportAssignment", "TSParameterProperty", "TSDeclareMethod", "TSInterfaceDeclaration", "TSTypeAliasDeclaration"]);

/** newVisitor makes the visitor of a file. */
export function newVisitor(fs: FileState): Visitor {
  const v: Visitor = {
    fs,
    visit: (node) => visit(v, node),
    expr: (node) => {
      const out = visit(v, node);
      if (out === null || Array.isArray(out)) throw new Error(`assert: an expression (${node.type}) visited to ${out === null ? "nothing" : "a list"}`);
      return out as t.Expression;
    },
    statements: (list) => visitStatementList(v, list),
  };
  return v;
}

/** visitStatementList visits statements, then declares the refs anchored at each after it. */
export function visitStatementList(v: Visitor, list: readonly t.Statement[]): t.Statement[] {
  // Every statement first: a ref's paths and fields are known only after the accesses that follow it.
  const visited = list.map((s) => ({ s, o: visit(v, s) }));
  const out: t.Statement[] = [];
  for (const { s, o } of visited) {
    if (o !== null) out.push(...((Array.isArray(o) ? o : [o]) as t.Statement[]));
    out.push(...refDeclarations(v.fs, s));
  }
  return out;
}

/** visitEachChild visits every child of a node (Babel's visitor keys, source order) into a shallow copy. */
export function visitEachChild(v: Visitor, node: t.Node): t.Node {
  if (isFunctionLike(node)) return visitFunction(v, node);
  const copy: any = { ...node };
  let changed = false; // an unchanged subtree stays the same object (Babel keeps its paths and scopes)
  const listKey = STATEMENT_LISTS[node.type];
  for (const key of t.VISITOR_KEYS[node.type] ?? []) {
    const child = (node as any)[key];
    if (child == null) continue;
    if (key === listKey) {
      copy[key] = v.statements(child);
      changed ||= copy[key].length !== child.length || copy[key].some((c: t.Node, i: number) => c !== child[i]);
    } else if (Array.isArray(child)) {
      const out: t.Node[] = [];
      for (const c of child) {
        if (c == null) out.push(c);
        else {
          const o = visit(v, c);
          if (o !== null) out.push(...(Array.isArray(o) ? o : [o]));
        }
      }
      copy[key] = out;
      changed ||= out.length !== child.length || out.some((c, i) => c !== child[i]);
    } else if (typeof child === "object") {
      copy[key] = visit(v, child);
      changed ||= copy[key] !== child;
    }
  }
  return changed ? (copy as t.Node) : node;
}

/**
 * visitFunction visits a function's parameters and body in a lexical environment of its
 * own: its temporaries are declared `var` at the top of its body (an expression body
 * becomes a block), as TypeScript's visitFunctionBody merges hoisted declarations.
 */
export function visitFunction(v: Visitor, node: t.Node): t.Node {
  const { fs } = v;
  const copy: any = { ...node };
  fs.envs.push([]);
  for (const key of t.VISITOR_KEYS[node.type] ?? []) {
    const child = (node as any)[key];
    if (child == null || key === "body") continue;
    if (Array.isArray(child)) copy[key] = child.map((c: t.Node) => (c == null ? c : visit(v, c)));
    else if (typeof child === "object") copy[key] = visit(v, child);
  }
  const body = (node as { body?: t.Node | null }).body;
  if (body != null) copy.body = body.type === "BlockStatement" ? visitBlock(v, body) : v.expr(body);
  const temps = fs.envs.pop()!;
  const changed = temps.length > 0 || (t.VISITOR_KEYS[node.type] ?? []).some((key) => copy[key] !== (node as any)[key] && !(Array.isArray(copy[key]) && copy[key].every((c: unknown, i: number) => c === (node as any)[key][i]) && copy[key].length === (node as any)[key].length));
  if (!changed) return node;
  if (temps.length > 0 && copy.body != null) {
    if (copy.body.type === "BlockStatement") copy.body = { ...copy.body, body: [...hoistedVars(temps), ...copy.body.body] };
    else {
      copy.body = t.blockStatement([...hoistedVars(temps), t.returnStatement(copy.body)]);
      copy.expression = false;
    }
  }
  return copy as t.Node;
}

/** visit dispatches a node to its handler (the tsc plugin's switch), or visits its children. */
function visit(v: Visitor, node: t.Node): t.Node | t.Node[] | null {
  if (node.type.startsWith("TS") && !TS_VISITED.has(node.type)) return node;
  const handler = HANDLERS[node.type];
  return handler !== undefined ? handler(v, node) : visitEachChild(v, node);
}

type Handler = (v: Visitor, node: any) => t.Node | t.Node[] | null;

/** HANDLERS is the visitor's switch by node type; gen-update.ts, gen-for-of.ts and gen-arrow.ts add theirs (registered by the modules that define them gen-handlers.ts, avoiding an import cycle). */
export const HANDLERS: Record<string, Handler> = {
  BlockStatement: (v, n: t.BlockStatement) => visitBlock(v, n),
  VariableDeclarator: (v, n: t.VariableDeclarator) => visitVariableDeclarator(v, n),
  MemberExpression: (v, n: t.MemberExpression) => visitAccess(v, n),
  OptionalMemberExpression: (v, n: t.OptionalMemberExpression) => visitAccess(v, n),
  CallExpression: (v, n: t.CallExpression) => visitCall(v, n),
  Identifier: (v, n: t.Identifier) => visitIdentifier(v, n),
  UnaryExpression: (v, n: t.UnaryExpression) => visitDelete(v, n),
  ImportDeclaration: (_v, n) => n,
  ExportAllDeclaration: (_v, n) => n,
  ExportNamedDeclaration: (v, n: t.ExportNamedDeclaration) => (n.declaration == null ? n : visitEachChild(v, n)),
};

/** visitDelete reports `delete` on a typed chain. */
function visitDelete(v: Visitor, node: t.UnaryExpression): t.Node {
  if (node.operator !== "delete") return visitEachChild(v, node);
  const chain = chainOf(v.fs.st, node.argument);
  if (chain === undefined) return visitEachChild(v, node);
  report(v.fs.st, Diagnostics.Operator_0_cannot_be_applied_to_typed_1_of_type_2, ["delete", textOf(v.fs.st, node.argument), printCType(chain.binding.type)], node);
  return node;
}

/** visitBlock visits a block; a function body also opens the refs of its typed parameters first. */
function visitBlock(v: Visitor, node: t.BlockStatement): t.BlockStatement {
  const { st } = v.fs;
  const fn = parentOf(st, node);
  if (isFunctionLike(fn) && (fn as { body?: t.Node | null }).body === node) {
    for (const p of fn.params as t.Node[]) {
      const b = bindingOfDeclaration(st, p);
      if (b?.kind === "object") localRef(v.fs, b);
    }
  }
  const statements = v.statements(node.body); // first: the refs' paths and fields are known after the body
  const body = [...refDeclarations(v.fs, node), ...statements];
  return body.length === node.body.length && body.every((s, i) => s === node.body[i]) ? node : { ...node, body };
}

/** visitVariableDeclarator opens the ref of a typed binding (declared after its statement) and visits the initializer. */
function visitVariableDeclarator(v: Visitor, node: t.VariableDeclarator): t.Node {
  const { st } = v.fs;
  if (node.id.type !== "Identifier") {
    const init = node.init;
    if (init != null && typedKindOf(v, init) === "object") {
      report(st, Diagnostics.A_typed_binding_0_cannot_be_destructured_access_its_fields_instead, [textOf(st, init)], node.id);
    }
  } else {
    const list = parentOf(st, node);
    const holder = list === undefined ? undefined : parentOf(st, list);
    if (!(holder?.type === "ForOfStatement" && holder.left === list)) {
      const b = bindingOfDeclaration(st, node);
      if (b?.kind === "object") localRef(v.fs, b);
    }
  }
  return visitEachChild(v, node);
}

function typedKindOf(v: Visitor, e: t.Node): string | undefined {
  return typedExpressionType(v.fs.st, e)?.kind;
}

/** visitAccess compiles a read of a typed chain that ends at this node (`tasks[i].pid`, `t.comm.length`). */
function visitAccess(v: Visitor, node: t.MemberExpression | t.OptionalMemberExpression): t.Node {
  const { fs } = v;
  const chain = chainOf(fs.st, node);
  if (chain === undefined) return visitEachChild(v, node);
  const steps = chain.steps.map((s) => s.step);
  const typed = typedChainLength(fs.st.decls, chain.binding.type, steps);
  if (typed < steps.length) {
    const last = steps[steps.length - 1]!;
    if (typed === steps.length - 1 && last.kind === "member" && last.name === "length") return lengthOf(v, chain, node);
    return visitEachChild(v, node); // the chain ends inside: `t.pid.toFixed`
  }
  const planned = planChain(fs, chain);
  if (planned === undefined) return node; // reported; the file has no output
  const c = compileFor(v, chain, planned.plan, node);
  const result = planned.plan.result;
  switch (result.shape) {
    case "scalar":
    case "bits":
    case "atomic":
      return done(fs, c, readOf(fs, c, c.address, result), node);
    case "pointer":
      return done(fs, c, flowed(v, node, pointerReadOf(fs, c), result.target === null || result.target === undefined ? "void" : printCType(result.target)), node);
    default:
      return done(fs, c, flowed(v, node, objectOf(fs, c), result.typeName), node);
  }
}

/** lengthOf compiles `.length` of a typed array: the bound length of a root, a declared count, or what fits for a flexible array member. */
function lengthOf(v: Visitor, chain: Chain, node: t.Node): t.Node {
  const { fs } = v;
  const n = chain.steps.length - 1;
  if (n === 0) {
    // The bound length of a root (a run-time count may differ from the declared one).
    const r = localRef(fs, chain.binding);
    const length = refField(fs, r, () => refExpr(fs, r), "length");
    if (chain.rootCall === undefined) return replaced(length, node);
    const open = t.assignmentExpression("=", t.identifier(r.temp!), rtCall(fs, "cref", [v.expr(chain.rootCall)]));
    return replaced(t.sequenceExpression([open, length]), node);
  }
  const planned = planChain(fs, chain, n);
  if (planned === undefined) return node;
  const count = planned.plan.result.count ?? 0;
  const hasIndex = chain.steps.slice(0, n).some((s) => s.index !== undefined);
  if (count > 0 && !hasIndex && chain.rootCall === undefined) return replaced(t.numericLiteral(count), node);
  const c = compileFor(v, chain, planned.plan, node, n);
  const length = count > 0
    ? t.sequenceExpression([c.address, t.numericLiteral(count)])
    : rtCall(fs, "flen", [prop(c.refAgain(), "h"), c.address, prop(prop(t.cloneNode(c.path, true), "t"), "stride")]);
  return done(fs, c, length, node);
}

/** OPTIONS_ARGUMENT is the index of the options argument of each typed runtime call (core/plan). */
const OPTIONS_ARGUMENT = OPTIONS_ARGUMENT_INDEX;

/** visitCall inserts type sets into typed runtime calls and compiles `sizeof`/`alignof` of a typed binding. */
function visitCall(v: Visitor, node: t.CallExpression): t.Node {
  const { fs } = v;
  const { st } = fs;
  const name = runtimeNameOf(st, node.callee);
  if (name !== undefined && (TYPED_CALLS.has(name) || CACHE_CALLS.has(name))) return withTypeSet(v, node, name);
  const first = node.arguments[0];
  const arg = first === undefined ? undefined : skipOuter(first);
  if ((name === "sizeof" || name === "alignof") && node.arguments.length === 1 && arg?.type === "Identifier") {
    const b = bindingOfIdentifier(st, arg);
    if (b?.kind === "object") {
      const ref = refExpr(fs, localRef(fs, b));
      // sizeof(x) → __typedc$rsize(x$r); alignof(x) → x$r.t.align (the bound format's answers, SPEC §3).
      const out = name === "sizeof" ? rtCall(fs, "rsize", [ref]) : prop(prop(ref, "t"), "align");
      return replaced(out, node);
    }
  }
  return visitEachChild(v, node);
}

/** withTypeSet adds `type: __typedc$types["T"]` to the options of `__typed(...)`, `__typed.at(...)` and `typedCache(...)`. */
function withTypeSet(v: Visitor, node: t.CallExpression, name: string): t.Node {
  const { fs } = v;
  const { st } = fs;
  const typeArg = node.typeParameters?.params[0];
  const type = typeArg !== undefined ? cTypeOf(st, typeArg) : contextualType(st, node);
  const visited = visitEachChild(v, node) as t.CallExpression;
  const index = OPTIONS_ARGUMENT[name]!;
  const hasType = (o: t.ObjectExpression) => o.properties.some((p) => p.type !== "SpreadElement" && !p.computed && p.key.type === "Identifier" && p.key.name === "type");
  const given = node.arguments[index];
  // `type` written by hand (from `loadTypes`, as plain JavaScript does): nothing to insert.
  const handWritten = given !== undefined && given.type === "ObjectExpression" && hasType(given);
  if (type === undefined) {
    if (typeArg === undefined && !handWritten) report(st, Diagnostics._0_needs_its_C_type_annotate_the_binding_with_typed_T_or_write_typed_T, [textOf(st, node).replace(/\s+/g, " ").slice(0, 60)], node);
    return visited;
  }
  const args = [...visited.arguments];
  if (args.length < index) return visited; // missing arguments: the type checker reports them
  if (handWritten) return visited;
  const typeProp = t.objectProperty(t.identifier("type"), typeSetRef(fs, type, node));
  const options = args[index];
  if (options === undefined) args[index] = t.objectExpression([typeProp]);
  else if (options.type === "ObjectExpression") {
    if (!hasType(options)) args[index] = { ...options, properties: [...options.properties, typeProp] };
  } else args[index] = t.objectExpression([t.spreadElement(options as t.Expression), typeProp]);
  fs.used = true; // the file needs the runtime namespace for its type sets
  return { ...visited, arguments: args };
}

/** isValuePosition tells whether an identifier is a value that may flow somewhere (SPEC §3 escapes). */
function isValuePosition(v: Visitor, id: t.Identifier): boolean {
  const p = parentOf(v.fs.st, id);
  if (p === undefined) return false;
  switch (p.type) {
    case "CallExpression":
    case "NewExpression":
      return p.callee !== id;
    case "VariableDeclarator":
      return p.init === id;
    case "ClassProperty":
    case "ObjectProperty":
      return p.value === id && !(p.type === "ObjectProperty" && p.key === id);
    case "AssignmentExpression":
    case "BinaryExpression":
    case "LogicalExpression":
    case "SequenceExpression":
    case "ReturnStatement":
    case "ArrayExpression":
    case "SpreadElement":
    case "TSAsExpression":
    case "TSTypeAssertion":
    case "TSSatisfiesExpression":
    case "TemplateLiteral":
      return true;
    case "ArrowFunctionExpression":
      return p.body === id;
    case "ConditionalExpression":
      return p.test !== id;
  }
  return false;
}

/** visitIdentifier checks where a typed binding used as a value goes (toPlain, or an escape diagnostic). */
function visitIdentifier(v: Visitor, node: t.Identifier): t.Node {
  if (!isValuePosition(v, node)) return node;
  const b = bindingOfIdentifier(v.fs.st, node);
  if (b?.kind !== "object") return node;
  return flowed(v, node, node, printCType(b.type));
}
