/**
 * Where a typed object goes (SPEC §3): into a typed binding, a `__typed<T>`
 * parameter or return, a runtime function, or a test (`p === null`, `if (p)`) —
 * all fine; into a plain annotated declaration — a `toPlain` conversion; anywhere
 * else (an un-annotated parameter, `any`, a container) — a diagnostic asking for an
 * annotation. Decided from syntax and declarations only, never from inferred types.
 */
import type * as TS from "typescript";
import { annotationType, bindingOfIdentifier, functionLike } from "./bindings.js";
import { chainOf, skipOuter } from "./chain.js";
import { declarationOf, runtimeNameOf, type ProgramState } from "./program-state.js";

/** Flow is what happens to a typed object at its use: kept typed, converted to plain data, or an escape (with what it escapes into). */
export type Flow = { readonly kind: "typed" } | { readonly kind: "plain" } | { readonly kind: "escape"; readonly into: string };

const TYPED: Flow = { kind: "typed" };
const PLAIN: Flow = { kind: "plain" };
const escape = (into: string): Flow => ({ kind: "escape", into });

/** annotationFlow is the flow into a declaration annotated `type` (or not annotated). */
function annotationFlow(st: ProgramState, type: TS.TypeNode | undefined, what: string): Flow {
  const { ts } = st;
  if (type === undefined) return escape(`${what} without a type annotation`);
  if (annotationType(st, type) !== undefined) return TYPED;
  if (type.kind === ts.SyntaxKind.AnyKeyword || type.kind === ts.SyntaxKind.UnknownKeyword) return escape(`${what} of type '${type.getText()}'`);
  return PLAIN;
}

/** flowOf decides the flow of a typed object expression `node` (an original node) from its parent. */
export function flowOf(st: ProgramState, node: TS.Expression): Flow {
  const { ts } = st;
  let child: TS.Node = node;
  let p: TS.Node = node.parent;
  while (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p)) {
    child = p;
    p = p.parent;
  }
  if (ts.isVariableDeclaration(p)) {
    if (p.type === undefined) return ts.isIdentifier(p.name) ? TYPED : escape("a destructuring pattern");
    return annotationFlow(st, p.type, `variable '${p.name.getText()}'`);
  }
  if (ts.isCallExpression(p) && p.arguments.includes(child as TS.Expression)) return argumentFlow(st, p, p.arguments.indexOf(child as TS.Expression));
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === child)) return returnFlow(st, p);
  if (ts.isBinaryExpression(p)) return binaryFlow(st, p, child);
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return TYPED;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === child) return TYPED;
  if (ts.isConditionalExpression(p)) return p.condition === child ? TYPED : flowOf(st, p);
  if (ts.isExpressionStatement(p) || ts.isForOfStatement(p) || ts.isVoidExpression(p)) return TYPED;
  if (ts.isArrayLiteralExpression(p)) return escape("an array literal");
  if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p)) return escape("an object literal");
  if (ts.isSpreadElement(p) || ts.isSpreadAssignment(p)) return escape("a spread");
  if (ts.isAsExpression(p) || ts.isTypeAssertionExpression(p) || ts.isSatisfiesExpression(p)) return escape("a type assertion");
  if (ts.isNewExpression(p)) return escape("a constructor argument");
  if (ts.isTemplateSpan(p)) return escape("a template literal");
  if (ts.isPropertyDeclaration(p)) return annotationFlow(st, p.type, `property '${p.name.getText()}'`);
  return escape("an expression the compiler cannot follow");
}

/** argumentFlow: a runtime function takes typed objects; a user function by its parameter's annotation. */
function argumentFlow(st: ProgramState, call: TS.CallExpression, index: number): Flow {
  const { ts } = st;
  if (runtimeNameOf(st, call.expression) !== undefined) return TYPED;
  const callee = skipOuter(ts, call.expression);
  // A cache's methods (`cache.free(x)`) take its objects.
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && bindingOfIdentifier(st, callee.expression)?.kind === "cache") return TYPED;
  const decl = ts.isIdentifier(callee) ? declarationOf(st, callee) : undefined;
  const fn = decl === undefined ? undefined : functionLike(st, decl);
  const name = callee.getText();
  if (fn === undefined) return escape(`an argument of '${name}', whose declaration the compiler cannot follow`);
  const param = fn.parameters[Math.min(index, fn.parameters.length - 1)];
  if (param === undefined || param.dotDotDotToken !== undefined) return escape(`an argument of '${name}' that has no parameter`);
  return annotationFlow(st, param.type, `parameter '${param.name.getText()}' of '${name}'`);
}

/** returnFlow: by the enclosing function's return type annotation. */
function returnFlow(st: ProgramState, node: TS.Node): Flow {
  const { ts } = st;
  let fn: TS.Node | undefined = node;
  while (fn !== undefined && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (fn === undefined) return escape("a return outside a function");
  const sig = fn as TS.SignatureDeclaration;
  const name = sig.name?.getText() ?? "an anonymous function";
  return annotationFlow(st, sig.type, `the return value of '${name}'`);
}

/** binaryFlow: assignments into typed targets, comparisons and logical tests are fine. */
function binaryFlow(st: ProgramState, p: TS.BinaryExpression, child: TS.Node): Flow {
  const { ts } = st;
  switch (p.operatorToken.kind) {
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
    case ts.SyntaxKind.AmpersandAmpersandToken:
    case ts.SyntaxKind.BarBarToken:
    case ts.SyntaxKind.QuestionQuestionToken:
      return TYPED;
    case ts.SyntaxKind.CommaToken:
      return p.left === child ? TYPED : flowOf(st, p);
    case ts.SyntaxKind.EqualsToken: {
      if (p.right !== child) return TYPED;
      const left = skipOuter(ts, p.left);
      if (ts.isIdentifier(left)) {
        const b = bindingOfIdentifier(st, left);
        return b?.kind === "object" ? TYPED : escape(`'${left.text}', which is not a '__typed' binding`);
      }
      const chain = chainOf(st, left);
      return chain !== undefined ? TYPED : escape(`'${left.getText()}', which is not a typed field`);
    }
    default:
      return escape(`an operand of '${p.operatorToken.getText()}'`);
  }
}
