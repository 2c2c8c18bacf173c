/**
 * `for...of` over a typed array on Babel nodes (the tsc plugin's emit-for-of.ts): an index
 * loop with no iterator; object elements are CompiledRefs, scalars are read into the variable.
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { Diagnostics, REF_FIELD_PATHS, resolveType, valueInfoOf } from "@typedc/core";
import { bindingOfDeclaration, bindingOfIdentifier, skipOuter, typedExpressionType } from "./gen-bindings.js";
import { hoistedName, localRef, locationOf, loopName, prop, refDeclarations, refExpr, rtCall, type LocalRef } from "./gen-file-state.js";
import { newFastLoopState, visitCopy, visitTwice } from "@typedc/core";
import type { Binding } from "./gen-bindings.js";
import { alignmentTerms, layoutVariants, versionable, withTemps, withVariants, type FastLoop } from "./gen-loop-version.js";
import { report } from "./gen-report.js";
import { compactText, parentOf } from "./gen-state.js";
import { replaced, visitEachChild, type Visitor } from "./gen-transform.js";

/** visitForOf compiles a for...of over a typed array; any other loop is visited as it is. */
export function visitForOf(v: Visitor, node: t.ForOfStatement): t.Node | t.Node[] | null {
  const { fs } = v;
  const { st } = fs;
  if (node.await) return visitEachChild(v, node);
  const iterated = typedExpressionType(st, node.right);
  const arr = iterated === undefined ? undefined : resolveType(st.decls, iterated.type);
  if (iterated?.kind !== "object" || arr?.kind !== "array") return visitEachChild(v, node);
  const list = node.left;
  if (list.type !== "VariableDeclaration" || list.declarations.length !== 1 || list.declarations[0]!.id.type !== "Identifier") {
    report(st, Diagnostics.A_typed_binding_0_cannot_be_destructured_access_its_fields_instead, [v.fs.st.file.text.slice(node.right.start!, node.right.end!)], list);
    return visitEachChild(v, node);
  }
  const decl = list.declarations[0]!;
  const loopVar = decl.id as t.Identifier;
  const b = bindingOfDeclaration(st, decl);
  const source = skipOuter(node.right);
  const sourceBinding = source.type === "Identifier" ? bindingOfIdentifier(st, source) : undefined;
  const itInit = sourceBinding?.kind === "object" ? refExpr(fs, localRef(fs, sourceBinding)) : rtCall(fs, "cref", [v.expr(node.right)]);
  const i = loopName(fs, "i");
  const it = loopName(fs, "it");
  const ip = loopName(fs, "ip");
  const r = b?.kind === "object" ? localRef(fs, b) : undefined;
  if (r?.hoist) r.loop = { it, ip, i };
  const I = () => t.identifier(i);
  const IT = () => t.identifier(it);
  const IP = () => t.identifier(ip);
  const path = t.stringLiteral(`${compactText(st, source)}[]`);
  const location = t.stringLiteral(locationOf(fs, decl));
  const address = t.binaryExpression("+", prop(IT(), "a"), t.binaryExpression("*", I(), prop(IP(), "s0")));
  const element = valueInfoOf(st.decls, arr.element);
  const value =
    element.shape === "record" || element.shape === "array" ? rtCall(fs, "sub", [IT(), address, prop(IP(), "t"), path])
    : element.shape === "pointer" ? rtCall(fs, "pget", [IT(), IP(), address, path, location])
    : t.callExpression(prop(IP(), "rd"), [prop(IT(), "h"), address, path, location]);
  const visitBody = (): t.Statement[] => (node.body.type === "BlockStatement" ? v.statements(node.body.body) : asStatements(v.visit(node.body)));
  const kind = list.kind === "const" ? "const" : list.kind === "let" ? "let" : "var";
  const headOf = (): t.VariableDeclarator[] => [
    t.variableDeclarator(IT(), itInit),
    t.variableDeclarator(IP(), rtCall(fs, "cpath", [prop(IT(), "tp"), prop(IT(), "t"), t.stringLiteral("[]")])),
  ];
  const forLoop = (head: t.VariableDeclarator[], step: t.Expression, statements: t.Statement[], length: t.Expression = prop(IT(), "length")) =>
    t.forStatement(t.variableDeclaration("let", head), t.binaryExpression("<", I(), length), step, t.blockStatement(statements));
  const emitLoop = (body: t.Statement[]): t.Node => {
    const head = [t.variableDeclarator(I(), t.numericLiteral(0)), ...headOf()];
    let prefix: t.Statement[];
    if (r?.loop !== undefined) {
      const parts = loopParts(v, r, it, ip, address, value, loopVar.name, node.body, kind);
      head.push(...parts.head);
      prefix = [...parts.address, ...parts.object];
    } else {
      prefix = [t.variableDeclaration(kind, [t.variableDeclarator(t.identifier(loopVar.name), value)]), ...refDeclarations(fs, node)];
    }
    return replaced(forLoop(head, t.updateExpression("++", I()), [...prefix, ...body]), node);
  };
  if (r?.loop === undefined || !versionable(fs, node)) return emitLoop(visitBody());
  // Loop versioning (gen-loop-version.ts): the fast copy steps the element address and reads and
  // writes through the memory's typed arrays; the guard is tested once, before the loop. The
  // array's length and stride are constants of the loop's block (the tsc plugin's emit-for-of.ts).
  const [A, LENGTH, STRIDE] = ["a", "length", "stride"].map((n) => () => t.identifier(hoistedName(r, n))) as [() => t.Identifier, () => t.Identifier, () => t.Identifier];
  const finish = (copy: FastLoop) => (out: t.Statement[]): t.Statement[] => {
    const literalStride = copy.literals?.get(STRIDE().name);
    const step = t.sequenceExpression([t.updateExpression("++", I()), t.assignmentExpression("=", A(), t.binaryExpression("+", A(), literalStride === undefined ? STRIDE() : t.numericLiteral(literalStride)))]);
    const head = [t.variableDeclarator(I(), t.numericLiteral(0)), t.variableDeclarator(A(), prop(IT(), "a"))];
    return [forLoop(head, step, (withTemps(t.blockStatement(out), copy) as t.BlockStatement).body, LENGTH())];
  };
  const state = (literals?: ReadonlyMap<string, number>) => newFastLoopState<t.Node, Binding, LocalRef>(node, "", new Set(), { variable: r, it }, literals);
  const fast = state();
  const precompiled = () => layoutVariants(fs, fast).map((variant) => {
    const copy = state(variant.literals);
    return { variant, copy: visitCopy(fs, copy, visitBody, finish(copy))[0]! };
  });
  const { fastOut, usualOut, used, extra } = visitTwice(fs, fast, visitBody, finish(fast), precompiled);
  if (!used) return emitLoop(usualOut);
  const parts = loopParts(v, r, it, ip, address, value, loopVar.name, node.body, kind);
  // The element object (where used as a value) is made at the top of every copy's body; deep copies, so that no two copies share nodes.
  const withObject = (loop: t.Statement): t.Statement => {
    const l = loop as t.ForStatement;
    const out = parts.object.length === 0 ? l : { ...l, body: t.blockStatement([...parts.object, ...(l.body as t.BlockStatement).body]) };
    return t.cloneNode(out, true);
  };
  const chosen = withVariants((extra ?? []).map((x) => ({ variant: x.variant, copy: withObject(x.copy) })), withObject(fastOut[0]!));
  const usualLoop = forLoop([t.variableDeclarator(I(), t.numericLiteral(0))], t.updateExpression("++", I()), [...parts.address, ...parts.object, ...usualOut]);
  const guard = alignmentTerms(fs, fast).reduce((x, y) => t.logicalExpression("&&", x, y));
  const versioned = t.ifStatement(guard, t.blockStatement([chosen]), t.blockStatement([usualLoop]));
  const constants = [...headOf(), ...parts.head, t.variableDeclarator(LENGTH(), prop(IT(), "length")), t.variableDeclarator(STRIDE(), prop(IP(), "s0"))];
  return replaced(t.blockStatement([t.variableDeclaration("const", constants), versioned]), node);
}

