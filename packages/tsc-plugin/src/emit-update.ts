/**
 * Writes to typed fields (docs/compiler.md, "Writes"):
 *   `t.pid = v`          → `t$p0.wr(t$r.h, t$r.a + t$p0.o, v, "t.pid", "a.ts:3:1")`
 *   `t.pid += v`         → `t$p0.wr(t$r.h, _a$1 = <address>, t$p0.rd(t$r.h, _a$1, ...) + v, ...)`
 *   `t.n++` (value used) → `(_v$2 = t$p0.rd(t$r.h, _a$1 = <address>, ...), t$p0.wr(t$r.h, _a$1, _v$2 + 1, ...), _v$2)`
 *   `t.cnt += v` on `atomic<T>` → `__typedc.armw(t$r, t$p1, <address>, "+", v, false, ...)` (one atomic RMW)
 *   `t.parent = p`       → `__typedc.pset(t$r, t$p2, <address>, p, "t.parent")`
 *   `tasks[0] = { ... }` / `a[0] = b[1]` → `__typedc.assign(<object>, value)` (field by field; typed sources are copied across formats)
 *   `x = e` on a `let` typed binding → `(x = e, x$r = __typedc.cref(x), x)`
 */
import type * as TS from "typescript";
import { Diagnostics, printCType } from "@typedc/core";
import { bindingOfIdentifier } from "./bindings.js";
import { chainOf, skipOuter } from "./chain.js";
import { objectOf, pointerWriteOf, readOf, writeOf, type CompiledChain } from "./emit-access.js";
import { cloneName, localRef, rtCall, tempName, type FileState } from "./file-state.js";
import { compileFor, done, planChain, replaced, report, type PlannedChain, type Visitor } from "./transformer.js";

