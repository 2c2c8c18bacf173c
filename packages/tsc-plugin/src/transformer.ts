/**
 * The `__typed` transformer (issue #4, docs/compiler.md): rewrites every typed
 * access of a source file into calls on compiled paths, inserts type sets into
 * typed runtime calls, and opens a ref per typed binding. The visitor is a short
 * switch that calls one `visit*` function per construct (TypeScript's own
 * transformer shape); which expressions are typed is decided by syntax
 * (bindings.ts, flow.ts), never by inferred types.
 */
import type * as TS from "typescript";
import { createDiagnostic, Diagnostics, planAccess, printCType, typedChainLength, type AccessPlan, type DiagnosticMessage } from "@typedc/core";
import { bindingOfDeclaration, bindingOfIdentifier, CACHE_CALLS, contextualType, cTypeOf, TYPED_CALLS, typedExpressionType } from "./bindings.js";
import { chainOf, skipOuter, type Chain } from "./chain.js";
import { compileChain, objectOf, pointerReadOf, readOf, withRoot, type CompiledChain } from "./emit-access.js";
import { visitAssignment, visitUpdate } from "./emit-update.js";
import { finishFile } from "./emit-file.js";
import { newFileState, localRef, refDeclarations, refExpr, refField, rtCall, typeSetRef, type FileState } from "./file-state.js";
import { flowOf } from "./flow.js";
import { visitForOf } from "./emit-for-of.js";
import { visitFor } from "./loop-version.js";
import { checkInlineSignatures, checkTypedReturn, checkTypedSignatures, checkUnfollowedCall } from "./typed-returns.js";
import { visitArrow } from "./emit-arrow.js";
import { nodeLoc, runtimeNameOf, type ProgramState } from "./program-state.js";

/** Visitor is the per-file visitor with access to its FileState. */
export interface Visitor {
  readonly fs: FileState;
  /** The visitor's switch, by SyntaxKind (handlersOf). */
  readonly handlers: Map<TS.SyntaxKind, (v: Visitor, node: any) => TS.VisitResult<TS.Node>>;
  readonly visit: (node: TS.Node) => TS.VisitResult<TS.Node>;
  readonly expr: (node: TS.Expression) => TS.Expression;
  readonly statements: (list: readonly TS.Statement[]) => TS.Statement[];
}

/** report adds a diagnostic at a node. */
export function report(fs: FileState, message: DiagnosticMessage, args: readonly (string | number)[], node: TS.Node): void {
  fs.st.diagnostics.push(createDiagnostic(message, args, nodeLoc(node)));
}

/** PlannedChain is a chain with its plan. */
export interface PlannedChain {
  readonly chain: Chain;
  readonly plan: AccessPlan;
  readonly stepCount: number;
}

/** planChain plans the first `stepCount` steps of a chain, reporting a mistake at its step. */
export function planChain(fs: FileState, chain: Chain, stepCount = chain.steps.length): PlannedChain | undefined {
  const steps = chain.steps.slice(0, stepCount).map((s) => s.step);
  const planned = planAccess(fs.st.decls, chain.binding.type, steps, (k) => (k === 0 ? chain.root.text : chain.steps[k - 1]!.node.getText().replace(/\s+/g, "")));
  if (!planned.ok) {
    const at = chain.steps[planned.error.step]!.node;
    report(fs, planned.error.message, planned.error.args, fs.st.ts.isPropertyAccessExpression(at) ? at.name : at.argumentExpression);
    return undefined;
  }
  if (chain.optional) {
    report(fs, Diagnostics.Optional_chaining_on_typed_0_is_not_supported_test_the_pointer_for_null_first, [chain.root.text], chain.steps[stepCount - 1]!.node);
    return undefined;
  }
  return { chain, plan: planned.plan, stepCount };
}

/** indexExpressions visits the index expressions of the first `stepCount` steps. */
export function indexExpressions(v: Visitor, chain: Chain, stepCount: number): TS.Expression[] {
  return chain.steps.slice(0, stepCount).filter((s) => s.index !== undefined).map((s) => v.expr(s.index!));
}

