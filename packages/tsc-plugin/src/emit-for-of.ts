/**
 * `for...of` over a typed array (SPEC §3: typed arrays are iterable) becomes an
 * index loop over the array's elements, with no iterator and no handle per element
 * unless the element is an object:
 *   for (const t of tasks) body
 * → for (let i$1 = 0, it$2 = tasks$r, ip$3 = __typedc.cpath(it$2.tp, it$2.t, "[]"); i$1 < it$2.length; i$1++) {
 *     const t = __typedc.sub(it$2, it$2.a + i$1 * ip$3.s0, ip$3.t, "tasks[]"); const t$r = __typedc.cref(t); ...body }
 * Scalar elements are read (`ip$3.rd(it$2.h, ...)`) into the loop variable.
 * A `const` loop variable resolves its paths and handle fields once, in the loop head,
 * from the element path, and only its address per iteration; the element object is made
 * only when the variable is used as a value:
 *   for (let i$1 = 0, it$2 = tasks$r, ip$3 = ..., t$p0 = __typedc$cpath(it$2.tp, ip$3.t, "pid"), t$p0o = t$p0.o, ...; ...) {
 *     const t$a = it$2.a + i$1 * ip$3.s0; ...body reads t$dv.getInt32(t$a + t$p0o, t$le)... }
 */
