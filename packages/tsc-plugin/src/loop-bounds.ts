/**
 * Bounds-check elimination for the canonical loop (docs/compiler.md, "Speed"):
 *   for (let i = 0; i < xs.length; i++) ... xs[i] ...
 * where `xs` is a typed binding bound once and `i` is not assigned in the body: every
 * `xs[i]` in the body is an integer in [0, xs.length), so its index check is dropped.
 * Decided from syntax only, like every other rule of the transformer.
 */
import type * as TS from "typescript";
import { bindingOfIdentifier } from "./bindings.js";
import type { Chain } from "./chain.js";
import { forShape, lengthRootOf } from "./loop-shape.js";
import type { ProgramState } from "./program-state.js";

/** isProvenIndex tells whether index `index` of the first step of `chain` is the counter of an enclosing canonical loop over the same root. */
export function isProvenIndex(st: ProgramState, chain: Chain, index: TS.Expression): boolean {
  const { ts } = st;
  if (!ts.isIdentifier(index) || chain.rootCall !== undefined || chain.binding.mutable) return false;
  for (let p: TS.Node | undefined = index.parent; p !== undefined && !ts.isFunctionLike(p); p = p.parent) {
    if (!ts.isForStatement(p)) continue;
    const bound = canonicalBoundOf(ts, p, index.text);
    if (bound === undefined || assignsIn(ts, p.statement, index.text)) continue;
    // The bound must be the same binding as the chain's root (not a shadowing one of the same name).
    if (bindingOfIdentifier(st, bound) === chain.binding) return true;
  }
  return false;
}

/**
 * canonicalBoundOf is `xs` of a canonical loop over `counter`, `for (let|var|const counter = 0;
 * counter < xs.length; counter++ | ++counter | counter += 1)`, or undefined.
 */
function canonicalBoundOf(ts: typeof TS, loop: TS.ForStatement, counter: string): TS.Identifier | undefined {
  const shape = forShape(ts, loop);
  if (shape?.counter !== counter || !ts.isNumericLiteral(shape.start) || Number(shape.start.text) !== 0) return undefined;
  return lengthRootOf(ts, shape.bound);
}

/**
 * assignsIn tells whether a statement assigns the counter (`i = …`, `i += …`, `i++`, a nested
 * declaration of the same name other than `except`, the name's own declaration).
 */
export function assignsIn(ts: typeof TS, node: TS.Node, counter: string, except?: TS.Node): boolean {
  const isCounter = (e: TS.Node) => ts.isIdentifier(e) && e.text === counter;
  const visit = (n: TS.Node): boolean => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && isCounter(n.left)) return true;
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) && isCounter(n.operand)) return true;
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n)) && n !== except && isCounter(n.name)) return true; // shadowed: be conservative
    if (ts.isArrayLiteralExpression(n) || ts.isObjectLiteralExpression(n)) {
      // destructuring assignment targets (`[i] = xs`)
      if (ts.isBinaryExpression(n.parent) && n.parent.left === n && n.getText().includes(counter)) return true;
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}
