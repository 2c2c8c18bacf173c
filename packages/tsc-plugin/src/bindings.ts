/**
 * Typed bindings (SPEC §3): which declarations hold typed values, decided by
 * syntax only, so that every front-end agrees: a binding annotated `__typed<T>`
 * (variable, parameter), a variable initialised from a typed expression (a
 * `__typed<T>(...)` call, `cache.alloc()`, a call of a function whose return type
 * is `__typed<T>`, a chain ending at a record, array or pointer), and the variable
 * of a `for...of` over a typed array. `typedCache<T>(...)` makes a cache binding.
 */
import type * as TS from "typescript";
import { typedChainLength, planAccess, recordOfType, resolveType, type CType } from "@typedc/core";
import { callShapeOf, type CallShape } from "./call-shape.js";
import { chainOf } from "./chain.js";
import { convertType } from "./extract-type.js";
import { declarationOf, runtimeNameOf, type ProgramState } from "./program-state.js";

/** Binding is a typed declaration: an object of C type `type`, or a slab cache of objects of `type`. */
export interface Binding {
  readonly kind: "object" | "cache";
  readonly type: CType;
  readonly decl: TS.NamedDeclaration;
  /** `const` and parameters are bound once; `let`/`var` may be reassigned. */
  readonly mutable: boolean;
}

const cache = new WeakMap<TS.Node, Binding | null>();
const inProgress = new WeakSet<TS.Node>();

/** TYPED_CALLS are the runtime calls that return a typed object of their type argument (or of the binding's annotation). */
export const TYPED_CALLS: ReadonlySet<string> = new Set(["__typed", "__typed.at", "__typed.async"]);
/** CACHE_CALLS are the runtime calls that return a typed cache. */
export const CACHE_CALLS: ReadonlySet<string> = new Set(["typedCache", "typedCacheAsync"]);
/** ASYNC_CALLS return a Promise of the typed object or cache: typed only under `await`. */
export const ASYNC_CALLS: ReadonlySet<string> = new Set(["__typed.async", "typedCacheAsync"]);

/** bindingOfIdentifier is the typed binding an identifier refers to, or undefined. */
export function bindingOfIdentifier(st: ProgramState, id: TS.Identifier): Binding | undefined {
  const decl = declarationOf(st, id);
  return decl === undefined ? undefined : bindingOfDeclaration(st, decl);
}

/** bindingOfDeclaration is the typed binding a declaration makes, or undefined (memoised). */
export function bindingOfDeclaration(st: ProgramState, decl: TS.Node): Binding | undefined {
  const known = cache.get(decl);
  if (known !== undefined) return known ?? undefined;
  if (inProgress.has(decl)) return undefined;
  inProgress.add(decl);
  const found = computeBinding(st, decl);
  inProgress.delete(decl);
  cache.set(decl, found ?? null);
  return found;
}

function computeBinding(st: ProgramState, decl: TS.Node): Binding | undefined {
  const { ts } = st;
  if (ts.isParameter(decl)) {
    const t = decl.type === undefined ? undefined : annotationType(st, decl.type);
    return t === undefined ? undefined : { ...t, decl, mutable: false };
  }
  if (ts.isPropertyDeclaration(decl)) {
    // A class property annotated `__typed<T>`: accessed as `this.x`, opened at each access.
    const t = decl.type === undefined ? undefined : annotationType(st, decl.type);
    return t === undefined ? undefined : { ...t, decl, mutable: true };
  }
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined;
  const mutable = (decl.parent.flags & ts.NodeFlags.Const) === 0;
  if (decl.type !== undefined) {
    const t = annotationType(st, decl.type);
    return t === undefined ? undefined : { ...t, decl, mutable };
  }
  const forOf = decl.parent.parent;
  if (ts.isForOfStatement(forOf) && forOf.initializer === decl.parent) {
    const iterated = typedExpressionType(st, forOf.expression);
    const arr = iterated === undefined ? undefined : resolveType(st.decls, iterated.type);
    if (iterated?.kind !== "object" || arr?.kind !== "array") return undefined;
    // A loop over scalars gives plain values; over records or arrays, typed objects.
    const element = resolveType(st.decls, arr.element);
    const isObject = element.kind === "array" || recordOfType(st.decls, element) !== undefined;
    return isObject ? { kind: "object", type: arr.element, decl, mutable } : undefined;
  }
  if (decl.initializer === undefined) return undefined;
  const t = typedExpressionType(st, decl.initializer);
  return t === undefined ? undefined : { ...t, decl, mutable };
}

