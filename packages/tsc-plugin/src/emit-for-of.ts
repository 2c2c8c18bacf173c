/**
 * `for...of` over a typed array (SPEC §3: typed arrays are iterable) becomes an
 * index loop over the array's elements, with no iterator and no handle per element
 * unless the element is an object:
 *   for (const t of tasks) body
 * → for (let i$1 = 0, it$2 = tasks$r, ip$3 = __typedc.cpath(it$2.tp, it$2.t, "[]"); i$1 < it$2.length; i$1++) {
 *     const t = __typedc.sub(it$2, it$2.a + i$1 * ip$3.s0, ip$3.t, "tasks[]"); const t$r = __typedc.cref(t); ...body }
 * Scalar elements are read (`ip$3.rd(it$2.h, ...)`) into the loop variable.
 */
import type * as TS from "typescript";
import { Diagnostics, resolveType, valueInfoOf } from "@typedc/core";
import { bindingOfDeclaration, bindingOfIdentifier, typedExpressionType } from "./bindings.js";
import { skipOuter } from "./chain.js";
import { localRef, loopName, refDeclarations, refExpr, rtCall } from "./file-state.js";
import { locationOfNode, replaced, report, type Visitor } from "./transformer.js";

/** visitForOf compiles a for...of over a typed array; undefined when the loop is not over one. */
export function visitForOf(v: Visitor, node: TS.ForOfStatement): TS.Statement | undefined {
  const { fs } = v;
  const { st, f } = fs;
  const { ts } = st;
  if (node.awaitModifier !== undefined) return undefined;
  const iterated = typedExpressionType(st, node.expression);
  const arr = iterated === undefined ? undefined : resolveType(st.decls, iterated.type);
  if (iterated?.kind !== "object" || arr?.kind !== "array") return undefined;
  const list = node.initializer;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isIdentifier(list.declarations[0]!.name)) {
    report(fs, Diagnostics.A_typed_binding_0_cannot_be_destructured_access_its_fields_instead, [node.expression.getText()], list);
    return undefined;
  }
  const decl = list.declarations[0]!;
  const loopVar = decl.name as TS.Identifier;
  const b = bindingOfDeclaration(st, decl);
  if (b?.kind === "object") localRef(fs, b);
  const source = skipOuter(ts, node.expression);
  const sourceBinding = ts.isIdentifier(source) ? bindingOfIdentifier(st, source) : undefined;
  const itInit = sourceBinding?.kind === "object" ? refExpr(fs, localRef(fs, sourceBinding)) : rtCall(fs, "cref", [v.expr(node.expression)]);
  const i = loopName(fs, "i");
  const it = loopName(fs, "it");
  const ip = loopName(fs, "ip");
  const prop = (e: TS.Expression, name: string) => f.createPropertyAccessExpression(e, name);
  const path = f.createStringLiteral(`${source.getText().replace(/\s+/g, "")}[]`);
  const location = f.createStringLiteral(locationOfNode(fs, decl));
  const address = f.createBinaryExpression(prop(it, "a"), ts.SyntaxKind.PlusToken, f.createBinaryExpression(i, ts.SyntaxKind.AsteriskToken, prop(ip, "s0")));
  const element = valueInfoOf(st.decls, arr.element);
  const value =
    element.shape === "record" || element.shape === "array" ? rtCall(fs, "sub", [it, address, prop(ip, "t"), path])
    : element.shape === "pointer" ? rtCall(fs, "pget", [it, ip, address, path, location])
    : f.createCallExpression(prop(ip, "rd"), undefined, [prop(it, "h"), address, path, location]);
  const body = ts.isBlock(node.statement) ? v.statements(node.statement.statements) : [ts.visitNode(node.statement, v.visit) as TS.Statement];
  const varStmt = f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(loopVar.text, undefined, undefined, value)], list.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let)));
  const loopDecls = f.createVariableDeclarationList([
    f.createVariableDeclaration(i, undefined, undefined, f.createNumericLiteral(0)),
    f.createVariableDeclaration(it, undefined, undefined, itInit),
    f.createVariableDeclaration(ip, undefined, undefined, rtCall(fs, "cpath", [prop(it, "tp"), prop(it, "t"), f.createStringLiteral("[]")])),
  ], ts.NodeFlags.Let);
  const loop = f.createForStatement(
    loopDecls,
    f.createLessThan(i, prop(it, "length")),
    f.createPostfixIncrement(i),
    f.createBlock([varStmt, ...refDeclarations(fs, node), ...body], true),
  );
  return replaced(fs, loop, node);
}
