/**
 * An arrow with typed parameters and an expression body gets a block body, so its refs open
 * once per call (the tsc plugin's emit-arrow.ts):
 *   (t: __typed<Task>) => t.pid  →  (t) => { const t$r = __typedc$cref(t), ...; return <read>; }
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { bindingOfDeclaration } from "./gen-bindings.js";
import { hoistedVars, localRef, refDeclarations } from "./gen-file-state.js";
import { visitFunction, type Visitor } from "./gen-transform.js";

/** visitArrow compiles an expression-bodied arrow with typed parameters; any other arrow is visited as a function. */
export function visitArrow(v: Visitor, node: t.ArrowFunctionExpression): t.Node {
  const { fs } = v;
  if (node.body.type === "BlockStatement") return visitFunction(v, node);
  const typed = (node.params as t.Node[]).filter((p) => bindingOfDeclaration(fs.st, p)?.kind === "object");
  if (typed.length === 0) return visitFunction(v, node);
  for (const p of typed) localRef(fs, bindingOfDeclaration(fs.st, p)!);
  const params = node.params.map((p) => v.visit(p) as t.ArrowFunctionExpression["params"][number]);
  fs.envs.push([]);
  const body = v.expr(node.body);
  const temps = fs.envs.pop()!;
  const block = t.blockStatement([...hoistedVars(temps), ...refDeclarations(fs, node), t.returnStatement(body)]);
  return { ...node, params, body: block, expression: false };
}
