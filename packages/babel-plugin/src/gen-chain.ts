/**
 * Access chains on Babel's tree (SPEC §3: "a member or index chain starting at a typed
 * expression"), as the tsc plugin's chain.ts reads them: `tasks[i].se.vruntime` is the root
 * `tasks` and the steps `[i]`, `.se`, `.vruntime`; parentheses and `!` are transparent.
 */
import type * as t from "@babel/types";
import type { AccessStep } from "@typedc/core";
import { bindingOfDeclaration, bindingOfIdentifier, skipOuter, thisPropertyOf, typedExpressionType, type Binding } from "./gen-bindings.js";
import { compactText, type GenState } from "./gen-state.js";

/** MemberNode is a member or index access node. */
export type MemberNode = t.MemberExpression | t.OptionalMemberExpression;

/** ChainStep is one step with the node that performs it (and, for an index, the index expression). */
export interface ChainStep {
  readonly step: AccessStep;
  readonly node: MemberNode;
  readonly index?: t.Expression;
}

/** Chain is a typed root binding and the steps applied to it. */
export interface Chain {
  /** How the root is named in messages (`tasks`, `pick()`). */
  readonly rootText: string;
  readonly binding: Binding;
  readonly steps: readonly ChainStep[];
  /** Some step is `?.` (not supported on typed values: reported). */
  readonly optional: boolean;
  /** The root is a call returning a typed object (`pick(2).pid`) or a typed property (`this.tasks`). */
  readonly rootCall?: t.CallExpression | t.MemberExpression;
}

/** chainOf parses an expression into a chain on a typed object binding, or undefined. */
export function chainOf(st: GenState, expr: t.Node): Chain | undefined {
  const steps: ChainStep[] = [];
  let optional = false;
  let e = skipOuter(expr);
  for (;;) {
    if (isTypedThisProperty(st, e)) break; // `this.tasks` of a property annotated `__typed<T>` is a root
    if (e.type !== "MemberExpression" && e.type !== "OptionalMemberExpression") break;
    if (!e.computed && e.property.type === "Identifier") steps.unshift({ step: { kind: "member", name: e.property.name }, node: e });
    else if (e.computed) steps.unshift({ step: { kind: "index" }, node: e, index: e.property as t.Expression });
    else break;
    optional ||= e.optional === true;
    e = skipOuter(e.object);
  }
  if ((e.type === "CallExpression" || e.type === "MemberExpression") && steps.length > 0) {
    // `pick(2).pid` (a call returning a typed object) or `this.tasks[i].pid` (a typed property):
    // the root's value is opened once per access.
    const tk = typedExpressionType(st, e);
    if (tk?.kind !== "object") return undefined;
    const binding: Binding = { kind: "object", type: tk.type, decl: e, mutable: true };
    const rootText = e.type === "CallExpression" ? compactText(st, e.callee) + "()" : compactText(st, e);
    return { rootText, rootCall: e, binding, steps, optional };
  }
  if (e.type !== "Identifier") return undefined;
  const binding = bindingOfIdentifier(st, e);
  if (binding === undefined || binding.kind !== "object") return undefined;
  return { rootText: e.name, binding, steps, optional };
}

/** pathText spells a chain up to step k (exclusive) as the source does, whitespace removed (`tasks[i].se`). */
export function pathText(st: GenState, chain: Chain, k: number): string {
  if (k === 0) return chain.rootText;
  return compactText(st, chain.steps[k - 1]!.node);
}

/** isTypedThisProperty tells whether `e` is `this.x` where property `x` is annotated `__typed<T>` (SPEC §3: a typed property). */
export function isTypedThisProperty(st: GenState, e: t.Node): boolean {
  if (e.type !== "MemberExpression") return false;
  const decl = thisPropertyOf(st, e);
  return decl !== undefined && bindingOfDeclaration(st, decl)?.kind === "object";
}
