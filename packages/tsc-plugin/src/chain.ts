/**
 * Access chains (SPEC §3: "a member or index chain starting at a typed
 * expression"): `tasks[i].se.vruntime` is the root `tasks` and the steps
 * `[i]`, `.se`, `.vruntime`. Parentheses and `!` are transparent.
 */
import type * as TS from "typescript";
import type { AccessStep } from "@typedc/core";
import { bindingOfDeclaration, bindingOfIdentifier, thisPropertyOf, typedExpressionType, type Binding } from "./bindings.js";
import type { ProgramState } from "./program-state.js";

/** ChainStep is one step with the node that performs it (and, for an index, the index expression). */
export interface ChainStep {
  readonly step: AccessStep;
  readonly node: TS.PropertyAccessExpression | TS.ElementAccessExpression;
  readonly index?: TS.Expression;
}

/** Chain is a typed root binding and the steps applied to it. */
export interface Chain {
  readonly root: TS.Identifier;
  readonly binding: Binding;
  readonly steps: readonly ChainStep[];
  /** Some step is `?.` (not supported on typed values: reported). */
  readonly optional: boolean;
  /** The root is a call returning a typed object (`pick(2).pid`) or a typed property (`this.tasks`); `root` then only names it in messages. */
  readonly rootCall?: TS.CallExpression | TS.PropertyAccessExpression;
}

/** skipOuter strips parentheses and non-null assertions. */
export function skipOuter(ts: typeof TS, e: TS.Expression): TS.Expression {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  return x;
}

/** chainOf parses an expression into a chain on a typed object binding, or undefined. */
export function chainOf(st: ProgramState, expr: TS.Expression): Chain | undefined {
  const { ts } = st;
  const steps: ChainStep[] = [];
  let optional = false;
  let e = skipOuter(ts, expr);
  for (;;) {
    if (isTypedThisProperty(st, e)) break; // `this.tasks` of a property annotated `__typed<T>` is a root
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) {
      steps.unshift({ step: { kind: "member", name: e.name.text }, node: e });
      optional ||= e.questionDotToken !== undefined;
    } else if (ts.isElementAccessExpression(e)) {
      steps.unshift({ step: { kind: "index" }, node: e, index: e.argumentExpression });
      optional ||= e.questionDotToken !== undefined;
    } else break;
    e = skipOuter(ts, e.expression);
  }
  if ((ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) && steps.length > 0) {
    // `pick(2).pid` (a call returning a typed object) or `this.tasks[i].pid` (a typed property):
    // the root's value is opened once per access.
    const t = typedExpressionType(st, e);
    if (t?.kind !== "object") return undefined;
    const binding: Binding = { kind: "object", type: t.type, decl: e as unknown as TS.NamedDeclaration, mutable: true };
    const name = ts.isCallExpression(e) ? e.expression.getText().replace(/\s+/g, "") + "()" : e.getText().replace(/\s+/g, "");
    return { root: ts.factory.createIdentifier(name), rootCall: e, binding, steps, optional };
  }
  if (!ts.isIdentifier(e)) return undefined;
  const binding = bindingOfIdentifier(st, e);
  if (binding === undefined || binding.kind !== "object") return undefined;
  return { root: e, binding, steps, optional };
}

/** pathText spells a chain up to step k (exclusive) as the source does, whitespace collapsed (`tasks[i].se`). */
export function pathText(chain: Chain, k: number): string {
  if (k === 0) return chain.root.text;
  return chain.steps[k - 1]!.node.getText().replace(/\s+/g, "");
}

/** isTypedThisProperty tells whether `e` is `this.x` where property `x` is annotated `__typed<T>` (SPEC §3: a typed property). */
export function isTypedThisProperty(st: ProgramState, e: TS.Expression): e is TS.PropertyAccessExpression {
  const { ts } = st;
  if (!ts.isPropertyAccessExpression(e)) return false;
  const decl = thisPropertyOf(st, e);
  return decl !== undefined && bindingOfDeclaration(st, decl)?.kind === "object";
}
