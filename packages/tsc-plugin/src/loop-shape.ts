/**
 * The header of a counted `for` loop, by syntax alone: what both bounds-check elimination
 * (loop-bounds.ts, `for (let i = 0; i < xs.length; i++)`) and loop versioning
 * (loop-version.ts, `for (let i = A; i < B; i++)`) start from (the Babel plugin's gen-loop-shape.ts).
 */
import type * as TS from "typescript";

/** ForShape is `for (<kind> counter = start; counter < bound; counter++ | ++counter | counter += 1)`. */
export interface ForShape {
  readonly counter: string;
  /** The counter is declared with `let` (not `var` or `const`). */
  readonly isLet: boolean;
  readonly start: TS.Expression;
  readonly bound: TS.Expression;
}

/** forShape matches a loop's header, or undefined when it is not a counted loop's. */
export function forShape(ts: typeof TS, loop: TS.ForStatement): ForShape | undefined {
  const init = loop.initializer;
  if (init === undefined || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1) return undefined;
  const d = init.declarations[0]!;
  if (!ts.isIdentifier(d.name) || d.initializer === undefined) return undefined;
  const counter = d.name.text;
  const isCounter = (e: TS.Expression) => ts.isIdentifier(e) && e.text === counter;
  const cond = loop.condition;
  if (cond === undefined || !ts.isBinaryExpression(cond) || cond.operatorToken.kind !== ts.SyntaxKind.LessThanToken || !isCounter(cond.left)) return undefined;
  const inc = loop.incrementor;
  const stepsByOne = inc !== undefined && (
    ((ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) && inc.operator === ts.SyntaxKind.PlusPlusToken && isCounter(inc.operand)) ||
    (ts.isBinaryExpression(inc) && inc.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && isCounter(inc.left) && ts.isNumericLiteral(inc.right) && Number(inc.right.text) === 1));
  if (!stepsByOne) return undefined;
  return { counter, isLet: (init.flags & ts.NodeFlags.Let) !== 0, start: d.initializer, bound: cond.right };
}

/** lengthRootOf is `xs` of a bound written `xs.length` (a plain name), or undefined. */
export function lengthRootOf(ts: typeof TS, bound: TS.Expression): TS.Identifier | undefined {
  return ts.isPropertyAccessExpression(bound) && bound.name.text === "length" && ts.isIdentifier(bound.expression) ? bound.expression : undefined;
}
