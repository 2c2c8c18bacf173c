/**
 * Writes to typed fields on Babel nodes (the tsc plugin's emit-update.ts): `=`, compound
 * assignments, `++`/`--`, atomic read-modify-writes, pointer and record assignments, and
 * re-binding a typed `let`.
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { Diagnostics, printCType } from "@typedc/core";
import { bindingOfIdentifier, skipOuter } from "./gen-bindings.js";
import { chainOf } from "./gen-chain.js";
import { objectOf, pointerWriteOf, readOf, writeOf, type CompiledChain } from "./gen-access.js";
import { localRef, rtCall, tempName, type FileState } from "./gen-file-state.js";
import { operatorLoc, report } from "./gen-report.js";
import { compactText, parentOf, textOf, type GenState } from "./gen-state.js";
import { compileFor, done, planChain, replaced, visitEachChild, type PlannedChain, type Visitor } from "./gen-transform.js";

/** COMPOUND maps a compound assignment operator to its binary operator. */
const COMPOUND: Readonly<Record<string, t.BinaryExpression["operator"]>> = {
  "+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%", "**=": "**", "<<=": "<<", ">>=": ">>", ">>>=": ">>>", "&=": "&", "|=": "|", "^=": "^",
};
const LOGICAL_ASSIGN: ReadonlySet<string> = new Set(["&&=", "||=", "??="]);

/** ATOMIC_RMW: the operators an `atomic<T>` field supports as one read-modify-write (C11 atomic_fetch_*). */
const ATOMIC_RMW: Readonly<Record<string, string>> = { "+": "+", "-": "-", "&": "&", "|": "|", "^": "^" };

/** valueUsed tells whether an expression's value is used (not a statement of its own, a for-loop update or `void`). */
function valueUsed(st: GenState, node: t.Node): boolean {
  let child = node;
  let p = parentOf(st, node);
  while (p?.type === "ParenthesizedExpression") (child = p), (p = parentOf(st, p));
  if (p === undefined || p.type === "ExpressionStatement") return false;
  if (p.type === "ForStatement" && p.update === child) return false;
  if (p.type === "UnaryExpression" && p.operator === "void") return false;
  return true;
}

/** typedTarget plans the chain an assignment or update writes to, if it is a complete typed chain. */
function typedTarget(v: Visitor, target: t.Node): PlannedChain | undefined {
  const chain = chainOf(v.fs.st, target);
  if (chain === undefined || chain.steps.length === 0) return undefined;
  return planChain(v.fs, chain);
}

/** visitAssignment compiles `=` and compound assignments whose target is typed. */
export function visitAssignment(v: Visitor, node: t.AssignmentExpression): t.Node {
  const { fs } = v;
  const { st } = fs;
  const op = node.operator;
  const isAssign = op === "=";
  const binary = COMPOUND[op];
  const logical = LOGICAL_ASSIGN.has(op);
  if (!isAssign && binary === undefined && !logical) return visitEachChild(v, node);
  const left = skipOuter(node.left);
  if (left.type === "Identifier") return (isAssign ? rebind(v, node, left) : undefined) ?? visitEachChild(v, node);
  const chain = chainOf(st, left);
  if (chain === undefined || chain.steps.length === 0) return visitEachChild(v, node);
  const last = chain.steps[chain.steps.length - 1]!.step;
  if (last.kind === "member" && last.name === "length") {
    report(st, Diagnostics.Cannot_assign_to_0_of_type_1_2, [textOf(st, left), "number", "the length of a typed array is fixed"], node);
    return node;
  }
  const p = typedTarget(v, left);
  if (p === undefined) return node; // reported
  const result = p.plan.result;
  const used = valueUsed(st, node);
  if (logical || (!isAssign && (result.shape === "record" || result.shape === "array" || result.shape === "pointer"))) {
    report(st, Diagnostics.Operator_0_cannot_be_applied_to_typed_1_of_type_2, [op, compactText(st, left), result.typeName], operatorLoc(st, node.left, node.right, op));
    return node;
  }
  const c = compileFor(v, p.chain, p.plan, left);
  const value = v.expr(node.right);
  if (isAssign) {
    switch (result.shape) {
      case "record":
      case "array":
        return done(fs, c, rtCall(fs, "assign", [objectOf(fs, c), value]), node);
      case "pointer":
        return done(fs, c, pointerWriteOf(fs, c, value), node);
      default:
        return done(fs, c, writeOf(fs, c, value, used, c.address, result), node);
    }
  }
  const opChar = op.slice(0, -1);
  if (result.shape === "atomic") {
    if (ATOMIC_RMW[opChar] === undefined) {
      report(st, Diagnostics.Operator_0_cannot_be_applied_to_typed_1_of_type_2, [op, compactText(st, left), result.typeName], operatorLoc(st, node.left, node.right, op));
      return node;
    }
    return done(fs, c, atomicRmw(fs, c, opChar, value, false), node);
  }
  const a = tempName(fs, "_a");
  const read = readOf(fs, c, t.identifier(a), result);
  const updated = t.binaryExpression(binary!, read, value);
  return done(fs, c, writeOf(fs, c, updated, used, t.assignmentExpression("=", t.identifier(a), c.address), result), node);
}

