/**
 * An arrow function with typed parameters and an expression body gets a block
 * body, so its refs open once per call:
 *   (t: __typed<Task>) => t.pid
 * → (t) => { const t$r = __typedc.cref(t), t$p0 = __typedc.cpath(t$r.tp, t$r.t, "pid"); return t$p0.rd(...); }
 */
import type * as TS from "typescript";
import { bindingOfDeclaration } from "./bindings.js";
import { localRef, refDeclarations } from "./file-state.js";
import type { Visitor } from "./transformer.js";

/** visitArrow compiles an expression-bodied arrow with typed parameters; undefined for any other arrow. */
export function visitArrow(v: Visitor, node: TS.ArrowFunction): TS.ArrowFunction | undefined {
  const { fs } = v;
  const { ts } = fs.st;
  const f = fs.f;
  if (ts.isBlock(node.body)) return undefined;
  const typed = node.parameters.filter((p) => bindingOfDeclaration(fs.st, p)?.kind === "object");
  if (typed.length === 0) return undefined;
  for (const p of typed) localRef(fs, bindingOfDeclaration(fs.st, p)!);
  const parameters = ts.visitNodes(node.parameters, v.visit, ts.isParameter);
  fs.context.startLexicalEnvironment();
  const body = v.expr(node.body);
  const hoisted = fs.context.endLexicalEnvironment() ?? [];
  const block = f.createBlock([...hoisted, ...refDeclarations(fs, node), f.createReturnStatement(body)], true);
  return f.updateArrowFunction(node, node.modifiers, node.typeParameters, parameters, node.type, node.equalsGreaterThanToken, block);
}
