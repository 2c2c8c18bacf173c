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
import type { ProgramState } from "./program-state.js";

/** isProvenIndex tells whether index `index` of the first step of `chain` is the counter of an enclosing canonical loop over the same root. */
export function isProvenIndex(st: ProgramState, chain: Chain, index: TS.Expression): boolean {
  const { ts } = st;
  if (!ts.isIdentifier(index) || chain.rootCall !== undefined || chain.binding.mutable) return false;
  for (let p: TS.Node | undefined = index.parent; p !== undefined && !ts.isFunctionLike(p); p = p.parent) {
    if (!ts.isForStatement(p) || !isCanonicalLoop(ts, p, index.text) || assignsIn(ts, p.statement, index.text)) continue;
    // The bound must be the same binding as the chain's root (not a shadowing one of the same name).
    const bound = ((p.condition as TS.BinaryExpression).right as TS.PropertyAccessExpression).expression as TS.Identifier;
    if (bindingOfIdentifier(st, bound) === chain.binding) return true;
  }
  return false;
}

/** isCanonicalLoop: `for (let i = 0; i < root.length; i++ | ++i | i += 1)`. */
function isCanonicalLoop(ts: typeof TS, loop: TS.ForStatement, counter: string): boolean {
  const init = loop.initializer;
  if (init === undefined || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1) return false;
  const d = init.declarations[0]!;
  if (!ts.isIdentifier(d.name) || d.name.text !== counter || d.initializer === undefined || !ts.isNumericLiteral(d.initializer) || d.initializer.text !== "0") return false;
  const cond = loop.condition;
  const bound = cond !== undefined && ts.isBinaryExpression(cond) && cond.operatorToken.kind === ts.SyntaxKind.LessThanToken &&
    ts.isIdentifier(cond.left) && cond.left.text === counter &&
    ts.isPropertyAccessExpression(cond.right) && cond.right.name.text === "length" && ts.isIdentifier(cond.right.expression);
  if (!bound) return false;
  const inc = loop.incrementor;
  if (inc === undefined) return false;
  if ((ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) && inc.operator === ts.SyntaxKind.PlusPlusToken) return ts.isIdentifier(inc.operand) && inc.operand.text === counter;
  return ts.isBinaryExpression(inc) && inc.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isIdentifier(inc.left) && inc.left.text === counter && ts.isNumericLiteral(inc.right) && inc.right.text === "1";
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