function atomicRmw(fs: FileState, c: CompiledChain, op: string, value: t.Expression, post: boolean): t.Expression {
  return rtCall(fs, "armw", [c.refAgain(), t.cloneNode(c.path, true), c.address, t.stringLiteral(op), value, t.booleanLiteral(post), t.stringLiteral(c.pathText), t.stringLiteral(c.location)]);
}

/** rebind compiles `x = e` on a typed `let` binding: the ref follows the new value (undefined: not a typed binding). */
function rebind(v: Visitor, node: t.AssignmentExpression, id: t.Identifier): t.Node | undefined {
  const { fs } = v;
  const b = bindingOfIdentifier(fs.st, id);
  if (b?.kind !== "object") return undefined;
  const r = localRef(fs, b);
  if (r.inline) return undefined;
  if (!b.mutable) {
    report(fs.st, Diagnostics.Cannot_assign_to_0_of_type_1_2, [id.name, printCType(b.type), "a '__typed' parameter or const is bound once; declare a 'let' instead"], node);
    return node;
  }
  const value = v.expr(node.right);
  const assign = t.assignmentExpression("=", t.identifier(id.name), value);
  const reopen = t.assignmentExpression("=", t.identifier(r.refName), rtCall(fs, "cref", [t.identifier(id.name)]));
  return replaced(t.sequenceExpression([assign, reopen, t.identifier(id.name)]), node);
}

/** visitUpdate compiles `++`/`--` on a typed scalar, bit-field or atomic. */
export function visitUpdate(v: Visitor, node: t.UpdateExpression): t.Node {
  const { fs } = v;
  const { st } = fs;
  const increment = node.operator === "++";
  const chain = chainOf(st, node.argument);
  if (chain === undefined || chain.steps.length === 0) return visitEachChild(v, node);
  const p = typedTarget(v, node.argument);
  if (p === undefined) return node; // reported
  const result = p.plan.result;
  if (result.shape !== "scalar" && result.shape !== "bits" && result.shape !== "atomic") {
    report(st, Diagnostics.Operator_0_cannot_be_applied_to_typed_1_of_type_2, [node.operator, compactText(st, node.argument), result.typeName], node);
    return node;
  }
  const post = !node.prefix;
  const used = valueUsed(st, node);
  const c = compileFor(v, p.chain, p.plan, node.argument);
  const one = (): t.Expression => (result.value === "bigint" ? t.bigIntLiteral("1") : t.numericLiteral(1));
  if (result.shape === "atomic") return done(fs, c, atomicRmw(fs, c, increment ? "+" : "-", one(), post && used), node);
  const op = increment ? "+" : "-";
  const a = tempName(fs, "_a");
  if (!post || !used) {
    // `++x.n` → P.wr(h, _a = addr, P.rd(h, _a) + 1)  (setr when the new value is used)
    return done(fs, c, writeOf(fs, c, t.binaryExpression(op, readOf(fs, c, t.identifier(a), result), one()), used, t.assignmentExpression("=", t.identifier(a), c.address), result), node);
  }
  // `x.n++` used → (_v = P.rd(h, _a = addr), P.wr(h, _a, _v + 1), _v)
  const old = tempName(fs, "_v");
  const read = t.assignmentExpression("=", t.identifier(old), readOf(fs, c, t.assignmentExpression("=", t.identifier(a), c.address), result));
  const write = writeOf(fs, c, t.binaryExpression(op, t.identifier(old), one()), false, t.identifier(a), result);
  return done(fs, c, t.sequenceExpression([read, write, t.identifier(old)]), node);
}
