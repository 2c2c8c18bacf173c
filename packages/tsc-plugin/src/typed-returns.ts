/**
 * Typed returns the transformer cannot follow (docs/compiler.md, "Known limits"): a call is
 * typed only when its callee names a function whose return is annotated `__typed<T>`; a method,
 * an accessor or a function-valued property returning `__typed<T>` would hand its callers a
 * CompiledRef, which has no fields, and `obj.get(i).pid` would read `undefined` without a word.
 * So such a declaration is reported (1217) where it is written, by syntax, as the Babel plugin
 * reports it: class and object members (bodies or not: abstract, ambient and overload signatures
 * are what callers see), and the member signatures of interfaces and type literals.
 *
 * Call and construct signatures, and a function type that is not a member's type, are the
 * shapes of functions (`type F = (i: number) => __typed<T>` types a function, whose calls
 * follow the rules for functions) and are not reported.
 */
import type * as TS from "typescript";
import { Diagnostics } from "@typedc/core";
import type { FileState } from "./file-state.js";
import { runtimeNameOf } from "./program-state.js";
import { report } from "./transformer.js";

type Member = TS.MethodDeclaration | TS.GetAccessorDeclaration | TS.PropertyDeclaration | TS.PropertyAssignment;

/** checkTypedReturn reports a method, accessor, or function-valued property (or object literal member) annotated to return `__typed<T>`. */
export function checkTypedReturn(fs: FileState, node: Member): void {
  const { ts } = fs.st;
  if (ts.isPropertyAssignment(node)) return reportIfTyped(fs, node.name, functionReturnOf(ts, node.initializer));
  if (!ts.isPropertyDeclaration(node)) return reportIfTyped(fs, node.name, node.type);
  // The annotation is what callers see (`pick: (i: number) => __typed<T> = ...`, `declare pick: ...`);
  // without one, the initializer's own return annotation.
  const annotated = node.type === undefined ? undefined : memberFunctionReturn(ts, node.type);
  reportIfTyped(fs, node.name, annotated !== undefined && isTypedObject(fs, annotated) ? annotated : functionReturnOf(ts, node.initializer));
}

/**
 * checkTypedSignatures reports the method, getter and function-typed property signatures
 * returning `__typed<T>` of an interface or a type alias, at any depth of its type literals
 * (`interface A { inner: { get(): __typed<T> } }`), in source order.
 */
export function checkTypedSignatures(fs: FileState, node: TS.InterfaceDeclaration | TS.TypeAliasDeclaration): void {
  const { ts } = fs.st;
  const walk = (n: TS.Node): void => {
    if (ts.isMethodSignature(n) || ts.isGetAccessorDeclaration(n)) reportIfTyped(fs, n.name, n.type);
    else if (ts.isPropertySignature(n) && n.type !== undefined) reportIfTyped(fs, n.name, memberFunctionReturn(ts, n.type));
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(node, walk);
}

/** functionReturnOf is the return annotation of a function or arrow expression (parentheses skipped). */
function functionReturnOf(ts: typeof TS, init: TS.Expression | undefined): TS.TypeNode | undefined {
  while (init !== undefined && ts.isParenthesizedExpression(init)) init = init.expression;
  return init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init.type : undefined;
}

/**
 * memberFunctionReturn is the return type of the function type a member is annotated with:
 * `(i: number) => __typed<T>`, parenthesised, or one member of a union (`((i) => __typed<T>) | undefined`).
 */
function memberFunctionReturn(ts: typeof TS, type: TS.TypeNode): TS.TypeNode | undefined {
  while (ts.isParenthesizedTypeNode(type)) type = type.type;
  if (ts.isFunctionTypeNode(type)) return type.type;
  if (!ts.isUnionTypeNode(type)) return undefined;
  for (const member of type.types) {
    const r = memberFunctionReturn(ts, member);
    if (r !== undefined) return r;
  }
  return undefined;
}

/**
 * isTypedObject tells whether an annotation is `__typed<T>`, by the name only: T is not
 * converted, as such a member is an error whatever T is (and in a generic, T is no C type).
 */
function isTypedObject(fs: FileState, type: TS.TypeNode): boolean {
  const { ts } = fs.st;
  return ts.isTypeReferenceNode(type) && type.typeArguments?.length === 1 && runtimeNameOf(fs.st, type.typeName) === "__typed";
}

/** memberName is a member's name as the message spells it (`[k]` for a computed one, as Babel's plugin spells it). */
function memberName(fs: FileState, name: TS.PropertyName): string {
  return fs.st.ts.isComputedPropertyName(name) ? `[${name.expression.getText()}]` : name.getText();
}

/** reportIfTyped reports member `name` when its return annotation is `__typed<T>`. */
function reportIfTyped(fs: FileState, name: TS.PropertyName, returnType: TS.TypeNode | undefined): void {
  if (returnType === undefined || !isTypedObject(fs, returnType)) return;
  const typeText = (returnType as TS.TypeReferenceNode).typeArguments![0]!.getText();
  report(fs, Diagnostics._0_returns_typed_1_from_a_method_accessor_or_property_whose_calls_typedc_does_not_follow_callers_would_get_a_handle_without_fields_Declare_it_as_a_function_function_0_typed_1_or_return_a_plain_object_with_toPlain, [memberName(fs, name), typeText], returnType);
}