import type * as TS from "typescript";
import { Diagnostics, REF_FIELD_PATHS, resolveType, valueInfoOf } from "@typedc/core";
import { bindingOfDeclaration, bindingOfIdentifier, typedExpressionType } from "./bindings.js";
import { skipOuter } from "./chain.js";
import { hoistedName, localRef, loopName, refDeclarations, refExpr, rtCall, type LocalRef } from "./file-state.js";
import { newFastLoopState, visitCopy, visitTwice } from "@typedc/core";
import type { Binding } from "./bindings.js";
import { alignmentTerms, layoutVariants, versionable, withTemps, withVariants, type FastLoop } from "./loop-version.js";
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
  const source = skipOuter(ts, node.expression);
  const sourceBinding = ts.isIdentifier(source) ? bindingOfIdentifier(st, source) : undefined;
  const itInit = sourceBinding?.kind === "object" ? refExpr(fs, localRef(fs, sourceBinding)) : rtCall(fs, "cref", [v.expr(node.expression)]);
  const i = loopName(fs, "i");
  const it = loopName(fs, "it");
  const ip = loopName(fs, "ip");
  const r = b?.kind === "object" ? localRef(fs, b) : undefined;
  if (r?.hoist) r.loop = { it: it.text, ip: ip.text, i: i.text };
  const prop = (e: TS.Expression, name: string) => f.createPropertyAccessExpression(e, name);
  const path = f.createStringLiteral(`${source.getText().replace(/\s+/g, "")}[]`);
  const location = f.createStringLiteral(locationOfNode(fs, decl));
  const address = f.createBinaryExpression(prop(it, "a"), ts.SyntaxKind.PlusToken, f.createBinaryExpression(i, ts.SyntaxKind.AsteriskToken, prop(ip, "s0")));
  const element = valueInfoOf(st.decls, arr.element);
  const value =
    element.shape === "record" || element.shape === "array" ? rtCall(fs, "sub", [it, address, prop(ip, "t"), path])
    : element.shape === "pointer" ? rtCall(fs, "pget", [it, ip, address, path, location])
    : f.createCallExpression(prop(ip, "rd"), undefined, [prop(it, "h"), address, path, location]);
  const visitBody = (): TS.Statement[] => (ts.isBlock(node.statement) ? v.statements(node.statement.statements) : [ts.visitNode(node.statement, v.visit) as TS.Statement]);
  const flags = list.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let);
  const headOf = (): TS.VariableDeclaration[] => [
    f.createVariableDeclaration(it, undefined, undefined, itInit),
    f.createVariableDeclaration(ip, undefined, undefined, rtCall(fs, "cpath", [prop(it, "tp"), prop(it, "t"), f.createStringLiteral("[]")])),
  ];
  const forLoop = (head: TS.VariableDeclaration[], step: TS.Expression, statements: TS.Statement[], length: TS.Expression = prop(it, "length")) =>
    f.createForStatement(f.createVariableDeclarationList(head, ts.NodeFlags.Let), f.createLessThan(i, length), step, f.createBlock(statements, true));
  if (r?.loop !== undefined && versionable(fs, node)) {
    // Loop versioning (loop-version.ts): the fast copy steps the element address and reads
    // and writes through the memory's typed arrays; the guard is tested once, before the loop.
    // The array's length and stride are constants of the loop's block.
    const [a, length, stride] = ["a", "length", "stride"].map((n) => f.createIdentifier(hoistedName(r, n))) as [TS.Identifier, TS.Identifier, TS.Identifier];
    const finish = (copy: FastLoop) => (out: TS.Statement[]): TS.Statement[] => {
      const literalStride = copy.literals?.get(stride.text);
      const step = f.createComma(f.createPostfixIncrement(i), f.createAssignment(a, f.createAdd(a, literalStride === undefined ? stride : f.createNumericLiteral(literalStride))));
      const head = [f.createVariableDeclaration(i, undefined, undefined, f.createNumericLiteral(0)), f.createVariableDeclaration(a, undefined, undefined, prop(it, "a"))];
      return [forLoop(head, step, [...(withTemps(fs, f.createBlock(out, true), copy) as TS.Block).statements], length)];
    };
    const state = (literals?: ReadonlyMap<string, number>) => newFastLoopState<TS.Node, Binding, LocalRef>(node, "", new Set(), { variable: r, it: it.text }, literals);
    const fast = state();
    const precompiled = () => layoutVariants(fs, fast).map((variant) => {
      const copy = state(variant.literals);
      return { variant, copy: visitCopy(fs, copy, visitBody, finish(copy))[0]! };
    });
    const { fastOut, usualOut, used, extra } = visitTwice(fs, fast, visitBody, finish(fast), precompiled);
    if (used) {
      const parts = loopParts(v, r, it, ip, address, value, loopVar.text, node.statement, flags);
      // The element object (where used as a value) is made at the top of every copy's body.
      const withObject = (loop: TS.Statement): TS.Statement => {
        const l = loop as TS.ForStatement;
        return parts.object.length === 0 ? l : f.updateForStatement(l, l.initializer, l.condition, l.incrementor, f.createBlock([...parts.object, ...(l.statement as TS.Block).statements], true));
      };
      const chosen = withVariants(fs, (extra ?? []).map((x) => ({ variant: x.variant, copy: withObject(x.copy) })), withObject(fastOut[0]!));
      const usualLoop = forLoop([f.createVariableDeclaration(i, undefined, undefined, f.createNumericLiteral(0))], f.createPostfixIncrement(i), [...parts.address, ...parts.object, ...usualOut]);
      const guard = alignmentTerms(fs, fast).reduce((x, y) => f.createLogicalAnd(x, y));
      const versioned = f.createIfStatement(guard, f.createBlock([chosen]), f.createBlock([usualLoop]));
      const constants = [...headOf(), ...parts.head, f.createVariableDeclaration(length, undefined, undefined, prop(it, "length")), f.createVariableDeclaration(stride, undefined, undefined, prop(ip, "s0"))];
      const block = f.createBlock([f.createVariableStatement(undefined, f.createVariableDeclarationList(constants, ts.NodeFlags.Const)), versioned], true);
      return replaced(fs, block, node);
    }
    return emitLoop(usualOut);
  }
  return emitLoop(visitBody());

  function emitLoop(body: TS.Statement[]): TS.Statement {
    const head = [f.createVariableDeclaration(i, undefined, undefined, f.createNumericLiteral(0)), ...headOf()];
    let prefix: TS.Statement[];
    if (r?.loop !== undefined) {
      const loop = loopParts(v, r!, it, ip, address, value, loopVar.text, node.statement, flags);
      head.push(...loop.head);
      prefix = [...loop.address, ...loop.object];
    } else {
      const varStmt = f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(loopVar.text, undefined, undefined, value)], flags));
      prefix = [varStmt, ...refDeclarations(fs, node)];
    }
    return replaced(fs, forLoop(head, f.createPostfixIncrement(i), [...prefix, ...body]), node);
  }
}

