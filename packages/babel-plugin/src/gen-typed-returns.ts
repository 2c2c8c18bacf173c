/**
 * Typed returns the code generator cannot follow (the tsc plugin's typed-returns.ts): a
 * method, an accessor or a function-valued property annotated to return `__typed<T>` would hand
 * its callers a CompiledRef without fields; it is reported (1217) where it is written: class and
 * object members (bodies or not: abstract, ambient and overload signatures are what callers
 * see), the member signatures of interfaces and type aliases, and those of type literals written
 * inline anywhere else (a parameter's, a variable's, a return's annotation). A property typed by
 * a reference to a function type or a callable interface returning `__typed<T>` is such a member
 * too. Call and construct signatures, and function types that are not a member's type, are
 * shapes of functions and are not reported (as in the tsc plugin); a call through a shape typedc
 * does not follow (a generic alias, an interface with `extends` or several call signatures) is
 * reported at the call (1218).
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { Diagnostics } from "@typedc/core";
import { annotatedType, unparen } from "./extract-ast.js";
import { annotatedCallShape, calleeDeclarationOf, functionLike, returnTypeOf } from "./gen-bindings.js";
import { callShapeOf, isTypedReturn } from "./gen-call-shape.js";
import { report } from "./gen-report.js";
import { textOf, type GenState } from "./gen-state.js";

type Member = t.ClassMethod | t.ObjectMethod | t.ClassProperty | t.ObjectProperty | t.TSDeclareMethod;

/** MemberReturn is the return type of the function a member's annotation types, and where a report about it goes. */
interface MemberReturn {
  readonly returnType: t.TSType;
  readonly at: t.Node;
}

/** checkTypedReturn reports a method, accessor, or function-valued property (or object literal member) annotated to return `__typed<T>`. */
export function checkTypedReturn(st: GenState, node: Member): void {
  if (node.type === "ObjectProperty") return reportIfTyped(st, node, functionReturnOf(node.value));
  if (node.type !== "ClassProperty") {
    if (node.kind === "set" || node.kind === "constructor") return;
    return reportIfTyped(st, node, annotatedType(node.returnType));
  }
  // The annotation is what callers see (`pick: (i: number) => __typed<T> = ...`, `declare pick: ...`);
  // without one, the initializer's own return annotation.
  const type = annotatedType(node.typeAnnotation);
  const annotated = type === undefined ? undefined : memberFunctionReturn(st, type);
  if (annotated !== undefined && isTypedReturn(st, annotated.returnType)) return reportIfTyped(st, node, annotated.returnType, annotated.at);
  reportIfTyped(st, node, functionReturnOf(node.value));
}

/**
 * checkTypedSignatures reports the method, getter and function-typed property signatures
 * returning `__typed<T>` of an interface or a type alias, at any depth of its type literals
 * (`interface A { inner: { get(): __typed<T> } }`), in source order.
 */
export function checkTypedSignatures(st: GenState, node: t.TSInterfaceDeclaration | t.TSTypeAliasDeclaration): void {
  eachChild(node, (n) => checkSignaturesUnder(st, n));
}

/**
 * checkInlineSignatures reports the member signatures of the type literals a file writes outside
 * interfaces and type aliases (those are checked where the visitor meets them): in a parameter's,
 * a variable's, a property's or a return's annotation, at any depth, in source order. One walk
 * of the file after the visit, as the tsc plugin makes it (the visitor does not enter types).
 */
export function checkInlineSignatures(st: GenState, program: t.Program): void {
  const walk = (n: t.Node): void => {
    if (n.type === "TSInterfaceDeclaration" || n.type === "TSTypeAliasDeclaration") return;
    if (n.type === "TSTypeLiteral") return checkSignaturesUnder(st, n);
    eachChild(n, walk);
  };
  walk(program);
}

/** checkSignaturesUnder reports the typed member signatures in a type node and in the type literals under it. */
function checkSignaturesUnder(st: GenState, node: t.Node): void {
  const walk = (n: t.Node): void => {
    if (n.type === "TSMethodSignature" && n.kind !== "set") reportIfTyped(st, n, annotatedType(n.typeAnnotation));
    else if (n.type === "TSPropertySignature") {
      const type = annotatedType(n.typeAnnotation);
      const found = type === undefined ? undefined : memberFunctionReturn(st, type);
      if (found !== undefined) reportIfTyped(st, n, found.returnType, found.at);
    }
    eachChild(n, walk);
  };
  walk(node);
}

