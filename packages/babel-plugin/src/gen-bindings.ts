/**
 * Typed bindings (SPEC §3) on Babel's tree, by the tsc plugin's rules (bindings.ts there):
 * a binding annotated `__typed<T>` (variable, parameter), a variable initialised from a
 * typed expression, and the variable of a `for...of` over a typed array of objects;
 * `typedCache<T>(...)` makes a cache binding. Syntax and declarations only.
 */
import type * as t from "@babel/types";
import { planAccess, recordOfType, resolveType, typedChainLength, type CType } from "@typedc/core";
import { annotatedType } from "./extract-ast.js";
import { callShapeOf, type CallShape } from "./gen-call-shape.js";
import { chainOf } from "./gen-chain.js";
import { convertType } from "./extract-type.js";
import { declarationOf, fileOfNode, isFunctionLike, parentOf, runtimeNameOf, textOf, type GenState } from "./gen-state.js";

/** Binding is a typed declaration: an object of C type `type`, or a slab cache of objects of `type`. */
export interface Binding {
  readonly kind: "object" | "cache";
  readonly type: CType;
  /** A VariableDeclarator, a parameter Identifier, or (call roots) the CallExpression. */
  readonly decl: t.Node;
  /** `const` and parameters are bound once; `let`/`var` may be reassigned. */
  readonly mutable: boolean;
}

/** TypedKind is the kind and type of a typed expression. */
export type TypedKind = { readonly kind: "object" | "cache"; readonly type: CType };

const cache = new WeakMap<t.Node, Binding | null>();
const inProgress = new WeakSet<t.Node>();

/** TYPED_CALLS, CACHE_CALLS, ASYNC_CALLS: the runtime calls that make typed objects, caches, and Promises of them (core/plan). */
export { TYPED_RUNTIME_CALLS as TYPED_CALLS, CACHE_RUNTIME_CALLS as CACHE_CALLS, ASYNC_RUNTIME_CALLS as ASYNC_CALLS } from "@typedc/core";
import { ASYNC_RUNTIME_CALLS as ASYNC_CALLS, CACHE_RUNTIME_CALLS as CACHE_CALLS, TYPED_RUNTIME_CALLS as TYPED_CALLS } from "@typedc/core";

/** bindingOfIdentifier is the typed binding an identifier refers to, or undefined. */
export function bindingOfIdentifier(st: GenState, id: t.Identifier): Binding | undefined {
  const decl = declarationOf(st, id);
  return decl === undefined ? undefined : bindingOfDeclaration(st, decl);
}

/** isParameter tells whether a node is a parameter of a function (an identifier, maybe with a default). */
export function isParameter(st: GenState, node: t.Node): boolean {
  const p = parentOf(st, node);
  return isFunctionLike(p) && (p.params as t.Node[]).includes(node);
}

/** paramTypeOf is the annotation of a parameter node (`x: T`, `x: T = d`). */
export function paramTypeOf(node: t.Node): t.TSType | undefined {
  const target = node.type === "AssignmentPattern" ? node.left : node;
  const ann = (target as t.Identifier).typeAnnotation;
  return ann?.type === "TSTypeAnnotation" ? ann.typeAnnotation : undefined;
}

/** bindingOfDeclaration is the typed binding a declaration makes, or undefined (memoised). */
export function bindingOfDeclaration(st: GenState, decl: t.Node): Binding | undefined {
  const known = cache.get(decl);
  if (known !== undefined) return known ?? undefined;
  if (inProgress.has(decl)) return undefined;
  inProgress.add(decl);
  const found = computeBinding(st, decl);
  inProgress.delete(decl);
  cache.set(decl, found ?? null);
  return found;
}

