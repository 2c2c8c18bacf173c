/**
 * Where a typed object goes (SPEC §3), on Babel's tree, by the tsc plugin's flow.ts rules:
 * into a typed binding, a `__typed<T>` parameter or return, a runtime function, or a test —
 * kept; into a plain annotated declaration — `toPlain`; anywhere else (an un-annotated
 * parameter, `any`, a container) — a diagnostic asking for an annotation.
 */
import type * as t from "@babel/types";
import { annotationType, bindingOfIdentifier, functionLike, paramTypeOf, returnTypeOf, skipOuter } from "./gen-bindings.js";
import { chainOf } from "./gen-chain.js";
import { declarationOf, isFunctionLike, parentOf, runtimeNameOf, textOf, type GenState } from "./gen-state.js";

/** Flow is what happens to a typed object at its use: kept typed, converted to plain data, or an escape (with what it escapes into). */
export type Flow = { readonly kind: "typed" } | { readonly kind: "plain" } | { readonly kind: "escape"; readonly into: string };

const TYPED: Flow = { kind: "typed" };
const PLAIN: Flow = { kind: "plain" };
const escape = (into: string): Flow => ({ kind: "escape", into });

/** annotationFlow is the flow into a declaration annotated `type` (or not annotated). */
function annotationFlow(st: GenState, type: t.TSType | undefined, what: string): Flow {
  if (type === undefined) return escape(`${what} without a type annotation`);
  if (annotationType(st, type) !== undefined) return TYPED;
  if (type.type === "TSAnyKeyword" || type.type === "TSUnknownKeyword") return escape(`${what} of type '${textOf(st, type)}'`);
  return PLAIN;
}

const CONTAINERS: Readonly<Record<string, string>> = {
  ArrayExpression: "an array literal",
  ObjectProperty: "an object literal",
  ObjectExpression: "an object literal",
  SpreadElement: "a spread",
  TSAsExpression: "a type assertion",
  TSTypeAssertion: "a type assertion",
  TSSatisfiesExpression: "a type assertion",
  NewExpression: "a constructor argument",
  TemplateLiteral: "a template literal",
};

/** flowOf decides the flow of a typed object expression `node` (an original node) from its parent. */
export function flowOf(st: GenState, node: t.Node): Flow {
  let child: t.Node = node;
  let p = parentOf(st, node);
  while (p !== undefined && (p.type === "ParenthesizedExpression" || p.type === "TSNonNullExpression")) {
    child = p;
    p = parentOf(st, p);
  }
  if (p === undefined) return escape("an expression the compiler cannot follow");
  switch (p.type) {
    case "VariableDeclarator": {
      const ann = p.id.type === "Identifier" ? p.id.typeAnnotation : undefined;
      if (ann?.type !== "TSTypeAnnotation") return p.id.type === "Identifier" ? TYPED : escape("a destructuring pattern");
      return annotationFlow(st, ann.typeAnnotation, `variable '${(p.id as t.Identifier).name}'`);
    }
    case "CallExpression":
      if (p.arguments.includes(child as t.Expression)) return argumentFlow(st, p, p.arguments.indexOf(child as t.Expression));
      break;
    case "ReturnStatement":
      return returnFlow(st, p);
    case "ArrowFunctionExpression":
      if (p.body === child) return returnFlow(st, p);
      break;
    case "AssignmentExpression":
    case "BinaryExpression":
    case "LogicalExpression":
    case "SequenceExpression":
      return binaryFlow(st, p, child);
    case "UnaryExpression":
      if (p.operator === "!") return TYPED;
      if (p.operator === "void") return TYPED;
      break;
    case "IfStatement":
    case "WhileStatement":
    case "DoWhileStatement":
      if (p.test === child) return TYPED;
      break;
    case "ConditionalExpression":
      return p.test === child ? TYPED : flowOf(st, p);
    case "ExpressionStatement":
    case "ForOfStatement":
      return TYPED;
    case "ClassProperty": {
      const ann = p.typeAnnotation;
      return annotationFlow(st, ann?.type === "TSTypeAnnotation" ? ann.typeAnnotation : undefined, `property '${textOf(st, p.key)}'`);
    }
  }
  const container = CONTAINERS[p.type];
  if (container !== undefined) return escape(container);
  return escape("an expression the compiler cannot follow");
}