/** compileFor compiles the first `stepCount` steps of a planned chain, visiting its index expressions and call root. */
export function compileFor(v: Visitor, chain: Chain, plan: AccessPlan, node: TS.Node, stepCount = chain.steps.length): CompiledChain {
  const rootInit = chain.rootCall === undefined ? undefined : v.expr(chain.rootCall);
  return compileChain(v.fs, chain, plan, indexExpressions(v, chain, stepCount), locationOfNode(v.fs, node), stepCount, rootInit);
}

/** done finishes a compiled access: opens a call root first, and stands for the original node. */
export function done(fs: FileState, c: CompiledChain, generated: TS.Expression, original: TS.Node): TS.Expression {
  return replaced(fs, withRoot(fs, c, generated), original);
}

/** replaced marks a generated node as standing for an original one (source maps, comments). */
export function replaced<T extends TS.Node>(fs: FileState, generated: T, original: TS.Node): T {
  const { ts } = fs.st;
  return ts.setOriginalNode(ts.setTextRange(generated, original), original);
}

/** transformSourceFile rewrites one file (unchanged when it has nothing typed). */
export function transformSourceFile(st: ProgramState, context: TS.TransformationContext, sf: TS.SourceFile): TS.SourceFile {
  const fs = newFileState(st, sf, context);
  const { ts } = st;
  const v: Visitor = {
    fs,
    handlers: handlersOf(ts),
    visit: (node) => visit(v, node),
    expr: (node) => ts.visitNode(node, v.visit, ts.isExpression) as TS.Expression,
    statements: (list) => visitStatementList(v, list),
  };
  context.startLexicalEnvironment();
  const statements = v.statements(sf.statements);
  checkInlineSignatures(fs, sf); // after the visit, as the Babel plugin checks them
  const hoisted = context.endLexicalEnvironment() ?? [];
  if (!fs.used) return sf;
  return finishFile(fs, statements, hoisted);
}

/** visitStatementList visits statements, then declares the refs anchored at each after it. */
function visitStatementList(v: Visitor, list: readonly TS.Statement[]): TS.Statement[] {
  const { ts } = v.fs.st;
  const visited = list.map((s) => ({ s, out: ts.visitNode(s, v.visit) as TS.Statement | TS.Statement[] | undefined }));
  const out: TS.Statement[] = [];
  for (const { s, out: o } of visited) {
    if (o !== undefined) out.push(...(Array.isArray(o) ? o : [o]));
    out.push(...refDeclarations(v.fs, s));
  }
  return out;
}

type Handler = (v: Visitor, node: any) => TS.VisitResult<TS.Node>;

const handlerTables = new WeakMap<typeof TS, Map<TS.SyntaxKind, Handler>>();

/**
 * handlersOf is the visitor's switch as a table keyed by SyntaxKind, built once per
 * TypeScript module (its SyntaxKind numbers differ between versions). Type-only
 * declarations and imports are returned as they are.
 */
