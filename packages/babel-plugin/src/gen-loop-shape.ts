/**
 * The header of a counted `for` loop, by syntax alone: what both bounds-check elimination
 * (gen-loop-bounds.ts, `for (let i = 0; i < xs.length; i++)`) and loop versioning
 * (gen-loop-version.ts, `for (let i = A; i < B; i++)`) start from (the tsc plugin's loop-shape.ts).
 */
import type * as t from "@babel/types";

/** ForShape is `for (<kind> counter = start; counter < bound; counter++ | ++counter | counter += 1)`. */
export interface ForShape {
  readonly counter: string;
  /** The counter is declared with `let` (not `var` or `const`). */
  readonly isLet: boolean;
  readonly start: t.Expression;
  readonly bound: t.Expression;
}

/** isName tells whether a node is the identifier `name`. */
export const isName = (e: t.Node | null | undefined, name: string): boolean => e?.type === "Identifier" && e.name === name;

/** forShape matches a loop's header, or undefined when it is not a counted loop's. */
export function forShape(loop: t.ForStatement): ForShape | undefined {
  const init = loop.init;
  if (init?.type !== "VariableDeclaration" || init.declarations.length !== 1) return undefined;
  const d = init.declarations[0]!;
  if (d.id.type !== "Identifier" || d.init == null) return undefined;
  const counter = d.id.name;
  const cond = loop.test;
  if (cond?.type !== "BinaryExpression" || cond.operator !== "<" || !isName(cond.left, counter)) return undefined;
  const inc = loop.update;
  const stepsByOne = inc != null && (
    (inc.type === "UpdateExpression" && inc.operator === "++" && isName(inc.argument, counter)) ||
    (inc.type === "AssignmentExpression" && inc.operator === "+=" && isName(inc.left, counter) && inc.right.type === "NumericLiteral" && inc.right.value === 1));
  if (!stepsByOne) return undefined;
  return { counter, isLet: init.kind === "let", start: d.init, bound: cond.right };
}

/** lengthRootOf is `xs` of a bound written `xs.length` (a plain name), or undefined. */
export function lengthRootOf(bound: t.Expression): t.Identifier | undefined {
  return bound.type === "MemberExpression" && !bound.computed && isName(bound.property, "length") && bound.object.type === "Identifier" ? bound.object : undefined;
}