/** argumentFlow: a runtime function takes typed objects; a user function by its parameter's annotation. */
function argumentFlow(st: GenState, call: t.CallExpression, index: number): Flow {
  if (runtimeNameOf(st, call.callee) !== undefined) return TYPED;
  const callee = skipOuter(call.callee);
  // A cache's methods (`cache.free(x)`) take its objects.
  if (callee.type === "MemberExpression" && !callee.computed && callee.object.type === "Identifier" && bindingOfIdentifier(st, callee.object)?.kind === "cache") return TYPED;
  const decl = callee.type === "Identifier" ? declarationOf(st, callee) : undefined;
  const fn = decl === undefined ? undefined : functionLike(decl);
  const name = textOf(st, callee);
  if (fn === undefined) return escape(`an argument of '${name}', whose declaration the compiler cannot follow`);
  const params = fn.params as t.Node[];
  const param = params[Math.min(index, params.length - 1)];
  if (param === undefined || param.type === "RestElement") return escape(`an argument of '${name}' that has no parameter`);
  const target = param.type === "AssignmentPattern" ? param.left : param;
  const pname = fileText(st, fn, target);
  return annotationFlow(st, paramTypeOf(param), `parameter '${pname}' of '${name}'`);
}

/** fileText is a parameter's name as TypeScript's `param.name.getText()` spells it (without its annotation). */
function fileText(st: GenState, _fn: t.Node, target: t.Node): string {
  if (target.type === "Identifier") return target.name;
  return textOf(st, target);
}

/** returnFlow: by the enclosing function's return type annotation. */
function returnFlow(st: GenState, node: t.Node): Flow {
  let fn: t.Node | undefined = node;
  while (fn !== undefined && !isFunctionLike(fn)) fn = parentOf(st, fn);
  if (fn === undefined) return escape("a return outside a function");
  const name = functionName(st, fn) ?? "an anonymous function";
  return annotationFlow(st, returnTypeOf(fn), `the return value of '${name}'`);
}

/** functionName is a function's own name as TypeScript's `sig.name` gives it (declarations, named expressions, methods). */
function functionName(st: GenState, fn: t.Node): string | undefined {
  if ((fn.type === "FunctionDeclaration" || fn.type === "FunctionExpression" || fn.type === "TSDeclareFunction") && fn.id != null) return fn.id.name;
  if ((fn.type === "ClassMethod" || fn.type === "ObjectMethod" || fn.type === "TSDeclareMethod") && !fn.computed) return textOf(st, fn.key);
  return undefined;
}

/** binaryFlow: assignments into typed targets, comparisons and logical tests are fine. */
function binaryFlow(st: GenState, p: t.AssignmentExpression | t.BinaryExpression | t.LogicalExpression | t.SequenceExpression, child: t.Node): Flow {
  if (p.type === "SequenceExpression") return p.expressions[p.expressions.length - 1] === child ? flowOf(st, p) : TYPED;
  if (p.type === "LogicalExpression") return TYPED;
  if (p.type === "BinaryExpression") {
    if (["===", "!==", "==", "!="].includes(p.operator)) return TYPED;
    return escape(`an operand of '${p.operator}'`);
  }
  if (p.operator !== "=") return escape(`an operand of '${p.operator}'`);
  if (p.right !== child) return TYPED;
  const left = skipOuter(p.left);
  if (left.type === "Identifier") {
    const b = bindingOfIdentifier(st, left);
    return b?.kind === "object" ? TYPED : escape(`'${left.name}', which is not a '__typed' binding`);
  }
  const chain = chainOf(st, left);
  return chain !== undefined ? TYPED : escape(`'${textOf(st, left)}', which is not a typed field`);
}