/** annotationType reads `__typed<T>` (an object of T) or `TypedCache<T>` (a cache of T) from a type annotation. */
export function annotationType(st: ProgramState, node: TS.TypeNode): { kind: "object" | "cache"; type: CType } | undefined {
  const { ts } = st;
  if (!ts.isTypeReferenceNode(node) || node.typeArguments?.length !== 1) return undefined;
  const name = runtimeNameOf(st, node.typeName);
  if (name !== "__typed" && name !== "TypedCache") return undefined;
  const type = cTypeOf(st, node.typeArguments[0]!);
  return type === undefined ? undefined : { kind: name === "__typed" ? "object" : "cache", type };
}

const converted = new WeakMap<TS.TypeNode, CType | null>();

/** cTypeOf converts the T of `__typed<T>` with the extractor (its diagnostics are reported once). */
export function cTypeOf(st: ProgramState, node: TS.TypeNode): CType | undefined {
  const known = converted.get(node);
  if (known !== undefined) return known ?? undefined;
  const before = st.ctx.diagnostics.length;
  const type = convertType(st.ctx, node, { kind: "type", name: node.getText(), owner: node.getText() });
  st.diagnostics.push(...st.ctx.diagnostics.slice(before));
  converted.set(node, type ?? null);
  return type;
}

/**
 * typedExpressionType is the C type of a typed object expression (syntax only), or
 * undefined for anything else: a typed binding, a typed runtime call, `cache.alloc()`,
 * a call of a function returning `__typed<T>`, or an access chain ending at a record,
 * array or (dereferenced) pointer.
 */
export function typedExpressionType(st: ProgramState, expr: TS.Expression): { kind: "object" | "cache"; type: CType } | undefined {
  const { ts } = st;
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) {
    const b = bindingOfIdentifier(st, e);
    return b === undefined ? undefined : { kind: b.kind, type: b.type };
  }
  if (ts.isPropertyAccessExpression(e)) {
    const prop = thisPropertyOf(st, e);
    const b = prop === undefined ? undefined : bindingOfDeclaration(st, prop);
    if (b !== undefined) return { kind: b.kind, type: b.type };
  }
  if (ts.isAwaitExpression(e)) {
    let inner: TS.Expression = e.expression;
    while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
    return ts.isCallExpression(inner) ? callType(st, inner, true) : undefined;
  }
  if (ts.isCallExpression(e)) return callType(st, e, false);
  const chain = chainOf(st, e);
  if (chain === undefined || chain.binding.kind !== "object") return undefined;
  const steps = chain.steps.map((s) => s.step);
  if (typedChainLength(st.decls, chain.binding.type, steps) !== steps.length) return undefined;
  const planned = planAccess(st.decls, chain.binding.type, steps, () => "");
  if (!planned.ok) return undefined;
  const r = planned.plan.result;
  if (r.shape === "record" || r.shape === "array") return { kind: "object", type: r.type };
  if (r.shape === "pointer" && r.target !== null && r.target !== undefined) return { kind: "object", type: r.target };
  return undefined;
}

/**
 * thisPropertyOf is the declaration of property `x` in `this.x` when `x` is an instance property
 * declared by the class the access is in, as a front-end without a checker finds it (the Babel
 * plugin): not an inherited property (the checker follows `extends` into the base class, maybe
 * in another file; the Babel plugin cannot), not a static one, and not where a function or an
 * object literal's method rebinds `this`.
 */
export function thisPropertyOf(st: ProgramState, e: TS.PropertyAccessExpression): TS.PropertyDeclaration | undefined {
  const { ts } = st;
  if (e.expression.kind !== ts.SyntaxKind.ThisKeyword || !ts.isIdentifier(e.name)) return undefined;
  const decl = st.checker.getSymbolAtLocation(e.name)?.valueDeclaration;
  if (decl === undefined || !ts.isPropertyDeclaration(decl) || decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) === true) return undefined;
  return decl.parent === thisClassOf(ts, e) ? decl : undefined;
}

/** thisClassOf is the class whose instance `this` is at `node`: the nearest class, unless a function or object-literal method comes first. */
function thisClassOf(ts: typeof TS, node: TS.Node): TS.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n !== undefined; n = n.parent) {
    if (ts.isClassLike(n)) return n;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    if ((ts.isMethodDeclaration(n) || ts.isAccessor(n)) && ts.isObjectLiteralExpression(n.parent)) return undefined;
  }
  return undefined;
}