function computeBinding(st: GenState, decl: t.Node): Binding | undefined {
  if ((decl.type === "Identifier" || decl.type === "AssignmentPattern") && isParameter(st, decl)) {
    const type = paramTypeOf(decl);
    const tk = type === undefined ? undefined : annotationType(st, type);
    return tk === undefined ? undefined : { ...tk, decl, mutable: false };
  }
  if (decl.type === "ClassProperty") {
    // A class property annotated `__typed<T>`: accessed as `this.x`, opened at each access.
    const ann = decl.typeAnnotation;
    const tk = ann?.type === "TSTypeAnnotation" ? annotationType(st, ann.typeAnnotation) : undefined;
    return tk === undefined ? undefined : { ...tk, decl, mutable: true };
  }
  if (decl.type !== "VariableDeclarator" || decl.id.type !== "Identifier") return undefined;
  const list = parentOf(st, decl) as t.VariableDeclaration;
  const mutable = list.kind !== "const";
  const ann = decl.id.typeAnnotation;
  if (ann?.type === "TSTypeAnnotation") {
    const tk = annotationType(st, ann.typeAnnotation);
    return tk === undefined ? undefined : { ...tk, decl, mutable };
  }
  const forOf = parentOf(st, list);
  if (forOf?.type === "ForOfStatement" && forOf.left === list) {
    const iterated = typedExpressionType(st, forOf.right);
    const arr = iterated === undefined ? undefined : resolveType(st.decls, iterated.type);
    if (iterated?.kind !== "object" || arr?.kind !== "array") return undefined;
    // A loop over scalars gives plain values; over records or arrays, typed objects.
    const element = resolveType(st.decls, arr.element);
    const isObject = element.kind === "array" || recordOfType(st.decls, element) !== undefined;
    return isObject ? { kind: "object", type: arr.element, decl, mutable } : undefined;
  }
  if (decl.init == null) return undefined;
  const tk = typedExpressionType(st, decl.init);
  return tk === undefined ? undefined : { ...tk, decl, mutable };
}

/** annotationType reads `__typed<T>` (an object of T) or `TypedCache<T>` (a cache of T) from a type annotation. */
export function annotationType(st: GenState, node: t.TSType): TypedKind | undefined {
  if (node.type !== "TSTypeReference" || node.typeParameters?.params.length !== 1) return undefined;
  const name = runtimeNameOf(st, node.typeName);
  if (name !== "__typed" && name !== "TypedCache") return undefined;
  const type = cTypeOf(st, node.typeParameters.params[0]!);
  return type === undefined ? undefined : { kind: name === "__typed" ? "object" : "cache", type };
}

const converted = new WeakMap<t.Node, CType | null>();

/** cTypeOf converts the T of `__typed<T>` with the extractor (its diagnostics are reported once). */
export function cTypeOf(st: GenState, node: t.TSType): CType | undefined {
  const known = converted.get(node);
  if (known !== undefined) return known ?? undefined;
  const before = st.ctx.diagnostics.length;
  const text = textOf(st, node);
  // Names resolve in the annotation's own module (an imported binding's annotation is in its exporter).
  const file = fileOfNode(st, node);
  const ctx = file === st.file || file.module === undefined ? st.ctx : { ...st.ctx, scope: { file: file.module, typeParameters: new Set<string>() } };
  const type = convertType(ctx, node, { kind: "type", name: text, owner: text });
  st.diagnostics.push(...st.ctx.diagnostics.slice(before));
  converted.set(node, type ?? null);
  return type;
}

/** skipOuter strips non-null assertions and parentheses. */
export function skipOuter(e: t.Node): t.Node {
  let x = e;
  while (x.type === "TSNonNullExpression" || x.type === "ParenthesizedExpression") x = x.expression;
  return x;
}

/**
 * typedExpressionType is the C type of a typed object expression (syntax only), or
 * undefined: a typed binding, a typed runtime call, `cache.alloc()`, a call of a function
 * returning `__typed<T>`, or an access chain ending at a record, array or (dereferenced) pointer.
 */