/**
 * loopParts declares a const loop variable's hoisted parts: its paths, path fields and
 * handle fields (`head`, in the loop head or the versioned loop's block); its address
 * (`address`: `const t$a = ...`, per iteration) and, only if used as a value, the element
 * object and its ref (`object`) in the body.
 */
function loopParts(v: Visitor, r: LocalRef, it: TS.Identifier, ip: TS.Identifier, address: TS.Expression, element: TS.Expression, name: string, statement: TS.Statement, flags: TS.NodeFlags) {
  const { fs } = v;
  const { ts } = fs.st;
  const f = fs.f;
  const prop = (e: TS.Expression, n: string) => f.createPropertyAccessExpression(e, n);
  const head: TS.VariableDeclaration[] = [];
  const addressDecl: TS.Statement[] = [];
  const object: TS.Statement[] = [];
  for (const [chainKey, pathName] of r.paths) {
    const keys = chainKey.split(">");
    const last = f.createStringLiteral(keys[keys.length - 1]!);
    const init = keys.length === 1
      ? rtCall(fs, "cpath", [prop(it, "tp"), prop(ip, "t"), last])
      : rtCall(fs, "cnext", [prop(it, "tp"), f.createIdentifier(r.paths.get(keys.slice(0, -1).join(">"))!), last]);
    head.push(f.createVariableDeclaration(pathName, undefined, undefined, init));
  }
  for (const field of r.fields) {
    const dot = field.indexOf(".");
    const handle = REF_FIELD_PATHS[field];
    if (dot >= 0) head.push(f.createVariableDeclaration(hoistedName(r, field), undefined, undefined, prop(f.createIdentifier(field.slice(0, dot)), field.slice(dot + 1))));
    else if (handle?.[0] === "h") head.push(f.createVariableDeclaration(hoistedName(r, field), undefined, undefined, handle.reduce<TS.Expression>((e, n) => prop(e, n), it)));
  }
  const needsObject = r.refUsed || usedAsValue(ts, statement, name);
  const a = r.fields.has("a") ? f.createIdentifier(hoistedName(r, "a")) : address;
  if (r.fields.has("a")) addressDecl.push(f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(hoistedName(r, "a"), undefined, undefined, address)], ts.NodeFlags.Const)));
  if (needsObject) {
    const value = ts.isCallExpression(element) ? f.updateCallExpression(element, element.expression, undefined, [element.arguments[0]!, a, ...element.arguments.slice(2)]) : element;
    const decls = [f.createVariableDeclaration(name, undefined, undefined, value)];
    if (r.refUsed) decls.push(f.createVariableDeclaration(r.refName, undefined, undefined, f.createIdentifier(name)));
    object.push(f.createVariableStatement(undefined, f.createVariableDeclarationList(decls, flags)));
  }
  fs.anchored.delete(r.binding.decl.parent.parent); // declared here, not by refDeclarations
  return { head, address: addressDecl, object };
}

/** usedAsValue tells whether a loop body names the variable other than as the root of an access chain. */
function usedAsValue(ts: typeof TS, statement: TS.Node, name: string): boolean {
  const visit = (node: TS.Node): boolean => {
    if (ts.isIdentifier(node) && node.text === name) {
      const p = node.parent;
      const isRoot = (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === node;
      const isName = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node);
      if (!isRoot && !isName) return true;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(statement);
}