function handlersOf(ts: typeof TS): Map<TS.SyntaxKind, Handler> {
  let table = handlerTables.get(ts);
  if (table !== undefined) return table;
  const K = ts.SyntaxKind;
  const each = (v: Visitor, node: TS.Node) => ts.visitEachChild(node, v.visit, v.fs.context);
  const same: Handler = (_v, node) => node;
  table = new Map<TS.SyntaxKind, Handler>([
    [K.Block, (v, n: TS.Block) => visitBlock(v, n)],
    [K.ModuleBlock, (v, n: TS.ModuleBlock) => v.fs.f.updateModuleBlock(n, v.statements(n.statements))],
    [K.CaseClause, (v, n: TS.CaseClause) => v.fs.f.updateCaseClause(n, v.expr(n.expression), v.statements(n.statements))],
    [K.DefaultClause, (v, n: TS.DefaultClause) => v.fs.f.updateDefaultClause(n, v.statements(n.statements))],
    [K.ArrowFunction, (v, n: TS.ArrowFunction) => visitArrow(v, n) ?? each(v, n)],
    [K.VariableDeclaration, (v, n: TS.VariableDeclaration) => visitVariableDeclaration(v, n)],
    [K.ForOfStatement, (v, n: TS.ForOfStatement) => visitForOf(v, n) ?? each(v, n)],
    [K.ForStatement, (v, n: TS.ForStatement) => visitFor(v, n) ?? each(v, n)],
    [K.MethodDeclaration, (v, n: TS.MethodDeclaration) => (checkTypedReturn(v.fs, n), each(v, n))],
    [K.GetAccessor, (v, n: TS.GetAccessorDeclaration) => (checkTypedReturn(v.fs, n), each(v, n))],
    [K.PropertyDeclaration, (v, n: TS.PropertyDeclaration) => (checkTypedReturn(v.fs, n), each(v, n))],
    [K.PropertyAssignment, (v, n: TS.PropertyAssignment) => (checkTypedReturn(v.fs, n), each(v, n))],
    [K.BinaryExpression, (v, n: TS.BinaryExpression) => visitAssignment(v, n) ?? each(v, n)],
    [K.PrefixUnaryExpression, (v, n: TS.PrefixUnaryExpression) => visitUpdate(v, n) ?? each(v, n)],
    [K.PostfixUnaryExpression, (v, n: TS.PostfixUnaryExpression) => visitUpdate(v, n) ?? each(v, n)],
    [K.PropertyAccessExpression, (v, n: TS.PropertyAccessExpression) => visitAccess(v, n)],
    [K.ElementAccessExpression, (v, n: TS.ElementAccessExpression) => visitAccess(v, n)],
    [K.CallExpression, (v, n: TS.CallExpression) => visitCall(v, n)],
    [K.Identifier, (v, n: TS.Identifier) => visitIdentifier(v, n)],
    [K.DeleteExpression, (v, n: TS.DeleteExpression) => visitDelete(v, n)],
    [K.InterfaceDeclaration, (v, n: TS.InterfaceDeclaration) => (checkTypedSignatures(v.fs, n), n)],
    [K.TypeAliasDeclaration, (v, n: TS.TypeAliasDeclaration) => (checkTypedSignatures(v.fs, n), n)],
    [K.ImportDeclaration, same],
    [K.ExportDeclaration, same],
  ]);
  for (let k = K.FirstTypeNode; k <= K.LastTypeNode; k++) table.set(k, same);
  handlerTables.set(ts, table);
  return table;
}

function visit(v: Visitor, node: TS.Node): TS.VisitResult<TS.Node> {
  const handler = v.handlers.get(node.kind);
  return handler !== undefined ? handler(v, node) : v.fs.st.ts.visitEachChild(node, v.visit, v.fs.context);
}

/** visitDelete reports `delete` on a typed chain. */
function visitDelete(v: Visitor, node: TS.DeleteExpression): TS.VisitResult<TS.Node> {
  const chain = chainOf(v.fs.st, node.expression);
  if (chain === undefined) return v.fs.st.ts.visitEachChild(node, v.visit, v.fs.context);
  report(v.fs, Diagnostics.Operator_0_cannot_be_applied_to_typed_1_of_type_2, ["delete", node.expression.getText(), printCType(chain.binding.type)], node);
  return node;
}

/** visitBlock visits a block; a function body also opens the refs of its typed parameters first. */
function visitBlock(v: Visitor, node: TS.Block): TS.Block {
  const { ts } = v.fs.st;
  if (ts.isFunctionLike(node.parent)) {
    for (const p of (node.parent as TS.SignatureDeclaration).parameters) {
      const b = bindingOfDeclaration(v.fs.st, p);
      if (b?.kind === "object") localRef(v.fs, b);
    }
  }
  const body = v.statements(node.statements);
  return v.fs.f.updateBlock(node, [...refDeclarations(v.fs, node), ...body]);
}

/** visitVariableDeclaration opens the ref of a typed binding (declared after its statement) and visits the initializer. */
function visitVariableDeclaration(v: Visitor, node: TS.VariableDeclaration): TS.VisitResult<TS.Node> {
  const { st } = v.fs;
  const { ts } = st;
  if (!ts.isIdentifier(node.name)) {
    const init = node.initializer;
    if (init !== undefined && typedExpressionType(st, init)?.kind === "object") {
      report(v.fs, Diagnostics.A_typed_binding_0_cannot_be_destructured_access_its_fields_instead, [init.getText()], node.name);
    }
  } else if (!ts.isForOfStatement(node.parent.parent)) {
    const b = bindingOfDeclaration(st, node);
    if (b?.kind === "object") localRef(v.fs, b);
  }
  return ts.visitEachChild(node, v.visit, v.fs.context);
}