/** callType is the type of a call that returns a typed object or cache. */
function callType(st: ProgramState, call: TS.CallExpression, awaited: boolean): { kind: "object" | "cache"; type: CType } | undefined {
  const { ts } = st;
  const runtime = runtimeNameOf(st, call.expression);
  if (runtime !== undefined && (TYPED_CALLS.has(runtime) || CACHE_CALLS.has(runtime))) {
    if (ASYNC_CALLS.has(runtime) !== awaited) return undefined; // a Promise is not a typed object
    const arg = call.typeArguments?.[0];
    const type = arg === undefined ? contextualType(st, call) : cTypeOf(st, arg);
    return type === undefined ? undefined : { kind: CACHE_CALLS.has(runtime) ? "cache" : "object", type };
  }
  if (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "alloc" && ts.isIdentifier(call.expression.expression)) {
    const b = bindingOfIdentifier(st, call.expression.expression);
    if (b?.kind === "cache") return { kind: "object", type: b.type };
  }
  const callee = ts.isIdentifier(call.expression) ? calleeDeclarationOf(st, call.expression) : undefined;
  const ret = callee === undefined ? undefined : calleeReturnOf(st, callee);
  if (ret !== undefined) {
    const t = annotationType(st, ret);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** MAX_HELD_HOPS bounds `const a = b` chains (a cycle is a TypeScript error; it is followed nowhere). */
const MAX_HELD_HOPS = 16;

/**
 * calleeDeclarationOf is the declaration a call through a name is followed with: the name's own,
 * or, for a variable without an annotation initialised with another name (`const get = pick`),
 * that name's, as TypeScript gives such a variable its initialiser's type. By syntax, as the
 * Babel plugin's calleeDeclarationOf (the checker's inferred type is not asked).
 */
export function calleeDeclarationOf(st: ProgramState, callee: TS.Identifier): TS.Node | undefined {
  const { ts } = st;
  let decl: TS.Node | undefined = declarationOf(st, callee);
  for (let hops = 0; decl !== undefined; hops++) {
    let held = ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.type === undefined ? decl.initializer : undefined;
    while (held !== undefined && ts.isParenthesizedExpression(held)) held = held.expression;
    if (held === undefined || !ts.isIdentifier(held)) return decl;
    if (hops === MAX_HELD_HOPS) return undefined;
    decl = declarationOf(st, held);
  }
  return undefined;
}

/**
 * calleeReturnOf is the return type a call of a declaration is followed with: a function's return
 * annotation; else, for a parameter or a variable, the return type of the call shape its
 * annotation gives, when typedc follows it (`get: (i: number) => __typed<Task>`, `get: Get` with
 * `type Get = (i: number) => __typed<Task>`). Only what the annotation says by syntax counts (not
 * what the checker could infer), as the Babel plugin sees it.
 */
export function calleeReturnOf(st: ProgramState, decl: TS.Node): TS.TypeNode | undefined {
  const ret = functionLike(st, decl)?.type;
  if (ret !== undefined) return ret;
  const shape = annotatedCallShape(st, decl);
  return shape?.followed === true ? shape.returnTypes[0] : undefined;
}

/** annotatedCallShape is the call shape of a parameter's or a variable's annotation, with the annotation itself. */
export function annotatedCallShape(st: ProgramState, decl: TS.Node): (CallShape & { readonly annotation: TS.TypeNode }) | undefined {
  const { ts } = st;
  if (!ts.isParameter(decl) && !ts.isVariableDeclaration(decl)) return undefined;
  const annotation = decl.type;
  const shape = annotation === undefined ? undefined : callShapeOf(st, annotation);
  return shape === undefined ? undefined : { ...shape, annotation: annotation! };
}

/** contextualType is the T of the `__typed<T>`/`TypedCache<T>` annotation of the variable a typed call initialises. */
export function contextualType(st: ProgramState, call: TS.CallExpression): CType | undefined {
  const { ts } = st;
  let p: TS.Node = call.parent;
  while (ts.isParenthesizedExpression(p) || ts.isAwaitExpression(p)) p = p.parent;
  if ((ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) && p.type !== undefined) return annotationType(st, p.type)?.type;
  // `this.tasks = __typed(...)` in a constructor: the property's annotation.
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) {
    const decl = st.checker.getSymbolAtLocation(p.left.name)?.valueDeclaration;
    if (decl !== undefined && ts.isPropertyDeclaration(decl) && decl.type !== undefined) return annotationType(st, decl.type)?.type;
  }
  return undefined;
}

/** functionLike is the function a declaration defines: a function declaration, or a variable initialised with a function or arrow. */
export function functionLike(st: ProgramState, decl: TS.Node): TS.SignatureDeclaration | undefined {
  const { ts } = st;
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer !== undefined) {
    let init = decl.initializer;
    while (ts.isParenthesizedExpression(init)) init = init.expression;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}