export function typedExpressionType(st: GenState, expr: t.Node): TypedKind | undefined {
  const e = skipOuter(expr);
  if (e.type === "Identifier") {
    const b = bindingOfIdentifier(st, e);
    return b === undefined ? undefined : { kind: b.kind, type: b.type };
  }
  if (e.type === "MemberExpression") {
    const prop = thisPropertyOf(st, e);
    const b = prop === undefined ? undefined : bindingOfDeclaration(st, prop);
    if (b !== undefined) return { kind: b.kind, type: b.type };
  }
  if (e.type === "AwaitExpression") {
    const inner = skipParens(e.argument);
    return inner.type === "CallExpression" ? callType(st, inner, true) : undefined;
  }
  if (e.type === "CallExpression") return callType(st, e, false);
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

/** callType is the type of a call that returns a typed object or cache. */
function callType(st: GenState, call: t.CallExpression, awaited: boolean): TypedKind | undefined {
  const runtime = runtimeNameOf(st, call.callee);
  if (runtime !== undefined && (TYPED_CALLS.has(runtime) || CACHE_CALLS.has(runtime))) {
    if (ASYNC_CALLS.has(runtime) !== awaited) return undefined; // a Promise is not a typed object
    const arg = call.typeParameters?.params[0];
    const type = arg === undefined ? contextualType(st, call) : cTypeOf(st, arg);
    return type === undefined ? undefined : { kind: CACHE_CALLS.has(runtime) ? "cache" : "object", type };
  }
  const callee = call.callee;
  if (callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" && callee.property.name === "alloc" && callee.object.type === "Identifier") {
    const b = bindingOfIdentifier(st, callee.object);
    if (b?.kind === "cache") return { kind: "object", type: b.type };
  }
  const decl = callee.type === "Identifier" ? calleeDeclarationOf(st, callee) : undefined;
  const ret = decl === undefined ? undefined : calleeReturnOf(st, decl);
  if (ret !== undefined) return annotationType(st, ret);
  return undefined;
}

/** MAX_HELD_HOPS bounds `const a = b` chains (a cycle is a TypeScript error; it is followed nowhere). */
const MAX_HELD_HOPS = 16;

/**
 * calleeDeclarationOf is the declaration a call through a name is followed with: the name's own,
 * or, for a variable without an annotation initialised with another name (`const get = pick`),
 * that name's, as TypeScript gives such a variable its initialiser's type (the tsc plugin's
 * calleeDeclarationOf).
 */
export function calleeDeclarationOf(st: GenState, callee: t.Identifier): t.Node | undefined {
  let decl = declarationOf(st, callee);
  for (let hops = 0; decl !== undefined; hops++) {
    const held = decl.type === "VariableDeclarator" && decl.id.type === "Identifier" && decl.id.typeAnnotation == null && decl.init != null ? skipParens(decl.init) : undefined;
    if (held?.type !== "Identifier") return decl;
    if (hops === MAX_HELD_HOPS) return undefined;
    decl = declarationOf(st, held);
  }
  return undefined;
}

/**
 * calleeReturnOf is the return type a call of a declaration is followed with: a function's return
 * annotation; else, for a parameter or a variable, the return type of the call shape its annotation
 * gives, when typedc follows it (`get: (i: number) => __typed<Task>`, `get: Get` with
 * `type Get = (i: number) => __typed<Task>`; the tsc plugin's calleeReturnOf).
 */
export function calleeReturnOf(st: GenState, decl: t.Node): t.TSType | undefined {
  const fn = functionLike(decl);
  const ret = fn === undefined ? undefined : returnTypeOf(fn);
  if (ret !== undefined) return ret;
  const shape = annotatedCallShape(st, decl);
  return shape?.followed === true ? shape.returnTypes[0] : undefined;
}

/** annotatedCallShape is the call shape of a parameter's or a variable's annotation, with the annotation itself. */
export function annotatedCallShape(st: GenState, decl: t.Node): (CallShape & { readonly annotation: t.TSType }) | undefined {
  const id = decl.type === "AssignmentPattern" ? decl.left : decl.type === "VariableDeclarator" ? decl.id : decl;
  const annotation = id.type === "Identifier" ? annotatedType(id.typeAnnotation) : undefined;
  const shape = annotation === undefined ? undefined : callShapeOf(st, annotation);
  return shape === undefined ? undefined : { ...shape, annotation: annotation! };
}

/** returnTypeOf is a function's return type annotation. */
export function returnTypeOf(fn: t.Node): t.TSType | undefined {
  return annotatedType((fn as t.Function).returnType);
}

/** contextualType is the T of the `__typed<T>`/`TypedCache<T>` annotation of the variable a typed call initialises. */
export function contextualType(st: GenState, call: t.Node): CType | undefined {
  let child = call;
  let p = parentOf(st, call);
  while (p?.type === "ParenthesizedExpression" || p?.type === "AwaitExpression") (child = p), (p = parentOf(st, p));
  if (p?.type === "VariableDeclarator" && p.init === child) {
    const ann = (p.id as t.Identifier).typeAnnotation;
    if (ann?.type === "TSTypeAnnotation") return annotationType(st, ann.typeAnnotation)?.type;
  }
  if (p?.type === "ClassProperty" && p.value === child && p.typeAnnotation?.type === "TSTypeAnnotation") return annotationType(st, p.typeAnnotation.typeAnnotation)?.type;
  // `this.tasks = __typed(...)`: the property's annotation (without a checker, only `this.x` of the enclosing class is known).
  if (p?.type === "AssignmentExpression" && p.operator === "=" && p.right === child && p.left.type === "MemberExpression") {
    const decl = thisPropertyOf(st, p.left);
    if (decl?.typeAnnotation?.type === "TSTypeAnnotation") return annotationType(st, decl.typeAnnotation.typeAnnotation)?.type;
  }
  return undefined;
}

function skipParens(e: t.Node): t.Node {
  let x = e;
  while (x.type === "ParenthesizedExpression") x = x.expression;
  return x;
}

/** functionLike is the function a declaration defines: a function declaration, or a variable initialised with a function or arrow. */
export function functionLike(decl: t.Node): t.Function | t.TSDeclareFunction | undefined {
  if (decl.type === "FunctionDeclaration" || decl.type === "TSDeclareFunction" || decl.type === "ClassMethod" || decl.type === "ObjectMethod") return decl;
  if (decl.type === "VariableDeclarator" && decl.init != null) {
    const init = skipParens(decl.init);
    if (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression") return init;
  }
  return undefined;
}

/**
 * thisPropertyOf is the declaration of instance property `x` of `this.x` in the class that
 * encloses it (arrow functions see their outer `this`), or undefined: the tsc plugin's rule,
 * which types `this.x` only in instance members of the class that declares `x`.
 */
export function thisPropertyOf(st: GenState, e: t.MemberExpression): t.ClassProperty | undefined {
  if (e.object.type !== "ThisExpression" || e.computed || e.property.type !== "Identifier") return undefined;
  const name = e.property.name;
  let child: t.Node = e;
  let n: t.Node | undefined = parentOf(st, e);
  // `this` is the class instance inside its methods and property initializers; a plain function rebinds it.
  while (n !== undefined && n.type !== "ClassBody") {
    if (n.type === "FunctionDeclaration" || n.type === "FunctionExpression" || n.type === "ObjectMethod") return undefined;
    child = n;
    n = parentOf(st, n);
  }
  // In a static member (method, property initializer, static block) `this` is the class itself.
  if (n === undefined || child.type === "StaticBlock" || (child as { static?: boolean }).static === true) return undefined;
  for (const member of n.body) {
    if (member.type === "ClassProperty" && !member.computed && !member.static && member.key.type === "Identifier" && member.key.name === name) return member;
  }
  return undefined;
}