/** COMPOUND maps a compound assignment token to its binary operator token. */
function compoundOperator(ts: typeof TS, kind: TS.SyntaxKind): TS.BinaryOperator | undefined {
  const table: Partial<Record<number, TS.BinaryOperator>> = {
    [ts.SyntaxKind.PlusEqualsToken]: ts.SyntaxKind.PlusToken,
    [ts.SyntaxKind.MinusEqualsToken]: ts.SyntaxKind.MinusToken,
    [ts.SyntaxKind.AsteriskEqualsToken]: ts.SyntaxKind.AsteriskToken,
    [ts.SyntaxKind.SlashEqualsToken]: ts.SyntaxKind.SlashToken,
    [ts.SyntaxKind.PercentEqualsToken]: ts.SyntaxKind.PercentToken,
    [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: ts.SyntaxKind.AsteriskAsteriskToken,
    [ts.SyntaxKind.LessThanLessThanEqualsToken]: ts.SyntaxKind.LessThanLessThanToken,
    [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanToken,
    [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
    [ts.SyntaxKind.AmpersandEqualsToken]: ts.SyntaxKind.AmpersandToken,
    [ts.SyntaxKind.BarEqualsToken]: ts.SyntaxKind.BarToken,
    [ts.SyntaxKind.CaretEqualsToken]: ts.SyntaxKind.CaretToken,
  };
  return table[kind];
}

/** ATOMIC_RMW: the operators an `atomic<T>` field supports as one read-modify-write (C11 atomic_fetch_*). */
const ATOMIC_RMW: Readonly<Record<string, string>> = { "+": "+", "-": "-", "&": "&", "|": "|", "^": "^" };

/** valueUsed tells whether an expression's value is used (not a statement of its own or a for-loop update). */
function valueUsed(ts: typeof TS, node: TS.Node): boolean {
  let p = node.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  if (ts.isExpressionStatement(p)) return false;
  if (ts.isForStatement(p) && p.incrementor === node) return false;
  if (ts.isVoidExpression(p)) return false;
  return true;
}

/** typedTarget plans the chain an assignment or update writes to, if it is a complete typed chain. */
function typedTarget(v: Visitor, target: TS.Expression): PlannedChain | undefined {
  const chain = chainOf(v.fs.st, target);
  if (chain === undefined || chain.steps.length === 0) return undefined;
  return planChain(v.fs, chain);
}

function compile(v: Visitor, p: PlannedChain, node: TS.Node): CompiledChain {
  return compileFor(v, p.chain, p.plan, node);
}

/** visitAssignment compiles `=` and compound assignments whose target is typed; undefined when it is not. */
export function visitAssignment(v: Visitor, node: TS.BinaryExpression): TS.Expression | undefined {
  const { fs } = v;
  const { ts } = fs.st;
  const f = fs.f;
  const op = node.operatorToken.kind;
  const isAssign = op === ts.SyntaxKind.EqualsToken;
  const binary = compoundOperator(ts, op);
  const logical = op === ts.SyntaxKind.AmpersandAmpersandEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken;
  if (!isAssign && binary === undefined && !logical) return undefined;
  const left = skipOuter(ts, node.left);
  if (ts.isIdentifier(left)) return isAssign ? rebind(v, node, left) : undefined;
  const chain = chainOf(fs.st, left);
  if (chain === undefined || chain.steps.length === 0) return undefined;
  const last = chain.steps[chain.steps.length - 1]!.step;
  if (last.kind === "member" && last.name === "length") {
    report(fs, Diagnostics.Cannot_assign_to_0_of_type_1_2, [left.getText(), "number", "the length of a typed array is fixed"], node);
    return node;
  }
  const p = typedTarget(v, left);
  if (p === undefined) return node; // reported
  const result = p.plan.result;
  const opText = node.operatorToken.getText();
  const used = valueUsed(ts, node);
  if (logical || (!isAssign && (result.shape === "record" || result.shape === "array" || result.shape === "pointer"))) {
    report(fs, Diagnostics.Operator_0_cannot_be_applied_to_typed_1_of_type_2, [opText, left.getText().replace(/\s+/g, ""), result.typeName], node.operatorToken);
    return node;
  }
  const c = compile(v, p, left);
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
  const opChar = opText.slice(0, -1);
  if (result.shape === "atomic") {
    if (ATOMIC_RMW[opChar] === undefined) {
      report(fs, Diagnostics.Operator_0_cannot_be_applied_to_typed_1_of_type_2, [opText, left.getText().replace(/\s+/g, ""), result.typeName], node.operatorToken);
      return node;
    }
    return done(fs, c, atomicRmw(fs, c, opChar, value, false), node);
  }
  const a = tempName(fs, "_a");
  const read = readOf(fs, c, a, result);
  const updated = f.createBinaryExpression(read, binary!, value);
  return done(fs, c, writeOf(fs, c, updated, used, f.createAssignment(a, c.address), result), node);
}

function atomicRmw(fs: FileState, c: CompiledChain, op: string, value: TS.Expression, post: boolean): TS.Expression {
  const f = fs.f;
  return rtCall(fs, "armw", [c.ref, c.path, c.address, f.createStringLiteral(op), value, post ? f.createTrue() : f.createFalse(), f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)]);
}

/** rebind compiles `x = e` on a typed `let` binding: the ref follows the new value. */
function rebind(v: Visitor, node: TS.BinaryExpression, id: TS.Identifier): TS.Expression | undefined {
  const { fs } = v;
  const f = fs.f;
  const b = bindingOfIdentifier(fs.st, id);
  if (b?.kind !== "object") return undefined;
  const r = localRef(fs, b);
  if (r.inline) return undefined;
  if (!b.mutable) {
    report(fs, Diagnostics.Cannot_assign_to_0_of_type_1_2, [id.text, printCType(b.type), "a '__typed' parameter or const is bound once; declare a 'let' instead"], node);
    return node;
  }
  const value = v.expr(node.right);
  // Clones of the source's name, so a module transform rewrites them too (an exported `let`: `exports.t`).
  const assign = f.createAssignment(cloneName(fs, id), value);
  const reopen = f.createAssignment(f.createIdentifier(r.refName), rtCall(fs, "cref", [cloneName(fs, id)]));
  return replaced(fs, f.createParenthesizedExpression(f.createCommaListExpression([assign, reopen, cloneName(fs, id)])), node);
}

/** visitUpdate compiles `++`/`--` on a typed scalar, bit-field or atomic. */
export function visitUpdate(v: Visitor, node: TS.PrefixUnaryExpression | TS.PostfixUnaryExpression): TS.Expression | undefined {
  const { fs } = v;
  const { ts } = fs.st;
  const f = fs.f;
  const increment = node.operator === ts.SyntaxKind.PlusPlusToken;
  if (!increment && node.operator !== ts.SyntaxKind.MinusMinusToken) return undefined;
  const chain = chainOf(fs.st, node.operand);
  if (chain === undefined || chain.steps.length === 0) return undefined;
  const p = typedTarget(v, node.operand);
  if (p === undefined) return node; // reported
  const result = p.plan.result;
  const opText = increment ? "++" : "--";
  if (result.shape !== "scalar" && result.shape !== "bits" && result.shape !== "atomic") {
    report(fs, Diagnostics.Operator_0_cannot_be_applied_to_typed_1_of_type_2, [opText, node.operand.getText().replace(/\s+/g, ""), result.typeName], node);
    return node;
  }
  const post = ts.isPostfixUnaryExpression(node);
  const used = valueUsed(ts, node);
  const c = compile(v, p, node.operand);
  const one = result.value === "bigint" ? f.createBigIntLiteral("1n") : f.createNumericLiteral(1);
  if (result.shape === "atomic") return done(fs, c, atomicRmw(fs, c, increment ? "+" : "-", one, post && used), node);
  const op = increment ? ts.SyntaxKind.PlusToken : ts.SyntaxKind.MinusToken;
  const a = tempName(fs, "_a");
  if (!post || !used) {
    // `++x.n` → P.wr(h, _a = addr, P.rd(h, _a) + 1)  (setr when the new value is used)
    return done(fs, c, writeOf(fs, c, f.createBinaryExpression(readOf(fs, c, a, result), op, one), used, f.createAssignment(a, c.address), result), node);
  }
  // `x.n++` used → (_v = P.rd(h, _a = addr), P.wr(h, _a, _v + 1), _v)
  const old = tempName(fs, "_v");
  const read = f.createAssignment(old, readOf(fs, c, f.createAssignment(a, c.address), result));
  const write = writeOf(fs, c, f.createBinaryExpression(old, op, one), false, a, result);
  return done(fs, c, f.createParenthesizedExpression(f.createCommaListExpression([read, write, old])), node);
}