/** visitAccess compiles a read of a typed chain that ends at this node (`tasks[i].pid`, `t.comm.length`). */
function visitAccess(v: Visitor, node: TS.PropertyAccessExpression | TS.ElementAccessExpression): TS.VisitResult<TS.Node> {
  const { fs } = v;
  const { ts } = fs.st;
  const chain = chainOf(fs.st, node);
  if (chain === undefined) return ts.visitEachChild(node, v.visit, fs.context);
  const steps = chain.steps.map((s) => s.step);
  const typed = typedChainLength(fs.st.decls, chain.binding.type, steps);
  if (typed < steps.length) {
    const last = steps[steps.length - 1]!;
    if (typed === steps.length - 1 && last.kind === "member" && last.name === "length") return lengthOf(v, chain, node);
    return ts.visitEachChild(node, v.visit, fs.context); // the chain ends inside: `t.pid.toFixed`
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

/** locationOfNode is the `file:line:col` constant of an access. */
export function locationOfNode(fs: FileState, node: TS.Node): string {
  const { line, character } = fs.sf.getLineAndCharacterOfPosition(node.getStart(fs.sf));
  return `${fs.relPath}:${line + 1}:${character + 1}`;
}

/** flowed applies the flow of a typed object at `node` to its compiled value: kept, converted with toPlain, or reported. */
export function flowed(v: Visitor, node: TS.Expression, value: TS.Expression, typeName: string): TS.Expression {
  const flow = flowOf(v.fs.st, node);
  if (flow.kind === "plain") return rtCall(v.fs, "toPlain", [value]);
  if (flow.kind === "escape") report(v.fs, Diagnostics.Typed_value_0_escapes_into_1_Annotate_it_with_typed_2_or_convert_it_with_toPlain, [node.getText().replace(/\s+/g, ""), flow.into, typeName], node);
  return value;
}

/** lengthOf compiles `.length` of a typed array: the bound length of a root, a declared count, or what fits for a flexible array member. */
function lengthOf(v: Visitor, chain: Chain, node: TS.Expression): TS.Expression {
  const { fs } = v;
  const f = fs.f;
  const n = chain.steps.length - 1;
  if (n === 0) {
    // The bound length of a root (a run-time count may differ from the declared one).
    const r = localRef(fs, chain.binding);
    const length = refField(fs, r, () => refExpr(fs, r), "length");
    if (chain.rootCall === undefined) return replaced(fs, length, node);
    const open = f.createAssignment(f.createIdentifier(r.temp!.text), rtCall(fs, "cref", [v.expr(chain.rootCall)]));
    return replaced(fs, f.createParenthesizedExpression(f.createCommaListExpression([open, length])), node);
  }
  const planned = planChain(fs, chain, n);
  if (planned === undefined) return node;
  const count = planned.plan.result.count ?? 0;
  const hasIndex = chain.steps.slice(0, n).some((s) => s.index !== undefined);
  if (count > 0 && !hasIndex && chain.rootCall === undefined) return replaced(fs, f.createNumericLiteral(count), node);
  const c = compileFor(v, chain, planned.plan, node, n);
  const length = count > 0
    ? f.createBinaryExpression(c.address, fs.st.ts.SyntaxKind.CommaToken, f.createNumericLiteral(count))
    : rtCall(fs, "flen", [f.createPropertyAccessExpression(c.ref, "h"), c.address, f.createPropertyAccessExpression(f.createPropertyAccessExpression(c.path, "t"), "stride")]);
  return done(fs, c, f.createParenthesizedExpression(length), node);
}

/** OPTIONS_ARGUMENT is the index of the options argument of each typed runtime call. */
const OPTIONS_ARGUMENT: Readonly<Record<string, number>> = { "__typed": 1, "__typed.at": 2, "__typed.async": 1, typedCache: 1, typedCacheAsync: 1 };

/** visitCall inserts type sets into typed runtime calls and compiles `sizeof`/`alignof` of a typed binding. */
function visitCall(v: Visitor, node: TS.CallExpression): TS.VisitResult<TS.Node> {
  const { fs } = v;
  const { st, f } = fs;
  const { ts } = st;
  checkUnfollowedCall(fs, node);
  const name = runtimeNameOf(st, node.expression);
  if (name !== undefined && (TYPED_CALLS.has(name) || CACHE_CALLS.has(name))) return withTypeSet(v, node, name);
  const arg = node.arguments[0] === undefined ? undefined : skipOuter(ts, node.arguments[0]);
  if ((name === "sizeof" || name === "alignof") && node.arguments.length === 1 && arg !== undefined && ts.isIdentifier(arg)) {
    const b = bindingOfIdentifier(st, arg);
    if (b?.kind === "object") {
      const ref = refExpr(fs, localRef(fs, b));
      // sizeof(x) → __typedc.rsize(x$r); alignof(x) → x$r.t.align (the bound format's answers, SPEC §3).
      const out = name === "sizeof" ? rtCall(fs, "rsize", [ref]) : f.createPropertyAccessExpression(f.createPropertyAccessExpression(ref, "t"), "align");
      return replaced(fs, out, node);
    }
  }
  return ts.visitEachChild(node, v.visit, fs.context);
}

/**
 * withTypeSet adds `type: __typedc$types["T"]` to the options of `__typed(...)`,
 * `__typed.at(...)` and `typedCache(...)`; T is the call's type argument or the
 * `__typed<T>`/`TypedCache<T>` annotation of the variable it initialises.
 */
function withTypeSet(v: Visitor, node: TS.CallExpression, name: string): TS.Expression {
  const { fs } = v;
  const { st, f } = fs;
  const { ts } = st;
  const typeArg = node.typeArguments?.[0];
  const type = typeArg !== undefined ? cTypeOf(st, typeArg) : contextualType(st, node);
  const visited = ts.visitEachChild(node, v.visit, fs.context);
  const index = OPTIONS_ARGUMENT[name]!;
  const given = node.arguments[index];
  // `type` written by hand (from `loadTypes`, as plain JavaScript does): nothing to insert.
  const handWritten = given !== undefined && ts.isObjectLiteralExpression(given) && given.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === "type");
  if (type === undefined) {
    if (typeArg === undefined && !handWritten) report(fs, Diagnostics._0_needs_its_C_type_annotate_the_binding_with_typed_T_or_write_typed_T, [node.getText().replace(/\s+/g, " ").slice(0, 60)], node);
    return visited;
  }
  const args = [...visited.arguments];
  if (args.length < index) return visited; // missing arguments: tsc reports them
  if (handWritten) return visited;
  const typeProp = f.createPropertyAssignment("type", typeSetRef(fs, type, node));
  const options = args[index];
  const hasType = (o: TS.ObjectLiteralExpression) => o.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === "type");
  if (options === undefined) args[index] = f.createObjectLiteralExpression([typeProp]);
  else if (ts.isObjectLiteralExpression(options)) {
    if (!hasType(options)) args[index] = f.updateObjectLiteralExpression(options, [...options.properties, typeProp]);
  } else args[index] = f.createObjectLiteralExpression([f.createSpreadAssignment(options), typeProp]);
  fs.used = true; // the file needs the runtime namespace for its type sets
  return f.updateCallExpression(visited, visited.expression, visited.typeArguments, args);
}

