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
import { isFunctionLike, parentOf, textOf, type GenState } from "./gen-state.js";

/** isProvenIndex tells whether an index of `chain` (an original node) is the counter of an enclosing canonical loop over the same root. */
export function isProvenIndex(st: GenState, chain: Chain, index: t.Node): boolean {
  if (index.type !== "Identifier" || chain.rootCall !== undefined || chain.binding.mutable) return false;
  for (let p = parentOf(st, index); p !== undefined && !isFunctionLike(p); p = parentOf(st, p)) {
    if (p.type !== "ForStatement" || !isCanonicalLoop(p, index.name) || assignsIn(st, p.body, index.name)) continue;
    // The bound must be the same binding as the chain's root (not a shadowing one of the same name).
    const bound = ((p.test as t.BinaryExpression).right as t.MemberExpression).object as t.Identifier;
    if (bindingOfIdentifier(st, bound) === chain.binding) return true;
  }
  return false;
}

const isName = (e: t.Node | null | undefined, name: string): boolean => e?.type === "Identifier" && e.name === name;

/** isCanonicalLoop: `for (let i = 0; i < root.length; i++ | ++i | i += 1)`. */
function isCanonicalLoop(loop: t.ForStatement, counter: string): boolean {
  const init = loop.init;
  if (init?.type !== "VariableDeclaration" || init.declarations.length !== 1) return false;
  const d = init.declarations[0]!;
  if (!isName(d.id, counter) || d.init?.type !== "NumericLiteral" || d.init.value !== 0) return false;
  const cond = loop.test;
  const bound = cond?.type === "BinaryExpression" && cond.operator === "<" && isName(cond.left, counter) &&
    cond.right.type === "MemberExpression" && !cond.right.computed && isName(cond.right.property, "length") && cond.right.object.type === "Identifier";
  if (!bound) return false;
  const inc = loop.update;
  if (inc == null) return false;
  if (inc.type === "UpdateExpression" && inc.operator === "++") return isName(inc.argument, counter);
  return inc.type === "AssignmentExpression" && inc.operator === "+=" && isName(inc.left, counter) && inc.right.type === "NumericLiteral" && inc.right.value === 1;
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