/**
 * loopParts declares a const loop variable's hoisted parts: its paths, path fields and handle
 * fields (`head`); its address (`address`: `const t$a = ...`) and, only if used as a value, the
 * element object and its ref (`object`) in the body (the tsc plugin's emit-for-of.ts).
 */
function loopParts(v: Visitor, r: LocalRef, it: string, ip: string, address: t.Expression, element: t.Expression, name: string, statement: t.Statement, kind: "const" | "let" | "var") {
  const { fs } = v;
  const head: t.VariableDeclarator[] = [];
  const addressDecl: t.Statement[] = [];
  const object: t.Statement[] = [];
  for (const [chainKey, pathName] of r.paths) {
    const keys = chainKey.split(">");
    const last = t.stringLiteral(keys[keys.length - 1]!);
    const init = keys.length === 1
      ? rtCall(fs, "cpath", [prop(t.identifier(it), "tp"), prop(t.identifier(ip), "t"), last])
      : rtCall(fs, "cnext", [prop(t.identifier(it), "tp"), t.identifier(r.paths.get(keys.slice(0, -1).join(">"))!), last]);
    head.push(t.variableDeclarator(t.identifier(pathName), init));
  }
  for (const field of r.fields) {
    const dot = field.indexOf(".");
    const handle = REF_FIELD_PATHS[field];
    if (dot >= 0) head.push(t.variableDeclarator(t.identifier(hoistedName(r, field)), prop(t.identifier(field.slice(0, dot)), field.slice(dot + 1))));
    else if (handle?.[0] === "h") head.push(t.variableDeclarator(t.identifier(hoistedName(r, field)), handle.reduce<t.Expression>((e, n) => prop(e, n), t.identifier(it))));
  }
  const needsObject = r.refUsed || usedAsValue(statement, name);
  const a = r.fields.has("a") ? t.identifier(hoistedName(r, "a")) : address;
  if (r.fields.has("a")) addressDecl.push(t.variableDeclaration("const", [t.variableDeclarator(t.identifier(hoistedName(r, "a")), address)]));
  if (needsObject) {
    const value = element.type === "CallExpression" ? { ...element, arguments: [element.arguments[0]!, t.cloneNode(a, true), ...element.arguments.slice(2)] } : element;
    const decls = [t.variableDeclarator(t.identifier(name), value)];
    if (r.refUsed) decls.push(t.variableDeclarator(t.identifier(r.refName), t.identifier(name)));
    object.push(t.variableDeclaration(kind, decls));
  }
  fs.anchored.delete(parentOf(fs.st, parentOf(fs.st, r.binding.decl)!)!); // declared here, not by refDeclarations
  return { head, address: addressDecl, object };
}

/** usedAsValue tells whether a loop body names the variable other than as the root of an access chain. */
function usedAsValue(statement: t.Node, name: string): boolean {
  const visit = (node: t.Node, parent: t.Node | undefined): boolean => {
    if (node.type === "Identifier" && node.name === name && parent !== undefined) {
      const member = parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression";
      const isRoot = member && parent.object === node;
      const isName = (member && !parent.computed && parent.property === node) || (parent.type === "ObjectProperty" && parent.key === node && !parent.shorthand);
      if (!isRoot && !isName) return true;
    }
    for (const key of t.VISITOR_KEYS[node.type] ?? []) {
      const child = (node as any)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c != null && visit(c, node)) return true;
      } else if (child != null && typeof child === "object" && visit(child, node)) return true;
    }
    return false;
  };
  return visit(statement, undefined);
}

function asStatements(out: t.Node | t.Node[] | null): t.Statement[] {
  if (out === null) return [];
  return (Array.isArray(out) ? out : [out]) as t.Statement[];
}
