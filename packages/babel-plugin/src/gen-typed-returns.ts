/**
 * Typed returns the code generator cannot follow (the tsc plugin's typed-returns.ts): a
 * method, an accessor or a function-valued property annotated to return `__typed<T>` would hand
 * its callers a CompiledRef without fields; it is reported (1217) where it is written: class and
 * object members (bodies or not: abstract, ambient and overload signatures are what callers
 * see), and the member signatures of interfaces and type literals. Call and construct
 * signatures, and function types that are not a member's type, are shapes of functions and are
 * not reported (as in the tsc plugin).
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { Diagnostics } from "@typedc/core";
import { report } from "./gen-report.js";
import { runtimeNameOf, textOf, type GenState } from "./gen-state.js";

type Member = t.ClassMethod | t.ObjectMethod | t.ClassProperty | t.ObjectProperty | t.TSDeclareMethod;

/** checkTypedReturn reports a method, accessor, or function-valued property (or object literal member) annotated to return `__typed<T>`. */
export function checkTypedReturn(st: GenState, node: Member): void {
  if (node.type === "ObjectProperty") return reportIfTyped(st, node, functionReturnOf(node.value));
  if (node.type !== "ClassProperty") {
    if (node.kind === "set" || node.kind === "constructor") return;
    return reportIfTyped(st, node, typeOf(node.returnType));
  }
  // The annotation is what callers see (`pick: (i: number) => __typed<T> = ...`, `declare pick: ...`);
  // without one, the initializer's own return annotation.
  const type = typeOf(node.typeAnnotation);
  const annotated = type === undefined ? undefined : memberFunctionReturn(type);
  reportIfTyped(st, node, annotated !== undefined && isTypedObject(st, annotated) ? annotated : functionReturnOf(node.value));
}

/**
 * checkTypedSignatures reports the method, getter and function-typed property signatures
 * returning `__typed<T>` of an interface or a type alias, at any depth of its type literals
 * (`interface A { inner: { get(): __typed<T> } }`), in source order.
 */
export function checkTypedSignatures(st: GenState, node: t.TSInterfaceDeclaration | t.TSTypeAliasDeclaration): void {
  const walk = (n: t.Node): void => {
    if (n.type === "TSMethodSignature" && n.kind !== "set") reportIfTyped(st, n, typeOf(n.typeAnnotation));
    else if (n.type === "TSPropertySignature") {
      const type = typeOf(n.typeAnnotation);
      reportIfTyped(st, n, type === undefined ? undefined : memberFunctionReturn(type));
    }
    eachChild(n, walk);
  };
  eachChild(node, walk);
}

/** eachChild calls `f` on every child node of `node` (Babel's visitor keys, source order). */
function eachChild(node: t.Node, f: (child: t.Node) => void): void {
  for (const key of t.VISITOR_KEYS[node.type] ?? []) {
    const child = (node as any)[key] as t.Node | (t.Node | null)[] | null | undefined;
    if (Array.isArray(child)) {
      for (const c of child) if (c != null) f(c);
    } else if (child != null) f(child);
  }
}

/** typeOf is the type of a type annotation (Babel wraps it in a TSTypeAnnotation; Flow's are not ours). */
function typeOf(annotation: t.Node | null | undefined): t.TSType | undefined {
  return annotation?.type === "TSTypeAnnotation" ? (annotation as t.TSTypeAnnotation).typeAnnotation : undefined;
}

/** functionReturnOf is the return annotation of a function or arrow expression (parentheses skipped). */
function functionReturnOf(value: t.Node | null | undefined): t.TSType | undefined {
  while (value?.type === "ParenthesizedExpression") value = value.expression;
  return value?.type === "ArrowFunctionExpression" || value?.type === "FunctionExpression" ? typeOf(value.returnType) : undefined;
}

/**
 * memberFunctionReturn is the return type of the function type a member is annotated with:
 * `(i: number) => __typed<T>`, parenthesised, or one member of a union (`((i) => __typed<T>) | undefined`).
 */
function memberFunctionReturn(type: t.TSType): t.TSType | undefined {
  while (type.type === "TSParenthesizedType") type = type.typeAnnotation;
  if (type.type === "TSFunctionType") return typeOf(type.typeAnnotation);
  if (type.type !== "TSUnionType") return undefined;
  for (const member of type.types) {
    const r = memberFunctionReturn(member);
    if (r !== undefined) return r;
  }
  return undefined;
}

/**
 * isTypedObject tells whether an annotation is `__typed<T>`, by the name only: T is not
 * converted, as such a member is an error whatever T is (and in a generic, T is no C type).
 */
function isTypedObject(st: GenState, type: t.TSType): boolean {
  return type.type === "TSTypeReference" && type.typeParameters?.params.length === 1 && runtimeNameOf(st, type.typeName) === "__typed";
}

/** memberName is a member's name as the message spells it (`[k]` for a computed one, as the tsc plugin spells it). */
function memberName(st: GenState, member: { key: t.Node; computed?: boolean | null }): string {
  return member.computed === true ? `[${textOf(st, member.key)}]` : textOf(st, member.key);
}

/** reportIfTyped reports a member when its return annotation is `__typed<T>`. */
function reportIfTyped(st: GenState, member: { key: t.Node; computed?: boolean | null }, returnType: t.TSType | undefined): void {
  if (returnType === undefined || !isTypedObject(st, returnType)) return;
  const argument = (returnType as t.TSTypeReference).typeParameters!.params[0]!;
  report(st, Diagnostics._0_returns_typed_1_from_a_method_accessor_or_property_whose_calls_typedc_does_not_follow_callers_would_get_a_handle_without_fields_Declare_it_as_a_function_function_0_typed_1_or_return_a_plain_object_with_toPlain, [memberName(st, member), textOf(st, argument)], returnType);
}