/**
 * checkUnfollowedCall reports a call through a parameter or a variable whose annotation gives its
 * calls a shape typedc does not follow (`get: Get<Task>`, an interface with `extends` or several
 * call signatures) when a signature returns `__typed<T>`: the result would be a handle without fields.
 */
export function checkUnfollowedCall(st: GenState, call: t.CallExpression): void {
  if (call.callee.type !== "Identifier") return;
  const decl = calleeDeclarationOf(st, call.callee);
  if (decl === undefined) return;
  const fn = functionLike(decl);
  if (fn !== undefined && returnTypeOf(fn) !== undefined) return; // a function: its own annotation decides
  const shape = annotatedCallShape(st, decl);
  if (shape === undefined || shape.followed || !shape.returnTypes.some((r) => isTypedReturn(st, r))) return;
  const through = textOf(st, shape.annotation).replace(/\s+/g, " ");
  report(st, Diagnostics._0_is_called_through_1_whose_calls_typedc_does_not_follow_type_arguments_or_parameters_extends_or_more_than_one_call_signature_the_result_would_be_a_handle_without_fields_Annotate_0_with_the_function_type_written_out_typed_T_or_a_non_generic_alias_of_it, [call.callee.name, through], call);
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

/** functionReturnOf is the return annotation of a function or arrow expression (parentheses skipped). */
function functionReturnOf(value: t.Node | null | undefined): t.TSType | undefined {
  while (value?.type === "ParenthesizedExpression") value = value.expression;
  return value?.type === "ArrowFunctionExpression" || value?.type === "FunctionExpression" ? annotatedType(value.returnType) : undefined;
}

/**
 * memberFunctionReturn is the return type of the function a member's annotation types:
 * `(i: number) => __typed<T>` (parenthesised, or one member of a union:
 * `((i) => __typed<T>) | undefined`, a typed one first) at its return type; a type literal with
 * call signatures at its typed one; a reference to a function type or a callable interface
 * (`get: Get`) at the reference, as the declaration may be in another file.
 */
function memberFunctionReturn(st: GenState, written: t.TSType): MemberReturn | undefined {
  const type = unparen(written);
  if (type.type === "TSUnionType") {
    let first: MemberReturn | undefined;
    for (const member of type.types) {
      const r = memberFunctionReturn(st, member);
      if (r !== undefined && isTypedReturn(st, r.returnType)) return r;
      first ??= r;
    }
    return first;
  }
  if (type.type !== "TSFunctionType" && type.type !== "TSTypeLiteral" && type.type !== "TSTypeReference") return undefined;
  const shape = callShapeOf(st, type);
  const returnType = shape?.returnTypes.find((r) => isTypedReturn(st, r)) ?? shape?.returnTypes[0];
  return returnType === undefined ? undefined : { returnType, at: shape!.direct ? returnType : type };
}

/** memberName is a member's name as the message spells it (`[k]` for a computed one, as the tsc plugin spells it). */
function memberName(st: GenState, member: { key: t.Node; computed?: boolean | null }): string {
  return member.computed === true ? `[${textOf(st, member.key)}]` : textOf(st, member.key);
}

/** reportIfTyped reports a member when its return annotation is `__typed<T>` (at the annotation, or at `at`). */
function reportIfTyped(st: GenState, member: { key: t.Node; computed?: boolean | null }, returnType: t.TSType | undefined, at: t.Node | undefined = returnType): void {
  if (returnType === undefined || !isTypedReturn(st, returnType)) return;
  const argument = returnType.typeParameters!.params[0]!;
  report(st, Diagnostics._0_returns_typed_1_from_a_method_accessor_or_property_whose_calls_typedc_does_not_follow_callers_would_get_a_handle_without_fields_Declare_it_as_a_function_function_0_typed_1_or_return_a_plain_object_with_toPlain, [memberName(st, member), textOf(st, argument)], at!);
}
