/**
 * Bounds-check elimination for the canonical loop on Babel's tree (the tsc plugin's
 * loop-bounds.ts, docs/compiler.md "Speed"):
 *   for (let i = 0; i < xs.length; i++) ... xs[i] ...
 * where `xs` is a typed binding bound once and `i` is not assigned in the body: every
 * `xs[i]` in the body is an integer in [0, xs.length), so its index check is dropped.
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { bindingOfIdentifier } from "./gen-bindings.js";
import type { Chain } from "./gen-chain.js";
import { forShape, isName, lengthRootOf } from "./gen-loop-shape.js";
import { isFunctionLike, parentOf, textOf, type GenState } from "./gen-state.js";

/** isProvenIndex tells whether an index of `chain` (an original node) is the counter of an enclosing canonical loop over the same root. */
export function isProvenIndex(st: GenState, chain: Chain, index: t.Node): boolean {
  if (index.type !== "Identifier" || chain.rootCall !== undefined || chain.binding.mutable) return false;
  for (let p = parentOf(st, index); p !== undefined && !isFunctionLike(p); p = parentOf(st, p)) {
    if (p.type !== "ForStatement") continue;
    const bound = canonicalBoundOf(p, index.name);
    if (bound === undefined || assignsIn(st, p.body, index.name)) continue;
    // The bound must be the same binding as the chain's root (not a shadowing one of the same name).
    if (bindingOfIdentifier(st, bound) === chain.binding) return true;
  }
  return false;
}

/**
 * canonicalBoundOf is `xs` of a canonical loop over `counter`, `for (let|var|const counter = 0;
 * counter < xs.length; counter++ | ++counter | counter += 1)`, or undefined.
 */
function canonicalBoundOf(loop: t.ForStatement, counter: string): t.Identifier | undefined {
  const shape = forShape(loop);
  if (shape?.counter !== counter || shape.start.type !== "NumericLiteral" || shape.start.value !== 0) return undefined;
  return lengthRootOf(shape.bound);
}

/**
 * assignsIn tells whether a statement assigns the counter (`i = …`, `i += …`, `i++`, a
 * destructuring target, a nested declaration of the same name other than `except`, the name's
 * own declaration).
 */
export function assignsIn(st: GenState, node: t.Node, counter: string, except?: t.Node): boolean {
  const visit = (n: t.Node): boolean => {
    if (n.type === "AssignmentExpression") {
      if (isName(n.left, counter)) return true;
      if ((n.left.type === "ArrayPattern" || n.left.type === "ObjectPattern") && textOf(st, n.left).includes(counter)) return true;
    }
    if (n.type === "UpdateExpression" && isName(n.argument, counter)) return true;
    if (n.type === "VariableDeclarator" && n !== except && isName(n.id, counter)) return true; // shadowed: be conservative
    if (isFunctionLike(n) && (n.params as t.Node[]).some((p) => isName(p, counter) || (p.type === "AssignmentPattern" && isName(p.left, counter)))) return true;
    for (const key of t.VISITOR_KEYS[n.type] ?? []) {
      const child = (n as any)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c != null && visit(c)) return true;
      } else if (child != null && typeof child === "object" && visit(child)) return true;
    }
    return false;
  };
  return visit(node);
}