/** VALUE_PARENTS are the parents in which an identifier is a value that may flow somewhere (SPEC §3 escapes). */
function isValuePosition(ts: typeof TS, id: TS.Identifier): boolean {
  const p = id.parent;
  if (ts.isCallExpression(p) || ts.isNewExpression(p)) return p.expression !== id;
  if (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) return p.initializer === id;
  if (ts.isPropertyAssignment(p)) return p.initializer === id;
  if (ts.isBinaryExpression(p)) return true;
  return (
    ts.isReturnStatement(p) || ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || ts.isSpreadElement(p) ||
    ts.isSpreadAssignment(p) || ts.isAsExpression(p) || ts.isTypeAssertionExpression(p) || ts.isSatisfiesExpression(p) || ts.isTemplateSpan(p) ||
    (ts.isArrowFunction(p) && p.body === id) || (ts.isConditionalExpression(p) && p.condition !== id)
  );
}

/** visitIdentifier checks where a typed binding used as a value goes (toPlain, or an escape diagnostic). */
function visitIdentifier(v: Visitor, node: TS.Identifier): TS.VisitResult<TS.Node> {
  const { fs } = v;
  const { ts } = fs.st;
  if (!isValuePosition(ts, node)) return node;
  const b = bindingOfIdentifier(fs.st, node);
  if (b?.kind !== "object") return node;
  return flowed(v, node, node, printCType(b.type));
}
